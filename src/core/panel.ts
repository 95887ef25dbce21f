/**
 * The model of the "แผงตรวจสอบ" sidebar: validation findings grouped by rule and the headline numbers
 * (errors, warnings, overdue, due soon, the plan's budget, the latest ITA result). Pure: typed inputs and an
 * ISO as-of date in, plain JSON-able values out (no Date, no Map, no undefined), because google.script.run
 * can only carry plain values to the browser. Computed with the same functions the menu commands use, so
 * the sidebar never disagrees with the sheets they write.
 */
import { budgetStructureProblem, computeBudget, planYearsText } from './budget';
import { countBySeverity, type RuleId, type Severity } from './findings';
import type { Inputs } from './inputs';
import { score2, summarizeIta } from './ita';
import { findOverdue } from './overdue';
import { countByRule } from './report/validation-report';
import { GENERATED_SHEETS } from './schema';
import { formatThaiDate, type IsoDate } from './thai/dates';
import { formatBaht } from './thai/numbers';
import { validate } from './validate';

/**
 * Findings listed per rule. The count is always exact; beyond this many the list is cut (a sidebar with
 * thousands of buttons is unusable and slow) and the validation sheet holds the rest.
 */
export const MAX_FINDINGS_PER_GROUP = 200;

export const NO_ITA_SCORE = 'ยังไม่มีคะแนน';

export interface PanelFinding {
  sheet: string;
  /** A1 address ("K7"). */
  cell: string;
  row: number;
  col: number;
  severity: Severity;
  /** What is wrong and what to do (Thai), without the address. */
  problem: string;
  /** The cell as the user sees it ('' when blank). */
  value: string;
  /** False when the sheet does not exist (a missing input sheet): there is no cell to go to. */
  selectable: boolean;
}

export interface PanelGroup {
  rule: RuleId;
  /** Thai title of the rule. */
  title: string;
  severity: Severity;
  count: number;
  /** At most MAX_FINDINGS_PER_GROUP, in workbook order (sheet, row, column). */
  findings: PanelFinding[];
  /** count − findings.length: findings not listed here (see the validation sheet). */
  hidden: number;
}

export interface PanelHeadline {
  errors: number;
  warnings: number;
  overdue: number;
  dueSoon: number;
  /** The "ใกล้ครบกำหนด" window in days. */
  dueSoonDays: number;
  /** Items whose deadline could not be worked out (neither overdue nor due soon). */
  deadlineUnreadable: number;
  budget: {
    /** Baht over every plan year; null when the plan cannot be summed (see problem). */
    total: number | null;
    /** "386,000" ('-' when total is null). */
    totalText: string;
    fiscalYears: number[];
    /** "พ.ศ. 2566–2570". */
    yearsText: string;
    /** The total leaves out budget cells that could not be read. */
    incomplete: boolean;
    unreadableCells: number;
    /** Why the plan cannot be summed (Thai), or null. */
    problem: string | null;
  };
  ita: {
    /** Latest assessment year with every indicator scored; null when none. */
    year: number | null;
    total: number | null;
    /** "86.70", or NO_ITA_SCORE. */
    totalText: string;
    grade: string | null;
  };
}

export interface PanelData {
  /** ISO C.E. date the overdue counts are as of. */
  asOf: IsoDate;
  /** "31 มี.ค. 2566". */
  asOfText: string;
  organisation: string;
  headline: PanelHeadline;
  /** Errors before warnings, then by first appearance. */
  groups: PanelGroup[];
  /** Where the full list lives. */
  validationSheet: string;
}

function budgetHeadline(inputs: Inputs): PanelHeadline['budget'] {
  const problem = budgetStructureProblem(inputs);
  if (problem) {
    return {
      total: null,
      totalText: '-',
      fiscalYears: [...inputs.planYears],
      yearsText: planYearsText(inputs.planYears),
      incomplete: true,
      unreadableCells: 0,
      problem,
    };
  }
  const summary = computeBudget(inputs);
  const { grandTotal } = summary;
  return {
    total: grandTotal.total,
    totalText: formatBaht(grandTotal.total),
    fiscalYears: [...summary.fiscalYears],
    yearsText: planYearsText(summary.fiscalYears),
    incomplete: grandTotal.incomplete,
    unreadableCells: summary.unreadable.length,
    problem: null,
  };
}

function itaHeadline(inputs: Inputs): PanelHeadline['ita'] {
  // The same "latest year" as the ITA summary's toast: the latest year with every indicator scored.
  const { gap } = summarizeIta(inputs);
  if (gap.latestYear === null || gap.total === null) {
    return { year: null, total: null, totalText: NO_ITA_SCORE, grade: null };
  }
  return { year: gap.latestYear, total: gap.total, totalText: score2(gap.total), grade: gap.grade };
}

/** The whole sidebar model. Reads nothing and writes nothing: the caller reads the workbook once. */
export function panelData(inputs: Inputs, asOf: IsoDate): PanelData {
  const findings = validate(inputs);
  // sheetNames also holds the expected name of a missing sheet; the missing-sheet findings tell them apart.
  const missing = new Set(findings.filter((f) => f.rule === 'missing-sheet').map((f) => f.sheet));
  const groups: PanelGroup[] = countByRule(findings).map((c) => {
    const members = findings.filter((f) => f.rule === c.rule && f.severity === c.severity);
    const listed = members.slice(0, MAX_FINDINGS_PER_GROUP).map((f): PanelFinding => ({
      sheet: f.sheet,
      cell: f.cell,
      row: f.row,
      col: f.col,
      severity: f.severity,
      problem: f.problem,
      value: f.value,
      selectable: !missing.has(f.sheet),
    }));
    return {
      rule: c.rule,
      title: c.title,
      severity: c.severity,
      count: c.count,
      findings: listed,
      hidden: c.count - listed.length,
    };
  });
  const overdue = findOverdue(inputs, asOf);
  return {
    asOf,
    asOfText: formatThaiDate(asOf, { style: 'medium' }),
    organisation: inputs.settings.orgName,
    headline: {
      ...countBySeverity(findings),
      overdue: overdue.overdue.length,
      dueSoon: overdue.dueSoon.length,
      dueSoonDays: overdue.dueSoonDays,
      deadlineUnreadable: overdue.unreadable.length,
      budget: budgetHeadline(inputs),
      ita: itaHeadline(inputs),
    },
    groups,
    validationSheet: GENERATED_SHEETS.validation,
  };
}
