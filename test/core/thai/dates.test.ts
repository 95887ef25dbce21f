import { toThaiDigits } from '../../../src/core/thai/digits';
import {
  addDays,
  beToCe,
  cellToIsoDate,
  ceToBe,
  compareIso,
  daysBetween,
  daysInMonth,
  formatThaiDate,
  isoDate,
  isValidYmd,
  parseIso,
  readMonth,
  readThaiDate,
  readYear,
  THAI_MONTHS,
  todayIn,
} from '../../../src/core/thai/dates';

/** Spreadsheet serial of a C.E. date, computed with Date.UTC as an independent oracle. */
const serialOf = (y: number, m: number, d: number): number =>
  (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000;

describe('ISO dates', () => {
  test('isoDate pads and validates', () => {
    expect(isoDate(2022, 10, 1)).toBe('2022-10-01');
    expect(isoDate(2024, 2, 29)).toBe('2024-02-29');
    for (const [y, m, d] of [
      [2023, 2, 29],
      [2022, 13, 1],
      [2022, 0, 1],
      [2022, 1, 0],
      [2022, 4, 31],
      [2022, 1, 1.5],
    ]) {
      expect(() => isoDate(y, m, d)).toThrow(RangeError);
    }
  });

  test.each([
    [2024, 2, 29, true],
    [2023, 2, 29, false],
    [1900, 2, 29, false],
    [2000, 2, 29, true],
    [2023, 9, 31, false],
    [2023, 12, 31, true],
    [NaN, 1, 1, false],
  ])('isValidYmd(%d, %d, %d) = %s', (y, m, d, valid) => {
    expect(isValidYmd(y, m, d)).toBe(valid);
  });

  test('daysInMonth', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2023, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(() => daysInMonth(2024, 13)).toThrow(RangeError);
  });

  test('parseIso accepts only real YYYY-MM-DD dates', () => {
    expect(parseIso('2022-10-01')).toEqual({ y: 2022, m: 10, d: 1 });
    expect(parseIso('2024-02-29')).toEqual({ y: 2024, m: 2, d: 29 });
    expect(parseIso('0001-01-01')).toEqual({ y: 1, m: 1, d: 1 });
    const others = [
      '2022/10/01',
      '2022-10-0a',
      '2022-10-0:',
      '2022-0:-01',
      ' 022-10-01',
      '๒๕๖๕-10-01',
      '2022-10-๐1',
      '2022-13-01',
      '2023-02-29',
    ];
    for (const bad of ['2022-1-01', '2022-02-30', '01/10/2022', '2022-10-01T00:00', '', ...others]) {
      expect(() => parseIso(bad)).toThrow(RangeError);
    }
  });

  test.each([
    ['2022-12-31', 1, '2023-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-03-01', -1, '2023-02-28'],
    ['2022-10-01', 364, '2023-09-30'],
    ['2000-01-01', 0, '2000-01-01'],
  ])('addDays(%s, %d) = %s', (iso, n, expected) => {
    expect(addDays(iso, n)).toBe(expected);
  });

  test('daysBetween and compareIso', () => {
    expect(daysBetween('2022-10-01', '2023-09-30')).toBe(364);
    expect(daysBetween('2023-10-01', '2024-09-30')).toBe(365);
    expect(daysBetween('2023-09-30', '2022-10-01')).toBe(-364);
    expect([
      compareIso('2022-10-01', '2022-10-02'),
      compareIso('2022-10-02', '2022-10-01'),
      compareIso('2022-10-01', '2022-10-01'),
    ]).toEqual([-1, 1, 0]);
  });

  test('Buddhist Era', () => {
    expect([beToCe(2566), ceToBe(2022)]).toEqual([2023, 2565]);
  });
});

describe('readYear', () => {
  test.each([
    ['2565', 2565, 'be4'],
    ['๒๕๖๕', 2565, 'be4'],
    [' 2566 ', 2566, 'be4'],
    ['65', 2565, 'be2'],
    ['๖๕', 2565, 'be2'],
    ['00', 2500, 'be2'],
    ['2022', 2565, 'ce4'],
    ['1900', 2443, 'ce4'],
    ['2200', 2743, 'ce4'],
    ['2400', 2400, 'be4'],
    ['2800', 2800, 'be4'],
  ])('%j → %d (%s)', (token, be, written) => {
    expect(readYear(token)).toEqual({ be, written });
  });

  test.each(['1899', '2201', '2399', '2801', '5', '256', '25650', 'abc', '', '25.6', '-65'])(
    '%j is not a year',
    (token) => {
      expect(readYear(token)).toBeNull();
    },
  );
});

