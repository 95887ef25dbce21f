/**
 * The array logic behind the sheet functions =ITA_TOTAL(scores[, year]) and =ITA_GRADE(score[, year]).
 * Sheets hands a custom function a single value for one cell and a 2-D array for a range, and shows a
 * returned 2-D array spilled over the cells below; so a whole column is one call. A bad row gets a Thai
 * text in its own cell and never stops the others; a blank row stays blank.
 */
import type { CellValue } from './cells';
import type { Reference } from './inputs';
import {
  bandsInForce,
  computeTotal,
  frameworkFor,
  gradeCandidates,
  gradeFor,
  numberList,
  round2,
  score2,
  type Framework,
} from './ita';
import { readFiscalYear, readScore } from './readers';
import type { RawCell } from './table';

export type FunctionCell = string | number;
export type FunctionResult = FunctionCell[][];

/** Problems start with "⚠" (as the other sheet functions' do), so they never pass for a grade. */
export function problemText(text: string): string {
  return `⚠ ${text}`;
}

export const NO_INDICATORS_TEXT = problemText(
  'ไม่พบตารางตัวชี้วัด ITA ในชีต "อ้างอิง" เลือกเมนู ITA Sheets › ตั้งค่า/ซ่อมแซมแม่แบบ เพื่อสร้างตาราง',
);
export const NO_BANDS_TEXT = problemText(
  'ไม่พบตารางเกณฑ์ผลการประเมิน ITA ในชีต "อ้างอิง" เลือกเมนู ITA Sheets › ตั้งค่า/ซ่อมแซมแม่แบบ เพื่อสร้างตาราง',
);
const YEAR_SHAPE_TEXT = problemText('ช่วงของปีต้องเป็นปีเดียว หรือมีจำนวนแถวเท่ากับช่วงคะแนน');

/** Sheets' arguments as a grid: a single cell is 1×1; blank cells come as "". */
function toGrid(arg: unknown): unknown[][] {
  if (Array.isArray(arg)) return arg.length && Array.isArray(arg[0]) ? (arg as unknown[][]) : [arg];
  return [[arg]];
}

function rawCell(value: unknown): RawCell {
  const cell: CellValue =
    value === undefined || value === ''
      ? null
      : typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? value
        : value instanceof Date
          ? value
          : String(value);
  return { value: cell, display: cell === null ? '' : String(cell), formula: '', row: 1, col: 1 };
}

