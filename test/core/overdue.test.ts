import { readWorkbook } from '../../src/commands/context';
import type { Inputs } from '../../src/core/inputs';
import {
  assessItems,
  dueSoonDaysOf,
  findOverdue,
  measureDeadline,
  measureItem,
  sheetsOf,
  timingOf,
  trackingItem,
  trackingDeadline,
  UNSPECIFIED_UNIT,
  unitGroups,
  type WorkItem,
} from '../../src/core/overdue';
import type { StatusKind } from '../../src/core/schema';
import { addDays } from '../../src/core/thai/dates';
import { AS_OF, handMadeHost } from './progress-fixtures';
import { appendRecords } from '../../src/commands/append';
import { syntheticWorkbook } from '../../bench/synthetic';
import { sampleFiles, setCell } from '../helpers/workbooks';

function inputsOf(host: ReturnType<typeof handMadeHost>): Inputs {
  return readWorkbook(host.workbook).inputs;
}

/** A work item with a known deadline, for the timing rules alone. */
function item(deadline: string, status: StatusKind | null = null, units = ['สำนักปลัด']): WorkItem {
  return {
    source: 'tracking',
    sheet: 'ติดตามผล',
    row: 2,
    cell: { row: 2, col: 1 },
    code: 'x',
    name: 'x',
    fiscalYear: 2566,
    status,
    statusText: '',
    responsible: units.join(' '),
    units,
    deadline: { ok: true, date: deadline, source: 'deadline' },
  };
}

describe('when an item is late', () => {
  test('the deadline day itself is not overdue; the day after is 1 day late', () => {
    expect(timingOf('2023-05-10', null, '2023-05-10', 30)).toEqual({ kind: 'dueSoon', daysLeft: 0 });
    expect(timingOf('2023-05-10', null, '2023-05-11', 30)).toEqual({ kind: 'overdue', daysLate: 1 });
  });

  test('fiscal-year boundary: due 30 Sep 2566, late from 1 Oct 2566 (the next fiscal year)', () => {
    expect(timingOf('2023-09-30', 'inProgress', '2023-09-30', 30).kind).toBe('dueSoon');
    expect(timingOf('2023-09-30', 'inProgress', '2023-10-01', 30)).toEqual({ kind: 'overdue', daysLate: 1 });
  });

  test('calendar-year boundary: due 31 Dec 2565, late from 1 Jan 2566', () => {
    expect(timingOf('2022-12-31', 'notStarted', '2022-12-31', 30).kind).toBe('dueSoon');
    expect(timingOf('2022-12-31', 'notStarted', '2023-01-01', 30)).toEqual({ kind: 'overdue', daysLate: 1 });
    expect(timingOf('2022-12-31', 'notStarted', '2023-03-01', 30)).toEqual({ kind: 'overdue', daysLate: 60 });
  });

  test('due-soon window edges: exactly the due-soon days before is due soon, one more day is not', () => {
    expect(timingOf('2023-09-30', null, addDays('2023-09-30', -30), 30)).toEqual({
      kind: 'dueSoon',
      daysLeft: 30,
    });
    expect(timingOf('2023-09-30', null, addDays('2023-09-30', -31), 30)).toEqual({
      kind: 'onTime',
      daysLeft: 31,
    });
    expect(timingOf('2023-09-30', null, '2023-09-29', 0)).toEqual({ kind: 'onTime', daysLeft: 1 });
    expect(timingOf('2023-09-30', null, '2023-09-30', 0)).toEqual({ kind: 'dueSoon', daysLeft: 0 });
  });

  test('done and cancelled are never overdue or due soon, however late', () => {
    for (const status of ['done', 'cancelled'] as const) {
      expect(timingOf('2020-01-01', status, '2023-10-01', 30)).toEqual({ kind: 'closed' });
      expect(timingOf('2023-10-01', status, '2023-10-01', 30)).toEqual({ kind: 'closed' });
    }
  });

  test('a blank status counts as not done', () => {
    expect(timingOf('2023-01-01', null, '2023-01-05', 30)).toEqual({ kind: 'overdue', daysLate: 4 });
  });

  test('the lists are sorted: most days late first, nearest deadline first', () => {
    const a = assessItems(
      [item('2023-03-01'), item('2023-01-01'), item('2023-04-20'), item('2023-04-02'), item('2023-02-01')],
      '2023-04-01',
      30,
    );
    expect(a.overdue.map((o) => o.daysLate)).toEqual([90, 59, 31]);
    expect(a.dueSoon.map((d) => d.daysLeft)).toEqual([1, 19]);
  });

  test('an item naming several units counts under each; a placeholder counts as no unit', () => {
    const a = assessItems(
      [item('2023-01-01', null, ['สำนักปลัด', 'กองคลัง']), item('2023-01-01', null, ['กองคลัง'])],
      '2023-04-01',
      30,
    );
    expect(a.byUnit).toEqual([
      { unit: 'กองคลัง', overdue: 2, dueSoon: 0 },
      { unit: 'สำนักปลัด', overdue: 1, dueSoon: 0 },
    ]);
    expect(unitGroups(null, 'ระบุหน่วยงานที่รับผิดชอบ')).toEqual([UNSPECIFIED_UNIT]);
    expect(unitGroups(null, '')).toEqual([UNSPECIFIED_UNIT]);
    expect(unitGroups({ units: [], text: 'งานกิจการสภา' }, 'งานกิจการสภา')).toEqual(['งานกิจการสภา']);
  });
});

