/**
 * Reading one cell as its column's type. Every reader returns blank, a value with how it was read, or a
 * Thai problem saying what to type instead: nothing unreadable is ever turned into zero or skipped.
 */
import { isBlank } from './cells';
import type { RuleId } from './findings';
import { ITEM_TYPES, ROUNDS, STATUSES, type ItemTypeKind, type RoundKind, type StatusKind } from './schema';
import type { RawCell } from './table';
import { textOf } from './table';
import { cellToIsoDate, formatThaiDate, readYear, type IsoDate } from './thai/dates';
import { normalizeSpaces, ODD_SPACE, toArabicDigits } from './thai/digits';
import { fiscalYearOf } from './thai/fiscal';
import { formatBaht, readAmount, readNumber, type AmountReading } from './thai/numbers';
import { parsePeriod, type PeriodReading } from './thai/period';
import { textSlot } from './text-slot';

export interface Problem {
  rule: RuleId;
  /** What is wrong and what to do (Thai, without the cell's address). */
  problem: string;
  readAs?: string;
  severity?: 'error' | 'warning';
}

export type Reading<T> =
  | { kind: 'blank' }
  | { kind: 'ok'; value: T; readAs: string; notice?: Problem }
  | { kind: 'bad'; problem: Problem };

const blank = { kind: 'blank' } as const;

function ok<T>(value: T, readAs: string, notice?: Problem): Reading<T> {
  return { kind: 'ok', value, readAs, notice };
}

function bad(rule: RuleId, problem: string, readAs?: string): { kind: 'bad'; problem: Problem } {
  return { kind: 'bad', problem: { rule, problem, readAs } };
}

/** Canonical text for comparing list values: spaces collapsed, Arabic digits, no spaces around "/". */
export function canon(text: string): string {
  return normalizeSpaces(toArabicDigits(text))
    .replace(/\s*\/\s*/g, '/')
    .toLowerCase();
}

export function readFiscalYear(cell: RawCell): Reading<number> {
  if (isBlank(cell.value)) return blank;
  if (cell.value instanceof Date || typeof cell.value === 'boolean') {
    return bad('unreadable', 'ช่องนี้ต้องเป็นปี พ.ศ. 4 หลัก เช่น 2566 ไม่ใช่วันที่');
  }
  const text = toArabicDigits(String(cell.value))
    .replace(/ปีงบประมาณ|ปีงบ|พ\.\s*ศ\.|พ\.ศ|ปี/g, ' ')
    .trim();
  const year = /^\d{2,4}$/.test(text) ? readYear(text) : null;
  if (!year) return bad('unreadable', 'อ่านปีไม่ได้ ให้กรอกปี พ.ศ. 4 หลัก เช่น 2566');
  if (year.written === 'ce4') {
    return ok(year.be, `พ.ศ. ${year.be}`, {
      rule: 'unreadable',
      severity: 'warning',
      problem: `กรอกเป็นปี ค.ศ. ${text} ระบบอ่านเป็น พ.ศ. ${year.be} กรุณาแก้เป็น ${year.be}`,
      readAs: `พ.ศ. ${year.be}`,
    });
  }
  return ok(year.be, `พ.ศ. ${year.be}`);
}

function readBoundedNumber(
  cell: RawCell,
  options: { min: number; max: number; what: string; example: string; allowPercentSign?: boolean },
): Reading<number> {
  if (isBlank(cell.value)) return blank;
  const read = readNumber(cell.value, { allowPercentSign: options.allowPercentSign });
  if (!read.ok)
    return bad('unreadable', `อ่าน${options.what}ไม่ได้ (${read.error}) ให้กรอกตัวเลข เช่น ${options.example}`);
  const value = read.value;
  if (value < options.min || value > options.max) {
    return bad(
      'out-of-range',
      `${options.what}ต้องอยู่ระหว่าง ${options.min}–${options.max} แต่กรอกไว้ ${value} กรุณาตรวจสอบและแก้ไข`,
      String(value),
    );
  }
  return ok(value, String(value));
}