function isBlankArg(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

type YearReading = { ok: true; year: number | null } | { ok: false; text: string };

/** undefined (argument left out) = the latest framework; a blank year cell is an error, not "latest". */
function readYearArg(value: unknown): YearReading {
  if (value === undefined) return { ok: true, year: null };
  if (isBlankArg(value)) return { ok: false, text: 'ไม่ได้กรอกปีประเมิน ให้กรอกปี พ.ศ. เช่น 2565' };
  const reading = readFiscalYear(rawCell(value));
  if (reading.kind === 'ok') return { ok: true, year: reading.value };
  return { ok: false, text: reading.kind === 'bad' ? reading.problem.problem : 'ไม่ได้กรอกปีประเมิน' };
}

/**
 * The year argument for cell (r, c) of a rows×cols input: one value for all, one per row (a column as
 * tall as the input) or, when `perCell`, one per cell (same shape) or per column (a row as wide).
 */
function yearResolver(
  year: unknown,
  rows: number,
  cols: number,
  perCell: boolean,
): ((r: number, c: number) => unknown) | null {
  if (year === undefined) return () => undefined;
  const grid = toGrid(year);
  const h = grid.length;
  const w = grid[0]?.length ?? 0;
  if (h === 1 && w === 1) return () => grid[0][0];
  if (h === rows && w === 1) return (r) => grid[r][0];
  if (perCell && h === rows && w === cols) return (r, c) => grid[r][c];
  if (perCell && h === 1 && w === cols) return (_r, c) => grid[0][c];
  return null;
}

type RowOutcome =
  | { kind: 'blank' }
  | { kind: 'bad'; text: string }
  | { kind: 'ok'; framework: Framework; year: number | null; total: number; toolScores: number[] };

/** One row of indicator scores (in indicator-number order) under the framework of its year. */
function computeRow(values: readonly unknown[], yearValue: unknown, reference: Reference): RowOutcome {
  if (values.every(isBlankArg)) return { kind: 'blank' };
  const year = readYearArg(yearValue);
  if (!year.ok) return { kind: 'bad', text: year.text };
  const framework = frameworkFor(reference, year.year);
  if (!framework) return { kind: 'bad', text: `ไม่มีกรอบตัวชี้วัด ITA ของปี ${year.year} ในชีตอ้างอิง` };
  if (framework.problem) return { kind: 'bad', text: framework.problem };
  const count = framework.indicators.length;
  const order = numberList(framework.indicators.map((i) => i.no));
  if (values.length !== count) {
    return {
      kind: 'bad',
      text: `ต้องมีคะแนน ${count} ตัวชี้วัด เรียงตามตัวชี้วัดที่ ${order} (ช่วงที่เลือกมี ${values.length} ช่อง)`,
    };
  }
  const scores = new Map<number, number>();
  const blanks: number[] = [];
  for (let i = 0; i < count; i++) {
    const no = framework.indicators[i].no;
    const reading = readScore(rawCell(values[i]));
    if (reading.kind === 'blank') blanks.push(no);
    else if (reading.kind === 'bad') return { kind: 'bad', text: `ตัวชี้วัดที่ ${no}: ${reading.problem.problem}` };
    else scores.set(no, reading.value);
  }
  if (blanks.length) {
    return { kind: 'bad', text: `ต้องมีคะแนน ${count} ตัวชี้วัด (ขาดตัวชี้วัดที่ ${numberList(blanks)})` };
  }
  const computation = computeTotal(framework, scores);
  if (!computation.complete) return { kind: 'bad', text: `ต้องมีคะแนน ${count} ตัวชี้วัด` };
  return {
    kind: 'ok',
    framework,
    year: year.year,
    total: computation.total,
    toolScores: computation.tools.map((t) => t.score),
  };
}

/** Rows of indicator scores; a single column of scores (with one year) is one set. */
function scoreRows(scores: unknown, year: unknown): unknown[][] {
  const grid = toGrid(scores);
  const yearRows = year === undefined ? 1 : toGrid(year).length;
  if (grid.length > 1 && grid[0].length === 1 && yearRows === 1) return [grid.map((row) => row[0])];
  return grid;
}

/**
 * =ITA_TOTAL: one total per row of indicator scores (n×count → n×1), rounded to 2 decimals, under the
 * framework of the row's year (the latest framework when the year is left out).
 */
export function itaTotalCells(scores: unknown, year: unknown, reference: Reference | null): FunctionResult {
  if (!reference?.indicators.length) return [[NO_INDICATORS_TEXT]];
  const rows = scoreRows(scores, year);
  const yearAt = yearResolver(year, rows.length, 1, false);
  if (!yearAt) return [[YEAR_SHAPE_TEXT]];
  return rows.map((values, r) => {
    const outcome = computeRow(values, yearAt(r, 0), reference);
    if (outcome.kind === 'blank') return [''];
    return [outcome.kind === 'bad' ? problemText(outcome.text) : outcome.total];
  });
}

function candidatesText(names: readonly string[]): string {
  return names.length > 1
    ? `${names.slice(0, -1).join(', ')} หรือ ${names[names.length - 1]}`
    : (names[0] ?? '');
}

function gradeOfTotal(value: unknown, yearValue: unknown, reference: Reference, count: number): FunctionCell {
  if (isBlankArg(value)) return '';
  const reading = readScore(rawCell(value));
  if (reading.kind !== 'ok') {
    return reading.kind === 'bad' ? problemText(`คะแนนรวม: ${reading.problem.problem}`) : '';
  }
  const year = readYearArg(yearValue);
  if (!year.ok) return problemText(year.text);
  const inForce = bandsInForce(reference, year.year);
  if (!inForce) return problemText(`ไม่มีเกณฑ์ผลการประเมิน ITA ของปี ${year.year} ในชีตอ้างอิง`);
  const total = round2(reading.value);
  const candidates = gradeCandidates(inForce.bands, total);
  if (!candidates.length)
    return problemText(`คะแนน ${score2(total)} ไม่เข้าเกณฑ์ใดของปี ${inForce.fromYear} ในชีตอ้างอิง`);
  if (candidates.length === 1) return candidates[0].grade;
  // Levels that also need every tool above a minimum cannot be told from the total alone.
  return `${candidatesText(candidates.map((b) => b.grade))} (ขึ้นกับคะแนนรายเครื่องมือ ใส่คะแนน ${count} ตัวชี้วัดแทนคะแนนรวมเพื่อให้ได้ผลเดียว)`;
}

/**
 * =ITA_GRADE: the grade or result level of each total (same shape as the input), or, when the range is
 * as wide as the latest framework has indicators, of each row of indicator scores (n×1) — the only way to
 * decide levels that need every tool above a minimum.
 */
export function itaGradeCells(score: unknown, year: unknown, reference: Reference | null): FunctionResult {
  if (!reference?.bands.length) return [[NO_BANDS_TEXT]];
  const grid = toGrid(score);
  const rows = grid.length;
  const cols = grid[0]?.length ?? 0;
  const count = frameworkFor(reference, null)?.indicators.length ?? 0;
  if (cols > 1 && cols === count) {
    const yearAt = yearResolver(year, rows, 1, false);
    if (!yearAt) return [[YEAR_SHAPE_TEXT]];
    return grid.map((values, r) => {
      const outcome = computeRow(values, yearAt(r, 0), reference);
      if (outcome.kind === 'blank') return [''];
      if (outcome.kind === 'bad') return [problemText(outcome.text)];
      const inForce = bandsInForce(reference, outcome.year);
      if (!inForce) return [problemText(`ไม่มีเกณฑ์ผลการประเมิน ITA ของปี ${outcome.year} ในชีตอ้างอิง`)];
      const band = gradeFor(inForce.bands, outcome.total, outcome.toolScores);
      return [
        band
          ? band.grade
          : problemText(`คะแนน ${score2(outcome.total)} ไม่เข้าเกณฑ์ใดของปี ${inForce.fromYear} ในชีตอ้างอิง`),
      ];
    });
  }
  const yearAt = yearResolver(year, rows, cols, true);
  if (!yearAt) return [[YEAR_SHAPE_TEXT]];
  return grid.map((line, r) => line.map((value, c) => gradeOfTotal(value, yearAt(r, c), reference, count)));
}
