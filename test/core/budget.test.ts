import { readWorkbook } from '../../src/commands/context';
import {
  budgetJson,
  budgetStructureProblem,
  computeBudget,
  planYearsText,
  UNKNOWN_DIMENSION_NAME,
  UNKNOWN_SUBMISSION_NAME,
  type BudgetSummary,
  type DimensionSummary,
} from '../../src/core/budget';
import { readInputs } from '../../src/core/inputs';
import { sampleWorkbook, snapshot } from '../helpers/workbooks';
import { fixtureInputs, fixtureSheets, TWO_DIMENSIONS, type Fixture } from './budget-fixtures';

function dimension(summary: BudgetSummary, code: string | null): DimensionSummary {
  const found = summary.dimensions.find((d) => d.code === code);
  if (!found) throw new Error(`no dimension ${String(code)}`);
  return found;
}

function sampleSummary(): BudgetSummary {
  return computeBudget(readWorkbook(sampleWorkbook()).inputs);
}

describe('the sample plan (sheets-templates/samples/plan_2566-2570.csv), figures worked out by hand', () => {
  // From the CSV, item by item (budget per year, the same every year 2566–2570; 0 = no budget):
  //   มิติ 1: 1.1 โครงการ 20,000 · มาตรการ 0 · กิจกรรม 0 | 1.2 กิจกรรม 0 · กิจกรรม 0 | 1.3 none
  //   มิติ 2: 2.1 มาตรการ 0 · มาตรการ 7,200 · มาตรการ 0 | 2.2 มาตรการ ×4, กิจกรรม ×3, all 0 |
  //           2.3 มาตรการ 0 · กิจกรรม 0
  //   มิติ 3: 3.1 โครงการ 10,000 · กิจกรรม 0 | 3.2 มาตรการ 0 | 3.3 กิจกรรม 0
  //   มิติ 4: 4.1 มาตรการ 0 · กิจกรรม 0 | 4.2 โครงการ 40,000 · กิจกรรม 0 | 4.3 มาตรการ 0 · มาตรการ 0
  const summary = sampleSummary();

  test('plan years come from the settings', () => {
    expect(summary.fiscalYears).toEqual([2566, 2567, 2568, 2569, 2570]);
  });

  test('per-dimension budget of each year and over the five years', () => {
    // มิติ 1: 20,000 a year (1 project), × 5 = 100,000
    expect(dimension(summary, '1').budget).toEqual([20000, 20000, 20000, 20000, 20000]);
    expect(dimension(summary, '1').total).toBe(100000);
    // มิติ 2: 7,200 a year (the information centre measure), × 5 = 36,000
    expect(dimension(summary, '2').budget).toEqual([7200, 7200, 7200, 7200, 7200]);
    expect(dimension(summary, '2').total).toBe(36000);
    // มิติ 3: 10,000 a year (เวทีประชาคม), × 5 = 50,000
    expect(dimension(summary, '3').budget).toEqual([10000, 10000, 10000, 10000, 10000]);
    expect(dimension(summary, '3').total).toBe(50000);
    // มิติ 4: 40,000 a year (training for executives and council members), × 5 = 200,000
    expect(dimension(summary, '4').budget).toEqual([40000, 40000, 40000, 40000, 40000]);
    expect(dimension(summary, '4').total).toBe(200000);
  });

  test('the grand total per year is 77,200 (the printed plan claimed 70,000) and 386,000 over the plan', () => {
    // 20,000 + 7,200 + 10,000 + 40,000 = 77,200 a year; 77,200 × 5 = 386,000
    expect(summary.grandTotal.budget).toEqual([77200, 77200, 77200, 77200, 77200]);
    expect(summary.grandTotal.total).toBe(386000);
    expect(summary.grandTotal.incomplete).toBe(false);
    expect(summary.unreadable).toEqual([]);
  });

  test('counts by type per dimension and in total', () => {
    // มิติ 1: โครงการ 1 (1.1) · มาตรการ 1 (1.1) · กิจกรรม 1 + 2 = 3 → 5 items
    expect(dimension(summary, '1').counts).toEqual({ project: 1, measure: 1, activity: 3, unspecified: 0 });
    // มิติ 2: มาตรการ 3 (2.1) + 4 (2.2) + 1 (2.3) = 8 · กิจกรรม 3 (2.2) + 1 (2.3) = 4 → 12 items
    expect(dimension(summary, '2').counts).toEqual({ project: 0, measure: 8, activity: 4, unspecified: 0 });
    // มิติ 3: โครงการ 1 (3.1) · มาตรการ 1 (3.2) · กิจกรรม 1 (3.1) + 1 (3.3) = 2 → 4 items
    expect(dimension(summary, '3').counts).toEqual({ project: 1, measure: 1, activity: 2, unspecified: 0 });
    // มิติ 4: โครงการ 1 (4.2) · มาตรการ 1 (4.1) + 2 (4.3) = 3 · กิจกรรม 1 (4.1) + 1 (4.2) = 2 → 6 items
    expect(dimension(summary, '4').counts).toEqual({ project: 1, measure: 3, activity: 2, unspecified: 0 });
    expect(summary.dimensions.map((d) => d.items)).toEqual([5, 12, 4, 6]);
    // 3 โครงการ, 13 มาตรการ (1+8+1+3), 11 กิจกรรม (3+4+2+2): 27 items, as the sample README says
    expect(summary.grandTotal.counts).toEqual({ project: 3, measure: 13, activity: 11, unspecified: 0 });
    expect(summary.grandTotal.items).toBe(27);
  });

  test('items without budget: every item but the four that carry money', () => {
    // มิติ 1: 5 − 1 = 4 · มิติ 2: 12 − 1 = 11 · มิติ 3: 4 − 1 = 3 · มิติ 4: 6 − 1 = 5 → 23 of 27
    expect(summary.dimensions.map((d) => d.withoutBudget)).toEqual([4, 11, 3, 5]);
    expect(summary.grandTotal.withoutBudget).toBe(23);
  });

  test('sub-missions, in reference order, including 1.3 which has no items', () => {
    const d1 = dimension(summary, '1');
    expect(d1.subMissions.map((s) => [s.code, s.items, s.total])).toEqual([
      ['1.1', 3, 100000],
      ['1.2', 2, 0],
      ['1.3', 0, 0],
    ]);
    expect(d1.subMissions[2].name).toBe('การสร้างจิตสำนึกและความตระหนักแก่เด็กและเยาวชน');
    expect(
      dimension(summary, '2').subMissions.map((s) => [s.code, s.counts.measure, s.counts.activity]),
    ).toEqual([
      ['2.1', 3, 0],
      ['2.2', 4, 3],
      ['2.3', 1, 1],
    ]);
    expect(dimension(summary, '4').subMissions.map((s) => s.budget[0])).toEqual([0, 40000, 0]);
  });

  test('each dimension share of the grand total, in percent with 2 decimals', () => {
    // 100,000 / 386,000 = 25.906…% → 25.91 · 36,000 / 386,000 = 9.326…% → 9.33
    // 50,000 / 386,000 = 12.953…% → 12.95 · 200,000 / 386,000 = 51.813…% → 51.81
    expect(summary.dimensions.map((d) => d.share)).toEqual([25.91, 9.33, 12.95, 51.81]);
    expect(summary.grandTotal.share).toBe(100);
  });

  test('names come from the reference sheet', () => {
    expect(summary.dimensions.map((d) => d.name)).toEqual([
      'การสร้างวัฒนธรรมสุจริต',
      'การบริหารราชการด้วยความโปร่งใส',
      'การส่งเสริมบทบาทและการมีส่วนร่วมของภาคประชาชน',
      'การยกระดับกลไกการตรวจสอบการดำเนินงานขององค์กรปกครองส่วนท้องถิ่น',
    ]);
  });

  test('the tracked year 2566 has no tracking rows yet: planned 77,200, disbursed 0', () => {
    expect(summary.trackedYear).toMatchObject({ fiscalYear: 2566, inPlan: true });
    expect(summary.trackedYear?.total).toMatchObject({ planned: 77200, disbursed: 0, rate: 0 });
  });
});

