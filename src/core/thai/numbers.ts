/** Amounts in baht and plain numbers as staff type them, and formatting numbers back. */
import { isDate } from './dates';
import { normalizeSpaces, toArabicDigits, toThaiDigits } from './digits';

type CellInput = string | number | boolean | Date | null;

export type AmountReading =
  | { kind: 'amount'; value: number; readAs: string }
  | { kind: 'none'; why: 'blank' | 'dash' | 'zero' | 'noBudget'; readAs: string }
  | { kind: 'error'; message: string };

const AMOUNT_EXAMPLE = 'เช่น 20000 หรือ 20,000 บาท และใส่ "-" ถ้าไม่ใช้งบประมาณ';
const NO_BUDGET = /^ไม่(?:ได้)?(?:ใช้|มี|ตั้ง)งบ(?:ประมาณ)?ฯ?$/;
const DASH_ONLY = /^[-–—−‐]+$/;
const PREFIXES = new Set(['จำนวน', 'จำนวนเงิน', 'เป็นเงิน', 'เงิน', 'งบประมาณ', 'งบ', 'รวม', 'รวมเป็นเงิน', '฿']);
const UNITS: ReadonlyMap<string, number> = new Map([
  ['บาท', 0],
  ['บาทถ้วน', 0],
  ['บ', 0],
  ['฿', 0],
  ['ล้าน', 6],
  ['ล้านบาท', 6],
]);

export function readAmount(value: CellInput): AmountReading {
  if (value === null || value === undefined) return none('blank');
  if (typeof value === 'boolean')
    return amountError(`ค่า ${value ? 'TRUE' : 'FALSE'} ไม่ใช่จำนวนเงิน กรุณาพิมพ์จำนวนเงิน ${AMOUNT_EXAMPLE}`);
  if (isDate(value)) {
    return amountError(
      `ช่องนี้เป็นวันที่ ไม่ใช่จำนวนเงิน กรุณาพิมพ์จำนวนเงิน ${AMOUNT_EXAMPLE} (ถ้า Sheets เปลี่ยนเป็นวันที่ให้ตั้งรูปแบบเป็นตัวเลข)`,
    );
  }
  if (typeof value === 'number') return numberAmount(value);
  return textAmount(String(value));
}

function none(why: 'blank' | 'dash' | 'zero' | 'noBudget'): AmountReading {
  const readAs = {
    blank: 'ว่าง',
    dash: '- (ไม่ใช้งบประมาณ)',
    zero: '0 บาท (ไม่ใช้งบประมาณ)',
    noBudget: 'ไม่ใช้งบประมาณ',
  }[why];
  return { kind: 'none', why, readAs };
}

function amountError(message: string): AmountReading {
  return { kind: 'error', message };
}

function numberAmount(value: number): AmountReading {
  if (!Number.isFinite(value)) return amountError(`ค่าตัวเลขไม่ถูกต้อง กรุณาพิมพ์จำนวนเงิน ${AMOUNT_EXAMPLE}`);
  if (value === 0) return none('zero');
  return { kind: 'amount', value, readAs: `${formatBaht(value)} บาท` };
}

interface Lexeme {
  t: 'num' | 'dash' | 'dot' | 'word';
  raw: string;
  start: number;
  end: number;
}

const AMOUNT_LEXEMES: readonly [Lexeme['t'], RegExp][] = [
  ['num', /[0-9][0-9,]*(?:\.[0-9]+)?/y],
  ['dash', /[-–—−‐]/y],
  ['dot', /\./y],
  ['word', /[\u0E01-\u0E4E][\u0E01-\u0E4E.]*|[A-Za-z]+|[^\s]/y],
];

function lexAmount(text: string): Lexeme[] {
  const out: Lexeme[] = [];
  for (let i = 0; i < text.length;) {
    if (text[i] === ' ') {
      i++;
      continue;
    }
    const [t, match] = AMOUNT_LEXEMES.map(([kind, re]) => {
      re.lastIndex = i;
      return [kind, re.exec(text)] as const;
    }).find(([, m]) => m !== null) as readonly [Lexeme['t'], RegExpExecArray];
    out.push({ t, raw: match[0], start: i, end: i + match[0].length });
    i += match[0].length;
  }
  return out;
}

function textAmount(input: string): AmountReading {
  const text = toArabicDigits(normalizeSpaces(input));
  const compact = text.replace(/[\s.]/g, '');
  if (!text) return none('blank');
  if (NO_BUDGET.test(compact)) return none('noBudget');
  if (DASH_ONLY.test(compact)) return none('dash');
  const lexemes = lexAmount(text);
  const numbers = lexemes.filter((l) => l.t === 'num');
  if (numbers.length === 0)
    return amountError(`ไม่พบจำนวนเงินใน "${clip(text)}" กรุณาพิมพ์จำนวนเงิน ${AMOUNT_EXAMPLE}`);
  if (numbers.length > 1) return mixed(text);
  const at = lexemes.indexOf(numbers[0]);
  const sign = signBefore(lexemes.slice(0, at), numbers[0], text);
  if (typeof sign !== 'number') return sign;
  const scale = unitAfter(lexemes.slice(at + 1), text);
  if (typeof scale !== 'number') return scale;
  return amountValue(numbers[0].raw, sign, scale, text);
}

