import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  parsePeriod,
  periodDeadlineInFiscalYear,
  periodOverlapsFiscalYear,
  type PeriodFailure,
  type PeriodReading,
} from '../../../src/core/thai/period';

type Ok = Extract<PeriodReading, { ok: true }>;

function readOk(text: string, fiscalYear?: number): Ok {
  const reading = parsePeriod(text, fiscalYear === undefined ? undefined : { fiscalYear });
  if (!reading.ok) throw new Error(`expected "${text}" to read, got ${reading.reason}: ${reading.error}`);
  return reading;
}

const FY_2566_2570 = [2566, 2567, 2568, 2569, 2570];

// [text, start, end, fiscal years]
const READABLE: [string, string, string, number[]][] = [
  // single days and numeric dates
  ['15 ม.ค. 2566', '2023-01-15', '2023-01-15', [2566]],
  ['15 มกราคม 2566', '2023-01-15', '2023-01-15', [2566]],
  ['วันที่ 15 ม.ค. 66', '2023-01-15', '2023-01-15', [2566]],
  ['1/10/2565', '2022-10-01', '2022-10-01', [2566]],
  ['30/9/2565', '2022-09-30', '2022-09-30', [2565]],
  ['01/10/65', '2022-10-01', '2022-10-01', [2566]],
  ['1-10-2565', '2022-10-01', '2022-10-01', [2566]],
  ['2022-10-01', '2022-10-01', '2022-10-01', [2566]],
  ['1/10/2565 - 30/9/2566', '2022-10-01', '2023-09-30', [2566]],
  ['1/10/2565-30/9/2566', '2022-10-01', '2023-09-30', [2566]],
  // day ranges
  ['1-15 ม.ค. 2566', '2023-01-01', '2023-01-15', [2566]],
  ['1 - 15 ม.ค. 2566', '2023-01-01', '2023-01-15', [2566]],
  ['1 ต.ค. - 31 ธ.ค. 2565', '2022-10-01', '2022-12-31', [2566]],
  ['1 ต.ค. - 31 มี.ค. 2566', '2022-10-01', '2023-03-31', [2566]],
  ['๑ ต.ค. ๒๕๖๕ - ๓๐ ก.ย. ๒๕๖๖', '2022-10-01', '2023-09-30', [2566]],
  ['1 ต.ค. 2565 – 30 ก.ย. 2566', '2022-10-01', '2023-09-30', [2566]],
  ['1 ต.ค. 2565 — 30 ก.ย. 2566', '2022-10-01', '2023-09-30', [2566]],
  ['1 ต.ค. 2565 ถึง 30 ก.ย. 2566', '2022-10-01', '2023-09-30', [2566]],
  ['ตั้งแต่วันที่ 1 ต.ค. 65 จนถึงวันที่ 30 ก.ย. 66', '2022-10-01', '2023-09-30', [2566]],
  ['1ต.ค.2565-30ก.ย.2566', '2022-10-01', '2023-09-30', [2566]],
  ['1   ต.ค.   2565   -   30   ก.ย.   2566', '2022-10-01', '2023-09-30', [2566]],
  ['1\u00A0ต.ค.\t2565\n- 30 ก.ย. 2566', '2022-10-01', '2023-09-30', [2566]],
  ['1 ตค 2565 - 30 กย 2566', '2022-10-01', '2023-09-30', [2566]],
  ['1 ตุลาคม 2565 - 30 กันยายน 2566', '2022-10-01', '2023-09-30', [2566]],
  ['1 ต.ค. 2565 - 30 ก.ย.', '2022-10-01', '2023-09-30', [2566]],
  // single months
  ['ธันวาคม 2565', '2022-12-01', '2022-12-31', [2566]],
  ['ในเดือนธันวาคม 2565', '2022-12-01', '2022-12-31', [2566]],
  ['เดือน ธ.ค. 65', '2022-12-01', '2022-12-31', [2566]],
  ['ภายในเดือน ธ.ค. 2565', '2022-12-01', '2022-12-31', [2566]],
  ['ก.พ. 2567', '2024-02-01', '2024-02-29', [2567]],
  ['ก. พ. 2566', '2023-02-01', '2023-02-28', [2566]],
  ['กพ 66', '2023-02-01', '2023-02-28', [2566]],
  ['กุมภา 66', '2023-02-01', '2023-02-28', [2566]],
  ['ตค.65', '2022-10-01', '2022-10-31', [2566]],
  ['ต.ค 65', '2022-10-01', '2022-10-31', [2566]],
  ['มิ.ย 66', '2023-06-01', '2023-06-30', [2566]],
  ['ก.ย. พ.ศ. 2566', '2023-09-01', '2023-09-30', [2566]],
  ['กันยายน 2023', '2023-09-01', '2023-09-30', [2566]],
  // month ranges
  ['ต.ค. 65 - มี.ค. 66', '2022-10-01', '2023-03-31', [2566]],
  ['ตุลาคม 2565 - มีนาคม 2566', '2022-10-01', '2023-03-31', [2566]],
  ['ต.ค.2565–ก.ย.2566', '2022-10-01', '2023-09-30', [2566]],
  ['ต.ค. - ธ.ค. 2565', '2022-10-01', '2022-12-31', [2566]],
  ['ต.ค. - มี.ค. 2566', '2022-10-01', '2023-03-31', [2566]],
  ['ตค - มีค 2566', '2022-10-01', '2023-03-31', [2566]],
  ['ม.ค. - ธ.ค. 2566', '2023-01-01', '2023-12-31', [2566, 2567]],
  ['ช่วง ก.ค. - ก.ย. 2566', '2023-07-01', '2023-09-30', [2566]],
  ['ต.ค. 2565 - ม.ค.', '2022-10-01', '2023-01-31', [2566]],
  ['ระหว่าง ต.ค. และ ธ.ค. 2565', '2022-10-01', '2022-12-31', [2566]],
  ['ระหว่างเดือนตุลาคม ถึง ธันวาคม 2565', '2022-10-01', '2022-12-31', [2566]],
  ['ก.ค. 2566 - ธ.ค. 2566', '2023-07-01', '2023-12-31', [2566, 2567]],
  // fiscal years
  ['ปีงบประมาณ 2566', '2022-10-01', '2023-09-30', [2566]],
  ['ปีงบประมาณ พ.ศ.2566', '2022-10-01', '2023-09-30', [2566]],
  ['ปีงบประมาณ พ.ศ. 2566', '2022-10-01', '2023-09-30', [2566]],
  ['ปีงบ 66', '2022-10-01', '2023-09-30', [2566]],
  ['ปีงบฯ 2566', '2022-10-01', '2023-09-30', [2566]],
  ['ปี งบประมาณ 2566', '2022-10-01', '2023-09-30', [2566]],
  ['ตลอดปีงบประมาณ 2566', '2022-10-01', '2023-09-30', [2566]],
  ['ประจำปีงบประมาณ ๒๕๖๖', '2022-10-01', '2023-09-30', [2566]],
  ['ปีงบประมาณ พ.ศ. 2566 - 2570', '2022-10-01', '2027-09-30', FY_2566_2570],
  ['ปีงบประมาณ พ.ศ. 2566 – 2570', '2022-10-01', '2027-09-30', FY_2566_2570],
  ['ปีงบประมาณ พ.ศ. 2566 -2570', '2022-10-01', '2027-09-30', FY_2566_2570],
  ['ปีงบประมาณ พ.ศ. 2566-2570', '2022-10-01', '2027-09-30', FY_2566_2570],
  ['ตั้งแต่ปีงบประมาณ พ.ศ. 2566 – 2570', '2022-10-01', '2027-09-30', FY_2566_2570],
  ['ประจำปีงบประมาณ พ.ศ. 2566 - 2570', '2022-10-01', '2027-09-30', FY_2566_2570],
  ['ปีงบประมาณ 66 - 70', '2022-10-01', '2027-09-30', FY_2566_2570],
  ['ปีงบประมาณ 2566 ถึง ปีงบประมาณ 2570', '2022-10-01', '2027-09-30', FY_2566_2570],
  ['ปีงบประมาณ 2023', '2022-10-01', '2023-09-30', [2566]],
  // quarters (fiscal)
  ['ไตรมาสที่ 1 ปีงบประมาณ 2566', '2022-10-01', '2022-12-31', [2566]],
  ['ไตรมาสที่ 2 ปีงบประมาณ 2566', '2023-01-01', '2023-03-31', [2566]],
  ['ไตรมาส 3 ปีงบ 66', '2023-04-01', '2023-06-30', [2566]],
  ['ไตรมาสที่ 4 ปีงบประมาณ พ.ศ. 2566', '2023-07-01', '2023-09-30', [2566]],
  ['ไตรมาส 2/2566', '2023-01-01', '2023-03-31', [2566]],
  ['ไตรมาสที่1/66', '2022-10-01', '2022-12-31', [2566]],
  ['ไตรมาส 1 - 2 ปีงบประมาณ 2566', '2022-10-01', '2023-03-31', [2566]],
  ['ไตรมาส 4/2566 - ไตรมาส 1/2567', '2023-07-01', '2023-12-31', [2566, 2567]],
];

