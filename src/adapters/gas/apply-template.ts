/**
 * The template command's writes into an input sheet. User data is never rewritten: headers and seeds go
 * only into cells that are empty now (one read of the area they cover, then one write per rectangle of
 * cells to fill), and formats/dropdowns cover whole columns in few calls.
 */
import { isBlank, rangeA1, type CellValue, type RangeRef } from '../../core/cells';
import type { OutCell } from '../../core/sheet-model';
import type { TemplateColumnPlan, TemplateSheetPlan, ValidationRule } from '../../port/workbook';
import { extentOf, rectsOf } from './blocks';
import { valueGrid, type OutContext } from './out-cells';
import { ensureSize, rangeOf, styleRange, type GridSize } from './sheet-ops';
import type { GDataValidation, GSheet, GSpreadsheetApp } from './types';

export interface TemplateContext extends OutContext {
  app: GSpreadsheetApp;
  /** A sheet of the workbook and its grid size, from the adapter's sheet list; null when missing. */
  sheet(name: string): { sheet: GSheet; size: GridSize } | null;
  /** The plan's sheet, inserted when missing; `resized` tells the adapter the grid grew. */
  sheetOrInsert(name: string): { sheet: GSheet; size: GridSize; resized(size: GridSize): void };
}

/** A block of cells to fill where empty: `values[r][c]` goes to (row + r, col + c). */
interface FillBlock {
  row: number;
  col: number;
  values: OutCell[][];
}

function planExtent(plan: TemplateSheetPlan): GridSize {
  const seeds = extentOf(
    plan.seeds.map((s) => ({ row: s.row, col: s.col, rows: s.values.length, cols: widthOf(s.values) })),
  );
  const columns = plan.columns.reduce((max, c) => Math.max(max, c.col), 0);
  const headers = plan.headerCells.reduce((max, c) => Math.max(max, c.col), 0);
  const header = extentOf([plan.headerRange]);
  return {
    rows: Math.max(plan.formatRows, plan.headerRow + 1, seeds.rows, header.rows, plan.frozenRows + 1),
    cols: Math.max(columns, headers, seeds.cols, header.cols, plan.frozenColumns + 1),
  };
}

function widthOf(values: readonly (readonly OutCell[])[]): number {
  return values.reduce((max, row) => Math.max(max, row.length), 0);
}

/** Header texts as one block over the header row, null where the plan writes nothing. */
function headerBlock(plan: TemplateSheetPlan): FillBlock | null {
  if (plan.headerCells.length === 0) return null;
  const first = Math.min(...plan.headerCells.map((h) => h.col));
  const last = Math.max(...plan.headerCells.map((h) => h.col));
  const row: OutCell[] = new Array<OutCell>(last - first + 1).fill(null);
  for (const { col, text } of plan.headerCells) row[col - first] = text;
  return { row: plan.headerRow, col: first, values: [row] };
}

/** Smallest block covering all of these. */
function boxOf(blocks: readonly FillBlock[]): RangeRef | null {
  const refs = blocks
    .map((b) => ({ row: b.row, col: b.col, rows: b.values.length, cols: widthOf(b.values) }))
    .filter((r) => r.rows > 0 && r.cols > 0);
  if (refs.length === 0) return null;
  const row = Math.min(...refs.map((r) => r.row));
  const col = Math.min(...refs.map((r) => r.col));
  const end = extentOf(refs);
  return { row, col, rows: end.rows - row + 1, cols: end.cols - col + 1 };
}

/**
 * Writes the blocks' values only into cells without a value or formula: one read of the area they
 * cover, then one write per rectangle of cells to fill (one when the area is empty). Where blocks
 * overlap, the earlier block wins, as when they are written one after another into empty cells.
 */
