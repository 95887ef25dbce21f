/**
 * Renders a SheetModel into an emptied sheet: values once, each style property once over the whole
 * block (2-D setters), then merges, borders, widths and charts. Nothing here loops over rows with a
 * service call.
 */
import { rangeA1 } from '../../core/cells';
import {
  isDateCell,
  modelWidth,
  styleGrid,
  usesStyle,
  type CellStyle,
  type ChartSpec,
  type SheetModel,
} from '../../core/sheet-model';
import { DEFAULT_COLUMN_WIDTH, extentOf, widthRuns } from './blocks';
import { valueGrid, type OutContext } from './out-cells';
import { ensureSize, rangeOf, type GridSize } from './sheet-ops';
import type { GProtection, GRange, GSheet } from './types';

type GChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;

/** Shown in "Protected sheets and ranges" and in the warning Sheets gives before an edit. */
export const PROTECTION_DESCRIPTION = 'ชีตนี้สร้างโดย ITA Sheets: แก้ที่ชีตข้อมูลแล้วสั่งสร้างรายงานใหม่ การแก้ที่นี่จะถูกเขียนทับ';

/** Date cells need a date format: after clear() a cell is "General" and would show the serial number. */
const DEFAULT_DATE_FORMAT = 'd/m/yyyy';
const GENERAL = 'General';

/** The block that values and styles cover (styles may reach past the last value). */
function valueBlock(model: SheetModel): GridSize {
  const styles = extentOf(model.styles.map((s) => s.range));
  return { rows: Math.max(model.rows.length, styles.rows), cols: Math.max(modelWidth(model), styles.cols) };
}

/** Rows and columns the model touches: the grid must be at least this big before any getRange. */
function modelExtent(model: SheetModel): GridSize {
  const block = valueBlock(model);
  const anchors = model.charts.map((c) => ({ ...c.anchor, rows: 1, cols: 1 }));
  const others = extentOf([
    ...model.merges,
    ...model.borders,
    ...model.charts.map((c) => c.data),
    ...anchors,
  ]);
  return {
    rows: Math.max(block.rows, others.rows, model.frozenRows + 1),
    cols: Math.max(block.cols, others.cols, model.columnWidths.length),
  };
}

function grid<K extends keyof CellStyle, T>(
  model: SheetModel,
  block: GridSize,
  key: K,
  map: (value: CellStyle[K] | undefined) => T,
): T[][] {
  return styleGrid(model, block.rows, block.cols, key).map((row) => row.map(map));
}

/** Each entry is one 2-D setter call over the block; skipped when no style sets the property. */
const STYLE_SETTERS: {
  key: keyof CellStyle;
  apply(range: GRange, model: SheetModel, block: GridSize): void;
}[] = [
  { key: 'bold', apply: (r, m, b) => r.setFontWeights(grid(m, b, 'bold', (v) => (v ? 'bold' : 'normal'))) },
  {
    key: 'italic',
    apply: (r, m, b) => r.setFontStyles(grid(m, b, 'italic', (v) => (v ? 'italic' : 'normal'))),
  },
  { key: 'fontSize', apply: (r, m, b) => r.setFontSizes(grid(m, b, 'fontSize', (v) => v ?? 10)) },
  { key: 'fontColor', apply: (r, m, b) => r.setFontColors(grid(m, b, 'fontColor', (v) => v ?? '#000000')) },
  { key: 'background', apply: (r, m, b) => r.setBackgrounds(grid(m, b, 'background', (v) => v ?? null)) },
  { key: 'hAlign', apply: (r, m, b) => r.setHorizontalAlignments(grid(m, b, 'hAlign', (v) => v ?? null)) },
  { key: 'vAlign', apply: (r, m, b) => r.setVerticalAlignments(grid(m, b, 'vAlign', (v) => v ?? null)) },
  { key: 'wrap', apply: (r, m, b) => r.setWraps(grid(m, b, 'wrap', (v) => v ?? false)) },
];

function numberFormats(model: SheetModel, block: GridSize): string[][] | null {
  const styled = usesStyle(model, 'numberFormat');
  const hasDates = model.rows.some((row) => row.some(isDateCell));
  if (!styled && !hasDates) return null;
  const formats = styleGrid(model, block.rows, block.cols, 'numberFormat');
  return formats.map((row, r) =>
    row.map(
      (format, c) => format ?? (isDateCell(model.rows[r]?.[c] ?? null) ? DEFAULT_DATE_FORMAT : GENERAL),
    ),
  );
}

