/**
 * Marks on input cells (a background colour and a note) that can be removed exactly. The registry keeps,
 * per marked cell, the user's own background and note and what we wrote; a cell the user has changed
 * since keeps the user's change. Several commands can mark one cell; the strongest mark shows.
 */
import { isBlank, type CellValue, type RangeRef } from './cells';
import type { OutCell } from './sheet-model';
import { textSlot } from './text-slot';

export type MarkKind = 'validation' | 'overdue';

export interface Mark {
  kind: MarkKind;
  /** Higher shows over lower on the same cell. */
  priority: number;
  color: string;
  text: string;
}

export interface MarkEntry {
  sheet: string;
  row: number;
  col: number;
  savedBackground: string | null;
  savedNote: string;
  /** What the add-in last wrote. */
  background: string | null;
  note: string;
  marks: Mark[];
}

export const MARK_STYLE = {
  validationError: { color: '#f4cccc', priority: 40 },
  overdue: { color: '#f9cb9c', priority: 30 },
  dueSoon: { color: '#fff2cc', priority: 20 },
  validationWarning: { color: '#fce8b2', priority: 10 },
} as const;

const NOTE_HEADING = '⚠ ITA Sheets';
const NOTE_SEPARATOR = '\n──────────\n';

const REGISTRY_HEADER = [
  'sheet',
  'row',
  'col',
  'savedBackground',
  'savedNote',
  'background',
  'note',
  'marks',
];

export function registryRows(entries: readonly MarkEntry[]): OutCell[][] {
  return [
    REGISTRY_HEADER,
    ...entries.map((e) => [
      e.sheet,
      e.row,
      e.col,
      e.savedBackground ?? '',
      e.savedNote,
      e.background ?? '',
      e.note,
      marksText(e.marks),
    ]),
  ];
}

/**
 * The registry text of each list of marks read from it (parseRegistry shares one frozen list per text):
 * a cell still marked as it was is written back with the text it was read from, not serialised again.
 */
const TEXT_OF_MARKS = new WeakMap<readonly Mark[], string>();

function marksText(marks: readonly Mark[]): string {
  return TEXT_OF_MARKS.get(marks) ?? JSON.stringify(marks);
}

/** Slots of parseRegistry's cache of recent marks texts (a power of two). */
const RECENT_TEXTS = 64;

/** Reads the hidden registry sheet; rows that are not ours are ignored (the sheet is only ever ours). */
export function parseRegistry(values: readonly (readonly CellValue[])[]): MarkEntry[] {
  const entries: MarkEntry[] = [];
  // Cells marked for the same reason hold the same text: each text is parsed once, and its marks are
  // frozen, since entries share them (planMarks makes new lists, never changes these).
  const parsedOf = new Map<string, Mark[]>();
  // The texts last parsed, direct-mapped (textSlot): the registry's texts are each their own string,
  // and comparing one with an equal text costs less than hashing it for the map.
  const recentTexts = new Array<string | null>(RECENT_TEXTS).fill(null);
  const recentMarks = new Array<Mark[]>(RECENT_TEXTS);
  for (let i = 1; i < values.length; i++) {
    // By index: destructuring goes through the array's iterator, row by row.
    const line = values[i];
    const sheet = line[0];
    const r = line[1];
    const c = line[2];
    const marks = line[7];
    if (typeof sheet !== 'string' || typeof r !== 'number' || typeof c !== 'number') continue;
    let parsed: Mark[] | undefined;
    const slot = typeof marks === 'string' ? textSlot(marks, RECENT_TEXTS) : 0;
    if (typeof marks === 'string') {
      parsed = recentTexts[slot] === marks ? recentMarks[slot] : parsedOf.get(marks);
      if (parsed !== undefined) {
        recentTexts[slot] = marks;
        recentMarks[slot] = parsed;
      }
    }
    if (parsed === undefined) {
      try {
        parsed = typeof marks === 'string' ? (JSON.parse(marks) as Mark[]) : [];
      } catch {
        parsed = []; // a damaged registry row: drop its marks rather than fail the command
      }
      if (!Array.isArray(parsed)) parsed = [];
      parsed.forEach((m) => Object.freeze(m));
      Object.freeze(parsed);
      if (typeof marks === 'string') {
        parsedOf.set(marks, parsed);
        TEXT_OF_MARKS.set(parsed, marks);
        recentTexts[slot] = marks;
        recentMarks[slot] = parsed;
      }
    }
    entries.push({
      sheet,
      row: r,
      col: c,
      savedBackground: isBlank(line[3]) ? null : String(line[3]),
      savedNote: isBlank(line[4]) ? '' : String(line[4]),
      background: isBlank(line[5]) ? null : String(line[5]),
      note: isBlank(line[6]) ? '' : String(line[6]),
      marks: parsed,
    });
  }
  return entries;
}

