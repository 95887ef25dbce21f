/**
 * "ตรวจหามาตรการที่เลยกำหนด": writes the "เลยกำหนด" sheet, marks the late and due-soon rows (removed exactly
 * by "ล้างเครื่องหมาย") and toasts the counts. One read per input sheet, one write per block.
 */
import { MARK_STYLE, type WantedMark } from '../core/marks';
import {
  findOverdue,
  overdueSummaryText,
  OVERDUE_READING,
  type DueSoonEntry,
  type OverdueAnalysis,
  type OverdueEntry,
  type UnreadableEntry,
} from '../core/overdue';
import { buildOverdueReport } from '../core/report/overdue-report';
import { GENERATED_SHEETS } from '../core/schema';
import { formatThaiDate } from '../core/thai/dates';
import type { Host } from '../port/workbook';
import { defineCommand, type CommandOptions } from './command-spec';
import { applyMarks, asOfDate, readWorkbook, reportFrame, withDocumentLock, writeGenerated } from './context';
import { NEEDS, requireColumns } from './structure';

export const OVERDUE_TITLE = 'ตรวจหามาตรการที่เลยกำหนด';

export interface OverdueResult {
  analysis: OverdueAnalysis;
  marked: number;
  /** Said when a renamed report was left alone ('' otherwise). */
  notice?: string;
}

/** One mark per late or due-soon row, on its code (tracking) or name (measure) cell. */
export function overdueMarks(analysis: OverdueAnalysis, existing: ReadonlySet<string>): WantedMark[] {
  const asOf = formatThaiDate(analysis.asOf, { style: 'medium' });
  const marks: WantedMark[] = [];
  const add = (
    entry: OverdueEntry | DueSoonEntry,
    style: { color: string; priority: number },
    text: string,
  ) => {
    const { item } = entry;
    if (item.cell.col < 1 || !existing.has(item.sheet)) return;
    marks.push({
      sheet: item.sheet,
      row: item.cell.row,
      col: item.cell.col,
      mark: { kind: 'overdue', ...style, text },
    });
  };
  for (const o of analysis.overdue) {
    add(
      o,
      MARK_STYLE.overdue,
      `• เลยกำหนด ${o.daysLate} วัน (กำหนดแล้วเสร็จ ${formatThaiDate(o.deadline, { style: 'medium' })}) ณ วันที่ ${asOf}`,
    );
  }
  for (const d of analysis.dueSoon) {
    const left = d.daysLeft === 0 ? 'ครบกำหนดวันนี้' : `อีก ${d.daysLeft} วัน`;
    add(
      d,
      MARK_STYLE.dueSoon,
      `• ใกล้ครบกำหนด: ${left} (กำหนดแล้วเสร็จ ${formatThaiDate(d.deadline, { style: 'medium' })}) ณ วันที่ ${asOf}`,
    );
  }
  return marks;
}

/** The check, the sheet and the marks, for a caller that already holds the document lock. */
export function overdueLocked(host: Host, options: CommandOptions = {}): OverdueResult {
  const read = readWorkbook(host.workbook, undefined, { ...OVERDUE_READING, fingerprints: true });
  requireColumns(read, NEEDS.overdue, 'ตรวจหางานที่เลยกำหนดไม่ได้');
  const { sheets, inputs } = read;
  const analysis = findOverdue(inputs, asOfDate(host, inputs, options.asOf));
  const { prints, frame } = reportFrame(host, read);
  const existing = frame.existingSheets;
  const { notice } = writeGenerated(
    host,
    read,
    buildOverdueReport({
      analysis,
      ...frame,
    }),
    { key: 'overdue', inputs: prints },
  );
  const { marked } = applyMarks(host.workbook, sheets, ['overdue'], overdueMarks(analysis, existing));
  return { analysis, marked, notice };
}

export function overdueToast(r: OverdueResult): string {
  const text = `${overdueSummaryText(r.analysis)} ดูรายละเอียดในชีต "${GENERATED_SHEETS.overdue}"`;
  return r.notice ? `${text} · ${r.notice}` : text;
}

export function runOverdue(host: Host, options: CommandOptions = {}): OverdueResult {
  return withDocumentLock(host, () => {
    const result = overdueLocked(host, options);
    host.workbook.activate(GENERATED_SHEETS.overdue);
    host.ui.toast(overdueToast(result), 'ตรวจหางานที่เลยกำหนดเสร็จแล้ว');
    return result;
  });
}

function entryJson(e: OverdueEntry | DueSoonEntry) {
  return {
    sheet: e.item.sheet,
    row: e.item.row,
    code: e.item.code,
    name: e.item.name,
    fiscalYear: e.item.fiscalYear,
    deadline: e.deadline,
    status: e.item.statusText || null,
    responsible: e.item.responsible,
  };
}

export function unreadableJson(u: UnreadableEntry) {
  return {
    sheet: u.item.sheet,
    row: u.item.row,
    cell: u.cell,
    code: u.item.code,
    name: u.item.name,
    reason: u.reason,
  };
}

/** JSON of the check: dates ISO C.E., years B.E. */
export function overdueJson(analysis: OverdueAnalysis) {
  return {
    asOf: analysis.asOf,
    dueSoonDays: analysis.dueSoonDays,
    overdue: analysis.overdue.map((o) => ({ ...entryJson(o), daysLate: o.daysLate })),
    dueSoon: analysis.dueSoon.map((d) => ({ ...entryJson(d), daysLeft: d.daysLeft })),
    unreadable: analysis.unreadable.map(unreadableJson),
    byUnit: analysis.byUnit.map((u) => ({ unit: u.unit, overdue: u.overdue, dueSoon: u.dueSoon })),
  };
}

export const overdueCommand = defineCommand({
  name: 'overdue',
  title: OVERDUE_TITLE,
  run: (host, options) => runOverdue(host, options),
  json: (r: OverdueResult) => overdueJson(r.analysis),
  summary: (r) => `ตรวจหางานที่เลยกำหนด: ${overdueSummaryText(r.analysis)}`,
});
