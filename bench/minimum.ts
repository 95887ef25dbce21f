/**
 * The minimum number of SpreadsheetApp document calls a command needs, the yardstick of the benchmark's
 * "at most 3× the minimum" target.
 *
 * A counting wrapper records every port-level operation a command makes (the same operations on every
 * host), and each operation is priced at the fewest document calls an ideal Google Sheets
 * implementation would need for it, given what it reads or writes. The prices are deliberately low
 * (conservative): an ideal implementation fetches the sheet list and the time zone once per run, knows
 * every sheet handle from that list, reuses layers it has just read, and never checks state it could
 * know. Builder calls (newDataValidation()/newChart() and their setters) build local objects in Apps
 * Script, with no round trip to the document, and are priced at 0 here and counted apart in the fake.
 * Lock and dialog calls (LockService, Ui) are not document calls either and are reported apart.
 *
 * Per run:       getActiveSpreadsheet 1 (when the document is touched at all); getSpreadsheetTimeZone 1
 *                (when the time zone is asked); getSheets 1 + getName 1 per sheet (first listSheets only).
 * readSheet:     getDataRange, getValues, getFormulas, getDisplayValues, getMergedRanges = 5, plus 1 per
 *                merged block (its position); 0 for a sheet that does not exist.
 * readCellLayer: getRange, getBackgrounds, getNotes = 3.
 * writeCellLayer: getRange, setBackgrounds, setNotes over the changes' block = 3 (0 with no change).
 * writeSheet:    insertSheet (new) or one clear (existing) 1; getRange + setValues 2; 1 per 2-D style
 *                property the model uses, 1 for number formats (when it has formats or dates), 1 for the
 *                font; getRange + merge 2 per merge; getRangeList + setBorder 2 (when it has borders);
 *                1 per run of equal column widths; 1 each for frozen rows (> 0), tab colour, hiding;
 *                getRange + insertChart 2 per chart; protect + setWarningOnly 2 (when protected).
 * appendRows:    getRange + setValues = 2.
 * applyTemplate: insertSheet 1 (new); getRange + setValues 2 when headers or seeds are to be filled;
 *                getRange + 1 per header style property; getRange + setNotes 2 (notes); 1 per run of new
 *                column widths; getRangeList + setNumberFormat 2 per distinct format; getRange +
 *                setDataValidations 2 (all dropdowns in one 2-D call); 1 each for frozen rows and
 *                columns (> 0) and the tab colour; getRange + setFontFamily 2.
 * deleteSheet 1; activate 1 (+2 with a cell: getRange, setActiveRange); toast 1.
 */
import type { RangeRef } from '../src/core/cells';
import { isDateCell, type CellStyle, type SheetModel } from '../src/core/sheet-model';
import type { SheetSnapshot } from '../src/core/snapshot';
import type { OutCell } from '../src/core/sheet-model';
import type {
  CellLayer,
  CellLayerChange,
  Host,
  LockPort,
  SheetInfo,
  TemplateSheetPlan,
  UiPort,
  WorkbookPort,
} from '../src/port/workbook';

export interface PortOp {
  op: string;
  /** Minimum document calls for this operation (see the file's comment). */
  minimum: number;
}

const STYLE_KEYS: readonly (keyof CellStyle)[] = [
  'bold',
  'italic',
  'fontSize',
  'fontColor',
  'background',
  'hAlign',
  'vAlign',
  'wrap',
];

/** Runs of equal, explicitly given widths (unset columns keep the host default: nothing to call). */
function widthRunCount(widths: readonly (number | undefined)[]): number {
  let runs = 0;
  let last: number | undefined;
  for (const width of widths) {
    if (width !== undefined && width > 0 && width !== last) runs++;
    last = width !== undefined && width > 0 ? width : undefined;
  }
  return runs;
}

export function writeSheetMinimum(model: SheetModel): number {
  let calls = 1 + 2; // create or clear; the value block
  for (const key of STYLE_KEYS) if (model.styles.some((s) => s.style[key] !== undefined)) calls++;
  const formats =
    model.styles.some((s) => s.style.numberFormat !== undefined) ||
    model.rows.some((row) => row.some((cell) => isDateCell(cell)));
  if (formats) calls++;
  if (model.fontFamily) calls++;
  calls += 2 * model.merges.length;
  if (model.borders.length) calls += 2;
  calls += widthRunCount(model.columnWidths);
  if (model.frozenRows > 0) calls++;
  if (model.tabColor) calls++;
  if (model.hidden) calls++;
  calls += 2 * model.charts.length;
  if (model.protect) calls += 2;
  return calls;
}

