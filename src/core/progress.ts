/**
 * "สร้างรายงานสรุปความก้าวหน้า…": the figures of one fiscal year and round for supervisors. Pure: typed
 * inputs, the year, the round and the as-of date in; counts, budgets, item lists out.
 *
 * What is counted:
 * - every plan item active in the year (its period reaches it) or having a tracking row for it, and every
 *   annual measure of the year. A plan item with no tracking row, or whose row has a blank or unreadable
 *   status, is "ยังไม่รายงาน" (shown, never dropped).
 * - the status decides (status and percent disagreeing is a validation finding; the summary trusts the
 *   status). Percent done = done ÷ all items × 100.
 * - planned budget: the tracking row's planned budget when filled, else the plan's budget of that year;
 *   disbursed: the tracking row's. Amounts that cannot be read are not added and are listed.
 * - overdue: as in ./overdue, as of the as-of date; an unreported item past its deadline is overdue too.
 * Rows whose year or period cannot be read are listed under "อ่านระยะเวลาไม่ได้", never skipped in silence.
 */
import { a1 } from './cells';
import { budgetCellOf, type ColumnsRead, type InputsReadWith } from './inputs';
import { PlanCodeIndex } from './plan-codes';
import {
  assessItems,
  cellLabel,
  dueSoonDaysOf,
  measureItem,
  periodProblem,
  sheetsOf,
  trackingItem,
  unreportedPlanItem,
  UNSPECIFIED_UNIT,
  type CellRef,
  type OverdueAnalysis,
  type OverdueEntry,
  type UnreadableEntry,
  type WorkItem,
} from './overdue';
import { readRound } from './readers';
import { GENERATED_SHEETS, type RoundKind, type StatusKind } from './schema';
import { cellOf } from './table';
import { type IsoDate } from './thai/dates';
import { roundWindow } from './thai/fiscal';
import type { AmountReading } from './thai/numbers';
import { periodOverlapsFiscalYear } from './thai/period';

export type ProgressStatus = StatusKind | 'notReported';

/** The status columns of every table, in the order supervisors read them. */
export const PROGRESS_STATUSES: readonly { key: ProgressStatus; label: string }[] = [
  { key: 'done', label: 'ดำเนินการแล้วเสร็จ' },
  { key: 'inProgress', label: 'อยู่ระหว่างดำเนินการ' },
  { key: 'notStarted', label: 'ยังไม่ดำเนินการ' },
  { key: 'cancelled', label: 'ยกเลิก/ไม่ได้ดำเนินการ' },
  { key: 'notReported', label: 'ยังไม่รายงาน' },
];

export const MEASURES_GROUP = 'measures';
export const UNKNOWN_CODE_GROUP = 'unknown-code';
export const NO_DIMENSION_GROUP = 'no-dimension';

export interface Counts {
  total: number;
  done: number;
  inProgress: number;
  notStarted: number;
  cancelled: number;
  notReported: number;
  overdue: number;
}

export interface DimensionSummary extends Counts {
  /** Group key: the dimension code, or one of the *_GROUP constants. */
  key: string;
  /** What the sheet shows in the "มิติที่" column. */
  code: string;
  name: string;
  /** Plan items carry budgets; measures do not. */
  hasBudget: boolean;
  planned: number;
  disbursed: number;
  percentDone: number | null;
}

export interface UnitSummary extends Counts {
  unit: string;
}

export interface ProgressItem {
  source: 'plan' | 'measure';
  /** Where the link goes: the tracking row when there is one, else the plan or measure row. */
  sheet: string;
  row: number;
  cell: CellRef;
  code: string;
  name: string;
  group: string;
  method: string;
  responsible: string;
  units: string[];
  period: string;
  status: ProgressStatus;
  /** Status as shown (the text as typed when unreadable). */
  statusText: string;
  percent: number | null;
  result: string;
  problems: string;
  planned: number | null;
  disbursed: number | null;
  deadline: IsoDate | null;
  daysLate: number | null;
}

export interface UnreadableAmount {
  sheet: string;
  cell: string;
  code: string;
  what: string;
}

export interface ProgressSummary {
  fiscalYear: number;
  round: RoundKind;
  window: { start: IsoDate; end: IsoDate };
  asOf: IsoDate;
  sheetName: string;
  counts: Counts;
  percentDone: number | null;
  byDimension: DimensionSummary[];
  byUnit: UnitSummary[];
  items: ProgressItem[];
  overdue: OverdueEntry[];
  /** Counted items whose deadline cannot be worked out (so whether they are late is unknown). */
  unreadable: UnreadableEntry[];
  /** Rows left out of the counts, each with the reason: year or period unreadable, duplicate row. */
  notCounted: UnreadableEntry[];
  unreadableAmounts: UnreadableAmount[];
  /** The overdue check over the year's items (due-soon list included). */
  analysis: OverdueAnalysis;
}

