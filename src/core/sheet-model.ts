/**
 * What a generated sheet looks like, as plain data. Reports build a SheetModel; each adapter renders it
 * with a fixed number of calls (values once, each style property once over the whole block).
 */
import type { RangeRef } from './cells';

/** A link that jumps to a cell of this workbook. */
export interface LinkCell {
  kind: 'link';
  text: string;
  sheet: string;
  row: number;
  col: number;
}

/** A formula the add-in wrote itself (never user text). */
export interface FormulaCell {
  kind: 'formula';
  formula: string;
}

/** A real date cell (not text) showing this calendar date (ISO, C.E.) in the spreadsheet's time zone. */
export interface DateCell {
  kind: 'date';
  iso: string;
}

/**
 * A generated cell. Strings are always shown as text: an adapter must never let a string become a
 * formula, number or date (user text such as "=1+1" or "-" stays as typed).
 */
export type OutCell = string | number | boolean | null | LinkCell | FormulaCell | DateCell;

export type HAlign = 'left' | 'center' | 'right';
export type VAlign = 'top' | 'middle' | 'bottom';

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontColor?: string;
  background?: string;
  numberFormat?: string;
  hAlign?: HAlign;
  vAlign?: VAlign;
  wrap?: boolean;
}

export interface StyledRange {
  range: RangeRef;
  style: CellStyle;
}

export type ChartType = 'column' | 'stackedColumn' | 'bar' | 'stackedBar' | 'line';

/** An embedded chart over a block of this sheet (first column = categories, first row = series names). */
export interface ChartSpec {
  type: ChartType;
  title: string;
  data: RangeRef;
  /** Where the chart's top-left corner sits. */
  anchor: { row: number; col: number };
  width: number;
  height: number;
  xTitle?: string;
  yTitle?: string;
}

export interface PrintSetup {
  orientation: 'landscape' | 'portrait';
  fitToWidth: boolean;
  /** Header rows repeated on every printed page. */
  repeatRows?: number;
}

export interface SheetModel {
  name: string;
  rows: OutCell[][];
  styles: StyledRange[];
  merges: RangeRef[];
  /** Pixel width per column, 1-based order; missing entries keep the host default. */
  columnWidths: number[];
  frozenRows: number;
  fontFamily: string;
  charts: ChartSpec[];
  print: PrintSetup;
  /** Generated sheets are protected warning-only so nobody edits a figure by accident. */
  protect: boolean;
  hidden: boolean;
  tabColor?: string;
  /** Borders drawn around each of these blocks (thin, all cell edges). */
  borders: RangeRef[];
}

/** Widest row; adapters pad ragged rows to this width. */
export function modelWidth(model: Pick<SheetModel, 'rows'>): number {
  return model.rows.reduce((max, row) => Math.max(max, row.length), 0);
}

export function isLinkCell(cell: OutCell): cell is LinkCell {
  return typeof cell === 'object' && cell !== null && (cell as LinkCell).kind === 'link';
}

export function isDateCell(cell: OutCell): cell is DateCell {
  return typeof cell === 'object' && cell !== null && (cell as DateCell).kind === 'date';
}

export function isFormulaCell(cell: OutCell): cell is FormulaCell {
  return typeof cell === 'object' && cell !== null && (cell as FormulaCell).kind === 'formula';
}

/**
 * Flattens the style list into one value per cell for a single property (last style wins), so an
 * adapter can set that property for the whole block in one call.
 */
export function styleGrid<K extends keyof CellStyle>(
  model: Pick<SheetModel, 'styles'>,
  height: number,
  width: number,
  property: K,
): (CellStyle[K] | undefined)[][] {
  const grid: (CellStyle[K] | undefined)[][] = Array.from({ length: height }, () =>
    new Array<CellStyle[K] | undefined>(width).fill(undefined),
  );
  for (const { range, style } of model.styles) {
    const value = style[property];
    if (value === undefined) continue;
    const lastRow = Math.min(height, range.row - 1 + range.rows);
    const lastCol = Math.min(width, range.col - 1 + range.cols);
    for (let r = range.row - 1; r < lastRow; r++) {
      for (let c = range.col - 1; c < lastCol; c++) grid[r][c] = value;
    }
  }
  return grid;
}

/** True when any style in the model sets this property (adapters skip a call otherwise). */
export function usesStyle(model: Pick<SheetModel, 'styles'>, property: keyof CellStyle): boolean {
  return model.styles.some((s) => s.style[property] !== undefined);
}
