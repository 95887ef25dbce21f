/** Edits of the sample workbook for the ITA tests, made in the sheets as a user would. */
import type { MemoryWorkbook } from '../../src/adapters/memory/memory-workbook';
import type { CellValue } from '../../src/core/cells';
import { DEFAULT_INDICATORS } from '../../src/core/reference-defaults';
import { tableSpec, type TableKey } from '../../src/core/schema';
import type { SheetSnapshot } from '../../src/core/snapshot';
import { readTable } from '../../src/core/table';
import { columnOf } from './workbooks';

/** DESIGN §2's published 2565 scores of indicators 1–10. */
export const SCORES_2565 = [92.63, 87.64, 91.34, 83.92, 88.82, 83.28, 68.9, 76.17, 86, 100];

/** Writes a value into a cell of a memory sheet (growing it as needed). */
export function putCell(
  workbook: MemoryWorkbook,
  sheet: string,
  row: number,
  col: number,
  value: CellValue,
): void {
  const target = workbook.requireSheet(sheet);
  while (target.cells.length < row) target.cells.push([]);
  const cells = target.cells[row - 1];
  while (cells.length < col)
    cells.push({ value: null, formula: '', background: null, note: '', numberFormat: '', style: {} });
  cells[col - 1].value = value;
}

/** The sheet row just below a table's last data row. */
export function nextRowOf(workbook: MemoryWorkbook, key: TableKey): number {
  const { sheet, table } = tableSpec(key);
  const read = readTable(workbook.readSheet(sheet.name) as SheetSnapshot, table);
  return Math.max(read.layout.headerRow, ...read.rows.map((r) => r.row)) + 1;
}

/** Adds indicator rows "used from `fromYear`" with these tool weights, below the existing ones. */
export function addFramework(
  workbook: MemoryWorkbook,
  fromYear: number,
  weights: Record<string, number>,
): void {
  const sheet = tableSpec('itaIndicators').sheet.name;
  let row = nextRowOf(workbook, 'itaIndicators');
  for (const i of DEFAULT_INDICATORS) {
    const values: Record<string, CellValue> = {
      fromYear,
      tool: i.tool,
      toolWeight: weights[i.tool],
      indicatorNo: i.indicatorNo,
      indicatorName: i.indicatorName,
    };
    for (const [key, value] of Object.entries(values))
      putCell(workbook, sheet, row, columnOf(workbook, 'itaIndicators', key), value);
    row++;
  }
}

export interface ScoreRow {
  year: number;
  /** Indicators 1–10; null = blank. */
  scores: readonly (number | null)[];
  published?: { total?: number; grade?: string };
}

/** Adds rows below the scores table (columns found once, by header); returns the first new row. */
export function addScoreRows(workbook: MemoryWorkbook, rows: readonly ScoreRow[]): number {
  const sheet = tableSpec('scores').sheet.name;
  const first = nextRowOf(workbook, 'scores');
  const col = (key: string | number) => columnOf(workbook, 'scores', key);
  const cols = { year: col('year'), total: col('publishedTotal'), grade: col('publishedGrade') };
  const scoreCols = Array.from({ length: 10 }, (_, i) => col(i + 1));
  rows.forEach((r, i) => {
    const row = first + i;
    putCell(workbook, sheet, row, cols.year, r.year);
    r.scores.forEach((s, n) => putCell(workbook, sheet, row, scoreCols[n], s));
    if (r.published?.total !== undefined) putCell(workbook, sheet, row, cols.total, r.published.total);
    if (r.published?.grade !== undefined) putCell(workbook, sheet, row, cols.grade, r.published.grade);
  });
  return first;
}

export function addScoreRow(
  workbook: MemoryWorkbook,
  year: number,
  scores: readonly (number | null)[],
  published: { total?: number; grade?: string } = {},
): number {
  return addScoreRows(workbook, [{ year, scores, published }]);
}

/** Sets "คะแนน ITA เป้าหมาย" in the settings sheet (null = blank). */
export function setTarget(workbook: MemoryWorkbook, value: CellValue): void {
  const settings = workbook.requireSheet('ตั้งค่า');
  const row = settings.cells.findIndex((r) => r[0]?.value === 'คะแนน ITA เป้าหมาย') + 1;
  if (!row) throw new Error('no target row in the settings sheet');
  putCell(workbook, 'ตั้งค่า', row, 2, value);
}
