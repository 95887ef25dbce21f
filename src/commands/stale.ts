/**
 * "ตรวจสอบการเปลี่ยนแปลงข้อมูล": compares the input sheets now with the fingerprints each summary (and the
 * sign-off sheet) recorded, and writes each one's status cell: "⚠ ข้อมูลมีการเปลี่ยนแปลงหลังจัดทำรายงาน:
 * ชีต …" or "✓ ข้อมูลตรงกับที่ใช้จัดทำรายงาน". One read per input sheet, one small write per summary
 * (bounded by the number of summaries, never by rows). Also run when the file opens (checkStaleOnOpen).
 */
import { FRESH_TEXT, STATUS_COLORS } from '../core/report/provenance';
import { signOffLayoutMatches } from '../core/report/signoff-report';
import {
  inputKeysOf,
  liveEntry,
  SIGNOFF_KEY,
  staleVerdicts,
  type StateEntry,
  type StatusCell,
} from '../core/state';
import type { Host, WorkbookPort } from '../port/workbook';
import { defineCommand } from './command-spec';
import { currentPrints, readState, withDocumentLock, writeState } from './context';

export const STALE_TITLE = 'ตรวจสอบการเปลี่ยนแปลงข้อมูล';

/** The on-open check never waits long for someone else's command. */
export const ON_OPEN_LOCK_MS = 1_000;

export interface StaleReport {
  key: string;
  sheet: string;
  stale: boolean;
  /** Input sheets that changed since the sheet was made. */
  changed: string[];
  /** Whether its status cell was (re)written by this run. */
  written: boolean;
}

export interface StaleCheckResult {
  reports: StaleReport[];
  /** Set when the check did not run (on open only). */
  skipped?: 'noAuth' | 'busy' | 'error';
}

/**
 * Writes a status banner: the text (one values write; the status cell is in column A, where
 * SheetBuilder.status puts it), the colour across the status row (one layer write, notes cleared).
 */
export function writeStatusCell(
  workbook: WorkbookPort,
  sheet: string,
  cell: StatusCell,
  text: string,
  stale: boolean,
  colourOnly = false,
): void {
  if (!colourOnly) workbook.appendRows(sheet, cell.row, [[text]]);
  const background = stale ? STATUS_COLORS.stale : STATUS_COLORS.fresh;
  workbook.writeCellLayer(
    sheet,
    Array.from({ length: cell.cols }, (_, i) => ({ row: cell.row, col: cell.col + i, background, note: '' })),
  );
}

/**
 * The check, for a caller holding the document lock. `onlyChanged` skips status cells already showing
 * the right banner (on open: nothing is written when nothing changed).
 */
export function staleCheckLocked(host: Host, options: { onlyChanged?: boolean } = {}): StaleCheckResult {
  const { workbook } = host;
  const sheets = workbook.listSheets();
  const entries = readState(workbook, sheets);
  // Only sheets still under the name and id we recorded: a renamed one is the user's now.
  const live = entries.filter((e) => e.status && e.inputs.length && liveEntry(e, sheets));
  if (!live.length) return { reports: [] };
  const verdicts = staleVerdicts(live, currentPrints(workbook, sheets, inputKeysOf(live)));
  const reports: StaleReport[] = [];
  const updated = new Map<string, StateEntry>();
  for (const { entry, changed, text } of verdicts) {
    const stale = changed.length > 0;
    const due = !options.onlyChanged || text !== entry.lastStatus;
    // The sign-off sheet is typed in: write only while its rows are where we put them.
    const safe =
      !due || entry.key !== SIGNOFF_KEY || signOffLayoutMatches(workbook.readSheet(entry.name)?.values ?? []);
    const written = due && safe;
    if (written) {
      writeStatusCell(workbook, entry.name, entry.status as StatusCell, text, stale);
      updated.set(entry.key, { ...entry, lastStatus: text });
    }
    reports.push({ key: entry.key, sheet: entry.name, stale, changed, written });
  }
  if (updated.size)
    writeState(
      workbook,
      entries.map((e) => updated.get(e.key) ?? e),
    );
  return { reports };
}

export function staleSummaryText(result: StaleCheckResult): string {
  const { reports } = result;
  if (!reports.length) {
    return 'ยังไม่มีรายงานที่บันทึกลายนิ้วมือข้อมูลไว้ (สร้างรายงานหรือเลือก เตรียมส่งผู้บังคับบัญชา ก่อน)';
  }
  const stale = reports.filter((r) => r.stale);
  if (!stale.length) return `${FRESH_TEXT} ทั้ง ${reports.length} ชีต`;
  const list = stale.map((r) => `"${r.sheet}" (ข้อมูลที่เปลี่ยน: ${r.changed.join(', ')})`).join(' · ');
  return (
    `⚠ ข้อมูลมีการเปลี่ยนแปลงหลังจัดทำรายงาน ${stale.length} จาก ${reports.length} ชีต: ${list} ` +
    'ให้สร้างรายงานเหล่านั้นใหม่ หรือเลือกเมนู เตรียมส่งผู้บังคับบัญชา'
  );
}

/** The menu command: every status cell rewritten, the result toasted. */
export function runStaleCheck(host: Host): StaleCheckResult {
  return withDocumentLock(host, () => {
    const result = staleCheckLocked(host);
    host.ui.toast(staleSummaryText(result), STALE_TITLE);
    return result;
  });
}

/**
 * For onOpen: cheap when there is nothing to check (the state sheet alone is read), writes only status
 * cells whose banner changes, toasts only when something is stale, and never throws. Skipped quietly in
 * AuthMode.NONE (no access to the file yet) or while someone else holds the lock.
 */
export function checkStaleOnOpen(host: Host, context: { authModeNone?: boolean } = {}): StaleCheckResult {
  if (context.authModeNone) return { reports: [], skipped: 'noAuth' };
  try {
    if (!host.lock.tryLock(ON_OPEN_LOCK_MS)) return { reports: [], skipped: 'busy' };
    try {
      const result = staleCheckLocked(host, { onlyChanged: true });
      if (result.reports.some((r) => r.stale)) host.ui.toast(staleSummaryText(result), STALE_TITLE);
      return result;
    } finally {
      host.lock.release();
    }
  } catch {
    // Opening the file must never fail because of the check; the menu command reports problems.
    return { reports: [], skipped: 'error' };
  }
}

export const staleCommand = defineCommand({
  name: 'stale',
  title: STALE_TITLE,
  run: (host) => runStaleCheck(host),
  json: (r: StaleCheckResult) => ({
    reports: r.reports.map((x) => ({ sheet: x.sheet, stale: x.stale, changed: x.changed })),
  }),
  // Exit code 1 offline when a summary no longer matches its data (scripts can regenerate).
  failed: (r) => r.reports.some((x) => x.stale),
  summary: (r) => `${STALE_TITLE}: ${staleSummaryText(r)}`,
});
