/**
 * A missing column gives one Thai error naming the sheet and the column and pointing to
 * "ตั้งค่า/ซ่อมแซมแม่แบบ" (issue 6, part 1), for every command and every declared column of every table
 * (each plan year's budget column too): ตรวจสอบข้อมูล reports exactly one new finding, on the header
 * row; every other command either stops with one CommandError before writing anything, or, when it can
 * do without the column, runs and reports no more problems than on the intact workbook. The columns a
 * command cannot do without (src/commands/structure.ts) always stop it.
 */
import { CommandError } from '../../src/commands/context';
import { NEEDS } from '../../src/commands/structure';
import type { Finding } from '../../src/core/findings';
import { INPUT_SHEETS, PLAN_TABLE, type TableKey } from '../../src/core/schema';
import { readTable } from '../../src/core/table';
import type { MemoryWorkbook } from '../../src/adapters/memory/memory-workbook';
import { sampleWorkbook } from '../helpers/workbooks';
import { changedCells, COMMANDS, hostOf, inputContent, workbookState } from './workbooks';

const REPAIR = 'ตั้งค่า/ซ่อมแซมแม่แบบ';

interface Case {
  sheet: string;
  table: TableKey;
  key: string;
  header: string;
}

const CASES: Case[] = INPUT_SHEETS.flatMap((sheet) =>
  sheet.tables.flatMap((table) => [
    ...table.columns.map((c) => ({ sheet: sheet.name, table: table.key, key: c.key, header: c.header })),
    ...(table.key === 'plan'
      ? [
          {
            sheet: sheet.name,
            table: table.key,
            key: 'budget:2568',
            header: PLAN_TABLE.family?.headerFor(2568) ?? '',
          },
        ]
      : []),
  ]),
);

/** The sample with one header cell emptied (the column's data stays). */
function withoutColumn(c: Case): MemoryWorkbook {
  const workbook = sampleWorkbook();
  const table = INPUT_SHEETS.flatMap((s) => s.tables).find((t) => t.key === c.table);
  if (!table) throw new Error(c.table);
  const { layout } = readTable(workbook.readSheet(c.sheet)!, table);
  const col = c.key.startsWith('budget:')
    ? layout.family.find((f) => f.n === Number(c.key.slice(7)))?.col
    : layout.columns.get(c.key)?.col;
  if (!col) throw new Error(`${c.sheet} has no column ${c.key}`);
  workbook.requireSheet(c.sheet).cells[layout.headerRow - 1][col - 1].value = null;
  return workbook;
}

/** How many problems a command's result reports (what must not grow when it runs anyway). */
function problems(name: string, result: unknown): number {
  type List = { length: number };
  const r = result as {
    summary: { issues: List; unreadable: List; notCounted: List; warnings: List };
    analysis: { unreadable: List; overdue: List };
    skipped: List;
  };
  switch (name) {
    case 'budget':
      return r.summary.issues.length + r.summary.unreadable.length;
    case 'overdue':
      return r.analysis.unreadable.length + r.analysis.overdue.length;
    case 'summary':
      return r.summary.unreadable.length + r.summary.notCounted.length;
    case 'ita':
      return r.summary.warnings.length;
    case 'tracking-rows':
      return r.skipped.length;
    default:
      return 0;
  }
}

const findingKey = (f: Finding) => `${f.sheet}|${f.cell}|${f.rule}|${f.problem}`;

const base = new Map<string, unknown>();
beforeAll(() => {
  for (const command of COMMANDS) base.set(command.name, command.run(hostOf(sampleWorkbook())));
});

describe.each(CASES)('$sheet without "$header" ($key)', (c) => {
  test('ตรวจสอบข้อมูล: exactly one new finding, on the header row, naming the sheet, the column and the repair', () => {
    const before = new Set((base.get('validate') as { findings: Finding[] }).findings.map(findingKey));
    const result = COMMANDS[0].run(hostOf(withoutColumn(c))) as { findings: Finding[] };
    const added = result.findings.filter((f) => !before.has(findingKey(f)));
    expect(added).toHaveLength(1);
    const [finding] = added;
    expect(finding).toMatchObject({ sheet: c.sheet, rule: 'missing-column', severity: expect.any(String) });
    expect(finding.message).toContain(`"${c.header}"`);
    expect(finding.message).toContain(REPAIR);
  });

  test.each(COMMANDS.filter((x) => !['validate', 'clear-marks', 'setup-template'].includes(x.name)))(
    '$name stops with one Thai error and writes nothing, or runs with no more problems',
    (command) => {
      const workbook = withoutColumn(c);
      const before = workbookState(workbook);
      const needs = Object.entries(NEEDS).some(
        ([name, list]) =>
          (name === command.name || (name === 'trackingRows' && command.name === 'tracking-rows')) &&
          list.some((n) => n.table === c.table && n.columns.includes(c.key)),
      );
      let error: unknown = null;
      let result: unknown;
      try {
        result = command.run(hostOf(workbook));
      } catch (e) {
        error = e;
      }
      if (error) {
        expect(error).toBeInstanceOf(CommandError);
        const message = (error as CommandError).message;
        expect(message).toContain(`"${c.sheet}"`);
        expect(message).toContain(`"${c.header}"`);
        expect(message).toContain(REPAIR);
        if (command.name === 'prepare') {
          // It stops at the first step that needs the column, says which, and keeps the steps done
          // before (validation at least, which reports the missing column); no input cell changes.
          expect(message).toMatch(/^ขั้นที่ [2-6]\/6 "/);
          expect(message).toContain('ขั้นที่ทำเสร็จแล้วยังอยู่ในแฟ้ม: ตรวจสอบข้อมูล');
          expect(changedCells(inputContent(withoutColumn(c)), inputContent(workbook))).toEqual([]);
        } else {
          expect(workbookState(workbook)).toEqual(before);
        }
      } else {
        expect(needs).toBe(false);
        expect(problems(command.name, result)).toBeLessThanOrEqual(
          problems(command.name, base.get(command.name)),
        );
      }
      if (needs) expect(error).toBeInstanceOf(CommandError);
    },
  );
});

test('a column every command needs is listed in the schema', () => {
  const known = new Set(CASES.map((c) => `${c.table}:${c.key}`));
  for (const list of Object.values(NEEDS)) {
    for (const need of list) for (const key of need.columns) expect(known).toContain(`${need.table}:${key}`);
  }
});
