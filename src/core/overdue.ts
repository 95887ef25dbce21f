/**
 * "ตรวจหามาตรการที่เลยกำหนด": which tracking rows and annual measures are past their deadline, or close to
 * it, on the as-of date. Pure: typed inputs and ISO dates in, plain lists out.
 *
 * Rules:
 * - The deadline of a tracking row is its "กำหนดแล้วเสร็จ" cell; when blank, the last day its plan item's
 *   period covers within the row's fiscal year (a month means its last day; "ปีงบประมาณ 2566–2570" tracked
 *   in 2566 means 30 Sep 2566).
 * - The deadline of a measure is the last day its period covers within the measure's fiscal year (the
 *   period's own last day when it does not reach that year or the year is blank).
 * - Done and cancelled are never overdue; a blank or unreadable status counts as not done.
 * - Overdue starts the day after the deadline; the deadline day itself and the `dueSoonDays` days before
 *   it are "ใกล้ครบกำหนด".
 * - A deadline that cannot be worked out is listed apart with the reason, never skipped in silence.
 */
import { a1 } from './cells';
import { displayText, type Inputs, type ColumnsRead, type InputsReadWith } from './inputs';
import { isPlaceholder, statusLabel, type UnitsReading } from './readers';
import type { StatusKind } from './schema';
import { cellOf, colOf, textOf, type RawCell, type TableRow } from './table';
import { daysBetween, formatThaiDate, type IsoDate } from './thai/dates';
import { parsePeriod, periodDeadlineInFiscalYear } from './thai/period';
import { PlanCodeIndex } from './plan-codes';

export const DEFAULT_DUE_SOON_DAYS = 30;

/** Responsible text that names no unit (blank or a form placeholder) is counted under this. */
export const UNSPECIFIED_UNIT = 'ไม่ระบุหน่วยงาน';

/** A cell address; col 0 when the sheet lacks the column. */
export interface CellRef {
  row: number;
  col: number;
}

export type DeadlineReading =
  | { ok: true; date: IsoDate; source: 'deadline' | 'plan' | 'period' }
  | { ok: false; reason: string; cell: CellRef };

/** A tracking row, measure or (in summaries) unreported plan item, with what deciding lateness needs. */
export interface WorkItem {
  source: 'tracking' | 'measure' | 'plan';
  sheet: string;
  row: number;
  /** The cell links and marks point at (the code of a tracking row, the measure's name). */
  cell: CellRef;
  code: string;
  name: string;
  fiscalYear: number | null;
  status: StatusKind | null;
  /** Status as shown: its label, the text as typed when unreadable, '' when blank. */
  statusText: string;
  /** Responsible unit as written ('ไม่ระบุหน่วยงาน' when blank or a placeholder). */
  responsible: string;
  /** Units the item counts under (several when the cell names several). */
  units: string[];
  deadline: DeadlineReading;
}

export interface LateEntry {
  item: WorkItem;
  deadline: IsoDate;
}

export interface OverdueEntry extends LateEntry {
  daysLate: number;
}

export interface DueSoonEntry extends LateEntry {
  daysLeft: number;
}

export interface UnreadableEntry {
  item: WorkItem;
  /** A1 address of the cell to fix on the item's sheet ('' when the column is missing). */
  cell: string;
  col: number;
  reason: string;
}

export interface UnitCount {
  unit: string;
  overdue: number;
  dueSoon: number;
}

export interface OverdueAnalysis {
  asOf: IsoDate;
  dueSoonDays: number;
  /** Most days late first. */
  overdue: OverdueEntry[];
  /** Nearest deadline first. */
  dueSoon: DueSoonEntry[];
  unreadable: UnreadableEntry[];
  byUnit: UnitCount[];
  /** Items looked at (closed ones included). */
  checked: number;
  /** Done or cancelled: never overdue. */
  closed: number;
}

