/** Cell values and A1 addressing shared by the core, the port and every adapter. */

/** A value as a spreadsheet host returns it. Dates are instants; see `timeZone` on the snapshot. */
export type CellValue = string | number | boolean | Date | null;

/** A rectangle of cells, 1-based like the spreadsheet itself. */
export interface RangeRef {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** 1 → A, 27 → AA. */
export function columnLetter(col: number): string {
  if (!Number.isInteger(col) || col < 1) throw new RangeError(`column must be a positive integer: ${col}`);
  let letters = '';
  let n = col;
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** (5, 2) → "B5". */
export function a1(row: number, col: number): string {
  if (!Number.isInteger(row) || row < 1) throw new RangeError(`row must be a positive integer: ${row}`);
  return `${columnLetter(col)}${row}`;
}

/** "B5" → { row: 5, col: 2 }; null when the text is not a single-cell A1 address. */
export function parseA1(address: string): { row: number; col: number } | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!match) return null;
  let col = 0;
  for (const ch of match[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(match[2]);
  return row >= 1 ? { row, col } : null;
}

/** "A1:C4" for a range (a single cell gives "A1"). */
export function rangeA1(range: RangeRef): string {
  const start = a1(range.row, range.col);
  if (range.rows === 1 && range.cols === 1) return start;
  return `${start}:${a1(range.row + range.rows - 1, range.col + range.cols - 1)}`;
}

/** Sheet-qualified reference usable in formulas and data validation: 'ชื่อ ชีต'!A1. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A character that is not white space (as trim() sees it). */
const NOT_SPACE = /\S/;

/** Blank: no value, or a text of white space only (found without making a trimmed copy). */
export function isBlank(value: CellValue | undefined): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== 'string') return false;
  // Most texts start with a visible character below U+1680 (Thai included): no scan needed.
  const first = value.charCodeAt(0);
  if (first > 0x20 && first !== 0xa0 && first < 0x1680) return false;
  return !NOT_SPACE.test(value);
}