describe('plans of any length and another cycle', () => {
  test.each([3, 4, 6])('a %i-year plan sums the same way', (length) => {
    const first = 2568;
    const years = Array.from({ length }, (_, i) => first + i);
    const summary = computeBudget(
      fixtureInputs({
        firstYear: first,
        lastYear: first + length - 1,
        dimensions: TWO_DIMENSIONS,
        items: [
          // 1,000 × (year index + 1) and a flat 500: the per-year totals tell the columns apart.
          {
            code: 'a',
            dimension: '1',
            submission: '1.1',
            type: 'โครงการ',
            budgets: years.map((_, i) => 1000 * (i + 1)),
          },
          {
            code: 'b',
            dimension: '2',
            submission: '2.1',
            type: 'กิจกรรม',
            budgets: years.map(() => '500 บาท'),
          },
        ],
      }),
    );
    expect(summary.fiscalYears).toEqual(years);
    expect(dimension(summary, '1').budget).toEqual(years.map((_, i) => 1000 * (i + 1)));
    expect(dimension(summary, '2').budget).toEqual(years.map(() => 500));
    // Σ 1000·k for k = 1..n = 500·n(n+1), plus 500·n
    expect(summary.grandTotal.total).toBe(500 * length * (length + 1) + 500 * length);
    expect(planYearsText(summary.fiscalYears)).toBe(`พ.ศ. ${first}–${first + length - 1}`);
  });

  test("another cycle's codes and names come from its reference sheet", () => {
    const summary = computeBudget(
      fixtureInputs({
        firstYear: 2571,
        lastYear: 2575,
        dimensions: [
          { code: '๑', name: 'ป้องกันเชิงรุก', subs: [['๑.๑', 'เฝ้าระวัง']] },
          { code: 'B', name: 'ปราบปราม', subs: [['B.1', 'ตรวจสอบ']] },
        ],
        items: [
          { code: 'x', dimension: '1', submission: '1.1', type: 'มาตรการ', budgets: [1, 1, 1, 1, 1] },
          { code: 'y', dimension: 'B', submission: 'B.1', type: 'โครงการ', budgets: [2, 2, 2, 2, 2] },
        ],
      }),
    );
    // Thai digits in the reference read as Arabic, so "1"/"1.1" typed in the plan match "๑"/"๑.๑".
    expect(
      summary.dimensions.map((d) => [d.code, d.name, d.subMissions.map((s) => s.name), d.total]),
    ).toEqual([
      ['1', 'ป้องกันเชิงรุก', ['เฝ้าระวัง'], 5],
      ['B', 'ปราบปราม', ['ตรวจสอบ'], 10],
    ]);
    expect(summary.issues).toEqual([]);
  });
});