export type Timing =
  | { kind: 'closed' }
  | { kind: 'overdue'; daysLate: number }
  | { kind: 'dueSoon'; daysLeft: number }
  | { kind: 'onTime'; daysLeft: number };

export function isClosed(status: StatusKind | null): boolean {
  return status === 'done' || status === 'cancelled';
}

/** Where an item stands on the as-of date. Overdue begins the day after the deadline. */
export function timingOf(
  deadline: IsoDate,
  status: StatusKind | null,
  asOf: IsoDate,
  dueSoonDays: number,
): Timing {
  if (isClosed(status)) return { kind: 'closed' };
  const daysLeft = daysBetween(asOf, deadline);
  if (daysLeft < 0) return { kind: 'overdue', daysLate: -daysLeft };
  if (daysLeft <= dueSoonDays) return { kind: 'dueSoon', daysLeft };
  return { kind: 'onTime', daysLeft };
}

// ---------------------------------------------------------------------------------------------------------
// Deadlines

function failAt(cell: RawCell, reason: string): DeadlineReading {
  return { ok: false, reason, cell: { row: cell.row, col: cell.col } };
}

/** "A1 address" of a cell, or "แถว N" when its column is missing. */
export function cellLabel(ref: CellRef): string {
  return ref.col > 0 ? a1(ref.row, ref.col) : `แถว ${ref.row}`;
}

/** Why a period cell gave no period: blank, a form placeholder, or the parser's Thai reason. */
export function periodProblem(text: string, fiscalYear: number | null): string {
  if (!text) return 'ยังไม่ได้กรอกระยะเวลาดำเนินการ';
  if (isPlaceholder(text)) return `ระยะเวลา "${text}" ยังเป็นข้อความตัวอย่างของแบบฟอร์ม`;
  const reading = parsePeriod(text, fiscalYear === null ? undefined : { fiscalYear });
  return reading.ok ? `อ่านระยะเวลา "${text}" ไม่ได้` : reading.error;
}

/**
 * What the check reads: of the plan, what a tracking row's deadline and unit can come from; of the
 * tracking rows and annual measures, codes, names, years, units, deadlines or periods and statuses
 * (not budgets, percents, results or evidence: bench/).
 */
export const OVERDUE_READING = {
  planColumns: ['code', 'name', 'responsible', 'period'],
  trackingColumns: ['code', 'name', 'fiscalYear', 'status', 'responsible', 'deadline'],
  measureColumns: ['fiscalYear', 'no', 'measure', 'responsible', 'period', 'status'],
} as const satisfies ColumnsRead;

export type OverdueInputs = InputsReadWith<typeof OVERDUE_READING>;
type OverduePlanItem = OverdueInputs['plan'][number];
type OverdueTrackingRow = OverdueInputs['tracking'][number];
type OverdueMeasure = OverdueInputs['measures'][number];

