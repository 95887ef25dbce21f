/**
 * Robust reading (issue 6, part 1): the messy workbook reads as the sample it was made from. Columns are
 * found by Thai header or key whatever their order and surrounding spaces, extra columns and a title
 * row are ignored, blank rows are skipped, merged dimension cells give every row their value, formulas
 * give their result, numbers and dates typed as text or kept as serials read as what they mean, and
 * Thai digits read anywhere. Junk is reported at its cell, never guessed and never a crash.
 */
import { readWorkbook } from '../../src/commands/context';
import { budgetCellOf, type Inputs } from '../../src/core/inputs';
import { validate } from '../../src/core/validate';
import { sampleWorkbook } from '../helpers/workbooks';
import { messyWorkbook } from './workbooks';

let sample: Inputs;
let messy: Inputs;

beforeAll(() => {
  sample = readWorkbook(sampleWorkbook()).inputs;
  messy = readWorkbook(messyWorkbook()).inputs;
});

const amounts = (i: Inputs['plan'][number]) =>
  i.budgets.map((b) => [
    b.year,
    b.amount?.kind === 'amount' ? b.amount.value : (b.amount?.kind ?? 'unreadable'),
  ]);

test('the plan: same items, codes, dimensions (merged cells), types, periods and budgets as the sample', () => {
  const junk = 2;
  expect(messy.plan).toHaveLength(sample.plan.length + junk);
  const items = messy.plan.slice(0, sample.plan.length);
  expect(items.map((i) => i.code)).toEqual(sample.plan.map((i) => i.code));
  expect(items.map((i) => [i.dimension, i.submission, i.type])).toEqual(
    sample.plan.map((i) => [i.dimension, i.submission, i.type]),
  );
  expect(items.map((i) => i.name)).toEqual(sample.plan.map((i) => i.name));
  expect(items.map((i) => i.period?.fiscalYears)).toEqual(sample.plan.map((i) => i.period?.fiscalYears));
  // Budget columns reordered, one header in Thai digits, one with a no-break space; "๒๐,๐๐๐" and a
  // formula's result read as 20,000.
  expect(items.map(amounts).map((a) => [...a].sort())).toEqual(
    sample.plan.map(amounts).map((a) => [...a].sort()),
  );
  expect(messy.planYears).toEqual([2566, 2567, 2568, 2569, 2570]);
  // Title row above the header and blank rows in between: the rows are where the sheet has them.
  expect(messy.layouts.plan?.headerRow).toBe(2);
  expect(messy.layouts.plan?.missing).toEqual([]);
  expect(new Set(messy.plan.map((i) => i.row)).size).toBe(messy.plan.length);
});

test('budgets that read the same are one object, and each item still finds its own budget cell', () => {
  for (const inputs of [sample, messy]) {
    const byYearAndReading = new Map<string, unknown>();
    let shared = 0;
    for (const item of inputs.plan) {
      for (const budget of item.budgets) {
        const key = `${budget.year}|${JSON.stringify(budget.amount)}`;
        const first = byYearAndReading.get(key);
        if (first === undefined) byYearAndReading.set(key, budget);
        else if (first === budget) shared++;
        // The cell is this row's, in this year's column, and it is what the amount was read from.
        const cell = budgetCellOf(item, budget.year);
        const column = inputs.layouts.plan?.family.find((m) => m.n === budget.year)?.col;
        expect([cell.row, cell.col]).toEqual([item.row, column]);
        if (budget.amount?.kind === 'amount' && typeof cell.value === 'number')
          expect(budget.amount.value).toBe(cell.value);
      }
    }
    expect(shared).toBeGreaterThan(inputs.plan.length);
  }
});

test('tracking: years in Thai digits or padded, dates as serials or Thai text, percents as text or formatted', () => {
  const [t1, t2, t3, t4, t5] = messy.tracking;
  expect([t1.code, t1.fiscalYear, t1.deadline, t1.status, t1.percent]).toEqual([
    '1-01',
    2566,
    '2023-09-30',
    'inProgress',
    50,
  ]);
  expect([t2.fiscalYear, t2.deadline, t2.status, t2.percent]).toEqual([2566, '2023-09-30', 'done', 100]);
  expect([t3.deadline, t3.status, t3.percent]).toEqual(['2022-12-31', 'notStarted', 0]);
  expect(t4.unreadable.has('status')).toBe(true);
  expect(t5.unreadable.has('percent')).toBe(true);
  expect(messy.tracking.slice(0, sample.tracking.length).map((t) => t.code)).toEqual(
    sample.tracking.map((t) => t.code),
  );
});

test('settings, measures and scores: Thai digits, a formula and text years read as numbers', () => {
  expect(messy.settings).toMatchObject({
    planFirstYear: 2566,
    planLastYear: 2570,
    dueSoonDays: 30,
    asOf: '2023-03-31',
  });
  expect(messy.measures.map((m) => m.fiscalYear)).toEqual(sample.measures.map(() => 2566));
  expect(messy.measures.map((m) => m.period?.readAs)).toEqual(sample.measures.map((m) => m.period?.readAs));
  const scores = (i: Inputs) => i.scores.map((s) => [s.year, [...s.scores]]);
  expect(scores(messy)).toEqual(scores(sample));
});

test('junk is reported at its own cells, each with a Thai message; nothing else is reported', () => {
  const extra = validate(messy).filter(
    (f) => !validate(sample).some((s) => s.problem === f.problem && s.value === f.value),
  );
  const junkRows = new Set(messy.plan.slice(-2).map((i) => i.row));
  for (const f of extra) {
    expect(f.message).toMatch(/[ก-๙]/);
    const isJunk =
      (f.sheet === 'แผนปฏิบัติการ' && junkRows.has(f.row)) ||
      (f.sheet === 'ติดตามผล' && (f.row === messy.tracking[3].row || f.row === messy.tracking[4].row)) ||
      (f.sheet === 'ติดตามผล' && f.row === messy.tracking[messy.tracking.length - 1].row);
    expect({ finding: f.message, isJunk }).toEqual({ finding: f.message, isJunk: true });
  }
  expect(extra.length).toBeGreaterThan(10);
});
