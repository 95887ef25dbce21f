/** "ตรวจสอบข้อมูล": report every problem, mark the bad cells, toast the counts. */
import { countBySeverity, type Finding } from '../core/findings';
import { cellKeys, MARK_STYLE, type WantedMark } from '../core/marks';
import { buildValidationReport, summaryText } from '../core/report/validation-report';
import { GENERATED_SHEETS } from '../core/schema';
import { validate } from '../core/validate';
import type { Host } from '../port/workbook';
import { defineCommand } from './command-spec';
import { applyMarks, readWorkbook, reportFrame, withDocumentLock, writeGenerated } from './context';

export interface ValidateResult {
  findings: Finding[];
  errors: number;
  warnings: number;
  marked: number;
  /** Said when a renamed report was left alone ('' otherwise). */
  notice: string;
}

export function findingMarks(findings: readonly Finding[], existing: ReadonlySet<string>): WantedMark[] {
  const marks: WantedMark[] = [];
  // Marks by cell number (cellKeys, as planMarks keys them: no key string per finding); findings come
  // sorted, so a cell's findings follow one another and the last mark is tried first.
  const byCell = new Map<number, WantedMark>();
  const keyOf = cellKeys();
  let last: WantedMark | undefined;
  for (const f of findings) {
    if (f.rule === 'missing-sheet' || !existing.has(f.sheet)) continue;
    const style = f.severity === 'error' ? MARK_STYLE.validationError : MARK_STYLE.validationWarning;
    const key = keyOf(f.sheet, f.row, f.col);
    const previous =
      last && last.row === f.row && last.col === f.col && last.sheet === f.sheet ? last : byCell.get(key);
    if (previous) {
      // One mark per cell: the strongest colour, every problem in the note.
      previous.mark.text += `\n• ${f.problem}`;
      if (style.priority > previous.mark.priority) Object.assign(previous.mark, style);
      last = previous;
      continue;
    }
    last = {
      sheet: f.sheet,
      row: f.row,
      col: f.col,
      mark: { kind: 'validation', color: style.color, priority: style.priority, text: `• ${f.problem}` },
    };
    byCell.set(key, last);
    marks.push(last);
  }
  return marks;
}

/** The check itself, for a caller that already holds the document lock ("เตรียมส่งผู้บังคับบัญชา"). */
export function validateLocked(host: Host): ValidateResult {
  const read = readWorkbook(host.workbook, undefined, { fingerprints: true });
  const { sheets, inputs } = read;
  const findings = validate(inputs);
  const { prints, frame } = reportFrame(host, read);
  const existing = frame.existingSheets;
  const { notice } = writeGenerated(
    host,
    read,
    buildValidationReport({
      findings,
      ...frame,
    }),
    { key: 'validation', inputs: prints },
  );
  const { marked } = applyMarks(host.workbook, sheets, ['validation'], findingMarks(findings, existing));
  const { errors, warnings } = countBySeverity(findings);
  return { findings, errors, warnings, marked, notice };
}

export function validateToast(r: ValidateResult): string {
  const where = `${summaryText(r.findings)} ดูรายละเอียดในชีต "${GENERATED_SHEETS.validation}"`;
  return r.notice ? `${where} · ${r.notice}` : where;
}

export function runValidate(host: Host): ValidateResult {
  return withDocumentLock(host, () => {
    const result = validateLocked(host);
    host.workbook.activate(GENERATED_SHEETS.validation);
    host.ui.toast(validateToast(result), 'ตรวจสอบข้อมูลเสร็จแล้ว');
    return result;
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