describe('deadlines', () => {
  const host = handMadeHost();
  const inputs = inputsOf(host);
  const plan = (code: string) => inputs.plan.find((p) => p.code === code);
  const measure = (no: string) => inputs.measures.find((m) => m.no === no);

  test('a month means its last day; a range of months ends on the last day of its last month', () => {
    const row = inputs.tracking.find((t) => t.code === '1-02');
    expect(trackingDeadline(row!, plan('1-02'), 'แผนปฏิบัติการ')).toEqual({
      ok: true,
      date: '2023-01-31',
      source: 'plan',
    });
    expect(trackingDeadline(inputs.tracking[0], plan('1-01'), 'แผนปฏิบัติการ')).toMatchObject({
      date: '2022-12-31',
    });
  });

  test('a deadline typed in the tracking row wins over the plan', () => {
    const row = inputs.tracking.find((t) => t.code === '2-01');
    expect(trackingDeadline(row!, plan('2-01'), 'แผนปฏิบัติการ')).toEqual({
      ok: true,
      date: '2023-04-15',
      source: 'deadline',
    });
  });

  test('"every fiscal year 2566–2570" tracked in one year ends on that year\'s 30 September', () => {
    const multi = plan('2-01')!;
    for (const fy of [2566, 2568, 2570]) {
      const row = { ...inputs.tracking[2], fiscalYear: fy, deadline: null, unreadable: new Set<string>() };
      expect(trackingDeadline(row, multi, 'แผนปฏิบัติการ')).toMatchObject({ date: `${fy - 543}-09-30` });
    }
    const m2 = measure('M2')!;
    expect(measureDeadline({ ...m2, period: multi.period, fiscalYear: 2567 })).toMatchObject({
      date: '2024-09-30',
    });
  });

  test("a measure period without a year takes the measure's fiscal year", () => {
    expect(measureDeadline(measure('M1')!)).toEqual({ ok: true, date: '2022-12-31', source: 'period' });
  });

  test('a measure whose period does not reach its year ends with its period', () => {
    const m2 = measure('M2')!;
    expect(measureDeadline({ ...m2, fiscalYear: 2570 })).toMatchObject({ ok: true, date: '2023-09-30' });
  });

  test('missing or unreadable periods and deadlines give a Thai reason at the cell to fix', () => {
    const m4 = measureDeadline(measure('M4')!);
    expect(m4).toMatchObject({ ok: false, reason: expect.stringContaining('ยังไม่ได้กรอกระยะเวลา') });
    const orphan = inputs.tracking.find((t) => t.code === '9-99')!;
    expect(trackingDeadline(orphan, undefined, 'แผนปฏิบัติการ')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('ไม่พบรหัสรายการ "9-99"'),
    });
    const yearless = inputs.tracking.find((t) => t.code === '1-01' && t.fiscalYear === null)!;
    expect(trackingDeadline(yearless, plan('1-01'), 'แผนปฏิบัติการ')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('ปีงบประมาณ'),
    });
    const ambiguous = { ...inputs.tracking[0], code: '4-01', deadline: null };
    const reading = trackingDeadline(ambiguous, plan('4-01'), 'แผนปฏิบัติการ');
    expect(reading).toMatchObject({
      ok: false,
      reason: expect.stringContaining('ไม่ชัดเจนว่าเป็นปีปฏิทินหรือปีงบประมาณ'),
    });
  });

  test('an unreadable deadline cell is reported, not replaced by the plan', () => {
    const host2 = handMadeHost({
      tracking: [{ values: { code: '2-01', fiscalYear: 2566, deadline: '31/02/2566' } }],
    });
    // Were the plan's 30 Sep 2566 used instead, the row would be late on 15 Oct 2566.
    const a = findOverdue(inputsOf(host2), '2023-10-15');
    expect(a.overdue.filter((o) => o.item.source === 'tracking')).toEqual([]);
    expect(a.unreadable.map((u) => [u.item.code, u.cell])).toEqual([
      ['2-01', 'G2'],
      ['M4', expect.stringMatching(/^F\d+$/)],
    ]);
    expect(a.unreadable[0].reason).toContain('อ่านวันที่ในช่อง "กำหนดแล้วเสร็จ" ไม่ได้');
  });
});