export interface WantedMark {
  sheet: string;
  row: number;
  col: number;
  mark: Mark;
}

/** Current background and note of a cell, as read from the sheet. */
export type LayerLookup = (
  sheet: string,
  row: number,
  col: number,
) => { background: string | null; note: string };

export interface MarkChange {
  sheet: string;
  row: number;
  col: number;
  background: string | null;
  note: string;
}

export interface MarkPlan {
  changes: MarkChange[];
  registry: MarkEntry[];
  /** Distinct cells wanted marked. */
  marked: number;
  /** Changes that give a cell its own background and note back (its marks are gone). */
  restored: number;
}

function noteFor(marks: readonly Mark[], savedNote: string): string {
  let ours = NOTE_HEADING;
  for (let i = 0; i < marks.length; i++) ours += `\n${marks[i].text}`;
  return savedNote ? `${ours}${NOTE_SEPARATOR}${savedNote}` : ours;
}

function strongest(marks: readonly Mark[]): Mark {
  let best = marks[0];
  for (let i = 1; i < marks.length; i++) if (marks[i].priority > best.priority) best = marks[i];
  return best;
}

/** The cells whose layer must be read to plan: every registered and every wanted cell, per sheet. */
export function cellsToRead(
  registry: readonly MarkEntry[],
  wanted: readonly WantedMark[],
): Map<string, RangeRef> {
  const boxes = new Map<string, { top: number; left: number; bottom: number; right: number }>();
  // The box of the sheet last seen is kept at hand: cells come sheet by sheet (no lookup per cell).
  let sheetOfBox = '';
  let box = { top: 0, left: 0, bottom: 0, right: 0 };
  const widen = (cell: { sheet: string; row: number; col: number }) => {
    const { row, col } = cell;
    if (cell.sheet !== sheetOfBox || boxes.size === 0) {
      sheetOfBox = cell.sheet;
      const known = boxes.get(sheetOfBox);
      if (known) box = known;
      else boxes.set(sheetOfBox, (box = { top: row, left: col, bottom: row, right: col }));
    }
    if (row < box.top) box.top = row;
    if (row > box.bottom) box.bottom = row;
    if (col < box.left) box.left = col;
    if (col > box.right) box.right = col;
  };
  for (let i = 0; i < registry.length; i++) widen(registry[i]);
  for (let i = 0; i < wanted.length; i++) widen(wanted[i]);
  const ranges = new Map<string, RangeRef>();
  for (const [sheet, b] of boxes)
    ranges.set(sheet, { row: b.top, col: b.left, rows: b.bottom - b.top + 1, cols: b.right - b.left + 1 });
  return ranges;
}

/**
 * Replaces the marks of the given kinds with `wanted`. Cells left with no mark get the user's own
 * background and note back; cells the user changed after marking keep the user's change as their own.
 */
