/**
 * A small hand-made workbook (fresh template, FY 2566) whose overdue and summary figures are worked out
 * by hand in the comments below, plus helpers to read generated tables back.
 *
 * As of 31 Mar 2566 (2023-03-31), due soon = 30 days:
 *   plan  1-01 dim 1  ต.ค.–ธ.ค. 2565       20,000   row: done 100%, disbursed 18,000
 *   plan  1-02 dim 1  ม.ค. 2566 (→ 31 Jan)  "-"      row: in progress 50%          → 59 days late
 *   plan  2-01 dim 2  ปีงบ 2566–2570       5,000 บาท row: not started, deadline cell 15 Apr 2023 → due soon 15
 *   plan  2-02 dim 2  1 ต.ค. 65–31 มี.ค. 66 10,000   no row (not reported), due on the as-of day
 *   plan  3-01 dim 3  พ.ย. 2565 (→ 30 Nov)  3,000    no row (not reported)       → 121 days late
 *   plan  3-02 dim 3  ปีงบประมาณ 2567       -        not active in 2566
 *   plan  4-01 dim 4  "ปี 2566" (ambiguous)          no row: not counted (period unreadable)
 *   plan  4-02 dim 4  ปีงบประมาณ 2566       2,000    row: cancelled, planned 1,000 on the row
 *   track 9-99 (not in the plan) FY 2566, in progress, no deadline: counted, deadline unreadable
 *   track 1-01 with a blank fiscal year, in progress: not counted in a summary, unreadable for overdue
 *   measure M1 FY 2566 ต.ค.–ธ.ค. (→ 31 Dec 2565), blank status                → 90 days late
 *   measure M2 FY 2566 ๑ ต.ค. ๒๕๖๕–๓๐ ก.ย. ๒๕๖๖, done with percent 40 (disagrees: the status counts)
 *   measure M3 FY 2565 ปีงบประมาณ 2565 (→ 30 Sep 2565), in progress           → 182 days late
 *   measure M4 FY 2566 period blank, in progress: counted, deadline unreadable
 */
import { memoryHost, MemoryWorkbook } from '../../src/adapters/memory/memory-workbook';
import { appendRecords, type NewRow } from '../../src/commands/append';
import { runSetupTemplate } from '../../src/commands/setup-template';
import type { CellValue } from '../../src/core/cells';
import type { OutCell, SheetModel } from '../../src/core/sheet-model';

export const NOW = new Date('2023-04-15T03:00:00Z');
export const AS_OF = '2023-03-31';
export const ORG = 'องค์การบริหารส่วนตำบลทดสอบ';

/** Sets the value of a settings row found by its label. */
export function setSetting(workbook: MemoryWorkbook, label: string, value: CellValue): void {
  const sheet = workbook.requireSheet('ตั้งค่า');
  const row = sheet.cells.find((r) => r[0]?.value === label);
  if (!row) throw new Error(`no setting ${label}`);
  row[1].value = value;
}

function planRow(
  code: string,
  dimension: string,
  type: string,
  name: string,
  responsible: string,
  period: string,
  budgets: Record<number, OutCell>,
): NewRow {
  return {
    values: { code, dimension, submission: `${dimension}.1`, type, name, responsible, period },
    family: new Map(Object.entries(budgets).map(([y, v]) => [Number(y), v] as [number, OutCell])),
  };
}

const date = (iso: string): OutCell => ({ kind: 'date', iso });

export const PLAN_ROWS: NewRow[] = [
  planRow('1-01', '1', 'โครงการ', 'โครงการอบรมคุณธรรม', 'สำนักปลัด', 'ต.ค. - ธ.ค. 2565', { 2566: 20000 }),
  planRow('1-02', '1', 'มาตรการ', 'มาตรการเผยแพร่ประมวลจริยธรรม', 'สำนักปลัด กองคลัง', 'ม.ค. 2566', { 2566: '-' }),
  planRow('2-01', '2', 'กิจกรรม', 'กิจกรรมเปิดเผยข้อมูล', 'กองช่าง', 'ปีงบประมาณ พ.ศ. 2566 – 2570', {
    2566: '5,000 บาท',
    2567: 5000,
  }),
  planRow('2-02', '2', 'โครงการ', 'โครงการศูนย์ข้อมูลข่าวสาร', 'กองคลัง', '1 ต.ค. 2565 - 31 มี.ค. 2566', {
    2566: 10000,
  }),
  planRow('3-01', '3', 'โครงการ', 'โครงการเวทีประชาคม', 'งานกิจการสภา', 'พ.ย. 2565', { 2566: 3000 }),
  planRow('3-02', '3', 'กิจกรรม', 'กิจกรรมเครือข่ายเฝ้าระวัง', 'สำนักปลัด', 'ปีงบประมาณ 2567', { 2567: 9999 }),
  planRow('4-01', '4', 'มาตรการ', 'มาตรการบริหารความเสี่ยง', 'สำนักปลัด', 'ปี 2566', { 2566: 0 }),
  planRow('4-02', '4', 'กิจกรรม', 'กิจกรรมตรวจสอบภายใน', 'หน่วยตรวจสอบภายใน', 'ปีงบประมาณ 2566', { 2566: 2000 }),
];