function fillEmpty(sheet: GSheet, blocks: readonly FillBlock[], ctx: OutContext): void {
  const box = boxOf(blocks);
  if (!box) return;
  const wanted: OutCell[][] = Array.from({ length: box.rows }, () => new Array<OutCell>(box.cols).fill(null));
  for (const block of [...blocks].reverse()) {
    block.values.forEach((line, r) =>
      line.forEach((value, c) => {
        if (value !== null && value !== undefined && value !== '') {
          wanted[block.row - box.row + r][block.col - box.col + c] = value;
        }
      }),
    );
  }
  const range = rangeOf(sheet, box);
  const current = range.getValues() as CellValue[][];
  const formulas = range.getFormulas();
  const formats = range.getNumberFormats();
  const mask = wanted.map((line, r) =>
    line.map((value, c) => value !== null && isBlank(current[r][c]) && formulas[r][c] === ''),
  );
  for (const rect of rectsOf(mask)) {
    const part = wanted
      .slice(rect.row, rect.row + rect.rows)
      .map((line) => line.slice(rect.col, rect.col + rect.cols));
    const plainText = (r: number, c: number): boolean => formats[rect.row + r][rect.col + c] === '@';
    sheet
      .getRange(box.row + rect.row, box.col + rect.col, rect.rows, rect.cols)
      .setValues(valueGrid(part, rect.rows, rect.cols, ctx, plainText));
  }
}

/** Help notes on the header cells, in one read and one write over the header row. */
function headerNotes(sheet: GSheet, plan: TemplateSheetPlan): void {
  const noted = plan.columns.filter((c) => c.note !== undefined);
  if (noted.length === 0) return;
  const first = Math.min(...noted.map((c) => c.col));
  const last = Math.max(...noted.map((c) => c.col));
  const range = sheet.getRange(plan.headerRow, first, 1, last - first + 1);
  const notes = range.getNotes();
  for (const column of noted) notes[0][column.col - first] = column.note ?? '';
  range.setNotes(notes);
}

interface ColumnRun<T> {
  start: number;
  count: number;
  key: string;
  value: T;
}

/** Adjacent columns sharing a key (a width, a rule), so one call covers them all; null keys are skipped. */
function columnRuns<T>(
  columns: readonly TemplateColumnPlan[],
  keyOf: (c: TemplateColumnPlan) => string | null,
  valueOf: (c: TemplateColumnPlan) => T,
): ColumnRun<T>[] {
  const runs: ColumnRun<T>[] = [];
  for (const column of [...columns].sort((a, b) => a.col - b.col)) {
    const key = keyOf(column);
    if (key === null) continue;
    const last = runs[runs.length - 1];
    if (last && last.key === key && last.start + last.count === column.col) last.count++;
    else runs.push({ start: column.col, count: 1, key, value: valueOf(column) });
  }
  return runs;
}

function columnWidths(sheet: GSheet, plan: TemplateSheetPlan): void {
  const runs = columnRuns(
    plan.columns,
    (c) => (c.width === undefined ? null : String(Math.round(c.width))),
    (c) => Math.round(c.width ?? 0),
  );
  for (const run of runs) sheet.setColumnWidths(run.start, run.count, run.value);
}

/** The data rows under the header that formats and dropdowns cover. */
function dataRows(plan: TemplateSheetPlan, col: number, cols = 1): RangeRef | null {
  const rows = plan.formatRows - plan.headerRow;
  return rows > 0 ? { row: plan.headerRow + 1, col, rows, cols } : null;
}

/** One RangeList call per distinct number format. */
function columnFormats(sheet: GSheet, plan: TemplateSheetPlan): void {
  const byFormat = new Map<string, string[]>();
  for (const column of plan.columns) {
    const block = dataRows(plan, column.col);
    if (column.numberFormat === undefined || !block) continue;
    byFormat.set(column.numberFormat, [...(byFormat.get(column.numberFormat) ?? []), rangeA1(block)]);
  }
  for (const [format, a1s] of byFormat) sheet.getRangeList(a1s).setNumberFormat(format);
}

/** The part of a range inside the grid (rows past the grid hold nothing); null when none is. */
function withinGrid(range: RangeRef, size: GridSize): RangeRef | null {
  const rows = Math.min(range.rows, size.rows - range.row + 1);
  const cols = Math.min(range.cols, size.cols - range.col + 1);
  return rows > 0 && cols > 0 ? { ...range, rows, cols } : null;
}

