/**
 * "สร้างแถวติดตามผลปีงบประมาณ…": asks for a fiscal year and appends, in one write, a tracking row for every
 * plan item active in that year that has none yet. Existing rows are never touched; a second run adds
 * nothing. Plan items that cannot get a row are reported with their cells, never skipped in silence.
 */
import { fiscalYearOf } from '../core/thai/fiscal';
import { todayIn } from '../core/thai/dates';
import {
  planTrackingRows,
  parseFiscalYearAnswer,
  TRACKING_ROWS_READING,
  type PlannedTrackingRow,
  type SkippedItem,
} from '../core/tracking-rows';
import type { Settings } from '../core/inputs';
import type { Host, WorkbookPort } from '../port/workbook';
import { appendRecords } from './append';
import { defineCommand, type CommandOptions } from './command-spec';
import { CommandError, readWorkbook, withDocumentLock } from './context';
import { NEEDS, requireColumns } from './structure';

export const TRACKING_ROWS_TITLE = 'สร้างแถวติดตามผลปีงบประมาณ';

export interface AddedRow extends PlannedTrackingRow {
  /** Sheet row the new row was written to. */
  row: number;
}

export interface TrackingRowsResult {
  outcome: 'added' | 'nothingToAdd' | 'cancelled' | 'badYear';
  fiscalYear: number | null;
  sheet: string;
  added: AddedRow[];
  existing: string[];
  skipped: SkippedItem[];
  inactive: number;
  blankResponsible: string[];
  unreadableBudget: string[];
}

/** The settings alone, read outside the lock so no dialog ever waits while holding it. */
export function readSettingsOnly(workbook: WorkbookPort): Settings {
  return readWorkbook(workbook, ['settings']).inputs.settings;
}

export type AskedYear = { kind: 'ok'; year: number } | { kind: 'cancelled' } | { kind: 'bad' };

/**
 * Asks for a fiscal year (default: the option, else the tracked year, else the current one). Cancel
 * stops quietly; an answer that is not a B.E. year gets a Thai alert.
 */
export function askFiscalYear(
  host: Host,
  settings: Settings,
  options: CommandOptions,
  title: string,
  message: string,
): AskedYear {
  const fallback = fiscalYearOf(
    options.asOf ?? settings.asOf ?? todayIn(host.workbook.timeZone(), host.now()),
  );
  const suggested = options.fiscalYear ?? settings.trackingYear ?? fallback;
  const answer = host.ui.prompt(title, message, String(suggested));
  if (answer === null) return { kind: 'cancelled' };
  const parsed = parseFiscalYearAnswer(answer.trim() === '' ? String(suggested) : answer);
  if (!parsed.ok) {
    host.ui.alert('ปีงบประมาณไม่ถูกต้อง', `${parsed.error} แล้วเลือกเมนูนี้อีกครั้ง (ยังไม่มีการเปลี่ยนแปลงใดในไฟล์)`);
    return { kind: 'bad' };
  }
  return { kind: 'ok', year: parsed.year };
}

function empty(outcome: TrackingRowsResult['outcome'], fiscalYear: number | null): TrackingRowsResult {
  return {
    outcome,
    fiscalYear,
    sheet: '',
    added: [],
    existing: [],
    skipped: [],
    inactive: 0,
    blankResponsible: [],
    unreadableBudget: [],
  };
}

/**
 * Appends the missing rows of one fiscal year: one read per input sheet, one read and one write of the
 * tracking sheet. Used by the menu command and by the sample workbook.
 */
export function appendTrackingRows(workbook: WorkbookPort, fiscalYear: number): TrackingRowsResult {
  const read = readWorkbook(workbook, ['settings', 'reference', 'plan', 'tracking'], TRACKING_ROWS_READING);
  const { inputs, snapshots } = read;
  const sheet = inputs.sheetNames.tracking;
  if (!sheet || !snapshots.tracking) {
    throw new CommandError('ไม่พบชีต "ติดตามผล" เลือกเมนู ITA Sheets › ตั้งค่า/ซ่อมแซมแม่แบบ เพื่อสร้างชีต แล้วลองอีกครั้ง');
  }
  if (!snapshots.plan) {
    throw new CommandError('ไม่พบชีต "แผนปฏิบัติการ" เลือกเมนู ITA Sheets › ตั้งค่า/ซ่อมแซมแม่แบบ เพื่อสร้างชีต แล้วกรอกแผน');
  }
  requireColumns(read, NEEDS.trackingRows, 'สร้างแถวติดตามผลไม่ได้');
  const plan = planTrackingRows(inputs, fiscalYear);
  const firstRow = plan.rows.length
    ? appendRecords(
        workbook,
        sheet,
        'tracking',
        plan.rows.map((r) => ({ values: r.values })),
      )
    : 0;
  return {
    outcome: plan.rows.length ? 'added' : 'nothingToAdd',
    fiscalYear,
    sheet,
    added: plan.rows.map((r, i) => ({ ...r, row: firstRow + i })),
    existing: plan.existing,
    skipped: plan.skipped,
    inactive: plan.inactive,
    blankResponsible: plan.blankResponsible,
    unreadableBudget: plan.unreadableBudget,
  };
}

