/**
 * In-memory workbook: the port's reference semantics, used by tests and by the benchmark's core timing.
 */
import { isBlank, type CellValue, type RangeRef } from '../../core/cells';
import {
  isDateCell,
  isFormulaCell,
  isLinkCell,
  modelWidth,
  type ChartSpec,
  type CellStyle,
  type OutCell,
  type SheetModel,
} from '../../core/sheet-model';
import type { SheetSnapshot } from '../../core/snapshot';
import { zonedMidnight } from '../../core/zone';
import type {
  CellLayer,
  CellLayerChange,
  Host,
  LockPort,
  SheetInfo,
  TemplateSheetPlan,
  UiPort,
  ValidationRule,
  WorkbookPort,
} from '../../port/workbook';

export interface MemoryCell {
  value: CellValue;
  formula: string;
  background: string | null;
  note: string;
  numberFormat: string;
  style: CellStyle;
  /** Target of an internal link written by a generated sheet. */
  link?: { sheet: string; row: number; col: number };
}

export interface MemorySheet {
  name: string;
  id: number;
  hidden: boolean;
  cells: MemoryCell[][];
  merges: RangeRef[];
  columnWidths: Map<number, number>;
  columnFormats: Map<number, string>;
  validations: Map<number, ValidationRule>;
  frozenRows: number;
  frozenColumns: number;
  tabColor?: string;
  fontFamily?: string;
  protectedWarningOnly: boolean;
  charts: ChartSpec[];
  /** The model last written by writeSheet (generated sheets only). */
  model?: SheetModel;
}

/** Shared by unstyled cells (styles are replaced, never changed in place): one object, not one per cell. */
const NO_STYLE: CellStyle = Object.freeze({});

function blankCell(): MemoryCell {
  return { value: null, formula: '', background: null, note: '', numberFormat: '', style: NO_STYLE };
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();
/** Displayed dates by zone and instant: building and running a DateTimeFormat per cell is slow. */
const dayTexts = new Map<string, Map<number, string>>();

/** "d/m/yyyy" of an instant in a time zone (Intl is available in V8 and Node). */
function dayText(date: Date, timeZone: string): string {
  let texts = dayTexts.get(timeZone);
  if (!texts) dayTexts.set(timeZone, (texts = new Map()));
  const time = date.getTime();
  const known = texts.get(time);
  if (known !== undefined) return known;
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  const parts: Record<string, string> = {};
  for (const p of format.formatToParts(date)) parts[p.type] = p.value;
  const text = `${Number(parts.day)}/${Number(parts.month)}/${Number(parts.year)}`;
  if (texts.size > 100_000) texts.clear();
  texts.set(time, text);
  return text;
}

const groupedFormats = new Map<number, Intl.NumberFormat>();

/** toLocaleString builds a formatter per call; one per decimals count is enough. */
function groupedFormat(decimals: number): Intl.NumberFormat {
  let format = groupedFormats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    groupedFormats.set(decimals, format);
  }
  return format;
}

/** What a spreadsheet would show for a value under a simple number format. */
export function displayOf(value: CellValue, numberFormat: string, timeZone: string): string {
  if (typeof value === 'string') return value;
  if (value === null) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : dayText(value, timeZone);
  if (typeof value === 'number') return numberDisplay(numberFormat)(value);
  return value ? 'TRUE' : 'FALSE';
}

const numberDisplays = new Map<string, (value: number) => string>();

/** How a number shows under a format, worked out once per format rather than per cell. */
function numberDisplay(numberFormat: string): (value: number) => string {
  let display = numberDisplays.get(numberFormat);
  if (!display) {
    const unquoted = numberFormat.replace(/"[^"]*"/g, '');
    if (unquoted.includes('%')) display = (value) => `${Math.round(value * 100 * 1e6) / 1e6}%`;
    else if (numberFormat.includes('#,##0')) {
      const format = groupedFormat(/0\.(0+)/.exec(numberFormat)?.[1].length ?? 0);
      display = (value) => format.format(value);
    } else display = String;
    numberDisplays.set(numberFormat, display);
  }
  return display;
}

