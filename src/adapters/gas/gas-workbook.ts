/**
 * The workbook port over SpreadsheetApp, batched (DESIGN §5 "Batch or die"): each method makes a fixed
 * number of service calls whatever the number of rows. Services are looked up on first use, never at
 * load time, so the bundle loads in Apps Script (and in a bare test context) without touching one.
 */
import type { CellValue, RangeRef } from '../../core/cells';
import type { OutCell, SheetModel } from '../../core/sheet-model';
import type { SheetSnapshot } from '../../core/snapshot';
import type {
  CellLayer,
  CellLayerChange,
  SheetInfo,
  TemplateSheetPlan,
  WorkbookPort,
} from '../../port/workbook';
import { applyTemplatePlan } from './apply-template';
import { boundingBox } from './blocks';
import { valueGrid, type OutContext } from './out-cells';
import { renderSheet } from './render-sheet';
import { cellsA1, clearSheet, ensureSize, gridSize, parseRangeA1, sheetOrInsert } from './sheet-ops';
import type { GSheet, GSpreadsheet, GSpreadsheetApp } from './types';

/** The colour getBackgrounds reports for a cell nobody coloured. */
const DEFAULT_BACKGROUND = '#ffffff';

function toCellValue(value: unknown): CellValue {
  if (value === '' || value === undefined) return null;
  if (value instanceof Date || typeof value === 'number' || typeof value === 'boolean' || value === null) {
    return value;
  }
  return String(value);
}

/** getDataRange of an empty sheet is A1 holding nothing. */
function isEmptyBlock(values: unknown[][], formulas: string[][]): boolean {
  return values.length === 1 && values[0].length === 1 && values[0][0] === '' && formulas[0][0] === '';
}

/** Last change per cell wins, as when they are applied one by one. */
function lastChangePerCell(changes: readonly CellLayerChange[]): CellLayerChange[] {
  const byCell = new Map<string, CellLayerChange>();
  for (const change of changes) byCell.set(`${change.row}:${change.col}`, change);
  return [...byCell.values()];
}

export class GasWorkbook implements WorkbookPort {
  private spreadsheet: GSpreadsheet | null;
  private zone: string | null = null;

  /** Both default to the running script's services, looked up when first needed. */
  constructor(
    spreadsheet?: GSpreadsheet,
    private readonly spreadsheetApp?: GSpreadsheetApp,
  ) {
    this.spreadsheet = spreadsheet ?? null;
  }

  private get app(): GSpreadsheetApp {
    return this.spreadsheetApp ?? SpreadsheetApp;
  }

  private get ss(): GSpreadsheet {
    if (!this.spreadsheet) this.spreadsheet = this.app.getActiveSpreadsheet();
    return this.spreadsheet;
  }

  private requireSheet(name: string): GSheet {
    const sheet = this.ss.getSheetByName(name);
    if (!sheet) throw new Error(`ไม่พบชีต "${name}" ในสเปรดชีตนี้`);
    return sheet;
  }

  /** Writing context: link targets resolved once per distinct sheet name. */
  private outContext(): OutContext {
    const ids = new Map<string, number | null>();
    const timeZone = this.timeZone();
    return {
      timeZone,
      sheetId: (name) => {
        if (!ids.has(name)) ids.set(name, this.ss.getSheetByName(name)?.getSheetId() ?? null);
        return ids.get(name) ?? null;
      },
    };
  }

  timeZone(): string {
    if (this.zone === null) this.zone = this.ss.getSpreadsheetTimeZone();
    return this.zone;
  }

  listSheets(): SheetInfo[] {
    return this.ss.getSheets().map((sheet) => ({
      name: sheet.getName(),
      id: sheet.getSheetId(),
      hidden: sheet.isSheetHidden(),
    }));
  }

