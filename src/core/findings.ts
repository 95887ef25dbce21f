/** A problem found in the user's entries, addressed to one cell, worded in Thai. */
import { a1 } from './cells';

export type Severity = 'error' | 'warning';

export type RuleId =
  | 'missing-sheet'
  | 'missing-column'
  | 'duplicate-column'
  | 'missing-setting'
  | 'required'
  | 'unreadable'
  | 'not-in-list'
  | 'out-of-range'
  | 'placeholder'
  | 'duplicate-code'
  | 'duplicate-row'
  | 'submission-dimension'
  | 'status-percent'
  | 'start-after-end'
  | 'period-outside-plan'
  | 'period-outside-year'
  | 'budget-outside-period'
  | 'unknown-plan-item'
  | 'item-not-active'
  | 'unknown-indicator'
  | 'unknown-unit'
  | 'over-disbursed'
  | 'settings-years'
  | 'framework';

export interface RuleInfo {
  title: string;
  severity: Severity;
}

/** Thai titles shown in the report's "by rule" summary; severity is each rule's default. */
export const RULES: Record<RuleId, RuleInfo> = {
  'missing-sheet': { title: 'ไม่พบชีตที่จำเป็น', severity: 'error' },
  'missing-column': { title: 'ไม่พบคอลัมน์ที่จำเป็น', severity: 'error' },
  'duplicate-column': { title: 'หัวคอลัมน์ซ้ำ', severity: 'warning' },
  'missing-setting': { title: 'ไม่พบรายการตั้งค่า', severity: 'error' },
  required: { title: 'ยังไม่ได้กรอกข้อมูลที่จำเป็น', severity: 'error' },
  unreadable: { title: 'อ่านค่าไม่ได้', severity: 'error' },
  'not-in-list': { title: 'ค่าไม่อยู่ในรายการที่กำหนด', severity: 'error' },
  'out-of-range': { title: 'ค่าอยู่นอกช่วงที่ยอมรับ', severity: 'error' },
  placeholder: { title: 'ยังเป็นข้อความตัวอย่างของแบบฟอร์ม', severity: 'error' },
  'duplicate-code': { title: 'รหัสรายการซ้ำ', severity: 'error' },
  'duplicate-row': { title: 'แถวซ้ำ', severity: 'error' },
  'submission-dimension': { title: 'ภารกิจไม่อยู่ในมิติที่ระบุ', severity: 'error' },
  'status-percent': { title: 'สถานะกับร้อยละความก้าวหน้าไม่สอดคล้องกัน', severity: 'warning' },
  'start-after-end': { title: 'วันที่เริ่มอยู่หลังวันที่สิ้นสุด', severity: 'error' },
  'period-outside-plan': { title: 'ระยะเวลาอยู่นอกปีของแผน', severity: 'warning' },
  'period-outside-year': { title: 'ระยะเวลาไม่อยู่ในปีงบประมาณ', severity: 'warning' },
  'budget-outside-period': { title: 'มีงบประมาณในปีที่อยู่นอกระยะเวลาดำเนินการ', severity: 'warning' },
  'unknown-plan-item': { title: 'ไม่พบรายการนี้ในแผนปฏิบัติการ', severity: 'error' },
  'item-not-active': { title: 'รายการไม่ได้ดำเนินการในปีงบประมาณนี้ตามแผน', severity: 'warning' },
  'unknown-indicator': { title: 'ไม่พบตัวชี้วัดในชีตอ้างอิง', severity: 'error' },
  'unknown-unit': { title: 'ไม่พบหน่วยงานในชีตอ้างอิง', severity: 'warning' },
  'over-disbursed': { title: 'เบิกจ่ายเกินงบประมาณตามแผน', severity: 'warning' },
  'settings-years': { title: 'ปีของแผนในชีตตั้งค่าไม่ถูกต้อง', severity: 'error' },
  framework: { title: 'กรอบการประเมิน ITA ในชีตอ้างอิงไม่สมบูรณ์', severity: 'error' },
};

export interface Finding {
  severity: Severity;
  sheet: string;
  /** 1-based. */
  row: number;
  col: number;
  /** A1 address of the cell ("D7"). */
  cell: string;
  rule: RuleId;
  /** What is wrong and what to do, in Thai, without the address (shown next to it in reports). */
  problem: string;
  /** The same, prefixed with the sheet and cell: for toasts, notes, JSON and the CLI. */
  message: string;
  /** The cell as the user sees it. */
  value: string;
  /** What the add-in read it as ('' when nothing could be read). */
  readAs: string;
}

export interface FindingInput {
  sheet: string;
  row: number;
  col: number;
  rule: RuleId;
  message: string;
  value?: string;
  readAs?: string;
  severity?: Severity;
}

export function finding(input: FindingInput): Finding {
  const row = Math.max(1, input.row);
  const col = Math.max(1, input.col);
  const cell = a1(row, col);
  return {
    severity: input.severity ?? RULES[input.rule].severity,
    sheet: input.sheet,
    row,
    col,
    cell,
    rule: input.rule,
    problem: input.message,
    message: `ชีต "${input.sheet}" เซลล์ ${cell}: ${input.message}`,
    value: input.value ?? '',
    readAs: input.readAs ?? '',
  };
}

export function countBySeverity(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const f of findings) if (f.severity === 'error') errors++;
  return { errors, warnings: findings.length - errors };
}

/** Stable order: by sheet (workbook order given), then row, then column. */
export function sortFindings(findings: readonly Finding[], sheetOrder: readonly string[]): Finding[] {
  // Each sheet's rank looked up once, not twice per comparison (100,000s of findings at bench/ sizes).
  const ranks = new Map<string, number>();
  const rank = (sheet: string): number => {
    let known = ranks.get(sheet);
    if (known === undefined) {
      const i = sheetOrder.indexOf(sheet);
      ranks.set(sheet, (known = i < 0 ? sheetOrder.length : i));
    }
    return known;
  };
  const ranked = findings.map((finding) => ({ finding, rank: rank(finding.sheet) }));
  ranked.sort(
    (a, b) =>
      a.rank - b.rank ||
      a.finding.row - b.finding.row ||
      a.finding.col - b.finding.col ||
      a.finding.rule.localeCompare(b.finding.rule),
  );
  return ranked.map((r) => r.finding);
}
