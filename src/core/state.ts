/**
 * The hidden "_ita_state" sheet: for each sheet the add-in generated, the name and sheet id it was
 * written under (ownership: a sheet by that name with another id is not ours), where its status cell
 * is, when it was made and the fingerprints of the input sheets it was made from (the stale check).
 * Pure: the commands read and write the sheet, this file decides.
 */
import { isBlank, type CellValue } from './cells';
import { combinePrints, MISSING_PRINT } from './fingerprint';
import { SIGNATURE_TEXT } from './report/builder';
import { statusText } from './report/provenance';
import { GENERATED_SHEETS, INPUT_SHEETS, type InputSheetKey, type RoundKind } from './schema';
import type { OutCell } from './sheet-model';

/** One input sheet's fingerprint when a summary was made. */
export interface InputPrint {
  key: InputSheetKey;
  /** Its name in the workbook then. */
  name: string;
  /** MISSING_PRINT when the sheet did not exist. */
  print: string;
}

export interface StatusCell {
  row: number;
  col: number;
  cols: number;
}

export interface StateEntry {
  /** Stable key: 'validation', 'budget', 'overdue', 'ita', 'progress:2566:6', 'signoff'. */
  key: string;
  /** The name the add-in wrote it under. */
  name: string;
  sheetId: number;
  status: StatusCell | null;
  /** ISO instant. */
  generatedAt: string;
  inputs: InputPrint[];
  /** Sign-off only: keys of the attached reports. */
  attached: string[];
  /** Sign-off only: the caution its heading shows (reports remade after supervisors wrote). */
  caution: string;
  /** The banner last written into the status cell (the on-open check skips unchanged ones). */
  lastStatus: string;
}

export const STATE_HEADER = [
  'key',
  'name',
  'sheetId',
  'statusRow',
  'statusCol',
  'statusCols',
  'generatedAt',
  'inputs',
  'attached',
  'caution',
  'lastStatus',
];

export const SIGNOFF_KEY = 'signoff';

export function progressKey(fiscalYear: number, round: RoundKind): string {
  return `progress:${fiscalYear}:${round}`;
}

/** Reports in the order a reader meets them (the sign-off lists them so). */
export function reportRank(key: string): number {
  const fixed = ['validation', 'budget', 'overdue'];
  if (fixed.includes(key)) return fixed.indexOf(key);
  if (key.startsWith('progress:')) return 3;
  return key === 'ita' ? 4 : 5;
}

export function compareReports(a: StateEntry, b: StateEntry): number {
  // Progress summaries: newest year and round first.
  return reportRank(a.key) - reportRank(b.key) || (a.key < b.key ? 1 : a.key > b.key ? -1 : 0);
}

function text(value: CellValue | undefined): string {
  return isBlank(value) ? '' : String(value);
}

function int(value: CellValue | undefined): number | null {
  const n = typeof value === 'number' ? value : Number(text(value));
  return Number.isInteger(n) && text(value) !== '' ? n : null;
}

function json<T>(value: CellValue | undefined, valid: (v: unknown) => v is T, fallback: T): T {
  try {
    const parsed: unknown = JSON.parse(text(value) || 'null');
    return valid(parsed) ? parsed : fallback;
  } catch {
    return fallback; // a damaged cell: forget what it held rather than fail every command
  }
}

const INPUT_KEYS = new Set<string>(INPUT_SHEETS.map((s) => s.key));

function isPrints(v: unknown): v is InputPrint[] {
  return (
    Array.isArray(v) &&
    v.every(
      (p: unknown) =>
        typeof p === 'object' &&
        p !== null &&
        INPUT_KEYS.has((p as InputPrint).key) &&
        typeof (p as InputPrint).name === 'string' &&
        typeof (p as InputPrint).print === 'string',
    )
  );
}

function isStrings(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((s) => typeof s === 'string');
}

/** Reads the state sheet's values; rows that do not parse are dropped (the sheet is only ever ours). */
export function parseState(values: readonly (readonly CellValue[])[]): StateEntry[] {
  const entries: StateEntry[] = [];
  for (const row of values.slice(1)) {
    const [key, name, id, statusRow, statusCol, statusCols, generatedAt, inputs, attached, caution, last] =
      row;
    const sheetId = int(id);
    if (!text(key) || !text(name) || sheetId === null) continue;
    const r = int(statusRow);
    const c = int(statusCol);
    const w = int(statusCols);
    entries.push({
      key: text(key),
      name: text(name),
      sheetId,
      status: r && c && r > 0 && c > 0 ? { row: r, col: c, cols: w && w > 0 ? w : 1 } : null,
      generatedAt: text(generatedAt),
      inputs: json(inputs, isPrints, []),
      attached: json(attached, isStrings, []),
      caution: text(caution),
      lastStatus: text(last),
    });
  }
  return entries;
}

/** The state sheet's rows (strings stay text in every adapter, so JSON never becomes a formula). */
export function stateRows(entries: readonly StateEntry[]): OutCell[][] {
  return [
    STATE_HEADER,
    ...entries.map((e) => [
      e.key,
      e.name,
      e.sheetId,
      e.status?.row ?? '',
      e.status?.col ?? '',
      e.status?.cols ?? '',
      e.generatedAt,
      JSON.stringify(e.inputs),
      JSON.stringify(e.attached),
      e.caution,
      e.lastStatus,
    ]),
  ];
}

// ---------------------------------------------------------------------------------------------------------
// Ownership

export interface SheetRef {
  name: string;
  id: number;
  hidden?: boolean;
}

