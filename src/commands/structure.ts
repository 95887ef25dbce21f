/**
 * The columns each command cannot work without. A missing one stops the command with one Thai message
 * naming the sheet and the columns and pointing to "ตั้งค่า/ซ่อมแซมแม่แบบ", instead of a wrong figure
 * or a finding per row. "ตรวจสอบข้อมูล" needs nothing: it reports every missing column as a finding.
 */
import { missingColumnsProblem, type InputSnapshots, type Inputs, type TableNeed } from '../core/inputs';
import { CommandError } from './context';

export const NEEDS = {
  /** Disbursements of the tracked year: which item, which year, how much (the plan's own columns are
   * checked by budgetStructureProblem). */
  budget: [
    { table: 'dimensions', columns: ['dimension', 'submission'] },
    { table: 'tracking', columns: ['code', 'fiscalYear', 'disbursed'] },
  ],
  /** What is done (status) and when it is due (deadline, or the plan's period of the item). */
  overdue: [
    { table: 'plan', columns: ['code', 'period'] },
    { table: 'measures', columns: ['period', 'status'] },
    { table: 'tracking', columns: ['code', 'fiscalYear', 'status'] },
  ],
  /** Counts by status per year and dimension, and the overdue part. */
  summary: [
    { table: 'plan', columns: ['code', 'dimension', 'period'] },
    { table: 'measures', columns: ['fiscalYear', 'period', 'status'] },
    { table: 'tracking', columns: ['code', 'fiscalYear', 'status'] },
  ],
  /** Scores by year, and each year's framework and grade bands. */
  ita: [
    { table: 'scores', columns: ['year'] },
    { table: 'itaIndicators', columns: ['fromYear', 'tool', 'toolWeight', 'indicatorNo'] },
    { table: 'itaBands', columns: ['fromYear', 'grade', 'minTotal', 'passes'] },
  ],
  /** Which items run in the year, and which already have a row (else rows would be added twice). */
  trackingRows: [
    { table: 'plan', columns: ['code', 'period'] },
    { table: 'tracking', columns: ['code', 'fiscalYear'] },
  ],
} satisfies Record<string, readonly TableNeed[]>;

/** Stops the command (nothing written yet) when a column it needs is missing. */
export function requireColumns(
  read: { inputs: Pick<Inputs, 'layouts' | 'sheetNames'>; snapshots: InputSnapshots },
  needs: readonly TableNeed[],
  title: string,
): void {
  const problem = missingColumnsProblem(read.inputs, read.snapshots, needs);
  if (problem) throw new CommandError(problem, title);
}
