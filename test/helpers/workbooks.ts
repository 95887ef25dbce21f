/** Test workbooks: the sample (from the real data in sheets-templates/samples) and hand-made snapshots. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { memoryHost, MemoryWorkbook } from '../../src/adapters/memory/memory-workbook';
import { buildSample, SAMPLE_FILE_NAMES, type SampleFiles } from '../../src/cli/sample';
import type { CellValue } from '../../src/core/cells';
import type { SheetSnapshot } from '../../src/core/snapshot';
import type { SeedCell } from '../fakes/spreadsheet-app';

export const ROOT = path.join(__dirname, '..', '..');
export const SAMPLES_DIR = path.join(ROOT, 'sheets-templates', 'samples');

export function sampleFiles(): SampleFiles {
  const files = {} as SampleFiles;
  for (const [key, name] of Object.entries(SAMPLE_FILE_NAMES) as [keyof SampleFiles, string][]) {
    files[key] = fs.readFileSync(path.join(SAMPLES_DIR, name), 'utf8');
  }
  return files;
}

export function sampleWorkbook(): MemoryWorkbook {
  const workbook = new MemoryWorkbook();
  buildSample(workbook, sampleFiles());
  return workbook;
}

/** A host over the sample, its clock fixed (2023-04-15 10:00 Bangkok) unless given. */
/** The sample workbook as the SpreadsheetApp fake's initial sheets, optionally changed first. */
export function sampleSeeds(
  change?: (seeds: Record<string, SeedCell[][]>) => void,
): Record<string, SeedCell[][]> {
  const workbook = sampleWorkbook();
  const seeds: Record<string, SeedCell[][]> = {};
  for (const { name } of workbook.listSheets()) seeds[name] = workbook.values(name) as SeedCell[][];
  change?.(seeds);
  return seeds;
}

export function sampleHost(now?: Date) {
  return memoryHost(sampleWorkbook(), now);
}

export function snapshot(name: string, rows: CellValue[][], timeZone = 'UTC'): SheetSnapshot {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const grid = rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null));
  return {
    name,
    values: grid,
    formulas: grid.map((r) => r.map(() => '')),
    displays: grid.map((r) => r.map((v) => (v === null ? '' : String(v)))),
    merges: [],
    timeZone,
  };
}

import { readTable } from '../../src/core/table';
import { tableSpec, type TableKey } from '../../src/core/schema';
import { a1 } from '../../src/core/cells';

/** Where a column of a table sits in a memory workbook (found by header, as the add-in does). */
export function columnOf(workbook: MemoryWorkbook, key: TableKey, column: string | number): number {
  const { sheet, table } = tableSpec(key);
  const snap = workbook.readSheet(sheet.name) as SheetSnapshot;
  const { layout } = readTable(snap, table);
  const col =
    typeof column === 'number'
      ? layout.family.find((f) => f.n === column)?.col
      : layout.columns.get(column)?.col;
  if (!col) throw new Error(`no column ${String(column)} in ${sheet.name}`);
  return col;
}

/** The sheet row of the n-th data row (1-based) of a table. */
export function dataRowOf(workbook: MemoryWorkbook, key: TableKey, n: number): number {
  const { sheet, table } = tableSpec(key);
  const { rows } = readTable(workbook.readSheet(sheet.name) as SheetSnapshot, table);
  return rows[n - 1].row;
}

/** Sets one input cell (as a user would type it) and returns its A1 address. */
export function setCell(
  workbook: MemoryWorkbook,
  key: TableKey,
  n: number,
  column: string | number,
  value: CellValue,
): string {
  const { sheet } = tableSpec(key);
  const row = dataRowOf(workbook, key, n);
  const col = columnOf(workbook, key, column);
  const target = workbook.requireSheet(sheet.name);
  while (target.cells.length < row) target.cells.push([]);
  const cells = target.cells[row - 1];
  while (cells.length < col)
    cells.push({ value: null, formula: '', background: null, note: '', numberFormat: '', style: {} });
  cells[col - 1].value = value;
  return a1(row, col);
}

/** Every input cell's value and formula, for "nothing the user typed changed" assertions. */
export function inputCells(
  workbook: MemoryWorkbook,
): Record<string, { values: CellValue[][]; formulas: string[][] }> {
  const out: Record<string, { values: CellValue[][]; formulas: string[][] }> = {};
  for (const name of ['ตั้งค่า', 'อ้างอิง', 'คะแนน ITA', 'แผนปฏิบัติการ', 'มาตรการ ITA', 'ติดตามผล']) {
    const sheet = workbook.sheet(name);
    if (!sheet) continue;
    out[name] = {
      values: sheet.cells.map((r) =>
        r.map((c) => (c.value instanceof Date ? (new Date(c.value.getTime()) as CellValue) : c.value)),
      ),
      formulas: sheet.cells.map((r) => r.map((c) => c.formula)),
    };
  }
  return out;
}
