/**
 * Workbooks and helpers for the robustness suites: a deliberately messy copy of the sample (reordered
 * and extra columns, a title row, blank rows, merged dimension cells, formulas with their results,
 * numbers and dates typed as text or kept as serials, Thai digits, placeholders, junk), a deep copy of a
 * whole memory workbook for "nothing changed" comparisons, the fake's seeds, and every command.
 */
import {
  memoryHost,
  type MemoryCell,
  type MemorySheet,
  type MemoryWorkbook,
} from '../../src/adapters/memory/memory-workbook';
import { runBudget } from '../../src/commands/budget';
import { runClearMarks } from '../../src/commands/clear-marks';
import { runItaSummary } from '../../src/commands/ita-summary';
import { runOverdue } from '../../src/commands/overdue';
import { runPrepareForSupervisors } from '../../src/commands/prepare';
import { runProgressSummary } from '../../src/commands/progress-summary';
import { runSetupTemplate } from '../../src/commands/setup-template';
import { runSignOff } from '../../src/commands/signoff';
import { runStaleCheck } from '../../src/commands/stale';
import { runCreateTrackingRows } from '../../src/commands/tracking-rows';
import { runValidate } from '../../src/commands/validate';
import type { CellValue, RangeRef } from '../../src/core/cells';
import { INPUT_SHEETS } from '../../src/core/schema';
import type { Host } from '../../src/port/workbook';
import type { SeedCell } from '../fakes/spreadsheet-app';
import { sampleWorkbook } from '../helpers/workbooks';

export const INPUT_NAMES = INPUT_SHEETS.map((s) => s.name);

/** 15 April 2566, 10:00 Bangkok: every suite runs on this clock. */
export const NOW = new Date('2023-04-15T03:00:00Z');

export interface CommandCase {
  name: string;
  run(host: Host): unknown;
}

/**
 * Every command of the menu, its questions answered (progress summary: 2566, round 6; tracking rows:
 * 2567, a year the sample has no rows for, so rows are really added).
 */
export const COMMANDS: readonly CommandCase[] = [
  { name: 'validate', run: (h) => runValidate(h) },
  { name: 'budget', run: (h) => runBudget(h, {}) },
  { name: 'overdue', run: (h) => runOverdue(h, {}) },
  { name: 'summary', run: (h) => runProgressSummary(h, { fiscalYear: 2566, round: 6 }) },
  { name: 'ita', run: (h) => runItaSummary(h, {}) },
  { name: 'tracking-rows', run: (h) => runCreateTrackingRows(h, { fiscalYear: 2567 }) },
  { name: 'clear-marks', run: (h) => runClearMarks(h) },
  { name: 'setup-template', run: (h) => runSetupTemplate(h) },
  { name: 'prepare', run: (h) => runPrepareForSupervisors(h, { fiscalYear: 2566, round: 6 }) },
  { name: 'stale', run: (h) => runStaleCheck(h) },
  { name: 'signoff', run: (h) => runSignOff(h) },
];

export function hostOf(workbook: MemoryWorkbook) {
  return memoryHost(workbook, NOW);
}

// ---------------------------------------------------------------------------------------------------------
// The messy workbook

function cell(value: CellValue, formula = ''): MemoryCell {
  return { value, formula, background: null, note: '', numberFormat: '', style: {} };
}

function blank(): MemoryCell {
  return cell(null);
}

interface Mess {
  /** New column order: old 0-based column index, or a header for an extra column. */
  order: (number | { header: string; values: (r: number) => CellValue })[];
  /** Header texts replaced (old 0-based column → text). */
  headers?: Record<number, string>;
  /** Title row(s) above the header. */
  title?: string;
  /** A blank row after every n data rows. */
  blankEvery?: number;
}

