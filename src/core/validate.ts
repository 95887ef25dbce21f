/**
 * "ตรวจสอบข้อมูล": the reading problems of every input cell plus the rules that look across fields,
 * rows and sheets. Pure: inputs in, findings out.
 */
import { finding, sortFindings, type Finding, type FindingInput } from './findings';
import { budgetCellOf, displayText, type Inputs, type PlanItem, type RowBase } from './inputs';
import { PlanCodeIndex } from './plan-codes';
import { statusLabel } from './readers';
import { INPUT_SHEETS, type StatusKind } from './schema';
import { cellOf, type RawCell } from './table';
import { compareIso, formatThaiDate } from './thai/dates';
import { fiscalYearEnd, fiscalYearStart } from './thai/fiscal';
import { formatBaht } from './thai/numbers';

type Add = (input: Omit<FindingInput, 'sheet' | 'row' | 'col'> & { cell: RawCell }) => void;

function adder(findings: Finding[], sheet: string): Add {
  return ({ cell, ...rest }) =>
    findings.push(
      finding({ ...rest, sheet, row: cell.row, col: cell.col, value: rest.value ?? displayText(cell) }),
    );
}

/** Status and percent must tell the same story; the summary trusts the status. */
export function statusPercentProblem(status: StatusKind | null, percent: number | null): string | null {
  if (percent === null) return null;
  if (status === null)
    return `กรอกร้อยละความก้าวหน้า ${percent} แต่ยังไม่ได้เลือกสถานะ กรุณาเลือกสถานะให้ตรงกับความก้าวหน้า`;
  if (status === 'done' && percent !== 100) {
    return `สถานะ "${statusLabel(status)}" แต่ร้อยละความก้าวหน้าเป็น ${percent} ถ้าแล้วเสร็จให้ใส่ 100 ถ้ายังไม่เสร็จให้เปลี่ยนสถานะ`;
  }
  if (status === 'notStarted' && percent > 0) {
    return `สถานะ "${statusLabel(status)}" แต่ร้อยละความก้าวหน้าเป็น ${percent} ให้เปลี่ยนสถานะเป็น "${statusLabel('inProgress')}" หรือแก้ร้อยละเป็น 0`;
  }
  if (status === 'inProgress' && percent === 100) {
    return `ร้อยละความก้าวหน้าเป็น 100 แต่สถานะยังเป็น "${statusLabel(status)}" ถ้าแล้วเสร็จให้เปลี่ยนสถานะเป็น "${statusLabel('done')}"`;
  }
  return null;
}

function checkStatusPercent(
  add: Add,
  row: RowBase & { status: StatusKind | null; percent: number | null },
): void {
  if (row.unreadable.has('status') || row.unreadable.has('percent')) return;
  const problem = statusPercentProblem(row.status, row.percent);
  if (problem) add({ cell: cellOf(row.cells, 'percent'), rule: 'status-percent', message: problem });
}

function yearsText(years: readonly number[]): string {
  if (!years.length) return '-';
  return years.length === 1 ? String(years[0]) : `${years[0]}–${years[years.length - 1]}`;
}

// ---------------------------------------------------------------------------------------------------------

/**
 * The first tracking row found for each plan code in each fiscal year, by the position of the code's first
 * item (PlanCodeIndex): the first year inline, in typed arrays (most codes are tracked in one year at a
 * time), other years in a map made for the codes that have them.
 */
class TrackedCodes {
  private readonly years: Int32Array;
  private readonly rows: Int32Array;
  private readonly otherYears = new Map<number, Map<number, number>>();

  constructor(items: number) {
    this.years = new Int32Array(items);
    this.rows = new Int32Array(items);
  }

  /** The first row already seen for the code in the year, or undefined (`row` is then the first). */
  firstRow(first: number, year: number, row: number): number | undefined {
    // Sheet rows start at 1: row 0 is "no row seen yet".
    if (this.rows[first] === 0) {
      this.years[first] = year;
      this.rows[first] = row;
      return undefined;
    }
    if (this.years[first] === year) return this.rows[first];
    let ofCode = this.otherYears.get(first);
    if (!ofCode) this.otherYears.set(first, (ofCode = new Map()));
    const known = ofCode.get(year);
    if (known === undefined) ofCode.set(year, row);
    return known;
  }
}