export function roundLabel(round: RoundKind): string {
  return `รอบ ${round} เดือน`;
}

/** "สรุปความก้าวหน้า 6 เดือน 2566": one sheet per round and year. */
export function progressSheetName(round: RoundKind, fiscalYear: number): string {
  return `${GENERATED_SHEETS.progressPrefix} ${round} เดือน ${fiscalYear}`;
}

export type RoundAnswer = { ok: true; round: RoundKind } | { ok: false; error: string };

/** A round typed into a prompt: "6", "๑๒", "รอบ 6 เดือน" (the same spellings the settings accept). */
export function parseRoundAnswer(answer: string): RoundAnswer {
  const reading = readRound({ value: answer, display: answer, formula: '', row: 1, col: 1 });
  if (reading.kind === 'ok') return { ok: true, round: reading.value };
  return {
    ok: false,
    error: `"${answer.trim()}" ไม่ใช่รอบการรายงาน กรุณาพิมพ์ 6 (รอบ 6 เดือน) หรือ 12 (รอบ 12 เดือน)`,
  };
}

export function emptyCounts(): Counts {
  return { total: 0, done: 0, inProgress: 0, notStarted: 0, cancelled: 0, notReported: 0, overdue: 0 };
}

function count(counts: Counts, item: ProgressItem): void {
  counts.total++;
  counts[item.status]++;
  if (item.daysLate !== null) counts.overdue++;
}

export function percentOf(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10000) / 100 : null;
}

/** Sums of baht amounts rounded to satang (float sums of 0.1s drift). */
function money(n: number): number {
  return Math.round(n * 100) / 100;
}

// ---------------------------------------------------------------------------------------------------------

/**
 * What a summary reads: all but the plan's sub-missions, types, indicators and outputs, the tracking
 * rows' start dates and evidence, and the measures' follow-ups, indicators and evidence (bench/).
 */
export const SUMMARY_READING = {
  planColumns: ['code', 'dimension', 'name', 'budgets', 'responsible', 'period'],
  trackingColumns: [
    'code',
    'name',
    'fiscalYear',
    'responsible',
    'plannedBudget',
    'deadline',
    'status',
    'percent',
    'disbursed',
    'result',
    'problems',
  ],
  measureColumns: [
    'fiscalYear',
    'no',
    'measure',
    'method',
    'responsible',
    'period',
    'status',
    'percent',
    'result',
  ],
} as const satisfies ColumnsRead;

export type SummaryInputs = InputsReadWith<typeof SUMMARY_READING>;
type PlanItem = SummaryInputs['plan'][number];
type TrackingRow = SummaryInputs['tracking'][number];

interface Amount {
  value: number | null;
  unreadable: boolean;
}

/** An amount reading as baht: no budget = 0, blank = null (caller decides), unreadable flagged. */
function amountOf(reading: AmountReading | null, unreadable: boolean): Amount {
  if (unreadable) return { value: null, unreadable: true };
  if (!reading) return { value: null, unreadable: false };
  if (reading.kind === 'amount') return { value: reading.value, unreadable: false };
  return { value: 0, unreadable: false };
}

function plannedOf(
  item: PlanItem | undefined,
  row: TrackingRow | undefined,
  fy: number,
): { amount: Amount; where: 'tracking' | 'plan'; cell: CellRef | null } {
  // The cell is made only for an unreadable amount, the one case that names it.
  if (row) {
    const own = amountOf(row.plannedBudget, row.unreadable.has('plannedBudget'));
    if (own.unreadable) return { amount: own, where: 'tracking', cell: cellOf(row.cells, 'plannedBudget') };
    if (own.value !== null) return { amount: own, where: 'tracking', cell: null };
  }
  const budget = item?.budgets.find((b) => b.year === fy);
  // No budget column for the year: nothing planned for it.
  if (!item || !budget)
    return { amount: { value: item ? 0 : null, unreadable: false }, where: 'plan', cell: null };
  if (budget.amount === null)
    return { amount: { value: null, unreadable: true }, where: 'plan', cell: budgetCellOf(item, fy) };
  return {
    amount: { value: amountOf(budget.amount, false).value ?? 0, unreadable: false },
    where: 'plan',
    cell: null,
  };
}

