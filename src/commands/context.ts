/**
 * What every command shares: the document lock, one read per input sheet, marks, and Thai errors that
 * stop a command cleanly.
 */
import {
  readInputs,
  resolveSheetName,
  type InputSnapshots,
  type Inputs,
  type InputsBesideRows,
  type InputsReadWith,
  type ReadOptions,
} from '../core/inputs';
import {
  cellsToRead,
  parseRegistry,
  planMarks,
  registryRows,
  type MarkKind,
  type WantedMark,
} from '../core/marks';
import { fingerprintSnapshot, MISSING_PRINT } from '../core/fingerprint';
import { plainSheet, type GeneratedSheetModel } from '../core/report/builder';
import { FRESH_TEXT, type DataStamp } from '../core/report/provenance';
import {
  dataPrint,
  hasSignature,
  ownership,
  parseState,
  recordEntry,
  reservedNames,
  stateRows,
  type CurrentPrint,
  type InputPrint,
  type Ownership,
  type SheetRef,
  type StateEntry,
} from '../core/state';
import { GENERATED_SHEETS, INPUT_SHEETS, type InputSheetKey } from '../core/schema';
import { todayIn, type IsoDate } from '../core/thai/dates';
import type { CellLayer, Host, SheetInfo, WorkbookPort } from '../port/workbook';

/** A problem that stops a command, with a Thai message for the user. */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly title = 'ITA Sheets',
  ) {
    super(message);
    this.name = 'CommandError';
  }
}

/** How long a command waits for another user's command to finish. */
export const LOCK_TIMEOUT_MS = 30_000;

export const BUSY_MESSAGE =
  'มีผู้ใช้อื่นกำลังใช้คำสั่งของ ITA Sheets กับไฟล์นี้อยู่ กรุณารอสักครู่แล้วลองใหม่ (ข้อมูลของท่านไม่ถูกแก้ไข)';

/** Runs a writing command under the document lock; never runs it without the lock. */
export function withDocumentLock<T>(host: Host, run: () => T): T {
  if (!host.lock.tryLock(LOCK_TIMEOUT_MS)) throw new CommandError(BUSY_MESSAGE, 'กรุณารอสักครู่');
  try {
    return run();
  } finally {
    host.lock.release();
  }
}

/** What a command read; `I` is narrower when only some columns of the tables were read. */
export interface WorkbookRead<I extends InputsBesideRows = Inputs> {
  sheets: SheetInfo[];
  inputs: I;
  snapshots: InputSnapshots;
}

/** One listSheets and one read per wanted input sheet (only some columns of the tables: typed so). */
export function readWorkbook<R extends ReadOptions>(
  workbook: WorkbookPort,
  keys: readonly InputSheetKey[] | undefined,
  options: R,
): WorkbookRead<InputsReadWith<R>>;
export function readWorkbook(workbook: WorkbookPort, keys?: readonly InputSheetKey[]): WorkbookRead;
export function readWorkbook(
  workbook: WorkbookPort,
  keys: readonly InputSheetKey[] = INPUT_SHEETS.map((s) => s.key),
  options: ReadOptions = {},
): WorkbookRead {
  const sheets = workbook.listSheets();
  const names = sheets.map((s) => s.name);
  const snapshots: InputSnapshots = {};
  const sheetNames: Partial<Record<InputSheetKey, string>> = {};
  for (const spec of INPUT_SHEETS) {
    if (!keys.includes(spec.key)) continue;
    const name = resolveSheetName(names, spec);
    if (name) sheetNames[spec.key] = name;
    snapshots[spec.key] = name ? workbook.readSheet(name) : null;
  }
  return { sheets, snapshots, inputs: readInputs(snapshots, workbook.timeZone(), sheetNames, options) };
}

/** The as-of date: the option, else the settings, else today in the workbook's zone. */
export function asOfDate(host: Host, inputs: Pick<Inputs, 'settings'>, override?: IsoDate): IsoDate {
  return override ?? inputs.settings.asOf ?? todayIn(host.workbook.timeZone(), host.now());
}

