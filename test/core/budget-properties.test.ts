/**
 * Property-based: for random plans (3–6 plan years, random reference dimensions and sub-missions,
 * random types, amounts in every accepted spelling plus unreadable ones), the summary's totals equal
 * the sums over items, computed here from the generated numbers, and the counts add up.
 */
import fc from 'fast-check';
import type { CellValue } from '../../src/core/cells';
import { computeBudget, type BudgetFigures, type BudgetSummary } from '../../src/core/budget';
import { fixtureInputs, planYears, type FixtureDimension } from './budget-fixtures';

/** One generated budget cell: what is typed, and what it is worth (null = unreadable). */
interface AmountCell {
  typed: CellValue;
  /** Satang; 0 for "no budget"; null when the cell cannot be read. */
  satang: number | null;
}

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';

function withCommas(satang: number): string {
  const baht = Math.floor(satang / 100);
  const cents = satang % 100;
  const grouped = String(baht).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return cents ? `${grouped}.${String(cents).padStart(2, '0')}` : grouped;
}

function thai(text: string): string {
  return text.replace(/[0-9]/g, (d) => THAI_DIGITS[Number(d)]);
}

const money: fc.Arbitrary<AmountCell> = fc
  .tuple(
    fc.integer({ min: 1, max: 5_000_000 }),
    fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 99 })),
    fc.integer({ min: 0, max: 6 }),
  )
  .map(([baht, cents, spelling]) => {
    const satang = baht * 100 + cents;
    const text = withCommas(satang);
    const typed: CellValue = [
      satang / 100,
      text.replace(/,/g, ''),
      text,
      `${text} บาท`,
      `จำนวน ${text} บาท`,
      thai(text),
      `${thai(text)} บาท`,
    ][spelling];
    return { typed, satang };
  });

const noBudget: fc.Arbitrary<AmountCell> = fc
  .constantFrom<CellValue>('-', '', null, 0, '0', 'ไม่ใช้งบประมาณ', ' – ')
  .map((typed) => ({ typed, satang: 0 }));

const unreadable: fc.Arbitrary<AmountCell> = fc
  .constantFrom<CellValue>('10,000 -', 'สองหมื่น', '20,000 บาท 5,000', 'ประมาณ 5,000')
  .map((typed) => ({ typed, satang: null }));

const amount = fc.oneof(
  { arbitrary: money, weight: 5 },
  { arbitrary: noBudget, weight: 4 },
  { arbitrary: unreadable, weight: 1 },
);

const TYPES: readonly [CellValue, 'project' | 'measure' | 'activity' | 'unspecified'][] = [
  ['โครงการ', 'project'],
  ['มาตรการ', 'measure'],
  ['มาตรการ/แนวทาง', 'measure'],
  ['แนวทาง', 'measure'],
  ['กิจกรรม', 'activity'],
  ['', 'unspecified'],
  [null, 'unspecified'],
  ['โครงการย่อย', 'unspecified'],
  ['ระบุประเภท', 'unspecified'],
];

const NAMES = ['การสร้างวัฒนธรรมสุจริต', 'ความโปร่งใส', 'การมีส่วนร่วม', 'กลไกการตรวจสอบ', 'มิติใหม่'];

interface Scenario {
  first: number;
  years: number[];
  dimensions: FixtureDimension[];
  items: {
    dimension: string | null;
    submission: string | null;
    typeIndex: number;
    amounts: AmountCell[];
  }[];
}

const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    first: fc.integer({ min: 2560, max: 2590 }),
    length: fc.integer({ min: 3, max: 6 }),
    subs: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 5 }),
  })
  .chain(({ first, length, subs }) => {
    const dimensions: FixtureDimension[] = subs.map((n, i) => ({
      code: String(i + 1),
      name: `${NAMES[i]} ${first}`,
      subs: Array.from({ length: n }, (_, j) => [`${i + 1}.${j + 1}`, `ภารกิจ ${i + 1}.${j + 1}`]),
    }));
    const dimCodes = dimensions.map((d) => d.code);
    const subCodes = dimensions.flatMap((d) => d.subs.map(([code]) => code));
    const item = fc.record({
      dimension: fc.oneof(
        { arbitrary: fc.constantFrom(...dimCodes), weight: 8 },
        { arbitrary: fc.constantFrom<string | null>('9', null, 'มิติที่ 1'), weight: 1 },
      ),
      submission: fc.oneof(
        { arbitrary: fc.constantFrom(...subCodes), weight: 8 },
        { arbitrary: fc.constantFrom<string | null>('9.9', null), weight: 1 },
      ),
      typeIndex: fc.integer({ min: 0, max: TYPES.length - 1 }),
      amounts: fc.array(amount, { minLength: length, maxLength: length }),
    });
    return fc.record({
      first: fc.constant(first),
      years: fc.constant(planYears(first, first + length - 1)),
      dimensions: fc.constant(dimensions),
      items: fc.array(item, { maxLength: 30 }),
    });
  });