/** The item's fields from its work item and the rest from `extra`, listed out (this runs per row). */
function fromWork(
  work: WorkItem,
  extra: Omit<ProgressItem, 'code' | 'name' | 'responsible' | 'units' | 'deadline' | 'daysLate'>,
): ProgressItem {
  return {
    source: extra.source,
    sheet: extra.sheet,
    row: extra.row,
    cell: extra.cell,
    group: extra.group,
    method: extra.method,
    period: extra.period,
    status: extra.status,
    statusText: extra.statusText,
    percent: extra.percent,
    result: extra.result,
    problems: extra.problems,
    planned: extra.planned,
    disbursed: extra.disbursed,
    code: work.code,
    name: work.name,
    responsible: work.responsible,
    units: work.units,
    deadline: work.deadline.ok ? work.deadline.date : null,
    daysLate: null,
  };
}

function progressStatus(status: StatusKind | null): ProgressStatus {
  return status ?? 'notReported';
}

function statusShown(status: ProgressStatus, typed: string): string {
  if (status !== 'notReported') return typed;
  // A status typed but unreadable is shown as typed, so the reader sees why it counts as not reported.
  return typed ? `ยังไม่รายงาน (สถานะ "${typed}" อ่านไม่ได้)` : 'ยังไม่รายงาน';
}

function periodShown(text: string, deadline: IsoDate | null): string {
  return text || (deadline ? '' : '-');
}

export function summarizeProgress(
  inputs: SummaryInputs,
  options: { fiscalYear: number; round: RoundKind; asOf: IsoDate },
): ProgressSummary {
  const { fiscalYear: fy, round, asOf } = options;
  const sheets = sheetsOf(inputs);
  const codes = PlanCodeIndex.of(inputs.plan);
  /** The year's tracking row of each plan code, at the position of the code's first item. */
  const rowOfCode = new Array<TrackingRow | undefined>(inputs.plan.length);
  const works: WorkItem[] = [];
  const items: ProgressItem[] = [];
  const unreadableAmounts: UnreadableAmount[] = [];
  const notCounted: UnreadableEntry[] = [];
  const noteAmount = (sheet: string, cell: CellRef | null, code: string, what: string) => {
    if (cell && cell.col > 0) unreadableAmounts.push({ sheet, cell: a1(cell.row, cell.col), code, what });
  };

  // Tracking rows of the year, first row per code (a duplicate row is a validation finding): a plan
  // code's row goes in its slot, other codes' rows are orphans (counted under unknown codes).
  const orphanOf = new Map<string, TrackingRow>();
  const orphans: TrackingRow[] = [];
  for (let i = 0; i < inputs.tracking.length; i++) {
    const row = inputs.tracking[i];
    const at = codes.find(row.code);
    const item = at >= 0 ? inputs.plan[at] : undefined;
    if (row.fiscalYear === null) {
      notCounted.push(yearlessRow(row, item, sheets.tracking));
      continue;
    }
    if (row.fiscalYear !== fy) continue;
    const first = item ? rowOfCode[at] : row.code ? orphanOf.get(row.code) : undefined;
    if (first) notCounted.push(duplicateRow(row, first, item, sheets.tracking));
    else if (item) rowOfCode[at] = row;
    else {
      if (row.code) orphanOf.set(row.code, row);
      orphans.push(row);
    }
  }

  // A plan item (or a tracking row whose code is not in the plan) as a counted item.
  const addTracked = (
    work: WorkItem,
    row: TrackingRow | undefined,
    item: PlanItem | undefined,
    group: string,
  ) => {
    const code = work.code;
    const planned = plannedOf(item, row, fy);
    if (planned.amount.unreadable) {
      const sheet = planned.where === 'tracking' ? sheets.tracking : sheets.plan;
      noteAmount(sheet, planned.cell, code, 'งบประมาณตามแผน');
    }
    const disbursed = row ? amountOf(row.disbursed, row.unreadable.has('disbursed')) : null;
    if (row && disbursed?.unreadable)
      noteAmount(sheets.tracking, cellOf(row.cells, 'disbursed'), code, 'เบิกจ่ายแล้ว');
    const status = progressStatus(row?.status ?? null);
    works.push(work);
    items.push(
      fromWork(work, {
        source: 'plan',
        sheet: work.sheet,
        row: work.row,
        cell: work.cell,
        group,
        method: '',
        period: periodShown(item?.periodText ?? '', work.deadline.ok ? work.deadline.date : null),
        status,
        statusText: statusShown(status, work.statusText),
        percent: row?.percent ?? null,
        result: row?.result ?? '',
        problems: row?.problems ?? '',
        planned: planned.amount.value,
        disbursed: disbursed?.value ?? null,
      }),
    );
  };

  for (let i = 0; i < inputs.plan.length; i++) {
    const item = inputs.plan[i];
    // Only its code's first item has the code's tracking row (a duplicate code is a validation finding).
    const row = codes.firstOf(i) === i ? rowOfCode[i] : undefined;
    const active = item.period ? periodOverlapsFiscalYear(item.period, fy) : false;
    if (!row && !active) {
      // Without a readable period nobody can tell whether the item runs this year: say so.
      if (!item.period) notCounted.push(unknownPeriodItem(item, sheets.plan, fy));
      continue;
    }
    const work = row
      ? trackingItem(row, item, { tracking: sheets.tracking, plan: sheets.plan })
      : unreportedPlanItem(item, fy, sheets.plan);
    addTracked(work, row, item, item.dimension || NO_DIMENSION_GROUP);
  }
  for (const row of orphans) {
    addTracked(trackingItem(row, undefined, sheets), row, undefined, UNKNOWN_CODE_GROUP);
  }

  for (const measure of inputs.measures) {
    if (measure.fiscalYear === null) {
      notCounted.push(yearlessMeasure(measure, sheets.measures));
      continue;
    }
    if (measure.fiscalYear !== fy) continue;
    const work = measureItem(measure, sheets.measures);
    const status = progressStatus(measure.status);
    works.push(work);
    items.push(
      fromWork(work, {
        source: 'measure',
        sheet: work.sheet,
        row: work.row,
        cell: work.cell,
        group: MEASURES_GROUP,
        method: measure.method,
        period: periodShown(measure.periodText, work.deadline.ok ? work.deadline.date : null),
        status,
        statusText: statusShown(status, work.statusText),
        percent: measure.percent,
        result: measure.result,
        problems: '',
        planned: null,
        disbursed: null,
      }),
    );
  }

  const analysis = assessItems(works, asOf, dueSoonDaysOf(inputs));
  const late = new Map(analysis.overdue.map((o) => [o.item, o.daysLate]));
  works.forEach((work, i) => (items[i].daysLate = late.get(work) ?? null));

  const counts = emptyCounts();
  items.forEach((item) => count(counts, item));
  return {
    fiscalYear: fy,
    round,
    window: roundWindow(fy, round),
    asOf,
    sheetName: progressSheetName(round, fy),
    counts,
    percentDone: percentOf(counts.done, counts.total),
    byDimension: dimensionRows(inputs, items),
    byUnit: unitRows(inputs, items),
    items: sortItems(inputs, items),
    overdue: analysis.overdue,
    unreadable: analysis.unreadable,
    notCounted,
    unreadableAmounts,
    analysis,
  };
}