export function trackingDeadline(
  row: OverdueTrackingRow,
  item: OverduePlanItem | undefined,
  planSheet: string,
): DeadlineReading {
  if (row.deadline) return { ok: true, date: row.deadline, source: 'deadline' };
  // Made only now: most rows have their own deadline and need no cell.
  const cell = cellOf(row.cells, 'deadline');
  if (row.unreadable.has('deadline')) {
    return failAt(cell, `อ่านวันที่ในช่อง "กำหนดแล้วเสร็จ" ไม่ได้ ("${displayText(cell)}") ให้กรอกวันที่ เช่น 30/9/2566`);
  }
  if (!item) {
    return failAt(
      cell,
      row.code
        ? `ไม่ได้กรอกกำหนดแล้วเสร็จ และไม่พบรหัสรายการ "${row.code}" ในชีต "${planSheet}" จึงหากำหนดจากแผนไม่ได้ ให้กรอกกำหนดแล้วเสร็จหรือแก้รหัสให้ตรงกับแผน`
        : 'ไม่ได้กรอกรหัสรายการและกำหนดแล้วเสร็จ จึงหากำหนดจากแผนไม่ได้ ให้กรอกรหัสรายการหรือกำหนดแล้วเสร็จ',
    );
  }
  if (row.fiscalYear === null) {
    return failAt(
      cellOf(row.cells, 'fiscalYear'),
      'ไม่ได้กรอกปีงบประมาณ (หรืออ่านไม่ได้) จึงหากำหนดแล้วเสร็จจากระยะเวลาในแผนไม่ได้ ให้กรอกปีงบประมาณ พ.ศ. หรือกรอกกำหนดแล้วเสร็จ',
    );
  }
  const planCell = cellLabel(cellOf(item.cells, 'period'));
  if (!item.period) {
    return failAt(
      cell,
      `ไม่ได้กรอกกำหนดแล้วเสร็จ และระยะเวลาของรายการนี้ในแผน (ชีต "${planSheet}" ${planCell}) ใช้ไม่ได้: ${periodProblem(item.periodText, null)} ให้แก้ระยะเวลาในแผนหรือกรอกกำหนดแล้วเสร็จ`,
    );
  }
  const date = periodDeadlineInFiscalYear(item.period, row.fiscalYear);
  if (!date) {
    return failAt(
      cell,
      `ไม่ได้กรอกกำหนดแล้วเสร็จ และระยะเวลาในแผน (${item.period.readAs}) ไม่อยู่ในปีงบประมาณ ${row.fiscalYear} ให้ตรวจสอบปีงบประมาณหรือกรอกกำหนดแล้วเสร็จ`,
    );
  }
  return { ok: true, date, source: 'plan' };
}

export function measureDeadline(measure: OverdueMeasure): DeadlineReading {
  const cell = cellOf(measure.cells, 'period');
  if (measure.period) {
    const inYear =
      measure.fiscalYear === null ? null : periodDeadlineInFiscalYear(measure.period, measure.fiscalYear);
    return { ok: true, date: inYear ?? measure.period.end, source: 'period' };
  }
  return failAt(
    cell,
    `${periodProblem(measure.periodText, measure.fiscalYear)} ให้กรอกระยะเวลา เช่น "1 ต.ค. 2565 – 30 ก.ย. 2566"`,
  );
}

// ---------------------------------------------------------------------------------------------------------
// Work items

/** Units to count an item under; unknown units count under their own text. */
export function unitGroups(reading: UnitsReading | null, text: string): string[] {
  if (reading && reading.units.length) return reading.units;
  if (!text || isPlaceholder(text)) return [UNSPECIFIED_UNIT];
  return [text];
}

function responsibleShown(text: string): string {
  return !text || isPlaceholder(text) ? UNSPECIFIED_UNIT : text;
}

/** Status as shown: the label, else the unreadable text as typed, else ''. */
export function statusTextOf(status: StatusKind | null, cells: TableRow): string {
  return status ? statusLabel(status) : textOf(cellOf(cells, 'status'));
}

/** The first of these columns the sheet has, for links and marks. */
function anchorCell(cells: TableRow, keys: readonly string[]): CellRef {
  for (const key of keys) {
    const col = colOf(cells, key);
    if (col > 0) return { row: cells.row, col };
  }
  return { row: cells.row, col: 0 };
}

export function trackingItem(
  row: OverdueTrackingRow,
  item: OverduePlanItem | undefined,
  sheets: { tracking: string; plan: string },
  deadline: DeadlineReading = trackingDeadline(row, item, sheets.plan),
): WorkItem {
  // The row's own responsible unit wins; a blank one falls back to the plan's.
  const own = row.responsibleText !== '';
  const reading = own ? row.responsible : (item?.responsible ?? null);
  const text = own ? row.responsibleText : (item?.responsibleText ?? '');
  return {
    source: 'tracking',
    sheet: sheets.tracking,
    row: row.row,
    cell: anchorCell(row.cells, ['code', 'deadline', 'name']),
    code: row.code,
    name: row.name || item?.name || '',
    fiscalYear: row.fiscalYear,
    status: row.status,
    statusText: statusTextOf(row.status, row.cells),
    responsible: responsibleShown(text),
    units: unitGroups(reading, text),
    deadline,
  };
}

