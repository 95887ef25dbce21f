/**
 * "สร้างแถวติดตามผลปีงบประมาณ…": which tracking rows a fiscal year still lacks, pre-filled from the plan.
 * Pure: typed inputs in, the rows to append (values by column key) and the items that could not be
 * planned out. Existing rows are never planned again, so a second run adds nothing.
 *
 * Each new row: code, name, fiscal year, responsible unit as the plan wrote it (left blank when the plan
 * still holds a form placeholder: that is not a unit), the planned budget of that year (a number when the
 * plan gives an amount; "-", "ไม่ใช้งบประมาณ" or 0 copied as the plan wrote it, since they all mean no budget;
 * blank when the plan cell is blank or unreadable), start = the first day the item's period covers within
 * the year, deadline = the last day it covers within the year (else 30 September). Status is left blank.
 */
import { a1 } from './cells';
import { budgetCellOf, type ColumnsRead, type InputsReadWith, type OkPeriod, type PlanItem } from './inputs';
import { isPlaceholder } from './readers';
import type { OutCell } from './sheet-model';
import { cellOf } from './table';
import { compareIso, type IsoDate } from './thai/dates';
import { fiscalYearEnd, fiscalYearStart } from './thai/fiscal';
import { toArabicDigits, normalizeSpaces } from './thai/digits';
import { periodDeadlineInFiscalYear } from './thai/period';
import { periodProblem } from './overdue';

export interface PlannedTrackingRow {
  code: string;
  name: string;
  fiscalYear: number;
  /** Responsible text as written in the plan ('' when left blank). */
  responsible: string;
  /** The value written in the planned-budget cell (number, the plan's own "-"/0 text, or null). */
  plannedBudget: number | string | null;
  start: IsoDate;
  deadline: IsoDate;
  /** The plan row it comes from. */
  planRow: number;
  /** Cell values by tracking column key, ready to append. */
  values: Record<string, OutCell>;
}

/** A plan item that could not get a row, with the cell to fix. */
export interface SkippedItem {
  sheet: string;
  row: number;
  /** A1 address on `sheet` ('' when the column is missing). */
  cell: string;
  code: string;
  name: string;
  reason: string;
}

export interface TrackingRowsPlan {
  fiscalYear: number;
  rows: PlannedTrackingRow[];
  /** Codes active in the year that already have a tracking row for it. */
  existing: string[];
  skipped: SkippedItem[];
  /** Plan items whose period does not reach the year. */
  inactive: number;
  /** Codes whose responsible cell in the plan is a form placeholder (left blank in the new row). */
  blankResponsible: string[];
  /** Codes whose budget cell for the year could not be read (left blank in the new row). */
  unreadableBudget: string[];
}

/** The first day any window of the period covers within fiscal year fy, or null. */
export function periodStartInFiscalYear(period: OkPeriod, fy: number): IsoDate | null {
  const fyStart = fiscalYearStart(fy);
  const fyEnd = fiscalYearEnd(fy);
  let first: IsoDate | null = null;
  for (const w of period.windows) {
    if (compareIso(w.start, fyEnd) > 0 || compareIso(w.end, fyStart) < 0) continue;
    const start = compareIso(w.start, fyStart) > 0 ? w.start : fyStart;
    if (first === null || compareIso(start, first) < 0) first = start;
  }
  return first;
}

export type YearAnswer = { ok: true; year: number } | { ok: false; error: string };

/** A fiscal year typed into a prompt: "2566", "๒๕๖๖", "ปีงบประมาณ พ.ศ. 2566". */
export function parseFiscalYearAnswer(answer: string): YearAnswer {
  const text = normalizeSpaces(toArabicDigits(answer))
    .replace(/ปีงบประมาณ|ปีงบ|พ\.\s*ศ\.?|ปี/g, ' ')
    .trim();
  const example = 'กรุณาพิมพ์ปีงบประมาณเป็นปี พ.ศ. 4 หลัก เช่น 2566';
  if (!/^\d{4}$/.test(text)) return { ok: false, error: `"${answer.trim()}" ไม่ใช่ปีงบประมาณ ${example}` };
  const year = Number(text);
  if (year >= 1900 && year <= 2200) {
    return { ok: false, error: `${year} เป็นปี ค.ศ. ${example} (ค.ศ. ${year} = พ.ศ. ${year + 543})` };
  }
  if (year < 2400 || year > 2800) return { ok: false, error: `ปี ${year} ไม่น่าจะถูกต้อง ${example}` };
  return { ok: true, year };
}

function address(cell: { row: number; col: number }): string {
  return cell.col > 0 ? a1(cell.row, cell.col) : '';
}

function budgetValue(item: PlanItem, fy: number): { value: number | string | null; unreadable: boolean } {
  const budget = item.budgets.find((b) => b.year === fy);
  if (!budget) return { value: null, unreadable: false };
  if (!budget.amount) return { value: null, unreadable: true };
  if (budget.amount.kind === 'amount') return { value: budget.amount.value, unreadable: false };
  if (budget.amount.kind === 'none' && budget.amount.why !== 'blank') {
    // "-", 0 and "ไม่ใช้งบประมาณ" all mean no budget; keep the plan's own way of saying it.
    const raw = budgetCellOf(item, fy).value;
    return { value: typeof raw === 'number' || typeof raw === 'string' ? raw : null, unreadable: false };
  }
  return { value: null, unreadable: false };
}