describe('months', () => {
  const FULL = [
    'มกราคม',
    'กุมภาพันธ์',
    'มีนาคม',
    'เมษายน',
    'พฤษภาคม',
    'มิถุนายน',
    'กรกฎาคม',
    'สิงหาคม',
    'กันยายน',
    'ตุลาคม',
    'พฤศจิกายน',
    'ธันวาคม',
  ];
  const ABBR = [
    'ม.ค.',
    'ก.พ.',
    'มี.ค.',
    'เม.ย.',
    'พ.ค.',
    'มิ.ย.',
    'ก.ค.',
    'ส.ค.',
    'ก.ย.',
    'ต.ค.',
    'พ.ย.',
    'ธ.ค.',
  ];

  test('THAI_MONTHS lists the twelve months in order', () => {
    expect(THAI_MONTHS.map((m) => m.full)).toEqual(FULL);
    expect(THAI_MONTHS.map((m) => m.abbr)).toEqual(ABBR);
  });

  test.each(FULL.map((name, i) => [name, i + 1]))('full name %s → %d', (name, m) => {
    expect(readMonth(name)).toBe(m);
  });

  test.each(ABBR.map((abbr, i) => [abbr, i + 1]))('abbreviation %s → %d, with or without dots', (abbr, m) => {
    expect(readMonth(abbr)).toBe(m);
    expect(readMonth(abbr.replace(/\./g, ''))).toBe(m);
    expect(readMonth(abbr.slice(0, -1))).toBe(m);
    expect(readMonth(abbr.replace('.', '. '))).toBe(m);
  });

  test.each([
    ['ก.พ.', 2],
    ['กพ', 2],
    ['ก. พ.', 2],
    ['กุมภา', 2],
    ['กุมภาพันธ์', 2],
    ['ต.ค', 10],
    ['ตค.', 10],
    ['ตุลา', 10],
    ['กรกฏาคม', 7],
    ['ธันวา', 12],
  ])('%s → %d', (token, m) => {
    expect(readMonth(token)).toBe(m);
  });

  test.each(['ก.พ.ร.', 'สำนักงาน', '', 'ม', 'เดือน', 'January'])('%j is not a month', (token) => {
    expect(readMonth(token)).toBeNull();
  });
});

describe('readThaiDate', () => {
  test.each([
    ['1 ต.ค. 2565', '2022-10-01'],
    ['๑ ต.ค. ๖๕', '2022-10-01'],
    ['1 ตุลาคม 2565', '2022-10-01'],
    ['1/10/2565', '2022-10-01'],
    ['01/10/65', '2022-10-01'],
    ['1-10-2565', '2022-10-01'],
    ['1.10.2565', '2022-10-01'],
    ['2022-10-01', '2022-10-01'],
    ['1/10/2022', '2022-10-01'],
    ['วันที่ 1 ต.ค. พ.ศ. 2565', '2022-10-01'],
    ['1 ต.ค. ค.ศ. 2022', '2022-10-01'],
    ['1ต.ค.65', '2022-10-01'],
    ['29/2/2567', '2024-02-29'],
    ['30 ก.ย. 2566', '2023-09-30'],
  ])('%s → %s', (text, date) => {
    expect(readThaiDate(text)).toEqual({ ok: true, date });
  });

  test.each([
    ['31 ก.ย. 2566', /ไม่มีจริง.*30 วัน/],
    ['29/2/2566', /ไม่มีจริง.*28 วัน/],
    ['13/13/2566', /เดือน/],
    ['1 ต.ค.', /ไม่ได้ระบุปี/],
    ['', /ว่าง/],
    ['hello', /เช่น/],
    ['1/10/256', /อ่านปี/],
    ['1 ต.ค. พ.ศ. 2022', /อ่านปี/],
    ['1 ต.ค. 2565 - 30 ก.ย. 2566', /เช่น/],
    ['ต.ค. 2565', /เช่น/],
    ['สำนักงาน ก.พ.', /เช่น/],
  ])('%j fails: %s', (text, message) => {
    const reading = readThaiDate(text);
    expect(reading.ok).toBe(false);
    expect(!reading.ok && reading.error).toMatch(message);
  });
});