export function applyTemplateMinimum(plan: TemplateSheetPlan): number {
  let calls = plan.create ? 1 : 0;
  if (plan.headerCells.length || plan.seeds.length) calls += 2;
  if (plan.headerRange.rows > 0 && plan.headerRange.cols > 0) {
    calls += 1 + Object.values(plan.headerStyle).filter((v) => v !== undefined).length;
  }
  if (plan.columns.some((c) => c.note !== undefined)) calls += 2;
  const columns = [...plan.columns].sort((a, b) => a.col - b.col);
  let runs = 0;
  let last: { col: number; width: number } | null = null;
  for (const c of columns) {
    if (c.width === undefined) {
      last = null;
      continue;
    }
    if (!last || last.width !== c.width || last.col + 1 !== c.col) runs++;
    last = { col: c.col, width: c.width };
  }
  calls += runs;
  const formats = new Set(plan.columns.map((c) => c.numberFormat).filter((f) => f !== undefined));
  calls += 2 * formats.size;
  if (plan.columns.some((c) => c.validation)) calls += 2;
  if (plan.frozenRows > 0) calls++;
  if (plan.frozenColumns > 0) calls++;
  if (plan.tabColor) calls++;
  if (plan.fontFamily) calls += 2;
  return calls;
}

/** A port that records every operation with its minimum price, passing each to the real port. */
export class CountingWorkbook implements WorkbookPort {
  readonly ops: PortOp[] = [];
  private listed = false;
  private zoned = false;

  constructor(private readonly inner: WorkbookPort) {}

  private record(op: string, minimum: number): void {
    this.ops.push({ op, minimum });
  }

  /** The run's fixed part: the spreadsheet handle, when anything was asked of it. */
  minimum(): number {
    const perOp = this.ops.reduce((sum, o) => sum + o.minimum, 0);
    return (this.ops.length ? 1 : 0) + perOp;
  }

  /** Operation counts by name (for the results file). */
  counts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const o of this.ops) counts[o.op] = (counts[o.op] ?? 0) + 1;
    return counts;
  }

  listSheets(): SheetInfo[] {
    const sheets = this.inner.listSheets();
    this.record('listSheets', this.listed ? 0 : 1 + sheets.length);
    this.listed = true;
    return sheets;
  }

  readSheet(name: string): SheetSnapshot | null {
    const snapshot = this.inner.readSheet(name);
    this.record('readSheet', snapshot ? 5 + snapshot.merges.length : 0);
    return snapshot;
  }

  readCellLayer(name: string, range: RangeRef): CellLayer {
    this.record('readCellLayer', 3);
    return this.inner.readCellLayer(name, range);
  }

  writeCellLayer(name: string, changes: readonly CellLayerChange[]): void {
    this.record('writeCellLayer', changes.length ? 3 : 0);
    this.inner.writeCellLayer(name, changes);
  }

  writeSheet(model: SheetModel): void {
    this.record('writeSheet', writeSheetMinimum(model));
    this.inner.writeSheet(model);
  }

  appendRows(name: string, firstRow: number, rows: readonly OutCell[][]): void {
    this.record('appendRows', rows.length ? 2 : 0);
    this.inner.appendRows(name, firstRow, rows);
  }

  applyTemplate(plan: TemplateSheetPlan): void {
    this.record('applyTemplate', applyTemplateMinimum(plan));
    this.inner.applyTemplate(plan);
  }

  deleteSheet(name: string): void {
    this.record('deleteSheet', 1);
    this.inner.deleteSheet(name);
  }

  activate(name: string, row?: number, col?: number): void {
    this.record('activate', row !== undefined && col !== undefined ? 3 : 1);
    this.inner.activate(name, row, col);
  }

  timeZone(): string {
    if (!this.zoned) this.record('timeZone', 1);
    this.zoned = true;
    return this.inner.timeZone();
  }
}

/** A UI whose toasts are priced (one document call each); dialogs are not document calls. */
export class CountingUi implements UiPort {
  constructor(
    private readonly inner: UiPort,
    private readonly workbook: CountingWorkbook,
  ) {}

  toast(message: string, title?: string): void {
    this.workbook.ops.push({ op: 'toast', minimum: 1 });
    this.inner.toast(message, title);
  }

  alert(title: string, message: string): void {
    this.inner.alert(title, message);
  }

  prompt(title: string, message: string, defaultValue: string): string | null {
    return this.inner.prompt(title, message, defaultValue);
  }
}

/** The host with its workbook and UI counted; the lock passes through. */
export function countingHost(host: Host): Host & { workbook: CountingWorkbook } {
  const workbook = new CountingWorkbook(host.workbook);
  const lock: LockPort = host.lock;
  return { workbook, ui: new CountingUi(host.ui, workbook), lock, now: host.now };
}