describe('amounts as staff type them', () => {
  const base: Omit<Fixture, 'items'> = { firstYear: 2566, lastYear: 2566, dimensions: TWO_DIMENSIONS };
  const item = (code: string, budget: unknown): Fixture['items'][number] => ({
    code,
    dimension: '1',
    submission: '1.1',
    type: 'โครงการ',
    budgets: [budget as never],
  });

  test('commas, บาท, จำนวน, Thai digits and numbers are read', () => {
    const summary = computeBudget(
      fixtureInputs({
        ...base,
        items: [
          item('a', 20000),
          item('b', '20,000'),
          item('c', '20,000 บาท'),
          item('d', 'จำนวน 7,200 บาท'),
          item('e', '๒๐,๐๐๐'),
        ],
      }),
    );
    // 20,000 × 4 + 7,200 = 87,200
    expect(summary.grandTotal.budget).toEqual([87200]);
    expect(summary.grandTotal.withoutBudget).toBe(0);
  });

  test('"-", blank, 0 and "ไม่ใช้งบประมาณ" are no budget and count as items without budget', () => {
    const summary = computeBudget(
      fixtureInputs({
        ...base,
        items: [item('a', '-'), item('b', null), item('c', 0), item('d', 'ไม่ใช้งบประมาณ'), item('e', 100)],
      }),
    );
    expect(summary.grandTotal).toMatchObject({ items: 5, withoutBudget: 4, total: 100, incomplete: false });
    expect(summary.unreadable).toEqual([]);
  });

  test('satang add up exactly (whole satang, no float drift)', () => {
    const summary = computeBudget(
      fixtureInputs({
        ...base,
        items: [
          item('a', '0.10'),
          item('b', '0.20'),
          item('c', '1,000.55'),
          item('d', 1000.55),
          item('e', 1000.55),
        ],
      }),
    );
    // 0.10 + 0.20 = 0.30; 1,000.55 × 3 = 3,001.65; total 3,001.95
    expect(summary.grandTotal.total).toBe(3001.95);
    expect(summary.hasSatang).toBe(true);
  });
});

