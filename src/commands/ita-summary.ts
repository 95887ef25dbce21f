/** "สรุปคะแนน ITA": compute every year's scores, write the "สรุป ITA" sheet, toast the latest result. */
import { summarizeIta, score2, type ItaSummary } from '../core/ita';
import { buildItaReport } from '../core/report/ita-report';
import { GENERATED_SHEETS, type InputSheetKey } from '../core/schema';
import type { Host } from '../port/workbook';
import { defineCommand, type CommandOptions } from './command-spec';
import { readWorkbook, reportFrame, withDocumentLock, writeGenerated } from './context';
import { NEEDS, requireColumns } from './structure';

/** The sheets the summary reads (one read each); tracking is not needed. */
const SHEETS: readonly InputSheetKey[] = ['settings', 'reference', 'scores', 'plan', 'measures'];

export interface ItaSummaryResult {
  summary: ItaSummary;
  scoresSheetMissing: boolean;
  /** Said when a renamed report was left alone ('' otherwise). */
  notice?: string;
}

export function toastText(result: ItaSummaryResult): string {
  const { summary } = result;
  const { gap } = summary;
  const warnings = `ข้อสังเกต ${summary.warnings.length} รายการ`;
  const where = `ดูรายละเอียดในชีต "${GENERATED_SHEETS.ita}"`;
  const notice = result.notice ? ` · ${result.notice}` : '';
  if (result.scoresSheetMissing) return `ไม่พบชีต "คะแนน ITA" ${where}${notice}`;
  if (gap.latestYear === null || gap.total === null) {
    return `ยังไม่มีปีที่มีคะแนนครบทุกตัวชี้วัด · ${warnings} ${where}${notice}`;
  }
  return `ITA ปี ${gap.latestYear}: คะแนนรวม ${score2(gap.total)} ผลการประเมิน ${gap.grade ?? '-'} · ${warnings} ${where}${notice}`;
}

/** The summary and its sheet, for a caller that already holds the document lock. */
export function itaSummaryLocked(host: Host): ItaSummaryResult {
  const read = readWorkbook(host.workbook, SHEETS, { fingerprints: true });
  requireColumns(read, NEEDS.ita, 'สรุปคะแนน ITA ไม่ได้');
  const { inputs, snapshots } = read;
  const summary = summarizeIta(inputs);
  const scoresSheetMissing = !snapshots.scores;
  const { prints, frame } = reportFrame(host, read);
  const { notice } = writeGenerated(
    host,
    read,
    buildItaReport({
      summary,
      scoresSheetMissing,
      ...frame,
    }),
    { key: 'ita', inputs: prints },
  );
  return { summary, scoresSheetMissing, notice };
}

export function runItaSummary(host: Host, _options: CommandOptions = {}): ItaSummaryResult {
  return withDocumentLock(host, () => {
    const result = itaSummaryLocked(host);
    host.workbook.activate(GENERATED_SHEETS.ita);
    host.ui.toast(toastText(result), 'สรุปคะแนน ITA เสร็จแล้ว');
    return result;
  });
}

/** The JSON of `ita-sheets run ita --json` (years B.E., scores rounded to 2 decimals). */
export function itaJson(result: ItaSummaryResult) {
  const { summary } = result;
  const { gap } = summary;
  return {
    years: summary.years.map((y) => ({
      year: y.year,
      tools: Object.fromEntries(y.tools.map((t) => [t.tool, t.score])),
      weights: Object.fromEntries(y.tools.map((t) => [t.tool, t.weight])),
      total: y.total,
      grade: y.grade,
      passes: y.passes,
      complete: y.complete,
      missing: y.missing,
      problem: y.problem,
      framework: { indicatorsFrom: y.indicatorsFrom, bandsFrom: y.bandsFrom },
      published: { total: y.published.total, grade: y.published.grade },
      agrees: y.agrees,
    })),
    warnings: summary.warnings.map((w) => ({
      year: w.year,
      kind: w.kind,
      message: w.message,
      sheet: w.cell?.sheet ?? null,
      row: w.cell?.row ?? null,
      col: w.cell?.col ?? null,
    })),
    trend: summary.trend.map((p) => ({
      year: p.year,
      total: p.total,
      source: p.source,
      change: p.change,
      versusTarget: p.versusTarget,
    })),
    gapAnalysis: {
      target: gap.target,
      targetSource: gap.targetSource,
      latestYear: gap.latestYear,
      total: gap.total,
      grade: gap.grade,
      gap: gap.gap,
      weakest: gap.weakest.map((w) => ({ no: w.no, name: w.name, tool: w.tool, score: w.score })),
      belowTarget: gap.belowTarget.map((b) => ({
        no: b.no,
        name: b.name,
        tool: b.tool,
        score: b.score,
        measures: b.measures.map((m) => ({ sheet: m.sheet, row: m.row, no: m.no, name: m.name })),
        planItems: b.planItems.map((p) => ({ sheet: p.sheet, row: p.row, code: p.code, name: p.name })),
      })),
    },
  };
}

export const itaCommand = defineCommand({
  name: 'ita',
  title: 'สรุปคะแนน ITA',
  run: (host, options) => runItaSummary(host, options),
  json: itaJson,
  summary: (r: ItaSummaryResult) => {
    const { gap } = r.summary;
    const latest =
      gap.latestYear === null || gap.total === null
        ? 'ยังไม่มีปีที่มีคะแนนครบ'
        : `ปี ${gap.latestYear} คะแนนรวม ${score2(gap.total)} (${gap.grade ?? '-'})`;
    return `สรุปคะแนน ITA: ${latest} ข้อสังเกต ${r.summary.warnings.length} รายการ`;
  },
});
