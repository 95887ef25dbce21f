/**
 * Finding a table in a sheet snapshot by its headers (never by position) and reading its rows.
 * Headers match the Thai header, an alias or the column key, ignoring spaces and digit script.
 */
import { isBlank, type CellValue } from './cells';
import type { ColumnSpec, TableSpec } from './schema';
import type { SheetSnapshot } from './snapshot';
import { normalizeSpaces, toArabicDigits } from './thai/digits';

/** How many top rows are searched for the header row (a title row above the header is common). */
const HEADER_SEARCH_ROWS = 10;

export interface RawCell {
  value: CellValue;
  display: string;
  formula: string;
  /** 1-based address in the sheet. */
  row: number;
  col: number;
}

export interface LocatedColumn {
  spec: ColumnSpec;
  col: number;
  header: string;
}

export interface FamilyMember {
  n: number;
  col: number;
  header: string;
}

export interface TableLayout {
  table: TableSpec;
  sheet: string;
  /** 1-based; 0 when no header row was found. */
  headerRow: number;
  columns: Map<string, LocatedColumn>;
  family: FamilyMember[];
  /** Declared columns with no header in the sheet. */
  missing: ColumnSpec[];
  /** Header texts that name the same column twice (the first one is used). */
  duplicates: { header: string; col: number }[];
}

export interface TableRow {
  /** 1-based sheet row. */
  readonly row: number;
  /** By column key; each get() makes the cell afresh from the snapshot (see RowCells). */
  readonly cells: ReadonlyMap<string, RawCell>;
  /** By family member (budget year, indicator number). */
  readonly family: ReadonlyMap<number, RawCell>;
}

export interface ReadTable {
  layout: TableLayout;
  rows: TableRow[];
  /** Makes the cell at a 1-based address as rows see it (merged cells read their merge's top-left). */
  cellAt: CellMaker;
  /**
   * A row's values and displays by 0-based column, as cellAt would give them, without making cells:
   * the snapshot's own arrays (not to be changed), or copies where the sheet has merges.
   */
  lineAt(row: number): RowLine;
}

/** Values and displays of one sheet row by 0-based column (undefined where the row is shorter). */
export interface RowLine {
  values: readonly CellValue[] | undefined;
  displays: readonly string[] | undefined;
}

/** Canonical form of a header or label for matching. */
export function normalizeHeader(text: string): string {
  return normalizeSpaces(toArabicDigits(text))
    .replace(/\s*([()/:*])\s*/g, '$1')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

function headerCandidates(spec: ColumnSpec): string[] {
  return [spec.header, ...(spec.aliases ?? []), spec.key].map(normalizeHeader);
}

function cellText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return '';
  return String(value);
}

function matchFamily(table: TableSpec, header: string): number | null {
  if (!table.family) return null;
  const match = table.family.match.exec(normalizeSpaces(header));
  return match ? Number(toArabicDigits(match[1])) : null;
}

/** Scores a candidate header row: how many declared columns it names. */
function headerScore(table: TableSpec, row: CellValue[] | undefined): number {
  if (!row) return 0;
  const wanted = table.columns.map(headerCandidates);
  let score = 0;
  for (const value of row) {
    const text = normalizeHeader(cellText(value));
    if (!text) continue;
    if (wanted.some((c) => c.includes(text)) || matchFamily(table, cellText(value)) !== null) score++;
  }
  return score;
}

export function locateTable(snapshot: SheetSnapshot, table: TableSpec): TableLayout {
  let headerRow = 0;
  let best = 0;
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, snapshot.values.length); r++) {
    const score = headerScore(table, snapshot.values[r]);
    if (score > best) {
      best = score;
      headerRow = r + 1;
    }
  }
  const columns = new Map<string, LocatedColumn>();
  const family: FamilyMember[] = [];
  const duplicates: { header: string; col: number }[] = [];
  const headerValues = headerRow ? snapshot.values[headerRow - 1] : [];
  headerValues.forEach((value, index) => {
    const header = cellText(value);
    const text = normalizeHeader(header);
    if (!text) return;
    const col = index + 1;
    const spec = table.columns.find((c) => headerCandidates(c).includes(text));
    if (spec) {
      if (columns.has(spec.key)) duplicates.push({ header, col });
      else columns.set(spec.key, { spec, col, header });
      return;
    }
    const n = matchFamily(table, header);
    if (n !== null) {
      if (family.some((m) => m.n === n)) duplicates.push({ header, col });
      else family.push({ n, col, header });
    }
  });
  const missing = table.columns.filter((c) => !columns.has(c.key));
  return { table, sheet: snapshot.name, headerRow, columns, family, missing, duplicates };
}