/** Checks the plan's rows, duplicate codes among them (a code's first item is the one rows match). */
function validatePlan(inputs: Inputs, findings: Finding[], codes: PlanCodeIndex): void {
  const sheet = inputs.sheetNames.plan as string;
  const add = adder(findings, sheet);
  const { planYears, plan } = inputs;
  const dimensionCodes = inputs.reference.dimensions.map((d) => d.code);
  for (let i = 0; i < plan.length; i++) {
    const item = plan[i];
    const first = codes.firstOf(i);
    if (first >= 0 && first !== i) checkPlanCode(add, item, plan[first]);
    checkDimension(inputs, add, item, dimensionCodes);
    // The list of years outside the plan is made only for an item that has one.
    if (item.period && planYears.length && !item.period.fiscalYears.every((y) => planYears.includes(y))) {
      const outside = item.period.fiscalYears.filter((y) => !planYears.includes(y));
      add({
        cell: cellOf(item.cells, 'period'),
        rule: 'period-outside-plan',
        message: `ระยะเวลาครอบคลุมปีงบประมาณ ${outside.join(', ')} ซึ่งอยู่นอกปีของแผน (${yearsText(planYears)}) กรุณาตรวจสอบระยะเวลาหรือปีของแผนในชีตตั้งค่า`,
        readAs: item.period.readAs,
      });
    }
    if (item.period) {
      const active = item.period.fiscalYears;
      for (const budget of item.budgets) {
        if (budget.amount?.kind === 'amount' && budget.amount.value > 0 && !active.includes(budget.year)) {
          add({
            cell: budgetCellOf(item, budget.year),
            rule: 'budget-outside-period',
            message: `มีงบประมาณปี ${budget.year} (${formatBaht(budget.amount.value)} บาท) แต่ระยะเวลาดำเนินการคือ ${item.period.readAs} กรุณาตรวจสอบงบประมาณหรือระยะเวลา`,
            readAs: budget.amount.readAs,
          });
        }
      }
    }
  }
}

/** A code's second and later items are duplicates of its first. */
function checkPlanCode(add: Add, item: PlanItem, first: PlanItem): void {
  add({
    cell: cellOf(item.cells, 'code'),
    rule: 'duplicate-code',
    message: `รหัสรายการ "${item.code}" ซ้ำกับแถวที่ ${first.row} รหัสต้องไม่ซ้ำกัน ให้เปลี่ยนรหัสของแถวใดแถวหนึ่ง`,
  });
}

function checkDimension(inputs: Inputs, add: Add, item: PlanItem, dimensionCodes: readonly string[]): void {
  const { dimensions, submissionDimension } = inputs.reference;
  if (!dimensions.length) return; // the empty reference table is reported on its own sheet
  if (item.dimension && !dimensionCodes.includes(item.dimension)) {
    add({
      cell: cellOf(item.cells, 'dimension'),
      rule: 'not-in-list',
      message: `มิติ "${item.dimension}" ไม่อยู่ในชีตอ้างอิง (มีมิติ ${dimensionCodes.join(', ')}) ให้เลือกมิติจากรายการ`,
    });
    return;
  }
  if (!item.submission) return;
  const owner = submissionDimension.get(item.submission);
  if (owner === undefined) {
    add({
      cell: cellOf(item.cells, 'submission'),
      rule: 'not-in-list',
      message: `ภารกิจ "${item.submission}" ไม่อยู่ในชีตอ้างอิง ให้เลือกภารกิจตามมิติจากรายการ เช่น ${[...submissionDimension.keys()].slice(0, 3).join(', ')}`,
    });
  } else if (item.dimension && owner !== item.dimension) {
    const inDimension =
      dimensions.find((d) => d.code === item.dimension)?.submissions.map((s) => s.code) ?? [];
    add({
      cell: cellOf(item.cells, 'submission'),
      rule: 'submission-dimension',
      message: `ภารกิจ ${item.submission} อยู่ในมิติที่ ${owner} ไม่ใช่มิติที่ ${item.dimension} ให้แก้มิติเป็น ${owner} หรือเลือกภารกิจของมิติที่ ${item.dimension} (${inDimension.join(', ')})`,
    });
  }
}

// ---------------------------------------------------------------------------------------------------------

