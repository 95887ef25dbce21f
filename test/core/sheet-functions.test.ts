/**
 * The custom functions' logic: known outputs, the shape of ranges kept, blanks blank, a Thai error text
 * (never a throw) for a bad cell, a throw only for a bad argument, and THAIDATE read back by the core.
 */
import fc from 'fast-check';
import {
  ERROR_MARK,
  fiscalYearCells,
  mapCells,
  periodEndCells,
  periodStartCells,
  readDateStyle,
  readDigitsFlag,
  SheetArgumentError,
  thaiDateCells,
  thaiDigitsCells,
  type SheetInput,
  type SheetOutput,
  type SheetOutputCell,
  type SheetValue,
} from '../../src/core/sheet-functions';
import { calendarDateIn, readThaiDate, type ThaiDateStyle } from '../../src/core/thai';
import { zonedMidnight } from '../../src/core/zone';

const BKK = 'Asia/Bangkok';
/** A date cell as Sheets hands it to a custom function: midnight of that day in the spreadsheet's zone. */
const cell = (iso: string, zone = BKK): Date => zonedMidnight(iso, zone);
const isError = (v: unknown): boolean => typeof v === 'string' && v.startsWith(ERROR_MARK);
const grid = (out: SheetOutput): SheetOutputCell[][] => {
  if (!Array.isArray(out)) throw new Error(`expected rows, got ${String(out)}`);
  return out;
};
const isoIn = (d: unknown, zone = BKK): string => {
  if (!(d instanceof Date)) throw new Error(`not a Date: ${String(d)}`);
  const { y, m, d: day } = calendarDateIn(d, zone);
  return `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

describe('THAIDATE', () => {
  const long = { style: 'long' } as const;

  test('each style, Arabic or Thai digits, from a date cell', () => {
    const d = cell('2022-10-03');
    expect(thaiDateCells(d, long, BKK)).toBe('3 ตุลาคม 2565');
    expect(thaiDateCells(d, { style: 'long', digits: 'thai' }, BKK)).toBe('๓ ตุลาคม ๒๕๖๕');
    expect(thaiDateCells(d, { style: 'medium' }, BKK)).toBe('3 ต.ค. 2565');
    expect(thaiDateCells(d, { style: 'short' }, BKK)).toBe('3 ต.ค. 65');
    expect(thaiDateCells(d, { style: 'short', digits: 'thai' }, BKK)).toBe('๓ ต.ค. ๖๕');
    expect(thaiDateCells(d, { style: 'numeric' }, BKK)).toBe('3/10/2565');
  });

  test('text dates are read by the core; a B.E. year stored as C.E. by Sheets is corrected', () => {
    expect(thaiDateCells('1/10/2565', long, BKK)).toBe('1 ตุลาคม 2565');
    expect(thaiDateCells('๓ ต.ค. ๖๕', long, BKK)).toBe('3 ตุลาคม 2565');
    expect(thaiDateCells('2022-10-03', long, BKK)).toBe('3 ตุลาคม 2565');
    expect(thaiDateCells(cell('2565-10-01'), long, BKK)).toBe('1 ตุลาคม 2565');
  });

  test("the date is taken in the spreadsheet's zone", () => {
    // Midnight of 3 Oct at UTC+14 is still 2 Oct in Bangkok: reading it in the wrong zone shifts the day.
    const d = cell('2022-10-03', 'Pacific/Kiritimati');
    expect(thaiDateCells(d, long, 'Pacific/Kiritimati')).toBe('3 ตุลาคม 2565');
    expect(thaiDateCells(d, long, BKK)).toBe('2 ตุลาคม 2565');
  });

  test('a range keeps its shape; blanks stay blank; bad cells get a Thai error text', () => {
    const out = grid(
      thaiDateCells(
        [
          [cell('2022-10-03'), '1/10/2565'],
          ['', null],
          ['พรุ่งนี้', true],
          ['   ', 45000],
        ],
        { style: 'medium' },
        BKK,
      ),
    );
    expect(out.map((r) => r.length)).toEqual([2, 2, 2, 2]);
    expect(out[0]).toEqual(['3 ต.ค. 2565', '1 ต.ค. 2565']);
    expect(out[1]).toEqual(['', '']);
    expect(out[2][0]).toMatch(/^⚠ อ่าน "พรุ่งนี้" เป็นวันที่ไม่ได้/);
    expect(out[2][1]).toMatch(/^⚠ ค่า TRUE ไม่ใช่วันที่/);
    expect(out[3]).toEqual(['', '15 มี.ค. 2566']); // a serial number is a date, as in Sheets
  });

  test('what THAIDATE writes reads back as the same date (every style that keeps the year)', () => {
    const styles: ThaiDateStyle[] = ['long', 'medium', 'numeric'];
    fc.assert(
      fc.property(
        fc.date({
          min: new Date(Date.UTC(2000, 0, 1)),
          max: new Date(Date.UTC(2200, 11, 31)),
          noInvalidDate: true,
        }),
        fc.constantFrom(...styles),
        fc.boolean(),
        (instant, style, thaiDigits) => {
          const iso = instant.toISOString().slice(0, 10);
          const text = thaiDateCells(cell(iso), { style, digits: thaiDigits ? 'thai' : 'arabic' }, BKK);
          expect(readThaiDate(String(text))).toEqual({ ok: true, date: iso });
        },
      ),
    );
  });

  test('the short style (2-digit year) reads back within 2500–2599 B.E.', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date(Date.UTC(2000, 0, 1)),
          max: new Date(Date.UTC(2056, 11, 31)),
          noInvalidDate: true,
        }),
        (instant) => {
          const iso = instant.toISOString().slice(0, 10);
          expect(readThaiDate(String(thaiDateCells(iso, { style: 'short' }, BKK)))).toEqual({
            ok: true,
            date: iso,
          });
        },
      ),
    );
  });
});

describe('THAIDATE arguments', () => {
  test('style: English or Thai names, any case, blank = long', () => {
    expect(readDateStyle(undefined)).toBe('long');
    expect(readDateStyle('')).toBe('long');
    expect(readDateStyle('LONG')).toBe('long');
    expect(readDateStyle(' Short ')).toBe('short');
    expect(readDateStyle('เต็ม')).toBe('long');
    expect(readDateStyle('ย่อ')).toBe('medium');
    expect(readDateStyle('สั้น')).toBe('short');
    expect(readDateStyle('ตัวเลข')).toBe('numeric');
    expect(readDateStyle([['medium']])).toBe('medium'); // a one-cell range
  });

  test('an unknown style or a range of styles is an argument error, in Thai', () => {
    expect(() => readDateStyle('ยาว')).toThrow(SheetArgumentError);
    expect(() => readDateStyle('ยาว')).toThrow(/ไม่รู้จักรูปแบบวันที่ "ยาว" ใช้ได้: "long" หรือ "เต็ม"/);
    expect(() => readDateStyle(2)).toThrow(/ไม่รู้จักรูปแบบวันที่ "2"/);
    expect(() => readDateStyle([['long'], ['short']])).toThrow(/ต้องเป็นค่าเดียว/);
  });

  test('thai_digits: TRUE/1 → Thai, FALSE/0/blank → Arabic, anything else an argument error', () => {
    expect(readDigitsFlag(true)).toBe('thai');
    expect(readDigitsFlag(1)).toBe('thai');
    expect(readDigitsFlag(false)).toBe('arabic');
    expect(readDigitsFlag(0)).toBe('arabic');
    expect(readDigitsFlag(undefined)).toBe('arabic');
    expect(readDigitsFlag('')).toBe('arabic');
    expect(() => readDigitsFlag('ใช่')).toThrow(/ต้องเป็น TRUE \(ใช้เลขไทย\) หรือ FALSE/);
  });
});

describe('FISCALYEAR', () => {
  test('1 Oct starts the next fiscal year; dates and texts; shape kept; errors in Thai', () => {
    expect(fiscalYearCells(cell('2022-09-30'), BKK)).toBe(2565);
    expect(fiscalYearCells(cell('2022-10-01'), BKK)).toBe(2566);
    const out = grid(
      fiscalYearCells(
        [
          ['1 ต.ค. 2565', '30 ก.ย. 66'],
          ['', 'ไม่ทราบ'],
        ],
        BKK,
      ),
    );
    expect(out[0]).toEqual([2566, 2566]);
    expect(out[1][0]).toBe('');
    expect(isError(out[1][1])).toBe(true);
  });

  test('agrees with the fiscal year bounds for any day', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date(Date.UTC(2000, 0, 1)),
          max: new Date(Date.UTC(2199, 11, 31)),
          noInvalidDate: true,
        }),
        (instant) => {
          const iso = instant.toISOString().slice(0, 10);
          const [y, m] = iso.split('-').map(Number);
          expect(fiscalYearCells(cell(iso), BKK)).toBe(y + 543 + (m >= 10 ? 1 : 0));
        },
      ),
    );
  });
});

describe('PERIOD_START and PERIOD_END', () => {
  test('a period text gives real dates at midnight in the zone', () => {
    const text = '๑ ต.ค. ๒๕๖๕ - ๓๐ ก.ย. ๒๕๖๖';
    const start = periodStartCells(text, undefined, BKK);
    const end = periodEndCells(text, undefined, BKK);
    expect(start).toBeInstanceOf(Date);
    expect((start as Date).getTime()).toBe(cell('2022-10-01').getTime());
    expect((end as Date).getTime()).toBe(cell('2023-09-30').getTime());
    const zone = 'America/Sao_Paulo';
    expect((periodStartCells('ปีงบประมาณ 2566', undefined, zone) as Date).getTime()).toBe(
      zonedMidnight('2022-10-01', zone).getTime(),
    );
  });

  test('a range keeps its shape: each period, blanks blank, unreadable ones explained in Thai', () => {
    const texts: SheetValue[][] = [
      ['ต.ค. 2565 – มี.ค. 2566', 'ไตรมาส 1/2566'],
      ['', 'ปีงบประมาณ พ.ศ. 2566 – 2570'],
      ['ต.ค. – ธ.ค.', 'ประชุมประจำเดือน'],
      [cell('2023-05-02'), false],
    ];
    const starts = grid(periodStartCells(texts, undefined, BKK));
    const ends = grid(periodEndCells(texts, undefined, BKK));
    expect(starts.map((r) => r.length)).toEqual([2, 2, 2, 2]);
    expect([isoIn(starts[0][0]), isoIn(ends[0][0])]).toEqual(['2022-10-01', '2023-03-31']);
    expect([isoIn(starts[0][1]), isoIn(ends[0][1])]).toEqual(['2022-10-01', '2022-12-31']);
    expect(starts[1][0]).toBe('');
    expect([isoIn(starts[1][1]), isoIn(ends[1][1])]).toEqual(['2022-10-01', '2027-09-30']);
    expect(starts[2][0]).toMatch(/^⚠ ระยะเวลา "ต.ค. – ธ.ค." ไม่ได้ระบุปี/);
    expect(starts[2][1]).toMatch(/^⚠ อ่านระยะเวลา "ประชุมประจำเดือน" ไม่ได้/);
    expect([isoIn(starts[3][0]), isoIn(ends[3][0])]).toEqual(['2023-05-02', '2023-05-02']); // a date cell: that day
    expect(starts[3][1]).toBe('⚠ ค่า FALSE ไม่ใช่ระยะเวลา');
  });

  test('fiscal_year gives texts without a year their year: one value or a range of the same shape', () => {
    expect(isoIn(periodEndCells('ต.ค. – ธ.ค.', 2566, BKK))).toBe('2022-12-31');
    expect(isoIn(periodEndCells('ต.ค. – ธ.ค.', '๒๕๖๗', BKK))).toBe('2023-12-31');
    const ends = grid(
      periodEndCells([['ต.ค. – ธ.ค.'], ['ต.ค. – ธ.ค.'], ['ม.ค. 2570']], [[2566], [2567], ['']], BKK),
    );
    expect(ends.map((r) => isoIn(r[0]))).toEqual(['2022-12-31', '2023-12-31', '2027-01-31']);
    const bad = grid(periodStartCells([['ต.ค. – ธ.ค.'], ['ต.ค. – ธ.ค.']], [[2566], ['ปีหน้า']], BKK));
    expect(isoIn(bad[0][0])).toBe('2022-10-01');
    expect(bad[1][0]).toMatch(/^⚠ ปีงบประมาณ "ปีหน้า" ไม่ถูกต้อง/); // a bad cell, not a bad call
  });

  test('a wrong fiscal_year argument is an argument error', () => {
    expect(() => periodStartCells('ต.ค. – ธ.ค.', 'ปีนี้', BKK)).toThrow(SheetArgumentError);
    expect(() => periodStartCells('ต.ค. – ธ.ค.', 2023, BKK)).toThrow(/เป็นปี ค.ศ. กรุณาใช้ปี พ.ศ. \(2566\)/);
    expect(() => periodStartCells([['a'], ['b']], [[2566, 2567]], BKK)).toThrow(
      /ช่วงเซลล์ขนาดเท่ากับช่วงแรก \(2 แถว × 1 คอลัมน์\) แต่ได้ช่วงขนาด 1 แถว × 2 คอลัมน์/,
    );
  });
});

describe('THAIDIGITS', () => {
  test('texts and numbers get Thai digits; the rest is unchanged; shape kept', () => {
    expect(thaiDigitsCells('ปีงบประมาณ 2566 (ไตรมาส 1)')).toBe('ปีงบประมาณ ๒๕๖๖ (ไตรมาส ๑)');
    const out = grid(
      thaiDigitsCells([
        [77200, 0.1 + 0.2, -3.5],
        ['', true, '20,000 บาท'],
      ]),
    );
    expect(out).toEqual([
      ['๗๗๒๐๐', '๐.๓', '-๓.๕'],
      ['', 'TRUE', '๒๐,๐๐๐ บาท'],
    ]);
  });

  test('a date cell gets advice to use THAIDATE', () => {
    expect(thaiDigitsCells(cell('2022-10-03'))).toMatch(/^⚠ ช่องนี้เป็นวันที่ ใช้ =THAIDATE/);
  });
});

describe('never a throw for a bad cell', () => {
  const anyCell: fc.Arbitrary<SheetValue> = fc.oneof(
    fc.string(),
    fc.constantFrom('', ' ', '1/10/2565', 'ต.ค. 65', '31 ก.พ. 2566', 'ปีงบประมาณ', '(หมายเหตุ)', '-', '๒๕๖๖'),
    fc.double(),
    fc.integer({ min: -1e6, max: 400000 }),
    fc.boolean(),
    fc.constant(null),
    fc.date(), // includes dates out of range and Invalid Date
  );
  const anyRange = fc
    .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }))
    .chain(([rows, cols]) =>
      fc.array(fc.array(anyCell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
    );

  const fns: [string, (input: SheetInput) => SheetOutput][] = [
    ['THAIDATE', (input) => thaiDateCells(input, { style: 'short', digits: 'thai' }, BKK)],
    ['FISCALYEAR', (input) => fiscalYearCells(input, BKK)],
    ['PERIOD_START', (input) => periodStartCells(input, undefined, BKK)],
    ['PERIOD_END', (input) => periodEndCells(input, 2566, BKK)],
    ['THAIDIGITS', (input) => thaiDigitsCells(input)],
  ];

  test.each(fns)('%s returns the same shape of strings, numbers and Dates', (_name, fn) => {
    fc.assert(
      fc.property(anyRange, (range) => {
        const out = grid(fn(range));
        expect(out.map((r) => r.length)).toEqual(range.map((r) => r.length));
        out.flat().forEach((v, i) => {
          const input = range.flat()[i];
          const blank = input === null || (typeof input === 'string' && !input.trim());
          if (blank) expect(v).toBe('');
          else expect(typeof v === 'string' || typeof v === 'number' || v instanceof Date).toBe(true);
          if (v instanceof Date) expect(Number.isNaN(v.getTime())).toBe(false);
        });
      }),
    );
  });

  test('mapCells passes a single value through and leaves blanks blank', () => {
    expect(mapCells(5, (v) => Number(v) * 2)).toBe(10);
    expect(mapCells('', () => 'x')).toBe('');
    expect(mapCells([[1, null]], () => 'x')).toEqual([['x', '']]);
  });
});