describe('formatThaiDate', () => {
  test.each([
    [{}, '3 ตุลาคม 2565'],
    [{ style: 'long' }, '3 ตุลาคม 2565'],
    [{ style: 'long', digits: 'thai' }, '๓ ตุลาคม ๒๕๖๕'],
    [{ style: 'medium' }, '3 ต.ค. 2565'],
    [{ style: 'short' }, '3 ต.ค. 65'],
    [{ style: 'short', digits: 'thai' }, '๓ ต.ค. ๖๕'],
    [{ style: 'numeric' }, '3/10/2565'],
    [{ style: 'numeric', digits: 'arabic' }, '3/10/2565'],
  ] as const)('%j → %s', (options, text) => {
    expect(formatThaiDate('2022-10-03', options)).toBe(text);
  });

  test('short style pads the two-digit year', () => {
    expect(formatThaiDate('1957-01-05', { style: 'short' })).toBe('5 ม.ค. 00');
    expect(formatThaiDate('1966-01-05', { style: 'short' })).toBe('5 ม.ค. 09');
  });

  test('refuses a non-ISO date', () => {
    expect(() => formatThaiDate('3/10/2565')).toThrow(RangeError);
    // Asked again (formatted dates are kept): still refused, never a kept answer.
    expect(() => formatThaiDate('3/10/2565')).toThrow(RangeError);
  });

  test('dates kept between calls stay right past the bound of what is kept (every day of 14 years)', () => {
    const start = Date.UTC(2010, 0, 1);
    for (let day = 0; day < 5200; day++) {
      const date = new Date(start + day * 86_400_000);
      const iso = date.toISOString().slice(0, 10);
      const be = date.getUTCFullYear() + 543;
      const numeric = `${date.getUTCDate()}/${date.getUTCMonth() + 1}/${be}`;
      expect(formatThaiDate(iso, { style: 'numeric' })).toBe(numeric);
      expect(formatThaiDate(iso, { style: 'numeric', digits: 'thai' })).toBe(toThaiDigits(numeric));
    }
    expect(formatThaiDate('2022-10-03', { style: 'short' })).toBe('3 ต.ค. 65');
  });
});

describe('cellToIsoDate', () => {
  test('a Date is read as its calendar date in the given time zone', () => {
    const instant = new Date('2022-09-30T17:30:00Z'); // 00:30 on 1 Oct in Bangkok
    expect(cellToIsoDate(instant, 'Asia/Bangkok')).toEqual({ ok: true, date: '2022-10-01' });
    expect(cellToIsoDate(instant, 'UTC')).toEqual({ ok: true, date: '2022-09-30' });
  });

  test('a B.E. year typed into a date cell is corrected and noted', () => {
    const typed = new Date(Date.UTC(2565, 9, 1, 5)); // Sheets took "1/10/2565" as 2565 C.E.
    const reading = cellToIsoDate(typed, 'Asia/Bangkok');
    expect(reading).toMatchObject({ ok: true, date: '2022-10-01' });
    expect(reading.ok && reading.note).toMatch(/2565.*พ\.ศ\./);
  });

  test('a B.E. correction that lands on a day that does not exist is an error', () => {
    // 29 Feb 2568 exists in C.E. 2568 but not in 2025.
    const reading = cellToIsoDate(new Date(Date.UTC(2568, 1, 29, 5)), 'Asia/Bangkok');
    expect(reading.ok).toBe(false);
    expect(!reading.ok && reading.error).toMatch(/ไม่มีจริง/);
  });

  test('a spreadsheet serial number is a date', () => {
    expect(serialOf(2022, 10, 1)).toBe(44835);
    expect(cellToIsoDate(44835, 'Asia/Bangkok')).toEqual({ ok: true, date: '2022-10-01' });
    expect(cellToIsoDate(44835.75, 'Asia/Bangkok')).toEqual({ ok: true, date: '2022-10-01' });
    const beSerial = serialOf(2566, 9, 30);
    expect(cellToIsoDate(beSerial, 'Asia/Bangkok')).toMatchObject({ ok: true, date: '2023-09-30' });
  });

  test('text is read as a Thai date', () => {
    expect(cellToIsoDate('๑ ต.ค. ๒๕๖๕', 'Asia/Bangkok')).toEqual({ ok: true, date: '2022-10-01' });
    expect(cellToIsoDate('31 ก.ย. 2566', 'Asia/Bangkok').ok).toBe(false);
  });

  test.each([
    [null, /ว่าง/],
    ['', /ว่าง/],
    ['  ', /ว่าง/],
    [true, /TRUE/],
    [new Date(NaN), /ไม่ใช่วันที่/],
    [5, /ไม่ใช่วันที่/],
    [2566, /ไม่ใช่วันที่/],
    [NaN, /ไม่ใช่วันที่/],
    [new Date(Date.UTC(1965, 9, 1, 5)), /1965/],
    [new Date(Date.UTC(2300, 0, 1, 5)), /2300/],
  ])('%p is refused', (value, message) => {
    const reading = cellToIsoDate(value, 'Asia/Bangkok');
    expect(reading.ok).toBe(false);
    expect(!reading.ok && reading.error).toMatch(message);
  });
});

describe('todayIn', () => {
  test('takes the calendar date in the time zone', () => {
    const now = new Date('2023-09-30T18:00:00Z');
    expect(todayIn('Asia/Bangkok', now)).toBe('2023-10-01');
    expect(todayIn('UTC', now)).toBe('2023-09-30');
  });
});
