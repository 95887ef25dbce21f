/** The "ผลการตรวจสอบ" sheet: counts by rule, then every finding grouped by rule with a link to its cell. */
import { countBySeverity, RULES, type Finding, type RuleId } from '../findings';
import { GENERATED_SHEETS } from '../schema';
import type { OutCell, SheetModel } from '../sheet-model';
import { COLORS, SheetBuilder } from './builder';
import { formatThaiDateTime, organisationLine, SEVERITY_LABEL, type OrganisationSettings } from './format';
import { addProvenance, type DataStamp } from './provenance';

export interface ValidationReportInput {
  findings: readonly Finding[];
  settings: OrganisationSettings;
  now: Date;
  timeZone: string;
  /** Sheets that exist, so links are only made to cells that can be reached. */
  existingSheets: ReadonlySet<string>;
  /** The data's fingerprint for the heading (the command's snapshots). */
  stamp?: DataStamp;
}

export interface RuleCount {
  rule: RuleId;
  title: string;
  severity: Finding['severity'];
  count: number;
}

/** Rules in order of first appearance, errors before warnings. */
export function countByRule(findings: readonly Finding[]): RuleCount[] {
  const counts = new Map<string, RuleCount>();
  for (const f of findings) {
    const key = `${f.rule}|${f.severity}`;
    const entry = counts.get(key) ?? {
      rule: f.rule,
      title: RULES[f.rule].title,
      severity: f.severity,
      count: 0,
    };
    entry.count++;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
  );
}

export function summaryText(findings: readonly Finding[]): string {
  const { errors, warnings } = countBySeverity(findings);
  if (!errors && !warnings) return 'ไม่พบปัญหาในข้อมูล';
  return `พบข้อผิดพลาด ${errors} รายการ และคำเตือน ${warnings} รายการ`;
}

const COLUMNS = [
  { header: 'ลำดับ', width: 50, align: 'center' as const },
  { header: 'ระดับ', width: 85, align: 'center' as const },
  { header: 'ชีต', width: 120 },
  { header: 'เซลล์', width: 60, align: 'center' as const },
  { header: 'สิ่งที่พบและวิธีแก้ไข', width: 460, wrap: true },
  { header: 'ค่าที่กรอก', width: 220, wrap: true },
  { header: 'อ่านได้เป็น', width: 170, wrap: true },
];

export function buildValidationReport(input: ValidationReportInput): SheetModel {
  const { findings } = input;
  const builder = new SheetBuilder(GENERATED_SHEETS.validation, COLUMNS.length)
    .title('ผลการตรวจสอบข้อมูล')
    .line(organisationLine(input.settings));
  addProvenance(builder, {
    prefix: `ตรวจเมื่อ ${formatThaiDateTime(input.now, input.timeZone)}`,
    suffix: '(ชีตนี้สร้างใหม่ทุกครั้งที่ตรวจสอบ อย่าแก้ไขในชีตนี้)',
    stamp: input.stamp,
  })
    .line(summaryText(findings), {
      bold: true,
      background: countBySeverity(findings).errors
        ? COLORS.error
        : findings.length
          ? COLORS.warning
          : COLORS.ok,
    })
    .blank();

  const byRule = countByRule(findings);
  builder.subtitle('สรุปตามกฎการตรวจสอบ');
  builder.table({
    // Counts first: the wide text column of the findings table below is the 5th.
    columns: [
      { header: 'จำนวน', align: 'center' },
      { header: 'ระดับ', align: 'center' },
      { header: 'กฎการตรวจสอบ', span: 3 },
    ],
    rows: byRule.map((r) => [r.count, SEVERITY_LABEL[r.severity], r.title]),
    emptyText: 'ไม่พบปัญหา',
  });
  builder.blank().subtitle('รายการที่พบ (คลิกที่อยู่เซลล์เพื่อไปยังเซลล์นั้น)');

  const rows: OutCell[][] = [];
  const groupRows: number[] = [];
  const backgrounds = new Map<number, string>();
  let number = 0;
  for (const group of byRule) {
    groupRows.push(rows.length);
    rows.push([`${group.title} (${SEVERITY_LABEL[group.severity]} ${group.count} รายการ)`]);
    for (const f of findings.filter((x) => x.rule === group.rule && x.severity === group.severity)) {
      number++;
      const link: OutCell = input.existingSheets.has(f.sheet)
        ? { kind: 'link', text: f.cell, sheet: f.sheet, row: f.row, col: f.col }
        : f.cell;
      backgrounds.set(rows.length, f.severity === 'error' ? COLORS.error : COLORS.warning);
      rows.push([number, SEVERITY_LABEL[f.severity], f.sheet, link, f.problem, f.value, f.readAs]);
    }
  }
  builder.table({
    columns: COLUMNS,
    rows,
    groupRows,
    rowBackgrounds: backgrounds,
    emptyText: 'ไม่พบปัญหาในข้อมูล',
    handOver: true,
  });
  return builder.build();
}