export function measureItem(
  measure: OverdueMeasure,
  sheet: string,
  deadline: DeadlineReading = measureDeadline(measure),
): WorkItem {
  return {
    source: 'measure',
    sheet,
    row: measure.row,
    cell: anchorCell(measure.cells, ['measure', 'period', 'fiscalYear']),
    code: measure.no,
    name: measure.measure,
    fiscalYear: measure.fiscalYear,
    status: measure.status,
    statusText: statusTextOf(measure.status, measure.cells),
    responsible: responsibleShown(measure.responsibleText),
    units: unitGroups(measure.responsible, measure.responsibleText),
    deadline,
  };
}

/** A plan item of the year with no tracking row: not reported, its deadline from its period. */
export function unreportedPlanItem(item: OverduePlanItem, fiscalYear: number, sheet: string): WorkItem {
  const periodCell = cellOf(item.cells, 'period');
  let deadline: DeadlineReading;
  if (!item.period) deadline = failAt(periodCell, periodProblem(item.periodText, null));
  else {
    const date = periodDeadlineInFiscalYear(item.period, fiscalYear);
    deadline = date
      ? { ok: true, date, source: 'plan' }
      : failAt(periodCell, `ระยะเวลา (${item.period.readAs}) ไม่อยู่ในปีงบประมาณ ${fiscalYear}`);
  }
  return {
    source: 'plan',
    sheet,
    row: item.row,
    cell: anchorCell(item.cells, ['code', 'name', 'period']),
    code: item.code,
    name: item.name,
    fiscalYear,
    status: null,
    statusText: '',
    responsible: responsibleShown(item.responsibleText),
    units: unitGroups(item.responsible, item.responsibleText),
    deadline,
  };
}

export function sheetsOf(inputs: Pick<Inputs, 'sheetNames'>): {
  tracking: string;
  plan: string;
  measures: string;
} {
  return {
    tracking: inputs.sheetNames.tracking ?? 'ติดตามผล',
    plan: inputs.sheetNames.plan ?? 'แผนปฏิบัติการ',
    measures: inputs.sheetNames.measures ?? 'มาตรการ ITA',
  };
}

/**
 * The tracking rows and annual measures the analysis reports (late, due soon or without a deadline), in
 * sheet order, and how many were closed: no work item is made for a closed or on-time row (most of a
 * large sheet), which is only counted.
 */
function reportedItems(
  inputs: OverdueInputs,
  asOf: IsoDate,
  dueSoonDays: number,
): { items: WorkItem[]; closed: number } {
  const sheets = sheetsOf(inputs);
  const codes = PlanCodeIndex.of(inputs.plan);
  const reported = (deadline: DeadlineReading, status: StatusKind | null) =>
    !deadline.ok || timingOf(deadline.date, status, asOf, dueSoonDays).kind !== 'onTime';
  const items: WorkItem[] = [];
  let closed = 0;
  for (let i = 0; i < inputs.tracking.length; i++) {
    const row = inputs.tracking[i];
    if (isClosed(row.status)) {
      closed++;
      continue;
    }
    const at = codes.find(row.code);
    const item = at >= 0 ? inputs.plan[at] : undefined;
    const deadline = trackingDeadline(row, item, sheets.plan);
    if (reported(deadline, row.status)) items.push(trackingItem(row, item, sheets, deadline));
  }
  for (const measure of inputs.measures) {
    if (isClosed(measure.status)) {
      closed++;
      continue;
    }
    const deadline = measureDeadline(measure);
    if (reported(deadline, measure.status)) items.push(measureItem(measure, sheets.measures, deadline));
  }
  return { items, closed };
}

// ---------------------------------------------------------------------------------------------------------

const SOURCE_ORDER: Record<WorkItem['source'], number> = { plan: 0, tracking: 1, measure: 2 };

