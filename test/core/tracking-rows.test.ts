import { appendRecords } from '../../src/commands/append';
import { readWorkbook } from '../../src/commands/context';
import { parsePeriod } from '../../src/core/thai/period';
import type { OkPeriod } from '../../src/core/inputs';
import {
  parseFiscalYearAnswer,
  periodStartInFiscalYear,
  planTrackingRows,
} from '../../src/core/tracking-rows';
import { handMadeHost, PLAN_ROWS } from './progress-fixtures';

function planFor(host: ReturnType<typeof handMadeHost>, fy: number) {
  return planTrackingRows(readWorkbook(host.workbook).inputs, fy);
}

describe('which rows a fiscal year still lacks', () => {
  test('FY 2566 on the hand-made workbook: only active items without a row, with their dates', () => {
    const plan = planFor(handMadeHost(), 2566);
    expect(plan.rows.map((r) => [r.code, r.start, r.deadline, r.plannedBudget, r.responsible])).toEqual([
      ['2-02', '2022-10-01', '2023-03-31', 10000, 'กองคลัง'],
      ['3-01', '2022-11-01', '2022-11-30', 3000, 'งานกิจการสภา'],
    ]);
    expect(plan.existing).toEqual(['1-01', '1-02', '2-01', '4-02']);
    expect(plan.inactive).toBe(1); // 3-02 runs in 2567 only
    expect(plan.skipped.map((s) => [s.code, s.cell])).toEqual([['4-01', 'L8']]);
    expect(plan.skipped[0].reason).toContain('ไม่ชัดเจนว่าเป็นปีปฏิทินหรือปีงบประมาณ');
  });

  test('the values written: code, name, year, unit as written, budget number, real dates; status blank', () => {
    const [row] = planFor(handMadeHost(), 2566).rows;
    expect(row.values).toEqual({
      code: '2-02',
      name: 'โครงการศูนย์ข้อมูลข่าวสาร',
      fiscalYear: 2566,
      responsible: 'กองคลัง',
      plannedBudget: 10000,
      start: { kind: 'date', iso: '2022-10-01' },
      deadline: { kind: 'date', iso: '2023-03-31' },
    });
  });

  test('FY 2567: a multi-year item ends on 30 Sep 2567, its budget "5000" of that year', () => {
    const plan = planFor(handMadeHost({ tracking: [] }), 2567);
    expect(plan.rows.map((r) => [r.code, r.start, r.deadline, r.plannedBudget])).toEqual([
      ['2-01', '2023-10-01', '2024-09-30', 5000],
      ['3-02', '2023-10-01', '2024-09-30', 9999],
    ]);
  });

  test('budgets: text amounts become numbers; "-" and 0 are copied as written; blank stays blank', () => {
    const plan = planFor(handMadeHost({ tracking: [] }), 2566);
    const budget = (code: string) => plan.rows.find((r) => r.code === code)?.plannedBudget;
    expect(budget('1-01')).toBe(20000);
    expect(budget('1-02')).toBe('-');
    expect(budget('2-01')).toBe(5000); // "5,000 บาท" in the plan
    expect(budget('4-02')).toBe(2000);
    const host = handMadeHost({ tracking: [] });
    appendRecords(host.workbook, 'แผนปฏิบัติการ', 'plan', [
      { values: { ...PLAN_ROWS[0].values, code: '5-01' }, family: new Map([[2566, 0]]) },
      { values: { ...PLAN_ROWS[0].values, code: '5-02' }, family: new Map() },
      { values: { ...PLAN_ROWS[0].values, code: '5-03' }, family: new Map([[2566, '10,000 -']]) },
    ]);
    const more = planFor(host, 2566);
    const of = (code: string) => more.rows.find((r) => r.code === code)?.plannedBudget;
    expect([of('5-01'), of('5-02'), of('5-03')]).toEqual([0, null, null]);
    expect(more.unreadableBudget).toEqual(['5-03']);
  });

  test('an item whose responsible unit is still a form placeholder gets a blank unit, and is named', () => {
    const host = handMadeHost({ tracking: [] });
    appendRecords(host.workbook, 'แผนปฏิบัติการ', 'plan', [
      { values: { ...PLAN_ROWS[0].values, code: '5-01', responsible: 'ระบุหน่วยงานที่รับผิดชอบดำเนินการ' } },
    ]);
    const plan = planFor(host, 2566);
    expect(plan.rows.find((r) => r.code === '5-01')?.values.responsible).toBeNull();
    expect(plan.blankResponsible).toEqual(['5-01']);
  });

  test('blank and duplicated codes are reported at their cells, never silently skipped', () => {
    const host = handMadeHost({ tracking: [] });
    appendRecords(host.workbook, 'แผนปฏิบัติการ', 'plan', [
      { values: { ...PLAN_ROWS[0].values, code: null, name: 'ไม่มีรหัส' } },
      { values: { ...PLAN_ROWS[0].values, code: '1-01', name: 'รหัสซ้ำ' } },
    ]);
    const plan = planFor(host, 2566);
    expect(plan.skipped.map((s) => [s.code, s.cell, s.name])).toEqual([
      ['1-01', 'A2', 'โครงการอบรมคุณธรรม'],
      ['4-01', 'L8', 'มาตรการบริหารความเสี่ยง'],
      ['', 'A10', 'ไม่มีรหัส'],
      ['1-01', 'A11', 'รหัสซ้ำ'],
    ]);
    expect(plan.skipped[0].reason).toContain('ซ้ำกับแถว 11');
    expect(plan.skipped[2].reason).toContain('ยังไม่ได้กรอกรหัสรายการ');
    expect(plan.rows.map((r) => r.code)).not.toContain('1-01');
  });

  test("a row of the item whose year is unreadable may be this year's: no second row, and says so", () => {
    const host = handMadeHost({ tracking: [{ values: { code: '2-02', fiscalYear: 'ปีนี้' } }] });
    const plan = planFor(host, 2566);
    expect(plan.rows.map((r) => r.code)).not.toContain('2-02');
    expect(plan.skipped.find((s) => s.code === '2-02')?.reason).toContain('แถว 2');
  });

  test('start and deadline of a period crossing fiscal years, and of two windows', () => {
    const crossing = parsePeriod('1 ก.ค. 2566 - 31 ธ.ค. 2566') as OkPeriod;
    expect(periodStartInFiscalYear(crossing, 2566)).toBe('2023-07-01');
    expect(periodStartInFiscalYear(crossing, 2567)).toBe('2023-10-01');
    expect(periodStartInFiscalYear(crossing, 2568)).toBeNull();
    const host = handMadeHost({ tracking: [] });
    appendRecords(host.workbook, 'แผนปฏิบัติการ', 'plan', [
      { values: { ...PLAN_ROWS[0].values, code: '5-01', period: 'ต.ค. - ธ.ค. 2565 และ เม.ย. - มิ.ย. 2566' } },
      { values: { ...PLAN_ROWS[0].values, code: '5-02', period: '1 ก.ค. 2566 - 31 ธ.ค. 2566' } },
    ]);
    const rows = planFor(host, 2567).rows.map((r) => [r.code, r.start, r.deadline]);
    expect(rows).toContainEqual(['5-02', '2023-10-01', '2023-12-31']);
    expect(rows.map((r) => r[0])).not.toContain('5-01');
    const fy66 = planFor(host, 2566).rows.map((r) => [r.code, r.start, r.deadline]);
    expect(fy66).toContainEqual(['5-01', '2022-10-01', '2023-06-30']);
    expect(fy66).toContainEqual(['5-02', '2023-07-01', '2023-09-30']);
  });
});

describe('the fiscal year typed into the prompt', () => {
  test.each([
    ['2566', 2566],
    ['๒๕๖๖', 2566],
    [' ปีงบประมาณ พ.ศ. 2567 ', 2567],
    ['ปี 2570', 2570],
  ])('"%s" is %d', (answer, year) => {
    expect(parseFiscalYearAnswer(answer)).toEqual({ ok: true, year });
  });

  test.each([
    ['2023', 'ค.ศ.'],
    ['66', 'พ.ศ. 4 หลัก'],
    ['ปีหน้า', 'ไม่ใช่ปีงบประมาณ'],
    ['3000', 'ไม่น่าจะถูกต้อง'],
    ['', 'ไม่ใช่ปีงบประมาณ'],
  ])('"%s" is refused in Thai (%s)', (answer, words) => {
    const result = parseFiscalYearAnswer(answer);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toContain(words);
  });
});
