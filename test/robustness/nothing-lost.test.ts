/**
 * Nothing the user typed is lost (DESIGN §5): every command, on the sample and on the messy workbook,
 * leaves the value and formula of every input cell as it was. Two commands write into input sheets, and
 * only where stated: "สร้างแถวติดตามผล" appends rows below the last used row of ติดตามผล (no cell above
 * changes), "ตั้งค่า/ซ่อมแซมแม่แบบ" writes headers and settings only into cells that were empty. Running
 * any command twice on the same clock gives the same workbook, generated sheets and marks included.
 */
import { GasWorkbook } from '../../src/adapters/gas';
import { FakeLock, RecordingUi, type MemoryWorkbook } from '../../src/adapters/memory/memory-workbook';
import { createFakeGas, type FakeGas } from '../fakes/spreadsheet-app';
import { planTemplate } from '../../src/core/template';
import { readWorkbook } from '../../src/commands/context';
import { templateDefaults } from '../../src/commands/setup-template';
import { todayIn } from '../../src/core/thai/dates';
import { sampleWorkbook } from '../helpers/workbooks';
import {
  changedCells,
  COMMANDS,
  fakeSeed,
  hostOf,
  INPUT_NAMES,
  inputContent,
  messyWorkbook,
  NOW,
  workbookState,
} from './workbooks';

/** Every input cell's stored content in the fake (what the user typed: text, number, formula). */
function fakeInputContent(gas: FakeGas): string {
  return JSON.stringify(
    INPUT_NAMES.map((name) => {
      const view = gas.inspect(name);
      const { rows, cols } = view.extent();
      return Array.from({ length: rows }, (_, r) =>
        Array.from({ length: cols }, (_, c) => view.content(r + 1, c + 1) ?? null),
      );
    }),
  );
}

const WORKBOOKS: [string, () => MemoryWorkbook][] = [
  ['the sample', sampleWorkbook],
  ['the messy workbook', messyWorkbook],
];

describe.each(WORKBOOKS)('on %s', (_label, make) => {
  test.each(COMMANDS.filter((c) => c.name !== 'tracking-rows' && c.name !== 'setup-template'))(
    '$name changes no input cell',
    ({ run }) => {
      const workbook = make();
      const before = inputContent(workbook);
      run(hostOf(workbook));
      expect(changedCells(before, inputContent(workbook))).toEqual([]);
    },
  );

  test('สร้างแถวติดตามผล only appends rows below the last used row of ติดตามผล', () => {
    const workbook = make();
    const before = inputContent(workbook);
    const lastRow = workbook.readSheet('ติดตามผล')?.values.length ?? 0;
    const result = COMMANDS.find((c) => c.name === 'tracking-rows')?.run(hostOf(workbook)) as {
      added: unknown[];
    };
    const changed = changedCells(before, inputContent(workbook));
    expect(result.added.length).toBeGreaterThan(0);
    expect(changed.length).toBeGreaterThan(0);
    for (const cell of changed) {
      expect(cell).toMatchObject({ sheet: 'ติดตามผล', before: null });
      expect(cell.row).toBeGreaterThan(lastRow);
    }
    // One appended row per added item, right below the old last row.
    expect(new Set(changed.map((c) => c.row))).toEqual(
      new Set(Array.from({ length: result.added.length }, (_, i) => lastRow + 1 + i)),
    );
  });

  test('ตั้งค่า/ซ่อมแซมแม่แบบ changes no existing cell; with headers and settings removed it fills exactly those', () => {
    const workbook = make();
    const before = inputContent(workbook);
    COMMANDS.find((c) => c.name === 'setup-template')?.run(hostOf(workbook));
    expect(changedCells(before, inputContent(workbook))).toEqual([]);

    // Take out a header of the plan and a row of the settings (label, value and help): the repair may
    // write a header into the plan's header row and the settings row into the seeded cells, and
    // nowhere else.
    const plan = workbook.requireSheet('แผนปฏิบัติการ');
    const headerRow = readWorkbook(workbook).inputs.layouts.plan?.headerRow as number;
    const outputsCol = readWorkbook(workbook).inputs.layouts.plan?.columns.get('outputs')?.col as number;
    plan.cells[headerRow - 1][outputsCol - 1].value = null;
    const settings = workbook.requireSheet('ตั้งค่า');
    const dropped = settings.cells.findIndex((r) => r[0]?.value === 'จังหวัด');
    settings.cells.splice(dropped, 1);
    const stripped = inputContent(workbook);
    const read = readWorkbook(workbook);
    const plans = planTemplate({
      snapshots: read.snapshots,
      planYears: read.inputs.planYears,
      indicators: [],
      defaults: templateDefaults(todayIn('Asia/Bangkok', NOW)),
    });
    COMMANDS.find((c) => c.name === 'setup-template')?.run(hostOf(workbook));
    const changed = changedCells(stripped, inputContent(workbook));
    // The header comes back where it was; the settings row is appended below the last setting.
    const settingsPlan = plans.find((p) => p.name === 'ตั้งค่า');
    const seeded = new Set(
      (settingsPlan?.seeds ?? []).flatMap((s) =>
        s.values.flatMap((line, r) => line.map((_, c) => `${s.row + r}:${s.col + c}`)),
      ),
    );
    expect(changed.length).toBeGreaterThan(0);
    for (const cell of changed) {
      expect(cell.before).toBeNull();
      // The header goes into an empty cell of the header row (after the last header: the old column
      // keeps its cells, it is never written over).
      if (cell.sheet === 'แผนปฏิบัติการ') expect(cell.row).toBe(headerRow);
      else {
        expect(cell.sheet).toBe('ตั้งค่า');
        expect(seeded.has(`${cell.row}:${cell.col}`)).toBe(true);
      }
    }
    expect(changed.find((c) => c.sheet === 'แผนปฏิบัติการ')?.after).toBe('ผลผลิต/ผลลัพธ์');
    expect(changed.filter((c) => c.sheet === 'ตั้งค่า').map((c) => c.after)).toContain('จังหวัด');
  });

  test.each(COMMANDS.filter((c) => c.name !== 'tracking-rows'))(
    '$name through the Google Sheets adapter changes no input cell either',
    ({ run }) => {
      const gas = createFakeGas({ sheets: fakeSeed(make()).sheets });
      const before = fakeInputContent(gas);
      const workbook = new GasWorkbook(gas.spreadsheet, gas.SpreadsheetApp);
      run({ workbook, ui: new RecordingUi(), lock: new FakeLock(), now: () => NOW });
      expect(fakeInputContent(gas)).toBe(before);
    },
  );

  test.each(COMMANDS)('$name twice gives the same workbook as once', ({ run }) => {
    const once = make();
    run(hostOf(once));
    const twice = make();
    run(hostOf(twice));
    run(hostOf(twice));
    expect(workbookState(twice)).toEqual(workbookState(once));
  });

  test('every command in turn, twice over, then once more: the same workbook', () => {
    // The first round adds tracking rows, which the later reports of that round see: from the second
    // round on, nothing may change.
    const workbook = make();
    for (const { run } of [...COMMANDS, ...COMMANDS]) run(hostOf(workbook));
    const settled = workbookState(workbook);
    for (const { run } of COMMANDS) run(hostOf(workbook));
    expect(workbookState(workbook)).toEqual(settled);
  });
});