/** Reorders a table sheet's columns, adds extra columns, a title and blank rows; keeps formats aligned. */
function mess(sheet: MemorySheet, spec: Mess): void {
  const [header, ...data] = sheet.cells;
  const width = spec.order.length;
  const newRow = (row: MemoryCell[] | undefined, r: number, isHeader: boolean): MemoryCell[] =>
    spec.order.map((o) => {
      if (typeof o === 'number') {
        const from = row?.[o] ?? blank();
        const copy = { ...from };
        if (isHeader && spec.headers?.[o] !== undefined) copy.value = spec.headers[o];
        return copy;
      }
      return isHeader ? cell(o.header) : cell(o.values(r));
    });
  const rows: MemoryCell[][] = [];
  if (spec.title) rows.push([cell(spec.title), ...Array.from({ length: width - 1 }, blank)]);
  rows.push(newRow(header, -1, true));
  data.forEach((line, r) => {
    rows.push(newRow(line, r, false));
    if (spec.blankEvery && (r + 1) % spec.blankEvery === 0) rows.push(Array.from({ length: width }, blank));
  });
  const formats = new Map<number, string>();
  spec.order.forEach((o, c) => {
    const format = typeof o === 'number' ? sheet.columnFormats.get(o + 1) : undefined;
    if (format) formats.set(c + 1, format);
  });
  sheet.cells = rows;
  sheet.columnFormats = formats;
  sheet.validations = new Map();
  if (spec.title) sheet.merges.push({ row: 1, col: 1, rows: 1, cols: Math.min(4, width) });
}

/** Column (1-based) of a header in a sheet's header row. */
export function columnOfHeader(sheet: MemorySheet, headerRow: number, header: string): number {
  const at = sheet.cells[headerRow - 1].findIndex(
    (c) => typeof c.value === 'string' && c.value.trim() === header,
  );
  if (at < 0) throw new Error(`no header ${header} in ${sheet.name}`);
  return at + 1;
}

/** Merges runs of equal values down a column (data rows only), as staff merge a dimension's cells. */
function mergeRuns(sheet: MemorySheet, col: number, firstRow: number): void {
  let start = -1;
  const flush = (end: number) => {
    if (start > 0 && end - start >= 1) {
      sheet.merges.push({ row: start, col, rows: end - start + 1, cols: 1 });
      for (let r = start + 1; r <= end; r++) sheet.cells[r - 1][col - 1] = blank();
    }
  };
  let value: CellValue = null;
  let last = -1;
  for (let r = firstRow; r <= sheet.cells.length; r++) {
    const v = sheet.cells[r - 1][col - 1]?.value ?? null;
    if (v === null) continue; // blank rows sit inside a merge, as they do when staff merge over them
    if (v !== value) {
      flush(last);
      start = r;
      value = v;
    }
    last = r;
  }
  flush(last);
}

/**
 * The sample made messy in every way the readers must survive. Meaning is unchanged where the reading is
 * exact (reordered columns, spaces, digits, formulas with their results, dates as serials or text,
 * merged cells); junk rows and placeholders are added on purpose.
 */
