/**
 * Renders a SheetModel into a fresh exceljs worksheet. Styles are flattened once into a grid of
 * "composite style" ids (each distinct combination of the model's style layers and borders), so every
 * cell gets a shared style object by one array lookup, whatever the number of rows.
 */
import type { PageSetup, Row, Style, Worksheet, WorksheetView } from 'exceljs';
import type { RangeRef } from '../../core/cells';
import { modelWidth, type CellStyle, type PrintSetup, type SheetModel } from '../../core/sheet-model';
import { hexToArgb } from './colors';
import { excelStyle, excelValue, isFormulaValue, kindOf, type Kind } from './render';
import { fitWrappedRows } from './row-heights';

/** Excel column width unit ≈ 7 px (the width of a digit in the default font). */
export const PIXELS_PER_WIDTH_UNIT = 7;
const A4 = 9 as PageSetup['paperSize'];

interface Composite {
  style: CellStyle;
  border: boolean;
}

interface StyleGrid {
  ids: Int32Array;
  height: number;
  width: number;
  composites: Composite[];
}

interface Layer {
  range: RangeRef;
  style: CellStyle;
  border: boolean;
}

/** Writes the model into an empty worksheet; returns true when it wrote a formula. */
export function renderModel(sheet: Worksheet, model: SheetModel): boolean {
  const grid = composeStyles(model);
  const wroteFormula = writeCells(sheet, model, grid);
  for (const m of model.merges) {
    if (m.rows > 1 || m.cols > 1) sheet.mergeCells(m.row, m.col, m.row + m.rows - 1, m.col + m.cols - 1);
  }
  setColumnWidths(sheet, model.columnWidths);
  fitWrappedRows(
    sheet,
    model,
    (row, col) => grid.composites[grid.ids[(row - 1) * grid.width + (col - 1)]]?.style ?? {},
  );
  setFrozen(sheet, model.frozenRows, 0);
  if (model.tabColor) sheet.properties.tabColor = { argb: hexToArgb(model.tabColor) };
  sheet.state = model.hidden ? 'hidden' : 'visible';
  setPrint(sheet, model.print);
  // Protection: exceljs can only lock a sheet, not warn, and charts it cannot write at all: both skipped.
  return wroteFormula;
}

function layersOf(model: SheetModel): Layer[] {
  return [
    ...model.styles.map(({ range, style }) => ({ range, style, border: false })),
    ...model.borders.map((range) => ({ range, style: {}, border: true })),
  ];
}

function composeStyles(model: SheetModel): StyleGrid {
  const layers = layersOf(model);
  let height = model.rows.length;
  let width = modelWidth(model);
  for (const { range } of layers) {
    height = Math.max(height, range.row + range.rows - 1);
    width = Math.max(width, range.col + range.cols - 1);
  }
  const grid: StyleGrid = {
    ids: new Int32Array(height * width),
    height,
    width,
    composites: [{ style: {}, border: false }],
  };
  const known = new Map<string, number>([[compositeKey(grid.composites[0]), 0]]);
  for (const layer of layers) applyLayer(grid, layer, known);
  return grid;
}

/** Moves every cell of the layer's range to the composite "its current one + this layer". */
function applyLayer(grid: StyleGrid, layer: Layer, known: Map<string, number>): void {
  const next = new Map<number, number>();
  const top = Math.max(1, layer.range.row);
  const left = Math.max(1, layer.range.col);
  const bottom = layer.range.row + layer.range.rows - 1;
  const right = layer.range.col + layer.range.cols - 1;
  for (let r = top; r <= bottom; r++) {
    for (let c = left; c <= right; c++) {
      const i = (r - 1) * grid.width + (c - 1);
      const from = grid.ids[i];
      let to = next.get(from);
      if (to === undefined) {
        to = compose(grid, from, layer, known);
        next.set(from, to);
      }
      grid.ids[i] = to;
    }
  }
}

function compose(grid: StyleGrid, from: number, layer: Layer, known: Map<string, number>): number {
  const base = grid.composites[from];
  const composite = {
    style: { ...base.style, ...definedOnly(layer.style) },
    border: base.border || layer.border,
  };
  const key = compositeKey(composite);
  let id = known.get(key);
  if (id === undefined) {
    id = grid.composites.push(composite) - 1;
    known.set(key, id);
  }
  return id;
}

/** A style without its undefined properties (an explicit undefined must not erase an earlier layer). */
function definedOnly(style: CellStyle): CellStyle {
  return Object.fromEntries(Object.entries(style).filter(([, v]) => v !== undefined)) as CellStyle;
}

function compositeKey(composite: Composite): string {
  const entries = Object.entries(composite.style).sort(([a], [b]) => (a < b ? -1 : 1));
  return `${composite.border ? 1 : 0}${JSON.stringify(entries)}`;
}

function writeCells(sheet: Worksheet, model: SheetModel, grid: StyleGrid): boolean {
  const styles = new Map<number, Partial<Style>>();
  const styleFor = (id: number, kind: Kind): Partial<Style> => {
    const key = id * 3 + kind;
    let style = styles.get(key);
    if (!style) {
      const { style: cellStyle, border } = grid.composites[id];
      style = excelStyle(cellStyle, model.fontFamily, border, kind);
      styles.set(key, style);
    }
    return style;
  };
  let wroteFormula = false;
  for (let r = 0; r < grid.height; r++) {
    const values = model.rows[r];
    let row: Row | undefined;
    for (let c = 0; c < grid.width; c++) {
      const value = values?.[c] ?? null;
      const id = grid.ids[r * grid.width + c];
      if (value === null && id === 0) continue;
      row ??= sheet.getRow(r + 1);
      const cell = row.getCell(c + 1);
      if (value !== null) {
        const excel = excelValue(value);
        cell.value = excel;
        wroteFormula ||= isFormulaValue(excel);
      }
      cell.style = styleFor(id, kindOf(value));
    }
  }
  return wroteFormula;
}

export function setColumnWidths(sheet: Worksheet, widths: readonly (number | undefined)[]): void {
  widths.forEach((px, i) => {
    if (typeof px === 'number' && px > 0) sheet.getColumn(i + 1).width = widthUnits(px);
  });
}

export function widthUnits(px: number): number {
  return Math.round((px / PIXELS_PER_WIDTH_UNIT) * 100) / 100;
}

/** Freezes rows and columns, keeping the rest of the sheet's view (zoom, grid lines). Loaded sheets may have no views (null). */
export function setFrozen(sheet: Worksheet, rows: number, cols: number): void {
  const views = sheet.views ?? [];
  const current = { ...(views[0] ?? {}) } as Record<string, unknown>;
  for (const key of ['state', 'xSplit', 'ySplit', 'topLeftCell', 'activePane']) delete current[key];
  const frozen = rows > 0 || cols > 0;
  const pane = frozen
    ? { state: 'frozen', xSplit: cols || undefined, ySplit: rows || undefined }
    : { state: 'normal' };
  sheet.views = [{ ...current, ...pane } as WorksheetView, ...views.slice(1)];
}

function setPrint(sheet: Worksheet, print: PrintSetup): void {
  const setup = sheet.pageSetup;
  setup.paperSize = A4;
  setup.orientation = print.orientation;
  if (print.fitToWidth) {
    // One page wide, as many pages tall as needed.
    setup.fitToPage = true;
    setup.fitToWidth = 1;
    setup.fitToHeight = 0;
  }
  if (print.repeatRows && print.repeatRows > 0) setup.printTitlesRow = `1:${print.repeatRows}`;
}
