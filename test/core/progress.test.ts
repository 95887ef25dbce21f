import { appendRecords } from '../../src/commands/append';
import { readWorkbook } from '../../src/commands/context';
import {
  parseRoundAnswer,
  progressSheetName,
  summarizeProgress,
  UNKNOWN_CODE_GROUP,
  type ProgressSummary,
} from '../../src/core/progress';
import { roundWindow } from '../../src/core/thai/fiscal';
import { AS_OF, handMadeHost } from './progress-fixtures';

function summary(options: { fiscalYear?: number; round?: 6 | 12; asOf?: string } = {}): ProgressSummary {
  const { inputs } = readWorkbook(handMadeHost().workbook);
  return summarizeProgress(inputs, {
    fiscalYear: options.fiscalYear ?? 2566,
    round: options.round ?? 6,
    asOf: options.asOf ?? AS_OF,
  });
}

describe('round windows and names', () => {
  test('6 months = 1 Oct – 31 Mar; 12 months = the whole fiscal year', () => {
    expect(roundWindow(2566, 6)).toEqual({ start: '2022-10-01', end: '2023-03-31' });
    expect(roundWindow(2566, 12)).toEqual({ start: '2022-10-01', end: '2023-09-30' });
    expect(roundWindow(2568, 6)).toEqual({ start: '2024-10-01', end: '2025-03-31' });
    expect(summary({ round: 12 }).window).toEqual({ start: '2022-10-01', end: '2023-09-30' });
  });

  test('one sheet per round and year', () => {
    expect(progressSheetName(6, 2566)).toBe('สรุปความก้าวหน้า 6 เดือน 2566');
    expect(progressSheetName(12, 2567)).toBe('สรุปความก้าวหน้า 12 เดือน 2567');
  });

  test.each([
    ['6', 6],
    ['๑๒', 12],
    ['รอบ 6 เดือน', 6],
    ['12 เดือน', 12],
  ])('round answer "%s" is %d', (answer, round) => {
    expect(parseRoundAnswer(answer)).toEqual({ ok: true, round });
  });

  test('any other round is refused in Thai', () => {
    expect(parseRoundAnswer('9')).toMatchObject({ ok: false, error: expect.stringContaining('6') });
  });
});

