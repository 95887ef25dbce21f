/**
 * Row heights for wrapped text. Google Sheets grows rows to fit wrapped text by itself; Excel and
 * LibreOffice keep the default height unless the file says otherwise, so long Thai texts would overlap
 * when printed. The estimate is deliberately generous: a row a little too tall prints fine.
 */
import type { Worksheet } from 'exceljs';
import type { RangeRef } from '../../core/cells';
import type { CellStyle, OutCell, SheetModel } from '../../core/sheet-model';

const DEFAULT_WIDTH_PX = 100;
const DEFAULT_FONT_PT = 10;
/** Average advance of a Thai or Latin character per point of font size, in pixels (Sarabun, Tahoma). */
const CHAR_PX_PER_PT = 0.7;
const CELL_PADDING_PX = 6;
const LINE_HEIGHT_PER_PT = 1.45;
const DEFAULT_ROW_PT = 15;
/** Thai vowel and tone marks sit above or below the letter before them: they take no width. */
const ZERO_WIDTH = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E\u200B-\u200D]/g;

function textOf(cell: OutCell): string {
  if (typeof cell === 'string') return cell;
  if (cell && typeof cell === 'object' && cell.kind === 'link') return cell.text;
  return '';
}

export function lineCount(text: string, widthPx: number, fontPt: number): number {
  const perLine = Math.max(1, Math.floor((widthPx - CELL_PADDING_PX) / (fontPt * CHAR_PX_PER_PT)));
  // Most cells fit one line as typed (marks only shorten a text): no split or replace for them.
  if (text.length <= perLine && !text.includes('\n')) return 1;
  return text
    .split('\n')
    .reduce(
      (lines, part) => lines + Math.max(1, Math.ceil(part.replace(ZERO_WIDTH, '').length / perLine)),
      0,
    );
}

/** Width in pixels each merged block's top-left cell can use. */
function mergedWidths(model: SheetModel, widthOf: (col: number) => number): Map<string, number> {
  const widths = new Map<string, number>();
  for (const m of model.merges as RangeRef[]) {
    let px = 0;
    for (let c = m.col; c < m.col + m.cols; c++) px += widthOf(c);
    widths.set(`${m.row}:${m.col}`, px);
  }
  return widths;
}

/**
 * Sets the height of each row holding wrapped text that needs more than one line.
 * `styleAt(row, col)` gives the cell's composed style (1-based).
 */
export function fitWrappedRows(
  sheet: Worksheet,
  model: SheetModel,
  styleAt: (row: number, col: number) => CellStyle,
): void {
  const widthOf = (col: number): number => model.columnWidths[col - 1] ?? DEFAULT_WIDTH_PX;
  const merged = mergedWidths(model, widthOf);
  model.rows.forEach((cells, r) => {
    let tallest = 0;
    cells.forEach((cell, c) => {
      const text = textOf(cell);
      if (!text) return;
      const style = styleAt(r + 1, c + 1);
      if (!style.wrap) return;
      const fontPt = style.fontSize ?? DEFAULT_FONT_PT;
      const width = (merged.size ? merged.get(`${r + 1}:${c + 1}`) : undefined) ?? widthOf(c + 1);
      const lines = lineCount(text, width, fontPt);
      if (lines > 1) tallest = Math.max(tallest, lines * fontPt * LINE_HEIGHT_PER_PT);
    });
    if (tallest > DEFAULT_ROW_PT) sheet.getRow(r + 1).height = Math.ceil(tallest);
  });
}
