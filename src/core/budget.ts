/**
 * "คำนวณงบประมาณรายมิติ": the plan's summary table (ส่วนที่ 2 of a Thai action plan) computed from the plan
 * rows: counts of projects/measures/activities and the budget of each plan year, per sub-mission,
 * per dimension and in total, plus planned against disbursed for the tracked fiscal year.
 *
 * Rules that keep the figures honest:
 * - Money is added in whole satang (integers), so totals are exact whatever the number of rows.
 * - A budget cell that cannot be read is never counted as 0: it is listed, and every total it would
 *   have gone into is marked incomplete (per year and over the plan).
 * - No item vanishes: a dimension or sub-mission missing from the reference sheet gets its own
 *   "ไม่ระบุ…" bucket, an empty or unknown type counts as "ไม่ระบุประเภท", and each is listed.
 */
import { a1 } from './cells';
import type { Finding } from './findings';
import {
  budgetCellOf,
  displayText,
  REPAIR_HINT,
  type InputsBesideRows,
  type ColumnsRead,
  type InputsReadWith,
} from './inputs';
import { PlanCodeIndex } from './plan-codes';
import { itemTypeLabel } from './readers';
import { PLAN_TABLE, type ItemTypeKind } from './schema';
import { cellOf, type RawCell } from './table';

export interface TypeCounts {
  project: number;
  measure: number;
  activity: number;
  /** Empty or unknown type ("ไม่ระบุประเภท"). */
  unspecified: number;
}

/** Figures of one row of the summary table (a sub-mission, a dimension or the grand total). */
export interface BudgetFigures {
  counts: TypeCounts;
  /** Number of plan items (= the sum of counts). */
  items: number;
  /** Items whose every plan-year budget reads as no budget ("-", blank, 0, "ไม่ใช้งบประมาณ"). */
  withoutBudget: number;
  /** Baht per plan year, in the order of BudgetSummary.fiscalYears. */
  budget: number[];
  /** Baht over the whole plan. */
  total: number;
  /** Plan years whose figure leaves out at least one unreadable cell. */
  incompleteYears: number[];
  /** True when the total over the plan leaves out an unreadable cell. */
  incomplete: boolean;
  /** Percent of the grand total over the plan (2 decimals); null when the grand total is 0. */
  share: number | null;
}

export interface SubMissionSummary extends BudgetFigures {
  /** null: the bucket of items whose sub-mission is blank or not in this dimension of the reference. */
  code: string | null;
  name: string;
}

export interface DimensionSummary extends BudgetFigures {
  /** null: the bucket of items whose dimension is blank or not in the reference sheet. */
  code: string | null;
  name: string;
  subMissions: SubMissionSummary[];
}

export interface UnreadableCell {
  sheet: string;
  row: number;
  col: number;
  /** A1 address. */
  cell: string;
  /** The cell as the user sees it. */
  value: string;
  /** Why it could not be read and what to type instead (Thai). */
  reason: string;
  /** Plan item code of the row ('' when blank). */
  code: string;
  /** Fiscal year the amount belongs to (plan column or tracking row), when known. */
  year: number | null;
  what: 'planBudget' | 'disbursed';
}

export type BudgetIssueKind =
  | 'unknown-dimension'
  | 'unknown-submission'
  | 'unspecified-type'
  | 'unmatched-tracking'
  | 'tracking-year-unknown';

/** An item placed in a "ไม่ระบุ…" bucket, or a tracking row that could not be matched (Thai message). */
export interface BudgetIssue {
  kind: BudgetIssueKind;
  sheet: string;
  row: number;
  col: number;
  cell: string;
  code: string;
  name: string;
  value: string;
  message: string;
}

export interface TrackedLine {
  /** Dimension code; null for the unknown-dimension bucket and for the lines below. */
  code: string | null;
  name: string;
  /** Plan budget of the tracked year; null when that year has no budget column in the plan. */
  planned: number | null;
  disbursed: number;
  /** disbursed / planned × 100 (2 decimals); null when nothing was planned. */
  rate: number | null;
  plannedIncomplete: boolean;
  disbursedIncomplete: boolean;
}

