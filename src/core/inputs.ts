/**
 * Reads the input sheets into typed rows. Every cell of every declared column is read once; each problem
 * becomes a finding at its cell. Commands use the typed rows; validation adds the cross-field rules.
 */
import { a1, isBlank, type CellValue } from './cells';
import { finding, type Finding, type FindingInput } from './findings';
import { fingerprintSnapshot, SheetPrinter } from './fingerprint';
import {
  readAmountCell,
  readDateCell,
  readFiscalYear,
  readIndicators,
  readInteger,
  readItemType,
  readPercent,
  readPeriodCell,
  readRound,
  readScore,
  readStatus,
  readUnits,
  normalizedAt,
  numberAmountReading,
  placeholderAt,
  textSlotOf,
  canon,
  type IndicatorName,
  type Problem,
  type Reading,
  type UnitsReading,
} from './readers';
import { textSlot } from './text-slot';
import {
  INPUT_SHEETS,
  PLAN_TABLE,
  MEASURES_TABLE,
  REFERENCE_TABLES,
  SCORES_TABLE,
  SETTINGS,
  SETTINGS_COLUMNS,
  TRACKING_TABLE,
  type ColumnSpec,
  type ColumnType,
  type InputSheetKey,
  type InputSheetSpec,
  type ItemTypeKind,
  type RoundKind,
  type SettingKey,
  type StatusKind,
  type TableKey,
  type TableSpec,
  tableSpec,
} from './schema';
import type { SheetSnapshot } from './snapshot';
import { normalizeSpaces, toArabicDigits } from './thai/digits';
import {
  cellOf,
  codeOf,
  memberCellOf,
  normalizeHeader,
  readTable,
  textOf,
  type RawCell,
  type CellMaker,
  type ReadTable,
  type TableLayout,
  type TableRow,
} from './table';
import type { IsoDate } from './thai/dates';
import type { AmountReading } from './thai/numbers';
import type { PeriodReading } from './thai/period';

export type OkPeriod = PeriodReading & { ok: true };

export type InputSnapshots = Partial<Record<InputSheetKey, SheetSnapshot | null>>;

export const REPAIR_HINT = 'เลือกเมนู ITA Sheets › ตั้งค่า/ซ่อมแซมแม่แบบ';

// ---------------------------------------------------------------------------------------------------------
// Typed rows

export interface Settings {
  orgName: string;
  orgType: string;
  district: string;
  province: string;
  planFirstYear: number | null;
  planLastYear: number | null;
  trackingYear: number | null;
  asOf: IsoDate | null;
  round: RoundKind | null;
  itaTarget: number | null;
  dueSoonDays: number | null;
  preparerName: string;
  preparerPosition: string;
  /** Where each setting's value sits (for links and marks). */
  cells: Partial<Record<SettingKey, RawCell>>;
}

export interface Dimension {
  code: string;
  name: string;
  submissions: { code: string; name: string }[];
}

export interface IndicatorDef {
  fromYear: number;
  tool: string;
  toolWeight: number;
  no: number;
  name: string;
  aliases: string[];
}

export interface BandDef {
  fromYear: number;
  grade: string;
  minTotal: number;
  minEachTool: number | null;
  passes: boolean;
}

export interface Reference {
  dimensions: Dimension[];
  /** Sub-mission code → its dimension code. */
  submissionDimension: Map<string, string>;
  units: string[];
  indicators: IndicatorDef[];
  bands: BandDef[];
}

export interface RowBase {
  /** 1-based sheet row. */
  row: number;
  cells: TableRow;
  /** Columns whose cell could not be read (reported as findings). */
  unreadable: ReadonlySet<string>;
}

/**
 * One plan year's budget of an item. Shared by every row whose cell reads the same (a 100,000-row plan
 * would otherwise keep five objects per row, bench/): the cell itself comes from budgetCellOf.
 */
export interface BudgetCell {
  readonly year: number;
  /** null when the cell could not be read. */
  readonly amount: AmountReading | null;
}

/** The plan cell an item's budget of that year was read from (made now, merged cells resolved). */
export function budgetCellOf(item: RowBase, year: number): RawCell {
  return memberCellOf(item.cells, year);
}

export interface PlanItem extends RowBase {
  code: string;
  dimension: string;
  submission: string;
  type: ItemTypeKind | null;
  typeText: string;
  name: string;
  budgets: BudgetCell[];
  responsible: UnitsReading | null;
  responsibleText: string;
  period: OkPeriod | null;
  periodText: string;
  indicators: number[];
  outputs: string;
}

export interface Measure extends RowBase {
  fiscalYear: number | null;
  no: string;
  measure: string;
  method: string;
  responsible: UnitsReading | null;
  responsibleText: string;
  period: OkPeriod | null;
  periodText: string;
  followup: string;
  indicators: number[];
  status: StatusKind | null;
  percent: number | null;
  result: string;
  evidence: string;
}

export interface TrackingRow extends RowBase {
  code: string;
  name: string;
  fiscalYear: number | null;
  responsible: UnitsReading | null;
  responsibleText: string;
  plannedBudget: AmountReading | null;
  start: IsoDate | null;
  deadline: IsoDate | null;
  status: StatusKind | null;
  percent: number | null;
  disbursed: AmountReading | null;
  result: string;
  problems: string;
  evidence: string;
}

export interface ScoreYear extends RowBase {
  year: number | null;
  /** Indicator number → score, for the cells that hold one. */
  scores: Map<number, number>;
  /** Indicator columns present in the sheet (blank cells included). */
  scoreCells: Map<number, RawCell>;
  publishedTotal: number | null;
  publishedGrade: string;
  remarks: string;
}

/**
 * The text fields read with a parsed field, from the same cell: a command that asks for the field
 * gets its text too ("responsible" fills responsible and responsibleText).
 */
interface TextOfField {
  type: 'typeText';
  responsible: 'responsibleText';
  period: 'periodText';
}

/** The fields K and the texts that come with them. */
type WithTexts<K> = K | TextOfField[K & keyof TextOfField];

/** A field of PlanItem that a command can ask for (ColumnsRead); texts come with theirs. */
export type PlanColumn = Exclude<keyof PlanItem, keyof RowBase | TextOfField[keyof TextOfField]>;

/** A column of the tracking table, by the field of TrackingRow it fills ("responsible" fills both). */
export type TrackingColumn = Exclude<keyof TrackingRow, keyof RowBase | 'responsibleText'>;

/** A field of Measure that a command can ask for (ColumnsRead); texts come with theirs. */
export type MeasureColumn = Exclude<keyof Measure, keyof RowBase | TextOfField[keyof TextOfField]>;

/** A plan item read with only the fields K (ColumnsRead). */
export type PlanItemOf<K extends PlanColumn> = RowBase & Pick<PlanItem, WithTexts<K>>;

/** A tracking row read with only the columns K (ColumnsRead). */
export type TrackingRowOf<K extends TrackingColumn> = RowBase & Pick<TrackingRow, WithTexts<K>>;

/** An annual measure read with only the fields K (ColumnsRead). */
export type MeasureOf<K extends MeasureColumn> = RowBase & Pick<Measure, WithTexts<K>>;

/** The inputs apart from the large tables' rows: read the same whichever of their columns are. */
export type InputsBesideRows = Omit<Inputs, 'plan' | 'tracking' | 'measures'>;

/**
 * The inputs as read with only the plan fields P, the tracking columns T and the measure fields M: the
 * type lets a command use no other.
 */
export type InputsOf<
  P extends PlanColumn,
  T extends TrackingColumn,
  M extends MeasureColumn = MeasureColumn,
> = InputsBesideRows & {
  plan: PlanItemOf<P>[];
  tracking: TrackingRowOf<T>[];
  measures: MeasureOf<M>[];
};

/**
 * Which columns of the large tables a command reads (part of ReadOptions), as `as const` lists: for a
 * command that needs little of a large sheet. Every row is still found, by all its columns; the other
 * fields stay blank ('', null or []) and their cells report nothing. InputsReadWith types the result
 * so that the command can use no other field.
 */
