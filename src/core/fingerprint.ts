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
 * float64 (-0 as 0, every NaN as one quiet NaN); then the formula text when there is one. Backgrounds
 * and notes (our marks), number formats and the sheet's name are not part of it.
 *
 * Long texts (outputs, units, periods) repeat down a sheet as the same string, so a long text is
 * hashed on its own and kept in a small cache (LongTexts): at 100,000 rows the sheets hash in about a
 * third of the time it takes to feed every character of every cell (bench/).
 */
import type { CellValue } from './cells';
import type { SheetSnapshot } from './snapshot';
import { textSlot } from './text-slot';

/** The fingerprint recorded for an input sheet that does not exist. */
export const MISSING_PRINT = '-';

const ROW_END = 0x0a;

// Looked up once: a global lookup per character is slow where globals sit behind a proxy (node:vm, jest).
const imul = Math.imul;

/** The two lanes' seeds. */
const SEED1 = 0xdeadbeef;
const SEED2 = 0x41c6ce57;

class Hasher {
  h1 = SEED1;
  h2 = SEED2;

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
/** The high half of the quiet NaN 0x7ff8000000000000 (the low half is 0). */
const NAN_HIGH_HALF = 0x7ff80000;

/** The fingerprint of one sheet's values and formulas (16 hex digits); MISSING_PRINT when absent. */
export function fingerprintSnapshot(snapshot: Pick<SheetSnapshot, 'values' | 'formulas'> | null): string {
  if (!snapshot) return MISSING_PRINT;
  return new SheetPrinter(snapshot).digest();
}

/** A frozen snapshot cannot change: it is hashed once however many commands ask (`run all` offline). */
const printsOfFrozen = new WeakMap<object, string>();

/** Slots of the long-text cache (a power of two). */
const TEXT_SLOTS = 4096;

/** The hashes of one sheet's long texts, in a direct-mapped cache (textSlot): two lanes per slot. */
class LongTexts {
  private readonly texts: (string | null)[] = new Array<string | null>(TEXT_SLOTS).fill(null);
  readonly lanes = new Int32Array(TEXT_SLOTS * 2);

  /** Where the text's two lanes sit in `lanes`. */
  of(text: string): number {
    const slot = textSlot(text, TEXT_SLOTS);
    const at = slot * 2;
    if (this.texts[slot] === text) return at;
    // As a Hasher fed the length then the text gives, in locals (no object per distinct text). The loop is
    // written out here and in hashRows on purpose: one shared function for it, measured in the benchmark,
    // made the stale check at 100,000 rows 1.8 times as slow (226-236 -> 419-424 ms).
    const n = text.length;
    let h1 = imul(SEED1 ^ n, M1);
    let h2 = imul(SEED2 ^ n, M2);
    let i = 0;
    for (; i + 1 < n; i += 2) {
      const word = text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16);
      h1 = imul(h1 ^ word, M1);
      h2 = imul(h2 ^ word, M2);
    }
    if (i < n) {
      const ch = text.charCodeAt(i);
      h1 = imul(h1 ^ ch, M1);
      h2 = imul(h2 ^ ch, M2);
    }
    this.lanes[at] = h1;
    this.lanes[at + 1] = h2;
    this.texts[slot] = text;
    return at;
  }
}

const M1 = 2654435761;
const M2 = 1597334677;

/**
 * A sheet's fingerprint made a few rows at a time, so that a reader can hash each row just after
 * reading it, while its cells are still in the processor's cache (a second pass over 100,000 rows
 * fetches them all from memory again: bench/). Rows are hashed in order, whatever rows are asked for:
 * `upTo` hashes every row not yet hashed up to the one given, and `digest` the rest.
 */
export class SheetPrinter {
  h1: number;
  h2: number;
  /** Blank rows seen but not yet hashed: they count only when something follows. */
  pendingRows = 0;
  /** 0-based index of the first row not yet hashed. */
  next = 0;
  readonly long = new LongTexts();
  private print: string | null;

  constructor(readonly snapshot: Pick<SheetSnapshot, 'values' | 'formulas'>) {
    const seed = new Hasher();
    this.h1 = seed.h1;
    this.h2 = seed.h2;
    this.print = Object.isFrozen(snapshot) ? (printsOfFrozen.get(snapshot) ?? null) : null;
    if (this.print !== null) this.next = snapshot.values.length;
  }

  /** Hashes the rows not yet hashed up to `row` (1-based, included). */
  upTo(row: number): void {
    const end = Math.min(row, this.snapshot.values.length);
    if (end > this.next) hashRows(this, end);
  }