/** Numeric key of a cell (Sheets has at most 18,278 columns): no string per cell on the hot path. */
function mergeKey(row: number, col: number): number {
  return row * 20000 + col;
}

/** Cells under a vertical or block merge read as the merge's top-left value (staff merge dimension cells). */
function mergedSource(snapshot: SheetSnapshot): Map<number, [number, number]> {
  const source = new Map<number, [number, number]>();
  for (const m of snapshot.merges) {
    for (let r = m.row; r < m.row + m.rows; r++) {
      for (let c = m.col; c < m.col + m.cols; c++) {
        if (r !== m.row || c !== m.col) source.set(mergeKey(r, c), [m.row, m.col]);
      }
    }
  }
  return source;
}

export function rawCell(snapshot: SheetSnapshot, row: number, col: number): RawCell {
  return {
    value: snapshot.values[row - 1]?.[col - 1] ?? null,
    display: snapshot.displays[row - 1]?.[col - 1] ?? '',
    formula: snapshot.formulas[row - 1]?.[col - 1] ?? '',
    row,
    col,
  };
}

/** Makes a row's cells from the snapshot arrays, merged cells reading their merge's top-left value. */
export type CellMaker = (row: number, col: number) => RawCell;

/**
 * The cells of one table row, made on demand: a 100,000-row sheet would otherwise hold a map and an
 * object per cell for the whole command (bench/). Behaves as a read-only Map of its columns.
 */
class RowCells<K> implements ReadonlyMap<K, RawCell> {
  constructor(
    private readonly make: CellMaker,
    private readonly row: number,
    private readonly cols: ReadonlyMap<K, number>,
  ) {}

  get size(): number {
    return this.cols.size;
  }

  get(key: K): RawCell | undefined {
    const col = this.cols.get(key);
    return col === undefined ? undefined : this.make(this.row, col);
  }

  has(key: K): boolean {
    return this.cols.has(key);
  }

  *entries(): MapIterator<[K, RawCell]> {
    for (const [key, col] of this.cols) yield [key, this.make(this.row, col)];
  }

  keys(): MapIterator<K> {
    return this.cols.keys();
  }

  *values(): MapIterator<RawCell> {
    for (const col of this.cols.values()) yield this.make(this.row, col);
  }

  [Symbol.iterator](): MapIterator<[K, RawCell]> {
    return this.entries();
  }

  forEach(callback: (value: RawCell, key: K, map: ReadonlyMap<K, RawCell>) => void, thisArg?: unknown): void {
    for (const [key, cell] of this.entries()) callback.call(thisArg, cell, key, this);
  }
}

/**
 * Reads every non-blank row under the header; blank rows in the middle are skipped. This is the hot
 * path of every command (100,000-row sheets in bench/): a blank row costs no allocation and a row one
 * small object; cells are made when asked for.
 */