export const TRACKING_ROWS: NewRow[] = [
  { values: { code: '1-01', fiscalYear: 2566, status: 'ดำเนินการแล้วเสร็จ', percent: 100, disbursed: 18000 } },
  { values: { code: '1-02', fiscalYear: 2566, status: 'อยู่ระหว่างดำเนินการ', percent: 50 } },
  { values: { code: '2-01', fiscalYear: 2566, status: 'ยังไม่ดำเนินการ', deadline: date('2023-04-15') } },
  { values: { code: '4-02', fiscalYear: 2566, status: 'ยกเลิก', plannedBudget: 1000, disbursed: 0 } },
  { values: { code: '9-99', name: 'งานที่ไม่อยู่ในแผน', fiscalYear: 2566, status: 'อยู่ระหว่างดำเนินการ' } },
  { values: { code: '1-01', status: 'อยู่ระหว่างดำเนินการ' } },
];

export const MEASURE_ROWS: NewRow[] = [
  {
    values: {
      fiscalYear: 2566,
      no: 'M1',
      measure: 'มาตรการแก้ไขปัญหาการทุจริต',
      responsible: 'สำนักปลัด',
      period: 'ต.ค. - ธ.ค.',
    },
  },
  {
    values: {
      fiscalYear: 2566,
      no: 'M2',
      measure: 'มาตรการใช้ทรัพย์สินของราชการ',
      method: 'ประกาศมาตรการ; จัดทำคู่มือ',
      responsible: 'กองคลัง',
      period: '๑ ต.ค. ๒๕๖๕ - ๓๐ ก.ย. ๒๕๖๖',
      status: 'ดำเนินการแล้วเสร็จ',
      percent: 40,
      result: 'ประกาศแล้ว',
    },
  },
  {
    values: {
      fiscalYear: 2565,
      no: 'M3',
      measure: 'มาตรการปีก่อน',
      responsible: 'กองช่าง',
      period: 'ปีงบประมาณ 2565',
      status: 'อยู่ระหว่างดำเนินการ',
    },
  },
  {
    values: {
      fiscalYear: 2566,
      no: 'M4',
      measure: 'มาตรการไม่มีระยะเวลา',
      responsible: 'สำนักปลัด',
      status: 'อยู่ระหว่างดำเนินการ',
    },
  },
];

/** The fixture on a memory host whose clock is 15 Apr 2023; as-of date in the settings 31 Mar 2566. */
export function handMadeHost(options: { tracking?: NewRow[]; asOf?: CellValue } = {}) {
  const host = memoryHost(new MemoryWorkbook(), NOW);
  runSetupTemplate(host);
  const { workbook } = host;
  setSetting(workbook, 'ชื่อหน่วยงาน', ORG);
  setSetting(workbook, 'ข้อมูล ณ วันที่', options.asOf === undefined ? '31/3/2566' : options.asOf);
  appendRecords(workbook, 'แผนปฏิบัติการ', 'plan', PLAN_ROWS);
  appendRecords(workbook, 'มาตรการ ITA', 'measures', MEASURE_ROWS);
  appendRecords(workbook, 'ติดตามผล', 'tracking', options.tracking ?? TRACKING_ROWS);
  host.workbook.calls.clear();
  return host;
}

/** Plain text of a generated cell (link text, ISO of a date). */
export function cellText(cell: OutCell | undefined): unknown {
  if (cell && typeof cell === 'object') {
    if (cell.kind === 'link') return cell.text;
    if (cell.kind === 'date') return cell.iso;
    return cell.formula;
  }
  return cell ?? null;
}

/**
 * The table under a subtitle: its header row and data rows (up to the next blank row), as plain values.
 */
export function tableUnder(model: SheetModel, subtitle: string): { header: unknown[]; rows: unknown[][] } {
  const at = model.rows.findIndex((r) => r[0] === subtitle);
  if (at < 0) throw new Error(`no section ${subtitle}`);
  const header = model.rows[at + 1].map(cellText);
  const rows: unknown[][] = [];
  for (let r = at + 2; r < model.rows.length && model.rows[r].length; r++)
    rows.push(model.rows[r].map(cellText));
  return { header, rows };
}

/** Value of the column with this header in a table row. */
export function col(table: { header: unknown[] }, row: unknown[], header: string): unknown {
  const i = table.header.indexOf(header);
  if (i < 0) throw new Error(`no column ${header} in ${table.header.join(' | ')}`);
  return row[i];
}