export function messyWorkbook(): MemoryWorkbook {
  const wb = sampleWorkbook();

  const plan = wb.requireSheet('แผนปฏิบัติการ');
  // code, dimension, submission, type, name, 5 budgets, responsible, period, indicators, outputs, remarks
  mess(plan, {
    order: [
      { header: 'ลำดับที่ของฉัน', values: (r) => r + 1 },
      4,
      0,
      1,
      2,
      3,
      11,
      10,
      { header: 'ผู้ประสานงาน', values: (r) => (r % 3 ? 'นางสาว ก' : null) },
      9,
      8,
      7,
      6,
      5,
      13,
      12,
      14,
    ],
    headers: {
      0: ' code ',
      1: '  มิติ ',
      6: 'งบประมาณ ๒๕๖๗',
      9: 'งบประมาณ\u00a0พ.ศ. ๒๕๗๐',
      11: 'period',
      12: ' ตัวชี้วัด ITA ',
    },
    title: 'แผนปฏิบัติการป้องกันการทุจริต พ.ศ. ๒๕๖๖ – ๒๕๗๐ (ฉบับทบทวน)',
    blankEvery: 6,
  });
  const planHeader = 2;
  const col = (header: string) => columnOfHeader(plan, planHeader, header);
  const budget2566 = col('งบประมาณ 2566');
  const budget2567 = col('งบประมาณ ๒๕๖๗');
  const firstData = planHeader + 1;
  // Numbers typed as text with Thai digits and units, and a formula with its result.
  plan.cells[firstData - 1][budget2566 - 1] = cell('๒๐,๐๐๐');
  plan.cells[firstData - 1][budget2567 - 1] = cell(20000, '=10000*2');
  plan.cells[firstData][budget2566 - 1] = cell('จำนวน 0 บาท');
  // A name computed by a formula.
  plan.cells[firstData + 1][col('ชื่อโครงการ/มาตรการ/กิจกรรม') - 1] = cell(
    'กิจกรรมยกย่องเชิดชูเกียรติหน่วยงานและบุคคลที่ประพฤติปฏิบัติตนให้เป็นที่ประจักษ์',
    '="กิจกรรมยกย่อง"&"เชิดชูเกียรติหน่วยงานและบุคคลที่ประพฤติปฏิบัติตนให้เป็นที่ประจักษ์"',
  );
  mergeRuns(plan, col('มิติ'), firstData);
  // Junk rows at the end: what a paste from a web page leaves behind.
  const width = plan.cells[1].length;
  const junk = (values: CellValue[]): MemoryCell[] =>
    Array.from({ length: width }, (_, c) => cell(values[c] ?? null));
  plan.cells.push(
    junk([null, '🙂 ???', '#REF!', '9', true, 'x', '----', '', null, null, '#N/A', -5, 'abc', '1e400']),
  );
  plan.cells.push(junk(['ผลรวม', '', '', '', '', '', '', '', '', '', '', '', '', 77200]));

  const tracking = wb.requireSheet('ติดตามผล');
  // code, name, fiscalYear, responsible, plannedBudget, start, deadline, status, percent, disbursed, result, problems, evidence
  mess(tracking, {
    order: [2, 0, 1, 7, 8, 6, 5, 4, 9, 3, { header: 'บันทึกภายใน', values: () => 'ตรวจแล้ว' }, 10, 11, 12],
    headers: { 2: 'ปีงบประมาณ ', 6: 'deadline' },
    blankEvery: 9,
  });
  const tcol = (header: string) => columnOfHeader(tracking, 1, header);
  const year = tcol('ปีงบประมาณ');
  const deadline = tcol('deadline');
  const status = tcol('สถานะ');
  const percent = tcol('ร้อยละความก้าวหน้า');
  const trackingRows = tracking.cells
    .map((line, i) => ({ line, row: i + 1 }))
    .filter(({ line, row }) => row > 1 && line[0]?.value !== null);
  const [t1, t2, t3, t4, t5] = trackingRows;
  t1.line[year - 1] = cell('๒๕๖๖');
  t2.line[year - 1] = cell(' 2566 ');
  t1.line[deadline - 1] = cell(45199); // 30 Sep 2023 as a serial number
  t2.line[deadline - 1] = cell('30 ก.ย. 2566');
  t3.line[deadline - 1] = cell('๓๑/๑๒/๒๕๖๕');
  t1.line[status - 1] = cell('กำลังดำเนินการ');
  t1.line[percent - 1] = cell('50%');
  t2.line[status - 1] = cell('เสร็จสิ้น');
  t2.line[percent - 1] = { ...cell(1), numberFormat: '0%' };
  t3.line[status - 1] = cell('ยังไม่ดำเนินการ');
  t3.line[percent - 1] = cell(0, '=0*1');
  t4.line[status - 1] = cell('ระบุสถานะ');
  t5.line[percent - 1] = cell('ครึ่งหนึ่ง');
  tracking.cells.push(
    Array.from({ length: tracking.cells[0].length }, (_, c) => cell([9, '?', '##', null][c % 4] ?? null)),
  );

  const measures = wb.requireSheet('มาตรการ ITA');
  measures.cells[1][0] = cell('๒๕๖๖');
  measures.cells[2][0] = cell('ปีงบประมาณ 2566');
  measures.cells[0][5] = cell('  ระยะเวลาดำเนินการ  ');

  const settings = wb.requireSheet('ตั้งค่า');
  const setting = (label: string) => settings.cells.find((r) => r[0]?.value === label) as MemoryCell[];
  setting('ปีงบประมาณแรกของแผน')[1] = cell('๒๕๖๖');
  setting('ปีงบประมาณสุดท้ายของแผน')[1] = cell(2570, '=2566+4');
  setting('แจ้งเตือนก่อนครบกำหนด (วัน)')[1] = cell(' ๓๐ ');

  const scores = wb.requireSheet('คะแนน ITA');
  // A score typed as text in Thai digits.
  const scored = scores.cells.find((r) => typeof r[1]?.value === 'number') as MemoryCell[];
  scored[1] = cell(String(scored[1].value).replace(/\d/g, (d) => '๐๑๒๓๔๕๖๗๘๙'[Number(d)]));
  return wb;
}