export class MemoryWorkbook implements WorkbookPort {
  private sheets: MemorySheet[] = [];
  private nextId = 1;
  /** Port calls, by method: the memory host's count of "service calls". */
  readonly calls = new Map<string, number>();

  constructor(private readonly zone = 'Asia/Bangkok') {}

  private count(method: string): void {
    this.calls.set(method, (this.calls.get(method) ?? 0) + 1);
  }

  totalCalls(): number {
    let total = 0;
    for (const n of this.calls.values()) total += n;
    return total;
  }

  timeZone(): string {
    return this.zone;
  }

  /** Test helper: creates or replaces an input sheet holding these values (formulas given as "=..."). */
  setSheet(name: string, rows: readonly (readonly CellValue[])[]): MemorySheet {
    const sheet = this.sheet(name) ?? this.addSheet(name);
    sheet.cells = rows.map((row) =>
      row.map((value) => {
        const cell = blankCell();
        if (typeof value === 'string' && value.startsWith('=')) cell.formula = value;
        else cell.value = value;
        return cell;
      }),
    );
    return sheet;
  }

  sheet(name: string): MemorySheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** Test helper: the sheet, which must exist. */
  requireSheet(name: string): MemorySheet {
    const sheet = this.sheet(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet;
  }

  /** Test helper: values of a sheet as a plain grid. */
  values(name: string): CellValue[][] {
    return this.requireSheet(name).cells.map((row) => row.map((c) => c.value));
  }

  renameSheet(from: string, to: string): void {
    this.requireSheet(from).name = to;
  }

  addSheet(name: string): MemorySheet {
    const sheet: MemorySheet = {
      name,
      id: this.nextId++,
      hidden: false,
      cells: [],
      merges: [],
      columnWidths: new Map(),
      columnFormats: new Map(),
      validations: new Map(),
      frozenRows: 0,
      frozenColumns: 0,
      protectedWarningOnly: false,
      charts: [],
    };
    this.sheets.push(sheet);
    return sheet;
  }

  listSheets(): SheetInfo[] {
    this.count('listSheets');
    return this.sheets.map((s) => ({ name: s.name, id: s.id, hidden: s.hidden }));
  }

  readSheet(name: string): SheetSnapshot | null {
    this.count('readSheet');
    const sheet = this.sheet(name);
    if (!sheet) return null;
    // The used block: up to the last row and column holding a value or formula.
    const cells = sheet.cells;
    let height = 0;
    let width = 0;
    for (let r = 0; r < cells.length; r++) {
      const row = cells[r];
      for (let c = row.length - 1; c >= 0; c--) {
        if (row[c].formula || !isBlank(row[c].value)) {
          height = r + 1;
          if (c + 1 > width) width = c + 1;
          break;
        }
      }
    }
    // Plain loops: this runs over every cell of 100,000-row sheets (see bench/).
    const values: CellValue[][] = new Array<CellValue[]>(height);
    const formulas: string[][] = new Array<string[]>(height);
    const displays: string[][] = new Array<string[]>(height);
    const columnFormats: string[] = [];
    for (let c = 0; c < width; c++) columnFormats.push(sheet.columnFormats.get(c + 1) ?? '');
    for (let r = 0; r < height; r++) {
      const row = cells[r] ?? [];
      const v = new Array<CellValue>(width);
      const f = new Array<string>(width);
      const d = new Array<string>(width);
      for (let c = 0; c < width; c++) {
        const cell = row[c];
        if (cell === undefined) {
          v[c] = null;
          f[c] = '';
          d[c] = '';
          continue;
        }
        v[c] = cell.value;
        f[c] = cell.formula;
        d[c] =
          cell.value === null ? '' : displayOf(cell.value, cell.numberFormat || columnFormats[c], this.zone);
      }
      values[r] = v;
      formulas[r] = f;
      displays[r] = d;
    }
    return {
      name: sheet.name,
      values,
      formulas,
      displays,
      merges: sheet.merges.map((m) => ({ ...m })),
      timeZone: this.zone,
    };
  }

  private cellAt(sheet: MemorySheet, row: number, col: number): MemoryCell {
    while (sheet.cells.length < row) sheet.cells.push([]);
    const cells = sheet.cells[row - 1];
    while (cells.length < col) cells.push(blankCell());
    return cells[col - 1];
  }

  readCellLayer(name: string, range: RangeRef): CellLayer {
    this.count('readCellLayer');
    const sheet = this.requireSheet(name);
    const backgrounds: (string | null)[][] = [];
    const notes: string[][] = [];
    for (let r = 0; r < range.rows; r++) {
      backgrounds.push([]);
      notes.push([]);
      for (let c = 0; c < range.cols; c++) {
        const cell = sheet.cells[range.row - 1 + r]?.[range.col - 1 + c];
        backgrounds[r].push(cell?.background ?? null);
        notes[r].push(cell?.note ?? '');
      }
    }
    return { range, backgrounds, notes };
  }

  writeCellLayer(name: string, changes: readonly CellLayerChange[]): void {
    this.count('writeCellLayer');
    const sheet = this.requireSheet(name);
    for (const change of changes) {
      const cell = this.cellAt(sheet, change.row, change.col);
      cell.background = change.background;
      cell.note = change.note;
    }
  }

  writeSheet(model: SheetModel): void {
    this.count('writeSheet');
    const sheet = this.sheet(model.name) ?? this.addSheet(model.name);
    const width = modelWidth(model);
    sheet.cells = model.rows.map((row) =>
      Array.from({ length: width }, (_, c) => outCellToMemory(row[c] ?? null, this.zone)),
    );
    for (const { range, style } of model.styles) {
      for (let r = range.row; r < range.row + range.rows; r++) {
        for (let c = range.col; c < range.col + range.cols; c++) {
          const cell = this.cellAt(sheet, r, c);
          cell.style = { ...cell.style, ...style };
          if (style.background !== undefined) cell.background = style.background;
          if (style.numberFormat !== undefined) cell.numberFormat = style.numberFormat;
        }
      }
    }
    sheet.merges = model.merges.map((m) => ({ ...m }));
    sheet.columnWidths = new Map(model.columnWidths.map((w, i) => [i + 1, w] as [number, number]));
    sheet.frozenRows = model.frozenRows;
    sheet.hidden = model.hidden;
    sheet.tabColor = model.tabColor;
    sheet.fontFamily = model.fontFamily;
    sheet.protectedWarningOnly = model.protect;
    sheet.charts = model.charts.map((c) => ({ ...c }));
    sheet.model = model;
  }

  appendRows(name: string, firstRow: number, rows: readonly OutCell[][]): void {
    this.count('appendRows');
    const sheet = this.requireSheet(name);
    rows.forEach((row, r) =>
      row.forEach((value, c) => {
        const cell = this.cellAt(sheet, firstRow + r, c + 1);
        // A values write keeps the cell's formatting, as Sheets and exceljs do.
        Object.assign(cell, outCellToMemory(value, this.zone), {
          background: cell.background,
          note: cell.note,
          numberFormat: cell.numberFormat,
          style: cell.style,
        });
      }),
    );
  }

  applyTemplate(plan: TemplateSheetPlan): void {
    this.count('applyTemplate');
    const sheet = this.sheet(plan.name) ?? this.addSheet(plan.name);
    for (const { col, text } of plan.headerCells) {
      const cell = this.cellAt(sheet, plan.headerRow, col);
      if (isBlank(cell.value) && !cell.formula) cell.value = text;
    }
    for (let c = plan.headerRange.col; c < plan.headerRange.col + plan.headerRange.cols; c++) {
      const cell = this.cellAt(sheet, plan.headerRow, c);
      cell.style = { ...cell.style, ...plan.headerStyle };
      if (plan.headerStyle.background) cell.background = plan.headerStyle.background;
    }
    for (const column of plan.columns) {
      if (column.width !== undefined) sheet.columnWidths.set(column.col, column.width);
      if (column.numberFormat !== undefined) sheet.columnFormats.set(column.col, column.numberFormat);
      if (column.validation) sheet.validations.set(column.col, column.validation);
      if (column.note !== undefined) this.cellAt(sheet, plan.headerRow, column.col).note = column.note;
    }
    for (const seed of plan.seeds) {
      seed.values.forEach((row, r) =>
        row.forEach((value, c) => {
          const cell = this.cellAt(sheet, seed.row + r, seed.col + c);
          if (isBlank(cell.value) && !cell.formula)
            Object.assign(cell, outCellToMemory(value, this.zone), { note: cell.note });
        }),
      );
    }
    sheet.frozenRows = plan.frozenRows;
    sheet.frozenColumns = plan.frozenColumns;
    sheet.tabColor = plan.tabColor;
    sheet.fontFamily = plan.fontFamily;
  }

  deleteSheet(name: string): void {
    this.count('deleteSheet');
    this.sheets = this.sheets.filter((s) => s.name !== name);
  }

  activated: { name: string; row?: number; col?: number } | null = null;

  activate(name: string, row?: number, col?: number): void {
    this.count('activate');
    this.activated = { name, row, col };
  }
}

const midnights = new Map<string, number>();

/** zonedMidnight runs Intl several times; reports repeat a few dates thousands of times. */
function midnightMs(iso: string, timeZone: string): number {
  const key = `${timeZone} ${iso}`;
  let ms = midnights.get(key);
  if (ms === undefined) {
    ms = zonedMidnight(iso, timeZone).getTime();
    if (midnights.size > 100_000) midnights.clear();
    midnights.set(key, ms);
  }
  return ms;
}

function outCellToMemory(value: OutCell, timeZone: string): MemoryCell {
  const cell = blankCell();
  if (isLinkCell(value)) {
    cell.value = value.text;
    cell.link = { sheet: value.sheet, row: value.row, col: value.col };
  } else if (isFormulaCell(value)) {
    cell.formula = value.formula;
  } else if (isDateCell(value)) {
    cell.value = new Date(midnightMs(value.iso, timeZone));
  } else {
    cell.value = value;
  }
  return cell;
}

/** UI that records what a command showed; prompts answer from a queue (null = cancel). */
export class RecordingUi implements UiPort {
  readonly toasts: { message: string; title?: string }[] = [];
  readonly alerts: { title: string; message: string }[] = [];
  constructor(public answers: (string | null)[] = []) {}
  toast(message: string, title?: string): void {
    this.toasts.push({ message, title });
  }
  alert(title: string, message: string): void {
    this.alerts.push({ title, message });
  }
  prompt(_title: string, _message: string, defaultValue: string): string | null {
    return this.answers.length ? (this.answers.shift() as string | null) : defaultValue;
  }
}

/** A lock that can be made busy, to test "someone else is running a command". */
export class FakeLock implements LockPort {
  held = false;
  busy = false;
  attempts = 0;
  /** The timeout of each attempt, in order. */
  readonly timeouts: number[] = [];
  tryLock(timeoutMs: number): boolean {
    this.attempts++;
    this.timeouts.push(timeoutMs);
    if (this.busy) return false;
    this.held = true;
    return true;
  }
  release(): void {
    this.held = false;
  }
}

export function memoryHost(
  workbook = new MemoryWorkbook(),
  now = new Date('2023-04-15T03:00:00Z'),
): Host & { workbook: MemoryWorkbook; ui: RecordingUi; lock: FakeLock } {
  return { workbook, ui: new RecordingUi(), lock: new FakeLock(), now: () => now };
}