export function readScore(cell: RawCell): Reading<number> {
  return readBoundedNumber(cell, { min: 0, max: 100, what: 'คะแนน', example: '86.70' });
}

/**
 * Percent of progress 0–100. A cell formatted as percent holds 0.5 for "50%": the displayed text tells
 * which scale the user meant.
 */
export function readPercent(cell: RawCell): Reading<number> {
  if (typeof cell.value === 'number' && /%\s*$/.test(cell.display)) {
    const shown = readNumber(cell.display, { allowPercentSign: true });
    if (shown.ok) return readBoundedNumber({ ...cell, value: shown.value }, percentOptions);
  }
  return readBoundedNumber(cell, percentOptions);
}

const percentOptions = { min: 0, max: 100, what: 'ร้อยละความก้าวหน้า', example: '50', allowPercentSign: true };

export function readInteger(cell: RawCell, min: number, max: number, what: string): Reading<number> {
  const read = readBoundedNumber(cell, { min, max, what, example: String(min + 1) });
  if (read.kind === 'ok' && !Number.isInteger(read.value)) {
    return bad('unreadable', `${what}ต้องเป็นจำนวนเต็ม เช่น 30`, String(read.value));
  }
  return read;
}

export function readDateCell(cell: RawCell, timeZone: string): Reading<IsoDate> {
  if (isBlank(cell.value)) return blank;
  const read = cellToIsoDate(cell.value, timeZone);
  if (!read.ok)
    return bad('unreadable', `อ่านวันที่ไม่ได้ (${read.error}) ให้กรอกวันที่ เช่น 30/9/2566 หรือ 30 ก.ย. 2566`);
  return ok(read.date, formatThaiDate(read.date, { style: 'short' }));
}

/**
 * One item's amount above a million million baht (more than the whole national budget) is a typing
 * slip, and sums of such numbers would overflow the totals and the amounts in words.
 */
export const MAX_AMOUNT = 1e12;

export function readAmountCell(cell: RawCell): Reading<AmountReading> {
  const reading = readAmount(cell.value);
  if (reading.kind === 'error') return bad('unreadable', reading.message);
  if (reading.kind === 'none' && reading.why === 'blank') return blank;
  if (reading.kind === 'amount' && reading.value < 0) {
    return bad(
      'out-of-range',
      `งบประมาณต้องไม่ติดลบ (กรอกไว้ ${formatBaht(reading.value)}) ถ้าไม่ใช้งบประมาณให้ใส่ "-"`,
      reading.readAs,
    );
  }
  if (reading.kind === 'amount' && reading.value > MAX_AMOUNT) {
    return bad(
      'out-of-range',
      `จำนวนเงิน ${formatBaht(reading.value)} บาท มากผิดปกติ (เกินหนึ่งล้านล้านบาท) กรุณาตรวจสอบว่าพิมพ์ตัวเลขเกินหรือไม่`,
      reading.readAs,
    );
  }
  return ok(reading, reading.readAs);
}

/** The amount cache has 2^AMOUNT_SLOT_BITS slots. */
const AMOUNT_SLOT_BITS = 12;
const AMOUNT_SLOTS = 1 << AMOUNT_SLOT_BITS;

/**
 * Amounts typed as numbers, each kept in a direct-mapped slot by value: budgets repeat down a sheet and
 * share one frozen reading, while distinct amounts (disbursements) cost one reading each and no map entry.
 */
const amountCache = {
  values: new Float64Array(AMOUNT_SLOTS).fill(Number.NaN),
  readings: new Array<AmountReading | null>(AMOUNT_SLOTS).fill(null),
};

/**
 * What readAmountCell reads in a cell holding a number above 0 and at most MAX_AMOUNT (the value of its
 * 'ok' reading), or null for any other cell, which goes through readAmountCell and its messages.
 */
