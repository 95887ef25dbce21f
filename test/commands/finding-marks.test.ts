import { findingMarks } from '../../src/commands/validate';
import { finding, type Finding } from '../../src/core/findings';
import type { RuleId } from '../../src/core/findings';

const at = (
  sheet: string,
  row: number,
  col: number,
  rule: RuleId,
  message: string,
  warning = false,
): Finding => finding({ sheet, row, col, rule, message, severity: warning ? 'warning' : undefined });

describe('findingMarks', () => {
  const existing = new Set(['แผน', 'ติดตามผล']);

  test('one mark per cell, in sorted or any order: the strongest colour and every problem', () => {
    const findings = [
      at('แผน', 5, 2, 'unknown-unit', 'ไม่พบหน่วยงาน', true),
      at('ติดตามผล', 5, 2, 'required', 'ยังไม่ได้กรอก'),
      at('แผน', 3, 1, 'required', 'ยังไม่ได้กรอกรหัส'),
      at('แผน', 5, 2, 'not-in-list', 'ไม่อยู่ในรายการ'),
    ];
    const marks = findingMarks(findings, existing);
    expect(marks.map((m) => [m.sheet, m.row, m.col, m.mark.color, m.mark.text])).toEqual([
      ['แผน', 5, 2, '#f4cccc', '• ไม่พบหน่วยงาน\n• ไม่อยู่ในรายการ'],
      ['ติดตามผล', 5, 2, '#f4cccc', '• ยังไม่ได้กรอก'],
      ['แผน', 3, 1, '#f4cccc', '• ยังไม่ได้กรอกรหัส'],
    ]);
    expect(marks[0].mark.priority).toBe(40);
  });

  test('warnings alone mark in the warning colour; missing sheets and sheets not there are not marked', () => {
    const findings = [
      at('แผน', 2, 2, 'unknown-unit', 'ก', true),
      at('แผน', 2, 2, 'unknown-unit', 'ข', true),
      at('แผน', 1, 1, 'missing-sheet', 'ไม่พบชีต'),
      at('ลบแล้ว', 2, 2, 'required', 'ค'),
    ];
    const marks = findingMarks(findings, existing);
    expect(marks).toEqual([
      {
        sheet: 'แผน',
        row: 2,
        col: 2,
        mark: { kind: 'validation', color: '#fce8b2', priority: 10, text: '• ก\n• ข' },
      },
    ]);
  });
});