describe('parsePeriod: readable texts', () => {
  test.each(READABLE)('%s', (text, start, end, fiscalYears) => {
    const reading = readOk(text);
    expect([reading.start, reading.end]).toEqual([start, end]);
    expect(reading.fiscalYears).toEqual(fiscalYears);
    expect(reading.remark).toBeNull();
    expect(reading.windows).toEqual([{ start, end }]);
  });
});

describe('parsePeriod: remarks', () => {
  test.each([
    ['ม.ค. - มี.ค. 2566 (ขึ้นอยู่กับงบประมาณ)', '2023-01-01', '2023-03-31', 'ขึ้นอยู่กับงบประมาณ'],
    ['ปีงบประมาณ 2566 ( ถ้าได้รับจัดสรร )', '2022-10-01', '2023-09-30', 'ถ้าได้รับจัดสรร'],
    ['ธ.ค. 2565 (ตามหนังสือ ก.พ. (ฉบับที่ 2))', '2022-12-01', '2022-12-31', 'ตามหนังสือ ก.พ. (ฉบับที่ 2)'],
    ['1 ต.ค. ๒๕๖๕（ครั้งที่ ๑）', '2022-10-01', '2022-10-01', 'ครั้งที่ ๑'],
  ])('%s', (text, start, end, remark) => {
    const reading = readOk(text);
    expect([reading.start, reading.end, reading.remark]).toEqual([start, end, remark]);
  });

  test('remarks after several windows are all kept', () => {
    const reading = readOk('ต.ค. - ธ.ค. 2565 (รอบแรก) และ เม.ย. - มิ.ย. 2566 (รอบสอง)');
    expect(reading.remark).toBe('รอบแรก; รอบสอง');
    expect(reading.windows).toHaveLength(2);
  });
});