/** Thai text of what was done, for the toast and the CLI. */
export function trackingRowsSummary(r: TrackingRowsResult): string {
  if (r.outcome === 'cancelled') return 'ยกเลิกการสร้างแถวติดตามผล';
  if (r.outcome === 'badYear') return 'ไม่ได้สร้างแถวติดตามผล เพราะปีงบประมาณที่พิมพ์ไม่ถูกต้อง';
  const head = r.added.length
    ? `เพิ่มแถวติดตามผลปีงบประมาณ ${r.fiscalYear} แล้ว ${r.added.length} แถว ในชีต "${r.sheet}"`
    : `ไม่มีแถวติดตามผลปีงบประมาณ ${r.fiscalYear} ที่ต้องเพิ่ม`;
  const parts = [head];
  if (r.existing.length) parts.push(`มีแถวอยู่แล้ว ${r.existing.length} รายการ (ไม่แก้ไขแถวเดิม)`);
  if (r.skipped.length) parts.push(`สร้างแถวไม่ได้ ${r.skipped.length} รายการ`);
  return parts.join(' · ');
}

function problemsText(r: TrackingRowsResult): string {
  const planSheet = r.skipped[0]?.sheet ?? 'แผนปฏิบัติการ';
  const lines = r.skipped.map(
    (s) => `• รหัส ${s.code || '(ว่าง)'} ${s.cell ? `เซลล์ ${s.cell}` : `แถว ${s.row}`}: ${s.reason}`,
  );
  const notes: string[] = [];
  if (r.blankResponsible.length) {
    notes.push(
      `หน่วยงานที่รับผิดชอบของรายการ ${r.blankResponsible.join(', ')} ในแผนยังเป็นข้อความตัวอย่าง จึงเว้นว่างไว้ในแถวติดตามผล`,
    );
  }
  if (r.unreadableBudget.length) {
    notes.push(
      `อ่านงบประมาณปี ${r.fiscalYear} ของรายการ ${r.unreadableBudget.join(', ')} ในแผนไม่ได้ จึงเว้นว่างไว้`,
    );
  }
  const head = r.skipped.length
    ? `รายการในชีต "${planSheet}" ที่สร้างแถวติดตามผลไม่ได้ ${r.skipped.length} รายการ (แก้ไขแล้วเลือกเมนูนี้อีกครั้ง จะเพิ่มเฉพาะแถวที่ยังไม่มี):`
    : '';
  return [head, ...lines, ...notes].filter(Boolean).join('\n');
}

export function runCreateTrackingRows(host: Host, options: CommandOptions = {}): TrackingRowsResult {
  const settings = readSettingsOnly(host.workbook);
  const asked = askFiscalYear(
    host,
    settings,
    options,
    TRACKING_ROWS_TITLE,
    'สร้างแถวติดตามผลของรายการในแผนที่ดำเนินการในปีงบประมาณ (พ.ศ.) ใด? แถวที่มีอยู่แล้วจะไม่ถูกแก้ไขหรือสร้างซ้ำ',
  );
  if (asked.kind === 'cancelled') return empty('cancelled', null);
  if (asked.kind === 'bad') return empty('badYear', null);
  const result = withDocumentLock(host, () => {
    const added = appendTrackingRows(host.workbook, asked.year);
    if (added.added.length) host.workbook.activate(added.sheet, added.added[0].row, 1);
    return added;
  });
  // Items left without a row need reading, so they get an alert rather than a fleeting toast; it comes
  // after the lock is released, so a dialog left open never keeps other users waiting.
  const details = problemsText(result);
  if (details) host.ui.alert(TRACKING_ROWS_TITLE, `${trackingRowsSummary(result)}\n\n${details}`);
  else host.ui.toast(trackingRowsSummary(result), TRACKING_ROWS_TITLE);
  return result;
}

export const trackingRowsCommand = defineCommand({
  name: 'tracking-rows',
  title: TRACKING_ROWS_TITLE,
  run: (host, options) => runCreateTrackingRows(host, options),
  json: (r: TrackingRowsResult) => ({
    outcome: r.outcome,
    fiscalYear: r.fiscalYear,
    sheet: r.sheet,
    added: r.added.map((a) => ({
      row: a.row,
      code: a.code,
      name: a.name,
      fiscalYear: a.fiscalYear,
      responsible: a.responsible,
      plannedBudget: a.plannedBudget,
      start: a.start,
      deadline: a.deadline,
    })),
    existing: r.existing,
    skipped: r.skipped,
    inactive: r.inactive,
    blankResponsible: r.blankResponsible,
    unreadableBudget: r.unreadableBudget,
  }),
  failed: (r) => r.outcome === 'badYear' || r.skipped.length > 0,
  summary: (r) => trackingRowsSummary(r),
});
