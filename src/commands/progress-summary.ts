/**
 * "สร้างรายงานสรุปความก้าวหน้า…": asks for a fiscal year and a round, then writes that round's summary
 * sheet ("สรุปความก้าวหน้า 6 เดือน 2566"). Re-running the same round replaces it; other rounds' sheets stay.
 */
import {
  parseRoundAnswer,
  roundLabel,
  summarizeProgress,
  SUMMARY_READING,
  type Counts,
  type ProgressSummary,
} from '../core/progress';
import { buildProgressReport } from '../core/report/progress-report';
import type { Settings } from '../core/inputs';
import type { RoundKind } from '../core/schema';
import { daysBetween, formatThaiDate, todayIn } from '../core/thai/dates';
import { fiscalYearOf, roundWindow } from '../core/thai/fiscal';
import { progressKey } from '../core/state';
import type { Host } from '../port/workbook';
import { defineCommand, type CommandOptions } from './command-spec';
import { asOfDate, readWorkbook, reportFrame, withDocumentLock, writeGenerated } from './context';
import { NEEDS, requireColumns } from './structure';
import { unreadableJson } from './overdue';
import { askFiscalYear, readSettingsOnly } from './tracking-rows';

export const PROGRESS_TITLE = 'สร้างรายงานสรุปความก้าวหน้า';

export type ProgressResult =
  | { outcome: 'written'; summary: ProgressSummary; notice?: string }
  | { outcome: 'cancelled' | 'badAnswer'; summary: null };

/** The round to suggest: the option, else the settings, else by the date (6 months until 31 March). */
function suggestedRound(
  options: CommandOptions,
  settingsRound: RoundKind | null,
  fy: number,
  today: string,
): RoundKind {
  if (options.round) return options.round;
  if (settingsRound) return settingsRound;
  return daysBetween(today, roundWindow(fy, 6).end) >= 0 ? 6 : 12;
}

export function runProgressSummary(host: Host, options: CommandOptions = {}): ProgressResult {
  const settings = readSettingsOnly(host.workbook);
  const fy = askFiscalYear(
    host,
    settings,
    options,
    PROGRESS_TITLE,
    'สร้างรายงานสรุปความก้าวหน้าของปีงบประมาณ (พ.ศ.) ใด?',
  );
  if (fy.kind === 'cancelled') return { outcome: 'cancelled', summary: null };
  if (fy.kind === 'bad') return { outcome: 'badAnswer', summary: null };
  const today = options.asOf ?? settings.asOf ?? todayIn(host.workbook.timeZone(), host.now());
  const suggested = suggestedRound(options, settings.round, fy.year, today);
  const answer = host.ui.prompt(
    PROGRESS_TITLE,
    `รอบการรายงานของปีงบประมาณ ${fy.year}: พิมพ์ 6 (รอบ 6 เดือน 1 ต.ค.–31 มี.ค.) หรือ 12 (รอบ 12 เดือน ทั้งปีงบประมาณ)`,
    String(suggested),
  );
  if (answer === null) return { outcome: 'cancelled', summary: null };
  const round = parseRoundAnswer(answer.trim() === '' ? String(suggested) : answer);
  if (!round.ok) {
    host.ui.alert('รอบการรายงานไม่ถูกต้อง', `${round.error} แล้วเลือกเมนูนี้อีกครั้ง (ยังไม่มีการเปลี่ยนแปลงใดในไฟล์)`);
    return { outcome: 'badAnswer', summary: null };
  }
  return withDocumentLock(host, () => {
    const result = progressSummaryLocked(host, { ...options, fiscalYear: fy.year, round: round.round });
    host.workbook.activate(result.summary.sheetName);
    host.ui.toast(progressToast(result), 'สร้างรายงานสรุปแล้ว');
    return result;
  });
}

/**
 * Writes one round's summary without asking: the year and round given, else the settings' (else the
 * current fiscal year and the round by the date). The caller holds the document lock.
 */
