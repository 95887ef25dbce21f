/** Sheet-level steps shared by the adapter's methods; each is a fixed number of service calls. */
import { parseA1, rangeA1, type RangeRef } from '../../core/cells';
import type { CellStyle } from '../../core/sheet-model';
import type { GProtection, GRange, GSheet, GSpreadsheet, GSpreadsheetApp } from './types';

export interface GridSize {
  rows: number;
  cols: number;
}

export function rangeOf(sheet: GSheet, ref: RangeRef): GRange {
  return sheet.getRange(ref.row, ref.col, ref.rows, ref.cols);
}

/** "B2:C5" / "B2" → RangeRef (what Range.getA1Notation returns for a block). */
export function parseRangeA1(notation: string): RangeRef {
  const [from, to = from] = notation.split(':');
  const start = parseA1(from);
  const end = parseA1(to);
  if (!start || !end) throw new Error(`unexpected A1 notation from Sheets: ${notation}`);
  return { row: start.row, col: start.col, rows: end.row - start.row + 1, cols: end.col - start.col + 1 };
}

/** The sheet, created at the end of the tab bar when missing. */
export function sheetOrInsert(ss: GSpreadsheet, name: string): { sheet: GSheet; created: boolean } {
  const found = ss.getSheetByName(name);
  if (found) return { sheet: found, created: false };
  return { sheet: ss.insertSheet(name, ss.getNumSheets()), created: true };
}

export function gridSize(sheet: GSheet): GridSize {
  return { rows: sheet.getMaxRows(), cols: sheet.getMaxColumns() };
}

/**
 * Grows the grid so rows×cols fit: getRange beyond the grid throws "The coordinates of the range are
 * outside the dimensions of the sheet" (a new sheet has 1,000 rows and 26 columns).
 */
export function ensureSize(sheet: GSheet, size: GridSize, rows: number, cols: number): GridSize {
  if (rows > size.rows) sheet.insertRowsAfter(size.rows, rows - size.rows);
  if (cols > size.cols) sheet.insertColumnsAfter(size.cols, cols - size.cols);
  return { rows: Math.max(rows, size.rows), cols: Math.max(cols, size.cols) };
}

/**
 * Empties a generated sheet in place: the sheet and its gid stay, since other sheets link to it. A sheet
 * protection is kept when `keepProtection` (the sheet is about to be protected again: removing and
 * re-adding it would be two calls for nothing) and returned; range protections always go.
 */
export function clearSheet(
  sheet: GSheet,
  app: GSpreadsheetApp,
  size: GridSize = gridSize(sheet),
  keepProtection = false,
): { size: GridSize; protection: GProtection | null } {
  sheet.clear(); // contents and formats
  sheet.clearNotes();
  const all = sheet.getRange(1, 1, size.rows, size.cols);
  all.clearDataValidations();
  all.breakApart();
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  let kept: GProtection | null = null;
  for (const protection of sheet.getProtections(app.ProtectionType.SHEET)) {
    if (keepProtection && !kept) kept = protection;
    else protection.remove();
  }
  for (const protection of sheet.getProtections(app.ProtectionType.RANGE)) protection.remove();
  return { size, protection: kept };
}

/** One style over a whole range with the single-value setters (header rows of the template). */
export function styleRange(range: GRange, style: CellStyle): void {
  if (style.bold !== undefined) range.setFontWeight(style.bold ? 'bold' : 'normal');
  if (style.italic !== undefined) range.setFontStyle(style.italic ? 'italic' : 'normal');
  if (style.fontSize !== undefined) range.setFontSize(style.fontSize);
  if (style.fontColor !== undefined) range.setFontColor(style.fontColor);
  if (style.background !== undefined) range.setBackground(style.background);
  if (style.numberFormat !== undefined) range.setNumberFormat(style.numberFormat);
  if (style.hAlign !== undefined) range.setHorizontalAlignment(style.hAlign);
  if (style.vAlign !== undefined) range.setVerticalAlignment(style.vAlign);
  if (style.wrap !== undefined) range.setWrap(style.wrap);
}

/**
 * A1 notations covering these cells, consecutive rows of a column joined ("C5:C9"), so a RangeList
 * stays short even for thousands of marks.
 */
export function cellsA1(cells: readonly { row: number; col: number }[]): string[] {
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  const out: string[] = [];
  let run: RangeRef | null = null;
  for (const { row, col } of sorted) {
    if (run && run.col === col && run.row + run.rows === row) {
      run.rows++;
      continue;
    }
    if (run) out.push(rangeA1(run));
    run = { row, col, rows: 1, cols: 1 };
  }
  if (run) out.push(rangeA1(run));
  return out;
}