describe('parsePeriod: several windows', () => {
  test.each([
    [
      'ต.ค. - ธ.ค. 2565 และ เม.ย. - มิ.ย. 2566',
      [
        ['2022-10-01', '2022-12-31'],
        ['2023-04-01', '2023-06-30'],
      ],
      [2566],
    ],
    [
      'ต.ค. - ธ.ค. 2565, เม.ย. - มิ.ย. 2566',
      [
        ['2022-10-01', '2022-12-31'],
        ['2023-04-01', '2023-06-30'],
      ],
      [2566],
    ],
    [
      'ต.ค., พ.ย. และ ธ.ค. 2565',
      [
        ['2022-10-01', '2022-10-31'],
        ['2022-11-01', '2022-11-30'],
        ['2022-12-01', '2022-12-31'],
      ],
      [2566],
    ],
    [
      'ธ.ค.และม.ค.2566',
      [
        ['2022-12-01', '2022-12-31'],
        ['2023-01-01', '2023-01-31'],
      ],
      [2566],
    ],
    [
      'ต.ค. 2565 และ ม.ค.',
      [
        ['2022-10-01', '2022-10-31'],
        ['2023-01-01', '2023-01-31'],
      ],
      [2566],
    ],
    [
      'ปีงบประมาณ 2566 และ 2568',
      [
        ['2022-10-01', '2023-09-30'],
        ['2024-10-01', '2025-09-30'],
      ],
      [2566, 2568],
    ],
    [
      'ไตรมาส 1 และ ไตรมาส 3 ปีงบประมาณ 2566',
      [
        ['2022-10-01', '2022-12-31'],
        ['2023-04-01', '2023-06-30'],
      ],
      [2566],
    ],
    [
      'ก.ค. - ก.ย. 2566 และ ต.ค. - ธ.ค. 2566',
      [
        ['2023-07-01', '2023-09-30'],
        ['2023-10-01', '2023-12-31'],
      ],
      [2566, 2567],
    ],
  ])('%s', (text, windows, fiscalYears) => {
    const reading = readOk(text);
    expect(reading.windows).toEqual(windows.map(([start, end]) => ({ start, end })));
    expect(reading.start).toBe(windows[0][0]);
    expect(reading.end).toBe(windows[windows.length - 1][1]);
    expect(reading.fiscalYears).toEqual(fiscalYears);
  });

  test('start and end are the earliest and latest of windows written out of order', () => {
    const reading = readOk('เม.ย. 2566 และ ต.ค. 2565');
    expect([reading.start, reading.end]).toEqual(['2022-10-01', '2023-04-30']);
  });
});