export function numberAmountReading(value: unknown): AmountReading | null {
  if (typeof value !== 'number' || !(value > 0 && value <= MAX_AMOUNT)) return null;
  // Multiplicative hashing (the product's top bits) of the value in satang: whole baht and satang both
  // move the slot; values beyond 32 bits wrap, which a hash may do.
  const slot = Math.imul((value * 100) | 0, 0x9e3779b1) >>> (32 - AMOUNT_SLOT_BITS);
  if (amountCache.values[slot] === value) return amountCache.readings[slot];
  const reading = Object.freeze(readAmount(value));
  amountCache.values[slot] = value;
  amountCache.readings[slot] = reading;
  return reading;
}

export function readPeriodCell(
  cell: RawCell,
  timeZone: string,
  fiscalYear?: number,
): Reading<PeriodReading & { ok: true }> {
  if (isBlank(cell.value)) return blank;
  // A period typed as a date ("1/10/2565" turned into a date by Sheets) is a one-day period.
  if (cell.value instanceof Date || typeof cell.value === 'number') {
    const date = cellToIsoDate(cell.value, timeZone);
    if (date.ok) {
      const readAs = formatThaiDate(date.date, { style: 'short' });
      const windows = [{ start: date.date, end: date.date }];
      const day = {
        ok: true as const,
        ...windows[0],
        fiscalYears: [fiscalYearOf(date.date)],
        remark: null,
        windows,
        readAs,
      };
      return ok(day, readAs);
    }
  }
  const reading = parsePeriod(textOf(cell), fiscalYear === undefined ? undefined : { fiscalYear });
  if (!reading.ok) return bad('unreadable', reading.error);
  return ok(reading, reading.readAs);
}

function matchLabel<T>(
  cell: RawCell,
  options: readonly { label: string; aliases: readonly string[]; value: T }[],
  what: string,
): Reading<T> {
  if (isBlank(cell.value)) return blank;
  const text = canon(textOf(cell));
  const found = options.find((o) => [o.label, ...o.aliases].some((l) => canon(l) === text));
  if (found) return ok(found.value, found.label);
  const list = options.map((o) => `"${o.label}"`).join(', ');
  return bad('not-in-list', `${what}"${textOf(cell)}" ไม่อยู่ในรายการ ให้เลือกจากรายการ: ${list}`);
}

export function readStatus(cell: RawCell): Reading<StatusKind> {
  return matchLabel(
    cell,
    STATUSES.map((s) => ({ ...s, value: s.kind })),
    'สถานะ ',
  );
}

export function readItemType(cell: RawCell): Reading<ItemTypeKind> {
  return matchLabel(
    cell,
    ITEM_TYPES.map((t) => ({ ...t, value: t.kind })),
    'ประเภท ',
  );
}

export function readRound(cell: RawCell): Reading<RoundKind> {
  return matchLabel(
    cell,
    ROUNDS.map((r) => ({ ...r, value: r.months })),
    'รอบการรายงาน ',
  );
}

export function statusLabel(kind: StatusKind): string {
  return (STATUSES.find((s) => s.kind === kind) as (typeof STATUSES)[number]).label;
}

export function itemTypeLabel(kind: ItemTypeKind): string {
  return (ITEM_TYPES.find((t) => t.kind === kind) as (typeof ITEM_TYPES)[number]).label;
}

// ---------------------------------------------------------------------------------------------------------
// Form placeholders: the blank a template asked to fill in ("ระบุหน่วยงาน…", "..........").