export interface TrackedYearSummary {
  fiscalYear: number;
  /** The tracked year is one of the plan years. */
  inPlan: boolean;
  dimensions: TrackedLine[];
  /**
   * Disbursements of the tracked year whose item code is not in the plan: shown on their own line and
   * included in the total (the money was spent), never added to a dimension.
   */
  unmatched: { rows: number; disbursed: number };
  /** Rows with a disbursement but no readable fiscal year: not counted, listed, total marked incomplete. */
  undatedRows: number;
  total: TrackedLine;
}

export interface BudgetSummary {
  fiscalYears: number[];
  dimensions: DimensionSummary[];
  grandTotal: BudgetFigures;
  trackedYear: TrackedYearSummary | null;
  unreadable: UnreadableCell[];
  issues: BudgetIssue[];
  /** Budget columns of the plan sheet outside the plan years (not added to any total). */
  ignoredBudgetYears: number[];
  /** Some figure shown has satang: reports then show two decimals. */
  hasSatang: boolean;
  planSheet: string;
  trackingSheet: string;
}

export interface BudgetOptions {
  /** Tracked fiscal year; defaults to the settings' "ปีงบประมาณที่ติดตาม". */
  fiscalYear?: number;
}

export const UNKNOWN_DIMENSION_NAME = 'ไม่ระบุมิติ';
export const UNKNOWN_SUBMISSION_NAME = 'ไม่ระบุภารกิจ';
export const UNSPECIFIED_TYPE_LABEL = 'ไม่ระบุประเภท';

// ---------------------------------------------------------------------------------------------------------
// Structure: what the command needs before it can compute anything.

/**
 * A Thai message naming the missing sheet or column, or null when the plan can be summed. Budget
 * columns are needed for every plan year; dimension, sub-mission and type columns to group the items.
 */
