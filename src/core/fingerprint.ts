/**
 * Fingerprints of input sheets, so a summary can tell whether the data it was made from has changed
 * since. A 64-bit hash (two cyrb53 lanes, public-domain algorithm by bryc) fed cell by cell with a
 * canonical serialisation of each sheet's values and formulas: no big string is built, so 100,000 rows
 * hash in well under a second. Not cryptographic: it guards against accidents, not against forgery.
 *
 * Canonical form: rows top to bottom, cells left to right, trailing blank cells and rows dropped (the
 * used block's shape differs between hosts, the content does not). Each cell is a type tag, then its
 * text length-prefixed (so no two contents serialise alike): strings as typed, numbers by String(),
 * booleans, Dates as epoch milliseconds, then the formula text when there is one. Backgrounds and notes (our
 * marks), number formats and the sheet's name are not part of it.
 */
import type { CellValue } from './cells';
import type { SheetSnapshot } from './snapshot';

/** The fingerprint recorded for an input sheet that does not exist. */
export const MISSING_PRINT = '-';

const ROW_END = 0x0a;

// Looked up once: a global lookup per character is slow where globals sit behind a proxy (node:vm, jest).
const imul = Math.imul;

class Hasher {
  private h1 = 0xdeadbeef;
  private h2 = 0x41c6ce57;

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
function hashValue(hasher: Hasher, value: CellValue): void {
  switch (typeof value) {
    case 'string':
      hasher.field(0x73 /* s */, value);
      return;
    case 'number':
      hasher.field(0x6e /* n */, `${value}`);
      return;
    case 'boolean':
      hasher.field(0x62 /* b */, value ? '1' : '0');
      return;
    case 'object':
      // A Date (of any realm: Apps Script and node:vm hand us their own); an invalid one gives "NaN".
      if (value === null) hasher.field(0x7a /* z: blank */, '');
      else hasher.field(0x64 /* d */, `${value.getTime()}`);
      return;
    default:
      hasher.field(0x7a, '');
  }
}

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

function hashSnapshot(snapshot: Pick<SheetSnapshot, 'values' | 'formulas'>): string {
  const { values, formulas } = snapshot;
  const hasher = new Hasher();
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
    for (let c = 0; c <= last; c++) {
      const value = row[c];
      hashValue(hasher, value === '' || value === undefined ? null : value);
      const formula = rowFormulas[c];
      if (formula) hasher.field(0x66 /* f */, formula);
    }
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
