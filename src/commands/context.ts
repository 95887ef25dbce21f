/**
 * What every command shares: the document lock, one read per input sheet, marks, and Thai errors that
 * stop a command cleanly.
 */
import { readInputs, resolveSheetName, type InputSnapshots, type Inputs } from '../core/inputs';
import {
  cellKey,
  cellsToRead,
  parseRegistry,
  planMarks,
  registryRows,
  type MarkKind,
  type WantedMark,
} from '../core/marks';
import { plainSheet } from '../core/report/builder';
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

export interface WorkbookRead {
  sheets: SheetInfo[];
  inputs: Inputs;
  snapshots: InputSnapshots;
}

/** One listSheets and one read per wanted input sheet. */
export function readWorkbook(
  workbook: WorkbookPort,
  keys: readonly InputSheetKey[] = INPUT_SHEETS.map((s) => s.key),
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
  return { sheets, snapshots, inputs: readInputs(snapshots, workbook.timeZone(), sheetNames) };
}

/** The as-of date: the option, else the settings, else today in the workbook's zone. */
export function asOfDate(host: Host, inputs: Inputs, override?: IsoDate): IsoDate {
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
  for (const change of plan.changes)
    bySheet.set(change.sheet, [...(bySheet.get(change.sheet) ?? []), change]);
  for (const [sheet, changes] of bySheet) workbook.writeCellLayer(sheet, changes);
  workbook.writeSheet(plainSheet(GENERATED_SHEETS.marks, registryRows(plan.registry)));
  const wantedKeys = new Set(wanted.map((w) => cellKey(w.sheet, w.row, w.col)));
  const restored = plan.changes.filter((c) => !wantedKeys.has(cellKey(c.sheet, c.row, c.col))).length;
  return { marked: wantedKeys.size, restored };
}
