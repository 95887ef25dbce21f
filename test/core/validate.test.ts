import { memoryHost, MemoryWorkbook } from '../../src/adapters/memory/memory-workbook';
import { appendRecords } from '../../src/commands/append';
import { readWorkbook } from '../../src/commands/context';
import type { RuleId } from '../../src/core/findings';
import { validate } from '../../src/core/validate';
import { columnOf, dataRowOf, sampleWorkbook, setCell } from '../helpers/workbooks';
import { a1 } from '../../src/core/cells';

function findingsOf(workbook: MemoryWorkbook) {
  return validate(readWorkbook(workbook).inputs);
}

function keyed(findings: { sheet: string; cell: string; rule: RuleId }[]): string[] {
  return findings.map((f) => `${f.sheet}!${f.cell} ${f.rule}`).sort();
}

describe('validation on the sample workbook', () => {
  test('reports exactly the two placeholder responsible units and nothing else', () => {
    const workbook = sampleWorkbook();
    const findings = findingsOf(workbook);
    const responsible = columnOf(workbook, 'plan', 'responsible');
    // Items 2-01 (6th row) and 4-05 (26th row) still carry the form's "ระบุ...หน่วยงาน" text.
    const expected = [6, 26].map(
      (n) => `แผนปฏิบัติการ!${a1(dataRowOf(workbook, 'plan', n), responsible)} placeholder`,
    );
    expect(keyed(findings)).toEqual(expected.sort());
    expect(findings.every((f) => f.severity === 'error')).toBe(true);
    expect(findings[0].message).toMatch(/^ชีต "แผนปฏิบัติการ" เซลล์ K\d+: /);
  });
});

describe('a workbook seeded with one bad entry of each kind', () => {
  const workbook = sampleWorkbook();
  // Start from an empty tracking sheet: the seeded tracking rows below are the only ones.
  workbook.setSheet('ติดตามผล', workbook.values('ติดตามผล').slice(0, 1));
  const expected: string[] = [];
  const seed = (
    key: Parameters<typeof setCell>[1],
    n: number,
    column: string | number,
    value: Parameters<typeof setCell>[4],
    rule: RuleId,
    sheet: string,
  ) => {
    expected.push(`${sheet}!${setCell(workbook, key, n, column, value)} ${rule}`);
  };
  const plan = 'แผนปฏิบัติการ';
  seed('plan', 3, 'name', null, 'required', plan);
  seed('plan', 1, 2567, '10,000 -', 'unreadable', plan);
  seed('plan', 2, 2566, -500, 'out-of-range', plan);
  seed('plan', 4, 'type', 'โครงงาน', 'not-in-list', plan);
  seed('plan', 5, 'dimension', '5', 'not-in-list', plan);
  seed('plan', 6, 'submission', '3.1', 'submission-dimension', plan);
  seed('plan', 8, 'code', '2-02', 'duplicate-code', plan);
  seed('plan', 9, 'name', 'ระบุชื่อโครงการ...........', 'placeholder', plan);
  seed('plan', 10, 'period', 'ตลอดไป', 'unreadable', plan);
  seed('plan', 11, 'period', 'ปีงบประมาณ 2571', 'period-outside-plan', plan);
  setCell(workbook, 'plan', 12, 'period', 'ปีงบประมาณ 2566');
  seed('plan', 12, 2568, '5,000 บาท', 'budget-outside-period', plan);
  seed('plan', 13, 'itaIndicators', '12', 'unknown-indicator', plan);
  const scores = 'คะแนน ITA';
  seed('scores', 3, 3, 105, 'out-of-range', scores);
  seed('scores', 3, 4, 'แปดสิบ', 'unreadable', scores);
  const measures = 'มาตรการ ITA';
  seed('measures', 1, 'percent', 150, 'out-of-range', measures);
  seed('measures', 2, 'status', 'เสร็จเรียบร้อย', 'not-in-list', measures);
  setCell(workbook, 'measures', 3, 'status', 'ดำเนินการแล้วเสร็จ');
  seed('measures', 3, 'percent', 40, 'status-percent', measures);
  seed('measures', 4, 'period', 'ต.ค. - ธ.ค. 2566', 'period-outside-year', measures);
  seed('measures', 5, 'fiscalYear', 'ปีนี้', 'unreadable', measures);

  const tracking = 'ติดตามผล';
  appendRecords(workbook, tracking, 'tracking', [
    { values: { code: '9-99', fiscalYear: 2566 } },
    { values: { code: '1-01', fiscalYear: 2566, status: 'อยู่ระหว่างดำเนินการ', percent: 50 } },
    { values: { code: '1-01', fiscalYear: 2566 } },
    {
      values: {
        code: '1-02',
        fiscalYear: 2566,
        start: { kind: 'date', iso: '2023-05-01' },
        deadline: { kind: 'date', iso: '2023-03-31' },
      },
    },
    { values: { code: '1-03', fiscalYear: 2566, deadline: { kind: 'date', iso: '2023-12-31' } } },
    { values: { code: '2-02', fiscalYear: 2566, plannedBudget: 7200, disbursed: '๘,๐๐๐ บาท' } },
    { values: { code: '2-05', fiscalYear: 2566, deadline: '31/02/2566' } },
    { values: { code: '2-04', fiscalYear: 2572 } },
  ]);
  const trackingCell = (n: number, column: string) =>
    `${tracking}!${a1(dataRowOf(workbook, 'tracking', n), columnOf(workbook, 'tracking', column))}`;
  expected.push(
    `${trackingCell(1, 'code')} unknown-plan-item`,
    `${trackingCell(3, 'code')} duplicate-row`,
    `${trackingCell(4, 'start')} start-after-end`,
    `${trackingCell(5, 'deadline')} period-outside-year`,
    `${trackingCell(6, 'disbursed')} over-disbursed`,
    `${trackingCell(7, 'deadline')} unreadable`,
    `${trackingCell(8, 'fiscalYear')} item-not-active`,
  );
  const responsible = columnOf(workbook, 'plan', 'responsible');
  expected.push(
    ...[6, 26].map((n) => `${plan}!${a1(dataRowOf(workbook, 'plan', n), responsible)} placeholder`),
  );

  const findings = findingsOf(workbook);

  test.each(expected.map((e) => [e]))('reports %s', (entry) => {
    expect(keyed(findings)).toContain(entry);
  });

  test('reports nothing it was not seeded with', () => {
    expect(keyed(findings)).toEqual([...expected].sort());
  });

  test('every finding carries the value as typed and a Thai message naming its cell', () => {
    for (const f of findings) {
      expect(f.message.startsWith(`ชีต "${f.sheet}" เซลล์ ${f.cell}: `)).toBe(true);
      expect(f.problem).toMatch(/[\u0E00-\u0E7F]/);
    }
    const amount = findings.find((f) => f.rule === 'unreadable' && f.value === '10,000 -');
    expect(amount).toBeDefined();
  });
});