export function readTable(snapshot: SheetSnapshot, table: TableSpec): ReadTable {
  const layout = locateTable(snapshot, table);
  const rows: TableRow[] = [];
  const { values, displays, formulas } = snapshot;
  const merged = snapshot.merges.length ? mergedSource(snapshot) : null;
  const keyCols = new Map<string, number>();
  for (const [key, located] of layout.columns) keyCols.set(key, located.col);
  const memberCols = new Map<number, number>(layout.family.map((m) => [m.n, m.col]));
  const allCols = [...keyCols.values(), ...memberCols.values()];
  const cellAt: CellMaker = (row, col) => {
    const from = merged?.get(mergeKey(row, col));
    const r = from ? from[0] - 1 : row - 1;
    const c = from ? from[1] - 1 : col - 1;
    return {
      value: values[r]?.[c] ?? null,
      display: displays[r]?.[c] ?? '',
      formula: formulas[r]?.[c] ?? '',
      row,
      col,
    };
  };
  // One object reused for every row of a sheet without merges: readers take what they need at once.
  const direct: { values: readonly CellValue[] | undefined; displays: readonly string[] | undefined } = {
    values: undefined,
    displays: undefined,
  };
  const lineAt = (row: number): RowLine => {
    if (!merged) {
      direct.values = values[row - 1];
      direct.displays = displays[row - 1];
      return direct;
    }
    const line: CellValue[] = [];
    const shown: string[] = [];
    for (const col of allCols) {
      const cell = cellAt(row, col);
      line[col - 1] = cell.value;
      shown[col - 1] = cell.display;
    }
    return { values: line, displays: shown };
  };
  if (!layout.headerRow) return { layout, rows, cellAt, lineAt };
  const source: RowSource = { make: cellAt, keyCols, memberCols };
  for (let row = layout.headerRow + 1; row <= values.length; row++) {
    // A merged-down value alone does not make a row: only the row's own cells count.
    const line = values[row - 1];
    const formulaLine = formulas[row - 1];
    let filled = false;
    for (const col of allCols) {
      if (merged?.has(mergeKey(row, col))) continue;
      if (!isBlank(line?.[col - 1] ?? null) || (formulaLine?.[col - 1] ?? '') !== '') {
        filled = true;
        break;
      }
    }
    if (filled) rows.push(new SheetRow(row, source));
  }
  return { layout, rows, cellAt, lineAt };
}

/** What the rows of one table read share: how cells are made and where each column is. */
interface RowSource {
  make: CellMaker;
  keyCols: ReadonlyMap<string, number>;
  memberCols: ReadonlyMap<number, number>;
}

/**
 * A table row as one small object: every command keeps 100,000s of them (bench/), so its cell maps
 * are views made when asked for, and cells are made by the views when asked for.
 */
class SheetRow implements TableRow {
  constructor(
    readonly row: number,
    private readonly source: RowSource,
  ) {}

  get cells(): RowCells<string> {
    return new RowCells(this.source.make, this.row, this.source.keyCols);
  }

  get family(): RowCells<number> {
    return new RowCells(this.source.make, this.row, this.source.memberCols);
  }

  /** The key's 1-based column, 0 when the sheet lacks it: no view or cell is made. */
  colOf(key: string): number {
    return this.source.keyCols.get(key) ?? 0;
  }
}

/** The cell of a column in a row, or a blank cell addressed where the column would be. */
export function cellOf(row: TableRow, key: string): RawCell {
  return row.cells.get(key) ?? blankCellIn(row);
}

/** The cell of a family member (budget year, indicator number) in a row, as cellOf. */
export function memberCellOf(row: TableRow, n: number): RawCell {
  return row.family.get(n) ?? blankCellIn(row);
}

/** A blank cell in the row, in no column (col 0: the sheet lacks it). */
function blankCellIn(row: TableRow): RawCell {
  return { value: null, display: '', formula: '', row: row.row, col: 0 };
}

/** The 1-based column of a row's key (0 where the sheet lacks it), without making the cell. */
export function colOf(row: TableRow, key: string): number {
  return row instanceof SheetRow ? row.colOf(key) : (row.cells.get(key)?.col ?? 0);
}

/** Trimmed text of a cell as the user sees it (numbers as displayed, Thai digits kept). */
export function textOf(cell: RawCell): string {
  if (cell.value === null) return '';
  if (typeof cell.value === 'string') return normalizeSpaces(cell.value);
  return normalizeSpaces(cell.display || String(cell.value));
}

/** Identifier text: numbers as plain digits (1.1 stays "1.1"), Thai digits made Arabic. */
export function codeOf(cell: RawCell): string {
  if (typeof cell.value === 'number') return String(cell.value);
  return toArabicDigits(textOf(cell));
}