export interface ColumnsRead {
  /** Plan fields; "budgets" reads the budget columns of every plan year. */
  planColumns?: readonly PlanColumn[];
  trackingColumns?: readonly TrackingColumn[];
  measureColumns?: readonly MeasureColumn[];
}

/** The inputs as read with the lists of R (all columns of a table R does not list). */
export type InputsReadWith<R extends ColumnsRead> = InputsOf<
  R extends { planColumns: readonly (infer P extends PlanColumn)[] } ? P : PlanColumn,
  R extends { trackingColumns: readonly (infer T extends TrackingColumn)[] } ? T : TrackingColumn,
  R extends { measureColumns: readonly (infer M extends MeasureColumn)[] } ? M : MeasureColumn
>;

export interface Inputs {
  /** Actual sheet name for each input sheet found (names may differ in spaces). */
  sheetNames: Partial<Record<InputSheetKey, string>>;
  settings: Settings;
  reference: Reference;
  scores: ScoreYear[];
  plan: PlanItem[];
  measures: Measure[];
  tracking: TrackingRow[];
  /** Plan years from the settings (or from the budget columns when the settings can't be read). */
  planYears: number[];
  layouts: Partial<Record<TableKey, TableLayout>>;
  findings: Finding[];
  /** Fingerprints of the sheets read, by key (fingerprintSnapshot), when asked for (ReadOptions). */
  prints: Partial<Record<InputSheetKey, string>>;
}

// ---------------------------------------------------------------------------------------------------------

/** Finds an input sheet by its name, ignoring case, spaces and digit script. */
export function resolveSheetName(names: readonly string[], spec: InputSheetSpec): string | null {
  const wanted = [spec.name, ...(spec.aliases ?? [])].map(normalizeHeader);
  return names.find((n) => n === spec.name) ?? names.find((n) => wanted.includes(normalizeHeader(n))) ?? null;
}

/** Collects findings for one sheet with the cell's text and address filled in. */
class FindingSink {
  readonly findings: Finding[] = [];

  add(input: FindingInput): void {
    this.findings.push(finding(input));
  }

  problem(sheet: string, cell: RawCell, problem: Problem): void {
    this.add({
      sheet,
      row: cell.row,
      col: cell.col,
      rule: problem.rule,
      severity: problem.severity,
      message: problem.problem,
      value: displayText(cell),
      readAs: problem.readAs ?? '',
    });
  }
}

export function displayText(cell: RawCell): string {
  if (cell.formula) return cell.display || cell.formula;
  if (typeof cell.value === 'string') return cell.value;
  return cell.display || (cell.value === null ? '' : String(cell.value));
}

interface ReadContext {
  sheet: string;
  sink: FindingSink;
  timeZone: string;
  units: readonly string[];
  indicatorNames: readonly IndicatorName[];
  /** Shared by contexts with the same lists (see ReadingCache). */
  cache: ReadingCache;
  /** Fingerprints the sheet as its rows are read (ReadOptions.fingerprints). */
  printer?: SheetPrinter;
}

/** A string cell that is a form's placeholder ("ระบุ…"), reported with its column's label. */
const PLACEHOLDER = { kind: 'placeholder' } as const;

type CachedReading = Reading<unknown> | typeof PLACEHOLDER;

/**
 * Readings by cell content, per kind of reading. Staff repeat the same statuses, units, periods and
 * amounts down a sheet, and parsing Thai text costs far more than a lookup (100,000-row sheets in
 * bench/). Readers are pure functions of a cell's value and display and of the context's lists, so
 * equal cells read equally. String cells are looked up by the string itself; numbers, dates and
 * booleans by their value, then their display (no key is built). Cached results are frozen, so no
 * caller can change what another row reads.
 */
type ReadingCache = Map<string, KindCache>;

interface KindCache {
  size: number;
  strings: Map<string, CachedReading>;
  /**
   * The strings last read, direct-mapped (textSlot) in front of `strings`: a string repeated down a
   * column is usually the very same string, found with one comparison instead of a hash lookup.
   */
  recent: (string | null)[];
  recentReadings: CachedReading[];
  /** By number, then display. */
  numbers: Map<number, ByDisplay>;
  /** By epoch milliseconds, then display. */
  dates: Map<number, ByDisplay>;
  booleans: Map<boolean, ByDisplay>;
}

/**
 * The readings of one value by display: the first display inline, others (the same number shown
 * another way) in a map made only then. Most numbers are shown one way, and large sheets hold many
 * distinct amounts: no map per number.
 */
interface ByDisplay {
  display: string;
  reading: CachedReading;
  others: Map<string, CachedReading> | null;
}

/** Slots of each kind's direct-mapped cache of recent strings (a power of two). */
const RECENT_SLOTS = 256;

/** Beyond this many distinct cells per kind, new ones are read without being kept (bounded memory). */
const MAX_CACHED_READINGS = 100_000;

/**
 * Column types read as plain text. They skip the reading cache: their reading is the normalized text,
 * which textSlotOf already keeps (with the placeholder check) for texts that repeat.
 */
const TEXT_TYPES: ReadonlySet<ColumnType> = new Set(['text', 'longText', 'code', 'choice', 'url']);

function newReadingCache(): ReadingCache {
  return new Map();
}

function kindCache(ctx: ReadContext, kind: string): KindCache {
  let caches = ctx.cache.get(kind);
  if (!caches) {
    caches = {
      size: 0,
      strings: new Map(),
      recent: new Array<string | null>(RECENT_SLOTS).fill(null),
      recentReadings: new Array<CachedReading>(RECENT_SLOTS).fill(BLANK_READING),
      numbers: new Map(),
      dates: new Map(),
      booleans: new Map(),
    };
    ctx.cache.set(kind, caches);
  }
  return caches;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value) && !(value instanceof Date)) {
    Object.freeze(value);
    for (const inner of Object.values(value as Record<string, unknown>)) deepFreeze(inner);
  }
  return value;
}

/**
 * The cached reading of a cell's value and display; on a miss the cell is made (cellAt) and read by
 * `special` or else by type. No closure or cell per call: this runs for most cells of 100,000-row sheets.
 */
function cachedReading(
  caches: KindCache,
  v: CellValue,
  displays: readonly string[] | undefined,
  at: number,
  cellAt: CellMaker,
  row: number,
  col: number,
  special: ((cell: RawCell) => Reading<unknown>) | null | undefined,
  ctx: ReadContext,
  type: ColumnType,
  fiscalYear: number | undefined,
): CachedReading {
  let outer: Map<unknown, ByDisplay> | null = null;
  let key: unknown;
  let entry: ByDisplay | undefined;
  // Looked at only for numbers, dates and booleans: a string's reading does not depend on it.
  let display = '';
  let slot = 0;
  if (typeof v === 'string') {
    slot = textSlot(v, RECENT_SLOTS);
    if (caches.recent[slot] === v) return caches.recentReadings[slot];
    const known = caches.strings.get(v);
    if (known !== undefined) {
      caches.recent[slot] = v;
      caches.recentReadings[slot] = known;
      return known;
    }
  } else {
    outer = typeof v === 'number' ? caches.numbers : typeof v === 'boolean' ? caches.booleans : caches.dates;
    // By time, not identity: a Date from another realm (node:vm, Apps Script) is no instanceof Date here.
    key = typeof v === 'object' && v !== null ? v.getTime() : v;
    entry = outer.get(key);
    display = displays?.[at] ?? '';
    if (entry !== undefined) {
      if (entry.display === display) return entry.reading;
      const known = entry.others?.get(display);
      if (known !== undefined) return known;
    }
  }
  const cell = cellAt(row, col);
  const reading = deepFreeze(special ? special(cell) : placeholderOrRead(ctx, type, cell, fiscalYear));
  if (caches.size < MAX_CACHED_READINGS) {
    caches.size++;
    if (!outer) {
      caches.strings.set(v as string, reading);
      caches.recent[slot] = v as string;
      caches.recentReadings[slot] = reading;
    } else if (!entry) outer.set(key, { display, reading, others: null });
    else (entry.others ??= new Map()).set(display, reading);
  }
  return reading;
}