describe('settings and structure', () => {
  test('a plan whose last year is before its first is reported at the settings cell', () => {
    const workbook = sampleWorkbook();
    const settings = workbook.requireSheet('ตั้งค่า');
    const row = settings.cells.findIndex((r) => r[0]?.value === 'ปีงบประมาณสุดท้ายของแผน');
    settings.cells[row][1].value = 2565;
    const found = findingsOf(workbook).filter((f) => f.rule === 'settings-years');
    expect(found.map((f) => f.cell)).toEqual([a1(row + 1, 2)]);
  });

  test('a missing required column is one Thai error naming the sheet and column and pointing to the repair menu', () => {
    const workbook = sampleWorkbook();
    const col = columnOf(workbook, 'measures', 'period');
    workbook.requireSheet('มาตรการ ITA').cells[0][col - 1].value = null;
    const missing = findingsOf(workbook).filter((f) => f.rule === 'missing-column');
    expect(missing).toHaveLength(1);
    expect(missing[0].sheet).toBe('มาตรการ ITA');
    expect(missing[0].problem).toContain('ระยะเวลาดำเนินการ');
    expect(missing[0].problem).toContain('ตั้งค่า/ซ่อมแซมแม่แบบ');
  });

  test('a missing input sheet is reported once at the sheet it names', () => {
    const workbook = sampleWorkbook();
    workbook.deleteSheet('ติดตามผล');
    const missing = findingsOf(workbook).filter((f) => f.rule === 'missing-sheet');
    expect(missing.map((f) => `${f.sheet}!${f.cell}`)).toEqual(['ติดตามผล!A1']);
  });

  test('an empty workbook reports every input sheet missing and nothing crashes', () => {
    const host = memoryHost(new MemoryWorkbook());
    const findings = validate(readWorkbook(host.workbook).inputs);
    expect(findings.filter((f) => f.rule === 'missing-sheet')).toHaveLength(6);
  });
});

describe('tracking rows repeated for a code and year', () => {
  test('a duplicate is a second row of the same code and year, named with its first row, in any year', () => {
    const workbook = sampleWorkbook();
    workbook.setSheet('ติดตามผล', workbook.values('ติดตามผล').slice(0, 1));
    const rows: [string, number][] = [
      ['1-01', 2566],
      ['1-01', 2567],
      ['1-01', 2567],
      ['1-01', 2568],
      ['1-01', 2566],
      ['9-99', 2566],
      ['9-99', 2567],
      ['9-99', 2566],
    ];
    appendRecords(
      workbook,
      'ติดตามผล',
      'tracking',
      rows.map(([code, fiscalYear]) => ({ values: { code, fiscalYear } })),
    );
    const rowOf = (n: number) => dataRowOf(workbook, 'tracking', n);
    const duplicates = findingsOf(workbook)
      .filter((f) => f.rule === 'duplicate-row')
      .map((f) => [f.row, /ที่แถว (\d+)/.exec(f.problem)?.[1]]);
    expect(duplicates).toEqual([
      [rowOf(3), String(rowOf(2))],
      [rowOf(5), String(rowOf(1))],
      [rowOf(8), String(rowOf(6))],
    ]);
  });
});