describe('parsePeriod: texts without a year, in a fiscal year context', () => {
  test.each([
    ['ต.ค. - ธ.ค.', 2566, '2022-10-01', '2022-12-31'],
    ['ม.ค. - มี.ค.', 2566, '2023-01-01', '2023-03-31'],
    ['ต.ค. - มี.ค.', 2566, '2022-10-01', '2023-03-31'],
    ['1 - 15 ธ.ค.', 2567, '2023-12-01', '2023-12-15'],
    ['ตลอดปีงบประมาณ', 2566, '2022-10-01', '2023-09-30'],
    ['ทุกเดือน', 2567, '2023-10-01', '2024-09-30'],
    ['ตลอดปี', 2566, '2022-10-01', '2023-09-30'],
    ['ไตรมาสที่ 3', 2566, '2023-04-01', '2023-06-30'],
    // A written year wins over the context.
    ['ต.ค. - ธ.ค. 2570', 2566, '2027-10-01', '2027-12-31'],
    ['ปีงบประมาณ 2568', 2566, '2024-10-01', '2025-09-30'],
  ])('%s in FY %d', (text, fy, start, end) => {
    const reading = readOk(text, fy);
    expect([reading.start, reading.end]).toEqual([start, end]);
  });

  test('a month order that does not fit the fiscal year is reported, not moved to another year', () => {
    const reading = parsePeriod('มี.ค. - ต.ค.', { fiscalYear: 2566 });
    expect(reading.ok).toBe(false);
    expect(!reading.ok && reading.reason).toBe('reversed');
  });

  test('a fiscal year option outside B.E. years is ignored', () => {
    const reading = parsePeriod('ต.ค. - ธ.ค.', { fiscalYear: 2022 });
    expect(!reading.ok && reading.reason).toBe('noYear');
  });
});

