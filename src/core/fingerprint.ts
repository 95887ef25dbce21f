/**
 * Fingerprints of input sheets, so a summary can tell whether the data it was made from has changed
 * since. A 64-bit hash (two cyrb53-style lanes, public-domain algorithm by bryc) fed cell by cell with a
 * canonical serialisation of each sheet's values and formulas: no big string is built. Not
 * cryptographic: it guards against accidents, not against forgery.
 *
 * Canonical form: rows top to bottom, cells left to right, trailing blank cells and rows dropped (the
 * used block's shape differs between hosts, the content does not). Each cell is a type tag, then its
 * content: a short text length-prefixed character by character, a long text as its own 64-bit hash
 * (length-prefixed too), a number, a date's epoch milliseconds or a boolean as the two halves of a
 * float64; then the formula text when there is one. Backgrounds and notes (our marks), number formats
 * and the sheet's name are not part of it.
 *
 * Long texts (names, outputs, units) repeat down a sheet as the same string, so each distinct one is
 * hashed once per sheet and then looked up by the string itself (V8 keeps a string's hash): a third
 * less time than feeding every character of every cell at 100,000 rows (bench/).
 */
import type { CellValue } from './cells';
import type { SheetSnapshot } from './snapshot';

/** The fingerprint recorded for an input sheet that does not exist. */
export const MISSING_PRINT = '-';

const ROW_END = 0x0a;

// Looked up once: a global lookup per character is slow where globals sit behind a proxy (node:vm, jest).
const imul = Math.imul;

class Hasher {
  h1 = 0xdeadbeef;
  h2 = 0x41c6ce57;

  code(ch: number): void {
    this.h1 = imul(this.h1 ^ ch, 2654435761);
    this.h2 = imul(this.h2 ^ ch, 1597334677);
  }

  /**
   * The hot loop: the lanes live in locals, and two UTF-16 units go in as one 32-bit word (half the
   * multiplications; the length before the text keeps it decodable one way only).
   */
  text(s: string): void {
    let h1 = this.h1;
    let h2 = this.h2;
    const n = s.length;
    let i = 0;
    for (; i + 1 < n; i += 2) {
      const word = s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16);
      h1 = imul(h1 ^ word, 2654435761);
      h2 = imul(h2 ^ word, 1597334677);
    }
    if (i < n) {
      const ch = s.charCodeAt(i);
      h1 = imul(h1 ^ ch, 2654435761);
      h2 = imul(h2 ^ ch, 1597334677);
    }
    this.h1 = h1;
    this.h2 = h2;
  }

  /**
   * A tag, the length, then the text's characters, each one number into the hash: the sequence decodes
   * one way only, whatever characters the text holds.
   */
  field(tag: number, s: string): void {
    this.code(tag);
    this.code(s.length);
    this.text(s);
  }

  digest(): string {
    let h1 = imul(this.h1 ^ (this.h1 >>> 16), 2246822507);
    h1 ^= imul(this.h2 ^ (this.h2 >>> 13), 3266489909);
    let h2 = imul(this.h2 ^ (this.h2 >>> 16), 2246822507);
    h2 ^= imul(h1 ^ (h1 >>> 13), 3266489909);
    return hex32(h2) + hex32(h1);
  }
}

function hex32(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}

function isEmpty(value: CellValue | undefined, formula: string | undefined): boolean {
  return (value === null || value === undefined || value === '') && !formula;
}

/** One cell's value into the hash: a type tag, then its text (no global lookups: once per cell). */
/** Texts at least this long are hashed once per sheet and looked up (shorter ones cost less to hash). */
const LONG_TEXT = 24;

const TAG_STRING = 0x73;
const TAG_LONG_STRING = 0x4c;
const TAG_NUMBER = 0x6e;
const TAG_BOOLEAN = 0x62;
const TAG_DATE = 0x64;
const TAG_BLANK = 0x7a;
const TAG_FORMULA = 0x66;
const TAG_LONG_FORMULA = 0x46;

/** A float64's two 32-bit halves: numbers, dates and booleans go into the hash as their bits. */
const float = new Float64Array(1);
const halves = new Int32Array(float.buffer);