/** An item the summary could not count or check, with the cell to fix and why. */
function unreadableAt(item: WorkItem, cell: CellRef, reason: string): UnreadableEntry {
  return { item, cell: cell.col > 0 ? a1(cell.row, cell.col) : '', col: cell.col, reason };
}

function yearlessRow(row: TrackingRow, planItem: PlanItem | undefined, sheet: string): UnreadableEntry {
  const item = trackingItem(row, planItem, { tracking: sheet, plan: '' });
  return unreadableAt(
    item,
    cellOf(row.cells, 'fiscalYear'),
    'ไม่ได้กรอกปีงบประมาณ (หรืออ่านไม่ได้) จึงไม่ทราบว่าแถวนี้เป็นของปีใดและไม่ได้นับในรายงาน ให้กรอกปีงบประมาณ พ.ศ. เช่น 2566',
  );
}

function duplicateRow(
  row: TrackingRow,
  first: TrackingRow,
  planItem: PlanItem | undefined,
  sheet: string,
): UnreadableEntry {
  return unreadableAt(
    trackingItem(row, planItem, { tracking: sheet, plan: '' }),
    cellOf(row.cells, 'code'),
    `รายการ "${row.code}" ปีงบประมาณ ${row.fiscalYear} มีแถวติดตามผลแล้วที่แถว ${first.row} รายงานนับเฉพาะแถวแรก ให้รวมเป็นแถวเดียวแล้วลบแถวที่ซ้ำ`,
  );
}

function yearlessMeasure(measure: SummaryInputs['measures'][number], sheet: string): UnreadableEntry {
  return unreadableAt(
    measureItem(measure, sheet),
    cellOf(measure.cells, 'fiscalYear'),
    'ไม่ได้กรอกปีงบประมาณของมาตรการ (หรืออ่านไม่ได้) จึงไม่ได้นับในรายงาน ให้กรอกปีงบประมาณ พ.ศ. เช่น 2566',
  );
}

