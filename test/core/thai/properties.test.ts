import fc from 'fast-check';
import {
  addDays,
  cellToIsoDate,
  daysBetween,
  formatThaiDate,
  readThaiDate,
} from '../../../src/core/thai/dates';
import {
  fiscalYearEnd,
  fiscalYearOf,
  fiscalYearStart,
  fiscalYearsBetween,
} from '../../../src/core/thai/fiscal';
import { formatBaht, formatNumber, readAmount, readNumber } from '../../../src/core/thai/numbers';
import { parsePeriod } from '../../../src/core/thai/period';

const RUNS = { numRuns: 300 };

// Independent oracle: ISO dates from day offsets via Date.UTC, never through the code under test.
const DAY_MS = 86400000;
const isoFromUtcDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const utcDay = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / DAY_MS;
const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
const isoOf = (y: number, m: number, d: number): string => isoFromUtcDay(utcDay(y, m, d));

/** C.E. dates within [fromYear, toYear]. */
const isoDateArb = (fromYear: number, toYear: number): fc.Arbitrary<string> =>
  fc.integer({ min: utcDay(fromYear, 1, 1), max: utcDay(toYear, 12, 31) }).map(isoFromUtcDay);

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
const THAI_TOKENS = [
  ...ABBR,
  'มกราคม',
  'กุมภาพันธ์',
  'ตุลาคม',
  'ธันวาคม',
  'กพ',
  'ต.ค',
  'ก.พ.ร.',
  'สำนักงาน',
  'ก. พ.',
  'ปีงบประมาณ',
  'ปีงบ',
  'ปี',
  'พ.ศ.',
  'ค.ศ.',
  'ไตรมาส',
  'ไตรมาสที่',
  'ทุกเดือน',
  'ตลอด',
  'ตั้งแต่',
  'ประจำ',
  'ในเดือน',
  'ระหว่าง',
  'และ',
  'ถึง',
  'จนถึง',
  'วันที่',
  'บาท',
  'ล้านบาท',
  'จำนวน',
  'ไม่ใช้งบประมาณ',
  'ร้อยละ',
  '-',
  '–',
  '—',
  ',',
  '/',
  '.',
  '.-',
  '(',
  ')',
  '(หมายเหตุ)',
  '%',
  '฿',
  '1',
  '15',
  '31',
  '0',
  '๑',
  '๓๐',
  '2565',
  '๒๕๖๖',
  '66',
  '2022',
  '2570',
  '20,000',
  '20,00',
  '1.5',
  '99999999999999999999',
];
const thaiTokenText = fc
  .array(fc.tuple(fc.constantFrom(...THAI_TOKENS), fc.constantFrom('', ' ', '  ', '\u00A0', '\u200B')), {
    maxLength: 12,
  })
  .map((parts) => parts.map(([token, space]) => token + space).join(''));

const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  thaiTokenText,
);

const THAI_CHAR = /[\u0E01-\u0E5B]/;

