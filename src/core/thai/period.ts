/**
 * Period texts as staff write them ("๑ ต.ค. ๒๕๖๕ - ๓๐ ก.ย. ๒๕๖๖", "ปีงบประมาณ พ.ศ. 2566 – 2570",
 * "ต.ค. - ธ.ค. 2565 และ เม.ย. - มิ.ย. 2566 (ขึ้นอยู่กับงบประมาณ)") read into date windows.
 *
 * Grammar over the tokens of ./lexer (fillers such as ตั้งแต่/ประจำ/ในเดือน dropped first):
 *   period := span remark* (and span remark*)*
 *   span   := point (dash point)?
 *   point  := date | num month year? | num | month year? | fy year? | quarter num (/ year | fy year?)?
 *           | ปี (alone: the whole year in context) | ทุกเดือน
 *   year   := era? num
 * A year written once on one end of a range applies to both ends; a window with no year takes it from
 * its neighbour window, else from the fiscal year given by the caller, else the reading fails.
 * Whatever cannot be read for sure fails with a Thai reason: nothing is guessed silently.
 */
import {
  beToCe,
  ceToBe,
  compareIso,
  daysInMonth,
  isoDate,
  isValidYmd,
  parseIso,
  readYear,
  type IsoDate,
} from './calendar';
import { formatThaiDate, noSuchDay } from './dates';
import { normalizeSpaces } from './digits';
import {
  beYearOfMonthInFiscalYear,
  fiscalQuarterWindow,
  fiscalYearEnd,
  fiscalYearStart,
  fiscalYearsBetween,
} from './fiscal';
import { numericDateParts, tokenize, type Token } from './lexer';

export interface PeriodWindow {
  start: IsoDate;
  end: IsoDate;
}

export type PeriodFailure = 'empty' | 'unreadable' | 'ambiguous' | 'noYear' | 'invalidDate' | 'reversed';

export type PeriodReading =
  | {
      ok: true;
      start: IsoDate;
      end: IsoDate;
      fiscalYears: number[];
      remark: string | null;
      windows: PeriodWindow[];
      readAs: string;
    }
  | { ok: false; reason: PeriodFailure; error: string };

export interface PeriodOptions {
  /** Fiscal year (B.E.) that resolves texts without a year ("ต.ค. – ธ.ค.", "ตลอดปีงบประมาณ"). */
  fiscalYear?: number;
}

export const PERIOD_EXAMPLES = 'เช่น "1 ต.ค. 2565 – 30 ก.ย. 2566", "ต.ค. – ธ.ค. 2565" หรือ "ปีงบประมาณ 2566"';
const MAX_PERIOD_TEXT = 300;

class PeriodFail {
  constructor(
    readonly reason: PeriodFailure,
    readonly error: string,
  ) {}
}

function fail(reason: PeriodFailure, error: string): never {
  throw new PeriodFail(reason, error);
}

/** Reads a period text; never throws. */
export function parsePeriod(text: string, options: PeriodOptions = {}): PeriodReading {
  const clean = normalizeSpaces(String(text ?? ''));
  try {
    return read(clean, contextYear(options.fiscalYear));
  } catch (error) {
    if (error instanceof PeriodFail) return { ok: false, reason: error.reason, error: error.error };
    throw error;
  }
}

function contextYear(fy: number | undefined): number | null {
  return typeof fy === 'number' && Number.isInteger(fy) && fy >= 2400 && fy <= 2800 ? fy : null;
}

function read(text: string, contextFy: number | null): PeriodReading {
  if (!text) fail('empty', `ยังไม่ได้กรอกระยะเวลา กรุณากรอก ${PERIOD_EXAMPLES}`);
  if (text.length > MAX_PERIOD_TEXT) {
    fail('unreadable', `ข้อความยาวเกินกว่าจะเป็นระยะเวลา กรุณาเขียนเฉพาะระยะเวลา ${PERIOD_EXAMPLES}`);
  }
  const parser = new Parser(text, meaningfulTokens(text));
  const spans = resolveYears(parser.spans(), contextFy, text);
  const windows = spans.map(spanWindow);
  windows.forEach(checkOrder);
  const readAs = spans.map((span, i) => describe(span, windows[i])).join(' และ ');
  return summary(windows, parser.remarks, readAs);
}

