/**
 * Display text of a cell value under an Excel number format, as a user would see it: enough of the
 * format language for what workbooks hold (General, 0, 0.00, 0.##, #,##0, #,##0.00, percents, literal
 * text such as "บาท", sign sections). Formats are compiled once and cached: readSheet formats every
 * number of a 100,000-row sheet.
 */
import type { CellValue } from '../../core/cells';

type Formatter = (value: number) => string;

const cache = new Map<string, Formatter>();

/** What the cell shows. Dates show as d/m/yyyy (with H:MM when the format has hours and the time is set). */
export function displayText(value: CellValue, numFmt: string | undefined): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value, numFmt);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return formatDate(value, numFmt);
}

export function formatDate(date: Date, numFmt: string | undefined): string {
  if (Number.isNaN(date.getTime())) return '';
  const day = `${date.getUTCDate()}/${date.getUTCMonth() + 1}/${date.getUTCFullYear()}`;
  const minutes = date.getUTCHours() * 60 + date.getUTCMinutes();
  if (!minutes || !numFmt || !/h/i.test(stripLiterals(numFmt))) return day;
  return `${day} ${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

export function formatNumber(value: number, numFmt: string | undefined): string {
  if (!numFmt || numFmt === 'General' || numFmt === '@') return general(value);
  let formatter = cache.get(numFmt);
  if (!formatter) {
    formatter = compile(numFmt);
    cache.set(numFmt, formatter);
  }
  return formatter(value);
}

/** General: the number without float noise (0.1 + 0.2 shows 0.3). */
function general(value: number): string {
  if (!Number.isFinite(value)) return '#NUM!';
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
}

/** Quoted text, escapes, [colour]/[locale] tags and padding removed: what is left says what the format does. */
function stripLiterals(section: string): string {
  return section.replace(/"[^"]*"|\\.|\[[^\]]*\]|[_*]./g, '');
}

/** Splits on ';' outside quotes. */
function sections(numFmt: string): string[] {
  return numFmt.match(/(?:"[^"]*"|\\.|[^;])+/g) ?? [''];
}

function compile(numFmt: string): Formatter {
  const [positive, negative, zero] = sections(numFmt).map(compileSection);
  return (value) => {
    if (!Number.isFinite(value)) return '#NUM!';
    if (value < 0 && negative) return negative(-value);
    if (value === 0 && zero) return zero(0);
    if (value < 0) return `-${positive(-value)}`;
    return positive(value);
  };
}

/** One section: literal prefix, one run of digit placeholders, literal suffix. */
function compileSection(section: string): Formatter {
  const bare = stripLiterals(section);
  // Dates as serials, fractions and scientific notation are beyond this small formatter: show General.
  if (/general/i.test(bare) || /[ymdhs]/i.test(bare) || /[?]\/|E[+-]/i.test(bare)) return general;
  const percents = (bare.match(/%/g) ?? []).length;
  const parts = splitPlaceholders(section);
  if (!parts) return (value) => literalText(section) || general(value);
  const digits = compileDigits(parts.run);
  const prefix = literalText(parts.before);
  const suffix = literalText(parts.after);
  return (value) => `${prefix}${digits(value * 100 ** percents)}${suffix}`;
}

/** Finds the first run of 0 # ? , . placeholders outside literals. */
function splitPlaceholders(section: string): { before: string; run: string; after: string } | null {
  const tokens = section.match(/"[^"]*"|\\.|\[[^\]]*\]|[_*].|[0#?,.]+|[^"\\[_*0#?,.]+/g) ?? [];
  const index = tokens.findIndex((t) => /^[0#?,.]+$/.test(t) && /[0#?]/.test(t));
  if (index < 0) return null;
  return {
    before: tokens.slice(0, index).join(''),
    run: tokens[index],
    after: tokens.slice(index + 1).join(''),
  };
}

/** The literal text a format piece prints: quoted text, escaped characters, plain characters. */
function literalText(piece: string): string {
  return piece
    .replace(/\[\$([^-\]]*)[^\]]*\]/g, '$1')
    .replace(/\[[^\]]*\]|[_*]./g, '')
    .replace(
      /"([^"]*)"|\\(.)/g,
      (_m, quoted: string | undefined, escaped: string | undefined) => quoted ?? escaped ?? '',
    );
}

function compileDigits(run: string): Formatter {
  const point = run.indexOf('.');
  const intPart = point < 0 ? run : run.slice(0, point);
  const decPart = point < 0 ? '' : run.slice(point + 1).replace(/,/g, '');
  const trailingCommas = /,+$/.exec(intPart)?.[0].length ?? 0;
  const intPlaces = intPart.slice(0, intPart.length - trailingCommas);
  const grouping = intPlaces.includes(',');
  const minInt = (intPlaces.match(/0/g) ?? []).length;
  const decimals = (decPart.match(/[0#?]/g) ?? []).length;
  const minDec = (decPart.match(/0/g) ?? []).length;
  const scale = 1000 ** trailingCommas;
  return (value) => {
    const [whole, fraction] = roundFixed(value / scale, decimals);
    let intText = whole === '0' && minInt === 0 ? '' : whole.padStart(minInt, '0');
    if (grouping) intText = group(intText);
    if (point < 0) return intText;
    let end = fraction.length;
    while (end > minDec && fraction.charCodeAt(end - 1) === 48) end--;
    return `${intText}.${fraction.slice(0, end)}`;
  };
}

/** "1234567" → "1,234,567". */
function group(digits: string): string {
  let result = '';
  for (let end = digits.length; end > 0; end -= 3) {
    const start = Math.max(0, end - 3);
    result = result ? `${digits.slice(start, end)},${result}` : digits.slice(start, end);
  }
  return result;
}

/** Rounding nudge: lifts 1.005 × 100 = 100.49999999999999 back over the half it stands for. */
const NUDGE = 1 + 4 * Number.EPSILON;

/**
 * A non-negative number rounded half up to `decimals` places, as whole and fraction digits. Rounds on
 * the decimal digits a spreadsheet shows (1.005 → "1.01"), not on the binary value toFixed sees ("1.00").
 */
function roundFixed(value: number, decimals: number): [string, string] {
  const factor = 10 ** decimals;
  const scaled = Math.round(value * factor * NUDGE);
  // Beyond 2^53 integer arithmetic is inexact: let toFixed do what it can.
  if (!Number.isSafeInteger(scaled)) {
    const [whole, fraction = ''] = value.toFixed(decimals).split('.');
    return [whole, fraction];
  }
  const whole = Math.floor(scaled / factor);
  const fraction = decimals ? String(scaled - whole * factor).padStart(decimals, '0') : '';
  return [String(whole), fraction];
}