export const PLACEHOLDER_PATTERNS: readonly RegExp[] = [
  /^[([{"'“]?\s*(?:โปรด|กรุณา)?\s*ระบุ/,
  /^[.…_\-–—\s]{3,}$/,
  /\.{6,}|…{2,}|_{4,}/,
  /^x{3,}$/i,
];

/** First characters a placeholder pattern can start with, other than the "ระบุ" forms (. … _ - – — x X). */
const PLACEHOLDER_FIRST: ReadonlySet<number> = new Set([
  0x2e, 0x2026, 0x5f, 0x2d, 0x2013, 0x2014, 0x78, 0x58,
]);

/**
 * What could make normalizeSpaces change a text or a placeholder pattern match it, other than its
 * first and last characters: an odd space, two spaces, "ระบุ" or a run of dots, ellipses or underscores.
 */
const WORTH_A_LOOK = new RegExp(`${ODD_SPACE.source}| {2}|ระบุ|\\.{6}|…{2}|_{4}`);

/**
 * True when the text is its own normalizeSpaces form and no placeholder, found in one scan of it
 * (six for the two checks apart); most cells of a sheet are such texts.
 */
export function isPlainText(text: string): boolean {
  const n = text.length;
  return (
    n > 0 &&
    text.charCodeAt(0) !== 0x20 &&
    text.charCodeAt(n - 1) !== 0x20 &&
    !PLACEHOLDER_FIRST.has(text.charCodeAt(0)) &&
    !WORTH_A_LOOK.test(text)
  );
}

/** Slots of the text cache (a power of two). */
export const TEXT_SLOTS = 8192;

/**
 * Each text as normalizeSpaces gives it and whether it is a placeholder, in a direct-mapped cache
 * (textSlot): the same text down a column, or asked about per row of a report, is checked once, not
 * scanned again. Both are pure functions of the text, so one cache serves every read and report.
 */
const textCache = {
  raw: new Array<string | null>(TEXT_SLOTS).fill(null),
  normalized: new Array<string>(TEXT_SLOTS).fill(''),
  placeholder: new Uint8Array(TEXT_SLOTS),
};

/** The slot holding the text's normalized form and placeholder flag (worked out now if missing). */
export function textSlotOf(raw: string): number {
  const slot = textSlot(raw, TEXT_SLOTS);
  if (textCache.raw[slot] !== raw) {
    const plain = isPlainText(raw);
    const text = plain ? raw : normalizeSpaces(raw);
    textCache.raw[slot] = raw;
    textCache.normalized[slot] = text;
    textCache.placeholder[slot] = !plain && isNormalizedPlaceholder(text) ? 1 : 0;
  }
  return slot;
}

/** The normalized text in a slot of textSlotOf. */
export function normalizedAt(slot: number): string {
  return textCache.normalized[slot];
}

/** Whether the text in a slot of textSlotOf is a form's placeholder. */
export function placeholderAt(slot: number): boolean {
  return textCache.placeholder[slot] === 1;
}

export function isPlaceholder(text: string): boolean {
  return placeholderAt(textSlotOf(text));
}

/** isPlaceholder of a text normalizeSpaces has already been through (saves a second scan of it). */
export function isNormalizedPlaceholder(trimmed: string): boolean {
  if (trimmed === '') return false;
  // Every text cell passes here: rule out most texts with substring checks before any pattern runs.
  const possible =
    PLACEHOLDER_FIRST.has(trimmed.charCodeAt(0)) ||
    trimmed.includes('ระบุ') ||
    trimmed.includes('......') ||
    trimmed.includes('……') ||
    trimmed.includes('____');
  return possible && PLACEHOLDER_PATTERNS.some((p) => p.test(trimmed));
}

// ---------------------------------------------------------------------------------------------------------

export interface UnitsReading {
  /** Known units named in the cell, in list order of appearance. */
  units: string[];
  text: string;
}

/**
 * Responsible units: a cell may name several ("สำนักปลัด กองคลัง กองช่าง") and add the organisation's
 * name ("สำนักปลัด องค์การบริหารส่วนตำบล…"); a unit counts when its name appears in the cell.
 */
export function readUnits(cell: RawCell, knownUnits: readonly string[]): Reading<UnitsReading> {
  if (isBlank(cell.value)) return blank;
  const text = textOf(cell);
  if (isPlaceholder(text)) {
    return bad('placeholder', 'ยังเป็นข้อความตัวอย่างของแบบฟอร์ม ให้ระบุชื่อหน่วยงานที่รับผิดชอบจริง เช่น สำนักปลัด');
  }
  const units = matchUnits(text, knownUnits);
  // No list to check against (the reference's units table is empty or unreadable, reported there):
  // one finding there, not one per cell here.
  if (!units.length && knownUnits.length) {
    return {
      kind: 'ok',
      value: { units: [], text },
      readAs: text,
      notice: {
        rule: 'unknown-unit',
        problem: `ไม่พบชื่อหน่วยงานในรายการหน่วยงานของชีตอ้างอิง ถ้าเป็นหน่วยงานใหม่ให้เพิ่มชื่อในชีตอ้างอิง`,
      },
    };
  }
  return ok({ units, text }, units.join(', '));
}

export function matchUnits(text: string, knownUnits: readonly string[]): string[] {
  const haystack = canon(text).replace(/\s+/g, '');
  const byLength = [...knownUnits].sort((a, b) => b.length - a.length);
  const found: { unit: string; at: number }[] = [];
  let rest = haystack;
  for (const unit of byLength) {
    const needle = canon(unit).replace(/\s+/g, '');
    if (!needle) continue;
    const at = rest.indexOf(needle);
    if (at >= 0) {
      found.push({ unit, at: haystack.indexOf(needle) });
      rest = rest.replace(needle, ' '.repeat(needle.length));
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.unit);
}

// ---------------------------------------------------------------------------------------------------------

export interface IndicatorName {
  no: number;
  names: readonly string[];
}

/**
 * ITA indicators named in a cell: numbers ("5, 9", "๕ และ ๙", "1-5") or names ("การเปิดเผยข้อมูล").
 * Text in parentheses is a remark ("(IIT)", "(ไม่มีตัวชี้วัดเฉพาะ)").
 */
export function readIndicators(cell: RawCell, known: readonly IndicatorName[]): Reading<number[]> {
  if (isBlank(cell.value)) return blank;
  if (typeof cell.value === 'number') return checkIndicators([cell.value], known);
  const text = toArabicDigits(textOf(cell)).replace(/\([^)]*\)|\[[^\]]*\]/g, ' ');
  if (!text.trim()) return ok([], 'ไม่ระบุตัวชี้วัด');
  const numbers: number[] = [];
  const withoutRanges = text.replace(/(\d{1,2})\s*[-–—]\s*(\d{1,2})/g, (_, a: string, b: string) => {
    for (let n = Number(a); n <= Number(b); n++) numbers.push(n);
    return ' ';
  });
  for (const m of withoutRanges.matchAll(/\d+/g)) numbers.push(Number(m[0]));
  if (numbers.length) return checkIndicators(numbers, known);
  const plain = canon(text);
  const named = known.filter((k) => k.names.some((n) => n && plain.includes(canon(n)))).map((k) => k.no);
  if (named.length) return checkIndicators(named, known);
  return bad(
    'unreadable',
    'อ่านตัวชี้วัด ITA ไม่ได้ ให้กรอกเลขตัวชี้วัด 1–10 คั่นด้วยจุลภาค เช่น "5, 9" (คำอธิบายใส่ในวงเล็บได้)',
  );
}

function checkIndicators(numbers: number[], known: readonly IndicatorName[]): Reading<number[]> {
  const unique = [...new Set(numbers)].sort((a, b) => a - b);
  // An empty framework (unreadable reference table, reported there) cannot tell known from unknown.
  const unknown = known.length ? unique.filter((n) => !known.some((k) => k.no === n)) : [];
  if (unknown.length) {
    const list = known.map((k) => k.no).join(', ');
    return bad(
      'unknown-indicator',
      `ไม่พบตัวชี้วัดที่ ${unknown.join(', ')} ในชีตอ้างอิง (มีตัวชี้วัด ${list}) กรุณาตรวจสอบเลขตัวชี้วัด`,
      unique.join(', '),
    );
  }
  return ok(unique, `ตัวชี้วัดที่ ${unique.join(', ')}`);
}
