/**
 * How Sheets stores, parses and shows cell values, as far as the fake needs: strings typed (or written
 * with setValues) are parsed like USER_ENTERED input; dates are serial numbers shown through a date
 * format, and getValues returns a Date exactly when the cell's format is a date format.
 * Written independently of the adapter so that tests compare two implementations, not one with itself.
 */

/** A formula is not evaluated: `value` is what getValues reports (HYPERLINK's label, or a scripted value). */
export interface FormulaContent {
  formula: string;
  value: string | number | boolean;
}

/** Stored content of a non-empty cell. Dates are serial numbers (days since 1899-12-30, local time). */
export type Content = string | number | boolean | FormulaContent;

export type OutValue = string | number | boolean | Date;

export const GENERAL = 'General';
export const PLAIN_TEXT = '@';
const DATE_TIME_FORMAT = 'd/m/yyyy H:mm:ss';
const DAY_MS = 86400000;
/** Serial of 1970-01-01. */
const EPOCH_SERIAL = 25569;
/** Sheets' limit per cell. */
export const MAX_CELL_CHARS = 50000;

export function isFormula(content: Content | undefined): content is FormulaContent {
  return typeof content === 'object' && content !== null;
}

// ---- time zones -------------------------------------------------------------------------------------

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

function wallClockMs(instant: number, timeZone: string): number {
  let f = zoneFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    zoneFormats.set(timeZone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(instant))) p[part.type] = Number(part.value);
  return (
    Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) + (((instant % 1000) + 1000) % 1000)
  );
}

/** JS Date → serial in the spreadsheet's zone (what Sheets stores when a script writes a Date). */
export function serialOfDate(date: Date, timeZone: string): number {
  return wallClockMs(date.getTime(), timeZone) / DAY_MS + EPOCH_SERIAL;
}

/** Serial → the instant at which the zone's wall clock shows it (what getValues returns). */
export function instantOfSerial(serial: number, timeZone: string): number {
  const wall = Math.round((serial - EPOCH_SERIAL) * DAY_MS);
  let instant = wall;
  for (let i = 0; i < 3; i++) instant = wall - (wallClockMs(instant, timeZone) - instant);
  return instant;
}

/** Dates cross realms (a node:vm context has its own Date), so they are recognised by their tag. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

function serialOfCalendar(y: number, m: number, d: number): number | null {
  const ms = Date.UTC(y, m - 1, d);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  return ms / DAY_MS + EPOCH_SERIAL;
}

// ---- formats ----------------------------------------------------------------------------------------

function unquoted(format: string): string {
  return format.replace(/"[^"]*"/g, '').replace(/\\./g, '');
}

export function isDateFormat(format: string): boolean {
  if (format === GENERAL || format === PLAIN_TEXT || format === '') return false;
  return /[dmyhs]/i.test(unquoted(format).replace(/\[[^\]]*\]/g, ''));
}

/** Locale order of a typed numeric date: th_TH and en_GB read 1/10/2565 as day 1, month 10. */
export function dayFirst(locale: string): boolean {
  return !/^en_US|^en$|^fil|^es_US/.test(locale);
}

// ---- input ------------------------------------------------------------------------------------------

export interface Parsed {
  content: Content | undefined;
  /** Format Sheets applies when the cell had none ("General"), as it does for typed dates and percents. */
  autoFormat?: string;
}

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