describe('parsers never throw and always explain themselves in Thai', () => {
  test('parsePeriod', () => {
    fc.assert(
      fc.property(
        anyText,
        fc.option(fc.integer({ min: 2300, max: 2900 }), { nil: undefined }),
        (text, fiscalYear) => {
          const reading = parsePeriod(text, { fiscalYear });
          if (!reading.ok) return THAI_CHAR.test(reading.error);
          // A successful reading is internally consistent.
          const ordered = reading.windows.every((w) => w.start <= w.end) && reading.start <= reading.end;
          const covers =
            reading.fiscalYears.includes(fiscalYearOf(reading.start)) &&
            reading.fiscalYears.includes(fiscalYearOf(reading.end));
          const sorted = reading.fiscalYears.every((fy, i, all) => i === 0 || all[i - 1] < fy);
          return ordered && covers && sorted && THAI_CHAR.test(reading.readAs);
        },
      ),
      { numRuns: 1500 },
    );
  });

  test('readAmount', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const reading = readAmount(text);
        if (reading.kind === 'error') return THAI_CHAR.test(reading.message);
        if (reading.kind === 'amount') return Number.isFinite(reading.value) && reading.value !== 0;
        return THAI_CHAR.test(reading.readAs);
      }),
      { numRuns: 1500 },
    );
  });

  test('readThaiDate and cellToIsoDate', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const reading = readThaiDate(text);
        const cell = cellToIsoDate(text, 'Asia/Bangkok');
        const valid = (r: typeof reading): boolean =>
          r.ok ? /^\d{4}-\d{2}-\d{2}$/.test(r.date) : THAI_CHAR.test(r.error);
        return valid(reading) && valid(cell);
      }),
      { numRuns: 1500 },
    );
  });

  test('readNumber', () => {
    fc.assert(
      fc.property(anyText, fc.boolean(), (text, allowPercentSign) => {
        const reading = readNumber(text, { allowPercentSign });
        return reading.ok ? Number.isFinite(reading.value) : THAI_CHAR.test(reading.error);
      }),
      { numRuns: 1500 },
    );
  });

  test('cellToIsoDate on any number or Date', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.date({ noInvalidDate: false })), (value) => {
        const reading = cellToIsoDate(value, 'Asia/Bangkok');
        return reading.ok
          ? reading.date >= '2000-01-01' && reading.date <= '2200-12-31'
          : THAI_CHAR.test(reading.error);
      }),
      RUNS,
    );
  });
});

describe('a formatted date reads back as itself', () => {
  const styles = ['long', 'medium', 'numeric'] as const;
  const digits = ['thai', 'arabic'] as const;

  test('long, medium and numeric styles (4-digit B.E. years)', () => {
    fc.assert(
      fc.property(
        isoDateArb(1900, 2200),
        fc.constantFrom(...styles),
        fc.constantFrom(...digits),
        (iso, style, d) => {
          const text = formatThaiDate(iso, { style, digits: d });
          expect(readThaiDate(text)).toEqual({ ok: true, date: iso });
          expect(parsePeriod(text)).toMatchObject({
            ok: true,
            start: iso,
            end: iso,
            windows: [{ start: iso, end: iso }],
          });
        },
      ),
      RUNS,
    );
  });

  test('short style (2-digit B.E. years mean 25xx)', () => {
    fc.assert(
      fc.property(isoDateArb(1957, 2056), fc.constantFrom(...digits), (iso, d) => {
        const text = formatThaiDate(iso, { style: 'short', digits: d });
        expect(readThaiDate(text)).toEqual({ ok: true, date: iso });
        expect(parsePeriod(text)).toMatchObject({ ok: true, start: iso, end: iso });
      }),
      RUNS,
    );
  });

  test('a one-day reading lies in the fiscal year of its date', () => {
    fc.assert(
      fc.property(isoDateArb(1957, 2200), (iso) => {
        const reading = parsePeriod(formatThaiDate(iso, { style: 'medium' }));
        expect(reading).toMatchObject({ ok: true, fiscalYears: [fiscalYearOf(iso)] });
      }),
      RUNS,
    );
  });
});

describe('day arithmetic agrees with Date.UTC', () => {
  test('addDays and daysBetween', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: utcDay(1900, 1, 1), max: utcDay(2300, 1, 1) }),
        fc.integer({ min: -40000, max: 40000 }),
        (day, n) => {
          const iso = isoFromUtcDay(day);
          expect(addDays(iso, n)).toBe(isoFromUtcDay(day + n));
          expect(daysBetween(iso, isoFromUtcDay(day + n))).toBe(n);
        },
      ),
      RUNS,
    );
  });
});