/** Allowed before the number: "จำนวน", "฿" and a minus sign touching the number. */
function signBefore(before: Lexeme[], num: Lexeme, text: string): number | AmountReading {
  let sign = 1;
  for (const [i, l] of before.entries()) {
    if (l.t === 'dash' && i === before.length - 1 && l.end === num.start) sign = -1;
    else if (l.t === 'word' && PREFIXES.has(l.raw)) continue;
    else return l.t === 'word' ? wordError(l.raw) : mixed(text);
  }
  return sign;
}

/** Allowed after the number: one unit ("บาท", "ล้านบาท") and the ".-" that closes an amount. */
function unitAfter(after: Lexeme[], text: string): number | AmountReading {
  let scale: number | null = null;
  for (const [i, l] of after.entries()) {
    // "20,000.-" and "20,000 บาท.-": a dash right after a dot closes the amount.
    const closesAmount = l.t === 'dash' && after[i - 1]?.raw.endsWith('.') && after[i - 1].end === l.start;
    const unit = l.t === 'word' ? UNITS.get(l.raw.replace(/\.+$/, '')) : undefined;
    if (l.t === 'dot' || closesAmount) continue;
    if (unit !== undefined && scale === null) scale = unit;
    else if (l.t === 'word' && unit === undefined) return wordError(l.raw);
    else return mixed(text);
  }
  return scale ?? 0;
}

function amountValue(raw: string, sign: number, scale: number, text: string): AmountReading {
  const parsed = parseUnsigned(raw);
  if (!parsed.ok) return amountError(commaError(raw));
  if (scale === 0 && parsed.fraction.length > 2) {
    return amountError(`"${clip(text)}" มีทศนิยมเกิน 2 ตำแหน่ง จำนวนเงินมีได้ถึงสตางค์ เช่น 20000.50`);
  }
  const value = sign * shiftDecimal(parsed.plain, scale);
  if (!Number.isFinite(value) || Math.abs(value) > 1e15) {
    return amountError(`จำนวนเงิน "${clip(text)}" มากผิดปกติ กรุณาตรวจสอบ ${AMOUNT_EXAMPLE}`);
  }
  return value === 0 ? none('zero') : { kind: 'amount', value, readAs: `${formatBaht(value)} บาท` };
}

function mixed(text: string): AmountReading {
  return amountError(
    `พบตัวเลขมากกว่าหนึ่งค่าหรือมีข้อความปนใน "${clip(text)}" ช่องงบประมาณต้องมีจำนวนเงินเดียวต่อปี ` +
      `${AMOUNT_EXAMPLE} (ถ้ามีหลายปีให้แยกใส่ช่องของแต่ละปี)`,
  );
}

function wordError(word: string): AmountReading {
  return amountError(`มีข้อความ "${clip(word)}" ที่ไม่ใช่จำนวนเงิน กรุณาพิมพ์เฉพาะจำนวนเงิน ${AMOUNT_EXAMPLE}`);
}

