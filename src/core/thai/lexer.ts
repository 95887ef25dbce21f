/**
 * Tokenizer for dates and periods as Thai staff type them. Thai has no spaces between words, so a run
 * of Thai letters is split by longest match against a small vocabulary; a run that cannot be split
 * completely stays one unknown word (that is how "ก.พ.ร." or "สำนักงาน" never become February).
 */
import { readMonth, readYear, type YearWritten } from './calendar';
import { isDigitChar, toArabicDigits } from './digits';

export type Token =
  | { t: 'num'; raw: string; value: number }
  | { t: 'date'; raw: string; parts: [string, string, string] }
  | { t: 'month'; raw: string; m: number }
  | { t: 'era'; raw: string; ce: boolean }
  | { t: 'remark'; raw: string; text: string }
  | { t: 'dash' | 'and' | 'slash' | 'fy' | 'year' | 'quarter' | 'all' | 'filler' | 'word'; raw: string };

type Keyword = Exclude<Token, { t: 'num' | 'date' | 'month' | 'remark' }>;
type KeywordKind = Keyword['t'];

const VOCAB: ReadonlyMap<string, Omit<Keyword, 'raw'>> = new Map<string, Omit<Keyword, 'raw'>>([
  ...words('fy', 'ปีงบประมาณ', 'ปีงบประมาณฯ', 'ปีงบฯ', 'ปีงบ'),
  ...words('year', 'ปี'),
  ...words('quarter', 'ไตรมาส'),
  ...words('all', 'ทุกเดือน', 'ทุกไตรมาส'),
  ...words('and', 'และ'),
  ...words('dash', 'ถึง', 'จนถึง'),
  // Words that only introduce a period; they never change its meaning.
  ...words('filler', 'ตั้งแต่', 'ประจำ', 'ใน', 'ภายใน', 'ช่วง', 'ระหว่าง', 'เดือน', 'วันที่', 'วัน', 'ที่'),
  ...words('filler', 'ตลอด', 'ทั้ง', 'ระยะเวลา'),
  ...dotted('พ.ศ.').map((s) => [s, { t: 'era', ce: false }] as const),
  ...dotted('ค.ศ.').map((s) => [s, { t: 'era', ce: true }] as const),
]);

function words(t: KeywordKind, ...surfaces: string[]): [string, Omit<Keyword, 'raw'>][] {
  return surfaces.map((s) => [s, { t } as Omit<Keyword, 'raw'>]);
}

/** "พ.ศ." → "พ.ศ.", "พ.ศ", "พศ.", "พศ". */
function dotted(abbr: string): string[] {
  const bare = abbr.replace(/\./g, '');
  return [abbr, abbr.slice(0, -1), `${bare}.`, bare];
}

const MAX_SURFACE = 14;
const THAI_LETTER = /[\u0E01-\u0E3A\u0E40-\u0E4E]/;
const DASHES = new Set(['-', '–', '—', '‐', '‑', '−', '~']);
const SHORT_SEGMENT_END = /(?:^|\.)[\u0E40-\u0E44]?[\u0E01-\u0E2E][\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]*\.$/;
const SPACED_SEGMENT = / +(?=[\u0E40-\u0E44]?[\u0E01-\u0E2E][\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]*\.)/y;
const NUMBER = /([0-9๐-๙]+)(?:([/.-])([0-9๐-๙]+)\2([0-9๐-๙]+))?/y;

/** Tokens of a text whose spaces are already normalised. Never throws. */
export function tokenize(text: string): Token[] {
  const source = text.replace(/ปี\s+งบ/g, 'ปีงบ');
  const out: Token[] = [];
  let i = 0;
  while (i < source.length) i = lexOne(source, i, out);
  return out;
}

function lexOne(s: string, i: number, out: Token[]): number {
  const ch = s[i];
  if (ch === ' ' || ch === '.') return i + 1; // a stray dot carries no meaning
  if (isDigitChar(ch)) return lexNumber(s, i, out);
  if (DASHES.has(ch)) return push(out, { t: 'dash', raw: ch }, i + 1);
  if (ch === ',' || ch === '，') return push(out, { t: 'and', raw: ch }, i + 1);
  if (ch === '/') return push(out, { t: 'slash', raw: ch }, i + 1);
  if (ch === '(' || ch === '（') return lexRemark(s, i, out);
  if (THAI_LETTER.test(ch)) return lexThai(s, i, out);
  return lexOther(s, i, out);
}

