/**
 * The small workbook port every command is written against. Adapters: Google Sheets (SpreadsheetApp,
 * batched), .xlsx files (exceljs, Node only) and memory (tests). Each method is a fixed number of host
 * calls whatever the number of rows: that is the adapter's contract.
 */
import type { RangeRef } from '../core/cells';
import type { OutCell, SheetModel } from '../core/sheet-model';
import type { TemplateSheetPlan } from '../core/template-plan';
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

export type { TemplateColumnPlan, TemplateSheetPlan, ValidationRule } from '../core/template-plan';

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