function commaError(raw: string): string {
  return `ใส่เครื่องหมายจุลภาคผิดตำแหน่งใน "${raw}" ต้องคั่นทุกสามหลัก เช่น 20,000 หรือพิมพ์ไม่มีจุลภาค เช่น 20000`;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** "20,000.50" → plain "20000.50"; commas must group by three. */
function parseUnsigned(raw: string): { ok: true; plain: string; fraction: string } | { ok: false } {
  if (!/^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/.test(raw)) return { ok: false };
  const plain = raw.replace(/,/g, '');
  return { ok: true, plain, fraction: plain.split('.')[1] ?? '' };
}

/** "1.15" shifted by 6 → 1150000, exactly (no 1.15 × 1e6 rounding error). */
function shiftDecimal(plain: string, places: number): number {
  const [whole, fraction = ''] = plain.split('.');
  const padded = fraction.padEnd(places, '0');
  return Number(`${whole}${padded.slice(0, places)}.${padded.slice(places) || '0'}`);
}

export type NumberReading = { ok: true; value: number } | { ok: false; error: string };

const NUMBER_EXAMPLE = 'เช่น 85 หรือ 86.70';

/** Scores, percents and years: a number, or text with Thai digits, commas and spaces; "85%" when allowed. */
export function readNumber(value: CellInput, options: { allowPercentSign?: boolean } = {}): NumberReading {
  if (typeof value === 'number') {
    return Number.isFinite(value)
      ? { ok: true, value }
      : { ok: false, error: `ค่าตัวเลขไม่ถูกต้อง กรุณาพิมพ์ตัวเลข ${NUMBER_EXAMPLE}` };
  }
  if (value === null || value === undefined)
    return { ok: false, error: `ช่องว่าง กรุณาพิมพ์ตัวเลข ${NUMBER_EXAMPLE}` };
  if (typeof value === 'boolean')
    return { ok: false, error: `ค่า ${value ? 'TRUE' : 'FALSE'} ไม่ใช่ตัวเลข กรุณาพิมพ์ตัวเลข ${NUMBER_EXAMPLE}` };
  if (isDate(value)) return { ok: false, error: `ช่องนี้เป็นวันที่ ไม่ใช่ตัวเลข กรุณาพิมพ์ตัวเลข ${NUMBER_EXAMPLE}` };
  return textNumber(toArabicDigits(normalizeSpaces(String(value))), options.allowPercentSign === true);
}

function textNumber(text: string, allowPercent: boolean): NumberReading {
  if (!text) return { ok: false, error: `ช่องว่าง กรุณาพิมพ์ตัวเลข ${NUMBER_EXAMPLE}` };
  const match = /^(ร้อยละ\s*)?([-+−]?)\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*(%?)$/.exec(text);
  if (!match) return { ok: false, error: `"${clip(text)}" ไม่ใช่ตัวเลข กรุณาพิมพ์เฉพาะตัวเลข ${NUMBER_EXAMPLE}` };
  const [, percentWord, sign, digits, percentSign] = match;
  if ((percentWord || percentSign) && !allowPercent) {
    return { ok: false, error: `"${clip(text)}" มีเครื่องหมายร้อยละ ช่องนี้ให้พิมพ์เฉพาะตัวเลข ${NUMBER_EXAMPLE}` };
  }
  if (percentWord && percentSign)
    return { ok: false, error: `"${clip(text)}" เขียนร้อยละซ้ำ ให้พิมพ์ เช่น 85 หรือ 85%` };
  const parsed = parseUnsigned(digits);
  if (!parsed.ok) return { ok: false, error: commaError(digits) };
  const value = Number(parsed.plain) * (sign && sign !== '+' ? -1 : 1);
  return Number.isFinite(value)
    ? { ok: true, value: value === 0 ? 0 : value }
    : { ok: false, error: `"${clip(text)}" มากเกินไป` };
}

/** 77200 → "77,200"; with decimals 2 → "77,200.00". Default: 2 decimals only when there are satang. */
export function formatBaht(
  n: number,
  options: { decimals?: 0 | 2; digits?: 'thai' | 'arabic' } = {},
): string {
  let text: string;
  if (options.decimals !== undefined || Number.isInteger(n) || !Number.isFinite(n))
    text = formatNumber(n, options.decimals ?? 0);
  else {
    // Rounded to satang once: whole baht show no decimals (roundTo is odd: roundTo(-x) = -roundTo(x)).
    const satang = roundTo(n, 2);
    text = Number.isInteger(satang) ? formatNumber(n, 0) : formatRounded(n, Math.abs(satang), 2);
  }
  return options.digits === 'thai' ? toThaiDigits(text) : text;
}

/** Thousands separators and a fixed number of decimals, rounding half away from zero. */
export function formatNumber(n: number, decimals = 0): string {
  if (!Number.isFinite(n)) return String(n);
  const places = Math.max(0, Math.min(20, Math.trunc(decimals)));
  // An integer is its own rounding (most amounts are whole baht: no string round trip for them).
  const rounded = Number.isInteger(n) ? Math.abs(n) : roundTo(Math.abs(n), places);
  return formatRounded(n, rounded, places);
}

/** `rounded` (|n| already rounded to `places`) with thousands separators and n's sign. */
function formatRounded(n: number, rounded: number, places: number): string {
  const fixed = rounded.toFixed(places);
  const point = fixed.indexOf('.');
  const whole = point < 0 ? fixed : fixed.slice(0, point);
  const sign = n < 0 && rounded !== 0 ? '-' : '';
  return `${sign}${groupThousands(whole)}${point < 0 ? '' : fixed.slice(point)}`;
}

/** "1234567" → "1,234,567"; texts that are not plain digits (1e+21) are left as they are. */
function groupThousands(whole: string): string {
  const n = whole.length;
  if (n <= 3 || !/^\d+$/.test(whole)) return whole;
  let first = n % 3 || 3;
  let out = whole.slice(0, first);
  for (; first < n; first += 3) out += `,${whole.slice(first, first + 3)}`;
  return out;
}

/** Decimal rounding via the exponent form, so 1.005 → 1.01 as written. */
function roundTo(n: number, places: number): number {
  const sign = n < 0 ? -1 : 1;
  const abs = Math.abs(n);
  if (/e/i.test(String(abs))) return n;
  return sign * Number(`${Math.round(Number(`${abs}e${places}`))}e-${places}`);
}