function validateMeasures(inputs: Inputs, findings: Finding[]): void {
  const add = adder(findings, inputs.sheetNames.measures as string);
  for (const measure of inputs.measures) {
    checkStatusPercent(add, measure);
    if (
      measure.period &&
      measure.fiscalYear !== null &&
      !measure.period.fiscalYears.includes(measure.fiscalYear)
    ) {
      add({
        cell: cellOf(measure.cells, 'period'),
        rule: 'period-outside-year',
        message: `ระยะเวลา (${measure.period.readAs}) ไม่อยู่ในปีงบประมาณ ${measure.fiscalYear} ของมาตรการ (${formatThaiDate(fiscalYearStart(measure.fiscalYear), { style: 'short' })} – ${formatThaiDate(fiscalYearEnd(measure.fiscalYear), { style: 'short' })}) กรุณาตรวจสอบ`,
        readAs: measure.period.readAs,
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------------------

function validateTracking(inputs: Inputs, findings: Finding[], codes: PlanCodeIndex): void {
  const add = adder(findings, inputs.sheetNames.tracking as string);
  const tracked = new TrackedCodes(inputs.plan.length);
  // Codes not in the plan, by year, then code: no key string made per row.
  const firstRow = new Map<number, Map<string, number>>();
  for (let i = 0; i < inputs.tracking.length; i++) {
    const row = inputs.tracking[i];
    // One lookup per row finds the code's first plan item, and with it the code's rows so far.
    const first = codes.find(row.code);
    const item = first >= 0 ? inputs.plan[first] : undefined;
    // Without the plan's code column no code matches: that column is reported once instead.
    if (row.code && !item && inputs.plan.length && inputs.layouts.plan?.columns.has('code')) {
      add({
        cell: cellOf(row.cells, 'code'),
        rule: 'unknown-plan-item',
        message: `ไม่พบรหัสรายการ "${row.code}" ในชีตแผนปฏิบัติการ ให้แก้รหัสให้ตรงกับแผน หรือเพิ่มรายการนี้ในแผน`,
      });
    }
    if (row.code && row.fiscalYear !== null) {
      let earlier: number | undefined;
      if (item) earlier = tracked.firstRow(first, row.fiscalYear, row.row);
      else {
        let ofYear = firstRow.get(row.fiscalYear);
        if (!ofYear) firstRow.set(row.fiscalYear, (ofYear = new Map()));
        earlier = ofYear.get(row.code);
        if (earlier === undefined) ofYear.set(row.code, row.row);
      }
      if (earlier !== undefined) {
        add({
          cell: cellOf(row.cells, 'code'),
          rule: 'duplicate-row',
          message: `รายการ "${row.code}" ปีงบประมาณ ${row.fiscalYear} มีแถวติดตามผลแล้วที่แถว ${earlier} ให้รวมเป็นแถวเดียวแล้วลบแถวที่ซ้ำ`,
        });
      }
    }
    if (item?.period && row.fiscalYear !== null && !item.period.fiscalYears.includes(row.fiscalYear)) {
      add({
        cell: cellOf(row.cells, 'fiscalYear'),
        rule: 'item-not-active',
        message: `ตามแผน รายการ "${row.code}" ดำเนินการในปีงบประมาณ ${yearsText(item.period.fiscalYears)} ไม่ใช่ปี ${row.fiscalYear} กรุณาตรวจสอบปีงบประมาณ`,
      });
    }
    checkTrackingDates(add, row);
    checkStatusPercent(add, row);
    const planned = row.plannedBudget?.kind === 'amount' ? row.plannedBudget.value : null;
    if (planned !== null && row.disbursed?.kind === 'amount' && row.disbursed.value > planned) {
      add({
        cell: cellOf(row.cells, 'disbursed'),
        rule: 'over-disbursed',
        message: `เบิกจ่าย ${formatBaht(row.disbursed.value)} บาท มากกว่างบประมาณตามแผน ${formatBaht(planned)} บาท กรุณาตรวจสอบ`,
        readAs: row.disbursed.readAs,
      });
    }
  }
}

function checkTrackingDates(add: Add, row: Inputs['tracking'][number]): void {
  if (row.start && row.deadline && compareIso(row.start, row.deadline) > 0) {
    add({
      cell: cellOf(row.cells, 'start'),
      rule: 'start-after-end',
      message: `วันที่เริ่ม (${formatThaiDate(row.start, { style: 'short' })}) อยู่หลังกำหนดแล้วเสร็จ (${formatThaiDate(row.deadline, { style: 'short' })}) กรุณาแก้วันใดวันหนึ่ง`,
    });
  }
  if (row.deadline && row.fiscalYear !== null) {
    const start = fiscalYearStart(row.fiscalYear);
    const end = fiscalYearEnd(row.fiscalYear);
    if (compareIso(row.deadline, start) < 0 || compareIso(row.deadline, end) > 0) {
      add({
        cell: cellOf(row.cells, 'deadline'),
        rule: 'period-outside-year',
        message: `กำหนดแล้วเสร็จ ${formatThaiDate(row.deadline, { style: 'short' })} ไม่อยู่ในปีงบประมาณ ${row.fiscalYear} (${formatThaiDate(start, { style: 'short' })} – ${formatThaiDate(end, { style: 'short' })}) กรุณาตรวจสอบ`,
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------------------

function validateScores(inputs: Inputs, findings: Finding[]): void {
  const add = adder(findings, inputs.sheetNames.scores as string);
  const firstRow = new Map<number, number>();
  for (const year of inputs.scores) {
    if (year.year === null) continue;
    const first = firstRow.get(year.year);
    if (first !== undefined) {
      add({
        cell: cellOf(year.cells, 'year'),
        rule: 'duplicate-row',
        message: `ปีประเมิน ${year.year} ซ้ำกับแถวที่ ${first} ให้เหลือปีละหนึ่งแถว`,
      });
      continue;
    }
    firstRow.set(year.year, year.row);
    const framework = frameworkYear(inputs, year.year);
    if (framework === null) continue;
    const known = new Set(
      inputs.reference.indicators.filter((i) => i.fromYear === framework).map((i) => i.no),
    );
    for (const [no, cell] of year.scoreCells) {
      if (!known.has(no) && year.scores.has(no)) {
        add({
          cell,
          rule: 'unknown-indicator',
          message: `ปีประเมิน ${year.year} ใช้กรอบตัวชี้วัดปี ${framework} ซึ่งไม่มีตัวชี้วัดที่ ${no} กรุณาตรวจสอบคอลัมน์หรือเพิ่มตัวชี้วัดในชีตอ้างอิง`,
        });
      }
    }
    const grades = bandsFor(inputs, year.year)
      .map((b) => b.grade)
      .filter(Boolean);
    if (year.publishedGrade && grades.length && !grades.includes(year.publishedGrade.trim())) {
      add({
        cell: cellOf(year.cells, 'publishedGrade'),
        rule: 'not-in-list',
        severity: 'warning',
        message: `ผลการประเมิน "${year.publishedGrade}" ไม่อยู่ในเกณฑ์ของปี ${year.year} (${grades.join(', ')}) กรุณาตรวจสอบ`,
      });
    }
  }
}

/** The framework row-set (its "from year") that applies to an assessment year; null if none. */
export function frameworkYear(inputs: Pick<Inputs, 'reference'>, year: number): number | null {
  const years = inputs.reference.indicators.map((i) => i.fromYear).filter((y) => y <= year);
  return years.length ? Math.max(...years) : null;
}

export function bandsFor(inputs: Pick<Inputs, 'reference'>, year: number): Inputs['reference']['bands'] {
  const years = inputs.reference.bands.map((b) => b.fromYear).filter((y) => y <= year);
  if (!years.length) return [];
  const from = Math.max(...years);
  return inputs.reference.bands.filter((b) => b.fromYear === from);
}

// ---------------------------------------------------------------------------------------------------------

export function validate(inputs: Inputs): Finding[] {
  const findings = [...inputs.findings];
  const codes = PlanCodeIndex.of(inputs.plan);
  validatePlan(inputs, findings, codes);
  validateMeasures(inputs, findings);
  validateTracking(inputs, findings, codes);
  validateScores(inputs, findings);
  const order = INPUT_SHEETS.map((s) => inputs.sheetNames[s.key] ?? s.name);
  return sortFindings(dedupe(findings), order);
}

/** One finding per cell and rule (a cell can break two rules, but never the same one twice). */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.sheet}|${f.cell}|${f.rule}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