export function planMarks(
  registry: readonly MarkEntry[],
  kinds: readonly MarkKind[],
  wanted: readonly WantedMark[],
  current: LayerLookup,
  sheetExists: (sheet: string) => boolean,
): MarkPlan {
  const keyOf = cellKeys();
  // Each cell's entry, its look now (asked once) and the marks it was read with, by position in `entries`.
  const at = new Map<number, number>();
  const entries: MarkEntry[] = [];
  const shownNow: { background: string | null; note: string }[] = [];
  const marksBefore: (readonly Mark[] | null)[] = [];
  for (let r = 0; r < registry.length; r++) {
    const e = registry[r];
    if (!sheetExists(e.sheet)) continue; // a deleted sheet takes its marks with it
    const now = current(e.sheet, e.row, e.col);
    const key = keyOf(e.sheet, e.row, e.col);
    // A cell registered twice (a damaged registry): its later row wins, as one entry.
    let i = at.get(key);
    if (i === undefined) at.set(key, (i = entries.length));
    const others: Mark[] = [];
    for (let m = 0; m < e.marks.length; m++) if (!kinds.includes(e.marks[m].kind)) others.push(e.marks[m]);
    entries[i] = {
      sheet: e.sheet,
      row: e.row,
      col: e.col,
      // The user re-coloured or re-noted a marked cell: that is now their own formatting.
      savedBackground: now.background === e.background ? e.savedBackground : now.background,
      savedNote: now.note === e.note ? e.savedNote : now.note,
      background: e.background,
      note: e.note,
      marks: others,
    };
    shownNow[i] = now;
    marksBefore[i] = e.marks;
  }
  // Which entries are wanted marked, by position; wanted cells of deleted sheets are counted apart.
  const isWanted = new Uint8Array(registry.length + wanted.length);
  let wantedCells = 0;
  const wantedElsewhere = new Set<number>();
  for (let n = 0; n < wanted.length; n++) {
    const w = wanted[n];
    const key = keyOf(w.sheet, w.row, w.col);
    if (!sheetExists(w.sheet)) {
      wantedElsewhere.add(key);
      continue;
    }
    let i = at.get(key);
    if (i === undefined) {
      const now = current(w.sheet, w.row, w.col);
      at.set(key, (i = entries.length));
      entries.push({
        sheet: w.sheet,
        row: w.row,
        col: w.col,
        savedBackground: now.background,
        savedNote: now.note,
        background: now.background,
        note: now.note,
        marks: [],
      });
      shownNow.push(now);
      marksBefore.push(null);
    }
    entries[i].marks.push(w.mark);
    if (isWanted[i] === 0) {
      isWanted[i] = 1;
      wantedCells++;
    }
  }
  const changes: MarkChange[] = [];
  const kept: MarkEntry[] = [];
  let restored = 0;
  // By position, not over the map's entries (a [key, value] array per entry).
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    const now = shownNow[i];
    const marked = entry.marks.length > 0;
    const background = marked ? strongest(entry.marks).color : entry.savedBackground;
    const note = marked ? noteFor(entry.marks, entry.savedNote) : entry.savedNote;
    if (background !== now.background || note !== now.note) {
      changes.push({ sheet: entry.sheet, row: entry.row, col: entry.col, background, note });
      if (isWanted[i] === 0) restored++;
    }
    if (marked) {
      const before = marksBefore[i];
      // Marked as before: keep the list read, so the registry keeps its text (no JSON made again).
      if (before && sameMarks(before, entry.marks)) entry.marks = before as Mark[];
      entry.background = background;
      entry.note = note;
      kept.push(entry);
    }
  }
  // Code-unit order of sheet names: any fixed order will do, and a locale compare per pair was slow.
  // Cells kept in the registry's own order (most, when little changed) need no sort.
  if (!inCellOrder(kept)) kept.sort(byCell);
  return { changes, registry: kept, marked: wantedCells + wantedElsewhere.size, restored };
}

function byCell(a: MarkEntry, b: MarkEntry): number {
  return a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : a.row - b.row || a.col - b.col;
}

function inCellOrder(entries: readonly MarkEntry[]): boolean {
  for (let i = 1; i < entries.length; i++) if (byCell(entries[i - 1], entries[i]) > 0) return false;
  return true;
}

function sameMarks(a: readonly Mark[], b: readonly Mark[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.kind !== y.kind || x.priority !== y.priority || x.color !== y.color || x.text !== y.text)
      return false;
  }
  return true;
}

/**
 * Numbers for cells, one per sheet, row and column (a sheet has at most 18,278 columns and far fewer
 * than 2^23 rows): no key string per marked cell. Cells come sheet by sheet, so the sheet last asked
 * about is kept at hand (no lookup per cell).
 */
export function cellKeys(): (sheet: string, row: number, col: number) => number {
  const sheets = new Map<string, number>();
  let lastSheet = '';
  let lastIndex = 0;
  return (sheet, row, col) => {
    if (sheet !== lastSheet || sheets.size === 0) {
      let n = sheets.get(sheet);
      if (n === undefined) sheets.set(sheet, (n = sheets.size));
      lastSheet = sheet;
      lastIndex = n;
    }
    return (lastIndex * 2 ** 23 + row) * 2 ** 15 + col;
  };
}
