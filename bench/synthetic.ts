/**
 * Synthetic workbooks for the benchmark: the template filled with N plan items cycled from the real
 * sample plan (unique codes and names), one tracking row per item (in the first fiscal year the item
 * runs), and N/5 measures. Deterministic, and shaped like a kept workbook rather than noise: budgets sit
 * in the years an item's period covers, statuses agree with percents, disbursements stay within the
 * plan, and a fixed share of rows carries the flaws staff really leave (the sample's own placeholders,
 * about 7% of plan rows, plus about 1% unreadable amounts and 1% status/percent disagreements), so the
 * reports have findings, overdue work and unreadable cells to show at every size.
 */
import { MemoryWorkbook } from '../src/adapters/memory/memory-workbook';
import { appendRecords, type NewRow } from '../src/commands/append';
import { sampleData, type SampleFiles } from '../src/cli/sample';
import type { OutCell } from '../src/core/sheet-model';
import { tableSpec } from '../src/core/schema';
import { defaultIndicatorColumns, planTemplate } from '../src/core/template';
import type { WorkbookPort } from '../src/port/workbook';

/** Periods as staff write them, with the fiscal years each covers (B.E.). */
const PERIODS: readonly { text: string; years: readonly number[] }[] = [
  { text: 'ปีงบประมาณ พ.ศ. 2566 - 2570', years: [2566, 2567, 2568, 2569, 2570] },
  { text: 'ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ – ๒๕๗๐', years: [2566, 2567, 2568, 2569, 2570] },
  { text: 'ต.ค. 65 - มี.ค. 66', years: [2566] },
  { text: '๑ ต.ค. ๒๕๖๕ - ๓๐ ก.ย. ๒๕๖๖', years: [2566] },
  { text: 'มกราคม - มีนาคม 2567 (ขึ้นอยู่กับงบประมาณ)', years: [2567] },
  { text: 'ธันวาคม 2567', years: [2568] },
  { text: 'ปีงบประมาณ 2568 - 2569', years: [2568, 2569] },
];
const AMOUNTS: readonly OutCell[] = [20000, '7,200 บาท', 0, 'จำนวน ๑๐,๐๐๐ บาท', 'ไม่ใช้งบประมาณ', 150000];
/** The numeric value of each amount above (for disbursements within the plan). */
const AMOUNT_VALUES: readonly number[] = [20000, 7200, 0, 10000, 0, 150000];
const STATUSES: readonly { status: string | null; percent: (r: () => number) => number | null }[] = [
  { status: 'ยังไม่ดำเนินการ', percent: () => 0 },
  { status: 'อยู่ระหว่างดำเนินการ', percent: (r) => 10 + Math.floor(r() * 80) },
  { status: 'ดำเนินการแล้วเสร็จ', percent: () => 100 },
  { status: 'ยกเลิก/ไม่ได้ดำเนินการ', percent: () => null },
  { status: null, percent: () => null },
];
/** Deadlines in each fiscal year (ISO, C.E.). */
function deadlines(fiscalYear: number): string[] {
  const ce = fiscalYear - 543;
  return [`${ce - 1}-12-31`, `${ce}-03-31`, `${ce}-06-30`, `${ce}-09-30`];
}

/**
 * A row whose every text is its own flat string, as a host hands cells over (Apps Script and exceljs
 * parse each cell's text out of what they receive). Texts built here by concatenation, and the sample's
 * own, are ropes in V8, and every pass over a rope is several times slower than over a flat string (an
 * unflattened sample text repeated down 100,000 rows made one bare scan of the input 4× slower).
 */
function hostRow(row: NewRow): NewRow {
  const flat = (cell: OutCell | undefined): OutCell | undefined =>
    typeof cell === 'string' ? (JSON.parse(JSON.stringify(cell)) as string) : cell;
  const values: NewRow['values'] = {};
  for (const [key, cell] of Object.entries(row.values)) values[key] = flat(cell);
  const family = row.family && new Map([...row.family].map(([n, cell]) => [n, flat(cell) as OutCell]));
  return family ? { values, family } : { values };
}