describe('unreadable amounts are listed and never counted as 0', () => {
  const fixture: Fixture = {
    firstYear: 2566,
    lastYear: 2568,
    dimensions: TWO_DIMENSIONS,
    items: [
      {
        code: '1-01',
        dimension: '1',
        submission: '1.1',
        type: 'โครงการ',
        budgets: [10000, '10,000 -', 10000],
      },
      { code: '1-02', dimension: '1', submission: '1.2', type: 'กิจกรรม', budgets: ['สองหมื่น', '-', '-'] },
      { code: '2-01', dimension: '2', submission: '2.1', type: 'มาตรการ', budgets: [5000, 5000, 5000] },
    ],
  };
  const summary = computeBudget(fixtureInputs(fixture));

  test('each unreadable cell is listed with its sheet, A1 address, value and a Thai reason', () => {
    // Plan columns: A code, B dimension, C sub-mission, D type, E name, F 2566, G 2567, H 2568; data from row 2.
    expect(summary.unreadable.map((u) => [u.sheet, u.cell, u.value, u.code, u.year])).toEqual([
      ['แผนปฏิบัติการ', 'G2', '10,000 -', '1-01', 2567],
      ['แผนปฏิบัติการ', 'F3', 'สองหมื่น', '1-02', 2566],
    ]);
    expect(summary.unreadable[0].reason).toContain('มากกว่าหนึ่งค่า');
    expect(summary.unreadable[1].reason).toContain('สองหมื่น');
  });

  test('the totals they would affect are flagged incomplete, the others are not', () => {
    const d1 = dimension(summary, '1');
    // 2566: 10,000 counted, "สองหมื่น" left out · 2567: "10,000 -" left out · 2568: 10,000
    expect(d1.budget).toEqual([10000, 0, 10000]);
    expect(d1.incompleteYears).toEqual([2566, 2567]);
    expect(d1.incomplete).toBe(true);
    expect(d1.subMissions.map((s) => s.incompleteYears)).toEqual([[2567], [2566]]);
    const d2 = dimension(summary, '2');
    expect(d2).toMatchObject({ total: 15000, incomplete: false, incompleteYears: [] });
    expect(summary.grandTotal.budget).toEqual([15000, 5000, 15000]);
    expect(summary.grandTotal.incompleteYears).toEqual([2566, 2567]);
  });

  test('an item whose only non-empty cell is unreadable is not counted as "without budget"', () => {
    expect(dimension(summary, '1').subMissions[1]).toMatchObject({ code: '1.2', items: 1, withoutBudget: 0 });
  });

  test('the JSON says the same', () => {
    const json = budgetJson(summary);
    expect(json.unreadable.map((u) => ({ sheet: u.sheet, cell: u.cell, value: u.value }))).toEqual([
      { sheet: 'แผนปฏิบัติการ', cell: 'G2', value: '10,000 -' },
      { sheet: 'แผนปฏิบัติการ', cell: 'F3', value: 'สองหมื่น' },
    ]);
    expect(json.grandTotal).toMatchObject({
      budget: { '2566': 15000, '2567': 5000, '2568': 15000 },
      incomplete: true,
      incompleteYears: [2566, 2567],
    });
  });
});