/** Sheets that dropdown lists come from, looked up once per plan. */
type Sources = Map<string, { sheet: GSheet; size: GridSize } | null>;

function sourceOf(
  name: string,
  ctx: TemplateContext,
  sources: Sources,
): { sheet: GSheet; size: GridSize } | null {
  if (!sources.has(name)) sources.set(name, ctx.sheet(name));
  return sources.get(name) ?? null;
}

/** Dropdowns warn and keep what staff typed (setAllowInvalid): validation reports it in Thai instead. */
function buildRule(rule: ValidationRule, ctx: TemplateContext, sources: Sources): GDataValidation | null {
  if (rule.kind === 'listFromRange') {
    // The source sheet is planned first; if it is missing anyway, a dropdown would point nowhere.
    const source = sourceOf(rule.sheet, ctx, sources);
    const range = source ? withinGrid(rule.range, source.size) : null;
    if (!source || !range) return null;
    const builder = ctx.app.newDataValidation().requireValueInRange(rangeOf(source.sheet, range), true);
    return builder.setAllowInvalid(true).build();
  }
  const builder = ctx.app.newDataValidation();
  if (rule.kind === 'list') builder.requireValueInList([...rule.values], true);
  else if (rule.kind === 'date') builder.requireDate();
  else if (rule.min !== undefined && rule.max !== undefined) builder.requireNumberBetween(rule.min, rule.max);
  else if (rule.min !== undefined) builder.requireNumberGreaterThanOrEqualTo(rule.min);
  else if (rule.max !== undefined) builder.requireNumberLessThanOrEqualTo(rule.max);
  else builder.requireNumberBetween(-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  return builder.setAllowInvalid(true).build();
}

/** One rule per distinct validation, applied to each run of adjacent columns sharing it. */
function columnValidations(sheet: GSheet, plan: TemplateSheetPlan, ctx: TemplateContext): void {
  const runs = columnRuns(
    plan.columns,
    (c) => (c.validation ? JSON.stringify(c.validation) : null),
    (c) => c.validation as ValidationRule,
  );
  const built = new Map<string, GDataValidation | null>();
  const sources: Sources = new Map();
  for (const run of runs) {
    const block = dataRows(plan, run.start, run.count);
    if (!block) continue;
    if (!built.has(run.key)) built.set(run.key, buildRule(run.value, ctx, sources));
    const rule = built.get(run.key);
    if (rule) rangeOf(sheet, block).setDataValidation(rule);
  }
}

/**
 * Freezing throws when a user's merged cell straddles the edge. Panes are cosmetic and the user's data is
 * not, so the repair goes on without them (each pane on its own).
 */
function freeze(sheet: GSheet, plan: TemplateSheetPlan): void {
  const attempts = [
    () => sheet.setFrozenRows(plan.frozenRows),
    () => sheet.setFrozenColumns(plan.frozenColumns),
  ];
  for (const attempt of attempts) {
    try {
      attempt();
    } catch {
      // Keep the user's pane as it is.
    }
  }
}

export function applyTemplatePlan(plan: TemplateSheetPlan, ctx: TemplateContext): void {
  const target = ctx.sheetOrInsert(plan.name);
  const { sheet } = target;
  const extent = planExtent(plan);
  const size = ensureSize(sheet, target.size, extent.rows, extent.cols);
  target.resized(size);
  const header = headerBlock(plan);
  fillEmpty(sheet, header ? [header, ...plan.seeds] : plan.seeds, ctx);
  if (plan.headerRange.rows > 0 && plan.headerRange.cols > 0) {
    styleRange(rangeOf(sheet, plan.headerRange), plan.headerStyle);
  }
  headerNotes(sheet, plan);
  columnWidths(sheet, plan);
  columnFormats(sheet, plan);
  columnValidations(sheet, plan, ctx);
  freeze(sheet, plan);
  sheet.setTabColor(plan.tabColor);
  // The whole grid, not only the used block, so rows typed later get the same font.
  if (plan.fontFamily) sheet.getRange(1, 1, size.rows, size.cols).setFontFamily(plan.fontFamily);
}
