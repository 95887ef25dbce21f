/**
 * panelData: the sidebar's model. Its headline numbers must be the ones the menu commands compute (the
 * sidebar must never disagree with the sheets), so they are compared with those computations, and with
 * the sample's known figures where they are known.
 */
import { readWorkbook } from '../../src/commands/context';
import { computeBudget } from '../../src/core/budget';
import { countBySeverity, finding, RULES } from '../../src/core/findings';
import type { Inputs } from '../../src/core/inputs';
import { summarizeIta } from '../../src/core/ita';
import { findOverdue } from '../../src/core/overdue';
import { MAX_FINDINGS_PER_GROUP, NO_ITA_SCORE, panelData, type PanelData } from '../../src/core/panel';
import { countByRule } from '../../src/core/report/validation-report';
import { validate } from '../../src/core/validate';
import { columnOf, dataRowOf, sampleWorkbook, setCell } from '../helpers/workbooks';
import { a1 } from '../../src/core/cells';
import type { MemoryWorkbook } from '../../src/adapters/memory/memory-workbook';

const XSS = '<img src=x onerror=alert(1)>';

function inputsOf(workbook: MemoryWorkbook = sampleWorkbook()): Inputs {
  return readWorkbook(workbook).inputs;
}

/** Every headline figure recomputed with the functions the menu commands use. */
function expectHeadlineFromCommands(data: PanelData, inputs: Inputs, asOf: string): void {
  const overdue = findOverdue(inputs, asOf);
  const budget = computeBudget(inputs);
  const { gap } = summarizeIta(inputs);
  expect(data.headline).toMatchObject({
    ...countBySeverity(validate(inputs)),
    overdue: overdue.overdue.length,
    dueSoon: overdue.dueSoon.length,
    dueSoonDays: overdue.dueSoonDays,
    deadlineUnreadable: overdue.unreadable.length,
    budget: {
      total: budget.grandTotal.total,
      incomplete: budget.grandTotal.incomplete,
      unreadableCells: budget.unreadable.length,
      fiscalYears: budget.fiscalYears,
      problem: null,
    },
    ita: { year: gap.latestYear, total: gap.total, grade: gap.grade },
  });
}

describe('panelData on the sample workbook', () => {
  const inputs = inputsOf();
  const asOf = inputs.settings.asOf as string;
  const data = panelData(inputs, asOf);

  test('groups the two placeholder findings under one rule, with their cells, in sheet order', () => {
    const workbook = sampleWorkbook();
    const responsible = columnOf(workbook, 'plan', 'responsible');
    const cells = [6, 26].map((n) => a1(dataRowOf(workbook, 'plan', n), responsible));
    expect(data.groups).toHaveLength(1);
    const [group] = data.groups;
    expect(group).toMatchObject({
      rule: 'placeholder',
      title: RULES.placeholder.title,
      severity: 'error',
      count: 2,
      hidden: 0,
    });
    expect(group.findings.map((f) => [f.sheet, f.cell])).toEqual(cells.map((c) => ['แผนปฏิบัติการ', c]));
    const [first] = group.findings;
    expect(first).toEqual({
      sheet: 'แผนปฏิบัติการ',
      cell: cells[0],
      row: dataRowOf(workbook, 'plan', 6),
      col: responsible,
      severity: 'error',
      problem: expect.stringMatching(/^ยังเป็นข้อความตัวอย่างของแบบฟอร์ม/),
      value: 'ระบุนายงานที่รับผิดชอบดำเนินการ',
      selectable: true,
    });
    // The problem is the finding's text without the address (the sidebar shows the address itself).
    expect(first.problem).not.toContain(cells[0]);
  });

  test('headline numbers are what validation, budget, overdue and the ITA summary compute', () => {
    expectHeadlineFromCommands(data, inputs, asOf);
  });

  test('the sample known figures: 2 errors, 386,000 baht over 2566–2570, ITA 2565 86.70 A', () => {
    expect(data.asOf).toBe('2023-03-31');
    expect(data.asOfText).toBe('31 มี.ค. 2566');
    expect(data.organisation).toBe(inputs.settings.orgName);
    expect(data.headline).toMatchObject({ errors: 2, warnings: 0, overdue: 0, dueSoon: 0, dueSoonDays: 30 });
    expect(data.headline.budget).toEqual({
      total: 386000,
      totalText: '386,000',
      fiscalYears: [2566, 2567, 2568, 2569, 2570],
      yearsText: 'พ.ศ. 2566–2570',
      incomplete: false,
      unreadableCells: 0,
      problem: null,
    });
    expect(data.headline.ita).toEqual({ year: 2565, total: 86.7, totalText: '86.70', grade: 'A' });
    expect(data.validationSheet).toBe('ผลการตรวจสอบ');
  });

  test('is plain JSON: no Date, no undefined, nothing lost through google.script.run', () => {
    expect(JSON.parse(JSON.stringify(data))).toStrictEqual(data);
  });

  test('counts late and due-soon work as of the date given, as "ตรวจหามาตรการที่เลยกำหนด" does', () => {
    // The 2566 work of the sample ends on 30 Sep 2566: due soon on 20 Sep, late on 15 Oct.
    const dueSoon = panelData(inputs, '2023-09-20');
    expectHeadlineFromCommands(dueSoon, inputs, '2023-09-20');
    expect(dueSoon.headline.overdue).toBe(0);
    expect(dueSoon.headline.dueSoon).toBeGreaterThan(0);
    const late = panelData(inputs, '2023-10-15');
    expectHeadlineFromCommands(late, inputs, '2023-10-15');
    expect(late.headline.overdue).toBe(dueSoon.headline.dueSoon);
    expect(late.headline.dueSoon).toBe(0);
    expect(late.asOfText).toBe('15 ต.ค. 2566');
  });

  test('is deterministic and leaves the inputs as they were', () => {
    const again = panelData(inputs, asOf);
    expect(again).toEqual(data);
    expect(validate(inputs)).toHaveLength(2);
  });
});

