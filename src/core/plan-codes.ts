/**
 * Plan items by code, the join between the plan and its tracking rows. A duplicated code is a validation
 * finding and its first item wins, so the index gives each item its code's first item and any code's
 * first item.
 *
 * Not a Map of code strings: at 100,000 distinct codes a Map's every lookup reads the key string's header
 * and the map's entry from memory (bench/). Here the items' positions sit in one open-addressed Int32Array
 * and their codes in one array, and a lookup first tries the item after the last one found: tracking rows
 * made by "สร้างแถวติดตามผล" follow the plan's order, so most are found with one comparison.
 */

/** An item with its code ('' when it has none: such items are in no code's list). */
interface Coded {
  readonly code: string;
}

const imul = Math.imul;

/** FNV-1a over the code's UTF-16 units, with a final mix so nearby codes spread over the table. */
function codeHash(code: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < code.length; i++) h = imul(h ^ code.charCodeAt(i), 16777619);
  h ^= h >>> 15;
  return imul(h, 0x2c1b3c6d) ^ (h >>> 12);
}

const NONE = -1;

export class PlanCodeIndex {
  private readonly codes: string[];
  /** Position of the first item with each item's code (NONE for an item without a code). */
  private readonly firsts: Int32Array;
  /** Open addressing: each code's first position, at its hash (NONE: empty slot). */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** Where the next lookup looks first: just after the item last found (a guess, never an answer). */
  private cursor = 0;

  private constructor(items: readonly Coded[]) {
    const n = items.length;
    let size = 16;
    while (size < n * 2) size *= 2; // at most half full: probe runs stay short
    this.mask = size - 1;
    this.slots = new Int32Array(size).fill(NONE);
    this.firsts = new Int32Array(n);
    this.codes = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      const code = items[i].code;
      this.codes[i] = code;
      this.firsts[i] = code ? this.insert(code, i) : NONE;
    }
  }

  /**
   * The index of a plan. A frozen plan (memoised: it serves every command of `run all`) is indexed once;
   * any other is indexed afresh, since its items could have changed since.
   */
  static of(items: readonly Coded[]): PlanCodeIndex {
    if (!Object.isFrozen(items)) return new PlanCodeIndex(items);
    let index = INDEXES.get(items);
    if (!index) INDEXES.set(items, (index = new PlanCodeIndex(items)));
    return index;
  }

  /** The code's first position, placing `at` there when the code is new. */
  private insert(code: string, at: number): number {
    let slot = codeHash(code) & this.mask;
    for (;;) {
      const known = this.slots[slot];
      if (known === NONE) {
        this.slots[slot] = at;
        return at;
      }
      if (this.codes[known] === code) return known;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Position of the first item with the code of the item at `position`; -1 when it has no code. */
  firstOf(position: number): number {
    return this.firsts[position];
  }

  /** Position of the first item with this code; -1 when no item has it (or the code is ''). */
  find(code: string): number {
    if (!code) return NONE;
    const guess = this.cursor;
    if (guess < this.codes.length && this.codes[guess] === code) {
      this.cursor = guess + 1;
      return this.firsts[guess];
    }
    let slot = codeHash(code) & this.mask;
    for (;;) {
      const known = this.slots[slot];
      if (known === NONE) return NONE;
      if (this.codes[known] === code) {
        this.cursor = known + 1;
        return known;
      }
      slot = (slot + 1) & this.mask;
    }
  }
}

const INDEXES = new WeakMap<readonly Coded[], PlanCodeIndex>();
