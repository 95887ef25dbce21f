/**
 * Generated sheets are written only where the add-in owns the name: a user's own sheet is never
 * overwritten, a renamed report is left alone (and said so), an older workbook's signed sheets are reused.
 */
import { runBudget } from '../../src/commands/budget';
import { CommandError, FOREIGN_SHEET_TITLE } from '../../src/commands/context';
import { runItaSummary } from '../../src/commands/ita-summary';
import { runOverdue } from '../../src/commands/overdue';
import { runProgressSummary } from '../../src/commands/progress-summary';
import { runSignOff } from '../../src/commands/signoff';
import { runValidate } from '../../src/commands/validate';
import { GENERATED_SHEETS } from '../../src/core/schema';
import { parseState } from '../../src/core/state';
import type { Host } from '../../src/port/workbook';
import { inputCells, sampleHost } from '../helpers/workbooks';

const OVERDUE = GENERATED_SHEETS.overdue;

function state(host: ReturnType<typeof sampleHost>) {
  return parseState(host.workbook.values(GENERATED_SHEETS.state));
}

function cellsOf(host: ReturnType<typeof sampleHost>, name: string) {
  return JSON.stringify(host.workbook.requireSheet(name).cells);
}

const COMMANDS: [string, string, (host: Host) => unknown][] = [
  ['ตรวจสอบข้อมูล', GENERATED_SHEETS.validation, runValidate],
  ['งบประมาณ', GENERATED_SHEETS.budget, (h) => runBudget(h, {})],
  ['เลยกำหนด', OVERDUE, (h) => runOverdue(h, {})],
  [
    'สรุปความก้าวหน้า',
    'สรุปความก้าวหน้า 6 เดือน 2566',
    (h) => runProgressSummary(h, { fiscalYear: 2566, round: 6 }),
  ],
  ['สรุป ITA', GENERATED_SHEETS.ita, (h) => runItaSummary(h, {})],
  ['การรับรอง', GENERATED_SHEETS.signOff, runSignOff],
];