function unknownPeriodItem(item: PlanItem, sheet: string, fy: number): UnreadableEntry {
  const cell = cellOf(item.cells, 'period');
  return unreadableAt(
    unreportedPlanItem(item, fy, sheet),
    { row: cell.row, col: cell.col },
    `${periodProblem(item.periodText, null)} จึงไม่ทราบว่าดำเนินการในปีงบประมาณ ${fy} หรือไม่ (ไม่ได้นับในรายงาน) ให้แก้ระยะเวลาที่ ${cellLabel(cell)}`,
  );
}

// ---------------------------------------------------------------------------------------------------------

/** Reference dimensions in their order (all shown, even empty), then other codes, then measures. */
function groupOrder(
  inputs: SummaryInputs,
  items: readonly ProgressItem[],
): { key: string; code: string; name: string }[] {
  const groups = inputs.reference.dimensions.map((d) => ({ key: d.code, code: d.code, name: d.name }));
  const known = new Set(groups.map((g) => g.key));
  for (const item of items) {
    if (known.has(item.group) || item.source === 'measure') continue;
    known.add(item.group);
    if (item.group === NO_DIMENSION_GROUP) groups.push({ key: item.group, code: '-', name: 'ไม่ระบุมิติ' });
    else if (item.group === UNKNOWN_CODE_GROUP)
      groups.push({ key: item.group, code: '-', name: 'รหัสรายการที่ไม่พบในแผน' });
    else groups.push({ key: item.group, code: item.group, name: `มิติ ${item.group} (ไม่อยู่ในชีตอ้างอิง)` });
  }
  // Unknown groups after the reference dimensions, "no dimension" and unknown codes last.
  const rank = (key: string) => (key === NO_DIMENSION_GROUP ? 1 : key === UNKNOWN_CODE_GROUP ? 2 : 0);
  const ordered = groups.map((g, i) => ({ g, i })).sort((a, b) => rank(a.g.key) - rank(b.g.key) || a.i - b.i);
  const result = ordered.map((o) => o.g);
  if (items.some((i) => i.source === 'measure') || inputs.measures.length) {
    result.push({ key: MEASURES_GROUP, code: '-', name: 'มาตรการส่งเสริมคุณธรรมและความโปร่งใส' });
  }
  return result;
}

function dimensionRows(inputs: SummaryInputs, items: readonly ProgressItem[]): DimensionSummary[] {
  const rows = groupOrder(inputs, items).map((g): DimensionSummary => ({
    ...emptyCounts(),
    key: g.key,
    code: g.code,
    name: g.name,
    hasBudget: g.key !== MEASURES_GROUP,
    planned: 0,
    disbursed: 0,
    percentDone: null,
  }));
  const byKey = new Map(rows.map((r) => [r.key, r]));
  for (const item of items) {
    const row = byKey.get(item.group);
    if (!row) continue;
    count(row, item);
    row.planned = money(row.planned + (item.planned ?? 0));
    row.disbursed = money(row.disbursed + (item.disbursed ?? 0));
  }
  for (const row of rows) row.percentDone = percentOf(row.done, row.total);
  return rows;
}

function unitRows(inputs: SummaryInputs, items: readonly ProgressItem[]): UnitSummary[] {
  const rows = new Map<string, UnitSummary>();
  for (const item of items) {
    for (const unit of item.units) {
      let row = rows.get(unit);
      if (!row) rows.set(unit, (row = { unit, ...emptyCounts() }));
      count(row, item);
    }
  }
  const order = inputs.reference.units;
  const rank = (unit: string) => {
    if (unit === UNSPECIFIED_UNIT) return order.length + 1;
    const at = order.indexOf(unit);
    return at >= 0 ? at : order.length;
  };
  // Reference units in their order, then the rest by first appearance (sort is stable), unnamed last.
  return [...rows.values()].sort((a, b) => rank(a.unit) - rank(b.unit));
}

/** Items by group in the groups' order, each group in the items' order (a stable bucket sort). */
function sortItems(inputs: SummaryInputs, items: ProgressItem[]): ProgressItem[] {
  const buckets = new Map<string, ProgressItem[]>(groupOrder(inputs, items).map((g) => [g.key, []]));
  // An item outside every group sorts first, as indexOf's -1 did.
  const sorted: ProgressItem[] = [];
  for (const item of items) if (!buckets.has(item.group)) sorted.push(item);
  for (const item of items) buckets.get(item.group)?.push(item);
  for (const bucket of buckets.values()) for (const item of bucket) sorted.push(item);
  return sorted;
}