/** What readTyped gives for a cell that could not be read (its finding is already reported). */
const UNREADABLE = Symbol('unreadable');

function placeholderOrRead(
  ctx: ReadContext,
  type: ColumnType,
  cell: RawCell,
  fiscalYear?: number,
): CachedReading {
  if (typeof cell.value !== 'string' || type === 'units') return readByType(ctx, type, cell, fiscalYear);
  const slot = textSlotOf(cell.value);
  if (placeholderAt(slot)) return PLACEHOLDER;
  const text = normalizedAt(slot);
  // Plain text: the normalized text is the reading (what textOf would give). A blank text normalizes
  // to '', so only then is the cell looked at again.
  if (TEXT_TYPES.has(type))
    return text === '' && isBlank(cell.value) ? BLANK_READING : { kind: 'ok', value: text, readAs: text };
  return readByType(ctx, type, cell, fiscalYear);
}

const BLANK_READING: Reading<unknown> = { kind: 'blank' };

/** The cache a type's readings go in: periods read differently in each fiscal year. */
function kindOf(type: ColumnType, fiscalYear: number | undefined): string {
  return fiscalYear === undefined ? type : `${type}\u0001${fiscalYear}`;
}

/**
 * Reads one cell by type, reporting problems: the value, null (blank) or UNREADABLE. `caches` is the
 * type's reading cache (kindCache), looked up once per column by the caller.
 */
function readTyped(
  ctx: ReadContext,
  type: ColumnType,
  cell: RawCell,
  label: string,
  caches: KindCache,
  fiscalYear?: number,
): unknown {
  return readValue(
    ctx,
    type,
    cell.value,
    [cell.display],
    0,
    () => cell,
    cell.row,
    cell.col,
    label,
    caches,
    null,
    TEXT_TYPES.has(type),
    fiscalYear,
  );
}

/**
 * Reads the cell at (row, col) from its value and display (`displays[at]`, looked at only when the
 * reading depends on it), reporting problems: the value, null (blank) or UNREADABLE. The cell itself
 * (cellAt) is made only when a reading has to be worked out or reported, so most cells of a large sheet
 * cost a cache lookup and no allocation. `plainText`: the column is read as its normalized text (a
 * TEXT_TYPES type with no special reader), worked out once per column.
 */
function readValue(
  ctx: ReadContext,
  type: ColumnType,
  v: CellValue,
  displays: readonly string[] | undefined,
  at: number,
  cellAt: CellMaker,
  row: number,
  col: number,
  label: string,
  caches: KindCache,
  special: ((cell: RawCell) => Reading<unknown>) | null | undefined,
  plainText: boolean,
  fiscalYear?: number,
): unknown {
  if (v === null) return null;
  if (plainText) {
    if (typeof v !== 'string')
      return resultOf(ctx, cellAt, row, col, placeholderOrRead(ctx, type, cellAt(row, col)), label);
    // Plain text: the normalized text is the reading (what textOf would give).
    const slot = textSlotOf(v);
    if (placeholderAt(slot)) return resultOf(ctx, cellAt, row, col, PLACEHOLDER, label);
    const text = normalizedAt(slot);
    return text === '' && isBlank(v) ? null : text;
  }
  if (type === 'amount' && !special) {
    const amount = numberAmountReading(v);
    if (amount) return amount;
  }
  return resultOf(
    ctx,
    cellAt,
    row,
    col,
    cachedReading(caches, v, displays, at, cellAt, row, col, special, ctx, type, fiscalYear),
    label,
  );
}

/** Reports a reading's problem or notice at the cell (made then); the value, null or UNREADABLE. */
function resultOf(
  ctx: ReadContext,
  cellAt: CellMaker,
  row: number,
  col: number,
  reading: CachedReading,
  label: string,
): unknown {
  switch (reading.kind) {
    case 'ok':
      if (reading.notice)
        ctx.sink.problem(ctx.sheet, cellAt(row, col), {
          ...reading.notice,
          readAs: reading.notice.readAs ?? reading.readAs,
        });
      return reading.value;
    case 'blank':
      return null;
    case 'placeholder':
      ctx.sink.problem(ctx.sheet, cellAt(row, col), {
        rule: 'placeholder',
        problem: `ช่อง "${label}" ยังเป็นข้อความตัวอย่างของแบบฟอร์ม ให้กรอกข้อมูลจริงแทน`,
      });
      return UNREADABLE;
    default:
      ctx.sink.problem(ctx.sheet, cellAt(row, col), reading.problem);
      return UNREADABLE;
  }
}

function readByType(
  ctx: ReadContext,
  type: ColumnType,
  cell: RawCell,
  fiscalYear?: number,
): Reading<unknown> {
  switch (type) {
    case 'fiscalYear':
      return readFiscalYear(cell);
    case 'score':
      return readScore(cell);
    case 'percent':
      return readPercent(cell);
    case 'integer':
      return readInteger(cell, 0, 100000, 'ค่า');
    case 'number':
      return readScore(cell);
    case 'amount':
      return readAmountCell(cell);
    case 'date':
      return readDateCell(cell, ctx.timeZone);
    case 'period':
      return readPeriodCell(cell, ctx.timeZone, fiscalYear);
    case 'units':
      return readUnits(cell, ctx.units);
    case 'indicators':
      return readIndicators(cell, ctx.indicatorNames);
    default: {
      if (isBlank(cell.value)) return { kind: 'blank' };
      const text = textOf(cell);
      return { kind: 'ok', value: text, readAs: text };
    }
  }
}

/** How one declared column of a table is read; made once per table read, not per row. */
interface ColumnReader {
  spec: ColumnSpec;
  /** Position in the table's declared columns (the index into RowRead.values). */
  index: number;
  /** 1-based column in the sheet. */
  col: number;
  /** The reading cache (kindCache) when it does not depend on the row. */
  caches: KindCache | null;
  special?: (cell: RawCell) => Reading<unknown>;
  /** Read as its normalized text (see readValue). */
  plainText: boolean;
}

/**
 * A row's readings, by position in the table's declared columns (undefined: no such column). One per
 * table read, refilled for each row (rowReading): what a row keeps is taken before the next is read.
 */
interface RowRead {
  values: unknown[];
  /** The row's values and displays by 0-based column (ReadTable.lineAt), for the texts of its cells. */
  line: readonly CellValue[] | undefined;
  shown: readonly string[] | undefined;
  /** 1-based column of each declared column, by position (0: not in the sheet); one per table read. */
  cols: readonly number[];
  /** Made on the first unreadable cell. */
  unreadable: Set<string> | null;
}

/** The positions of a table's declared columns, by key. */
function columnIndexes(table: TableSpec): Record<string, number> {
  return Object.fromEntries(table.columns.map((c, i) => [c.key, i]));
}

const PLAN_COLUMNS = columnIndexes(PLAN_TABLE);
const MEASURE_COLUMNS = columnIndexes(MEASURES_TABLE);
const TRACKING_COLUMNS = columnIndexes(TRACKING_TABLE);
const SCORE_COLUMNS = columnIndexes(SCORES_TABLE);

/** Shared by every row that read without a problem (never added to: rows get their own set). */
const NOTHING_UNREADABLE: ReadonlySet<string> = new Set();

interface ReaderOptions {
  /** Columns read by their own reader instead of by type. */
  special?: Partial<Record<string, (cell: RawCell) => Reading<unknown>>>;
  /** Periods are read in the row's own fiscal year: their cache is chosen per row. */
  perRowKind?: boolean;
  /** Only these columns are read (all of them when absent). */
  only?: readonly string[];
}