describe('fiscal arithmetic', () => {
  test('every date lies within its fiscal year, which starts on 1 Oct of the year before', () => {
    fc.assert(
      fc.property(isoDateArb(1900, 2200), (iso) => {
        const fy = fiscalYearOf(iso);
        const [y, m] = iso.split('-').map(Number);
        expect(fy).toBe(y + 543 + (m >= 10 ? 1 : 0));
        expect(fiscalYearStart(fy) <= iso && iso <= fiscalYearEnd(fy)).toBe(true);
        expect(fiscalYearStart(fy)).toBe(isoOf(y - (m >= 10 ? 0 : 1), 10, 1));
      }),
      RUNS,
    );
  });

  test('fiscal years follow each other without gaps', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2444, max: 2742 }), (fy) => {
        expect(addDays(fiscalYearEnd(fy), 1)).toBe(fiscalYearStart(fy + 1));
        expect(daysBetween(fiscalYearStart(fy), fiscalYearEnd(fy)) + 1).toBeGreaterThanOrEqual(365);
      }),
      RUNS,
    );
  });

  test('fiscalYearsBetween covers both ends with consecutive years that all overlap the span', () => {
    fc.assert(
      fc.property(isoDateArb(1950, 2150), isoDateArb(1950, 2150), (a, b) => {
        const [start, end] = a <= b ? [a, b] : [b, a];
        const years = fiscalYearsBetween(start, end);
        expect(years[0]).toBe(fiscalYearOf(start));
        expect(years[years.length - 1]).toBe(fiscalYearOf(end));
        years.forEach((fy, i) => {
          if (i > 0) expect(fy).toBe(years[i - 1] + 1);
          expect(fiscalYearStart(fy) <= end && fiscalYearEnd(fy) >= start).toBe(true);
        });
      }),
      RUNS,
    );
  });
});

describe('period grammar properties', () => {
  const monthYear = fc.record({
    m: fc.integer({ min: 1, max: 12 }),
    be: fc.integer({ min: 2450, max: 2700 }),
  });
  const key = (v: { m: number; be: number }): number => v.be * 12 + v.m;

  test('"month year – month year" covers whole months, or is reported reversed', () => {
    fc.assert(
      fc.property(monthYear, monthYear, fc.constantFrom(' - ', '–', ' ถึง ', ' — '), (a, b, dash) => {
        const reading = parsePeriod(`${ABBR[a.m - 1]} ${a.be}${dash}${ABBR[b.m - 1]} ${b.be}`);
        if (key(a) > key(b)) {
          expect(reading).toMatchObject({ ok: false, reason: 'reversed' });
        } else {
          const endYear = b.be - 543;
          expect(reading).toMatchObject({
            ok: true,
            start: isoOf(a.be - 543, a.m, 1),
            end: isoOf(endYear, b.m, lastDay(endYear, b.m)),
          });
        }
      }),
      RUNS,
    );
  });

  test('a year written once at the end: the start month falls in the year before when it comes later', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 2450, max: 2700 }),
        (m1, m2, be) => {
          const reading = parsePeriod(`${ABBR[m1 - 1]} - ${ABBR[m2 - 1]} ${be}`);
          const y = be - 543;
          const startYear = m1 > m2 ? y - 1 : y;
          expect(reading).toMatchObject({
            ok: true,
            start: isoOf(startYear, m1, 1),
            end: isoOf(y, m2, lastDay(y, m2)),
          });
        },
      ),
      RUNS,
    );
  });

  test('months without a year resolve within the given fiscal year', () => {
    const fiscalOrder = (m: number): number => (m + 2) % 12; // Oct → 0 … Sep → 11
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 2450, max: 2700 }),
        (m1, m2, fy) => {
          const reading = parsePeriod(`${ABBR[m1 - 1]} - ${ABBR[m2 - 1]}`, { fiscalYear: fy });
          const ce = (m: number): number => fy - 543 - (m >= 10 ? 1 : 0);
          if (fiscalOrder(m1) > fiscalOrder(m2)) {
            expect(reading).toMatchObject({ ok: false, reason: 'reversed' });
          } else {
            expect(reading).toMatchObject({
              ok: true,
              start: isoOf(ce(m1), m1, 1),
              end: isoOf(ce(m2), m2, lastDay(ce(m2), m2)),
              fiscalYears: [fy],
            });
          }
        },
      ),
      RUNS,
    );
  });

  test('"ปีงบประมาณ a – b" lists every fiscal year from a to b', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2450, max: 2700 }),
        fc.integer({ min: 0, max: 8 }),
        fc.boolean(),
        (a, span, thai) => {
          const b = a + span;
          const digits = (n: number): string =>
            thai ? String(n).replace(/\d/g, (c) => '๐๑๒๓๔๕๖๗๘๙'[Number(c)]) : String(n);
          const reading = parsePeriod(`ปีงบประมาณ พ.ศ. ${digits(a)} – ${digits(b)}`);
          expect(reading).toMatchObject({
            ok: true,
            start: isoOf(a - 544, 10, 1),
            end: isoOf(b - 543, 9, 30),
            fiscalYears: Array.from({ length: span + 1 }, (_, i) => a + i),
          });
        },
      ),
      RUNS,
    );
  });
});