describe('items outside the reference lists never vanish', () => {
  const summary = computeBudget(
    fixtureInputs({
      firstYear: 2566,
      lastYear: 2566,
      dimensions: TWO_DIMENSIONS,
      items: [
        { code: 'ok', dimension: '1', submission: '1.1', type: 'โครงการ', budgets: [100] },
        { code: 'dim9', dimension: '9', submission: '9.1', type: 'โครงการ', budgets: [200] },
        { code: 'nodim', dimension: null, submission: '1.1', type: 'กิจกรรม', budgets: [400] },
        { code: 'sub9', dimension: '1', submission: '1.9', type: 'มาตรการ', budgets: [800] },
        { code: 'wrongdim', dimension: '2', submission: '1.2', type: 'แนวทาง', budgets: [1600] },
        { code: 'notype', dimension: '2', submission: '2.1', type: null, budgets: [3200] },
        { code: 'badtype', dimension: '2', submission: '2.1', type: 'โครงการย่อย', budgets: [6400] },
      ],
    }),
  );

  test('an unknown or blank dimension goes to "ไม่ระบุมิติ", listed last', () => {
    const unknown = dimension(summary, null);
    expect(summary.dimensions.at(-1)).toBe(unknown);
    expect(unknown.name).toBe(UNKNOWN_DIMENSION_NAME);
    // dim9 200 + nodim 400
    expect(unknown).toMatchObject({ items: 2, total: 600 });
    expect(unknown.subMissions).toHaveLength(1);
    expect(unknown.subMissions[0]).toMatchObject({ code: null, name: UNKNOWN_SUBMISSION_NAME, total: 600 });
  });

  test('an unknown sub-mission, or one of another dimension, goes to its dimension "ไม่ระบุภารกิจ"', () => {
    const d1 = dimension(summary, '1');
    expect(d1.subMissions.map((s) => [s.code, s.total])).toEqual([
      ['1.1', 100],
      ['1.2', 0],
      [null, 800],
    ]);
    const d2 = dimension(summary, '2');
    // wrongdim 1,600 under 2's unknown bucket; notype 3,200 + badtype 6,400 under 2.1
    expect(d2.subMissions.map((s) => [s.code, s.total])).toEqual([
      ['2.1', 9600],
      [null, 1600],
    ]);
    // "แนวทาง" is a spelling of มาตรการ
    expect(d2.counts).toEqual({ project: 0, measure: 1, activity: 0, unspecified: 2 });
  });

  test('an empty or unknown type counts as "ไม่ระบุประเภท"', () => {
    expect(summary.grandTotal.counts).toEqual({ project: 2, measure: 2, activity: 1, unspecified: 2 });
    expect(summary.grandTotal.items).toBe(7);
    // 100 + 200 + … + 6,400 = 12,700: every item counted once
    expect(summary.grandTotal.total).toBe(12700);
  });

  test('each such item is reported at its cell', () => {
    // Columns: B dimension, C sub-mission, D type; items from row 2.
    expect(summary.issues.map((i) => [i.kind, i.code, i.cell])).toEqual([
      ['unknown-dimension', 'dim9', 'B3'],
      ['unknown-dimension', 'nodim', 'B4'],
      ['unknown-submission', 'sub9', 'C5'],
      ['unknown-submission', 'wrongdim', 'C6'],
      ['unspecified-type', 'notype', 'D7'],
      ['unspecified-type', 'badtype', 'D8'],
    ]);
    expect(summary.issues[3].message).toContain('อยู่ในมิติที่ 1 ไม่ใช่มิติที่ 2');
    expect(summary.issues[5].message).toContain('"โครงการย่อย"');
  });
});