/** Replaces the marks of the given kinds with `wanted`, exactly restoring cells no longer marked. */
export function applyMarks(
  workbook: WorkbookPort,
  sheets: readonly SheetInfo[],
  kinds: readonly MarkKind[],
  wanted: readonly WantedMark[],
): { marked: number; restored: number } {
  const names = new Set(sheets.map((s) => s.name));
  const registrySnapshot = names.has(GENERATED_SHEETS.marks)
    ? workbook.readSheet(GENERATED_SHEETS.marks)
    : null;
  const registry = parseRegistry(registrySnapshot?.values ?? []);
  if (!registry.length && !wanted.length) return { marked: 0, restored: 0 };
  const layers = new Map<string, CellLayer>();
  for (const [sheet, range] of cellsToRead(registry, wanted)) {
    if (names.has(sheet)) layers.set(sheet, workbook.readCellLayer(sheet, range));
  }
  const current = (sheet: string, row: number, col: number) => {
    const layer = layers.get(sheet) as CellLayer;
    const r = row - layer.range.row;
    const c = col - layer.range.col;
    return { background: layer.backgrounds[r]?.[c] ?? null, note: layer.notes[r]?.[c] ?? '' };
  };
  const plan = planMarks(registry, kinds, wanted, current, (sheet) => layers.has(sheet));
  const bySheet = new Map<string, typeof plan.changes>();
  for (const change of plan.changes) {
    // Pushed in place: copying the list per change was quadratic (100,000 marks in the benchmark).
    const list = bySheet.get(change.sheet);
    if (list) list.push(change);
    else bySheet.set(change.sheet, [change]);
  }
  for (const [sheet, changes] of bySheet) workbook.writeCellLayer(sheet, changes);
  workbook.writeSheet(plainSheet(GENERATED_SHEETS.marks, registryRows(plan.registry)));
  return { marked: plan.marked, restored: plan.restored };
}

// ---------------------------------------------------------------------------------------------------------
// Generated sheets: ownership and the state registry (hidden sheet _ita_state).

/** Fingerprints of the input sheets a command read, from the snapshots it already holds (no reads). */
export function inputPrints(read: WorkbookRead<InputsBesideRows>): InputPrint[] {
  return INPUT_SHEETS.filter((spec) => spec.key in read.snapshots).map((spec) => ({
    key: spec.key,
    name: read.inputs.sheetNames[spec.key] ?? spec.name,
    print: read.inputs.prints[spec.key] ?? fingerprintSnapshot(read.snapshots[spec.key] ?? null),
  }));
}

/**
 * Fingerprints of the input sheets as they are now: one read per wanted sheet (the caller has the
 * sheet list), found the way readWorkbook finds them, so an unchanged sheet gives the recorded print.
 */
export function currentPrints(
  workbook: WorkbookPort,
  sheets: readonly SheetRef[],
  keys: readonly InputSheetKey[],
): Map<InputSheetKey, CurrentPrint> {
  const names = sheets.map((s) => s.name);
  const prints = new Map<InputSheetKey, CurrentPrint>();
  for (const spec of INPUT_SHEETS) {
    if (!keys.includes(spec.key)) continue;
    const name = resolveSheetName(names, spec);
    prints.set(spec.key, { name, print: fingerprintSnapshot(name ? workbook.readSheet(name) : null) });
  }
  return prints;
}

/** What every report heading needs, and the fingerprints its state entry records. */
export function reportFrame(host: Host, read: WorkbookRead<InputsBesideRows>) {
  const prints = inputPrints(read);
  const frame = {
    settings: read.inputs.settings,
    now: host.now(),
    timeZone: host.workbook.timeZone(),
    existingSheets: new Set(read.sheets.map((s) => s.name)),
    stamp: dataStamp(prints),
  };
  return { prints, frame };
}

export function dataStamp(prints: readonly InputPrint[]): DataStamp {
  // The fingerprint covers a missing sheet too (its appearing is a change); the heading names real ones.
  const present = prints.filter((p) => p.print !== MISSING_PRINT);
  return { fingerprint: dataPrint(prints), sheets: present.map((p) => p.name) };
}

/** The state registry (one read; none when the sheet does not exist). */
export function readState(workbook: WorkbookPort, sheets: readonly SheetRef[]): StateEntry[] {
  if (!sheets.some((s) => s.name === GENERATED_SHEETS.state)) return [];
  return parseState(workbook.readSheet(GENERATED_SHEETS.state)?.values ?? []);
}

export function writeState(workbook: WorkbookPort, entries: readonly StateEntry[]): void {
  workbook.writeSheet(plainSheet(GENERATED_SHEETS.state, stateRows(entries)));
}

export const FOREIGN_SHEET_TITLE = 'ไม่เขียนทับชีตของท่าน';

export function foreignSheetMessage(name: string, renamed: string | null): string {
  const ours = renamed ? ` (ชีตที่ ITA Sheets สร้างไว้เดิมถูกเปลี่ยนชื่อเป็น "${renamed}" และไม่ถูกแก้ไขเช่นกัน)` : '';
  return (
    `มีชีตชื่อ "${name}" อยู่แล้ว แต่ไม่ใช่ชีตที่ ITA Sheets สร้าง จึงไม่เขียนทับ ข้อมูลในชีตนั้นไม่ถูกแก้ไข${ours} ` +
    `กรุณาเปลี่ยนชื่อชีต "${name}" เป็นชื่ออื่น (คลิกขวาที่แท็บชีต › เปลี่ยนชื่อ) แล้วเลือกคำสั่งนี้อีกครั้ง`
  );
}