describe('amount properties', () => {
  test('a formatted amount reads back as itself, with either digit set and "บาท"', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 ** 11 }),
        fc.boolean(),
        fc.constantFrom('', ' บาท', '.-', ' บาท'),
        (satang, thai, suffix) => {
          const value = satang / 100;
          const text = formatBaht(value, { decimals: 2, digits: thai ? 'thai' : 'arabic' }) + suffix;
          expect(readAmount(text)).toMatchObject({ kind: 'amount', value });
        },
      ),
      RUNS,
    );
  });

  test('two amounts in one cell are always an error', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 ** 7 }),
        fc.integer({ min: 0, max: 10 ** 7 }),
        fc.constantFrom(' ', ' - ', ', ', ' และ '),
        (a, b, sep) => {
          expect(readAmount(`${formatBaht(a)}${sep}${formatBaht(b)}`).kind).toBe('error');
        },
      ),
      RUNS,
    );
  });
});

describe('formatNumber and formatBaht against the earlier string-only version', () => {
  // The version before separators were put in by a loop and baht rounded once, kept as the oracle.
  const roundToOld = (n: number, places: number): number => {
    const sign = n < 0 ? -1 : 1;
    const abs = Math.abs(n);
    if (/e/i.test(String(abs))) return n;
    return sign * Number(`${Math.round(Number(`${abs}e${places}`))}e-${places}`);
  };
  const formatNumberOld = (n: number, decimals = 0): string => {
    if (!Number.isFinite(n)) return String(n);
    const places = Math.max(0, Math.min(20, Math.trunc(decimals)));
    const rounded = Number.isInteger(n) ? Math.abs(n) : roundToOld(Math.abs(n), places);
    const [whole, fraction] = rounded.toFixed(places).split('.');
    const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    const sign = n < 0 && rounded !== 0 ? '-' : '';
    return `${sign}${grouped}${fraction ? `.${fraction}` : ''}`;
  };
  const formatBahtOld = (n: number, decimals?: 0 | 2): string =>
    formatNumberOld(n, decimals ?? (Number.isInteger(n) || Number.isInteger(roundToOld(n, 2)) ? 0 : 2));

  const amounts = fc.oneof(
    fc.integer({ min: -2e9, max: 2e9 }),
    fc.integer({ min: -99_999_999, max: 99_999_999 }).map((satang) => satang / 100),
    fc.double({ noNaN: false }),
    fc.constantFrom(1.005, 999.995, -0.001, 0.004, 1e21, 1.5e21, -1e-7, 123456.785, Infinity, -Infinity, NaN),
  );

  test('the same text for every number and number of decimals', () => {
    fc.assert(
      fc.property(amounts, fc.integer({ min: 0, max: 4 }), (n, decimals) => {
        expect(formatNumber(n, decimals)).toBe(formatNumberOld(n, decimals));
        expect(formatBaht(n)).toBe(formatBahtOld(n));
        expect(formatBaht(n, { decimals: 2 })).toBe(formatBahtOld(n, 2));
        expect(formatBaht(n, { decimals: 0 })).toBe(formatBahtOld(n, 0));
      }),
      { numRuns: 3000 },
    );
  });
});