describe('figures of FY 2566, round 6, as of 31 Mar 2566 (worked out by hand in progress-fixtures)', () => {
  const s = summary();

  test('overall: 10 items, 2 done = 20%, 3 overdue; status decides, unreported items are counted', () => {
    expect(s.counts).toEqual({
      total: 10,
      done: 2,
      inProgress: 3,
      notStarted: 1,
      cancelled: 1,
      notReported: 3,
      overdue: 3,
    });
    expect(s.percentDone).toBe(20);
  });

  test('by dimension, with planned budget (row figure over plan figure) and disbursed', () => {
    expect(
      s.byDimension.map((d) => [
        d.code,
        d.total,
        d.done,
        d.inProgress,
        d.notStarted,
        d.cancelled,
        d.notReported,
        d.overdue,
        d.hasBudget ? d.planned : null,
        d.hasBudget ? d.disbursed : null,
        d.percentDone,
      ]),
    ).toEqual([
      ['1', 2, 1, 1, 0, 0, 0, 1, 20000, 18000, 50],
      ['2', 2, 0, 0, 1, 0, 1, 0, 15000, 0, 0],
      ['3', 1, 0, 0, 0, 0, 1, 1, 3000, 0, 0],
      ['4', 1, 0, 0, 0, 1, 0, 0, 1000, 0, 0],
      ['-', 1, 0, 1, 0, 0, 0, 0, 0, 0, 0],
      ['-', 3, 1, 1, 0, 0, 1, 1, null, null, 33.33],
    ]);
    expect(s.byDimension.map((d) => d.name).slice(4)).toEqual([
      'รหัสรายการที่ไม่พบในแผน',
      'มาตรการส่งเสริมคุณธรรมและความโปร่งใส',
    ]);
  });

  test('by responsible unit: several units count under each, reference order first', () => {
    expect(
      s.byUnit.map((u) => [
        u.unit,
        u.total,
        u.done,
        u.inProgress,
        u.notStarted,
        u.cancelled,
        u.notReported,
        u.overdue,
      ]),
    ).toEqual([
      ['สำนักปลัด', 4, 1, 2, 0, 0, 1, 2],
      ['กองคลัง', 3, 1, 1, 0, 0, 1, 1],
      ['กองช่าง', 1, 0, 0, 1, 0, 0, 0],
      ['หน่วยตรวจสอบภายใน', 1, 0, 0, 0, 1, 0, 0],
      ['งานกิจการสภา', 1, 0, 0, 0, 0, 1, 1],
      ['ไม่ระบุหน่วยงาน', 1, 0, 1, 0, 0, 0, 0],
    ]);
  });

  test('the overdue list includes an unreported item past its deadline', () => {
    expect(s.overdue.map((o) => [o.item.code, o.daysLate])).toEqual([
      ['3-01', 121],
      ['M1', 90],
      ['1-02', 59],
    ]);
  });

  test('items in dimension order, measures last; unreported items shown as such, never dropped', () => {
    expect(s.items.map((i) => [i.code, i.status])).toEqual([
      ['1-01', 'done'],
      ['1-02', 'inProgress'],
      ['2-01', 'notStarted'],
      ['2-02', 'notReported'],
      ['3-01', 'notReported'],
      ['4-02', 'cancelled'],
      ['9-99', 'inProgress'],
      ['M1', 'notReported'],
      ['M2', 'done'],
      ['M4', 'inProgress'],
    ]);
    const m2 = s.items.find((i) => i.code === 'M2');
    expect(m2).toMatchObject({ percent: 40, method: 'ประกาศมาตรการ; จัดทำคู่มือ', result: 'ประกาศแล้ว' });
    expect(s.items.find((i) => i.code === '2-02')).toMatchObject({
      sheet: 'แผนปฏิบัติการ',
      statusText: 'ยังไม่รายงาน',
      planned: 10000,
    });
  });

  test('what cannot be read is listed apart with reasons: counted-but-unknown and not counted', () => {
    expect(s.unreadable.map((u) => u.item.code).sort()).toEqual(['9-99', 'M4']);
    expect(s.notCounted.map((u) => [u.item.code, u.item.name, u.cell])).toEqual([
      ['1-01', 'โครงการอบรมคุณธรรม', 'C7'],
      ['4-01', 'มาตรการบริหารความเสี่ยง', 'L8'],
    ]);
  });

  test('a second tracking row of the same item and year is not counted twice, and says so', () => {
    const host = handMadeHost();
    appendRecords(host.workbook, 'ติดตามผล', 'tracking', [
      { values: { code: '1-01', fiscalYear: 2566, status: 'ยังไม่ดำเนินการ' } },
    ]);
    const { inputs } = readWorkbook(host.workbook);
    const twice = summarizeProgress(inputs, { fiscalYear: 2566, round: 6, asOf: AS_OF });
    expect(twice.counts).toEqual(s.counts);
    expect(twice.notCounted.map((u) => [u.item.code, u.cell])).toContainEqual(['1-01', 'A8']);
    expect(twice.notCounted.find((u) => u.cell === 'A8')?.reason).toContain('มีแถวติดตามผลแล้วที่แถว 2');
  });

  test('joins by code: a duplicated plan code keeps its row on the first item; unknown codes count once', () => {
    const host = handMadeHost();
    appendRecords(host.workbook, 'แผนปฏิบัติการ', 'plan', [
      { values: { code: '1-01', dimension: '1', name: 'ซ้ำรหัส', period: 'ปีงบประมาณ 2566' } },
    ]);
    appendRecords(host.workbook, 'ติดตามผล', 'tracking', [
      { values: { code: 'X-1', fiscalYear: 2566, status: 'ยังไม่ดำเนินการ' } },
      { values: { code: 'X-1', fiscalYear: 2566, status: 'แล้วเสร็จ' } },
      { values: { name: 'ไม่มีรหัส', fiscalYear: 2566, status: 'แล้วเสร็จ' } },
    ]);
    const { inputs } = readWorkbook(host.workbook);
    const joined = summarizeProgress(inputs, { fiscalYear: 2566, round: 6, asOf: AS_OF });
    const ofCode = (code: string) => joined.items.filter((i) => i.code === code);
    // The first 1-01 keeps its tracking row; the second, active in 2566, has none (not reported).
    expect(ofCode('1-01').map((i) => [i.sheet, i.status])).toEqual([
      ['ติดตามผล', s.items.find((i) => i.code === '1-01')?.status],
      ['แผนปฏิบัติการ', 'notReported'],
    ]);
    // X-1 counts once, from its first row, under unknown codes; its second row is listed as a duplicate.
    expect(ofCode('X-1').map((i) => [i.group, i.status])).toEqual([[UNKNOWN_CODE_GROUP, 'notStarted']]);
    const second = joined.notCounted.filter((u) => u.item.code === 'X-1');
    expect(second).toHaveLength(1);
    expect(second[0].reason).toContain(
      `มีแถวติดตามผลแล้วที่แถว ${host.workbook.requireSheet('ติดตามผล').cells.length - 2}`,
    );
    // A row without a code is counted under unknown codes too, never matched to another row.
    expect(joined.items.filter((i) => i.name === 'ไม่มีรหัส').map((i) => i.group)).toEqual([UNKNOWN_CODE_GROUP]);
    expect(joined.counts.total).toBe(s.counts.total + 3);
  });

  test('an unreadable status counts as not reported, shown as typed; an unreadable amount is listed, not added', () => {
    const host = handMadeHost();
    const tracking = host.workbook.requireSheet('ติดตามผล');
    tracking.cells[3][7].value = 'เสร็จเรียบร้อย'; // H4: status of 2-01
    tracking.cells[1][9].value = '10,000 -'; // J2: disbursed of 1-01
    const { inputs } = readWorkbook(host.workbook);
    const odd = summarizeProgress(inputs, { fiscalYear: 2566, round: 6, asOf: AS_OF });
    expect(odd.items.find((i) => i.code === '2-01')).toMatchObject({
      status: 'notReported',
      statusText: 'ยังไม่รายงาน (สถานะ "เสร็จเรียบร้อย" อ่านไม่ได้)',
    });
    expect(odd.counts.notStarted).toBe(0);
    expect(odd.counts.notReported).toBe(4);
    expect(odd.byDimension[0].disbursed).toBe(0);
    expect(odd.unreadableAmounts).toEqual([
      { sheet: 'ติดตามผล', cell: 'J2', code: '1-01', what: 'เบิกจ่ายแล้ว' },
    ]);
  });

  test('a 12-month report as of the year end: everything not closed is late the day after', () => {
    const late = summary({ round: 12, asOf: '2023-10-01' });
    // 2-01's row deadline is 15 Apr 2566 (169 days), 2-02 ends 31 Mar 2566 (184 days).
    expect(late.overdue.map((o) => [o.item.code, o.daysLate])).toEqual([
      ['3-01', 305],
      ['M1', 274],
      ['1-02', 243],
      ['2-02', 184],
      ['2-01', 169],
    ]);
    expect(late.counts.overdue).toBe(5);
  });

  test('another fiscal year counts only its own items', () => {
    const fy67 = summary({ fiscalYear: 2567 });
    expect(fy67.items.map((i) => [i.code, i.status, i.planned])).toEqual([
      ['2-01', 'notReported', 5000],
      ['3-02', 'notReported', 9999],
    ]);
    expect(fy67.counts.total).toBe(2);
  });
});