function summarise(s: Scenario): BudgetSummary {
  return computeBudget(
    fixtureInputs({
      firstYear: s.first,
      lastYear: s.years[s.years.length - 1],
      dimensions: s.dimensions,
      items: s.items.map((item, i) => ({
        code: `T-${i + 1}`,
        dimension: item.dimension,
        submission: item.submission,
        type: TYPES[item.typeIndex][0],
        budgets: item.amounts.map((a) => a.typed),
      })),
    }),
  );
}

interface Expected {
  satang: number[];
  incomplete: boolean[];
  items: number;
  withoutBudget: number;
  counts: Record<'project' | 'measure' | 'activity' | 'unspecified', number>;
}

/** Sums over the generated items, by a bucket key the test works out itself. */
function expectedBy(
  s: Scenario,
  keyOf: (item: Scenario['items'][number]) => string | null,
): Map<string, Expected> {
  const out = new Map<string, Expected>();
  for (const item of s.items) {
    const key = keyOf(item);
    if (key === null) continue;
    let e = out.get(key);
    if (!e) {
      e = {
        satang: s.years.map(() => 0),
        incomplete: s.years.map(() => false),
        items: 0,
        withoutBudget: 0,
        counts: { project: 0, measure: 0, activity: 0, unspecified: 0 },
      };
      out.set(key, e);
    }
    e.items++;
    e.counts[TYPES[item.typeIndex][1]]++;
    if (item.amounts.every((a) => a.satang === 0)) e.withoutBudget++;
    item.amounts.forEach((a, y) => {
      if (a.satang === null) (e as Expected).incomplete[y] = true;
      else (e as Expected).satang[y] += a.satang;
    });
  }
  return out;
}

function check(actual: BudgetFigures, expected: Expected | undefined, years: number[]): void {
  const e = expected ?? {
    satang: years.map(() => 0),
    incomplete: years.map(() => false),
    items: 0,
    withoutBudget: 0,
    counts: { project: 0, measure: 0, activity: 0, unspecified: 0 },
  };
  expect(actual.budget.map((b) => Math.round(b * 100))).toEqual(e.satang);
  expect(Math.round(actual.total * 100)).toBe(e.satang.reduce((a, b) => a + b, 0));
  expect(actual.incompleteYears).toEqual(years.filter((_, i) => e.incomplete[i]));
  expect(actual.incomplete).toBe(e.incomplete.some(Boolean));
  expect(actual.counts).toEqual(e.counts);
  expect(actual.items).toBe(e.items);
  expect(actual.withoutBudget).toBe(e.withoutBudget);
}

test('totals equal the sums over items, per dimension, per sub-mission and overall', () => {
  fc.assert(
    fc.property(scenario, (s) => {
      const summary = summarise(s);
      const known = new Map(s.dimensions.map((d) => [d.code, new Set(d.subs.map(([c]) => c))]));
      const dimKey = (item: Scenario['items'][number]) =>
        item.dimension !== null && known.has(item.dimension) ? item.dimension : '?';
      const subKey = (item: Scenario['items'][number]) => {
        const d = dimKey(item);
        const inDim = d !== '?' && item.submission !== null && known.get(d)?.has(item.submission);
        return `${d}|${inDim ? item.submission : '?'}`;
      };

      expect(summary.fiscalYears).toEqual(s.years);
      check(summary.grandTotal, expectedBy(s, () => 'all').get('all'), s.years);
      const byDim = expectedBy(s, dimKey);
      const bySub = expectedBy(s, subKey);
      // Every reference dimension is shown, and "ไม่ระบุมิติ" exactly when some item needs it.
      expect(summary.dimensions.map((d) => d.code ?? '?')).toEqual([
        ...s.dimensions.map((d) => d.code),
        ...(byDim.has('?') ? ['?'] : []),
      ]);
      for (const d of summary.dimensions) {
        check(d, byDim.get(d.code ?? '?'), s.years);
        for (const sub of d.subMissions)
          check(sub, bySub.get(`${d.code ?? '?'}|${sub.code ?? '?'}`), s.years);
        const ref = s.dimensions.find((r) => r.code === d.code);
        if (ref) expect(d.name).toBe(ref.name);
      }
      const unreadableCells = s.items.flatMap((i) => i.amounts).filter((a) => a.satang === null).length;
      expect(summary.unreadable).toHaveLength(unreadableCells);
    }),
    { numRuns: 150 },
  );
});

