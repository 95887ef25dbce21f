/**
 * The .xlsx host of the workbook port (exceljs, Node only: the CLI, the benchmark and tests; never
 * bundled for Apps Script). The whole file is loaded into memory; port methods change it there and
 * save() writes it back. Dates are UTC midnights, which is how exceljs reads Excel's date serials.
 */
import { Workbook, type Cell, type WorkbookView, type Worksheet, type WorksheetView } from 'exceljs';
import { a1, type RangeRef } from '../../core/cells';
import type { OutCell, SheetModel } from '../../core/sheet-model';
import type { SheetSnapshot } from '../../core/snapshot';
import type {
  CellLayer,
  CellLayerChange,
  SheetInfo,
  TemplateSheetPlan,
  WorkbookPort,
} from '../../port/workbook';
import { writeFile } from 'node:fs/promises';
import { colorToHex } from './colors';
import { xlsxBuffer } from './fast-write';
import { patchExceljs } from './exceljs-fixes';
import { modelOf, orderOf, setOrder, VT } from './internals';
import { readSnapshot, XLSX_TIME_ZONE } from './read-sheet';
import { solidFill, StyleDeriver, ValueWriter } from './render';
import { applyPlan, setNote } from './template';
import { compactValidations } from './validations';
import { renderModel } from './write-sheet';

/** A sheet view as exceljs reads and writes it (its d.ts omits these two fields). */
type SheetView = Partial<WorksheetView> & { tabSelected?: boolean; activeCell?: string };

patchExceljs();

export class XlsxWorkbook implements WorkbookPort {
  /** Set when a formula was written: Excel then recalculates on open (exceljs writes no cached results). */
  private wroteFormulas = false;
  /** The tab to open on: the file's own until activate() names another. */
  private active: { name: string; cell?: string } | undefined;
  /**
   * Snapshots by sheet, kept until a port method writes that sheet (see keepSnapshots); null when
   * not kept.
   */
  private snapshots: Map<string, SheetSnapshot> | null = null;

  private constructor(private readonly book: Workbook) {
    const index = book.views?.[0]?.activeTab ?? 0;
    const sheet = book.worksheets[index];
    if (sheet) this.active = { name: sheet.name };
  }

  /** An empty workbook. */
  static create(): XlsxWorkbook {
    return new XlsxWorkbook(new Workbook());
  }

  static async load(path: string): Promise<XlsxWorkbook> {
    const book = new Workbook();
    await book.xlsx.readFile(path);
    return new XlsxWorkbook(book);
  }

  static async fromBuffer(data: Buffer | Uint8Array | ArrayBuffer): Promise<XlsxWorkbook> {
    const book = new Workbook();
    await book.xlsx.load(toArrayBuffer(data));
    return new XlsxWorkbook(book);
  }

  async save(path: string): Promise<void> {
    await writeFile(path, await this.toBuffer());
  }

  async toBuffer(): Promise<Buffer> {
    this.prepareSave();
    // Kept snapshots (and what was read from them) are not needed to write the file: let the memory go
    // before the file's XML is built (the largest allocation of a run).
    this.snapshots?.clear();
    // Native zlib for the zip (see fast-write.ts); exceljs's own writer if its internals ever differ.
    const fast = await xlsxBuffer(this.book);
    // exceljs returns a Node Buffer in Node; its d.ts calls it an ArrayBuffer-like interface.
    return fast ?? Buffer.from((await this.book.xlsx.writeBuffer()) as ArrayBuffer);
  }

  /**
   * Keeps each sheet's snapshot until a port method writes that sheet: `run all` reads the same input
   * sheets in every command, and turning a 100,000-row sheet into a snapshot is most of a command's
   * time. For a caller that changes cells only through the port (the CLI); kept snapshots are frozen,
   * so no command can change what the next one reads.
   */
  keepSnapshots(): this {
    this.snapshots ??= new Map();
    return this;
  }

  /** The underlying exceljs workbook (tests and the CLI's own checks). */
  get excel(): Workbook {
    return this.book;
  }

  timeZone(): string {
    return XLSX_TIME_ZONE;
  }

  listSheets(): SheetInfo[] {
    return this.book.worksheets.map((s) => ({ name: s.name, id: s.id, hidden: s.state !== 'visible' }));
  }

  readSheet(name: string): SheetSnapshot | null {
    const known = this.snapshots?.get(name);
    if (known) return known;
    const sheet = this.sheet(name);
    if (!sheet) return null;
    if (!this.snapshots) return readSnapshot(sheet);
    const snapshot = freezeSnapshot(readSnapshot(sheet));
    this.snapshots.set(name, snapshot);
    return snapshot;
  }

  readCellLayer(name: string, range: RangeRef): CellLayer {
    const sheet = this.requireSheet(name);
    const backgrounds: (string | null)[][] = [];
    const notes: string[][] = [];
    for (let r = 0; r < range.rows; r++) {
      const row = sheet.findRow(range.row + r);
      const rowBackgrounds: (string | null)[] = [];
      const rowNotes: string[] = [];
      for (let c = 0; c < range.cols; c++) {
        const cell = row?.findCell(range.col + c);
        rowBackgrounds.push(cell ? backgroundOf(cell) : null);
        rowNotes.push(cell ? noteOf(cell) : '');
      }
      backgrounds.push(rowBackgrounds);
      notes.push(rowNotes);
    }
    return { range, backgrounds, notes };
  }

  writeCellLayer(name: string, changes: readonly CellLayerChange[]): void {
    const sheet = this.requireSheet(name);
    const styles = new StyleDeriver();
    for (const change of changes) {
      const cell = sheet.getCell(change.row, change.col);
      setBackground(cell, change.background, styles);
      setNote(cell, change.note);
    }
  }