  readSheet(name: string): SheetSnapshot | null {
    const sheet = this.ss.getSheetByName(name);
    if (!sheet) return null;
    const range = sheet.getDataRange();
    const values = range.getValues();
    const formulas = range.getFormulas();
    const displays = range.getDisplayValues();
    // One call per merged block (Sheets has no bulk getter); merges are few, never one per data row.
    const merges = range.getMergedRanges().map((m) => parseRangeA1(m.getA1Notation()));
    const timeZone = this.timeZone();
    if (isEmptyBlock(values, formulas)) {
      return { name, values: [], formulas: [], displays: [], merges, timeZone };
    }
    return { name, values: values.map((row) => row.map(toCellValue)), formulas, displays, merges, timeZone };
  }

  readCellLayer(name: string, range: RangeRef): CellLayer {
    const sheet = this.requireSheet(name);
    const backgrounds = Array.from({ length: range.rows }, () =>
      new Array<string | null>(range.cols).fill(null),
    );
    const notes = Array.from({ length: range.rows }, () => new Array<string>(range.cols).fill(''));
    // Cells beyond the grid have no colour or note; asking for them would throw.
    const size = gridSize(sheet);
    const rows = Math.min(range.rows, size.rows - range.row + 1);
    const cols = Math.min(range.cols, size.cols - range.col + 1);
    if (rows > 0 && cols > 0) {
      const block = sheet.getRange(range.row, range.col, rows, cols);
      const colours = block.getBackgrounds();
      const texts = block.getNotes();
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          backgrounds[r][c] = colours[r][c].toLowerCase() === DEFAULT_BACKGROUND ? null : colours[r][c];
          notes[r][c] = texts[r][c];
        }
      }
    }
    return { range, backgrounds, notes };
  }

  writeCellLayer(name: string, changes: readonly CellLayerChange[]): void {
    if (changes.length === 0) return;
    const sheet = this.requireSheet(name);
    const cells = lastChangePerCell(changes);
    const byColour = new Map<string | null, CellLayerChange[]>();
    for (const change of cells) {
      const group = byColour.get(change.background);
      if (group) group.push(change);
      else byColour.set(change.background, [change]);
    }
    for (const [colour, group] of byColour) sheet.getRangeList(cellsA1(group)).setBackground(colour);
    // Notes: one read and one write over the changes' bounding box; other cells keep their notes.
    const box = boundingBox(cells) as RangeRef;
    const block = sheet.getRange(box.row, box.col, box.rows, box.cols);
    const notes = block.getNotes();
    for (const change of cells) notes[change.row - box.row][change.col - box.col] = change.note;
    block.setNotes(notes);
  }

  writeSheet(model: SheetModel): void {
    const { sheet, created } = sheetOrInsert(this.ss, model.name);
    const size = created ? gridSize(sheet) : clearSheet(sheet, this.app);
    renderSheet(sheet, model, size, this.outContext());
  }

  appendRows(name: string, firstRow: number, rows: readonly OutCell[][]): void {
    const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
    if (rows.length === 0 || width === 0) return;
    const sheet = this.requireSheet(name);
    ensureSize(sheet, gridSize(sheet), firstRow + rows.length - 1, width);
    const range = sheet.getRange(firstRow, 1, rows.length, width);
    // Plain-text columns take strings as they are (no apostrophe); see toSheetValue.
    const formats = range.getNumberFormats();
    range.setValues(valueGrid(rows, rows.length, width, this.outContext(), (r, c) => formats[r][c] === '@'));
  }

  applyTemplate(plan: TemplateSheetPlan): void {
    applyTemplatePlan(plan, { ...this.outContext(), ss: this.ss, app: this.app });
  }

  deleteSheet(name: string): void {
    const sheet = this.ss.getSheetByName(name);
    if (sheet) this.ss.deleteSheet(sheet);
  }

  activate(name: string, row?: number, col?: number): void {
    const sheet = this.ss.getSheetByName(name);
    if (!sheet) return;
    this.ss.setActiveSheet(sheet);
    if (row !== undefined && col !== undefined && row >= 1 && col >= 1) {
      sheet.setActiveRange(sheet.getRange(row, col));
    }
  }
}