describe('planned against disbursed for the tracked year', () => {
  const base: Fixture = {
    firstYear: 2566,
    lastYear: 2568,
    trackingYear: 2566,
    dimensions: TWO_DIMENSIONS,
    items: [
      { code: '1-01', dimension: '1', submission: '1.1', type: 'โครงการ', budgets: [10000, 10000, '-'] },
      { code: '1-02', dimension: '1', submission: '1.2', type: 'กิจกรรม', budgets: [5000, 0, 0] },
      { code: '2-01', dimension: '2', submission: '2.1', type: 'มาตรการ', budgets: [2000, 2000, 2000] },
    ],
    tracking: [
      { code: '1-01', fiscalYear: 2566, disbursed: 4000 },
      { code: '1-02', fiscalYear: 2566, disbursed: '2,500 บาท' },
      { code: '2-01', fiscalYear: 2566, disbursed: '-' },
      { code: '1-01', fiscalYear: 2567, disbursed: 9000 },
      { code: '9-99', fiscalYear: 2566, disbursed: 1000 },
    ],
  };

  test('disbursed comes from that year rows matched by code; unmatched codes are a line of their own', () => {
    const tracked = computeBudget(fixtureInputs(base)).trackedYear;
    // planned 2566: มิติ 1 = 10,000 + 5,000 = 15,000; มิติ 2 = 2,000; total 17,000
    // disbursed: มิติ 1 = 4,000 + 2,500 = 6,500 (43.33%); มิติ 2 = 0; "9-99" 1,000 unmatched
    // total 6,500 + 0 + 1,000 = 7,500 → 7,500 / 17,000 = 44.117…% → 44.12
    expect(tracked?.dimensions.map((l) => [l.code, l.planned, l.disbursed, l.rate])).toEqual([
      ['1', 15000, 6500, 43.33],
      ['2', 2000, 0, 0],
    ]);
    expect(tracked?.unmatched).toEqual({ rows: 1, disbursed: 1000 });
    expect(tracked?.total).toMatchObject({ planned: 17000, disbursed: 7500, rate: 44.12 });
    expect(tracked?.total.disbursedIncomplete).toBe(false);
    const summary = computeBudget(fixtureInputs(base));
    expect(summary.issues.map((i) => [i.kind, i.sheet, i.cell])).toEqual([
      ['unmatched-tracking', 'ติดตามผล', 'A6'],
    ]);
  });

  test('the fiscal year option overrides the settings', () => {
    const tracked = computeBudget(fixtureInputs(base), { fiscalYear: 2567 }).trackedYear;
    // 2567: planned 10,000 + 0 and 2,000; disbursed 9,000 → 90%; total 9,000 / 12,000 = 75%
    expect(tracked?.fiscalYear).toBe(2567);
    expect(tracked?.dimensions.map((l) => [l.planned, l.disbursed, l.rate])).toEqual([
      [10000, 9000, 90],
      [2000, 0, 0],
    ]);
    expect(tracked?.total).toMatchObject({ planned: 12000, disbursed: 9000, rate: 75 });
  });

  test('an unreadable disbursement and a row without a fiscal year leave the total incomplete', () => {
    const summary = computeBudget(
      fixtureInputs({
        ...base,
        tracking: [
          ...(base.tracking ?? []),
          { code: '2-01', fiscalYear: 2566, disbursed: 'สองพัน' },
          { code: '1-02', fiscalYear: null, disbursed: 500 },
        ],
      }),
    );
    const tracked = summary.trackedYear;
    expect(summary.unreadable.map((u) => [u.sheet, u.cell, u.value, u.year])).toEqual([
      ['ติดตามผล', 'C7', 'สองพัน', 2566],
    ]);
    expect(tracked?.dimensions.map((l) => [l.disbursed, l.disbursedIncomplete])).toEqual([
      [6500, false],
      [0, true],
    ]);
    expect(tracked?.undatedRows).toBe(1);
    expect(tracked?.total).toMatchObject({ disbursed: 7500, disbursedIncomplete: true });
    expect(summary.issues.map((i) => [i.kind, i.cell])).toContainEqual(['tracking-year-unknown', 'B8']);
    // The plan figures themselves are complete.
    expect(summary.grandTotal.incomplete).toBe(false);
  });

  test('a tracked year outside the plan has no planned budget and no rate', () => {
    const tracked = computeBudget(fixtureInputs(base), { fiscalYear: 2570 }).trackedYear;
    expect(tracked).toMatchObject({ fiscalYear: 2570, inPlan: false });
    expect(tracked?.total).toMatchObject({ planned: null, disbursed: 0, rate: null });
  });

  test('no tracked year in the settings: no tracked section', () => {
    expect(computeBudget(fixtureInputs({ ...base, trackingYear: null })).trackedYear).toBeNull();
  });
});