function columnReaders(
  ctx: ReadContext,
  table: TableSpec,
  layout: TableLayout | undefined,
  { special = {}, perRowKind = false, only }: ReaderOptions = {},
): ColumnReader[] {
  if (!layout) return [];
  const readers: ColumnReader[] = [];
  table.columns.forEach((spec, index) => {
    const located = layout.columns.get(spec.key);
    if (!located || (only && !only.includes(spec.key))) return;
    const read = special[spec.key];
    const caches = read
      ? kindCache(ctx, `special\u0001${spec.key}`)
      : perRowKind && spec.type === 'period'
        ? null
        : kindCache(ctx, spec.type);
    const plainText = !read && TEXT_TYPES.has(spec.type);
    readers.push({ spec, index, col: located.col, caches, special: read, plainText });
  });
  return readers;
}

/**
 * The RowRead a table's rows are read into, with the 1-based column of each declared column by position
 * (0 where the sheet lacks it). Each column is only ever written by its own reader, so a column not
 * read stays undefined from row to row.
 */
function rowReading(readers: readonly ColumnReader[], width: number): RowRead {
  const cols = new Array<number>(width).fill(0);
  for (const reader of readers) cols[reader.index] = reader.col;
  return { values: new Array<unknown>(width), line: undefined, shown: undefined, cols, unreadable: null };
}

/**
 * Reads every declared column of a row into `into` (rowReading), which it returns; required blanks are
 * reported. No arrays or objects per row: 100,000s of rows are read (bench/).
 */
function readRow(
  ctx: ReadContext,
  readers: readonly ColumnReader[],
  into: RowRead,
  table: ReadTable,
  row: number,
  fiscalYear?: number,
): RowRead {
  const values = into.values;
  const lineAt = table.lineAt(row);
  const line = lineAt.values;
  const shown = lineAt.displays;
  let unreadable: Set<string> | null = null;
  for (let i = 0; i < readers.length; i++) {
    const reader = readers[i];
    const { spec } = reader;
    const c = reader.col - 1;
    const caches = reader.caches ?? kindCache(ctx, kindOf(spec.type, fiscalYear));
    let value = readValue(
      ctx,
      spec.type,
      line?.[c] ?? null,
      shown,
      c,
      table.cellAt,
      row,
      reader.col,
      spec.header,
      caches,
      reader.special,
      reader.plainText,
      fiscalYear,
    );
    if (value === UNREADABLE) {
      (unreadable ??= new Set()).add(spec.key);
      value = null;
    } else if (value === null && spec.required) reportRequired(ctx, spec, table.cellAt(row, reader.col));
    values[reader.index] = value;
  }
  // Hashed every PRINT_BATCH rows, while the rows' cells are still in the processor's cache.
  if ((row & (PRINT_BATCH - 1)) === 0) ctx.printer?.upTo(row);
  into.line = line;
  into.shown = shown;
  into.unreadable = unreadable;
  return into;
}

/**
 * Rows read between two calls to the fingerprint (a power of two): a few kilobytes of cells, still in the
 * processor's cache when hashed, and one call per batch instead of per row (at 100,000 rows, one call
 * per row or a second pass over the sheet each took about 50 ms longer: bench/).
 */
const PRINT_BATCH = 32;

