/** Thai dates: reading what staff type or what a date cell holds, and writing dates back in Thai. */
import {
  addDays,
  ceToBe,
  daysInMonth,
  isValidYmd,
  parseIso,
  beToCe,
  readYear,
  THAI_MONTHS,
  type IsoDate,
} from './calendar';
import { normalizeSpaces, toThaiDigits } from './digits';
import { numericDateParts, tokenize, type Token } from './lexer';

export {
  addDays,
  beToCe,
  ceToBe,
  compareIso,
  daysBetween,
  daysInMonth,
  isoDate,
  isValidYmd,
  parseIso,
  readMonth,
  readYear,
  THAI_MONTHS,
} from './calendar';
export type { IsoDate, ThaiMonth, YearWritten } from './calendar';

export type DateReading = { ok: true; date: IsoDate } | { ok: false; error: string };

const DATE_EXAMPLE = 'เช่น "1 ต.ค. 2565" หรือ "1/10/2565"';
const MAX_DATE_TEXT = 100;

/** "1 ต.ค. 2565", "๑ ต.ค. ๖๕", "1 ตุลาคม 2565", "1/10/2565", "01/10/65", "1-10-2565", "2022-10-01". */
export function readThaiDate(text: string): DateReading {
  const clean = normalizeSpaces(String(text ?? ''));
  if (!clean) return { ok: false, error: `ช่องวันที่ว่าง กรุณากรอกวันที่ ${DATE_EXAMPLE}` };
  const unreadable = {
    ok: false,
    error: `อ่าน "${clip(clean)}" เป็นวันที่ไม่ได้ กรุณาพิมพ์วันที่ ${DATE_EXAMPLE}`,
  } as const;
  if (clean.length > MAX_DATE_TEXT) return unreadable;
  const tokens = tokenize(clean).filter((t) => t.t !== 'filler');
  const [first, second] = tokens;
  if (tokens.length === 1 && first.t === 'date') {
    const { d, m, year, yearRaw } = numericDateParts(first.parts);
    return year ? checkedDate(year.be, m, d) : badYear(yearRaw);
  }
  if (first?.t !== 'num' || second?.t !== 'month') return unreadable;
  return textDate(first.value, second.m, tokens.slice(2)) ?? unreadable;
}

/** The year part after "1 ต.ค.": [พ.ศ.] 2565. */
function textDate(d: number, m: number, rest: Token[]): DateReading | null {
  if (rest.length === 0) return { ok: false, error: `ไม่ได้ระบุปี กรุณาใส่ปี พ.ศ. ด้วย ${DATE_EXAMPLE}` };
  const [era, num] = rest[0].t === 'era' ? rest : [null, rest[0]];
  if (rest.length !== (era ? 2 : 1) || num?.t !== 'num') return null;
  const year = readYear(num.raw);
  if (!year || (era?.t === 'era' && era.ce !== (year.written === 'ce4'))) return badYear(num.raw);
  return checkedDate(year.be, m, d);
}

function badYear(raw: string): DateReading {
  return { ok: false, error: `อ่านปี "${raw}" ไม่ได้ ปีต้องเป็น พ.ศ. 4 หลัก (2566) หรือ 2 หลัก (66) ${DATE_EXAMPLE}` };
}

function checkedDate(be: number, m: number, d: number): DateReading {
  const y = beToCe(be);
  if (m < 1 || m > 12) return { ok: false, error: `ไม่มีเดือนที่ ${m} (เดือนมี 1–12) ${DATE_EXAMPLE}` };
  if (!isValidYmd(y, m, d)) return { ok: false, error: noSuchDay(be, m, d) };
  return { ok: true, date: isoFromParts(y, m, d) };
}

