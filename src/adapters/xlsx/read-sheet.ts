/**
 * One sheet's snapshot from an exceljs worksheet in a single pass over its rows. Cells are read from
 * exceljs's stored models (no per-cell getters that copy objects), numbers are formatted by cached
 * formatters, and each result is written straight into the three output rows.
 */
import type { Cell, Worksheet } from 'exceljs';
import { isBlank, type CellValue, type RangeRef } from '../../core/cells';
import type { SheetSnapshot } from '../../core/snapshot';
import { cellsOf, mergesOf, modelOf, rowsOf, VT } from './internals';
import { displayText } from './number-format';

export const XLSX_TIME_ZONE = 'UTC';

export function readSnapshot(sheet: Worksheet): SheetSnapshot {
  const values: CellValue[][] = [];
  const formulas: string[][] = [];
  const displays: string[][] = [];
  let height = 0;
  let width = 0;
  for (const row of rowsOf(sheet)) {
    const valueRow: CellValue[] = [];
    const formulaRow: string[] = [];
    const displayRow: string[] = [];
    const used = row ? readRow(cellsOf(row), valueRow, formulaRow, displayRow) : 0;
    values.push(valueRow);
    formulas.push(formulaRow);
    displays.push(displayRow);
    if (used) {
      height = values.length;
      width = Math.max(width, used);
    }
  }
  for (const grid of [values, formulas, displays]) grid.length = height;
  for (let r = 0; r < height; r++) {
    padToWidth(values[r], width, null);
    padToWidth(formulas[r], width, '');
    padToWidth(displays[r], width, '');
  }
  return {
    name: sheet.name,
    values,
    formulas,
    displays,
    merges: readMerges(sheet),
    timeZone: XLSX_TIME_ZONE,
  };
}

/** Reads one row into the output rows; returns the 1-based column of its last used cell (0 if none). */
function readRow(
  cells: (Cell | undefined)[],
  values: CellValue[],
  formulas: string[],
  displays: string[],
): number {
  let used = 0;
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c];
    if (!cell) {
      values.push(null);
      formulas.push('');
      displays.push('');
      continue;
    }
    const formula = formulaOf(cell);
    const value = valueOf(cell);
    values.push(value);
    formulas.push(formula);
    displays.push(displayText(value, cell.style.numFmt));
    if (formula || !isBlank(value)) used = c + 1;
  }
  return used;
}

function padToWidth<T>(row: T[], width: number, blank: T): void {
  if (row.length > width) row.length = width;
  while (row.length < width) row.push(blank);
}

/** The value a user sees in the cell: a formula's cached result, a link's text, rich text as plain text. */
function valueOf(cell: Cell): CellValue {
  const model = modelOf(cell);
  switch (model.type) {
    case VT.Null:
    case VT.Merge:
      // Merged cells other than the top-left one hold nothing (as in Sheets).
      return null;
    case VT.Number:
    case VT.String:
    case VT.Date:
    case VT.Boolean:
      return plainValue(model.value);
    case VT.Hyperlink:
      return plainValue(model.text);
    case VT.Formula:
      return plainValue(model.result);
    default:
      return plainValue(model.value);
  }
}

/** Cell payloads as CellValue: rich text joined, errors as their text ("#REF!"), anything else as text. */
function plainValue(payload: unknown): CellValue {
  if (payload === undefined || payload === null) return null;
  switch (typeof payload) {
    case 'string':
    case 'number':
    case 'boolean':
      return payload;
    default:
      break;
  }
  if (payload instanceof Date) return Number.isNaN(payload.getTime()) ? null : payload;
  const object = payload as { richText?: { text: string }[]; error?: string };
  if (Array.isArray(object.richText)) return object.richText.map((run) => run.text).join('');
  if (typeof object.error === 'string') return object.error;
  return JSON.stringify(payload);
}

/** "=..." for formula cells, shared formulas translated to their own cell by exceljs. */
function formulaOf(cell: Cell): string {
  const model = modelOf(cell);
  if (model.type !== VT.Formula) return '';
  const text = model.formula || (model.sharedFormula ? cell.formula : undefined);
  if (!text) return '';
  return text.startsWith('=') ? text : `=${text}`;
}

function readMerges(sheet: Worksheet): RangeRef[] {
  return mergesOf(sheet).map((m) => ({
    row: m.top,
    col: m.left,
    rows: m.bottom - m.top + 1,
    cols: m.right - m.left + 1,
  }));
}

/** A cell staff have left empty (no value, no formula); merged-away cells are never empty: they belong to their merge. */
export function isEmptyCell(cell: Cell | undefined): boolean {
  if (!cell) return true;
  if (modelOf(cell).type === VT.Merge) return false;
  return !formulaOf(cell) && isBlank(valueOf(cell));
}