function reportRequired(ctx: ReadContext, spec: ColumnSpec, cell: RawCell): void {
  ctx.sink.add({
    sheet: ctx.sheet,
    row: cell.row,
    col: cell.col,
    rule: 'required',
    message: `ยังไม่ได้กรอก "${spec.header}" ซึ่งจำเป็นต้องกรอก (${spec.note})`,
  });
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function num(v: unknown): number | null {
  return typeof v === 'number' ? v : null;
}

function typed<T>(v: unknown): T | null {
  return v === undefined || v === null ? null : (v as T);
}

/** The text of a cell read (textOf), '' when the row has no such column. */
function textAt(read: RowRead, index: number): string {
  const col = read.cols[index];
  if (col === 0) return '';
  const value = read.line?.[col - 1] ?? null;
  if (value === null) return '';
  // Texts repeat down a column (units, periods): their normalized form is kept by textSlotOf.
  if (typeof value === 'string') return normalizedAt(textSlotOf(value));
  return normalizeSpaces(read.shown?.[col - 1] || String(value));
}

/** The code of a cell read (codeOf), '' when the row has no such column. */
function codeAt(read: RowRead, index: number): string {
  const col = read.cols[index];
  if (col === 0) return '';
  const value = read.line?.[col - 1] ?? null;
  if (typeof value === 'number') return String(value);
  // A text cell read as a code column holds its text already normalized (one scan saved per cell).
  const reading = read.values[index];
  if (typeof value === 'string' && typeof reading === 'string') return toArabicDigits(reading);
  return toArabicDigits(textAt(read, index));
}

// ---------------------------------------------------------------------------------------------------------
// Structure: missing sheets and columns

function reportLayout(sink: FindingSink, layout: TableLayout, required: boolean): void {
  if (!layout.headerRow) {
    if (!required) return;
    sink.add({
      sheet: layout.sheet,
      row: 1,
      col: 1,
      rule: 'missing-column',
      message: `ไม่พบหัวตาราง${layout.table.title}ในชีตนี้ (คอลัมน์ ${layout.table.columns
        .filter((c) => c.required)
        .map((c) => `"${c.header}"`)
        .join(', ')}) ${REPAIR_HINT} เพื่อเพิ่มหัวคอลัมน์`,
    });
    return;
  }
  let nextCol =
    Math.max(0, ...[...layout.columns.values()].map((c) => c.col), ...layout.family.map((f) => f.col)) + 1;
  for (const spec of layout.missing) {
    sink.add({
      sheet: layout.sheet,
      row: layout.headerRow,
      col: nextCol++,
      rule: 'missing-column',
      severity: spec.required ? 'error' : 'warning',
      message: `ไม่พบคอลัมน์ "${spec.header}" ในชีตนี้ ${REPAIR_HINT} เพื่อเพิ่มคอลัมน์ (ข้อมูลเดิมไม่ถูกแก้ไข)`,
    });
  }
  for (const dup of layout.duplicates) {
    sink.add({
      sheet: layout.sheet,
      row: layout.headerRow,
      col: dup.col,
      rule: 'duplicate-column',
      message: `หัวคอลัมน์ "${dup.header}" ซ้ำกับคอลัมน์ก่อนหน้า ระบบใช้คอลัมน์แรกเท่านั้น ให้ลบหรือเปลี่ยนชื่อคอลัมน์ที่ซ้ำ`,
      value: dup.header,
    });
  }
}

// ---------------------------------------------------------------------------------------------------------

function readSettings(
  snapshot: SheetSnapshot | null,
  sheet: string,
  sink: FindingSink,
  timeZone: string,
): Settings {
  const settings: Settings = {
    orgName: '',
    orgType: '',
    district: '',
    province: '',
    planFirstYear: null,
    planLastYear: null,
    trackingYear: null,
    asOf: null,
    round: null,
    itaTarget: null,
    dueSoonDays: null,
    preparerName: '',
    preparerPosition: '',
    cells: {},
  };
  if (!snapshot) return settings;
  const table: TableSpec = { key: 'settings', title: 'ตารางตั้งค่า', columns: SETTINGS_COLUMNS };
  const read = readTable(snapshot, table);
  reportLayout(sink, read.layout, true);
  const byLabel = new Map<string, TableRow>();
  for (const row of read.rows) byLabel.set(normalizeHeader(textOf(cellOf(row, 'label'))), row);
  const ctx: ReadContext = { sheet, sink, timeZone, units: [], indicatorNames: [], cache: newReadingCache() };
  const valueCol = read.layout.columns.get('value')?.col ?? 2;
  // Each missing setting points at the row where ตั้งค่า/ซ่อมแซมแม่แบบ appends it (in this order): one
  // cell each, so none is merged away with another.
  let nextFree = Math.max(read.layout.headerRow, snapshot.values.length) + 1;
  const labelCol = read.layout.columns.get('label')?.col ?? 1;
  for (const spec of SETTINGS) {
    const row = byLabel.get(normalizeHeader(spec.label));
    if (!row) {
      if (read.layout.headerRow) {
        sink.add({
          sheet,
          row: nextFree++,
          col: labelCol,
          rule: 'missing-setting',
          severity: spec.required ? 'error' : 'warning',
          message: `ไม่พบรายการตั้งค่า "${spec.label}" ${REPAIR_HINT} เพื่อเพิ่มรายการ แล้วกรอกค่า`,
        });
      }
      continue;
    }
    const cell = row.cells.get('value') ?? {
      value: null,
      display: '',
      formula: '',
      row: row.row,
      col: valueCol,
    };
    settings.cells[spec.key] = cell;
    const value = readSetting(ctx, spec.key, spec.type, cell, spec.label);
    if (value === null) {
      if (spec.required && isBlank(cell.value)) {
        sink.add({
          sheet,
          row: cell.row,
          col: cell.col,
          rule: 'required',
          message: `ยังไม่ได้กรอก "${spec.label}" (${spec.help})`,
        });
      }
      continue;
    }
    (settings as unknown as Record<string, unknown>)[spec.key] = value;
  }
  return settings;
}

function readSetting(
  ctx: ReadContext,
  key: SettingKey,
  type: ColumnType,
  cell: RawCell,
  label: string,
): unknown {
  if (key === 'round') {
    const reading = readRound(cell);
    if (reading.kind === 'bad') ctx.sink.problem(ctx.sheet, cell, reading.problem);
    return reading.kind === 'ok' ? reading.value : null;
  }
  if (key === 'dueSoonDays') {
    const reading = readInteger(cell, 0, 365, 'จำนวนวันแจ้งเตือน');
    if (reading.kind === 'bad') ctx.sink.problem(ctx.sheet, cell, reading.problem);
    return reading.kind === 'ok' ? reading.value : null;
  }
  const value = readTyped(ctx, type, cell, label, kindCache(ctx, type));
  return value === UNREADABLE ? null : value;
}

function checkSettingsYears(settings: Settings, sheet: string, sink: FindingSink): void {
  const { planFirstYear: first, planLastYear: last, trackingYear } = settings;
  const lastCell = settings.cells.planLastYear;
  if (first !== null && last !== null && lastCell) {
    if (first > last) {
      sink.add({
        sheet,
        row: lastCell.row,
        col: lastCell.col,
        rule: 'settings-years',
        message: `ปีงบประมาณสุดท้ายของแผน (${last}) อยู่ก่อนปีแรก (${first}) กรุณาแก้ไข`,
        value: String(last),
      });
    } else if (last - first > 9) {
      sink.add({
        sheet,
        row: lastCell.row,
        col: lastCell.col,
        rule: 'settings-years',
        message: `แผนยาว ${last - first + 1} ปี ซึ่งเกิน 10 ปี กรุณาตรวจสอบปีแรกและปีสุดท้ายของแผน`,
        value: String(last),
      });
    }
  }
  const trackingCell = settings.cells.trackingYear;
  if (trackingYear !== null && first !== null && last !== null && trackingCell && first <= last) {
    if (trackingYear < first || trackingYear > last) {
      sink.add({
        sheet,
        row: trackingCell.row,
        col: trackingCell.col,
        rule: 'settings-years',
        severity: 'warning',
        message: `ปีงบประมาณที่ติดตาม (${trackingYear}) อยู่นอกปีของแผน (${first}–${last}) กรุณาตรวจสอบ`,
        value: String(trackingYear),
      });
    }
  }
}

export function planYearsOf(settings: Settings, budgetColumns: readonly number[]): number[] {
  const { planFirstYear: first, planLastYear: last } = settings;
  if (first !== null && last !== null && first <= last && last - first <= 9) {
    return Array.from({ length: last - first + 1 }, (_, i) => first + i);
  }
  return [...budgetColumns].sort((a, b) => a - b);
}

// ---------------------------------------------------------------------------------------------------------

function readReference(
  snapshot: SheetSnapshot | null,
  sheet: string,
  sink: FindingSink,
  timeZone: string,
  layouts: Inputs['layouts'],
): Reference {
  const reference: Reference = {
    dimensions: [],
    submissionDimension: new Map(),
    units: [],
    indicators: [],
    bands: [],
  };
  if (!snapshot) return reference;
  const ctx: ReadContext = { sheet, sink, timeZone, units: [], indicatorNames: [], cache: newReadingCache() };
  for (const table of REFERENCE_TABLES) {
    const read = readTable(snapshot, table);
    layouts[table.key] = read.layout;
    reportLayout(sink, read.layout, true);
    if (read.layout.headerRow && !read.rows.length && table.key !== 'orgTypes') {
      const first = [...read.layout.columns.values()][0];
      // The first row to type in, while it is inside the sheet; else the table's header cell.
      const below = read.layout.headerRow + 1;
      sink.add({
        sheet,
        row: below <= snapshot.values.length ? below : read.layout.headerRow,
        col: first?.col ?? 1,
        rule: 'required',
        message: `${table.title}ยังไม่มีข้อมูล กรุณากรอกรายการในตารางนี้ (แม่แบบใหม่มีค่าเริ่มต้นให้คัดลอกมาใช้ได้)`,
      });
    }
    const readers = columnReaders(ctx, table, read.layout);
    const into = rowReading(readers, table.columns.length);
    for (const row of read.rows) {
      const rowRead = readRow(ctx, readers, into, read, row.row);
      if (rowRead.unreadable) continue;
      const values = new Map(table.columns.map((c, i) => [c.key, rowRead.values[i]]));
      switch (table.key) {
        case 'dimensions':
          addDimension(reference, row, values, sheet, sink);
          break;
        case 'units':
          reference.units.push(str(values.get('unit')));
          break;
        case 'itaIndicators':
          addIndicator(reference, values);
          break;
        case 'itaBands':
          addBand(reference, row, values, sheet, sink);
          break;
        default:
          break;
      }
    }
  }
  checkFramework(reference, sheet, sink, layouts.itaIndicators);
  return reference;
}

function addDimension(
  reference: Reference,
  row: TableRow,
  values: Map<string, unknown>,
  sheet: string,
  sink: FindingSink,
): void {
  const code = codeOf(cellOf(row, 'dimension'));
  const submission = codeOf(cellOf(row, 'submission'));
  if (!code || !submission) return;
  let dimension = reference.dimensions.find((d) => d.code === code);
  if (!dimension) {
    dimension = { code, name: str(values.get('dimensionName')), submissions: [] };
    reference.dimensions.push(dimension);
  }
  if (reference.submissionDimension.has(submission)) {
    const cell = cellOf(row, 'submission');
    sink.add({
      sheet,
      row: cell.row,
      col: cell.col,
      rule: 'duplicate-code',
      message: `ภารกิจที่ ${submission} ซ้ำกับแถวก่อนหน้า กรุณาลบแถวที่ซ้ำ`,
      value: submission,
    });
    return;
  }
  dimension.submissions.push({ code: submission, name: str(values.get('submissionName')) });
  reference.submissionDimension.set(submission, code);
}

function addIndicator(reference: Reference, values: Map<string, unknown>): void {
  const fromYear = num(values.get('fromYear'));
  const no = num(values.get('indicatorNo'));
  const toolWeight = num(values.get('toolWeight'));
  if (fromYear === null || no === null || toolWeight === null) return;
  reference.indicators.push({
    fromYear,
    tool: str(values.get('tool')).toUpperCase(),
    toolWeight,
    no,
    name: str(values.get('indicatorName')),
    aliases: str(values.get('indicatorAliases'))
      .split(/[;,]/)
      .map((a) => a.trim())
      .filter(Boolean),
  });
}

function addBand(
  reference: Reference,
  row: TableRow,
  values: Map<string, unknown>,
  sheet: string,
  sink: FindingSink,
): void {
  const fromYear = num(values.get('fromYear'));
  const minTotal = num(values.get('minTotal'));
  if (fromYear === null || minTotal === null) return;
  // A missing column is one finding on its own header, not one per band.
  if (!row.cells.has('passes')) return;
  const passesText = canon(str(values.get('passes')));
  if (passesText !== 'ผ่าน' && passesText !== 'ไม่ผ่าน') {
    const cell = cellOf(row, 'passes');
    sink.add({
      sheet,
      row: cell.row,
      col: cell.col,
      rule: 'not-in-list',
      message: 'ช่อง "ผ่านเกณฑ์" ต้องเป็น "ผ่าน" หรือ "ไม่ผ่าน"',
      value: displayText(cell),
    });
    return;
  }
  reference.bands.push({
    fromYear,
    grade: str(values.get('grade')),
    minTotal,
    minEachTool: num(values.get('minEachTool')),
    passes: passesText === 'ผ่าน',
  });
}

/** Each framework year: one weight per tool, tool weights add up to 100, indicator numbers unique. */
function checkFramework(reference: Reference, sheet: string, sink: FindingSink, layout?: TableLayout): void {
  if (!layout?.headerRow) return;
  // Without these columns every year would look inconsistent: the missing column is reported instead.
  if (!['fromYear', 'tool', 'toolWeight', 'indicatorNo'].every((key) => layout.columns.has(key))) return;
  const col = layout.columns.get('toolWeight')?.col ?? 1;
  const years = [...new Set(reference.indicators.map((i) => i.fromYear))];
  for (const year of years) {
    const rows = reference.indicators.filter((i) => i.fromYear === year);
    const weights = new Map<string, Set<number>>();
    for (const i of rows) weights.set(i.tool, (weights.get(i.tool) ?? new Set()).add(i.toolWeight));
    const inconsistent = [...weights].filter(([, set]) => set.size > 1).map(([tool]) => tool);
    const total = [...weights.values()].reduce((sum, set) => sum + [...set][0], 0);
    const duplicateNos = rows.map((r) => r.no).filter((n, i, all) => all.indexOf(n) !== i);
    const problems: string[] = [];
    if (inconsistent.length) problems.push(`น้ำหนักของเครื่องมือ ${inconsistent.join(', ')} ไม่เท่ากันทุกแถว`);
    if (Math.abs(total - 100) > 0.01) problems.push(`น้ำหนักเครื่องมือรวมกันได้ ${total} ไม่ใช่ 100`);
    if (duplicateNos.length) problems.push(`ตัวชี้วัดที่ ${[...new Set(duplicateNos)].join(', ')} ซ้ำกัน`);
    if (problems.length) {
      sink.add({
        sheet,
        row: layout.headerRow,
        col,
        rule: 'framework',
        message: `กรอบตัวชี้วัดที่ใช้ตั้งแต่ปี ${year}: ${problems.join('; ')} กรุณาแก้ไขตารางตัวชี้วัด ITA`,
        value: String(year),
      });
    }
  }
}

export function indicatorNames(reference: Reference): IndicatorName[] {
  const byNo = new Map<number, Set<string>>();
  for (const i of reference.indicators) {
    const names = byNo.get(i.no) ?? new Set<string>();
    [i.name, ...i.aliases].filter(Boolean).forEach((n) => names.add(n));
    byNo.set(i.no, names);
  }
  return [...byNo].map(([no, names]) => ({ no, names: [...names] }));
}

// ---------------------------------------------------------------------------------------------------------

interface MemoEntry {
  rows: readonly unknown[];
  layout: TableLayout | undefined;
  findings: Finding[];
}

/** Reads a table's rows: only the fields C when a list is given. */
type TableReader<T, C extends string> = (
  snapshot: SheetSnapshot | null,
  ctx: ReadContext,
  layouts: Inputs['layouts'],
  only?: readonly C[],
  year?: number | null,
) => T[];

/** Tables already read from a frozen snapshot, by what else their reading depends on. */
const TABLE_MEMO = new WeakMap<SheetSnapshot, Map<string, MemoEntry>>();

/**
 * Reads a data table once per snapshot. A frozen snapshot cannot change (the CLI keeps one per sheet
 * for `run all`, see XlsxWorkbook.keepSnapshots), so reading it again with the same lists gives the
 * same rows and findings: the plan of 100,000 rows is read once, not once per command. Other hosts'
 * snapshots are fresh objects and always read. The rows are frozen so that no command reorders what
 * the next one reads. A read of only some columns is kept apart from a full one, which serves it.
 */
function memoTable<T>(
  snapshot: SheetSnapshot | null | undefined,
  ctx: ReadContext,
  layouts: Inputs['layouts'],
  key: 'plan' | 'scores' | 'measures' | 'tracking',
  read: (snapshot: SheetSnapshot | null, ctx: ReadContext, layouts: Inputs['layouts']) => T[],
  columns: readonly string[] | undefined,
  year: number | null,
): T[] {
  if (!snapshot || !Object.isFrozen(snapshot)) return read(snapshot ?? null, ctx, layouts);
  const keyOf = (fields: readonly string[] | undefined, only: number | null) =>
    JSON.stringify([key, fields, only, ctx.sheet, ctx.timeZone, ctx.units, ctx.indicatorNames]);
  const memoKey = keyOf(columns, year);
  let bySnapshot = TABLE_MEMO.get(snapshot);
  if (!bySnapshot) TABLE_MEMO.set(snapshot, (bySnapshot = new Map()));
  // A full read already made serves a narrow one: it holds every field (and every problem) asked for.
  const narrow = columns !== undefined || year !== null;
  const known = bySnapshot.get(memoKey) ?? (narrow ? bySnapshot.get(keyOf(undefined, null)) : undefined);
  if (known) {
    layouts[key] = known.layout;
    for (const f of known.findings) ctx.sink.findings.push(f);
    return known.rows as T[];
  }
  const start = ctx.sink.findings.length;
  const rows = Object.freeze(read(snapshot, ctx, layouts));
  bySnapshot.set(memoKey, { rows, layout: layouts[key], findings: ctx.sink.findings.slice(start) });
  return rows as T[];
}

/** A data table read (no rows without its sheet); its layout is recorded and its header problems reported. */
function tableRead(
  snapshot: SheetSnapshot | null,
  table: TableSpec,
  ctx: ReadContext,
  layouts: Inputs['layouts'],
): ReadTable | null {
  if (!snapshot) return null;
  const read = readTable(snapshot, table);
  layouts[table.key] = read.layout;
  reportLayout(ctx.sink, read.layout, true);
  return read;
}

/** A plan year's budget cell that is blank (one object for all of them). */
const BLANK_AMOUNT: AmountReading = Object.freeze({
  kind: 'none' as const,
  why: 'blank' as const,
  readAs: 'ไม่ได้กรอก',
});

/**
 * The budget cells of one plan year, one per distinct reading: cached readings are shared objects, so
 * rows whose cells read the same share one BudgetCell. Bounded like the reading cache.
 */
class SharedBudgets {
  private readonly byReading = new Map<AmountReading | null, BudgetCell>();

  constructor(private readonly year: number) {}

  of(amount: AmountReading | null): BudgetCell {
    const known = this.byReading.get(amount);
    if (known) return known;
    const budget: BudgetCell = Object.freeze({ year: this.year, amount });
    if (this.byReading.size < MAX_CACHED_READINGS) this.byReading.set(amount, budget);
    return budget;
  }
}

/**
 * The declared columns that fill the fields asked for: a field is read from the column of its name
 * unless `renamed` names another (null: from no declared column, as the plan's budgets).
 */
function declaredColumns(
  fields: readonly string[] | undefined,
  renamed: Readonly<Record<string, string | null>>,
): string[] | undefined {
  return fields?.flatMap((field) => {
    const column = field in renamed ? renamed[field] : field;
    return column === null ? [] : [column];
  });
}

function readPlan(
  snapshot: SheetSnapshot | null,
  ctx: ReadContext,
  layouts: Inputs['layouts'],
  only?: readonly PlanColumn[],
  year: number | null = null,
): PlanItem[] {
  const read = tableRead(snapshot, PLAN_TABLE, ctx, layouts);
  if (!read) return [];
  // Fields not read stay blank and report nothing: see ColumnsRead (and ReadOptions.year).
  const family =
    only && !only.includes('budgets')
      ? []
      : read.layout.family.filter((member) => year === null || member.n === year);
  const C = PLAN_COLUMNS;
  const readers = columnReaders(ctx, PLAN_TABLE, read.layout, {
    special: { type: (cell) => readItemType(cell) },
    only: declaredColumns(only, { indicators: 'itaIndicators', budgets: null }),
  });
  const rowRead = rowReading(readers, PLAN_TABLE.columns.length);
  const amounts = kindCache(ctx, 'amount');
  const shared = family.map((member) => new SharedBudgets(member.n));
  return read.rows.map((row) => {
    const r = readRow(ctx, readers, rowRead, read, row.row);
    const v = r.values;
    // A loop, not family.map: no closure per row.
    const budgets = new Array<BudgetCell>(family.length);
    for (let m = 0; m < family.length; m++) {
      const member = family[m];
      const c = member.col - 1;
      const value = readValue(
        ctx,
        'amount',
        r.line?.[c] ?? null,
        r.shown,
        c,
        read.cellAt,
        row.row,
        member.col,
        member.header,
        amounts,
        null,
        false,
      );
      if (value === UNREADABLE) {
        (r.unreadable ??= new Set()).add(`budget:${member.n}`);
        budgets[m] = shared[m].of(null);
      } else budgets[m] = shared[m].of((value as AmountReading | null) ?? BLANK_AMOUNT);
    }
    return {
      row: row.row,
      cells: row,
      unreadable: r.unreadable ?? NOTHING_UNREADABLE,
      code: codeAt(r, C.code),
      dimension: codeAt(r, C.dimension),
      submission: codeAt(r, C.submission),
      type: typed<ItemTypeKind>(v[C.type]),
      typeText: textAt(r, C.type),
      name: str(v[C.name]) || textAt(r, C.name),
      budgets,
      responsible: typed<UnitsReading>(v[C.responsible]),
      responsibleText: textAt(r, C.responsible),
      period: typed<OkPeriod>(v[C.period]),
      periodText: textAt(r, C.period),
      indicators: typed<number[]>(v[C.itaIndicators]) ?? [],
      outputs: str(v[C.outputs]),
    };
  });
}

/** The cached reading of a fiscal-year cell, reporting nothing (a placeholder reads as no year). */
function yearReading(
  years: KindCache,
  read: ReadTable,
  row: number,
  col: number,
  ctx: ReadContext,
): CachedReading {
  const line = read.lineAt(row);
  const v = line.values?.[col - 1] ?? null;
  if (v === null) return BLANK_READING;
  return cachedReading(
    years,
    v,
    line.displays,
    col - 1,
    read.cellAt,
    row,
    col,
    null,
    ctx,
    'fiscalYear',
    undefined,
  );
}

function readMeasures(
  snapshot: SheetSnapshot | null,
  ctx: ReadContext,
  layouts: Inputs['layouts'],
  only?: readonly MeasureColumn[],
): Measure[] {
  const read = tableRead(snapshot, MEASURES_TABLE, ctx, layouts);
  if (!read) return [];
  const C = MEASURE_COLUMNS;
  // Fields not read stay blank and report nothing: see ColumnsRead.
  const readers = columnReaders(ctx, MEASURES_TABLE, read.layout, {
    special: { status: (cell) => readStatus(cell) },
    perRowKind: true,
    only: declaredColumns(only, { indicators: 'itaIndicators' }),
  });
  const rowRead = rowReading(readers, MEASURES_TABLE.columns.length);
  const yearCol = read.layout.columns.get('fiscalYear')?.col;
  const years = kindCache(ctx, 'fiscalYear');
  return read.rows.map((row) => {
    // The row's year, only to choose how its period is read (readRow reports the year's problems).
    const fy = yearCol === undefined ? null : yearReading(years, read, row.row, yearCol, ctx);
    const fiscalYear = fy?.kind === 'ok' ? (fy.value as number) : undefined;
    const r = readRow(ctx, readers, rowRead, read, row.row, fiscalYear);
    const v = r.values;
    return {
      row: row.row,
      cells: row,
      unreadable: r.unreadable ?? NOTHING_UNREADABLE,
      fiscalYear: num(v[C.fiscalYear]),
      no: codeAt(r, C.no),
      measure: str(v[C.measure]) || textAt(r, C.measure),
      method: str(v[C.method]),
      responsible: typed<UnitsReading>(v[C.responsible]),
      responsibleText: textAt(r, C.responsible),
      period: typed<OkPeriod>(v[C.period]),
      periodText: textAt(r, C.period),
      followup: str(v[C.followup]),
      indicators: typed<number[]>(v[C.itaIndicators]) ?? [],
      status: typed<StatusKind>(v[C.status]),
      percent: num(v[C.percent]),
      result: str(v[C.result]),
      evidence: str(v[C.evidence]),
    };
  });
}

function readTracking(
  snapshot: SheetSnapshot | null,
  ctx: ReadContext,
  layouts: Inputs['layouts'],
  only?: readonly TrackingColumn[],
  year: number | null = null,
): TrackingRow[] {
  const read = tableRead(snapshot, TRACKING_TABLE, ctx, layouts);
  if (!read) return [];
  const C = TRACKING_COLUMNS;
  // Columns not read stay blank ('' or null) and report nothing: see ColumnsRead.
  const readers = columnReaders(ctx, TRACKING_TABLE, read.layout, {
    special: { status: (cell) => readStatus(cell) },
    only,
  });
  const rowRead = rowReading(readers, TRACKING_TABLE.columns.length);
  const yearCol = year === null ? undefined : read.layout.columns.get('fiscalYear')?.col;
  const years = kindCache(ctx, 'fiscalYear');
  const rows: TrackingRow[] = [];
  // Indexed loops over 100,000s of rows: for…of made an iterator result per row where not optimised.
  for (let i = 0; i < read.rows.length; i++) {
    const row = read.rows[i];
    if (yearCol !== undefined) {
      // Another year's row is skipped unread (see ReadOptions.year); a row without a year is kept.
      const fy = yearReading(years, read, row.row, yearCol, ctx);
      if (fy.kind === 'ok' && fy.value !== year) continue;
    }
    const r = readRow(ctx, readers, rowRead, read, row.row);
    const v = r.values;
    rows.push({
      row: row.row,
      cells: row,
      unreadable: r.unreadable ?? NOTHING_UNREADABLE,
      code: codeAt(r, C.code),
      name: str(v[C.name]) || textAt(r, C.name),
      fiscalYear: num(v[C.fiscalYear]),
      responsible: typed<UnitsReading>(v[C.responsible]),
      responsibleText: textAt(r, C.responsible),
      plannedBudget: typed<AmountReading>(v[C.plannedBudget]),
      start: typed<IsoDate>(v[C.start]),
      deadline: typed<IsoDate>(v[C.deadline]),
      status: typed<StatusKind>(v[C.status]),
      percent: num(v[C.percent]),
      disbursed: typed<AmountReading>(v[C.disbursed]),
      result: str(v[C.result]),
      problems: str(v[C.problems]),
      evidence: str(v[C.evidence]),
    });
  }
  return rows;
}

function readScores(
  snapshot: SheetSnapshot | null,
  ctx: ReadContext,
  layouts: Inputs['layouts'],
): ScoreYear[] {
  const read = tableRead(snapshot, SCORES_TABLE, ctx, layouts);
  if (!read) return [];
  const family = read.layout.family;
  const C = SCORE_COLUMNS;
  const readers = columnReaders(ctx, SCORES_TABLE, read.layout);
  const rowRead = rowReading(readers, SCORES_TABLE.columns.length);
  const scoreCache = kindCache(ctx, 'score');
  return read.rows.map((row) => {
    const r = readRow(ctx, readers, rowRead, read, row.row);
    const v = r.values;
    const scores = new Map<number, number>();
    const scoreCells = new Map<number, RawCell>();
    for (const member of family) {
      const cell = read.cellAt(row.row, member.col);
      scoreCells.set(member.n, cell);
      const value = readTyped(ctx, 'score', cell, member.header, scoreCache);
      if (value === UNREADABLE) (r.unreadable ??= new Set()).add(`score:${member.n}`);
      else if (typeof value === 'number') scores.set(member.n, value);
    }
    return {
      row: row.row,
      cells: row,
      unreadable: r.unreadable ?? NOTHING_UNREADABLE,
      year: num(v[C.year]),
      scores,
      scoreCells,
      publishedTotal: num(v[C.publishedTotal]),
      publishedGrade: str(v[C.publishedGrade]),
      remarks: str(v[C.remarks]),
    };
  });
}

// ---------------------------------------------------------------------------------------------------------

export interface ReadOptions extends ColumnsRead {
  /**
   * false: the data tables (scores, plan, measures, tracking) are located and their headers checked,
   * but their rows are not read (a command that needs only the layout, such as the template repair).
   */
  dataRows?: boolean;
  /**
   * One fiscal year's work (the progress summary), worked out from the settings read first: of the
   * tracking rows only that year's and those whose year cannot be read, and of the plan's budgets only
   * that year's. Other rows are skipped unread and report nothing. A full read already made may serve
   * this one (run all), so a caller still picks the year's rows itself; null: every year.
   */
  year?: (settings: Settings) => number | null;
  /**
   * Also fingerprint every sheet read (Inputs.prints), each data row hashed just after it is read: a
   * separate pass afterwards fetches 100,000 rows from memory again (bench/).
   */
  fingerprints?: boolean;
}

/**
 * Reads every input sheet that has a snapshot. `sheetNames` lists the workbook's sheets so a missing
 * input sheet is reported once, at its own name.
 */
export function readInputs(
  snapshots: InputSnapshots,
  timeZone: string,
  sheetNames?: Partial<Record<InputSheetKey, string>>,
  options: ReadOptions = {},
): Inputs {
  const names: Partial<Record<InputSheetKey, string>> = {};
  for (const spec of INPUT_SHEETS)
    names[spec.key] = sheetNames?.[spec.key] ?? snapshots[spec.key]?.name ?? spec.name;
  const sinks = Object.fromEntries(INPUT_SHEETS.map((s) => [s.key, new FindingSink()])) as Record<
    InputSheetKey,
    FindingSink
  >;
  for (const spec of INPUT_SHEETS) {
    if (spec.key in snapshots && !snapshots[spec.key]) {
      sinks[spec.key].add({
        sheet: spec.name,
        row: 1,
        col: 1,
        rule: 'missing-sheet',
        message: `ไม่พบชีต "${spec.name}" ${REPAIR_HINT} เพื่อสร้างชีตนี้`,
      });
    }
  }
  const layouts: Inputs['layouts'] = {};
  const settingsSheet = names.settings as string;
  const settings = readSettings(snapshots.settings ?? null, settingsSheet, sinks.settings, timeZone);
  checkSettingsYears(settings, settingsSheet, sinks.settings);
  const reference = readReference(
    snapshots.reference ?? null,
    names.reference as string,
    sinks.reference,
    timeZone,
    layouts,
  );
  // The data sheets share one list of units and indicators, hence one reading cache.
  const known = indicatorNames(reference);
  const cache = newReadingCache();
  const printers: Partial<Record<InputSheetKey, SheetPrinter>> = {};
  if (options.fingerprints) {
    for (const spec of INPUT_SHEETS) {
      const snapshot = snapshots[spec.key];
      if (snapshot) printers[spec.key] = new SheetPrinter(snapshot);
    }
  }
  const context = (key: InputSheetKey): ReadContext => ({
    sheet: names[key] as string,
    sink: sinks[key],
    timeZone,
    units: reference.units,
    indicatorNames: known,
    cache,
    printer: printers[key],
  });
  const year = options.year?.(settings) ?? null;
  const table = <T, C extends string = never>(
    key: 'plan' | 'scores' | 'measures' | 'tracking',
    read: TableReader<T, C>,
    columns?: readonly C[],
    only: number | null = null,
  ): T[] => {
    if (options.dataRows !== false) {
      const readOnly = (snapshot: SheetSnapshot | null, ctx: ReadContext, found: Inputs['layouts']) =>
        read(snapshot, ctx, found, columns, only);
      return memoTable(snapshots[key], context(key), layouts, key, readOnly, columns, only);
    }
    tableRead(snapshots[key] ?? null, tableSpec(key).table, context(key), layouts);
    return [];
  };
  const plan = table('plan', readPlan, options.planColumns, year);
  const planYears = planYearsOf(settings, layouts.plan?.family.map((f) => f.n) ?? []);
  const inputs: Inputs = {
    sheetNames: names,
    settings,
    reference,
    scores: table('scores', readScores),
    plan,
    measures: table('measures', readMeasures, options.measureColumns),
    tracking: table('tracking', readTracking, options.trackingColumns, year),
    planYears,
    layouts,
    findings: [],
    prints: {},
  };
  for (const spec of INPUT_SHEETS) {
    if (!(spec.key in snapshots) || !options.fingerprints) continue;
    inputs.prints[spec.key] = printers[spec.key]?.digest() ?? fingerprintSnapshot(null);
  }
  reportMissingBudgetColumns(inputs, sinks.plan);
  inputs.findings = INPUT_SHEETS.flatMap((s) => sinks[s.key].findings);
  return inputs;
}

function reportMissingBudgetColumns(inputs: Inputs, sink: FindingSink): void {
  const layout = inputs.layouts.plan;
  if (!layout?.headerRow) return;
  const present = new Set(layout.family.map((f) => f.n));
  let col =
    Math.max(0, ...[...layout.columns.values()].map((c) => c.col), ...layout.family.map((f) => f.col)) + 1;
  for (const year of inputs.planYears) {
    if (present.has(year)) continue;
    sink.add({
      sheet: layout.sheet,
      row: layout.headerRow,
      col: col++,
      rule: 'missing-column',
      message: `ไม่พบคอลัมน์ "งบประมาณ ${year}" ของปีในแผน ${REPAIR_HINT} เพื่อเพิ่มคอลัมน์`,
    });
  }
}

/** "แผนปฏิบัติการ!H12" style address for messages. */
export function cellAddress(sheet: string, cell: { row: number; col: number }): string {
  return `ชีต "${sheet}" เซลล์ ${a1(cell.row, cell.col)}`;
}

// ---------------------------------------------------------------------------------------------------------
// What a command cannot work without

/** Columns of one table a command cannot work without. */
export interface TableNeed {
  table: TableKey;
  columns: readonly string[];
}

/**
 * One Thai message naming each sheet and the columns a command needs that it lacks, and pointing to
 * the repair menu; null when nothing is missing. A sheet that does not exist is the command's own
 * concern, and an empty sheet has nothing to misread: only sheets holding something are checked (a
 * sheet with data but no recognisable header row lacks every needed column).
 */
export function missingColumnsProblem(
  inputs: Pick<Inputs, 'layouts' | 'sheetNames'>,
  snapshots: InputSnapshots,
  needs: readonly TableNeed[],
): string | null {
  const bySheet = new Map<string, string[]>();
  for (const need of needs) {
    const { sheet, table } = tableSpec(need.table);
    const snapshot = snapshots[sheet.key];
    if (!snapshot || !snapshot.values.some((row) => row.some((v) => !isBlank(v)))) continue;
    const layout = inputs.layouts[need.table];
    const missing = table.columns
      .filter((c) => need.columns.includes(c.key) && !layout?.columns.has(c.key))
      .map((c) => `"${c.header}"`);
    if (!missing.length) continue;
    const name = inputs.sheetNames[sheet.key] ?? sheet.name;
    bySheet.set(name, [...(bySheet.get(name) ?? []), ...missing]);
  }
  if (!bySheet.size) return null;
  const parts = [...bySheet].map(([sheet, columns]) => `ชีต "${sheet}" ไม่มีคอลัมน์ ${columns.join(', ')}`);
  return `${parts.join(' และ')} ซึ่งคำสั่งนี้ต้องใช้ ${REPAIR_HINT} เพื่อเพิ่มหัวคอลัมน์ที่ขาด (ข้อมูลเดิมไม่ถูกแก้ไข) แล้วเลือกคำสั่งนี้อีกครั้ง`;
}
