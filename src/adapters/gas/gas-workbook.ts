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
import { cellsA1, clearSheet, ensureSize, gridSize, parseRangeA1, type GridSize } from './sheet-ops';
import type { GProtection, GSheet, GSpreadsheet, GSpreadsheetApp } from './types';

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

/**
 * A sheet as this run knows it. The list is fetched once (getSheets, and getName per sheet) and kept up
 * to date by this adapter's own inserts, deletes, hides and shows: a run holds the document lock, and
 * gasHost() makes a new adapter per run. Ids, visibility and grid sizes are asked for once, when first
 * needed.
 */
interface SheetEntry {
  sheet: GSheet;
  name: string;
  id?: number;
  hidden?: boolean;
  size?: GridSize;
  /** Inserted by this run, so its state is Sheets' default for a new sheet. */
  fresh: boolean;
}

export class GasWorkbook implements WorkbookPort {
  private ssHandle: GSpreadsheet | null;
  private zone: string | null = null;
  private entries: SheetEntry[] | null = null;
  /** Sheets asked for by name before the whole list was needed (lower-cased name → entry or absent). */
  private lookedUp = new Map<string, SheetEntry | null>();

  /** Both default to the running script's services, looked up when first needed. */
  constructor(
    spreadsheet?: GSpreadsheet,
    private readonly spreadsheetApp?: GSpreadsheetApp,
  ) {
    this.ssHandle = spreadsheet ?? null;
  }

  private get app(): GSpreadsheetApp {
    return this.spreadsheetApp ?? SpreadsheetApp;
  }

  private get ss(): GSpreadsheet {
    if (!this.ssHandle) this.ssHandle = this.app.getActiveSpreadsheet();
    return this.ssHandle;
  }

  /** The spreadsheet, fetched once and shared (the host's UI toasts through it). */
  spreadsheet(): GSpreadsheet {
    return this.ss;
  }

  private all(): SheetEntry[] {
    if (!this.entries) {
      this.entries = this.ss.getSheets().map((sheet) => {
        const name = sheet.getName();
        // Keep the entry a single lookup made, so what it learnt (id, size) stays with it.
        const known = this.lookedUp.get(name.toLowerCase());
        if (known) {
          known.name = name;
          return known;
        }
        return { sheet, name, fresh: false };
      });
    }
    return this.entries;
  }

  /**
   * Sheet names are unique without regard to case, and getSheetByName matches them so: so do we. Until
   * the list is needed, one getSheetByName per name: a custom function reading one sheet makes one call.
   */
  private find(name: string): SheetEntry | null {
    const lower = name.toLowerCase();
    const entries = this.entries;
    if (!entries) {
      if (!this.lookedUp.has(lower)) {
        const sheet = this.ss.getSheetByName(name);
        this.lookedUp.set(lower, sheet ? { sheet, name, fresh: false } : null);
      }
      return this.lookedUp.get(lower) ?? null;
    }
    return (
      entries.find((e) => e.name === name) ?? entries.find((e) => e.name.toLowerCase() === lower) ?? null
    );
  }

  private require(name: string): SheetEntry {
    const entry = this.find(name);
    if (!entry) throw new Error(`ไม่พบชีต "${name}" ในสเปรดชีตนี้`);
    return entry;
  }

  /** A new sheet at the end of the tab bar. */
  private insert(name: string): SheetEntry {
    const entries = this.all();
    const entry: SheetEntry = {
      sheet: this.ss.insertSheet(name, entries.length),
      name,
      fresh: true,
      hidden: false,
    };
    entries.push(entry);
    return entry;
  }

  private idOf(entry: SheetEntry): number {
    if (entry.id === undefined) entry.id = entry.sheet.getSheetId();
    return entry.id;
  }

  private hiddenOf(entry: SheetEntry): boolean {
    if (entry.hidden === undefined) entry.hidden = entry.sheet.isSheetHidden();
    return entry.hidden;
  }

  private sizeOf(entry: SheetEntry): GridSize {
    if (!entry.size) entry.size = gridSize(entry.sheet);
    return entry.size;
  }