describe('what the command needs before it can compute', () => {
  const fixture: Fixture = {
    firstYear: 2566,
    lastYear: 2568,
    dimensions: TWO_DIMENSIONS,
    items: [{ code: 'a', dimension: '1', submission: '1.1', type: 'โครงการ', budgets: [1, 2, 3] }],
  };

  test('a complete plan sheet has no problem', () => {
    expect(budgetStructureProblem(fixtureInputs(fixture))).toBeNull();
  });

  test('a missing budget column of a plan year is named, with the repair menu', () => {
    const problem = budgetStructureProblem(fixtureInputs({ ...fixture, budgetYears: [2566, 2568] }));
    expect(problem).toContain('"งบประมาณ 2567"');
    expect(problem).toContain('แผนปฏิบัติการ');
    expect(problem).toContain('ตั้งค่า/ซ่อมแซมแม่แบบ');
  });

  test('a missing plan sheet or header row is named', () => {
    const sheets = fixtureSheets(fixture);
    const withoutPlan = readInputs(
      {
        settings: snapshot('ตั้งค่า', sheets.settings),
        reference: snapshot('อ้างอิง', sheets.reference),
        plan: null,
      },
      'UTC',
    );
    expect(budgetStructureProblem(withoutPlan)).toMatch(/ไม่พบชีต "แผนปฏิบัติการ".*ตั้งค่า\/ซ่อมแซมแม่แบบ/);
    const noHeader = readInputs(
      { settings: snapshot('ตั้งค่า', sheets.settings), plan: snapshot('แผนปฏิบัติการ', [['x', 'y']]) },
      'UTC',
    );
    expect(budgetStructureProblem(noHeader)).toMatch(/ไม่พบหัวตาราง.*ตั้งค่า\/ซ่อมแซมแม่แบบ/);
  });

  test('a missing dimension column is named', () => {
    const sheets = fixtureSheets(fixture);
    const plan = sheets.plan.map((row) => [row[0], ...row.slice(2)]);
    const inputs = readInputs(
      { settings: snapshot('ตั้งค่า', sheets.settings), plan: snapshot('แผนปฏิบัติการ', plan) },
      'UTC',
    );
    expect(budgetStructureProblem(inputs)).toContain('"มิติ"');
  });
});

test('JSON years are B.E. keys and every dimension carries its sub-missions', () => {
  const json = budgetJson(sampleSummary());
  expect(json.fiscalYears).toEqual([2566, 2567, 2568, 2569, 2570]);
  expect(Object.keys(json.grandTotal.budget)).toEqual(['2566', '2567', '2568', '2569', '2570']);
  expect(json.dimensions[0]).toMatchObject({
    code: '1',
    counts: { project: 1, measure: 1, activity: 3, unspecified: 0 },
    budget: { '2566': 20000, '2570': 20000 },
    total: 100000,
  });
  expect(json.dimensions[0].subMissions.map((s) => s.code)).toEqual(['1.1', '1.2', '1.3']);
  expect(json.trackedYear).toMatchObject({ fiscalYear: 2566, planned: 77200, disbursed: 0, rate: 0 });
});