// [text, reason]
const FAILING: [string, PeriodFailure][] = [
  ['', 'empty'],
  ['   \u00A0\n', 'empty'],
  ['ต.ค. - ธ.ค.', 'noYear'],
  ['ตลอดปีงบประมาณ', 'noYear'],
  ['ทุกเดือน', 'noYear'],
  ['ก.พ.', 'noYear'],
  ['ไตรมาสที่ 2', 'noYear'],
  ['ปี 2566', 'ambiguous'],
  ['ปี พ.ศ. 2566', 'ambiguous'],
  ['ในปี 2566', 'ambiguous'],
  ['พ.ศ. 2566', 'ambiguous'],
  ['2566', 'ambiguous'],
  ['ปี 2566 - 2570', 'ambiguous'],
  ['ไตรมาส 1 ปี 2566', 'ambiguous'],
  ['สำนักงาน ก.พ.', 'unreadable'],
  ['ตามหลักเกณฑ์ ก.พ.', 'unreadable'],
  ['ก.พ.ร.', 'unreadable'],
  ['สำนักงาน ก.พ.ร.', 'unreadable'],
  ['ก.พ.ร. 2566', 'unreadable'],
  ['ตามหลักเกณฑ์ ก.พ. 2566', 'unreadable'],
  ['(ขึ้นอยู่กับงบประมาณ)', 'unreadable'],
  ['(หมายเหตุ) ต.ค. 2565', 'unreadable'],
  ['ต.ค. 2565 (ยังไม่ปิดวงเล็บ', 'unreadable'],
  ['asdf', 'unreadable'],
  ['ดำเนินการต่อเนื่อง', 'unreadable'],
  ['ตั้งแต่', 'unreadable'],
  ['15', 'unreadable'],
  ['66', 'unreadable'],
  ['ต.ค. -', 'unreadable'],
  ['ไตรมาส 5/2566', 'unreadable'],
  ['ปีงบประมาณ 2566 - 5', 'unreadable'],
  ['ปีงบประมาณ พ.ศ. 2023', 'unreadable'],
  ['1/10/256', 'unreadable'],
  ['ต.ค. 2565 - ปีงบประมาณ 2566', 'unreadable'],
  ['31 ก.ย. 2566', 'invalidDate'],
  ['29 ก.พ. 2566', 'invalidDate'],
  ['1 - 31 ก.ย. 2566', 'invalidDate'],
  ['31/4/2566', 'invalidDate'],
  ['1/13/2566', 'invalidDate'],
  ['0 ม.ค. 2566', 'invalidDate'],
  ['30 ก.ย. 2566 - 1 ต.ค. 2565', 'reversed'],
  ['15-10 ม.ค. 2566', 'reversed'],
  ['15 ต.ค. - 10 ต.ค. 2566', 'reversed'],
  ['ปีงบประมาณ 2570 - 2566', 'reversed'],
  ['มี.ค. 2566 - ต.ค. 2565', 'reversed'],
  ['ไตรมาส 3 - 1 ปีงบประมาณ 2566', 'reversed'],
];

describe('parsePeriod: failures', () => {
  test.each(FAILING)('%s → %s', (text, reason) => {
    const reading = parsePeriod(text);
    expect(reading).toMatchObject({ ok: false, reason });
  });

  test.each(FAILING)('%s has a Thai error with an example', (text) => {
    const reading = parsePeriod(text);
    if (reading.ok) throw new Error('expected a failure');
    expect(reading.error).toMatch(/[\u0E01-\u0E5B]/);
    expect(reading.error).toMatch(/เช่น|เขียน/);
  });

  test('the ambiguous-year error offers both readings', () => {
    const reading = parsePeriod('ปี 2566');
    expect(!reading.ok && reading.error).toContain('ปีงบประมาณ 2566');
    expect(!reading.ok && reading.error).toContain('ม.ค. – ธ.ค. 2566');
  });

  test('an impossible day names the day and the length of the month', () => {
    const reading = parsePeriod('31 ก.ย. 2566');
    expect(!reading.ok && reading.error).toContain('31 ก.ย. 2566');
    expect(!reading.ok && reading.error).toContain('30 วัน');
  });

  test('an unknown word is quoted in the error', () => {
    const reading = parsePeriod('สำนักงาน ก.พ.');
    expect(!reading.ok && reading.error).toContain('"สำนักงาน"');
  });
});