describe('the whole check on the hand-made workbook, as of 31 Mar 2566', () => {
  const a = findOverdue(inputsOf(handMadeHost()), AS_OF);

  test('overdue, most days late first, with hand-computed days', () => {
    expect(a.overdue.map((o) => [o.item.source, o.item.code, o.deadline, o.daysLate])).toEqual([
      ['measure', 'M3', '2022-09-30', 182],
      ['measure', 'M1', '2022-12-31', 90],
      ['tracking', '1-02', '2023-01-31', 59],
    ]);
  });

  test('due soon, done and cancelled left out, unreadable listed apart', () => {
    expect(a.dueSoon.map((d) => [d.item.code, d.daysLeft])).toEqual([['2-01', 15]]);
    expect(a.closed).toBe(3);
    expect(a.checked).toBe(10);
    expect(a.unreadable.map((u) => u.item.code).sort()).toEqual(['1-01', '9-99', 'M4']);
  });

  test('counts per unit: several units count under each', () => {
    expect(a.byUnit).toEqual([
      { unit: 'สำนักปลัด', overdue: 2, dueSoon: 0 },
      { unit: 'กองช่าง', overdue: 1, dueSoon: 1 },
      { unit: 'กองคลัง', overdue: 1, dueSoon: 0 },
    ]);
  });

  test('status disagreeing with percent is no crash: a done measure at 40% is done', () => {
    const inputs = inputsOf(handMadeHost());
    expect(inputs.measures.find((m) => m.no === 'M2')).toMatchObject({ status: 'done', percent: 40 });
    expect(a.overdue.concat(a.dueSoon as never[]).map((o) => o.item.code)).not.toContain('M2');
  });

  test('the due-soon days come from the settings', () => {
    const host = handMadeHost();
    const settings = host.workbook.requireSheet('ตั้งค่า');
    const row = settings.cells.find((r) => r[0]?.value === 'แจ้งเตือนก่อนครบกำหนด (วัน)')!;
    row[1].value = 10;
    const ten = findOverdue(inputsOf(host), AS_OF);
    expect(ten.dueSoonDays).toBe(10);
    expect(ten.dueSoon).toEqual([]);
    row[1].value = null;
    expect(findOverdue(inputsOf(host), AS_OF).dueSoonDays).toBe(30);
  });

  test("rows of an earlier fiscal year count; a year outside the item's period is listed, not skipped", () => {
    const host = handMadeHost();
    appendRecords(host.workbook, 'ติดตามผล', 'tracking', [
      { values: { code: '3-02', fiscalYear: 2565, deadline: { kind: 'date', iso: '2022-09-30' } } },
      { values: { code: '2-01', fiscalYear: 2565 } },
    ]);
    const check = findOverdue(inputsOf(host), AS_OF);
    expect(check.overdue.filter((o) => o.item.code === '3-02').map((o) => o.daysLate)).toEqual([182]);
    // 2-01 runs 2566–2570: in 2565 its plan period gives no deadline.
    expect(check.unreadable.find((u) => u.item.code === '2-01')?.reason).toContain('ไม่อยู่ในปีงบประมาณ 2565');
  });
});

describe('only reported rows get a work item: the same analysis as assessing every row', () => {
  /** The plain way: a work item for every tracking row and measure, all assessed. */
  function assessEveryRow(inputs: Inputs, asOf: string) {
    const sheets = sheetsOf(inputs);
    const byCode = new Map<string, Inputs['plan'][number]>();
    for (const item of inputs.plan) if (item.code && !byCode.has(item.code)) byCode.set(item.code, item);
    const items = [
      ...inputs.tracking.map((row) => trackingItem(row, row.code ? byCode.get(row.code) : undefined, sheets)),
      ...inputs.measures.map((m) => measureItem(m, sheets.measures)),
    ];
    return assessItems(items, asOf, dueSoonDaysOf(inputs));
  }

  /** 300 kept items, with a row whose deadline is unreadable and one without a deadline or a plan item. */
  function keptInputs(): Inputs {
    const workbook = syntheticWorkbook(sampleFiles(), 300);
    setCell(workbook, 'tracking', 5, 'deadline', 'สิ้นปี');
    setCell(workbook, 'tracking', 6, 'deadline', null);
    setCell(workbook, 'tracking', 6, 'code', '9-999999');
    return readWorkbook(workbook).inputs;
  }

  test.each([
    ['the hand-made workbook', () => inputsOf(handMadeHost())],
    ['a kept 300-item workbook', keptInputs],
  ])('%s, on dates across two years', (_, make) => {
    const inputs = make();
    let reported = 0;
    for (const asOf of ['2022-12-01', AS_OF, '2023-09-20', '2024-06-30']) {
      const expected = assessEveryRow(inputs, asOf);
      reported += expected.overdue.length + expected.dueSoon.length + expected.unreadable.length;
      expect(findOverdue(inputs, asOf)).toEqual(expected);
    }
    expect(reported).toBeGreaterThan(0);
  });
});