  /** Writing context: link targets resolved from the sheet list, each id asked once. */
  private outContext(): OutContext {
    return {
      timeZone: this.timeZone(),
      sheetId: (name) => {
        const entry = this.find(name);
        return entry ? this.idOf(entry) : null;
      },
    };
  }

  timeZone(): string {
    if (this.zone === null) this.zone = this.ss.getSpreadsheetTimeZone();
    return this.zone;
  }

  /** Id and visibility are asked of Sheets only when a caller reads them. */
  listSheets(): SheetInfo[] {
    return this.all().map((entry) => {
      const info = { name: entry.name } as SheetInfo;
      Object.defineProperty(info, 'id', { enumerable: true, get: () => this.idOf(entry) });
      Object.defineProperty(info, 'hidden', { enumerable: true, get: () => this.hiddenOf(entry) });
      return info;
    });
  }

  readSheet(name: string): SheetSnapshot | null {
    const sheet = this.find(name)?.sheet;
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
    const entry = this.require(name);
    const backgrounds = Array.from({ length: range.rows }, () =>
      new Array<string | null>(range.cols).fill(null),
    );
    const notes = Array.from({ length: range.rows }, () => new Array<string>(range.cols).fill(''));
    // Cells beyond the grid have no colour or note; asking for them would throw.
    const size = this.sizeOf(entry);
    const rows = Math.min(range.rows, size.rows - range.row + 1);
    const cols = Math.min(range.cols, size.cols - range.col + 1);
    if (rows > 0 && cols > 0) {
      const block = entry.sheet.getRange(range.row, range.col, rows, cols);
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
    const sheet = this.require(name).sheet;
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
    const existing = this.find(model.name);
    const entry = existing ?? this.insert(model.name);
    let protection: GProtection | null = null;
    if (!entry.fresh) {
      ({ protection } = clearSheet(entry.sheet, this.app, this.sizeOf(entry), model.protect));
    }
    // Whether a hidden model goes into a sheet hidden already decides which calls can be skipped.
    const hidden = model.hidden && !entry.fresh ? this.hiddenOf(entry) : entry.hidden;
    const known = { fresh: entry.fresh, hidden, protection };
    entry.size = renderSheet(entry.sheet, model, this.sizeOf(entry), this.outContext(), known);
    entry.hidden = model.hidden;
    entry.fresh = false;
  }

  appendRows(name: string, firstRow: number, rows: readonly OutCell[][]): void {
    const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
    if (rows.length === 0 || width === 0) return;
    const entry = this.require(name);
    const sheet = entry.sheet;
    entry.size = ensureSize(sheet, this.sizeOf(entry), firstRow + rows.length - 1, width);
    const range = sheet.getRange(firstRow, 1, rows.length, width);
    // Plain-text columns take strings as they are (no apostrophe); see toSheetValue.
    const formats = range.getNumberFormats();
    range.setValues(valueGrid(rows, rows.length, width, this.outContext(), (r, c) => formats[r][c] === '@'));
  }

  applyTemplate(plan: TemplateSheetPlan): void {
    applyTemplatePlan(plan, {
      ...this.outContext(),
      app: this.app,
      sheet: (name) => {
        const entry = this.find(name);
        return entry ? { sheet: entry.sheet, size: this.sizeOf(entry) } : null;
      },
      sheetOrInsert: (name) => {
        const entry = this.find(name) ?? this.insert(name);
        const size = this.sizeOf(entry);
        entry.fresh = false;
        return {
          sheet: entry.sheet,
          size,
          resized: (grown) => {
            entry.size = grown;
          },
        };
      },
    });
  }

  deleteSheet(name: string): void {
    const entry = this.find(name);
    if (!entry) return;
    this.ss.deleteSheet(entry.sheet);
    this.entries = this.all().filter((e) => e !== entry);
  }

  activate(name: string, row?: number, col?: number): void {
    const sheet = this.find(name)?.sheet;
    if (!sheet) return;
    this.ss.setActiveSheet(sheet);
    if (row !== undefined && col !== undefined && row >= 1 && col >= 1) {
      sheet.setActiveRange(sheet.getRange(row, col));
    }
  }
}