function writeBlock(sheet: GSheet, model: SheetModel, block: GridSize, ctx: OutContext): void {
  if (block.rows < 1 || block.cols < 1) return;
  const range = sheet.getRange(1, 1, block.rows, block.cols);
  range.setValues(valueGrid(model.rows, block.rows, block.cols, ctx));
  const formats = numberFormats(model, block);
  if (formats) range.setNumberFormats(formats);
  for (const setter of STYLE_SETTERS) if (usesStyle(model, setter.key)) setter.apply(range, model, block);
  if (model.fontFamily) range.setFontFamily(model.fontFamily);
}

function chartBuilder(sheet: GSheet, spec: ChartSpec): GChartBuilder {
  const base = sheet.newChart();
  const horizontal = spec.type === 'bar' || spec.type === 'stackedBar';
  const typed: GChartBuilder =
    spec.type === 'line' ? base.asLineChart() : horizontal ? base.asBarChart() : base.asColumnChart();
  let builder = typed
    .addRange(rangeOf(sheet, spec.data))
    .setNumHeaders(1)
    .setOption('title', spec.title)
    .setOption('width', spec.width)
    .setOption('height', spec.height)
    .setPosition(spec.anchor.row, spec.anchor.col, 0, 0);
  if (spec.type === 'stackedColumn' || spec.type === 'stackedBar') {
    builder = builder.setOption('isStacked', true);
  }
  if (spec.xTitle) builder = builder.setOption('hAxis', { title: spec.xTitle });
  if (spec.yTitle) builder = builder.setOption('vAxis', { title: spec.yTitle });
  return builder;
}

/** What the adapter knows of the sheet before drawing: state it need not set again. */
export interface KnownSheet {
  /** Inserted in this run: visible, no frozen rows, no tab colour, default widths, no protection. */
  fresh: boolean;
  /** Whether the sheet is hidden, when known (undefined: not asked). */
  hidden: boolean | undefined;
  /** Its sheet protection, kept by clearSheet to be reused. */
  protection: GProtection | null;
}

/**
 * Draws the model into a sheet that clearSheet emptied (or that was just inserted) and returns the grid
 * size. Calls that would set what the sheet already has are skipped: on a new sheet, zero frozen rows,
 * default widths, no tab colour and showing it. A sheet that is hidden and stays hidden (the registries)
 * keeps its frozen rows, font, widths and tab colour as they were: nobody sees them, and each costs a
 * call.
 */
export function renderSheet(
  sheet: GSheet,
  model: SheetModel,
  size: GridSize,
  ctx: OutContext,
  known: KnownSheet = { fresh: false, hidden: undefined, protection: null },
): GridSize {
  const extent = modelExtent(model);
  const grid = ensureSize(sheet, size, extent.rows, extent.cols);
  const cosmetic = !(model.hidden && (known.fresh || known.hidden === true));
  // Freeze before merging: a merge across the old frozen edge would throw.
  if (cosmetic && !(known.fresh && model.frozenRows === 0)) sheet.setFrozenRows(model.frozenRows);
  writeBlock(sheet, cosmetic ? model : { ...model, fontFamily: '' }, valueBlock(model), ctx);
  for (const merge of model.merges) rangeOf(sheet, merge).merge();
  if (model.borders.length > 0) {
    sheet.getRangeList(model.borders.map(rangeA1)).setBorder(true, true, true, true, true, true);
  }
  if (cosmetic) {
    for (const run of widthRuns(model.columnWidths, grid.cols)) {
      if (known.fresh && run.width === DEFAULT_COLUMN_WIDTH) continue;
      sheet.setColumnWidths(run.start, run.count, run.width);
    }
    if (!(known.fresh && !model.tabColor)) sheet.setTabColor(model.tabColor ?? null);
  }
  for (const spec of model.charts) sheet.insertChart(chartBuilder(sheet, spec).build());
  // Print setup (orientation, fit to width, repeated rows) has no Apps Script API: model.print is ignored.
  if (model.protect) {
    const protection = known.protection ?? sheet.protect();
    protection.setDescription(PROTECTION_DESCRIPTION).setWarningOnly(true);
  } else known.protection?.remove();
  if (model.hidden) {
    if (known.hidden !== true) sheet.hideSheet();
  } else if (!known.fresh && known.hidden !== false) sheet.showSheet();
  return grid;
}