  digest(): string {
    if (this.print !== null) return this.print;
    this.upTo(this.snapshot.values.length);
    const hasher = new Hasher();
    hasher.h1 = this.h1;
    hasher.h2 = this.h2;
    this.print = hasher.digest();
    if (Object.isFrozen(this.snapshot)) printsOfFrozen.set(this.snapshot, this.print);
    return this.print;
  }
}

/**
 * The hot loop, written out in one function so that the two lanes stay in locals (calling a hasher's
 * methods per cell took three times as long at 100,000 rows). Per cell: its tag, then a short text's
 * length and characters two to a word, a long text's own two lanes, or a float64's two halves; then
 * the formula the same way. Rows end with ROW_END; blank rows count only when something follows.
 */
function hashRows(printer: SheetPrinter, end: number): void {
  const { values, formulas } = printer.snapshot;
  const long = printer.long;
  const lanes = long.lanes;
  let h1 = printer.h1;
  let h2 = printer.h2;
  let pendingRows = printer.pendingRows;
  for (let r = printer.next; r < end; r++) {
    const row = values[r] ?? EMPTY;
    const rowFormulas = formulas[r] ?? EMPTY_FORMULAS;
    let last = Math.max(row.length, rowFormulas.length) - 1;
    while (last >= 0 && isEmpty(row[last], rowFormulas[last])) last--;
    if (last < 0) {
      pendingRows++;
      continue;
    }
    for (; pendingRows > 0; pendingRows--) {
      h1 = imul(h1 ^ ROW_END, M1);
      h2 = imul(h2 ^ ROW_END, M2);
    }
    for (let c = 0; c <= last; c++) {
      const value = row[c];
      const formula = rowFormulas[c];
      // Each cell: up to two parts, its value then its formula (when it has one).
      for (let part = 0; part < 2; part++) {
        let tag = TAG_BLANK;
        let text = '';
        /** A number, date or boolean: what goes in as a float64. */
        let x = 0;
        if (part === 1) {
          if (!formula) break;
          tag = TAG_FORMULA;
          text = formula;
        } else if (typeof value === 'string') {
          if (value !== '') {
            tag = TAG_STRING;
            text = value;
          }
        } else if (typeof value === 'number') {
          tag = TAG_NUMBER;
          x = value;
        } else if (typeof value === 'boolean') {
          tag = TAG_BOOLEAN;
          x = value ? 1 : 0;
        } else if (value !== null && value !== undefined) {
          // A Date (of any realm: Apps Script and node:vm hand us their own); an invalid one is NaN.
          tag = TAG_DATE;
          x = value.getTime();
        }
        if (tag === TAG_BLANK) {
          h1 = imul(h1 ^ tag, M1);
          h2 = imul(h2 ^ tag, M2);
          continue;
        }
        let a: number;
        let b: number;
        if (text === '') {
          if (x !== x) {
            // Every NaN as the one NaN: its bits differ with how it was made (0/0, a failed parse, a
            // host's invalid date), and cells that read the same should print the same.
            a = 0;
            b = NAN_HIGH_HALF;
          } else {
            float[0] = x === 0 ? 0 : x; // -0 shows as 0
            a = halves[0];
            b = halves[1];
          }
        } else if (text.length >= LONG_TEXT) {
          const at = long.of(text);
          tag = tag === TAG_STRING ? TAG_LONG_STRING : TAG_LONG_FORMULA;
          a = lanes[at];
          b = lanes[at + 1];
        } else {
          // A short text: tag, length, then its characters two to a 32-bit word.
          const n = text.length;
          h1 = imul(h1 ^ tag, M1);
          h2 = imul(h2 ^ tag, M2);
          h1 = imul(h1 ^ n, M1);
          h2 = imul(h2 ^ n, M2);
          let i = 0;
          for (; i + 1 < n; i += 2) {
            const word = text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16);
            h1 = imul(h1 ^ word, M1);
            h2 = imul(h2 ^ word, M2);
          }
          if (i < n) {
            const ch = text.charCodeAt(i);
            h1 = imul(h1 ^ ch, M1);
            h2 = imul(h2 ^ ch, M2);
          }
          continue;
        }
        h1 = imul(h1 ^ tag, M1);
        h2 = imul(h2 ^ tag, M2);
        h1 = imul(h1 ^ a, M1);
        h2 = imul(h2 ^ a, M2);
        h1 = imul(h1 ^ b, M1);
        h2 = imul(h2 ^ b, M2);
      }
    }
    h1 = imul(h1 ^ ROW_END, M1);
    h2 = imul(h2 ^ ROW_END, M2);
  }
  printer.h1 = h1;
  printer.h2 = h2;
  printer.pendingRows = pendingRows;
  printer.next = end;
}

const EMPTY: readonly CellValue[] = [];
const EMPTY_FORMULAS: readonly string[] = [];

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