describe('parsePeriod: readAs', () => {
  test.each([
    ['๑ ต.ค. ๒๕๖๕ - ๓๐ ก.ย. ๒๕๖๖', '1 ต.ค. 2565 – 30 ก.ย. 2566'],
    ['15 ม.ค. 2566', '15 ม.ค. 2566'],
    ['ธันวาคม 2565', 'ธ.ค. 2565'],
    ['ต.ค. - มี.ค. 2566', 'ต.ค. 2565 – มี.ค. 2566'],
    ['ปีงบประมาณ พ.ศ. 2566 - 2570', 'ปีงบประมาณ 2566–2570 (1 ต.ค. 2565 – 30 ก.ย. 2570)'],
    ['ไตรมาส 2/2566', 'ไตรมาสที่ 2 ปีงบประมาณ 2566 (1 ม.ค. 2566 – 31 มี.ค. 2566)'],
    ['ต.ค. - ธ.ค. 2565 และ เม.ย. 2566', 'ต.ค. 2565 – ธ.ค. 2565 และ เม.ย. 2566'],
  ])('%s reads as %s', (text, readAs) => {
    expect(readOk(text).readAs).toBe(readAs);
  });
});

describe('periodDeadlineInFiscalYear / periodOverlapsFiscalYear', () => {
  test.each([
    ['ปีงบประมาณ 2566 - 2570', 2567, '2024-09-30'],
    ['ปีงบประมาณ 2566 - 2570', 2571, null],
    ['ต.ค. - ธ.ค. 2565 และ เม.ย. - มิ.ย. 2566', 2566, '2023-06-30'],
    ['ต.ค. - ธ.ค. 2565 และ เม.ย. - มิ.ย. 2566', 2565, null],
    ['1 ก.ค. 2566 - 31 ธ.ค. 2566', 2566, '2023-09-30'],
    ['1 ก.ค. 2566 - 31 ธ.ค. 2566', 2567, '2023-12-31'],
    ['30 ก.ย. 2566', 2566, '2023-09-30'],
    ['30 ก.ย. 2566', 2567, null],
    ['1 ต.ค. 2566', 2567, '2023-10-01'],
  ])('%s in FY %d → %s', (text, fy, deadline) => {
    const reading = parsePeriod(text);
    expect(periodDeadlineInFiscalYear(reading, fy)).toBe(deadline);
    expect(periodOverlapsFiscalYear(reading, fy)).toBe(deadline !== null);
  });

  test('a failed reading has no deadline', () => {
    const reading = parsePeriod('ปี 2566');
    expect(periodDeadlineInFiscalYear(reading, 2566)).toBeNull();
    expect(periodOverlapsFiscalYear(reading, 2566)).toBe(false);
  });
});

/** Minimal RFC 4180 reader for the sample files (quoted fields may hold commas and newlines). */
function readCsv(file: string): Record<string, string>[] {
  const text = fs.readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
  const rows: string[][] = [[]];
  let field = '';
  let quoted = false;
  const endField = (): void => {
    rows[rows.length - 1].push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === '"' && text[i + 1] === '"') field += text[++i];
    else if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ',') endField();
    else if (!quoted && ch === '\n') {
      endField();
      rows.push([]);
    } else field += ch;
  }
  if (field) endField();
  const [header, ...body] = rows.filter((r) => r.length > 1);
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

describe('period texts of the sample documents', () => {
  const samples = path.join(__dirname, '../../../sheets-templates/samples');

  test('all 27 plan items read as fiscal years 2566–2570', () => {
    const rows = readCsv(path.join(samples, 'plan_2566-2570.csv'));
    expect(rows).toHaveLength(27);
    for (const row of rows) {
      const reading = readOk(row.period);
      expect([reading.start, reading.end, reading.fiscalYears]).toEqual([
        '2022-10-01',
        '2027-09-30',
        FY_2566_2570,
      ]);
    }
  });

  test('all 6 measures read as fiscal year 2566', () => {
    const rows = readCsv(path.join(samples, 'measures_2566.csv'));
    expect(rows).toHaveLength(6);
    for (const row of rows) {
      const reading = readOk(row.period);
      expect([reading.start, reading.end, reading.fiscalYears]).toEqual(['2022-10-01', '2023-09-30', [2566]]);
    }
  });
});