export function progressSummaryLocked(
  host: Host,
  options: CommandOptions = {},
): { outcome: 'written'; summary: ProgressSummary; notice: string } {
  const yearOf = (settings: Settings) =>
    options.fiscalYear ?? settings.trackingYear ?? fiscalYearOf(asOfDate(host, { settings }, options.asOf));
  // Only the year's tracking rows and budgets are read: the settings, read first, give the year.
  const read = readWorkbook(host.workbook, undefined, {
    ...SUMMARY_READING,
    year: yearOf,
    fingerprints: true,
  });
  requireColumns(read, NEEDS.summary, 'สร้างรายงานสรุปความก้าวหน้าไม่ได้');
  const { inputs } = read;
  const asOf = asOfDate(host, inputs, options.asOf);
  const fiscalYear = yearOf(inputs.settings);
  const summary = summarizeProgress(inputs, {
    fiscalYear,
    round: suggestedRound(options, inputs.settings.round, fiscalYear, asOf),
    asOf,
  });
  const { prints, frame } = reportFrame(host, read);
  // Only this round's sheet is replaced; other rounds keep their own names.
  const { notice } = writeGenerated(
    host,
    read,
    buildProgressReport({
      summary,
      ...frame,
    }),
    { key: progressKey(summary.fiscalYear, summary.round), inputs: prints },
  );
  return { outcome: 'written', summary, notice };
}

export function progressToast(result: { summary: ProgressSummary; notice?: string }): string {
  const text = `${progressSummaryText(result.summary)} ดูได้ที่ชีต "${result.summary.sheetName}"`;
  return result.notice ? `${text} · ${result.notice}` : text;
}

export function progressSummaryText(s: ProgressSummary): string {
  const percent = s.percentDone === null ? '' : ` (ร้อยละ ${s.percentDone.toFixed(2)})`;
  return (
    `${roundLabel(s.round)} ปีงบประมาณ ${s.fiscalYear} ณ วันที่ ${formatThaiDate(s.asOf)}: ` +
    `แล้วเสร็จ ${s.counts.done} จาก ${s.counts.total} รายการ${percent} · เลยกำหนด ${s.counts.overdue} · ยังไม่รายงาน ${s.counts.notReported}`
  );
}

function countsJson(c: Counts) {
  return {
    total: c.total,
    done: c.done,
    inProgress: c.inProgress,
    notStarted: c.notStarted,
    cancelled: c.cancelled,
    notReported: c.notReported,
    overdue: c.overdue,
  };
}

/** The figures of the sheet: dates ISO C.E., years B.E. */
export function progressJson(s: ProgressSummary) {
  return {
    sheet: s.sheetName,
    fiscalYear: s.fiscalYear,
    round: s.round,
    window: s.window,
    asOf: s.asOf,
    counts: countsJson(s.counts),
    percentDone: s.percentDone,
    byDimension: s.byDimension.map((d) => ({
      group: d.key,
      dimension: d.code,
      name: d.name,
      ...countsJson(d),
      percentDone: d.percentDone,
      planned: d.hasBudget ? d.planned : null,
      disbursed: d.hasBudget ? d.disbursed : null,
    })),
    byUnit: s.byUnit.map((u) => ({ unit: u.unit, ...countsJson(u) })),
    items: s.items.map((i) => ({
      source: i.source,
      sheet: i.sheet,
      row: i.row,
      code: i.code,
      name: i.name,
      group: i.group,
      method: i.method,
      responsible: i.responsible,
      period: i.period,
      deadline: i.deadline,
      status: i.status,
      statusText: i.statusText,
      percent: i.percent,
      result: i.result,
      problems: i.problems,
      planned: i.planned,
      disbursed: i.disbursed,
      daysLate: i.daysLate,
    })),
    overdue: s.overdue.map((o) => ({
      sheet: o.item.sheet,
      row: o.item.row,
      code: o.item.code,
      name: o.item.name,
      deadline: o.deadline,
      daysLate: o.daysLate,
      status: o.item.statusText || null,
      responsible: o.item.responsible,
    })),
    unreadable: s.unreadable.map(unreadableJson),
    notCounted: s.notCounted.map(unreadableJson),
    unreadableAmounts: s.unreadableAmounts,
  };
}

export const progressSummaryCommand = defineCommand({
  name: 'summary',
  title: PROGRESS_TITLE,
  run: (host, options) => runProgressSummary(host, options),
  json: (r: ProgressResult) => (r.summary ? progressJson(r.summary) : { outcome: r.outcome }),
  failed: (r) => r.outcome === 'badAnswer',
  summary: (r) =>
    r.summary ? `สรุปความก้าวหน้า: ${progressSummaryText(r.summary)}` : 'ไม่ได้สร้างรายงานสรุปความก้าวหน้า',
});
