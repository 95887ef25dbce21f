/** "ตรวจสอบข้อมูล": report every problem, mark the bad cells, toast the counts. */
import { countBySeverity, type Finding } from '../core/findings';
import { MARK_STYLE, type WantedMark } from '../core/marks';
import { buildValidationReport, summaryText } from '../core/report/validation-report';
import { GENERATED_SHEETS } from '../core/schema';
import { validate } from '../core/validate';
import type { Host } from '../port/workbook';
import { defineCommand } from './command-spec';
import { applyMarks, readWorkbook, withDocumentLock } from './context';

export interface ValidateResult {
  findings: Finding[];
  errors: number;
  warnings: number;
  marked: number;
}

export function findingMarks(findings: readonly Finding[], existing: ReadonlySet<string>): WantedMark[] {
  const byCell = new Map<string, WantedMark>();
  for (const f of findings) {
    if (f.rule === 'missing-sheet' || !existing.has(f.sheet)) continue;
    const style = f.severity === 'error' ? MARK_STYLE.validationError : MARK_STYLE.validationWarning;
    const key = `${f.sheet}|${f.cell}`;
    const previous = byCell.get(key);
    if (previous) {
      // One mark per cell: the strongest colour, every problem in the note.
      previous.mark.text += `\n• ${f.problem}`;
      if (style.priority > previous.mark.priority) Object.assign(previous.mark, style);
      continue;
    }
    byCell.set(key, {
      sheet: f.sheet,
      row: f.row,
      col: f.col,
      mark: { kind: 'validation', ...style, text: `• ${f.problem}` },
    });
  }
  return [...byCell.values()];
}

export function runValidate(host: Host): ValidateResult {
  return withDocumentLock(host, () => {
    const { sheets, inputs } = readWorkbook(host.workbook);
    const findings = validate(inputs);
    const existing = new Set(sheets.map((s) => s.name));
    host.workbook.writeSheet(
      buildValidationReport({
        findings,
        settings: inputs.settings,
        now: host.now(),
        timeZone: host.workbook.timeZone(),
        existingSheets: existing,
      }),
    );
    const { marked } = applyMarks(host.workbook, sheets, ['validation'], findingMarks(findings, existing));
    const { errors, warnings } = countBySeverity(findings);
    host.workbook.activate(GENERATED_SHEETS.validation);
    host.ui.toast(
      `${summaryText(findings)} ดูรายละเอียดในชีต "${GENERATED_SHEETS.validation}"`,
      'ตรวจสอบข้อมูลเสร็จแล้ว',
    );
    return { findings, errors, warnings, marked };
  });
}

export const validateCommand = defineCommand({
  name: 'validate',
  title: 'ตรวจสอบข้อมูล',
  run: (host) => runValidate(host),
  json: (r: ValidateResult) => ({
    errors: r.errors,
    warnings: r.warnings,
    findings: r.findings.map((f) => ({
      sheet: f.sheet,
      cell: f.cell,
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      value: f.value,
      readAs: f.readAs,
    })),
  }),
  failed: (r) => r.errors > 0,
  summary: (r) => `ตรวจสอบข้อมูล: ข้อผิดพลาด ${r.errors} รายการ คำเตือน ${r.warnings} รายการ`,
});