function summary(windows: PeriodWindow[], remarks: string[], readAs: string): PeriodReading {
  const start = windows.map((w) => w.start).reduce((a, b) => (compareIso(a, b) <= 0 ? a : b));
  const end = windows.map((w) => w.end).reduce((a, b) => (compareIso(a, b) >= 0 ? a : b));
  const years = new Set(windows.flatMap((w) => fiscalYearsBetween(w.start, w.end)));
  const fiscalYears = [...years].sort((a, b) => a - b);
  const remark = remarks.length ? remarks.join('; ') : null;
  return { ok: true, start, end, fiscalYears, remark, windows, readAs };
}

/** Tokens without fillers; unknown words and remark-only texts fail here. */
function meaningfulTokens(text: string): Token[] {
  const tokens = tokenize(text);
  const word = tokens.find((t) => t.t === 'word');
  if (word) {
    fail(
      'unreadable',
      `อ่านระยะเวลา "${clip(text)}" ไม่ได้ เพราะมีคำว่า "${clip(word.raw)}" ซึ่งไม่ใช่วัน เดือน หรือปี ` +
        `กรุณาเขียนเฉพาะระยะเวลา ${PERIOD_EXAMPLES} (คำอธิบายอื่นใส่ในวงเล็บต่อท้ายได้)`,
    );
  }
  const content = tokens.filter((t) => t.t !== 'filler');
  if (content.length && content.every((t) => t.t === 'remark')) {
    fail(
      'unreadable',
      `มีแต่ข้อความในวงเล็บ ไม่มีระยะเวลา กรุณาเขียนระยะเวลาก่อนวงเล็บ เช่น "ม.ค. – มี.ค. 2566 (ขึ้นอยู่กับงบประมาณ)"`,
    );
  }
  if (!content.length) fail('unreadable', `อ่านระยะเวลา "${clip(text)}" ไม่ได้ กรุณาเขียน ${PERIOD_EXAMPLES}`);
  return betweenAsRange(tokens, content);
}