/**
 * What may be done with the sheet named `name` for report `key`:
 *   'ours'       a sheet by that name is the one we recorded (same id): rewrite it;
 *   'free'       no sheet by that name: create it;
 *   'unrecorded' a sheet by that name that we did not record (the user's own, an input sheet renamed,
 *                or one we made before the state existed): ours only if it carries our signature.
 * `renamed` names the sheet we recorded for this key when the user has since renamed it: it is left
 * as it is (now the user's), and said so.
 */
export type Ownership =
  { kind: 'ours'; renamed: null } | { kind: 'free' | 'unrecorded'; renamed: string | null };

/** Names a renamed generated sheet can never have: input sheets and the add-in's own sheets. */
export function reservedNames(inputNames: readonly string[]): Set<string> {
  const generated = Object.values(GENERATED_SHEETS).filter((n) => n !== GENERATED_SHEETS.progressPrefix);
  return new Set([...INPUT_SHEETS.map((s) => s.name), ...inputNames, ...generated]);
}

export function ownership(
  entries: readonly StateEntry[],
  key: string,
  name: string,
  sheets: readonly SheetRef[],
  reserved: ReadonlySet<string>,
): Ownership {
  const entry = entries.find((e) => e.key === key);
  const byName = sheets.find((s) => s.name === name);
  if (entry && byName && byName.id === entry.sheetId) return { kind: 'ours', renamed: null };
  const byId = entry ? sheets.find((s) => s.id === entry.sheetId) : undefined;
  // Ids of a file another program saved may be renumbered: a "renamed" sheet must look like one.
  const renamed =
    byId &&
    byId.name !== name &&
    !byId.hidden &&
    !reserved.has(byId.name) &&
    !byId.name.startsWith(GENERATED_SHEETS.progressPrefix)
      ? byId.name
      : null;
  return { kind: byName ? 'unrecorded' : 'free', renamed };
}

/** True when the first rows of a sheet carry the add-in's signature line. */
export function hasSignature(values: readonly (readonly CellValue[])[], rows = 12): boolean {
  return values
    .slice(0, rows)
    .some((row) => row.some((v) => typeof v === 'string' && v.includes(SIGNATURE_TEXT)));
}

/**
 * The entries after `written` was (re)written: its old entry replaced; entries whose sheet is gone
 * (neither its id nor its name exists any more) or whose id now belongs to `written` dropped.
 */
export function recordEntry(
  entries: readonly StateEntry[],
  written: StateEntry,
  sheets: readonly SheetRef[],
): StateEntry[] {
  const ids = new Set(sheets.map((s) => s.id));
  const names = new Set(sheets.map((s) => s.name));
  const kept = entries.filter(
    (e) =>
      e.key !== written.key &&
      e.sheetId !== written.sheetId &&
      e.name !== written.name &&
      (ids.has(e.sheetId) || names.has(e.name)),
  );
  return [...kept, written].sort(compareReports);
}

/** The recorded sheet when it is still there under the same name and id (the only one we touch). */
export function liveEntry(entry: StateEntry, sheets: readonly SheetRef[]): boolean {
  return sheets.some((s) => s.id === entry.sheetId && s.name === entry.name);
}

// ---------------------------------------------------------------------------------------------------------
// Staleness

export interface CurrentPrint {
  /** The sheet's name now; null when it does not exist. */
  name: string | null;
  print: string;
}

export interface Verdict {
  entry: StateEntry;
  /** Input sheets whose fingerprint differs, by name, in the workbook's sheet order of the schema. */
  changed: string[];
  /** The banner for its status cell. */
  text: string;
}

/** The input sheets that changed since the entry was made. */
export function changedSheets(
  entry: Pick<StateEntry, 'inputs'>,
  current: ReadonlyMap<InputSheetKey, CurrentPrint>,
): string[] {
  const order = INPUT_SHEETS.map((s) => s.key);
  return entry.inputs
    .filter((i) => (current.get(i.key)?.print ?? MISSING_PRINT) !== i.print)
    .sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key))
    .map((i) => current.get(i.key)?.name ?? i.name);
}

/** A verdict for every entry that records input fingerprints. */
export function staleVerdicts(
  entries: readonly StateEntry[],
  current: ReadonlyMap<InputSheetKey, CurrentPrint>,
): Verdict[] {
  return entries
    .filter((e) => e.inputs.length > 0)
    .map((entry) => {
      const changed = changedSheets(entry, current);
      return { entry, changed, text: statusText(changed) };
    });
}

/** The input sheets the recorded summaries were made from (what the stale check must read). */
export function inputKeysOf(entries: readonly StateEntry[]): InputSheetKey[] {
  const wanted = new Set(entries.flatMap((e) => e.inputs.map((i) => i.key)));
  return INPUT_SHEETS.map((s) => s.key).filter((k) => wanted.has(k));
}

/** A summary's one fingerprint: over its inputs' fingerprints. */
export function dataPrint(inputs: readonly InputPrint[]): string {
  return combinePrints(inputs.map((i) => ({ key: i.key, print: i.print })));
}

/**
 * The inputs a sign-off records: the union of its reports' inputs. Two reports made from different
 * versions of one sheet give that sheet a print that matches nothing, so the sign-off shows it stale.
 */
export function unionInputs(reports: readonly StateEntry[]): InputPrint[] {
  const byKey = new Map<InputSheetKey, InputPrint>();
  for (const input of reports.flatMap((r) => r.inputs)) {
    const seen = byKey.get(input.key);
    if (!seen) byKey.set(input.key, { ...input });
    else if (seen.print !== input.print) seen.print = `${CONFLICT_PREFIX}${seen.print}/${input.print}`;
  }
  const order = INPUT_SHEETS.map((s) => s.key);
  return [...byKey.values()].sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
}

const CONFLICT_PREFIX = 'conflict:';