function isoFromParts(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Thai message for a day that does not exist in its month ("31 ก.ย."). */
export function noSuchDay(be: number, m: number, d: number): string {
  const month = THAI_MONTHS[m - 1];
  const count = daysInMonth(beToCe(be), m);
  return `วันที่ ${d} ${month.abbr} ${be} ไม่มีจริง (${month.full} ${be} มี ${count} วัน) กรุณาตรวจสอบวันที่`;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

export type DateCellReading = { ok: true; date: IsoDate; note?: string } | { ok: false; error: string };

const EXCEL_EPOCH: IsoDate = '1899-12-30';
const MIN_CE_YEAR = 2000;
const MAX_CE_YEAR = 2200;
const MIN_BE_AS_CE_YEAR = 2400;

/**
 * A date cell's value as a calendar date. A year ≥ 2400 means a B.E. year was typed into a date cell
 * (Sheets took "1/10/2565" as the year 2565 C.E.), so 543 is subtracted and `note` says so.
 * Dates outside 2000–2200 C.E. are refused: they are typing slips (a 2-digit year read as 19xx).
 */
export function cellToIsoDate(
  value: string | number | boolean | Date | null,
  timeZone: string,
): DateCellReading {
  if (value === null || value === undefined || (typeof value === 'string' && !normalizeSpaces(value))) {
    return { ok: false, error: 'ช่องวันที่ว่าง กรุณากรอกวันที่ เช่น 1/10/2565' };
  }
  if (typeof value === 'string') return readThaiDate(value);
  if (typeof value === 'boolean')
    return { ok: false, error: `ค่า ${value ? 'TRUE' : 'FALSE'} ไม่ใช่วันที่ กรุณากรอกวันที่ ${DATE_EXAMPLE}` };
  if (typeof value === 'number') return serialToDate(value);
  if (!isDate(value) || Number.isNaN(value.getTime())) {
    return { ok: false, error: `ค่าในช่องไม่ใช่วันที่ที่ถูกต้อง กรุณากรอกวันที่ ${DATE_EXAMPLE}` };
  }
  const { y, m, d } = calendarDateIn(value, timeZone);
  return plausibleDate(y, m, d);
}

function serialToDate(serial: number): DateCellReading {
  // 2000-01-01 … 2800-12-31 as spreadsheet serials (the upper end covers B.E. years typed as C.E.).
  if (!Number.isFinite(serial) || serial < 36526 || serial > 328717) {
    return { ok: false, error: `ตัวเลข ${serial} ไม่ใช่วันที่ กรุณากรอกวันที่ ${DATE_EXAMPLE}` };
  }
  const { y, m, d } = parseIso(addDays(EXCEL_EPOCH, Math.floor(serial)));
  return plausibleDate(y, m, d);
}

function plausibleDate(y: number, m: number, d: number): DateCellReading {
  if (y >= MIN_BE_AS_CE_YEAR) return fromBuddhistYear(y, m, d);
  if (y < MIN_CE_YEAR || y > MAX_CE_YEAR) {
    return {
      ok: false,
      error: `ปี ค.ศ. ${y} (พ.ศ. ${ceToBe(y)}) ไม่น่าจะถูกต้อง กรุณาพิมพ์ปี พ.ศ. 4 หลัก ${DATE_EXAMPLE}`,
    };
  }
  return { ok: true, date: isoFromParts(y, m, d) };
}

function fromBuddhistYear(be: number, m: number, d: number): DateCellReading {
  const y = beToCe(be);
  if (y < MIN_CE_YEAR || y > MAX_CE_YEAR) {
    return { ok: false, error: `ปี ${be} ไม่น่าจะถูกต้อง กรุณาตรวจสอบปี ${DATE_EXAMPLE}` };
  }
  if (!isValidYmd(y, m, d)) return { ok: false, error: noSuchDay(be, m, d) };
  const date = isoFromParts(y, m, d);
  const note = `ช่องนี้เก็บปี ${be} ซึ่งเป็นปี พ.ศ. ที่ Sheets บันทึกเป็น ค.ศ. จึงอ่านเป็น ${formatThaiDate(date, { style: 'medium' })} (ค.ศ. ${y})`;
  return { ok: true, date, note };
}

/** Works for Dates from another realm too (a vm context or the Apps Script host). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

// Building a DateTimeFormat is costly; a sheet has thousands of date cells but one time zone.
const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    const options = { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' } as const;
    format = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', options);
    formats.set(timeZone, format);
  }
  return format;
}

/** The calendar date of an instant in a time zone (Intl works the same in Apps Script V8). */
export function calendarDateIn(instant: Date, timeZone: string): { y: number; m: number; d: number } {
  const parts = formatFor(timeZone).formatToParts(instant);
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return { y: part('year'), m: part('month'), d: part('day') };
}

export function todayIn(timeZone: string, now: Date): IsoDate {
  const { y, m, d } = calendarDateIn(now, timeZone);
  return isoFromParts(y, m, d);
}

export type ThaiDateStyle = 'long' | 'medium' | 'short' | 'numeric';

export interface ThaiDateFormat {
  /** long "3 ตุลาคม 2565" · medium "3 ต.ค. 2565" · short "3 ต.ค. 65" · numeric "3/10/2565". */
  style?: ThaiDateStyle;
  digits?: 'thai' | 'arabic';
}

/** Dates already formatted, by digits and style, then by ISO date: reports repeat a few deadlines per row. */
const FORMATTED = {
  arabic: new Map<ThaiDateStyle, Map<IsoDate, string>>(),
  thai: new Map<ThaiDateStyle, Map<IsoDate, string>>(),
};
const MAX_FORMATTED = 4096;

export function formatThaiDate(iso: IsoDate, options: ThaiDateFormat = {}): string {
  const style = options.style ?? 'long';
  const digits = options.digits === 'thai' ? 'thai' : 'arabic';
  let known = FORMATTED[digits].get(style);
  if (!known) FORMATTED[digits].set(style, (known = new Map()));
  const cached = known.get(iso);
  if (cached !== undefined) return cached;
  const { y, m, d } = parseIso(iso);
  const be = ceToBe(y);
  const month = THAI_MONTHS[m - 1];
  const styled = styledDate(d, m, be, month, style);
  const text = digits === 'thai' ? toThaiDigits(styled) : styled;
  if (known.size >= MAX_FORMATTED) known.clear();
  known.set(iso, text);
  return text;
}

/** Only the style asked for is built (reports format a date per row of large sheets). */
function styledDate(
  d: number,
  m: number,
  be: number,
  month: (typeof THAI_MONTHS)[number],
  style: ThaiDateStyle,
): string {
  switch (style) {
    case 'medium':
      return `${d} ${month.abbr} ${be}`;
    case 'short':
      return `${d} ${month.abbr} ${String(be % 100).padStart(2, '0')}`;
    case 'numeric':
      return `${d}/${m}/${be}`;
    case 'long':
      return `${d} ${month.full} ${be}`;
  }
}