  writeSheet(model: SheetModel): void {
    this.snapshots?.delete(model.name);
    const old = this.sheet(model.name);
    const orderNo = old ? orderOf(old) : undefined;
    // A fresh sheet drops everything the old one had (values, styles, merges, validations, notes).
    if (old) this.book.removeWorksheet(old.id);
    const sheet = this.book.addWorksheet(model.name);
    if (orderNo !== undefined) setOrder(sheet, orderNo);
    if (renderModel(sheet, model)) this.wroteFormulas = true;
  }

  appendRows(name: string, firstRow: number, rows: readonly OutCell[][]): void {
    this.snapshots?.delete(name);
    const sheet = this.requireSheet(name);
    const writer = new ValueWriter();
    rows.forEach((values, r) => {
      const row = sheet.getRow(firstRow + r);
      values.forEach((value, c) => {
        const cell = row.getCell(c + 1);
        // A merged-away cell forwards writes to its merge's first cell; data wins over layout here.
        if (modelOf(cell).type === VT.Merge) sheet.unMergeCells(cell.address);
        writer.write(cell, value);
      });
    });
    if (writer.wroteFormula) this.wroteFormulas = true;
  }

  applyTemplate(plan: TemplateSheetPlan): void {
    this.snapshots?.delete(plan.name);
    const sheet = this.sheet(plan.name) ?? this.book.addWorksheet(plan.name);
    const writer = new ValueWriter();
    applyPlan(sheet, plan, writer);
    if (writer.wroteFormula) this.wroteFormulas = true;
  }

  deleteSheet(name: string): void {
    this.snapshots?.delete(name);
    const sheet = this.sheet(name);
    if (sheet) this.book.removeWorksheet(sheet.id);
  }

  /**
   * Makes the sheet the tab Excel opens on, with the cell selected. Applied when saving, by name, since
   * sheets may still be added, replaced or deleted (tab indexes shift); hidden sheets cannot be active.
   */
  activate(name: string, row?: number, col?: number): void {
    const sheet = this.sheet(name);
    if (!sheet || sheet.state !== 'visible') return;
    this.active = { name, cell: row !== undefined && col !== undefined ? a1(row, col) : undefined };
  }

  /** Sets the active tab (the requested or the file's own, else the first visible) and its selection. */
  private applyActive(): void {
    const sheets = this.book.worksheets;
    let index = sheets.findIndex((s) => s.name === this.active?.name && s.state === 'visible');
    if (index < 0) index = sheets.findIndex((s) => s.state === 'visible');
    if (index < 0) return;
    // A loaded workbook without <bookViews> has no views array at all.
    const [view, ...rest] = this.book.views ?? [];
    const base: WorkbookView = view ?? {
      x: 0,
      y: 0,
      width: 12000,
      height: 24000,
      visibility: 'visible',
      activeTab: 0,
      firstSheet: 0,
    };
    this.book.views = [{ ...base, activeTab: index, firstSheet: 0 }, ...rest];
    sheets.forEach((sheet, i) => selectTab(sheet, i === index, i === index ? this.active?.cell : undefined));
  }

  private sheet(name: string): Worksheet | undefined {
    return this.book.worksheets.find((s) => s.name === name);
  }

  private requireSheet(name: string): Worksheet {
    const sheet = this.sheet(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet;
  }

  /** Keeps the saved file valid after sheets were added, replaced or removed. */
  private prepareSave(): void {
    for (const sheet of this.book.worksheets) compactValidations(sheet);
    this.applyActive();
    if (this.wroteFormulas) this.book.calcProperties = { ...this.book.calcProperties, fullCalcOnLoad: true };
  }
}

function freezeSnapshot(snapshot: SheetSnapshot): SheetSnapshot {
  for (const grid of [snapshot.values, snapshot.formulas, snapshot.displays]) {
    for (const row of grid) Object.freeze(row);
    Object.freeze(grid);
  }
  for (const merge of snapshot.merges) Object.freeze(merge);
  Object.freeze(snapshot.merges);
  return Object.freeze(snapshot);
}

/** Only the active tab may be selected, or Excel opens with the tabs grouped. */
function selectTab(sheet: Worksheet, selected: boolean, cell: string | undefined): void {
  // Loaded sheets may have no views at all (null).
  const views = sheet.views ?? [];
  const view = (views[0] as SheetView | undefined) ?? (selected ? { state: 'normal' } : undefined);
  if (!view) return;
  view.tabSelected = selected;
  if (cell) view.activeCell = cell;
  if (!views.length) sheet.views = [view as WorksheetView];
}

function toArrayBuffer(data: Buffer | Uint8Array | ArrayBuffer): ArrayBuffer {
  if (data instanceof ArrayBuffer) return data;
  return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
}

/** A solid fill's colour; null for no fill or a pattern the port cannot express. */
function backgroundOf(cell: Cell): string | null {
  const fill = cell.style.fill;
  if (!fill || fill.type !== 'pattern' || fill.pattern !== 'solid') return null;
  return colorToHex(fill.fgColor);
}

function noteOf(cell: Cell): string {
  const note: unknown = cell.note;
  if (!note) return '';
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: { text: string }[] }).texts;
  return Array.isArray(texts) ? texts.map((t) => t.text).join('') : '';
}

function setBackground(cell: Cell, background: string | null, styles: StyleDeriver): void {
  if (background === null) {
    if (!cell.style.fill) return;
    cell.style = styles.derive(cell.style, 'nofill', ({ fill: _fill, ...rest }) => rest);
    return;
  }
  cell.style = styles.derive(cell.style, `fill:${background}`, (style) => ({
    ...style,
    fill: solidFill(background),
  }));
}
