/**
 * applyTemplate on an exceljs worksheet: creates or repairs an input sheet without changing any value
 * staff have typed. Headers and seeds only go into empty cells; formats go on the column (free for
 * every row) and on the existing data cells that have none of their own.
 */
import type { Cell, Style, Worksheet } from 'exceljs';
import type { TemplateColumnPlan, TemplateSheetPlan } from '../../port/workbook';
import { hexToArgb } from './colors';
import { isEmptyCell } from './read-sheet';
import { excelStyle, Kind, StyleDeriver, type ValueWriter } from './render';
import { compactValidations, excelValidation, setColumnValidation } from './validations';
import { setFrozen, widthUnits } from './write-sheet';
import { clearNote, rowsOf } from './internals';

export function applyPlan(sheet: Worksheet, plan: TemplateSheetPlan, writer: ValueWriter): void {
  const styles = new StyleDeriver();
  // Validations loaded from a file are one key per cell; grouped first, each column's change is cheap.
  compactValidations(sheet);
  for (const column of plan.columns) applyColumn(sheet, plan, column, styles);
  writeHeaders(sheet, plan);
  styleHeader(sheet, plan, styles);
  writeSeeds(sheet, plan, writer);
  setFrozen(sheet, plan.frozenRows, plan.frozenColumns);
  if (plan.tabColor) sheet.properties.tabColor = { argb: hexToArgb(plan.tabColor) };
}

function applyColumn(
  sheet: Worksheet,
  plan: TemplateSheetPlan,
  column: TemplateColumnPlan,
  styles: StyleDeriver,
): void {
  const excelColumn = sheet.getColumn(column.col);
  if (column.width !== undefined) excelColumn.width = widthUnits(column.width);
  // The column's own style is what Excel and exceljs give cells created in it later (typed rows, appends).
  const columnStyle: Partial<Style> = {
    ...excelColumn.style,
    font: excelColumn.style?.font ?? { name: plan.fontFamily },
  };
  if (column.numberFormat) columnStyle.numFmt = column.numberFormat;
  excelColumn.style = columnStyle;
  if (column.numberFormat) formatDataCells(sheet, plan, column.col, column.numberFormat, styles);
  if (column.validation) {
    setColumnValidation(
      sheet,
      column.col,
      plan.headerRow + 1,
      plan.formatRows,
      excelValidation(column.validation),
    );
  }
  if (column.note !== undefined) setNote(sheet.getCell(plan.headerRow, column.col), column.note);
}

/** Existing data cells ignore the column's format in Excel; give it to those without one of their own. */
function formatDataCells(
  sheet: Worksheet,
  plan: TemplateSheetPlan,
  col: number,
  numFmt: string,
  styles: StyleDeriver,
): void {
  const rows = rowsOf(sheet);
  const last = Math.min(plan.formatRows, rows.length);
  for (let r = plan.headerRow + 1; r <= last; r++) {
    const cell = rows[r - 1]?.findCell(col);
    if (!cell || (cell.style.numFmt && cell.style.numFmt !== 'General')) continue;
    cell.style = styles.derive(cell.style, `numFmt:${numFmt}`, (style) => ({ ...style, numFmt }));
  }
}

function writeHeaders(sheet: Worksheet, plan: TemplateSheetPlan): void {
  for (const { col, text } of plan.headerCells) {
    const existing = sheet.findCell(plan.headerRow, col);
    if (isEmptyCell(existing)) (existing ?? sheet.getCell(plan.headerRow, col)).value = text;
  }
}

function styleHeader(sheet: Worksheet, plan: TemplateSheetPlan, styles: StyleDeriver): void {
  const header = excelStyle(plan.headerStyle, plan.fontFamily, false, Kind.Plain);
  const merge = (style: Partial<Style>): Partial<Style> => ({
    ...style,
    ...header,
    font: { ...style.font, ...header.font },
    alignment: header.alignment ? { ...style.alignment, ...header.alignment } : style.alignment,
  });
  const { row, col, rows, cols } = plan.headerRange;
  for (let r = row; r < row + rows; r++) {
    for (let c = col; c < col + cols; c++) {
      const cell = sheet.getCell(r, c);
      cell.style = styles.derive(cell.style, 'header', merge);
    }
  }
}

function writeSeeds(sheet: Worksheet, plan: TemplateSheetPlan, writer: ValueWriter): void {
  for (const seed of plan.seeds) {
    seed.values.forEach((values, r) =>
      values.forEach((value, c) => {
        if (value === null) return;
        const existing = sheet.findCell(seed.row + r, seed.col + c);
        if (isEmptyCell(existing)) writer.write(existing ?? sheet.getCell(seed.row + r, seed.col + c), value);
      }),
    );
  }
}

/** '' removes the note. */
export function setNote(cell: Cell, note: string): void {
  if (note) cell.note = note;
  else clearNote(cell);
}