export function renamedNotice(renamed: string | null, name: string): string {
  return renamed ? `ชีต "${renamed}" ที่ท่านเปลี่ยนชื่อไว้ไม่ถูกแก้ไข สร้างชีต "${name}" ใหม่แทน` : '';
}

/**
 * Whether the sheet `name` may be written for report `key`: a CommandError when a sheet by that name
 * is not ours. An unrecorded sheet (a workbook from before the state existed) is read once and taken as
 * ours only when it carries the signature line.
 */
export function claimSheet(
  workbook: WorkbookPort,
  sheets: readonly SheetRef[],
  entries: readonly StateEntry[],
  key: string,
  name: string,
  inputNames: readonly string[],
): Ownership & { signed?: boolean } {
  const claim = ownership(entries, key, name, sheets, reservedNames(inputNames));
  if (claim.kind !== 'unrecorded') return claim;
  if (!hasSignature(workbook.readSheet(name)?.values ?? []))
    throw new CommandError(foreignSheetMessage(name, claim.renamed), FOREIGN_SHEET_TITLE);
  return { ...claim, signed: true };
}

export interface GeneratedOutcome {
  /** Thai sentence for the toast when a renamed report was left alone ('' otherwise). */
  notice: string;
}

/** Entries written in a batch, recorded together when it ends (ids looked up then). */
interface StateBatch {
  entries: StateEntry[] | null;
  pending: StateEntry[];
}

const batches = new WeakMap<Host, StateBatch>();

function flushBatch(host: Host, batch: StateBatch): void {
  if (!batch.pending.length || !batch.entries) return;
  const sheets = host.workbook.listSheets();
  let entries = batch.entries;
  for (const pending of batch.pending) {
    const id = sheets.find((s) => s.name === pending.name)?.id;
    if (id !== undefined) entries = recordEntry(entries, { ...pending, sheetId: id }, sheets);
  }
  writeState(host.workbook, entries);
}

/**
 * Runs several commands (under one lock) with one state read, one listSheets and one state write for
 * all their generated sheets instead of one each: nothing renames sheets meanwhile, so the ids looked
 * up at the end are the ones written. Sheets written before a failure are still recorded.
 */
export function withStateBatch<T>(host: Host, run: () => T): T {
  const batch: StateBatch = { entries: null, pending: [] };
  batches.set(host, batch);
  let result: T;
  try {
    result = run();
  } catch (error) {
    batches.delete(host);
    try {
      flushBatch(host, batch);
    } catch {
      // The command's own error says more than a failed bookkeeping write.
    }
    throw error;
  }
  batches.delete(host);
  flushBatch(host, batch);
  return result;
}

/**
 * Writes a generated sheet under the ownership rule, then records it: one state read, the sheet, one
 * listSheets for its id (the .xlsx host gives a rewritten sheet a new one), one state write; inside
 * withStateBatch the read, the listSheets and the write are shared.
 */
export function writeGenerated(
  host: Host,
  read: WorkbookRead<InputsBesideRows>,
  model: GeneratedSheetModel,
  options: { key: string; inputs: readonly InputPrint[] },
): GeneratedOutcome {
  const { workbook } = host;
  const batch = batches.get(host);
  const entries = batch?.entries ?? readState(workbook, read.sheets);
  const inputNames = Object.values(read.inputs.sheetNames);
  const claim = claimSheet(workbook, read.sheets, entries, options.key, model.name, inputNames);
  workbook.writeSheet(model);
  const entry: StateEntry = {
    key: options.key,
    name: model.name,
    sheetId: -1,
    status: model.status ?? null,
    generatedAt: host.now().toISOString(),
    inputs: options.inputs.map((i) => ({ ...i })),
    attached: [],
    caution: '',
    lastStatus: model.status ? FRESH_TEXT : '',
  };
  if (batch) {
    // Later claims in the batch see this sheet as unrecorded-but-signed: still ours.
    batch.entries = entries;
    batch.pending = [...batch.pending.filter((p) => p.key !== entry.key), entry];
  } else {
    const sheets = workbook.listSheets();
    const id = sheets.find((s) => s.name === model.name)?.id;
    if (id !== undefined) writeState(workbook, recordEntry(entries, { ...entry, sheetId: id }, sheets));
  }
  return { notice: renamedNotice(claim.renamed, model.name) };
}
