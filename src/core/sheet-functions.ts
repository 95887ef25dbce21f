/**
 * The logic behind the Thai custom functions (=THAIDATE, =FISCALYEAR, =PERIOD_START, =PERIOD_END,
 * =THAIDIGITS; Apps Script wrappers in src/gas/thai-functions.ts). Sheets passes one cell as a value and
 * a range as rows of values, so each function maps cell by cell and returns the same shape: a whole
 * column is one call. Blank cells give blank results. A cell that cannot be read gives a Thai error text
 * starting with ERROR_MARK in its place; only a bad *argument* (an unknown style, say) throws
 * SheetArgumentError, which Sheets shows as #ERROR! with the Thai message, like its built-in functions.
 */
import type { CellValue } from './cells';
import {
  cellToIsoDate,
  fiscalYearOf,
  formatThaiDate,
  isDate,
  normalizeSpaces,
  parsePeriod,
  readNumber,
  toThaiDigits,
  type IsoDate,
  type ThaiDateFormat,
  type ThaiDateStyle,
} from './thai';
import { zonedMidnight } from './zone';

/** One cell as Sheets passes it (omitted optional arguments arrive as undefined). */
export type SheetValue = CellValue | undefined;
/** A single cell, or a range as rows of cells. */
export type SheetInput = SheetValue | SheetValue[][];
export type SheetOutputCell = string | number | Date;
export type SheetOutput = SheetOutputCell | SheetOutputCell[][];

/** Starts every per-cell error text, so errors stand out and can be filtered. */
export const ERROR_MARK = '⚠ ';

/** A wrong argument for the whole call: thrown, so Sheets shows #ERROR! with this Thai message. */
export class SheetArgumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SheetArgumentError';
  }
}

const cellError = (message: string): string => `${ERROR_MARK}${message}`;

function isBlankCell(value: SheetValue): boolean {
  return value === null || value === undefined || (typeof value === 'string' && !normalizeSpaces(value));
}

/** Applies fn to one value or to every cell of a range; blanks stay blank. */
export function mapCells(input: SheetInput, fn: (value: SheetValue) => SheetOutputCell): SheetOutput {
  const one = (value: SheetValue): SheetOutputCell => (isBlankCell(value) ? '' : fn(value));
  return Array.isArray(input) ? input.map((row) => row.map(one)) : one(input);
}

/** Like mapCells with a second argument that is one value for all cells or a range of the same shape. */
function mapCellPairs(
  input: SheetInput,
  other: SheetInput,
  what: string,
  fn: (value: SheetValue, otherValue: SheetValue) => SheetOutputCell,
): SheetOutput {
  if (!Array.isArray(other)) return mapCells(input, (value) => fn(value, other));
  const rows = Array.isArray(input) ? input : [[input]];
  const sameShape = other.length === rows.length && other.every((row, r) => row.length === rows[r].length);
  if (!sameShape) {
    throw new SheetArgumentError(
      `${what}ต้องเป็นค่าเดียว หรือช่วงเซลล์ขนาดเท่ากับช่วงแรก (${shape(rows)}) แต่ได้ช่วงขนาด ${shape(other)}`,
    );
  }
  const out = rows.map((row, r) => row.map((value, c) => (isBlankCell(value) ? '' : fn(value, other[r][c]))));
  return Array.isArray(input) ? out : out[0][0];
}

const shape = (rows: unknown[][]): string => `${rows.length} แถว × ${rows[0]?.length ?? 0} คอลัมน์`;

function single(value: SheetInput, what: string): SheetValue {
  if (!Array.isArray(value)) return value;
  if (value.length === 1 && value[0].length === 1) return value[0][0];
  throw new SheetArgumentError(`${what}ต้องเป็นค่าเดียว ไม่ใช่ช่วงเซลล์`);
}

// ---- dates -------------------------------------------------------------------------------------------

const STYLE_NAMES: ReadonlyMap<string, ThaiDateStyle> = new Map([
  ['long', 'long'],
  ['เต็ม', 'long'],
  ['medium', 'medium'],
  ['ย่อ', 'medium'],
  ['short', 'short'],
  ['สั้น', 'short'],
  ['numeric', 'numeric'],
  ['ตัวเลข', 'numeric'],
]);

const STYLE_HELP =
  '"long" หรือ "เต็ม" (3 ตุลาคม 2565), "medium" หรือ "ย่อ" (3 ต.ค. 2565), "short" หรือ "สั้น" (3 ต.ค. 65), ' +
  '"numeric" หรือ "ตัวเลข" (3/10/2565)';

/** The style argument of THAIDATE: English or Thai names, any case; blank means long. */
export function readDateStyle(style: SheetInput): ThaiDateStyle {
  const value = single(style, 'รูปแบบวันที่');
  if (isBlankCell(value)) return 'long';
  const name = typeof value === 'string' ? normalizeSpaces(value).toLowerCase() : '';
  const found = STYLE_NAMES.get(name);
  if (!found) throw new SheetArgumentError(`ไม่รู้จักรูปแบบวันที่ "${String(value)}" ใช้ได้: ${STYLE_HELP}`);
  return found;
}

/** The thai_digits argument: TRUE/FALSE (or 1/0); blank means FALSE. */
export function readDigitsFlag(flag: SheetInput): 'thai' | 'arabic' {
  const value = single(flag, 'ตัวเลือกเลขไทย');
  if (isBlankCell(value) || value === false || value === 0) return 'arabic';
  if (value === true || value === 1) return 'thai';
  throw new SheetArgumentError(
    `ตัวเลือกเลขไทยต้องเป็น TRUE (ใช้เลขไทย) หรือ FALSE (ใช้เลขอารบิก) แต่ได้ "${String(value)}"`,
  );
}