function bySheetRow(a: LateEntry, b: LateEntry): number {
  return SOURCE_ORDER[a.item.source] - SOURCE_ORDER[b.item.source] || a.item.row - b.item.row;
}

/** Sorts units by overdue, then due soon, then name; "ไม่ระบุหน่วยงาน" last. */
function sortUnits(counts: UnitCount[]): UnitCount[] {
  return counts.sort(
    (a, b) =>
      Number(a.unit === UNSPECIFIED_UNIT) - Number(b.unit === UNSPECIFIED_UNIT) ||
      b.overdue - a.overdue ||
      b.dueSoon - a.dueSoon ||
      a.unit.localeCompare(b.unit, 'th'),
  );
}

/** Sorts items into overdue, due soon and unreadable as of `asOf`. */
export function assessItems(items: readonly WorkItem[], asOf: IsoDate, dueSoonDays: number): OverdueAnalysis {
  const overdue: OverdueEntry[] = [];
  const dueSoon: DueSoonEntry[] = [];
  const unreadable: UnreadableEntry[] = [];
  const units = new Map<string, UnitCount>();
  const unit = (name: string): UnitCount => {
    let count = units.get(name);
    if (!count) units.set(name, (count = { unit: name, overdue: 0, dueSoon: 0 }));
    return count;
  };
  let closed = 0;
  for (const item of items) {
    // A done or cancelled item can never be late, so its deadline does not matter.
    if (isClosed(item.status)) {
      closed++;
      continue;
    }
    const { deadline } = item;
    if (!deadline.ok) {
      unreadable.push({
        item,
        cell: deadline.cell.col > 0 ? a1(deadline.cell.row, deadline.cell.col) : '',
        col: deadline.cell.col,
        reason: deadline.reason,
      });
      continue;
    }
    const timing = timingOf(deadline.date, item.status, asOf, dueSoonDays);
    if (timing.kind === 'overdue') {
      overdue.push({ item, deadline: deadline.date, daysLate: timing.daysLate });
      item.units.forEach((u) => unit(u).overdue++);
    } else if (timing.kind === 'dueSoon') {
      dueSoon.push({ item, deadline: deadline.date, daysLeft: timing.daysLeft });
      item.units.forEach((u) => unit(u).dueSoon++);
    }
  }
  overdue.sort((a, b) => b.daysLate - a.daysLate || bySheetRow(a, b));
  dueSoon.sort((a, b) => a.daysLeft - b.daysLeft || bySheetRow(a, b));
  return {
    asOf,
    dueSoonDays,
    overdue,
    dueSoon,
    unreadable,
    byUnit: sortUnits([...units.values()]),
    checked: items.length,
    closed,
  };
}

export function dueSoonDaysOf(inputs: Pick<Inputs, 'settings'>): number {
  return inputs.settings.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS;
}

/** The whole check: every tracking row and annual measure as of `asOf`. */
export function findOverdue(inputs: OverdueInputs, asOf: IsoDate): OverdueAnalysis {
  const dueSoonDays = dueSoonDaysOf(inputs);
  const { items, closed } = reportedItems(inputs, asOf, dueSoonDays);
  const analysis = assessItems(items, asOf, dueSoonDays);
  return { ...analysis, checked: inputs.tracking.length + inputs.measures.length, closed };
}

/** One-line Thai counts for toasts and the CLI. */
export function overdueSummaryText(analysis: OverdueAnalysis): string {
  const parts = [
    `เลยกำหนด ${analysis.overdue.length} รายการ`,
    `ใกล้ครบกำหนด (ภายใน ${analysis.dueSoonDays} วัน) ${analysis.dueSoon.length} รายการ`,
  ];
  if (analysis.unreadable.length) parts.push(`อ่านระยะเวลาไม่ได้ ${analysis.unreadable.length} รายการ`);
  return `ณ วันที่ ${formatThaiDate(analysis.asOf)}: ${parts.join(' · ')}`;
}