function push(out: Token[], token: Token, next: number): number {
  out.push(token);
  return next;
}

function lexNumber(s: string, i: number, out: Token[]): number {
  NUMBER.lastIndex = i;
  const match = NUMBER.exec(s) as RegExpExecArray;
  const raw = match[0];
  if (match[3] !== undefined) {
    const parts = [match[1], match[3], match[4]].map(toArabicDigits) as [string, string, string];
    return push(out, { t: 'date', raw, parts }, i + raw.length);
  }
  const digits = toArabicDigits(raw);
  return push(out, { t: 'num', raw: digits, value: Number(digits) }, i + raw.length);
}

function lexRemark(s: string, i: number, out: Token[]): number {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    if (s[j] === '(' || s[j] === '（') depth++;
    if (s[j] === ')' || s[j] === '）') depth--;
    if (depth === 0) {
      return push(out, { t: 'remark', raw: s.slice(i, j + 1), text: s.slice(i + 1, j).trim() }, j + 1);
    }
  }
  return push(out, { t: 'word', raw: s.slice(i) }, s.length); // unbalanced "("
}

function lexOther(s: string, i: number, out: Token[]): number {
  let j = i + 1;
  while (j < s.length && !/[\s0-9๐-๙(（,，/.]/.test(s[j]) && !DASHES.has(s[j]) && !THAI_LETTER.test(s[j]))
    j++;
  return push(out, { t: 'word', raw: s.slice(i, j) }, j);
}

/** A run of Thai letters and dots; "ก. พ." is joined to "ก.พ." first. */
function lexThai(s: string, i: number, out: Token[]): number {
  let run = '';
  let j = i;
  for (;;) {
    const start = j;
    while (j < s.length && (THAI_LETTER.test(s[j]) || s[j] === '.')) j++;
    run += s.slice(start, j);
    SPACED_SEGMENT.lastIndex = j;
    if (!SHORT_SEGMENT_END.test(run) || !SPACED_SEGMENT.exec(s)) break;
    j = SPACED_SEGMENT.lastIndex;
  }
  out.push(...(segment(run) ?? [{ t: 'word', raw: run } as Token]));
  return j;
}

function classify(surface: string): Token | null {
  if (!THAI_LETTER.test(surface[0])) return null;
  const keyword = VOCAB.get(surface);
  if (keyword) return { ...keyword, raw: surface } as Token;
  const m = readMonth(surface);
  return m === null ? null : { t: 'month', raw: surface, m };
}

/** Longest-first split of a Thai run into known tokens, or null if some part is unknown. */
function segment(run: string): Token[] | null {
  const n = run.length;
  const choice: (Token | null)[] = new Array<Token | null>(n + 1).fill(null);
  const reachable: boolean[] = new Array<boolean>(n + 1).fill(false);
  reachable[n] = true;
  for (let i = n - 1; i >= 0; i--) {
    for (let len = Math.min(MAX_SURFACE, n - i); len >= 1 && !reachable[i]; len--) {
      const token = reachable[i + len] ? classify(run.slice(i, i + len)) : null;
      if (token) [choice[i], reachable[i]] = [token, true];
    }
  }
  if (!reachable[0]) return null;
  const tokens: Token[] = [];
  for (let i = 0; i < n; i += (choice[i] as Token).raw.length) tokens.push(choice[i] as Token);
  return tokens;
}

export interface NumericDate {
  d: number;
  m: number;
  year: { be: number; written: YearWritten } | null;
  yearRaw: string;
}

/** d/m/y (Thai order) or y-m-d when the first part has four digits. */
export function numericDateParts(parts: readonly [string, string, string]): NumericDate {
  const [a, b, c] = parts;
  const yearFirst = a.length === 4;
  const yearRaw = yearFirst ? a : c;
  return { d: Number(yearFirst ? c : a), m: Number(b), year: readYear(yearRaw), yearRaw };
}
