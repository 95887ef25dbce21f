/**
 * The small workbook port every command is written against. Adapters: Google Sheets (SpreadsheetApp,
 * batched), .xlsx files (exceljs, Node only) and memory (tests). Each method is a fixed number of host
 * calls whatever the number of rows: that is the adapter's contract.
 */
import type { RangeRef } from '../core/cells';
import type { CellStyle, OutCell, SheetModel } from '../core/sheet-model';
import type { SheetSnapshot } from '../core/snapshot';

export interface SheetInfo {
  name: string;
  /** Stable id (Sheets gid; worksheet id in .xlsx); survives renames. */
  id: number;
  hidden: boolean;
}

/** Background colour and note of a block of cells ('' note = none, null background = none). */
export interface CellLayer {
  range: RangeRef;
  backgrounds: (string | null)[][];
  notes: string[][];
}

/** One cell's new background and note (1-based address). */
export interface CellLayerChange {
  row: number;
  col: number;
  background: string | null;
  note: string;
}

export type ValidationRule =
  | { kind: 'list'; values: readonly string[] }
  /** Values listed in a range of this workbook, e.g. the reference sheet. */
  | { kind: 'listFromRange'; sheet: string; range: RangeRef }
  | { kind: 'number'; min?: number; max?: number }
  | { kind: 'date' };

export interface TemplateColumnPlan {
  col: number;
  width?: number;
  numberFormat?: string;
  /** Dropdowns warn, never reject: what staff type is kept and validation reports it. */
  validation?: ValidationRule;
  /** Help note on the header cell. */
  note?: string;
}

/** What the template command wants done to one input sheet; computed by the core from the schema. */
export interface TemplateSheetPlan {
  name: string;
  /** Create the sheet (it is missing). */
  create: boolean;
  headerRow: number;
  /** Header texts to write into empty header cells; existing headers are never rewritten. */
  headerCells: { col: number; text: string }[];
  /** Header block to style (the whole header row over the declared columns). */
  headerRange: RangeRef;
  headerStyle: CellStyle;
  columns: TemplateColumnPlan[];
  frozenRows: number;
  frozenColumns: number;
  tabColor: string;
  fontFamily: string;
  /** Blocks written only into cells that are empty now (settings labels, reference defaults). */
  seeds: { row: number; col: number; values: OutCell[][] }[];
  /** Last data row that column formats and validations cover. */
  formatRows: number;
}

export interface WorkbookPort {
  /** Sheets in tab order. */
  listSheets(): SheetInfo[];
  /** Values, formulas, display texts and merges of the used block; null when there is no such sheet. */
  readSheet(name: string): SheetSnapshot | null;
  /** Backgrounds and notes of a block (for marks that can be removed exactly). */
  readCellLayer(name: string, range: RangeRef): CellLayer;
  /** Sets backgrounds and notes of scattered cells of one sheet; values are never touched. */
  writeCellLayer(name: string, changes: readonly CellLayerChange[]): void;
  /** Creates the sheet or replaces its whole content and formatting with the model. */
  writeSheet(model: SheetModel): void;
  /** Writes rows starting at firstRow (1-based) into an input sheet, below its existing rows. */
  appendRows(name: string, firstRow: number, rows: readonly OutCell[][]): void;
  /** Applies a template plan (create/repair one input sheet). */
  applyTemplate(plan: TemplateSheetPlan): void;
  /** Removes a sheet the add-in owns (no-op when missing). */
  deleteSheet(name: string): void;
  /** Brings a sheet to the front and selects a cell (no-op offline). */
  activate(name: string, row?: number, col?: number): void;
  /** Time zone for "today" and Date cells. */
  timeZone(): string;
}

export interface UiPort {
  toast(message: string, title?: string): void;
  alert(title: string, message: string): void;
  /** Asks for one line of text; null when the user cancels. Offline hosts answer from options. */
  prompt(title: string, message: string, defaultValue: string): string | null;
}

export interface LockPort {
  /** True when the document lock was taken within the timeout. */
  tryLock(timeoutMs: number): boolean;
  release(): void;
}

/** Everything a command may touch. */
export interface Host {
  workbook: WorkbookPort;
  ui: UiPort;
  lock: LockPort;
  now(): Date;
}
