/**
 * OutCell → the value handed to Range.setValues. setValues parses strings as if a user typed them, so
 * user text must be escaped here or "=1+1", "+66", "1/10/2565" and "0012" would become a formula,
 * numbers or a date (DESIGN §5: user text can never become a formula).
 */
import { a1 } from '../../core/cells';
import { isDateCell, isFormulaCell, isLinkCell, type OutCell } from '../../core/sheet-model';
import type { SheetValue } from './types';
import { zonedMidnight } from '../../core/zone';

export interface OutContext {
  /** Sheet id (gid) of a link target; null when no such sheet exists. */
  sheetId(name: string): number | null;
  timeZone: string;
}

/** A leading apostrophe makes Sheets keep the rest as text; getValues returns it without the apostrophe. */
export function textValue(text: string): string {
  return text === '' ? '' : `'${text}`;
}

/** A string literal inside a formula. */
function formulaString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Internal link: "#gid=…&range=A1" jumps within the spreadsheet without leaving it. */
export function hyperlinkFormula(gid: number, row: number, col: number, text: string): string {
  return `=HYPERLINK(${formulaString(`#gid=${gid}&range=${a1(row, col)}`)},${formulaString(text)})`;
}

/**
 * How to write one cell. `plainText` is true for cells formatted as plain text ("@"): Sheets does not
 * parse input there, and may keep an apostrophe literally, so strings go in as they are.
 */
export function toSheetValue(cell: OutCell, ctx: OutContext, plainText = false): SheetValue {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return plainText ? cell : textValue(cell);
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : textValue(String(cell));
  if (typeof cell === 'boolean') return cell;
  if (isLinkCell(cell)) {
    const gid = ctx.sheetId(cell.sheet);
    // A link to a sheet that does not exist would jump nowhere: keep its text.
    return gid === null
      ? toSheetValue(cell.text, ctx, plainText)
      : hyperlinkFormula(gid, cell.row, cell.col, cell.text);
  }
  if (isFormulaCell(cell)) return cell.formula.startsWith('=') ? cell.formula : `=${cell.formula}`;
  if (isDateCell(cell)) return zonedMidnight(cell.iso, ctx.timeZone);
  throw new TypeError(`unsupported cell: ${JSON.stringify(cell)}`);
}

/** The rectangle of values for setValues: `height` × `width`, ragged rows padded with ''. */
export function valueGrid(
  rows: readonly (readonly OutCell[])[],
  height: number,
  width: number,
  ctx: OutContext,
  plainText?: (r: number, c: number) => boolean,
): SheetValue[][] {
  const grid: SheetValue[][] = [];
  for (let r = 0; r < height; r++) {
    const row = rows[r] ?? [];
    const out: SheetValue[] = new Array<SheetValue>(width);
    for (let c = 0; c < width; c++) out[c] = toSheetValue(row[c] ?? null, ctx, plainText?.(r, c) ?? false);
    grid.push(out);
  }
  return grid;
}