test('counts add up to the number of items at every level', () => {
  fc.assert(
    fc.property(scenario, (s) => {
      const summary = summarise(s);
      const sumCounts = (f: BudgetFigures) =>
        f.counts.project + f.counts.measure + f.counts.activity + f.counts.unspecified;
      expect(summary.grandTotal.items).toBe(s.items.length);
      expect(sumCounts(summary.grandTotal)).toBe(s.items.length);
      expect(summary.dimensions.reduce((n, d) => n + d.items, 0)).toBe(s.items.length);
      for (const d of summary.dimensions) {
        expect(sumCounts(d)).toBe(d.items);
        expect(d.subMissions.reduce((n, sub) => n + sub.items, 0)).toBe(d.items);
      }
    }),
    { numRuns: 100 },
  );
});

test('disbursed for the tracked year equals the sum over that year rows, matched or not', () => {
  const rows = fc.array(
    fc.record({
      item: fc.integer({ min: 0, max: 5 }), // 5 = a code not in the plan
      yearOffset: fc.integer({ min: 0, max: 2 }),
      amount: fc.oneof(
        { arbitrary: money, weight: 4 },
        { arbitrary: noBudget, weight: 2 },
        { arbitrary: unreadable, weight: 1 },
      ),
    }),
    { maxLength: 25 },
  );
  fc.assert(
    fc.property(rows, fc.integer({ min: 0, max: 2 }), (tracking, trackedOffset) => {
      const first = 2566;
      const dims = ['1', '1', '2', '2', '2']; // the dimension of plan items 0–4
      const summary = computeBudget(
        fixtureInputs({
          firstYear: first,
          lastYear: first + 2,
          trackingYear: first + trackedOffset,
          dimensions: [
            { code: '1', name: 'หนึ่ง', subs: [['1.1', 'ก']] },
            { code: '2', name: 'สอง', subs: [['2.1', 'ข']] },
          ],
          items: dims.map((d, i) => ({
            code: `P-${i}`,
            dimension: d,
            submission: `${d}.1`,
            type: 'โครงการ',
            budgets: [1000, 2000, 3000],
          })),
          tracking: tracking.map((t) => ({
            code: `P-${t.item}`,
            fiscalYear: first + t.yearOffset,
            disbursed: t.amount.typed,
          })),
        }),
      );
      const inYear = tracking.filter((t) => t.yearOffset === trackedOffset);
      const sum = (list: typeof inYear) => list.reduce((n, t) => n + (t.amount.satang ?? 0), 0);
      const tracked = summary.trackedYear;
      expect(tracked).not.toBeNull();
      const byDim = (d: string) => inYear.filter((t) => t.item < 5 && dims[t.item] === d);
      expect(tracked?.dimensions.map((l) => Math.round(l.disbursed * 100))).toEqual([
        sum(byDim('1')),
        sum(byDim('2')),
      ]);
      expect(Math.round((tracked?.unmatched.disbursed ?? 0) * 100)).toBe(
        sum(inYear.filter((t) => t.item === 5)),
      );
      expect(Math.round((tracked?.total.disbursed ?? 0) * 100)).toBe(sum(inYear));
      expect(tracked?.total.disbursedIncomplete).toBe(inYear.some((t) => t.amount.satang === null));
      // planned: 2 items in มิติ 1 and 3 in มิติ 2, each 1,000 × (year index + 1)
      expect(tracked?.dimensions.map((l) => l.planned)).toEqual([
        2 * 1000 * (trackedOffset + 1),
        3 * 1000 * (trackedOffset + 1),
      ]);
    }),
    { numRuns: 100 },
  );
});
