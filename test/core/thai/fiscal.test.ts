import {
  beYearOfMonthInFiscalYear,
  fiscalQuarterWindow,
  fiscalYearEnd,
  fiscalYearOf,
  fiscalYearStart,
  fiscalYearsBetween,
  roundWindow,
} from '../../../src/core/thai/fiscal';

describe('fiscal years', () => {
  test.each([
    ['2022-09-30', 2565],
    ['2022-10-01', 2566],
    ['2022-12-31', 2566],
    ['2023-01-01', 2566],
    ['2023-09-30', 2566],
    ['2023-10-01', 2567],
    ['2000-02-29', 2543],
  ])('%s is in FY %d', (iso, fy) => {
    expect(fiscalYearOf(iso)).toBe(fy);
  });

  test.each([
    [2566, '2022-10-01', '2023-09-30'],
    [2567, '2023-10-01', '2024-09-30'],
    [2570, '2026-10-01', '2027-09-30'],
  ])('FY %d runs %s … %s', (fy, start, end) => {
    expect([fiscalYearStart(fy), fiscalYearEnd(fy)]).toEqual([start, end]);
  });

  test.each([
    ['2022-10-01', '2027-09-30', [2566, 2567, 2568, 2569, 2570]],
    ['2022-10-01', '2022-10-01', [2566]],
    ['2022-09-30', '2022-10-01', [2565, 2566]],
    ['2023-01-01', '2023-12-31', [2566, 2567]],
    ['2023-10-01', '2023-09-30', []],
  ])('fiscalYearsBetween(%s, %s)', (start, end, years) => {
    expect(fiscalYearsBetween(start, end)).toEqual(years);
  });

  test.each([
    [2566, 6, '2022-10-01', '2023-03-31'],
    [2566, 12, '2022-10-01', '2023-09-30'],
    [2567, 6, '2023-10-01', '2024-03-31'],
  ] as const)('round of FY %d, %d months', (fy, months, start, end) => {
    expect(roundWindow(fy, months)).toEqual({ start, end });
  });

  test.each([
    [1, '2022-10-01', '2022-12-31'],
    [2, '2023-01-01', '2023-03-31'],
    [3, '2023-04-01', '2023-06-30'],
    [4, '2023-07-01', '2023-09-30'],
  ] as const)('quarter %d of FY 2566', (q, start, end) => {
    expect(fiscalQuarterWindow(2566, q)).toEqual({ start, end });
  });

  test('Oct–Dec belong to the calendar year before the fiscal year', () => {
    expect([10, 11, 12, 1, 9].map((m) => beYearOfMonthInFiscalYear(2566, m))).toEqual([
      2565, 2565, 2565, 2566, 2566,
    ]);
  });
});
