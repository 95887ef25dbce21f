import type { CellValue, RangeRef } from './cells';

/**
 * Everything a command reads from one sheet, taken in one go. Row/column indexes into the arrays are
 * 0-based (values[0][0] is cell A1); every array has the same shape, the sheet's used block from A1.
 */
export interface SheetSnapshot {
  name: string;
  values: CellValue[][];
  /** Formula text ("=SUM(A1:A3)") or '' per cell. */
  formulas: string[][];
  /** The text the user sees in the cell (formatted number, date, percent). */
  displays: string[][];
  merges: RangeRef[];
  /** Time zone in which Date values are midnights (the spreadsheet's zone; 'UTC' for .xlsx files). */
  timeZone: string;
}

export function emptySnapshot(name: string, timeZone = 'Asia/Bangkok'): SheetSnapshot {
  return { name, values: [], formulas: [], displays: [], merges: [], timeZone };
}

export function snapshotHeight(snapshot: SheetSnapshot): number {
  return snapshot.values.length;
}

export function snapshotWidth(snapshot: SheetSnapshot): number {
  return snapshot.values.reduce((max, row) => Math.max(max, row.length), 0);
}