// ---------------------------------------------------------------------------------------------------------
// Whole-workbook state

/** Everything a memory workbook holds, deep-copied (for "unchanged" and "the same after twice"). */
export function workbookState(workbook: MemoryWorkbook) {
  return workbook.listSheets().map(({ name }) => {
    const s = workbook.requireSheet(name);
    return {
      name: s.name,
      id: s.id,
      hidden: s.hidden,
      cells: s.cells.map((row) =>
        row.map((c) => ({
          ...c,
          value: c.value instanceof Date ? new Date(c.value.getTime()) : c.value,
          style: { ...c.style },
        })),
      ),
      merges: s.merges.map((m) => ({ ...m })),
      columnWidths: [...s.columnWidths],
      columnFormats: [...s.columnFormats],
      validations: JSON.stringify([...s.validations]),
      frozen: [s.frozenRows, s.frozenColumns],
      tabColor: s.tabColor,
      fontFamily: s.fontFamily,
      protectedWarningOnly: s.protectedWarningOnly,
      charts: JSON.stringify(s.charts),
      model: JSON.stringify(s.model ?? null),
    };
  });
}

/** Value and formula of every cell of the input sheets, keyed by sheet. */
export function inputContent(
  workbook: MemoryWorkbook,
): Record<string, { value: CellValue; formula: string }[][]> {
  const out: Record<string, { value: CellValue; formula: string }[][]> = {};
  for (const name of INPUT_NAMES) {
    const sheet = workbook.sheet(name);
    if (!sheet) continue;
    out[name] = sheet.cells.map((row) =>
      row.map((c) => ({
        value: c.value instanceof Date ? new Date(c.value.getTime()) : c.value,
        formula: c.formula,
      })),
    );
  }
  return out;
}

/** The cells (1-based) whose value or formula differs, blanks beyond either grid counting as blank. */
export function changedCells(
  before: Record<string, { value: CellValue; formula: string }[][]>,
  after: Record<string, { value: CellValue; formula: string }[][]>,
): { sheet: string; row: number; col: number; before: CellValue; after: CellValue }[] {
  const out: { sheet: string; row: number; col: number; before: CellValue; after: CellValue }[] = [];
  const same = (a: CellValue, b: CellValue) =>
    a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;
  for (const sheet of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[sheet] ?? [];
    const b = after[sheet] ?? [];
    for (let r = 0; r < Math.max(a.length, b.length); r++) {
      for (let c = 0; c < Math.max(a[r]?.length ?? 0, b[r]?.length ?? 0); c++) {
        const x = a[r]?.[c] ?? { value: null, formula: '' };
        const y = b[r]?.[c] ?? { value: null, formula: '' };
        if (!same(x.value, y.value) || x.formula !== y.formula) {
          out.push({ sheet, row: r + 1, col: c + 1, before: x.value, after: y.value });
        }
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// The fake, seeded from a memory workbook

export interface FakeWorkbookSeed {
  sheets: Record<string, SeedCell[][]>;
  merges: Record<string, RangeRef[]>;
}

/** Values, formulas with their results, number formats and merges, as the fake's initial sheets. */
export function fakeSeed(workbook: MemoryWorkbook): FakeWorkbookSeed {
  const sheets: Record<string, SeedCell[][]> = {};
  const merges: Record<string, RangeRef[]> = {};
  for (const { name } of workbook.listSheets()) {
    const sheet = workbook.requireSheet(name);
    sheets[name] = sheet.cells.map((row) =>
      row.map((c, i): SeedCell => {
        if (c.formula) {
          const value = c.value instanceof Date || c.value === null ? undefined : c.value;
          return { formula: c.formula, value };
        }
        if (c.value === null) return null;
        const format = c.numberFormat || sheet.columnFormats.get(i + 1);
        if (typeof c.value === 'string') return format ? { text: c.value, format } : { text: c.value };
        if (c.value instanceof Date || !format) return c.value;
        return { value: c.value, format };
      }),
    );
    merges[name] = sheet.merges.map((m) => ({ ...m }));
  }
  return { sheets, merges };
}