/** A small deterministic generator, so every run measures the same workbook. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export interface SyntheticCounts {
  plan: number;
  tracking: number;
  measures: number;
}

export function syntheticCounts(planRows: number): SyntheticCounts {
  return { plan: planRows, tracking: planRows, measures: Math.max(1, Math.floor(planRows / 5)) };
}

/** The synthetic workbook in memory (core timing, the .xlsx file). */
export function syntheticWorkbook(files: SampleFiles, planRows: number): MemoryWorkbook {
  const workbook = new MemoryWorkbook();
  buildSynthetic(workbook, files, planRows);
  return workbook;
}

/**
 * Writes the synthetic workbook through any port: into memory, or through the Google Sheets adapter
 * into the SpreadsheetApp fake, so Sheets holds what the template command and a user would have put
 * there (formats, dropdowns, text typed as text).
 */
export function buildSynthetic(workbook: WorkbookPort, files: SampleFiles, planRows: number): void {
  const data = sampleData(files);
  const years = Array.from(
    { length: data.defaults.planLastYear - data.defaults.planFirstYear + 1 },
    (_, i) => data.defaults.planFirstYear + i,
  );
  for (const plan of planTemplate({
    snapshots: {},
    planYears: years,
    indicators: defaultIndicatorColumns(),
    defaults: data.defaults,
  })) {
    workbook.applyTemplate(plan);
  }
  const random = lcg(planRows);
  const index = (n: number): number => Math.floor(random() * n);
  const pick = <T>(list: readonly T[]): T => list[index(list.length)];
  const plan: NewRow[] = [];
  const tracking: NewRow[] = [];
  for (let i = 0; i < planRows; i++) {
    const base = data.plan[i % data.plan.length];
    const code = `${String(base.values.dimension)}-${String(i + 1).padStart(6, '0')}`;
    const period = pick(PERIODS);
    const amount = index(AMOUNTS.length);
    const budgets = new Map<number, OutCell>(
      years.map((y) => [y, period.years.includes(y) ? AMOUNTS[amount] : '-']),
    );
    // About 1% of rows: an amount written in words, which no reader guesses.
    if (i % 97 === 13) budgets.set(period.years[0], 'สองหมื่นบาท');
    plan.push({
      values: {
        ...base.values,
        code,
        name: `${String(base.values.name)} (${i + 1})`,
        period: period.text,
        itaIndicators: String(1 + (i % 10)),
      },
      family: budgets,
    });
    const fiscalYear = period.years[0];
    // About 1% of rows: done but not at 100%.
    const state = i % 89 === 7 ? { status: 'ดำเนินการแล้วเสร็จ', percent: () => 90 } : pick(STATUSES);
    const percent = state.percent(random);
    const planned = AMOUNT_VALUES[amount];
    tracking.push({
      values: {
        code,
        name: `${String(base.values.name)} (${i + 1})`,
        fiscalYear,
        responsible: base.values.responsible,
        plannedBudget: AMOUNTS[amount],
        deadline: { kind: 'date', iso: pick(deadlines(fiscalYear)) },
        status: state.status,
        percent,
        disbursed: state.status && planned ? Math.round(random() * planned) : null,
        result: state.status ? `ดำเนินการตามแผน ครั้งที่ ${i + 1}` : null,
      },
    });
  }
  const measures: NewRow[] = Array.from({ length: syntheticCounts(planRows).measures }, (_, i) => {
    const base = data.measures[i % data.measures.length];
    const state = pick(STATUSES);
    return {
      values: {
        ...base.values,
        no: String(i + 1),
        measure: `${String(base.values.measure)} (${i + 1})`,
        status: state.status,
        percent: state.percent(random),
      },
    };
  });
  const sheetOf = (key: 'scores' | 'plan' | 'measures' | 'tracking') => tableSpec(key).sheet.name;
  appendRecords(workbook, sheetOf('scores'), 'scores', data.scores.map(hostRow));
  appendRecords(workbook, sheetOf('plan'), 'plan', plan.map(hostRow));
  appendRecords(workbook, sheetOf('measures'), 'measures', measures.map(hostRow));
  appendRecords(workbook, sheetOf('tracking'), 'tracking', tracking.map(hostRow));
}
