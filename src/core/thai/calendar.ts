/**
 * Calendar basics: ISO dates in C.E., day arithmetic on plain integers (no Date, so no time-zone
 * surprises), Buddhist Era years and Thai month names.
 */
import { normalizeSpaces, toArabicDigits } from './digits';

/** A calendar date in C.E., "2022-10-01". */
export type IsoDate = string;

export const BE_OFFSET = 543;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (!Number.isInteger(m) || m < 1 || m > 12) throw new RangeError(`เดือนไม่ถูกต้อง: ${m}`);
  return m === 2 && isLeapYear(y) ? 29 : DAYS_IN_MONTH[m - 1];
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1 || y > 9999 || m < 1 || m > 12) return false;
  return d >= 1 && d <= daysInMonth(y, m);
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Builds "YYYY-MM-DD" from a C.E. year; throws on a date that does not exist. */
export function isoDate(y: number, m: number, d: number): IsoDate {
  if (!isValidYmd(y, m, d)) throw new RangeError(`วันที่ไม่ถูกต้อง: ${y}-${m}-${d}`);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

export function parseIso(iso: IsoDate): { y: number; m: number; d: number } {
  // Digit by digit, not a regular expression: reports read a date per row of large sheets.
  const ok = iso.length === 10 && iso.charCodeAt(4) === 0x2d && iso.charCodeAt(7) === 0x2d;
  const y = ok ? digitsAt(iso, 0, 4) : NaN;
  const m = ok ? digitsAt(iso, 5, 7) : NaN;
  const d = ok ? digitsAt(iso, 8, 10) : NaN;
  if (!isValidYmd(y, m, d)) throw new RangeError(`ไม่ใช่วันที่รูปแบบ YYYY-MM-DD: ${iso}`);
  return { y, m, d };
}

/** The number written by the ASCII digits from..to of text; NaN when one is not a digit. */
function digitsAt(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return NaN;
    n = n * 10 + digit;
  }
  return n;
}

// Days since 1970-01-01 and back (H. Hinnant's civil-date algorithms).
function toDayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDayNumber(n: number): IsoDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return isoDate(era * 400 + yoe + (m <= 2 ? 1 : 0), m, d);
}

/** Day numbers by ISO text: reports compare the same few hundred dates for every row. */
const dayNumbers = new Map<string, number>();
const MAX_DAY_NUMBERS = 100_000;

export function dayNumber(iso: IsoDate): number {
  const known = dayNumbers.get(iso);
  if (known !== undefined) return known;
  const { y, m, d } = parseIso(iso);
  const n = toDayNumber(y, m, d);
  if (dayNumbers.size < MAX_DAY_NUMBERS) dayNumbers.set(iso, n);
  return n;
}

export function fromDayNumberIso(n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`จำนวนวันต้องเป็นจำนวนเต็ม: ${n}`);
  return fromDayNumber(n);
}

export function addDays(iso: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`จำนวนวันต้องเป็นจำนวนเต็ม: ${n}`);
  return fromDayNumber(dayNumber(iso) + n);
}

/** b − a in days. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

export function compareIso(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  const diff = daysBetween(b, a);
  return diff < 0 ? -1 : diff > 0 ? 1 : 0;
}

export function beToCe(be: number): number {
  return be - BE_OFFSET;
}

export function ceToBe(ce: number): number {
  return ce + BE_OFFSET;
}

export type YearWritten = 'be4' | 'be2' | 'ce4';

/**
 * A year as written: 4-digit B.E. (2400–2800), 2-digit B.E. (25xx) or 4-digit C.E. (1900–2200).
 * The two 4-digit ranges cannot overlap, so C.E. years are recognised, never guessed.
 */
export function readYear(token: string): { be: number; written: YearWritten } | null {
  const text = toArabicDigits(normalizeSpaces(token));
  if (/^\d{2}$/.test(text)) return { be: 2500 + Number(text), written: 'be2' };
  if (!/^\d{4}$/.test(text)) return null;
  const n = Number(text);
  if (n >= 1900 && n <= 2200) return { be: ceToBe(n), written: 'ce4' };
  if (n >= 2400 && n <= 2800) return { be: n, written: 'be4' };
  return null;
}

export interface ThaiMonth {
  full: string;
  abbr: string;
}

export const THAI_MONTHS: readonly ThaiMonth[] = [
  { full: 'มกราคม', abbr: 'ม.ค.' },
  { full: 'กุมภาพันธ์', abbr: 'ก.พ.' },
  { full: 'มีนาคม', abbr: 'มี.ค.' },
  { full: 'เมษายน', abbr: 'เม.ย.' },
  { full: 'พฤษภาคม', abbr: 'พ.ค.' },
  { full: 'มิถุนายน', abbr: 'มิ.ย.' },
  { full: 'กรกฎาคม', abbr: 'ก.ค.' },
  { full: 'สิงหาคม', abbr: 'ส.ค.' },
  { full: 'กันยายน', abbr: 'ก.ย.' },
  { full: 'ตุลาคม', abbr: 'ต.ค.' },
  { full: 'พฤศจิกายน', abbr: 'พ.ย.' },
  { full: 'ธันวาคม', abbr: 'ธ.ค.' },
];

// Spoken short forms and common misspellings seen in real documents.
const EXTRA_MONTH_FORMS: readonly (readonly string[])[] = [
  ['มกรา'],
  ['กุมภา', 'กุมภาพันธ'],
  ['มีนา'],
  ['เมษา', 'เมษายา'],
  ['พฤษภา', 'พฤษภาคม'],
  ['มิถุนา'],
  ['กรกฎา', 'กรกฏา', 'กรกฏาคม'],
  ['สิงหา'],
  ['กันยา'],
  ['ตุลา'],
  ['พฤศจิกา', 'พฤศจิกายน'],
  ['ธันวา'],
];

const MONTH_BY_KEY: ReadonlyMap<string, number> = new Map(
  THAI_MONTHS.flatMap((month, i) =>
    [month.full, month.abbr.replace(/\./g, ''), ...EXTRA_MONTH_FORMS[i]].map((key) => [key, i + 1] as const),
  ),
);

/** Month 1–12 from a full name, a short form or an abbreviation with or without dots and inner spaces. */
export function readMonth(token: string): number | null {
  return MONTH_BY_KEY.get(token.replace(/[.\s\u200B]/g, '')) ?? null;
}
