/** "คำนวณงบประมาณรายมิติ": sum the plan by dimension, write the sheet, toast the grand total. */
import {
  budgetJson,
  budgetStructureProblem,
  BUDGET_READING,
  computeBudget,
  planYearsText,
  type BudgetSummary,
} from '../core/budget';
import { buildBudgetReport } from '../core/report/budget-report';
import { GENERATED_SHEETS, type InputSheetKey } from '../core/schema';
import { formatBaht } from '../core/thai/numbers';
import type { Host } from '../port/workbook';
import { defineCommand, type CommandOptions } from './command-spec';
import { CommandError, readWorkbook, reportFrame, withDocumentLock, writeGenerated } from './context';
import { NEEDS, requireColumns } from './structure';

export interface BudgetResult {
  summary: BudgetSummary;
  /** The generated sheet's name. */
  sheet: string;
  /** Said when a renamed report was left alone ('' otherwise). */
  notice?: string;
}

/** Only the sheets the budget needs: one read each. */
const BUDGET_SHEETS: readonly InputSheetKey[] = ['settings', 'reference', 'plan', 'tracking'];

export function budgetToast(summary: BudgetSummary): string {
  const total = summary.grandTotal;
  const parts = [
    `งบประมาณรวม ${planYearsText(summary.fiscalYears)} ${formatBaht(total.total)} บาท (${total.items} รายการ)`,
  ];
  if (summary.unreadable.length) {
    parts.push(
      `พบช่องที่อ่านจำนวนเงินไม่ได้ ${summary.unreadable.length} ช่อง ยอดรวมจึงยังไม่ครบ (ไม่ได้นับเป็น 0) ให้แก้ตามรายการในชีต`,
    );
  }
  if (summary.issues.length) parts.push(`มี ${summary.issues.length} รายการที่ต้องตรวจสอบ`);
  parts.push(`ดูรายละเอียดในชีต "${GENERATED_SHEETS.budget}"`);
  return parts.join(' · ');
}

/** The computation and the sheet, for a caller that already holds the document lock. */
export function budgetLocked(host: Host, options: CommandOptions = {}): BudgetResult {
  const read = readWorkbook(host.workbook, BUDGET_SHEETS, { ...BUDGET_READING, fingerprints: true });
  const { inputs } = read;
  const problem = budgetStructureProblem(inputs);
  if (problem) throw new CommandError(problem, 'คำนวณงบประมาณไม่ได้');
  requireColumns(read, NEEDS.budget, 'คำนวณงบประมาณไม่ได้');
  const summary = computeBudget(inputs, { fiscalYear: options.fiscalYear });
  const { prints, frame } = reportFrame(host, read);
  const { notice } = writeGenerated(
    host,
    read,
    buildBudgetReport({
      summary,
      ...frame,
    }),
    { key: 'budget', inputs: prints },
  );
  return { summary, sheet: GENERATED_SHEETS.budget, notice };
}

export function runBudget(host: Host, options: CommandOptions = {}): BudgetResult {
  return withDocumentLock(host, () => {
    const result = budgetLocked(host, options);
    const { summary } = result;
    host.workbook.activate(GENERATED_SHEETS.budget);
    host.ui.toast(
      result.notice ? `${budgetToast(summary)} · ${result.notice}` : budgetToast(summary),
      summary.unreadable.length ? 'คำนวณงบประมาณแล้ว (ยอดยังไม่ครบ)' : 'คำนวณงบประมาณเสร็จแล้ว',
    );
    return result;
  });
}

export const budgetCommand = defineCommand({
  name: 'budget',
  title: 'คำนวณงบประมาณรายมิติ',
  run: (host, options) => runBudget(host, options),
  json: (r: BudgetResult) => budgetJson(r.summary),
  // Unreadable amounts leave totals incomplete: the data has errors the user must fix.
  failed: (r) => r.summary.unreadable.length > 0,
  summary: (r) =>
    `คำนวณงบประมาณรายมิติ: รวม ${formatBaht(r.summary.grandTotal.total)} บาท ` +
    `(${planYearsText(r.summary.fiscalYears)}) ช่องที่อ่านไม่ได้ ${r.summary.unreadable.length} ช่อง`,
});
