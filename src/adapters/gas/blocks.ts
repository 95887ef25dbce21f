/** Pure geometry for batching: turn scattered cells and per-column settings into few service calls. */
import type { RangeRef } from '../../core/cells';

/** Sheets' default column width in pixels. */
export const DEFAULT_COLUMN_WIDTH = 100;

export interface WidthRun {
  start: number;
  count: number;
  width: number;
}

/**
 * Consecutive columns of equal width, over columns 1..columns; missing or non-positive widths take the
 * default so a rewritten sheet does not keep the widths of its previous content.
 */
export function widthRuns(widths: readonly (number | undefined)[], columns: number): WidthRun[] {
  const runs: WidthRun[] = [];
  for (let col = 1; col <= columns; col++) {
    const given = widths[col - 1];
    const width = given !== undefined && given > 0 ? Math.round(given) : DEFAULT_COLUMN_WIDTH;
    const last = runs[runs.length - 1];
    if (last && last.width === width) last.count++;
    else runs.push({ start: col, count: 1, width });
  }
  return runs;
}

/** Last row and column any of these ranges reaches (0 when there are none). */
export function extentOf(ranges: readonly RangeRef[]): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  for (const r of ranges) {
    rows = Math.max(rows, r.row + r.rows - 1);
    cols = Math.max(cols, r.col + r.cols - 1);
  }
  return { rows, cols };
}

/** Smallest range holding every cell; null for none. */
export function boundingBox(cells: readonly { row: number; col: number }[]): RangeRef | null {
  if (cells.length === 0) return null;
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  for (const { row, col } of cells) {
    top = Math.min(top, row);
    left = Math.min(left, col);
    bottom = Math.max(bottom, row);
    right = Math.max(right, col);
  }
  return { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
}

/**
 * Covers the true cells of a mask with rectangles holding only true cells (0-based, relative to the
 * mask): runs within a row, stacked while the next row has the same run. A fully true mask is one
 * rectangle, so writing "only into empty cells" of an empty block is one call.
 */
export function rectsOf(mask: readonly (readonly boolean[])[]): RangeRef[] {
  const done: RangeRef[] = [];
  let open = new Map<string, RangeRef>();
  mask.forEach((line, r) => {
    const next = new Map<string, RangeRef>();
    for (const [start, end] of runsOf(line)) {
      const key = `${start}:${end}`;
      const rect = open.get(key);
      if (rect && rect.row + rect.rows === r) {
        rect.rows++;
        open.delete(key);
        next.set(key, rect);
      } else {
        next.set(key, { row: r, col: start, rows: 1, cols: end - start + 1 });
      }
    }
    for (const rect of open.values()) done.push(rect);
    open = next;
  });
  for (const rect of open.values()) done.push(rect);
  return done.sort((a, b) => a.row - b.row || a.col - b.col);
}

function runsOf(line: readonly boolean[]): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  line.forEach((on, c) => {
    if (on && start < 0) start = c;
    if (!on && start >= 0) {
      runs.push([start, c - 1]);
      start = -1;
    }
  });
  if (start >= 0) runs.push([start, line.length - 1]);
  return runs;
}
