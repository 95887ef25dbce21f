/**
 * Reads the generated "งบประมาณรายมิติ" sheet back from a plain grid of values (memory or .xlsx host) and
 * checks that it shows exactly the figures of the command's JSON. Blocks are found by their headings.
 */
import type { CellValue } from '../../src/core/cells';
import type { BudgetJson } from '../../src/core/budget';

type Grid = CellValue[][];

/** '' and null are the same to a reader (an .xlsx file may drop empty strings). */
function norm(value: CellValue | undefined): CellValue {
  return value === undefined || value === '' ? null : value;
}

function rowOf(grid: Grid, r: number, width: number): CellValue[] {
  return Array.from({ length: width }, (_, c) => norm(grid[r]?.[c]));
}

function findRow(grid: Grid, test: (row: CellValue[]) => boolean, from = 0): number {
  for (let r = from; r < grid.length; r++) if (test(grid[r] ?? [])) return r;
  throw new Error('block not found in the budget sheet');
}

function isBlankRow(row: CellValue[] | undefined): boolean {
  return !row || row.every((v) => norm(v) === null);
}

type Figures = BudgetJson['grandTotal'];

function figureCells(json: BudgetJson, f: Figures): CellValue[] {
  return [
    f.counts.project,
    f.counts.measure,
    f.counts.activity,
    f.counts.unspecified,
    f.items,
    f.withoutBudget,
    ...json.fiscalYears.map((y) => f.budget[String(y)]),
    f.total,
    f.share,
  ];
}

/** The summary table as the JSON says it should read, row by row (note column left out). */
export function expectedSummaryRows(json: BudgetJson): CellValue[][] {
  const rows: CellValue[][] = [];
  for (const d of json.dimensions) {
    rows.push([d.code === null ? `${d.name} (มิติไม่พบในชีตอ้างอิงหรือไม่ได้กรอก)` : `มิติที่ ${d.code} ${d.name}`]);
    for (const s of d.subMissions) rows.push([s.code ?? '-', s.name, ...figureCells(json, s)]);
    rows.push([null, d.code === null ? 'รวมไม่ระบุมิติ' : `รวมมิติที่ ${d.code}`, ...figureCells(json, d)]);
  }
  rows.push([null, 'รวมทั้งสิ้น', ...figureCells(json, json.grandTotal)]);
  return rows.map((r) => r.map(norm));
}

export interface BudgetSheet {
  summaryHeader: CellValue[];
  summaryRows: CellValue[][];
  tracked: CellValue[][];
  unreadable: CellValue[][];
  chartHeader: CellValue[];
  chartRows: CellValue[][];
  /** 1-based sheet rows of the blocks, for style and link checks. */
  at: { summaryFirst: number; unreadableFirst: number };
}

export function readBudgetSheet(grid: Grid, json: BudgetJson): BudgetSheet {
  const years = json.fiscalYears.length;
  const width = 2 + 6 + years + 2;
  const header = findRow(grid, (row) => row[0] === 'ที่' && row[1] === 'มิติ / ภารกิจตามมิติ');
  const summaryRows: CellValue[][] = [];
  let r = header + 1;
  for (; r < grid.length && !isBlankRow(grid[r]); r++) {
    const row = rowOf(grid, r, width);
    // A group row holds only its heading.
    summaryRows.push(row.slice(1).every((v) => v === null) ? [row[0]] : row);
  }
  const trackedHeader = findRow(grid, (row) => row[2] === 'งบประมาณตามแผน (บาท)', r);
  const tracked: CellValue[][] = [];
  for (let t = trackedHeader + 1; t < grid.length; t++) {
    tracked.push(rowOf(grid, t, 5));
    if (grid[t][1] === 'รวมทั้งสิ้น') break;
  }
  const unreadableHeader = findRow(grid, (row) => row[1] === 'สาเหตุและวิธีแก้ไข', trackedHeader);
  const unreadable: CellValue[][] = [];
  for (let u = unreadableHeader + 1; u < grid.length && typeof grid[u][0] === 'number'; u++) {
    unreadable.push(rowOf(grid, u, 7));
  }
  const chartHeader = findRow(grid, (row) => row[0] === 'ปีงบประมาณ', unreadableHeader);
  const chartWidth = 1 + json.dimensions.length;
  return {
    summaryHeader: rowOf(grid, header, width + 1),
    summaryRows,
    tracked,
    unreadable,
    chartHeader: rowOf(grid, chartHeader, chartWidth),
    chartRows: Array.from({ length: years }, (_, i) => rowOf(grid, chartHeader + 1 + i, chartWidth)),
    at: { summaryFirst: header + 2, unreadableFirst: unreadableHeader + 2 },
  };
}

/** Every figure of the JSON, where the sheet shows it. */
export function expectSheetMatchesJson(grid: Grid, json: BudgetJson): BudgetSheet {
  const sheet = readBudgetSheet(grid, json);
  expect(sheet.summaryHeader.slice(8, 8 + json.fiscalYears.length)).toEqual(
    json.fiscalYears.map((y) => `งบประมาณ พ.ศ. ${y} (บาท)`),
  );
  expect(sheet.summaryRows).toEqual(expectedSummaryRows(json));

  const tracked = json.trackedYear;
  if (tracked) {
    const lines = tracked.dimensions.map((l) => [
      l.code ?? '-',
      l.code === null ? l.name : `มิติที่ ${l.code} ${l.name}`,
      l.planned,
      l.disbursed,
      l.rate,
    ]);
    if (tracked.unmatched.rows) {
      lines.push([
        '-',
        `รหัสไม่ตรงกับแผน (${tracked.unmatched.rows} แถว ดู "รายการที่ต้องตรวจสอบ")`,
        null,
        tracked.unmatched.disbursed,
        null,
      ]);
    }
    lines.push([null, 'รวมทั้งสิ้น', tracked.planned, tracked.disbursed, tracked.rate]);
    expect(sheet.tracked).toEqual(lines.map((l) => l.map(norm)));
  }

  expect(sheet.unreadable).toEqual(
    json.unreadable.map((u, i) => [
      i + 1,
      u.reason,
      u.sheet,
      u.cell,
      u.value,
      u.year === null ? '-' : String(u.year),
      u.code || '-',
    ]),
  );

  expect(sheet.chartHeader).toEqual([
    'ปีงบประมาณ',
    ...json.dimensions.map((d) => (d.code === null ? d.name : `มิติที่ ${d.code}`)),
  ]);
  expect(sheet.chartRows).toEqual(
    json.fiscalYears.map((y) => [String(y), ...json.dimensions.map((d) => d.budget[String(y)])]),
  );
  return sheet;
}
