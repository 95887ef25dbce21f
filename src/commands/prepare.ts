/**
 * "เตรียมส่งผู้บังคับบัญชา": validation, budget, overdue, the progress summary of the tracked year and
 * round (no questions) and the ITA summary in one go, then the sign-off sheet; one toast per step; the
 * progress summary brought to the front. The lock is taken once: each step is a command's `…Locked`
 * variant (withDocumentLock is not re-entrant). A step that stops with a CommandError stops the run,
 * saying which step and why; the steps already done stay.
 */
import { roundLabel } from '../core/progress';
import type { InputSheetKey } from '../core/schema';
import { liveEntry, progressKey, SIGNOFF_KEY, unionInputs, type CurrentPrint } from '../core/state';
import type { Host } from '../port/workbook';
import { budgetCommand, budgetLocked, budgetToast, type BudgetResult } from './budget';
import { defineCommand, type CommandOptions } from './command-spec';
import { CommandError, readState, withDocumentLock, withStateBatch } from './context';
import { itaCommand, itaSummaryLocked, toastText as itaToast, type ItaSummaryResult } from './ita-summary';
import { overdueCommand, overdueLocked, overdueToast, type OverdueResult } from './overdue';
import { progressSummaryCommand, progressSummaryLocked, progressToast } from './progress-summary';
import { signOffLocked, signOffToast, type SignOffResult } from './signoff';
import { validateCommand, validateLocked, validateToast, type ValidateResult } from './validate';

export const PREPARE_TITLE = 'เตรียมส่งผู้บังคับบัญชา';

export interface PreparedStep {
  name: string;
  title: string;
  /** The step's one-line Thai summary (as the CLI prints it). */
  summary: string;
  /** The step's result holds errors the user must fix (validation errors, unreadable amounts). */
  failed: boolean;
}

export interface PrepareResult {
  steps: PreparedStep[];
  validation: ValidateResult;
  budget: BudgetResult;
  overdue: OverdueResult;
  progress: WrittenProgress;
  ita: ItaSummaryResult;
  signOff: SignOffResult;
  /** The sheet brought to the front. */
  front: string;
}

type WrittenProgress = ReturnType<typeof progressSummaryLocked>;

interface Step<R> {
  name: string;
  title: string;
  run(): R;
  toast(result: R): string;
  summary(result: R): string;
  failed(result: R): boolean;
}

export function runPrepareForSupervisors(host: Host, options: CommandOptions = {}): PrepareResult {
  return withDocumentLock(host, () => {
    const steps: PreparedStep[] = [];
    const total = 6;
    const step = <R>(s: Step<R>): R => {
      let result: R;
      try {
        result = s.run();
      } catch (error) {
        if (!(error instanceof CommandError)) throw error;
        const done = steps.map((d) => d.title);
        throw new CommandError(
          `ขั้นที่ ${steps.length + 1}/${total} "${s.title}" ทำไม่สำเร็จ: ${error.message}` +
            (done.length ? ` (ขั้นที่ทำเสร็จแล้วยังอยู่ในแฟ้ม: ${done.join(', ')})` : ''),
          `${PREPARE_TITLE}: หยุดที่ขั้นที่ ${steps.length + 1}`,
        );
      }
      steps.push({ name: s.name, title: s.title, summary: s.summary(result), failed: s.failed(result) });
      host.ui.toast(s.toast(result), `${PREPARE_TITLE} ${steps.length}/${total}: ${s.title}`);
      return result;
    };

    // The five reports share one state read, one listSheets and one state write.
    const { validation, budget, overdue, progress, ita } = withStateBatch(host, () => {
      const validation = step({
        name: validateCommand.name,
        title: validateCommand.title,
        run: () => validateLocked(host),
        toast: validateToast,
        summary: (r) => validateCommand.summary(r),
        failed: (r) => validateCommand.failed(r),
      });
      const budget = step({
        name: budgetCommand.name,
        title: budgetCommand.title,
        run: () => budgetLocked(host, options),
        toast: (r) => (r.notice ? `${budgetToast(r.summary)} · ${r.notice}` : budgetToast(r.summary)),
        summary: (r) => budgetCommand.summary(r),
        failed: (r) => budgetCommand.failed(r),
      });
      const overdue = step({
        name: overdueCommand.name,
        title: overdueCommand.title,
        run: () => overdueLocked(host, options),
        toast: overdueToast,
        summary: (r) => overdueCommand.summary(r),
        failed: (r) => overdueCommand.failed(r),
      });
      const progress = step<WrittenProgress>({
        name: progressSummaryCommand.name,
        title: 'สร้างรายงานสรุปความก้าวหน้า',
        run: () => progressSummaryLocked(host, options),
        toast: progressToast,
        summary: (r) => progressSummaryCommand.summary(r),
        failed: (r) => progressSummaryCommand.failed(r),
      });
      const ita = step({
        name: itaCommand.name,
        title: itaCommand.title,
        run: () => itaSummaryLocked(host),
        toast: itaToast,
        summary: (r) => itaCommand.summary(r),
        failed: (r) => itaCommand.failed(r),
      });
      return { validation, budget, overdue, progress, ita };
    });
    const attach = [
      'validation',
      'budget',
      'overdue',
      progressKey(progress.summary.fiscalYear, progress.summary.round),
      'ita',
    ];
    const signOff = step({
      name: 'signoff',
      title: 'ชีตการรับรอง',
      run: () => signOffLocked(host, { attach, current: justMade(host, attach) }),
      toast: (r) =>
        `${signOffToast(r)} · พร้อมส่งผู้บังคับบัญชา: รายงาน${roundLabel(progress.summary.round)} ` +
        `ปีงบประมาณ ${progress.summary.fiscalYear} อยู่หน้าแรก`,
      summary: (r) => `การรับรอง: ${signOffToast(r)}`,
      failed: (r) => r.outcome === 'layoutChanged',
    });
    host.workbook.activate(progress.summary.sheetName);
    return {
      steps,
      validation,
      budget,
      overdue,
      progress,
      ita,
      signOff,
      front: progress.summary.sheetName,
    };
  });
}

/**
 * The input fingerprints the reports just recorded: made in this one lock, they are the data as it is
 * now, so the sign-off needs no second read of the inputs.
 */
function justMade(host: Host, keys: readonly string[]): Map<InputSheetKey, CurrentPrint> {
  const sheets = host.workbook.listSheets();
  const made = readState(host.workbook, sheets).filter(
    (e) => e.key !== SIGNOFF_KEY && keys.includes(e.key) && liveEntry(e, sheets),
  );
  return new Map(unionInputs(made).map((i) => [i.key, { name: i.name, print: i.print }]));
}

export const prepareCommand = defineCommand({
  name: 'prepare',
  title: PREPARE_TITLE,
  run: (host, options) => runPrepareForSupervisors(host, options),
  json: (r: PrepareResult) => ({
    steps: r.steps.map((s) => ({ step: s.name, title: s.title, summary: s.summary, failed: s.failed })),
    progressSheet: r.progress.summary.sheetName,
    signOff: { sheet: r.signOff.sheet, outcome: r.signOff.outcome, attached: r.signOff.attached },
    front: r.front,
  }),
  failed: (r) => r.steps.some((s) => s.failed),
  summary: (r) => `${PREPARE_TITLE}: ${r.steps.map((s) => s.summary).join(' | ')}`,
});