/** "ระหว่าง ต.ค. และ ธ.ค. 2565": with ระหว่าง and no dash, a single และ joins the two ends of one range. */
function betweenAsRange(all: Token[], content: Token[]): Token[] {
  const between = all.some((t) => t.t === 'filler' && t.raw === 'ระหว่าง');
  const ands = content.filter((t) => t.t === 'and');
  if (!between || ands.length !== 1 || content.some((t) => t.t === 'dash')) return content;
  return content.map((t) => (t === ands[0] ? { t: 'dash', raw: t.raw } : t));
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

// ---------------------------------------------------------------------------------------------------------
// Points and spans. Years are B.E.; null until known.

interface DayRef {
  d: number | null;
  m: number;
  y: number | null;
}

type Point =
  | ({ k: 'day' } & DayRef)
  | { k: 'num'; raw: string; value: number }
  | { k: 'fy'; fy: number | null }
  | { k: 'quarter'; q: number; fy: number | null }
  | { k: 'whole' };

type Span =
  | { k: 'days'; from: DayRef; to: DayRef }
  | { k: 'fiscal'; fyFrom: number | null; fyTo: number | null; qFrom: number; qTo: number };

class Parser {
  private i = 0;
  readonly remarks: string[] = [];

  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
  ) {}

  spans(): Span[] {
    const spans: Span[] = [];
    do {
      spans.push(this.span(spans[spans.length - 1]));
      for (let t = this.peek(); t?.t === 'remark'; t = this.peek()) this.remarks.push(this.remark());
    } while (this.accept('and'));
    const rest = this.peek();
    if (rest) this.unexpected(rest);
    return spans;
  }

  private span(previous: Span | undefined): Span {
    let left = this.point();
    // "ปีงบประมาณ 2566 และ 2567": a bare year after a fiscal year is another fiscal year.
    if (left.k === 'num' && previous?.k === 'fiscal') left = { k: 'fy', fy: yearValue(left.raw, null) };
    if (!this.accept('dash')) return single(left);
    const right = left.k === 'quarter' && this.peek()?.t === 'num' ? this.quarterTail() : this.point();
    return pair(left, right, this.text);
  }

  private point(): Point {
    const token = this.take();
    switch (token.t) {
      case 'date':
        return datePoint(token.parts);
      case 'num':
        return this.peek()?.t === 'month'
          ? this.dayOfMonth(token.value)
          : { k: 'num', raw: token.raw, value: token.value };
      case 'month':
        return { k: 'day', d: null, m: token.m, y: this.year() };
      case 'fy':
        return { k: 'fy', fy: this.year() };
      case 'era':
        this.i--;
        return this.calendarYear();
      case 'year':
        return this.calendarYear();
      case 'quarter':
        return this.quarterTail();
      case 'all':
        return { k: 'whole' };
      default:
        return this.unexpected(token);
    }
  }

  private remark(): string {
    const token = this.take() as Extract<Token, { t: 'remark' }>;
    return token.text;
  }

  private dayOfMonth(d: number): Point {
    const month = this.take() as Extract<Token, { t: 'month' }>;
    return { k: 'day', d, m: month.m, y: this.year() };
  }

  /** "ปี 2566" names a year without saying calendar or fiscal; "ตลอดปี" alone is the year in context. */
  private calendarYear(): Point {
    const be = this.year();
    if (be !== null) fail('ambiguous', ambiguousYear(`ปี ${be}`, be));
    return { k: 'whole' };
  }

  private quarterTail(): Point {
    const num = this.take();
    if (num.t !== 'num' || num.value < 1 || num.value > 4) {
      fail('unreadable', `ไตรมาสต้องเป็นเลข 1–4 เช่น "ไตรมาสที่ 1 ปีงบประมาณ 2566" หรือ "ไตรมาส 2/2566"`);
    }
    const q = num.value;
    if (this.accept('slash')) {
      const year = this.take();
      return { k: 'quarter', q, fy: year.t === 'num' ? yearValue(year.raw, null) : this.unexpected(year) };
    }
    if (this.accept('fy')) return { k: 'quarter', q, fy: this.year() };
    const be = this.accept('year') || this.peek()?.t === 'era' ? this.year() : null;
    if (be !== null) {
      fail('ambiguous', ambiguousYear(`ไตรมาส ${q} ปี ${be}`, be, `ไตรมาสที่ ${q} ปีงบประมาณ ${be}`));
    }
    return { k: 'quarter', q, fy: null };
  }

  /** [era] num → B.E. year, or null when no year follows. */
  private year(): number | null {
    const era = this.accept('era');
    const num = era || this.peek()?.t === 'num' ? this.take() : null;
    if (num === null) return null;
    return num.t === 'num' ? yearValue(num.raw, era) : this.unexpected(num);
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private take(): Token {
    const token = this.tokens[this.i++];
    if (token) return token;
    return fail('unreadable', `ระยะเวลา "${clip(this.text)}" เขียนไม่ครบ กรุณาเขียนให้ครบ ${PERIOD_EXAMPLES}`);
  }

  private accept(t: Token['t']): Token | null {
    return this.peek()?.t === t ? this.take() : null;
  }

  private unexpected(token: Token): never {
    return fail(
      'unreadable',
      `อ่านระยะเวลา "${clip(this.text)}" ไม่ได้ ตรงส่วน "${clip(token.raw)}" กรุณาเขียน ${PERIOD_EXAMPLES}`,
    );
  }
}

function yearValue(raw: string, era: Token | null): number {
  const year = readYear(raw);
  const eraMismatch = era?.t === 'era' && era.ce !== (year?.written === 'ce4');
  if (!year || eraMismatch) {
    fail(
      'unreadable',
      `อ่านปี "${raw}" ไม่ได้ ปีต้องเป็น พ.ศ. 4 หลัก เช่น 2566 หรือ 2 หลัก เช่น 66 (${PERIOD_EXAMPLES})`,
    );
  }
  return year.be;
}

function ambiguousYear(written: string, be: number, fiscalForm = `ปีงบประมาณ ${be}`): string {
  return (
    `"${written}" ไม่ชัดเจนว่าเป็นปีปฏิทินหรือปีงบประมาณ ` +
    `ถ้าหมายถึงปีงบประมาณให้เขียน "${fiscalForm}" ถ้าหมายถึงปีปฏิทินให้เขียน "ม.ค. – ธ.ค. ${be}"`
  );
}

function datePoint(parts: [string, string, string]): Point {
  const { d, m, year, yearRaw } = numericDateParts(parts);
  return { k: 'day', d, m, y: year ? year.be : yearValue(yearRaw, null) };
}

function single(point: Point): Span {
  switch (point.k) {
    case 'day':
      return days(point, point);
    case 'num': {
      // "2566" alone is a year of some kind; "15" alone is nothing we can read.
      const year = point.raw.length === 4 ? readYear(point.raw) : null;
      if (year) fail('ambiguous', ambiguousYear(point.raw, year.be));
      return fail(
        'unreadable',
        `ตัวเลข "${point.raw}" อย่างเดียวอ่านเป็นระยะเวลาไม่ได้ กรุณาเขียน ${PERIOD_EXAMPLES}`,
      );
    }
    case 'fy':
      return fiscal(point.fy, point.fy, 1, 4);
    case 'quarter':
      return fiscal(point.fy, point.fy, point.q, point.q);
    case 'whole':
      return fiscal(null, null, 1, 4);
  }
}

function pair(left: Point, right: Point, text: string): Span {
  if (left.k === 'num' && right.k === 'day' && right.d !== null)
    return days({ d: left.value, m: right.m, y: right.y }, right);
  if (left.k === 'day' && right.k === 'day') return days(left, right);
  if (left.k === 'fy' && left.fy !== null && right.k === 'num')
    return fiscal(left.fy, yearValue(right.raw, null), 1, 4);
  if (left.k === 'fy' && left.fy !== null && right.k === 'fy' && right.fy !== null)
    return fiscal(left.fy, right.fy, 1, 4);
  if (left.k === 'quarter' && right.k === 'quarter')
    return fiscal(left.fy ?? right.fy, right.fy ?? left.fy, left.q, right.q);
  return fail(
    'unreadable',
    `อ่านช่วง "${clip(text)}" ไม่ได้: ต้นและปลายช่วงต้องเขียนแบบเดียวกัน (วัน/เดือน, ปีงบประมาณ หรือไตรมาส) ${PERIOD_EXAMPLES}`,
  );
}

function fiscal(fyFrom: number | null, fyTo: number | null, qFrom: number, qTo: number): Span {
  return { k: 'fiscal', fyFrom, fyTo, qFrom, qTo };
}

/** A range whose year is written on one end only: the other end takes the nearest fitting year. */
function days(from: DayRef, to: DayRef): Span {
  const a: DayRef = { d: from.d, m: from.m, y: from.y };
  const b: DayRef = { d: to.d, m: to.m, y: to.y };
  if (a.y === null && b.y !== null) a.y = yearBefore(a.m, { m: b.m, y: b.y });
  if (b.y === null && a.y !== null) b.y = yearAfter(b.m, { m: a.m, y: a.y });
  return { k: 'days', from: a, to: b };
}

interface Anchor {
  m: number;
  y: number;
}

const yearBefore = (m: number, anchor: Anchor): number => anchor.y - (m > anchor.m ? 1 : 0);
const yearAfter = (m: number, anchor: Anchor): number => anchor.y + (m < anchor.m ? 1 : 0);

// ---------------------------------------------------------------------------------------------------------
// Windows without a year take it from the next window, else the previous one, else the caller's FY.

function resolveYears(spans: Span[], contextFy: number | null, text: string): Span[] {
  const done: Span[] = [];
  spans.forEach((span, i) => done.push(resolveSpan(span, done, spans.slice(i + 1), contextFy, text)));
  return done;
}

function resolveSpan(
  span: Span,
  before: Span[],
  after: Span[],
  contextFy: number | null,
  text: string,
): Span {
  if (span.k === 'days') {
    if (span.from.y !== null) return span;
    const next = firstOf(after.map(startAnchor));
    if (next) return days(span.from, { ...span.to, y: yearBefore(span.to.m, next) });
    const previous = firstOf(before.map(endAnchor).reverse());
    if (previous) return days({ ...span.from, y: yearAfter(span.from.m, previous) }, span.to);
    if (contextFy === null) return fail('noYear', noYearMessage(text));
    const inFy = (ref: DayRef): DayRef => ({ ...ref, y: beYearOfMonthInFiscalYear(contextFy, ref.m) });
    return { k: 'days', from: inFy(span.from), to: inFy(span.to) };
  }
  if (span.fyFrom !== null) return span;
  const neighbour = firstOf([
    ...after.map((s) => (s.k === 'fiscal' ? s.fyFrom : null)),
    ...before.map((s) => (s.k === 'fiscal' ? s.fyTo : null)).reverse(),
  ]);
  const fy = neighbour ?? contextFy ?? fail('noYear', noYearMessage(text));
  return { ...span, fyFrom: fy, fyTo: fy };
}

function firstOf<T>(items: (T | null)[]): T | null {
  return items.find((item) => item !== null) ?? null;
}

function startAnchor(span: Span): Anchor | null {
  if (span.k === 'days') return span.from.y === null ? null : { m: span.from.m, y: span.from.y };
  return span.fyFrom === null ? null : anchorOf(fiscalQuarterWindow(span.fyFrom, quarter(span.qFrom)).start);
}

function endAnchor(span: Span): Anchor | null {
  if (span.k === 'days') return span.to.y === null ? null : { m: span.to.m, y: span.to.y };
  return span.fyTo === null ? null : anchorOf(fiscalQuarterWindow(span.fyTo, quarter(span.qTo)).end);
}

function anchorOf(iso: IsoDate): Anchor {
  const { y, m } = parseIso(iso);
  return { m, y: ceToBe(y) };
}

function quarter(q: number): 1 | 2 | 3 | 4 {
  return q as 1 | 2 | 3 | 4;
}

function noYearMessage(text: string): string {
  return `ระยะเวลา "${clip(text)}" ไม่ได้ระบุปี กรุณาเขียนปี พ.ศ. ด้วย ${PERIOD_EXAMPLES}`;
}

// ---------------------------------------------------------------------------------------------------------

function spanWindow(span: Span): PeriodWindow {
  if (span.k === 'fiscal') {
    return {
      start: fiscalQuarterWindow(span.fyFrom as number, quarter(span.qFrom)).start,
      end: fiscalQuarterWindow(span.fyTo as number, quarter(span.qTo)).end,
    };
  }
  return { start: dayIso(span.from, 'first'), end: dayIso(span.to, 'last') };
}

function dayIso(ref: DayRef, edge: 'first' | 'last'): IsoDate {
  const be = ref.y as number;
  if (!Number.isInteger(ref.m) || ref.m < 1 || ref.m > 12) {
    fail('invalidDate', `ไม่มีเดือนที่ ${ref.m} (เดือนมี 1–12) กรุณาตรวจสอบวันที่ ${PERIOD_EXAMPLES}`);
  }
  const y = beToCe(be);
  const d = ref.d ?? (edge === 'first' ? 1 : daysInMonth(y, ref.m));
  if (!isValidYmd(y, ref.m, d)) fail('invalidDate', `${noSuchDay(be, ref.m, d)} ${PERIOD_EXAMPLES}`);
  return isoDate(y, ref.m, d);
}

function checkOrder(window: PeriodWindow): void {
  if (compareIso(window.start, window.end) <= 0) return;
  fail(
    'reversed',
    `วันเริ่มต้น (${medium(window.start)}) อยู่หลังวันสิ้นสุด (${medium(window.end)}) ` +
      `กรุณาตรวจสอบวันหรือปี ${PERIOD_EXAMPLES}`,
  );
}

function medium(iso: IsoDate): string {
  return formatThaiDate(iso, { style: 'medium' });
}

function describe(span: Span, window: PeriodWindow): string {
  if (span.k === 'fiscal') return `${fiscalLabel(span)} (${medium(window.start)} – ${medium(window.end)})`;
  // Whole months read as months ("ต.ค. 2565 – มี.ค. 2566"), days as days.
  const start = span.from.d === null ? monthLabel(window.start) : medium(window.start);
  const end = span.to.d === null ? monthLabel(window.end) : medium(window.end);
  return start === end ? start : `${start} – ${end}`;
}

function monthLabel(iso: IsoDate): string {
  return medium(iso).replace(/^\d+ /, '');
}

function fiscalLabel(span: Extract<Span, { k: 'fiscal' }>): string {
  const { fyFrom, fyTo, qFrom, qTo } = span;
  const years = fyFrom === fyTo ? `${fyFrom}` : `${fyFrom}–${fyTo}`;
  if (qFrom === 1 && qTo === 4) return `ปีงบประมาณ ${years}`;
  if (fyFrom !== fyTo) return `ไตรมาสที่ ${qFrom} ปีงบประมาณ ${fyFrom} – ไตรมาสที่ ${qTo} ปีงบประมาณ ${fyTo}`;
  return `ไตรมาสที่ ${qFrom === qTo ? qFrom : `${qFrom}–${qTo}`} ปีงบประมาณ ${years}`;
}

// ---------------------------------------------------------------------------------------------------------

/** The last day any window covers within fiscal year fy, or null when none reaches into it. */
export function periodDeadlineInFiscalYear(reading: PeriodReading, fy: number): IsoDate | null {
  if (!reading.ok) return null;
  const fyStart = fiscalYearStart(fy);
  const fyEnd = fiscalYearEnd(fy);
  let last: IsoDate | null = null;
  for (const w of reading.windows) {
    if (compareIso(w.start, fyEnd) > 0 || compareIso(w.end, fyStart) < 0) continue;
    const end = compareIso(w.end, fyEnd) < 0 ? w.end : fyEnd;
    if (last === null || compareIso(end, last) > 0) last = end;
  }
  return last;
}

export function periodOverlapsFiscalYear(reading: PeriodReading, fy: number): boolean {
  return periodDeadlineInFiscalYear(reading, fy) !== null;
}
