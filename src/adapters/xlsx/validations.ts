/**
 * Data validations: the port's rules as exceljs validations, written as one range per column, and the
 * bookkeeping exceljs needs to keep them valid. exceljs keeps a range key ("B2:B500") as one
 * <dataValidation>, but it expands every range it loads into one key per cell and, when saving, regroups
 * those keys in text order ("B10" before "B2"), which can write overlapping ranges that Excel rejects.
 * So the adapter regroups them itself before every save.
 */
import type { DataValidation, Worksheet } from 'exceljs';
import { columnLetter, parseA1, quoteSheetName, rangeA1 } from '../../core/cells';
import type { ValidationRule } from '../../port/workbook';
import { validationsOf } from './internals';

/** Excel's limit for the text of an inline list ("a,b,c"). */
const INLINE_LIST_LIMIT = 255;
/** Bounds that mean "any number" (written as plain digits, which every reader parses). */
const ANY_NUMBER = 1e15;

/**
 * Dropdowns warn, never reject: no error box (showErrorMessage false) and the warning style, so what
 * staff type is kept and the validation command reports it.
 */
const WARN_ONLY = { allowBlank: true, showErrorMessage: false, errorStyle: 'warning' } as const;

/** The exceljs validation for a rule; null when Excel cannot express it (see inlineList). */
export function excelValidation(rule: ValidationRule): DataValidation | null {
  switch (rule.kind) {
    case 'list': {
      const list = inlineList(rule.values);
      return list ? { ...WARN_ONLY, type: 'list', formulae: [list] } : null;
    }
    case 'listFromRange': {
      const { row, col, rows, cols } = rule.range;
      const source = `$${columnLetter(col)}$${row}:$${columnLetter(col + cols - 1)}$${row + rows - 1}`;
      return { ...WARN_ONLY, type: 'list', formulae: [`${quoteSheetName(rule.sheet)}!${source}`] };
    }
    case 'number':
      return { ...WARN_ONLY, type: 'decimal', ...numberBounds(rule.min, rule.max) };
    case 'date':
      return {
        ...WARN_ONLY,
        type: 'date',
        operator: 'greaterThanOrEqual',
        formulae: [new Date(Date.UTC(1900, 0, 1))],
      };
  }
}

/**
 * '"a,b,c"' for an inline dropdown. An item holding a comma cannot be written inline, and Excel
 * refuses a file whose list is longer than 255 characters: then no dropdown at all, rather than a
 * broken file (the validation command still checks the values).
 */
export function inlineList(values: readonly string[]): string | null {
  if (values.length === 0 || values.some((v) => v.includes(','))) return null;
  const text = values.map((v) => v.replace(/"/g, '""')).join(',');
  return text.length > INLINE_LIST_LIMIT ? null : `"${text}"`;
}

function numberBounds(
  min: number | undefined,
  max: number | undefined,
): Pick<DataValidation, 'operator' | 'formulae'> {
  if (min !== undefined && max !== undefined) return { operator: 'between', formulae: [min, max] };
  if (min !== undefined) return { operator: 'greaterThanOrEqual', formulae: [min] };
  if (max !== undefined) return { operator: 'lessThanOrEqual', formulae: [max] };
  return { operator: 'between', formulae: [-ANY_NUMBER, ANY_NUMBER] };
}

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "B5" or "B2:C9" as a box; null for anything else. */
function boxOf(address: string): Box | null {
  const [first, second = first] = address.split(':');
  const a = parseA1(first);
  const b = parseA1(second);
  if (!a || !b) return null;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** Sets one validation over rows fromRow..toRow of a column, replacing whatever covered those cells. */
export function setColumnValidation(
  sheet: Worksheet,
  col: number,
  fromRow: number,
  toRow: number,
  rule: DataValidation | null,
): void {
  if (toRow < fromRow) return;
  const model = validationsOf(sheet);
  const target: Box = { top: fromRow, left: col, bottom: toRow, right: col };
  for (const key of Object.keys(model)) {
    const box = boxOf(key);
    if (!box || !overlaps(box, target)) continue;
    const existing = model[key];
    delete model[key];
    if (existing) keepOutside(model, box, target, existing);
  }
  if (rule) model[rangeA1({ row: fromRow, col, rows: toRow - fromRow + 1, cols: 1 })] = rule;
}

function overlaps(a: Box, b: Box): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** Re-adds the part of a removed range outside the target: up to four rectangles around it. */
function keepOutside(
  model: Record<string, DataValidation | undefined>,
  box: Box,
  target: Box,
  rule: DataValidation,
): void {
  const top = Math.max(box.top, target.top);
  const bottom = Math.min(box.bottom, target.bottom);
  const parts: Box[] = [
    { top: box.top, left: box.left, bottom: target.top - 1, right: box.right },
    { top: target.bottom + 1, left: box.left, bottom: box.bottom, right: box.right },
    { top, left: box.left, bottom, right: target.left - 1 },
    { top, left: target.right + 1, bottom, right: box.right },
  ];
  for (const part of parts) {
    if (part.top > part.bottom || part.left > part.right) continue;
    model[
      rangeA1({
        row: part.top,
        col: part.left,
        rows: part.bottom - part.top + 1,
        cols: part.right - part.left + 1,
      })
    ] = rule;
  }
}

/**
 * Regroups single-cell keys into one range per column run of the same validation (exceljs loads every
 * range as single cells), and drops removed entries, which exceljs would write as empty validations.
 */
export function compactValidations(sheet: Worksheet): void {
  const model = validationsOf(sheet);
  const singles = new Map<DataValidation, Map<number, number[]>>();
  for (const key of Object.keys(model)) {
    const rule = model[key];
    const cell = key.includes(':') ? null : parseA1(key);
    if (rule && !cell) continue;
    delete model[key];
    if (!rule || !cell) continue;
    const byColumn = singles.get(rule) ?? new Map<number, number[]>();
    singles.set(rule, byColumn);
    const rows = byColumn.get(cell.col) ?? [];
    byColumn.set(cell.col, rows);
    rows.push(cell.row);
  }
  for (const [rule, byColumn] of singles) {
    for (const [col, rows] of byColumn) {
      for (const [from, to] of runs(rows))
        model[rangeA1({ row: from, col, rows: to - from + 1, cols: 1 })] = rule;
    }
  }
}

/** Sorted runs of consecutive numbers: [5, 2, 3, 9] → [[2, 3], [5, 5], [9, 9]]. */
function runs(numbers: number[]): [number, number][] {
  const sorted = Int32Array.from(numbers).sort();
  const result: [number, number][] = [];
  for (const n of sorted) {
    const last = result[result.length - 1];
    if (last && n === last[1] + 1) last[1] = n;
    else if (!last || n > last[1]) result.push([n, n]);
  }
  return result;
}