/** The fingerprint of one sheet's values and formulas (16 hex digits); MISSING_PRINT when absent. */
export function fingerprintSnapshot(snapshot: Pick<SheetSnapshot, 'values' | 'formulas'> | null): string {
  if (!snapshot) return MISSING_PRINT;
  // A frozen snapshot cannot change: hash it once however many commands ask (`run all` offline).
  const known = Object.isFrozen(snapshot) ? printsOfFrozen.get(snapshot) : undefined;
  if (known !== undefined) return known;
  const print = hashSnapshot(snapshot);
  if (Object.isFrozen(snapshot)) printsOfFrozen.set(snapshot, print);
  return print;
}

const printsOfFrozen = new WeakMap<object, string>();

/** The hashes of one sheet's long texts: two int32 per text in `lanes`, at the index kept per text. */
class LongTexts {
  private readonly at = new Map<string, number>();
  lanes = new Int32Array(2048);

  /** Where the text's two lanes sit in `lanes`. */
  of(text: string): number {
    const known = this.at.get(text);
    if (known !== undefined) return known;
    const at = this.at.size * 2;
    if (at + 2 > this.lanes.length) {
      const grown = new Int32Array(this.lanes.length * 2);
      grown.set(this.lanes);
      this.lanes = grown;
    }
    const hasher = new Hasher();
    hasher.code(text.length);
    hasher.text(text);
    this.lanes[at] = hasher.h1;
    this.lanes[at + 1] = hasher.h2;
    this.at.set(text, at);
    return at;
  }
}

/** One cell's value and formula into the hash. */
function hashCell(hasher: Hasher, long: LongTexts, value: CellValue | undefined, formula: string): void {
  switch (typeof value) {
    case 'string':
      if (value === '') hasher.code(TAG_BLANK);
      else hashText(hasher, long, TAG_STRING, value);
      break;
    case 'number':
      hashBits(hasher, TAG_NUMBER, value);
      break;
    case 'boolean':
      hashBits(hasher, TAG_BOOLEAN, value ? 1 : 0);
      break;
    case 'object':
      // A Date (of any realm: Apps Script and node:vm hand us their own); an invalid one is NaN.
      if (value === null) hasher.code(TAG_BLANK);
      else hashBits(hasher, TAG_DATE, value.getTime());
      break;
    default:
      hasher.code(TAG_BLANK);
  }
  if (formula) hashText(hasher, long, TAG_FORMULA, formula);
}

/** A text as its tag, length and characters; a long one as its own tag and hash (never alike). */
function hashText(hasher: Hasher, long: LongTexts, tag: number, text: string): void {
  if (text.length < LONG_TEXT) {
    hasher.field(tag, text);
    return;
  }
  const at = long.of(text);
  hasher.code(tag === TAG_STRING ? TAG_LONG_STRING : TAG_LONG_FORMULA);
  hasher.code(long.lanes[at]);
  hasher.code(long.lanes[at + 1]);
}

function hashBits(hasher: Hasher, tag: number, n: number): void {
  float[0] = n === 0 ? 0 : n; // -0 shows as 0
  hasher.code(tag);
  hasher.code(halves[0]);
  hasher.code(halves[1]);
}

function hashSnapshot(snapshot: Pick<SheetSnapshot, 'values' | 'formulas'>): string {
  const { values, formulas } = snapshot;
  const hasher = new Hasher();
  const long = new LongTexts();
  let pendingRows = 0;
  for (let r = 0; r < values.length; r++) {
    const row = values[r] ?? [];
    const rowFormulas = formulas[r] ?? [];
    let last = Math.max(row.length, rowFormulas.length) - 1;
    while (last >= 0 && isEmpty(row[last], rowFormulas[last])) last--;
    if (last < 0) {
      pendingRows++; // a blank row counts only when something follows it
      continue;
    }
    for (; pendingRows > 0; pendingRows--) hasher.code(ROW_END);
    for (let c = 0; c <= last; c++) hashCell(hasher, long, row[c], rowFormulas[c] ?? '');
    hasher.code(ROW_END);
  }
  return hasher.digest();
}

/** One fingerprint over several (key, fingerprint) pairs, in key order: a summary's data fingerprint. */
export function combinePrints(prints: readonly { key: string; print: string }[]): string {
  const hasher = new Hasher();
  for (const p of [...prints].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    hasher.field(0x6b /* k */, p.key);
    hasher.field(0x70 /* p */, p.print);
  }
  return hasher.digest();
}

/** The short form shown in headings ("3fa2c1d0"). */
export function shortPrint(print: string): string {
  return print === MISSING_PRINT ? print : print.slice(0, 8);
}
