/** The fake spreadsheet's state: plain data that the API objects read and write, and tests inspect. */
import type { Content } from './values';

export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** Cell formatting; absent properties have Sheets' defaults (see DEFAULT_FORMAT). */
export interface CellFormat {
  numberFormat: string;
  fontWeight: string;
  fontStyle: string;
  fontColor: string;
  fontSize: number;
  fontFamily: string;
  background: string;
  hAlign: string;
  vAlign: string;
  wrap: boolean;
  border: boolean;
}

export const DEFAULT_FORMAT: CellFormat = {
  numberFormat: 'General',
  fontWeight: 'normal',
  fontStyle: 'normal',
  fontColor: '#000000',
  fontSize: 10,
  fontFamily: 'Arial',
  background: '#ffffff',
  hAlign: 'general',
  vAlign: 'bottom',
  wrap: false,
  border: false,
};

/** A data validation rule as stored on cells. */
export interface ValidationState {
  criteria: string;
  args: unknown[];
  allowInvalid: boolean;
  helpText: string;
  /** For VALUE_IN_RANGE: the sheet and block the list comes from. */
  source?: { sheet: string; range: Rect };
}

export interface CellState {
  content?: Content;
  note?: string;
  validation?: ValidationState;
  format?: Partial<CellFormat>;
}

export interface ProtectionState {
  type: 'SHEET' | 'RANGE';
  range?: Rect;
  description: string;
  warningOnly: boolean;
}

export interface ChartState {
  id: number;
  type: string;
  ranges: Rect[];
  options: Record<string, unknown>;
  position: { row: number; col: number; offsetX: number; offsetY: number } | null;
  numHeaders: number;
}

export interface SheetState {
  id: number;
  name: string;
  hidden: boolean;
  maxRows: number;
  maxCols: number;
  /** Sparse: rows and cells appear when something is written. */
  cells: ((CellState | undefined)[] | undefined)[];
  merges: Rect[];
  frozenRows: number;
  frozenCols: number;
  columnWidths: Map<number, number>;
  tabColor: string | null;
  protections: ProtectionState[];
  charts: ChartState[];
  activeRange: Rect | null;
}

export interface SpreadsheetState {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  sheets: SheetState[];
  activeSheetId: number;
  nextSheetId: number;
  nextChartId: number;
  toasts: { message: string; title: string | undefined; timeoutSeconds: number | null | undefined }[];
  /** Builds the Dates getValues returns, in the realm of the code under test. */
  newDate(ms: number): Date;
}

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLS = 26;
export const DEFAULT_COLUMN_WIDTH = 100;

export function newSheetState(
  id: number,
  name: string,
  rows = DEFAULT_ROWS,
  cols = DEFAULT_COLS,
): SheetState {
  return {
    id,
    name,
    hidden: false,
    maxRows: rows,
    maxCols: cols,
    cells: [],
    merges: [],
    frozenRows: 0,
    frozenCols: 0,
    columnWidths: new Map(),
    tabColor: null,
    protections: [],
    charts: [],
    activeRange: null,
  };
}

export function cellAt(sheet: SheetState, row: number, col: number): CellState | undefined {
  return sheet.cells[row - 1]?.[col - 1];
}

/** The cell, created when missing (for writes). */
export function touchCell(sheet: SheetState, row: number, col: number): CellState {
  const line = (sheet.cells[row - 1] ??= []);
  return (line[col - 1] ??= {});
}

export function formatOf(cell: CellState | undefined): CellFormat {
  return cell?.format ? { ...DEFAULT_FORMAT, ...cell.format } : DEFAULT_FORMAT;
}

export function hasContent(cell: CellState | undefined): boolean {
  return cell?.content !== undefined;
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.row >= outer.row &&
    inner.col >= outer.col &&
    inner.row + inner.rows <= outer.row + outer.rows &&
    inner.col + inner.cols <= outer.col + outer.cols
  );
}

/** Last row and column holding content (what getLastRow/getLastColumn/getDataRange see). */
export function contentExtent(sheet: SheetState): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  sheet.cells.forEach((line, r) =>
    line?.forEach((cell, c) => {
      if (hasContent(cell)) {
        rows = Math.max(rows, r + 1);
        cols = Math.max(cols, c + 1);
      }
    }),
  );
  return { rows, cols };
}

export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function rectA1(rect: Rect): string {
  const start = `${columnLetters(rect.col)}${rect.row}`;
  if (rect.rows === 1 && rect.cols === 1) return start;
  return `${start}:${columnLetters(rect.col + rect.cols - 1)}${rect.row + rect.rows - 1}`;
}

/** "B2", "B2:D9", "$B$2:$D$9" → Rect; null when the notation is not a plain cell block. */
export function parseRectA1(notation: string): Rect | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(notation.trim());
  if (!m) return null;
  const col = (letters: string): number =>
    [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const r1 = Number(m[2]);
  const c1 = col(m[1]);
  const r2 = m[4] ? Number(m[4]) : r1;
  const c2 = m[3] ? col(m[3]) : c1;
  if (r1 < 1 || r2 < 1) return null;
  return {
    row: Math.min(r1, r2),
    col: Math.min(c1, c2),
    rows: Math.abs(r2 - r1) + 1,
    cols: Math.abs(c2 - c1) + 1,
  };
}