describe('a sheet by a generated name that is not ours', () => {
  test.each(COMMANDS)(
    '%s: the user’s own sheet is not overwritten; a Thai error names it and says what to do',
    (_, name, run) => {
      const host = sampleHost();
      host.workbook.setSheet(name, [['งานที่ต้องติดตามของฉัน'], ['โทรหากองคลัง', 3]]);
      const before = cellsOf(host, name);
      const inputs = inputCells(host.workbook);
      let error: unknown;
      try {
        run(host);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(CommandError);
      expect((error as CommandError).title).toBe(FOREIGN_SHEET_TITLE);
      expect((error as CommandError).message).toContain(`มีชีตชื่อ "${name}" อยู่แล้ว แต่ไม่ใช่ชีตที่ ITA Sheets สร้าง`);
      expect((error as CommandError).message).toContain('เปลี่ยนชื่อชีต');
      expect(cellsOf(host, name)).toBe(before);
      expect(inputCells(host.workbook)).toEqual(inputs);
      expect(host.workbook.sheet(GENERATED_SHEETS.state)).toBeUndefined();
      expect(host.lock.held).toBe(false);
    },
  );

  test('an input sheet renamed to a generated name is not overwritten either', () => {
    const host = sampleHost();
    host.workbook.renameSheet('มาตรการ ITA', OVERDUE);
    const before = cellsOf(host, OVERDUE);
    expect(() => runOverdue(host, {})).toThrow(`มีชีตชื่อ "${OVERDUE}" อยู่แล้ว`);
    expect(cellsOf(host, OVERDUE)).toBe(before);
  });

  test('our report renamed, then a user sheet under the old name: both left alone, the error names both', () => {
    const host = sampleHost();
    runOverdue(host, {});
    host.workbook.renameSheet(OVERDUE, 'เลยกำหนด ฉบับส่งปลัด');
    host.workbook.setSheet(OVERDUE, [['ของฉัน']]);
    const renamed = cellsOf(host, 'เลยกำหนด ฉบับส่งปลัด');
    expect(() => runOverdue(host, {})).toThrow('ถูกเปลี่ยนชื่อเป็น "เลยกำหนด ฉบับส่งปลัด"');
    expect(cellsOf(host, 'เลยกำหนด ฉบับส่งปลัด')).toBe(renamed);
    expect(host.workbook.values(OVERDUE)).toEqual([['ของฉัน']]);
  });
});

describe('a generated sheet the user renamed', () => {
  test('is kept untouched; a fresh one is made under the canonical name; the toast says so', () => {
    const host = sampleHost();
    runOverdue(host, {});
    const firstId = host.workbook.requireSheet(OVERDUE).id;
    host.workbook.renameSheet(OVERDUE, 'เลยกำหนด มี.ค. 66');
    const kept = cellsOf(host, 'เลยกำหนด มี.ค. 66');
    const result = runOverdue(host, {});
    expect(cellsOf(host, 'เลยกำหนด มี.ค. 66')).toBe(kept);
    expect(host.workbook.requireSheet(OVERDUE).id).not.toBe(firstId);
    expect(result.notice).toBe('ชีต "เลยกำหนด มี.ค. 66" ที่ท่านเปลี่ยนชื่อไว้ไม่ถูกแก้ไข สร้างชีต "เลยกำหนด" ใหม่แทน');
    expect(host.ui.toasts.at(-1)?.message).toContain('ชีต "เลยกำหนด มี.ค. 66" ที่ท่านเปลี่ยนชื่อไว้ไม่ถูกแก้ไข');
    // The state now records the new sheet only: the renamed one is the user's from here on.
    const recorded = state(host).filter((e) => e.key === 'overdue');
    expect(recorded).toEqual([
      expect.objectContaining({ name: OVERDUE, sheetId: host.workbook.requireSheet(OVERDUE).id }),
    ]);
    // A third run rewrites our new sheet quietly.
    expect(runOverdue(host, {}).notice).toBe('');
    expect(cellsOf(host, 'เลยกำหนด มี.ค. 66')).toBe(kept);
  });

  test('each report keeps its own: renaming the budget sheet does not disturb the others', () => {
    const host = sampleHost();
    runBudget(host, {});
    runItaSummary(host, {});
    host.workbook.renameSheet(GENERATED_SHEETS.budget, 'งบ ฉบับร่าง');
    expect(runItaSummary(host, {}).notice).toBe('');
    expect(runBudget(host, {}).notice).toContain('ชีต "งบ ฉบับร่าง" ที่ท่านเปลี่ยนชื่อไว้ไม่ถูกแก้ไข');
  });
});

describe('a workbook from before the state registry', () => {
  test('a generated sheet carrying the signature is ours: reused in place, then recorded', () => {
    const host = sampleHost();
    runOverdue(host, {});
    const id = host.workbook.requireSheet(OVERDUE).id;
    host.workbook.deleteSheet(GENERATED_SHEETS.state);
    expect(() => runOverdue(host, {})).not.toThrow();
    expect(host.workbook.requireSheet(OVERDUE).id).toBe(id);
    expect(state(host).map((e) => [e.key, e.sheetId])).toEqual([['overdue', id]]);
  });

  test('a sheet written by an earlier version (its own signature wording) is reused', () => {
    const host = sampleHost();
    host.workbook.setSheet(GENERATED_SHEETS.ita, [
      ['สรุปผลการประเมินคุณธรรมและความโปร่งใส (ITA)'],
      ['องค์การบริหารส่วนตำบลแหลมสอม'],
      [
        'สร้างเมื่อ 1 มีนาคม 2566 เวลา 09:00 น. · สร้างโดย ITA Sheets จากชีต "คะแนน ITA" (ชีตนี้สร้างใหม่ทุกครั้ง อย่าแก้ไขในชีตนี้)',
      ],
    ]);
    expect(runItaSummary(host, {}).notice).toBe('');
    expect(host.workbook.values(GENERATED_SHEETS.ita)[0][0]).toBe('สรุปผลการประเมินคุณธรรมและความโปร่งใส (ITA)');
    expect(host.workbook.values(GENERATED_SHEETS.ita).length).toBeGreaterThan(10);
  });

  test('without the signature it is the user’s: not overwritten', () => {
    const host = sampleHost();
    host.workbook.setSheet(GENERATED_SHEETS.ita, [['สรุป ITA ที่ทำเอง'], ['86.70']]);
    expect(() => runItaSummary(host, {})).toThrow(CommandError);
    expect(host.workbook.values(GENERATED_SHEETS.ita)).toEqual([['สรุป ITA ที่ทำเอง'], ['86.70']]);
  });
});