function hyperlinkLabel(formula: string): string | null {
  const m = /^=\s*HYPERLINK\(\s*"(?:[^"]|"")*"\s*[,;]\s*"((?:[^"]|"")*)"\s*\)\s*$/i.exec(formula);
  return m ? m[1].replace(/""/g, '"') : null;
}

export function formulaContent(formula: string, value?: string | number | boolean): FormulaContent {
  return { formula, value: value ?? hyperlinkLabel(formula) ?? '' };
}

function parseNumber(text: string): Parsed | null {
  const percent = text.endsWith('%');
  const body = (percent ? text.slice(0, -1) : text).trim();
  if (!/\d/.test(body) || !NUMBER.test(body)) return null;
  const n = Number(body.replace(/,/g, ''));
  if (!Number.isFinite(n)) return null;
  if (percent) return { content: n / 100, autoFormat: body.includes('.') ? '0.00%' : '0%' };
  return {
    content: n,
    autoFormat: body.includes(',') ? (body.includes('.') ? '#,##0.00' : '#,##0') : undefined,
  };
}

function parseDate(text: string, locale: string): Parsed | null {
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (m) {
    const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const serial = dayFirst(locale) ? serialOfCalendar(y, b, a) : serialOfCalendar(y, a, b);
    return serial === null
      ? null
      : { content: serial, autoFormat: dayFirst(locale) ? 'd/m/yyyy' : 'm/d/yyyy' };
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) {
    const serial = serialOfCalendar(Number(m[1]), Number(m[2]), Number(m[3]));
    return serial === null ? null : { content: serial, autoFormat: 'yyyy-mm-dd' };
  }
  return null;
}

/** A string as Sheets takes it from the keyboard, from setValue or from setValues. */
export function parseUserEntered(input: string, format: string, locale: string): Parsed {
  if (input === '') return { content: undefined };
  // Assumed (pessimistic): a plain-text cell takes input literally, a leading apostrophe included.
  if (format === PLAIN_TEXT) return { content: input };
  if (input.startsWith("'")) return { content: input.slice(1) === '' ? undefined : input.slice(1) };
  if (input.startsWith('=') && input.length > 1) return { content: formulaContent(input) };
  if (/^(true|false)$/i.test(input)) return { content: input.toUpperCase() === 'TRUE' };
  return parseNumber(input.trim()) ?? parseDate(input.trim(), locale) ?? { content: input };
}

/** A script value handed to setValue/setValues; anything else is rejected as Apps Script does. */
export function parseScriptValue(value: unknown, format: string, locale: string, timeZone: string): Parsed {
  if (value === null) return { content: undefined };
  if (typeof value === 'string') return parseUserEntered(value, format, locale);
  if (typeof value === 'number') return { content: Number.isFinite(value) ? value : String(value) };
  if (typeof value === 'boolean') return { content: value };
  if (isDate(value)) {
    if (Number.isNaN(value.getTime())) throw new RangeError('Invalid Date');
    return { content: serialOfDate(value, timeZone), autoFormat: DATE_TIME_FORMAT };
  }
  // Stricter than Sheets, which writes "undefined" or an object's text: an adapter bug either way.
  throw new TypeError(
    `fake SpreadsheetApp: cannot write ${value === undefined ? 'undefined' : typeof value} into a cell`,
  );
}

// ---- output -----------------------------------------------------------------------------------------

/**
 * What getValues returns for a cell. `newDate` builds the Date in the caller's realm (a node:vm
 * context's own Date), so `instanceof Date` holds for the code under test.
 */
export function valueOf(
  content: Content | undefined,
  format: string,
  timeZone: string,
  newDate: (ms: number) => Date = (ms) => new Date(ms),
): OutValue {
  if (content === undefined) return '';
  const value = isFormula(content) ? content.value : content;
  if (typeof value === 'number' && isDateFormat(format)) return newDate(instantOfSerial(value, timeZone));
  return value;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function renderDate(serial: number, format: string): string {
  const ms = Math.round((serial - EPOCH_SERIAL) * DAY_MS);
  const d = new Date(ms);
  const parts = {
    y: d.getUTCFullYear(),
    m: d.getUTCMonth() + 1,
    d: d.getUTCDate(),
    h: d.getUTCHours(),
    mi: d.getUTCMinutes(),
    s: d.getUTCSeconds(),
  };
  let afterHour = false;
  return format.replace(
    /"([^"]*)"|yyyy|yy|dd|d|mm|m|HH|H|hh|h|ss|s/g,
    (token, literal: string | undefined) => {
      if (literal !== undefined) return literal;
      const lower = token.toLowerCase();
      if (lower.startsWith('h')) {
        afterHour = true;
        return token.length === 2 ? pad(parts.h, 2) : String(parts.h);
      }
      if (lower.startsWith('m')) {
        const minutes = afterHour;
        afterHour = false;
        const n = minutes ? parts.mi : parts.m;
        return token.length === 2 ? pad(n, 2) : String(n);
      }
      if (lower.startsWith('s')) return token.length === 2 ? pad(parts.s, 2) : String(parts.s);
      if (lower.startsWith('y')) return token.length === 4 ? String(parts.y) : pad(parts.y % 100, 2);
      return token.length === 2 ? pad(parts.d, 2) : String(parts.d);
    },
  );
}

/** Numeric formats: literals, grouping, decimals, percent and a negative section. */
function renderNumber(n: number, format: string): string {
  const sections = format.split(';');
  const section = n < 0 && sections.length > 1 ? sections[1] : sections[0];
  const core = /[0#][0#,]*(?:\.[0#]+)?/.exec(unquoted(section))?.[0];
  if (!core) return String(n);
  const percent = unquoted(section).includes('%');
  const value = Math.abs(n) * (percent ? 100 : 1);
  const [int, frac = ''] = core.split('.');
  const text = value.toLocaleString('en-US', {
    useGrouping: int.includes(','),
    minimumIntegerDigits: Math.max(1, (int.match(/0/g) ?? []).length),
    minimumFractionDigits: (frac.match(/0/g) ?? []).length,
    maximumFractionDigits: frac.length,
  });
  const literal = section.replace(
    /"([^"]*)"|\\(.)|[0#][0#,]*(?:\.[0#]+)?/g,
    (m, quoted?: string, escaped?: string) => quoted ?? escaped ?? (m === core ? '\u0000' : m),
  );
  const sign = n < 0 && sections.length === 1 ? '-' : '';
  return sign + literal.replace('\u0000', text);
}

function renderGeneral(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  return String(Number(n.toPrecision(10)));
}

/** What getDisplayValues returns for a cell. */
export function displayOf(content: Content | undefined, format: string): string {
  if (content === undefined) return '';
  const value = isFormula(content) ? content.value : content;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (isDateFormat(format)) return renderDate(value, format);
  if (format === GENERAL || format === PLAIN_TEXT || format === '') return renderGeneral(value);
  return renderNumber(value, format);
}