export function budgetStructureProblem(inputs: InputsBesideRows): string | null {
  const sheet = inputs.sheetNames.plan ?? 'แผนปฏิบัติการ';
  const layout = inputs.layouts.plan;
  if (!layout) return `ไม่พบชีต "${sheet}" ${REPAIR_HINT} เพื่อสร้างชีตนี้ แล้วกรอกรายการของแผน`;
  if (!layout.headerRow) {
    return `ไม่พบหัวตารางแผนปฏิบัติการในชีต "${layout.sheet}" ${REPAIR_HINT} เพื่อเพิ่มหัวคอลัมน์ (ข้อมูลเดิมไม่ถูกแก้ไข)`;
  }
  if (!inputs.planYears.length) {
    return (
      `ไม่ทราบปีของแผน: กรุณากรอก "ปีงบประมาณแรกของแผน" และ "ปีงบประมาณสุดท้ายของแผน" ในชีต ` +
      `"${inputs.sheetNames.settings ?? 'ตั้งค่า'}" แล้ว${REPAIR_HINT} เพื่อเพิ่มคอลัมน์งบประมาณของแต่ละปี`
    );
  }
  const present = new Set(layout.family.map((f) => f.n));
  const missingYears = inputs.planYears.filter((y) => !present.has(y));
  if (missingYears.length) {
    const columns = missingYears.map((y) => `"${PLAN_TABLE.family?.headerFor(y) ?? `งบประมาณ ${y}`}"`);
    return `ไม่พบคอลัมน์ ${columns.join(', ')} ในชีต "${layout.sheet}" ${REPAIR_HINT} เพื่อเพิ่มคอลัมน์งบประมาณของทุกปีในแผน (ข้อมูลเดิมไม่ถูกแก้ไข)`;
  }
  const needed = ['dimension', 'submission', 'type'];
  const missing = PLAN_TABLE.columns.filter((c) => needed.includes(c.key) && !layout.columns.has(c.key));
  if (missing.length) {
    const columns = missing.map((c) => `"${c.header}"`).join(', ');
    return `ไม่พบคอลัมน์ ${columns} ในชีต "${layout.sheet}" ${REPAIR_HINT} เพื่อเพิ่มคอลัมน์ (ข้อมูลเดิมไม่ถูกแก้ไข)`;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Accumulating in satang

function toSatang(baht: number): number {
  return Math.round(baht * 100);
}

function fromSatang(satang: number): number {
  return satang / 100;
}

function percent(part: number, whole: number): number | null {
  if (!whole) return null;
  return Math.round((part / whole) * 10000) / 100;
}

class Bucket {
  readonly counts: TypeCounts = { project: 0, measure: 0, activity: 0, unspecified: 0 };
  items = 0;
  withoutBudget = 0;
  readonly satang: number[];
  readonly incomplete: boolean[];

  constructor(years: number) {
    this.satang = new Array<number>(years).fill(0);
    this.incomplete = new Array<boolean>(years).fill(false);
  }

  add(item: ItemFigures): void {
    this.counts[item.type ?? 'unspecified']++;
    this.items++;
    if (item.withoutBudget) this.withoutBudget++;
    item.satang.forEach((s, i) => (this.satang[i] += s));
    item.incomplete.forEach((bad, i) => (this.incomplete[i] ||= bad));
  }

  figures(years: readonly number[], grandSatang: number): BudgetFigures {
    const totalSatang = this.satang.reduce((sum, s) => sum + s, 0);
    const incompleteYears = years.filter((_, i) => this.incomplete[i]);
    return {
      counts: { ...this.counts },
      items: this.items,
      withoutBudget: this.withoutBudget,
      budget: this.satang.map(fromSatang),
      total: fromSatang(totalSatang),
      incompleteYears,
      incomplete: incompleteYears.length > 0,
      share: percent(totalSatang, grandSatang),
    };
  }
}

interface ItemFigures {
  type: ItemTypeKind | null;
  satang: number[];
  incomplete: boolean[];
  withoutBudget: boolean;
}

// ---------------------------------------------------------------------------------------------------------

/** Why a cell could not be read: the reader's own finding at that cell, else a generic Thai reason. */
function reasonIndex(findings: readonly Finding[]): (sheet: string, cell: RawCell) => string {
  const byCell = new Map<string, string>();
  for (const f of findings) {
    const key = `${f.sheet}|${f.row}|${f.col}`;
    if (!byCell.has(key)) byCell.set(key, f.problem);
  }
  return (sheet, cell) =>
    byCell.get(`${sheet}|${cell.row}|${cell.col}`) ??
    'อ่านจำนวนเงินไม่ได้ กรุณาพิมพ์จำนวนเงิน เช่น 20000 หรือ 20,000 บาท และใส่ "-" ถ้าไม่ใช้งบประมาณ';
}

function itemLabel(item: { code: string; name: string }): string {
  const name = item.name.length > 60 ? `${item.name.slice(0, 60)}…` : item.name;
  return `รายการ ${item.code || '(ไม่มีรหัส)'}${name ? ` "${name}"` : ''}`;
}

/**
 * What the budget reads: of the plan, codes, groups, names and the budget columns (not periods, units
 * or outputs); of the tracking sheet, disbursements by year and code (the name for messages). The rest
 * of large sheets is not read (bench/).
 */
export const BUDGET_READING = {
  planColumns: ['code', 'dimension', 'submission', 'type', 'name', 'budgets'],
  trackingColumns: ['code', 'name', 'fiscalYear', 'disbursed'],
} as const satisfies ColumnsRead;

export type BudgetInputs = InputsReadWith<typeof BUDGET_READING>;
type BudgetPlanItem = BudgetInputs['plan'][number];

export function computeBudget(inputs: BudgetInputs, options: BudgetOptions = {}): BudgetSummary {
  const years = inputs.planYears;
  const planSheet = inputs.sheetNames.plan ?? 'แผนปฏิบัติการ';
  const trackingSheet = inputs.sheetNames.tracking ?? 'ติดตามผล';
  const reasonOf = reasonIndex(inputs.findings);
  const unreadable: UnreadableCell[] = [];
  const issues: BudgetIssue[] = [];

  // Reference order, every dimension and sub-mission shown even without items (as plans print them).
  const dimensionBuckets = new Map<string, { bucket: Bucket; subs: Map<string, Bucket> }>();
  for (const d of inputs.reference.dimensions) {
    dimensionBuckets.set(d.code, {
      bucket: new Bucket(years.length),
      subs: new Map(d.submissions.map((s) => [s.code, new Bucket(years.length)])),
    });
  }
  const unknownDimension = { bucket: new Bucket(years.length), sub: new Bucket(years.length), used: false };
  const unknownSubs = new Map<string, Bucket>();
  const grand = new Bucket(years.length);

  const issue = (
    kind: BudgetIssueKind,
    sheet: string,
    cell: RawCell,
    item: { code: string; name: string },
    message: string,
  ): void => {
    issues.push({
      kind,
      sheet,
      row: cell.row,
      col: cell.col,
      cell: cell.col > 0 ? a1(cell.row, cell.col) : '',
      code: item.code,
      name: item.name,
      value: displayText(cell),
      message,
    });
  };

  const itemDimension = new Map<BudgetPlanItem, string | null>();
  for (const item of inputs.plan) {
    const figures = itemFigures(item, years, (budget) => {
      const cell = budgetCellOf(item, budget.year);
      unreadable.push({
        sheet: planSheet,
        row: cell.row,
        col: cell.col,
        cell: a1(cell.row, cell.col),
        value: displayText(cell),
        reason: reasonOf(planSheet, cell),
        code: item.code,
        year: budget.year,
        what: 'planBudget',
      });
    });
    grand.add(figures);

    if (item.type === null) {
      const typed = item.typeText;
      issue(
        'unspecified-type',
        planSheet,
        cellOf(item.cells, 'type'),
        item,
        `${itemLabel(item)} ${typed ? `มีประเภท "${typed}" ซึ่งไม่อยู่ในรายการ` : 'ยังไม่ได้ระบุประเภท'} ` +
          `จึงนับเป็น "${UNSPECIFIED_TYPE_LABEL}" ให้เลือก โครงการ มาตรการ หรือ กิจกรรม`,
      );
    }

    const dimension = dimensionBuckets.get(item.dimension);
    if (!dimension) {
      unknownDimension.used = true;
      unknownDimension.bucket.add(figures);
      unknownDimension.sub.add(figures);
      itemDimension.set(item, null);
      issue(
        'unknown-dimension',
        planSheet,
        cellOf(item.cells, 'dimension'),
        item,
        `${itemLabel(item)} ${item.dimension ? `ระบุมิติ "${item.dimension}" ซึ่งไม่พบในชีตอ้างอิง` : 'ยังไม่ได้ระบุมิติ'} ` +
          `จึงรวมไว้ใน "${UNKNOWN_DIMENSION_NAME}" ให้แก้เลขมิติให้ตรงกับชีตอ้างอิง หรือเพิ่มมิตินี้ในชีตอ้างอิง`,
      );
      continue;
    }
    itemDimension.set(item, item.dimension);
    dimension.bucket.add(figures);
    const sub = dimension.subs.get(item.submission);
    if (sub) {
      sub.add(figures);
      continue;
    }
    let unknown = unknownSubs.get(item.dimension);
    if (!unknown) unknownSubs.set(item.dimension, (unknown = new Bucket(years.length)));
    unknown.add(figures);
    const elsewhere = inputs.reference.submissionDimension.get(item.submission);
    issue(
      'unknown-submission',
      planSheet,
      cellOf(item.cells, 'submission'),
      item,
      `${itemLabel(item)} ` +
        (!item.submission
          ? 'ยังไม่ได้ระบุภารกิจตามมิติ'
          : elsewhere
            ? `ระบุภารกิจ "${item.submission}" ซึ่งอยู่ในมิติที่ ${elsewhere} ไม่ใช่มิติที่ ${item.dimension}`
            : `ระบุภารกิจ "${item.submission}" ซึ่งไม่พบในชีตอ้างอิง`) +
        ` จึงรวมไว้ใน "${UNKNOWN_SUBMISSION_NAME}" ของมิติที่ ${item.dimension} ให้แก้เลขภารกิจให้ตรงกับชีตอ้างอิง`,
    );
  }

  const grandSatang = grand.satang.reduce((sum, s) => sum + s, 0);
  const dimensions: DimensionSummary[] = inputs.reference.dimensions.map((d) => {
    const entry = dimensionBuckets.get(d.code) as { bucket: Bucket; subs: Map<string, Bucket> };
    const subMissions: SubMissionSummary[] = d.submissions.map((s) => ({
      code: s.code,
      name: s.name,
      ...(entry.subs.get(s.code) as Bucket).figures(years, grandSatang),
    }));
    const unknown = unknownSubs.get(d.code);
    if (unknown) {
      subMissions.push({ code: null, name: UNKNOWN_SUBMISSION_NAME, ...unknown.figures(years, grandSatang) });
    }
    return { code: d.code, name: d.name, subMissions, ...entry.bucket.figures(years, grandSatang) };
  });
  if (unknownDimension.used) {
    dimensions.push({
      code: null,
      name: UNKNOWN_DIMENSION_NAME,
      subMissions: [
        { code: null, name: UNKNOWN_SUBMISSION_NAME, ...unknownDimension.sub.figures(years, grandSatang) },
      ],
      ...unknownDimension.bucket.figures(years, grandSatang),
    });
  }

  const fiscalYear = options.fiscalYear ?? inputs.settings.trackingYear;
  const trackedYear =
    fiscalYear === null || fiscalYear === undefined
      ? null
      : trackYear(inputs, fiscalYear, dimensions, itemDimension, {
          trackingSheet,
          reasonOf,
          onUnreadable: (u) => unreadable.push(u),
          onIssue: issue,
        });

  const planYears = new Set(years);
  const ignoredBudgetYears = (inputs.layouts.plan?.family ?? [])
    .map((f) => f.n)
    .filter((n) => !planYears.has(n))
    .sort((a, b) => a - b);

  return {
    fiscalYears: [...years],
    dimensions,
    grandTotal: grand.figures(years, grandSatang),
    trackedYear,
    unreadable,
    issues,
    ignoredBudgetYears,
    hasSatang: shownFigures(dimensions, trackedYear).some((baht) => !Number.isInteger(baht)),
    planSheet,
    trackingSheet,
  };
}

/** Every baht figure a report shows (the grand total is their sum, so it is covered). */
function shownFigures(dimensions: readonly DimensionSummary[], tracked: TrackedYearSummary | null): number[] {
  const budgets = dimensions.flatMap((d) => [d, ...d.subMissions].flatMap((f) => [...f.budget, f.total]));
  const disbursed = tracked
    ? [...tracked.dimensions.map((l) => l.disbursed), tracked.unmatched.disbursed]
    : [];
  return [...budgets, ...disbursed];
}

/** One item's budget per plan year in satang; unreadable cells reported and flagged, never 0. */
function itemFigures(
  item: BudgetPlanItem,
  years: readonly number[],
  onUnreadable: (budget: BudgetPlanItem['budgets'][number]) => void,
): ItemFigures {
  const satang: number[] = [];
  const incomplete: boolean[] = [];
  let allNone = true;
  for (const year of years) {
    const budget = item.budgets.find((b) => b.year === year);
    if (!budget) {
      // No column for this year (the command stops before this; kept honest for other callers).
      satang.push(0);
      incomplete.push(true);
      allNone = false;
      continue;
    }
    if (budget.amount === null || budget.amount.kind === 'error') {
      onUnreadable(budget);
      satang.push(0);
      incomplete.push(true);
      allNone = false;
      continue;
    }
    incomplete.push(false);
    if (budget.amount.kind === 'amount') {
      satang.push(toSatang(budget.amount.value));
      allNone = false;
    } else satang.push(0);
  }
  return { type: item.type, satang, incomplete, withoutBudget: allNone };
}

interface TrackContext {
  trackingSheet: string;
  reasonOf: (sheet: string, cell: RawCell) => string;
  onUnreadable(u: UnreadableCell): void;
  onIssue(
    kind: BudgetIssueKind,
    sheet: string,
    cell: RawCell,
    item: { code: string; name: string },
    message: string,
  ): void;
}

/**
 * Planned (from the plan's column of that year) against disbursed (from the tracking rows of that
 * year, matched to plan items by code; the first plan row wins when a code is repeated).
 */
function trackYear(
  inputs: BudgetInputs,
  fiscalYear: number,
  dimensions: readonly DimensionSummary[],
  itemDimension: ReadonlyMap<BudgetPlanItem, string | null>,
  ctx: TrackContext,
): TrackedYearSummary {
  const yearIndex = inputs.planYears.indexOf(fiscalYear);
  const inPlan = yearIndex >= 0;
  const key = (code: string | null): string => code ?? '\u0000unknown';
  const disbursed = new Map<string, { satang: number; incomplete: boolean }>();
  for (const d of dimensions) disbursed.set(key(d.code), { satang: 0, incomplete: false });

  const codes = PlanCodeIndex.of(inputs.plan);

  let unmatchedRows = 0;
  let unmatchedSatang = 0;
  let unmatchedIncomplete = false;
  let undatedRows = 0;
  for (let i = 0; i < inputs.tracking.length; i++) {
    const row = inputs.tracking[i];
    const unreadableAmount = row.unreadable.has('disbursed');
    const hasAmount = row.disbursed?.kind === 'amount';
    if (!hasAmount && !unreadableAmount) continue; // nothing disbursed on this row
    if (row.fiscalYear === null) {
      undatedRows++;
      const yearCell = cellOf(row.cells, 'fiscalYear');
      ctx.onIssue(
        'tracking-year-unknown',
        ctx.trackingSheet,
        yearCell,
        row,
        `แถวติดตามผลของรายการ ${row.code || '(ไม่มีรหัส)'} มีการเบิกจ่ายแต่${row.unreadable.has('fiscalYear') ? 'อ่านปีงบประมาณไม่ได้' : 'ยังไม่ได้ระบุปีงบประมาณ'} ` +
          `จึงไม่ได้นับในปีงบประมาณ ${fiscalYear} (ยอดเบิกจ่ายรวมอาจไม่ครบ) ให้กรอกปี พ.ศ. เช่น ${fiscalYear}`,
      );
      continue;
    }
    if (row.fiscalYear !== fiscalYear) continue;
    const at = codes.find(row.code);
    const item = at >= 0 ? inputs.plan[at] : undefined;
    if (unreadableAmount) {
      ctx.onUnreadable(unreadableDisbursed(ctx, row, cellOf(row.cells, 'disbursed'), fiscalYear));
    }
    if (!item) {
      unmatchedRows++;
      if (hasAmount) unmatchedSatang += toSatang((row.disbursed as { value: number }).value);
      else unmatchedIncomplete = true;
      ctx.onIssue(
        'unmatched-tracking',
        ctx.trackingSheet,
        cellOf(row.cells, 'code'),
        row,
        `แถวติดตามผลรหัส "${row.code || '(ไม่มีรหัส)'}" ไม่พบในชีตแผนปฏิบัติการ ยอดเบิกจ่ายของแถวนี้แสดงในบรรทัด ` +
          `"${UNMATCHED_LINE}" (รวมในยอดรวม แต่ไม่อยู่ในมิติใด) ให้แก้รหัสให้ตรงกับแผน`,
      );
      continue;
    }
    const entry = disbursed.get(key(itemDimension.get(item) ?? null)) as {
      satang: number;
      incomplete: boolean;
    };
    if (hasAmount) entry.satang += toSatang((row.disbursed as { value: number }).value);
    else entry.incomplete = true;
  }

  const lines: TrackedLine[] = dimensions.map((d) => {
    const entry = disbursed.get(key(d.code)) as { satang: number; incomplete: boolean };
    const planned = inPlan ? d.budget[yearIndex] : null;
    return {
      code: d.code,
      name: d.name,
      planned,
      disbursed: fromSatang(entry.satang),
      rate: planned === null ? null : percent(entry.satang, toSatang(planned)),
      plannedIncomplete: inPlan && d.incompleteYears.includes(fiscalYear),
      disbursedIncomplete: entry.incomplete,
    };
  });
  const totalSatang = [...disbursed.values()].reduce((sum, e) => sum + e.satang, 0) + unmatchedSatang;
  const plannedTotal = inPlan ? dimensions.reduce((sum, d) => sum + toSatang(d.budget[yearIndex]), 0) : null;
  const total: TrackedLine = {
    code: null,
    name: 'รวมทั้งสิ้น',
    planned: plannedTotal === null ? null : fromSatang(plannedTotal),
    disbursed: fromSatang(totalSatang),
    rate: plannedTotal === null ? null : percent(totalSatang, plannedTotal),
    plannedIncomplete: lines.some((l) => l.plannedIncomplete),
    disbursedIncomplete: lines.some((l) => l.disbursedIncomplete) || unmatchedIncomplete || undatedRows > 0,
  };
  return {
    fiscalYear,
    inPlan,
    dimensions: lines,
    unmatched: { rows: unmatchedRows, disbursed: fromSatang(unmatchedSatang) },
    undatedRows,
    total,
  };
}

export const UNMATCHED_LINE = 'รหัสไม่ตรงกับแผน';

function unreadableDisbursed(
  ctx: TrackContext,
  row: BudgetInputs['tracking'][number],
  cell: RawCell,
  fiscalYear: number,
): UnreadableCell {
  return {
    sheet: ctx.trackingSheet,
    row: cell.row,
    col: cell.col,
    cell: a1(cell.row, cell.col),
    value: displayText(cell),
    reason: ctx.reasonOf(ctx.trackingSheet, cell),
    code: row.code,
    year: fiscalYear,
    what: 'disbursed',
  };
}

// ---------------------------------------------------------------------------------------------------------
// Labels and the JSON of `ita-sheets run budget --json` (years are B.E., as keys "2566").

export function typeLabel(kind: keyof TypeCounts): string {
  return kind === 'unspecified' ? UNSPECIFIED_TYPE_LABEL : itemTypeLabel(kind);
}

/** "พ.ศ. 2566–2570" (or "พ.ศ. 2566" for a one-year plan). */
export function planYearsText(years: readonly number[]): string {
  if (!years.length) return 'พ.ศ. -';
  const first = years[0];
  const last = years[years.length - 1];
  return first === last ? `พ.ศ. ${first}` : `พ.ศ. ${first}–${last}`;
}

function byYear(years: readonly number[], values: readonly number[]): Record<string, number> {
  return Object.fromEntries(years.map((y, i) => [String(y), values[i]]));
}

function figuresJson(years: readonly number[], f: BudgetFigures) {
  return {
    counts: { ...f.counts },
    items: f.items,
    withoutBudget: f.withoutBudget,
    budget: byYear(years, f.budget),
    total: f.total,
    share: f.share,
    incomplete: f.incomplete,
    incompleteYears: [...f.incompleteYears],
  };
}

function lineJson(line: TrackedLine) {
  return {
    code: line.code,
    name: line.name,
    planned: line.planned,
    disbursed: line.disbursed,
    rate: line.rate,
    incomplete: line.plannedIncomplete || line.disbursedIncomplete,
  };
}

export function budgetJson(summary: BudgetSummary) {
  const years = summary.fiscalYears;
  const tracked = summary.trackedYear;
  return {
    fiscalYears: [...years],
    dimensions: summary.dimensions.map((d) => ({
      code: d.code,
      name: d.name,
      ...figuresJson(years, d),
      subMissions: d.subMissions.map((s) => ({ code: s.code, name: s.name, ...figuresJson(years, s) })),
    })),
    grandTotal: figuresJson(years, summary.grandTotal),
    trackedYear: tracked && {
      fiscalYear: tracked.fiscalYear,
      inPlan: tracked.inPlan,
      planned: tracked.total.planned,
      disbursed: tracked.total.disbursed,
      rate: tracked.total.rate,
      incomplete: tracked.total.plannedIncomplete || tracked.total.disbursedIncomplete,
      dimensions: tracked.dimensions.map(lineJson),
      unmatched: { ...tracked.unmatched },
      undatedRows: tracked.undatedRows,
    },
    unreadable: summary.unreadable.map((u) => ({
      sheet: u.sheet,
      cell: u.cell,
      value: u.value,
      reason: u.reason,
      code: u.code,
      year: u.year,
    })),
    issues: summary.issues.map((i) => ({
      kind: i.kind,
      sheet: i.sheet,
      cell: i.cell,
      code: i.code,
      value: i.value,
      message: i.message,
    })),
    ignoredBudgetYears: [...summary.ignoredBudgetYears],
  };
}

export type BudgetJson = ReturnType<typeof budgetJson>;