describe('panelData on a workbook with problems', () => {
  test('errors before warnings, counts per rule as the validation report, user text kept as typed', () => {
    const workbook = sampleWorkbook();
    const unreadable = setCell(workbook, 'plan', 1, 2567, '10,000 -');
    const typed = setCell(workbook, 'plan', 3, 'responsible', XSS);
    setCell(workbook, 'measures', 1, 'status', 'ดำเนินการแล้วเสร็จ');
    const percent = setCell(workbook, 'measures', 1, 'percent', 50);
    const inputs = inputsOf(workbook);
    const data = panelData(inputs, '2023-03-31');
    const findings = validate(inputs);

    expect(data.groups.map((g) => [g.rule, g.severity, g.count])).toEqual(
      countByRule(findings).map((c) => [c.rule, c.severity, c.count]),
    );
    const severities = data.groups.map((g) => g.severity);
    expect(severities.indexOf('warning')).toBeGreaterThan(severities.lastIndexOf('error'));
    const total = data.groups.reduce((n, g) => n + g.count, 0);
    expect(total).toBe(data.headline.errors + data.headline.warnings);
    expect(total).toBe(findings.length);

    const where = (rule: string) =>
      data.groups.find((g) => g.rule === rule)?.findings.map((f) => `${f.sheet}!${f.cell}`);
    expect(where('unreadable')).toContain(`แผนปฏิบัติการ!${unreadable}`);
    expect(where('status-percent')).toEqual([`มาตรการ ITA!${percent}`]);
    const xss = data.groups.flatMap((g) => g.findings).find((f) => f.cell === typed);
    expect(xss?.value).toBe(XSS);

    // The unreadable amount is not counted as 0: the total is marked incomplete.
    expect(data.headline.budget).toMatchObject({
      incomplete: true,
      unreadableCells: 1,
      total: computeBudget(inputs).grandTotal.total,
    });
    expect(data.headline.budget.total).toBeLessThan(386000);
    expectHeadlineFromCommands(data, inputs, '2023-03-31');
  });

  test('without the scores and plan sheets: ITA "ยังไม่มีคะแนน", the budget problem in Thai, nothing selectable there', () => {
    const workbook = sampleWorkbook();
    workbook.deleteSheet('คะแนน ITA');
    workbook.deleteSheet('แผนปฏิบัติการ');
    const data = panelData(inputsOf(workbook), '2023-03-31');
    expect(data.headline.ita).toEqual({ year: null, total: null, totalText: NO_ITA_SCORE, grade: null });
    expect(NO_ITA_SCORE).toBe('ยังไม่มีคะแนน');
    expect(data.headline.budget).toMatchObject({ total: null, totalText: '-' });
    expect(data.headline.budget.problem).toMatch(/^ไม่พบชีต "แผนปฏิบัติการ"/);
    const missing = data.groups.find((g) => g.rule === 'missing-sheet');
    expect(missing?.findings.map((f) => [f.sheet, f.selectable]).sort()).toEqual([
      ['คะแนน ITA', false],
      ['แผนปฏิบัติการ', false],
    ]);
    // Findings on sheets that exist stay selectable.
    const others = data.groups.filter((g) => g.rule !== 'missing-sheet').flatMap((g) => g.findings);
    expect(others.every((f) => f.selectable === (f.sheet !== 'คะแนน ITA' && f.sheet !== 'แผนปฏิบัติการ'))).toBe(
      true,
    );
  });

  test('lists at most MAX_FINDINGS_PER_GROUP per rule, the count stays exact', () => {
    const inputs = inputsOf();
    const extra = MAX_FINDINGS_PER_GROUP + 37;
    for (let i = 0; i < extra; i++) {
      inputs.findings.push(
        finding({ sheet: 'ติดตามผล', row: 2 + i, col: 3, rule: 'unreadable', message: 'อ่านค่าไม่ได้' }),
      );
    }
    const data = panelData(inputs, '2023-03-31');
    const group = data.groups.find((g) => g.rule === 'unreadable');
    expect(group?.count).toBe(extra);
    expect(group?.findings).toHaveLength(MAX_FINDINGS_PER_GROUP);
    expect(group?.hidden).toBe(37);
    expect(group?.findings[0].cell).toBe('C2'); // workbook order kept
    expect(data.headline.errors).toBe(extra + 2);
  });
});