/**
 * The tracking columns this needs: which rows exist already. The rest of a large tracking sheet is not
 * read (a third of the command's time at 100,000 rows, bench/).
 */
export const TRACKING_ROWS_READING = {
  trackingColumns: ['code', 'fiscalYear'],
} as const satisfies ColumnsRead;

export type TrackingRowsInputs = InputsReadWith<typeof TRACKING_ROWS_READING>;

export function planTrackingRows(inputs: TrackingRowsInputs, fiscalYear: number): TrackingRowsPlan {
  const planSheet = inputs.sheetNames.plan ?? 'แผนปฏิบัติการ';
  const trackingSheet = inputs.sheetNames.tracking ?? 'ติดตามผล';
  const codeRows = new Map<string, number[]>();
  for (const item of inputs.plan) {
    if (item.code) codeRows.set(item.code, [...(codeRows.get(item.code) ?? []), item.row]);
  }
  const tracked = new Set<string>();
  // A row of this item whose year cannot be read may be this year's: adding another could duplicate it.
  const yearless = new Map<string, number>();
  for (const row of inputs.tracking) {
    if (!row.code) continue;
    if (row.fiscalYear === fiscalYear) tracked.add(row.code);
    else if (row.fiscalYear === null && !yearless.has(row.code)) yearless.set(row.code, row.row);
  }

  const plan: TrackingRowsPlan = {
    fiscalYear,
    rows: [],
    existing: [],
    skipped: [],
    inactive: 0,
    blankResponsible: [],
    unreadableBudget: [],
  };
  for (const item of inputs.plan) {
    const reasons: { cell: string; text: string }[] = [];
    if (!item.period) {
      reasons.push({
        cell: address(cellOf(item.cells, 'period')),
        text: `${periodProblem(item.periodText, null)} จึงไม่ทราบว่าดำเนินการในปีงบประมาณ ${fiscalYear} หรือไม่ ให้แก้ระยะเวลาในแผน`,
      });
    } else if (!periodDeadlineInFiscalYear(item.period, fiscalYear)) {
      plan.inactive++;
      continue;
    }
    const codeCell = address(cellOf(item.cells, 'code'));
    const sameCode = item.code ? (codeRows.get(item.code) ?? []) : [];
    if (!item.code) {
      reasons.push({ cell: codeCell, text: 'ยังไม่ได้กรอกรหัสรายการ ให้กรอกรหัสที่ไม่ซ้ำกัน เช่น 1-01' });
    } else if (sameCode.length > 1) {
      const others = sameCode.filter((r) => r !== item.row).join(', ');
      reasons.push({
        cell: codeCell,
        text: `รหัสรายการ "${item.code}" ซ้ำกับแถว ${others} จึงไม่รู้ว่าแถวติดตามผลเป็นของรายการใด ให้เปลี่ยนรหัสให้ไม่ซ้ำกัน`,
      });
    } else if (!tracked.has(item.code) && yearless.has(item.code)) {
      reasons.push({
        cell: codeCell,
        text: `มีแถวติดตามผลของรายการนี้ที่แถว ${yearless.get(item.code)} ในชีต "${trackingSheet}" แต่อ่านปีงบประมาณไม่ได้ จึงไม่สร้างแถวซ้ำ ให้กรอกปีงบประมาณของแถวนั้น`,
      });
    }
    if (reasons.length) {
      plan.skipped.push({
        sheet: planSheet,
        row: item.row,
        cell: reasons[0].cell,
        code: item.code,
        name: item.name,
        reason: reasons.map((r) => r.text).join('; '),
      });
      continue;
    }
    if (tracked.has(item.code)) {
      plan.existing.push(item.code);
      continue;
    }
    plan.rows.push(newRow(item, item.period as OkPeriod, fiscalYear, plan));
  }
  return plan;
}

function newRow(item: PlanItem, period: OkPeriod, fy: number, plan: TrackingRowsPlan): PlannedTrackingRow {
  const start = periodStartInFiscalYear(period, fy) ?? fiscalYearStart(fy);
  const deadline = periodDeadlineInFiscalYear(period, fy) ?? fiscalYearEnd(fy);
  const placeholder = item.responsibleText !== '' && isPlaceholder(item.responsibleText);
  if (placeholder) plan.blankResponsible.push(item.code);
  const responsible = placeholder ? '' : item.responsibleText;
  const budget = budgetValue(item, fy);
  if (budget.unreadable) plan.unreadableBudget.push(item.code);
  return {
    code: item.code,
    name: item.name,
    fiscalYear: fy,
    responsible,
    plannedBudget: budget.value,
    start,
    deadline,
    planRow: item.row,
    values: {
      code: item.code,
      name: item.name,
      fiscalYear: fy,
      responsible: responsible || null,
      plannedBudget: budget.value,
      start: { kind: 'date', iso: start },
      deadline: { kind: 'date', iso: deadline },
    },
  };
}