/** A cell as a calendar date, read as the validator reads it (date cells, serials, Thai date texts). */
function dateOf(
  value: SheetValue,
  timeZone: string,
): { ok: true; date: IsoDate } | { ok: false; error: string } {
  return cellToIsoDate(value ?? null, timeZone);
}

/** =THAIDATE: each date as Thai text with a B.E. year ("3 ตุลาคม 2565", "๓ ต.ค. ๖๕"). */
export function thaiDateCells(dates: SheetInput, format: ThaiDateFormat, timeZone: string): SheetOutput {
  return mapCells(dates, (value) => {
    const reading = dateOf(value, timeZone);
    return reading.ok ? formatThaiDate(reading.date, format) : cellError(reading.error);
  });
}

/** =FISCALYEAR: the B.E. fiscal year of each date (1 Oct 2565 → 2566). */
export function fiscalYearCells(dates: SheetInput, timeZone: string): SheetOutput {
  return mapCells(dates, (value) => {
    const reading = dateOf(value, timeZone);
    return reading.ok ? fiscalYearOf(reading.date) : cellError(reading.error);
  });
}

// ---- periods -----------------------------------------------------------------------------------------

const FY_EXAMPLE = 'เช่น 2566';

/** A fiscal-year cell: a B.E. year 2400–2800 as a number or text (Thai digits too); blank = none. */
function readFiscalYear(value: SheetValue): { ok: true; fy?: number } | { ok: false; error: string } {
  if (isBlankCell(value)) return { ok: true };
  const reading = readNumber(value ?? null); // Thai digits, spaces and commas are read there
  if (reading.ok && Number.isInteger(reading.value) && reading.value >= 2400 && reading.value <= 2800) {
    return { ok: true, fy: reading.value };
  }
  if (reading.ok && Number.isInteger(reading.value) && reading.value >= 1900 && reading.value < 2400) {
    return {
      ok: false,
      error: `ปีงบประมาณ ${reading.value} เป็นปี ค.ศ. กรุณาใช้ปี พ.ศ. (${reading.value + 543})`,
    };
  }
  return { ok: false, error: `ปีงบประมาณ "${String(value)}" ไม่ถูกต้อง ต้องเป็นปี พ.ศ. 4 หลัก ${FY_EXAMPLE}` };
}

/** The start or end of one period cell as a Date at midnight of that day in the spreadsheet's zone. */
function periodBound(
  value: SheetValue,
  fyValue: SheetValue,
  end: boolean,
  timeZone: string,
): SheetOutputCell {
  const fy = readFiscalYear(fyValue);
  if (!fy.ok) return cellError(fy.error);
  let bound: IsoDate;
  if (isDate(value)) {
    // Sheets turned a one-day period into a date cell: the period is that day.
    const reading = dateOf(value, timeZone);
    if (!reading.ok) return cellError(reading.error);
    bound = reading.date;
  } else if (typeof value === 'boolean') {
    return cellError(`ค่า ${value ? 'TRUE' : 'FALSE'} ไม่ใช่ระยะเวลา`);
  } else {
    const reading = parsePeriod(String(value), { fiscalYear: fy.fy });
    if (!reading.ok) return cellError(reading.error);
    bound = end ? reading.end : reading.start;
  }
  return zonedMidnight(bound, timeZone);
}

function periodCells(
  texts: SheetInput,
  fiscalYears: SheetInput,
  end: boolean,
  timeZone: string,
): SheetOutput {
  if (!Array.isArray(fiscalYears) && !isBlankCell(fiscalYears)) {
    const fy = readFiscalYear(fiscalYears);
    if (!fy.ok) throw new SheetArgumentError(fy.error);
  }
  return mapCellPairs(texts, fiscalYears, 'ปีงบประมาณ', (value, fy) => periodBound(value, fy, end, timeZone));
}

/** =PERIOD_START: the first day of each period text ("ต.ค. 2565 – มี.ค. 2566" → 1 Oct 2022). */
export function periodStartCells(texts: SheetInput, fiscalYears: SheetInput, timeZone: string): SheetOutput {
  return periodCells(texts, fiscalYears, false, timeZone);
}

/** =PERIOD_END: the last day of each period text ("ต.ค. 2565 – มี.ค. 2566" → 31 Mar 2023). */
export function periodEndCells(texts: SheetInput, fiscalYears: SheetInput, timeZone: string): SheetOutput {
  return periodCells(texts, fiscalYears, true, timeZone);
}

// ---- digits ------------------------------------------------------------------------------------------

/** A number as Sheets shows it in a plain cell: no float noise (0.1 + 0.2 → 0.3), no grouping. */
function plainNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15)));
}

/** =THAIDIGITS: 0–9 → ๐–๙ in each text or number; everything else unchanged. */
export function thaiDigitsCells(values: SheetInput): SheetOutput {
  return mapCells(values, (value) => {
    if (typeof value === 'number') return toThaiDigits(plainNumber(value));
    if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
    if (isDate(value)) {
      return cellError('ช่องนี้เป็นวันที่ ใช้ =THAIDATE(ช่อง, "numeric", TRUE) เพื่อเขียนวันที่ด้วยเลขไทย');
    }
    return toThaiDigits(String(value));
  });
}
