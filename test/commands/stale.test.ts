/**
 * "ตรวจสอบการเปลี่ยนแปลงข้อมูล" and the on-open check: each summary's status cell names exactly the input
 * sheets that changed since it was made; writes are bounded by the number of summaries.
 */
import { appendRecords, type NewRow } from '../../src/commands/append';
import { runBudget } from '../../src/commands/budget';
import { runItaSummary } from '../../src/commands/ita-summary';
import { runPrepareForSupervisors } from '../../src/commands/prepare';
import { runValidate } from '../../src/commands/validate';
import { checkStaleOnOpen, runStaleCheck, staleCommand } from '../../src/commands/stale';
import { FRESH_TEXT, sheetsInStatus, STATUS_COLORS } from '../../src/core/report/provenance';
import { GENERATED_SHEETS } from '../../src/core/schema';
import { parseState } from '../../src/core/state';
import { gasHost } from '../../src/adapters/gas';
import { installFakeGlobals, uninstallFakeGlobals } from '../fakes/spreadsheet-app';
import { inputCells, sampleHost, sampleSeeds, setCell } from '../helpers/workbooks';

type TestHost = ReturnType<typeof sampleHost>;

const PROGRESS = 'สรุปความก้าวหน้า 6 เดือน 2566';
const SUMMARIES = [
  GENERATED_SHEETS.validation,
  GENERATED_SHEETS.budget,
  GENERATED_SHEETS.overdue,
  PROGRESS,
  GENERATED_SHEETS.ita,
  GENERATED_SHEETS.signOff,
];

/** The banner in each summary's recorded status cell, and the sheets it names. */
function banners(host: TestHost): Record<string, { text: string; changed: string[]; colour: string | null }> {
  const out: Record<string, { text: string; changed: string[]; colour: string | null }> = {};
  for (const e of parseState(host.workbook.values(GENERATED_SHEETS.state))) {
    if (!e.status) continue;
    const cell = host.workbook.requireSheet(e.name).cells[e.status.row - 1][e.status.col - 1];
    const text = String(cell.value);
    out[e.name] = { text, changed: sheetsInStatus(text), colour: cell.background };
  }
  return out;
}

function prepared(): TestHost {
  const host = sampleHost();
  runPrepareForSupervisors(host, {});
  return host;
}

describe('the stale check after "เตรียมส่งผู้บังคับบัญชา"', () => {
  test('nothing changed: every summary and the sign-off say the data matches', () => {
    const host = prepared();
    const result = runStaleCheck(host);
    expect(result.reports.map((r) => r.sheet).sort()).toEqual([...SUMMARIES].sort());
    expect(result.reports.every((r) => !r.stale && r.written)).toBe(true);
    for (const name of SUMMARIES) {
      expect(banners(host)[name]).toEqual({ text: FRESH_TEXT, changed: [], colour: STATUS_COLORS.fresh });
    }
    expect(host.ui.toasts.at(-1)?.message).toBe(`${FRESH_TEXT} ทั้ง 6 ชีต`);
  });

  test('a tracking value changed: the summaries made from ติดตามผล name it; สรุป ITA (not made from it) stays fresh', () => {
    const host = prepared();
    setCell(host.workbook, 'tracking', 2, 'percent', 40);
    runStaleCheck(host);
    const b = banners(host);
    for (const name of SUMMARIES.filter((n) => n !== GENERATED_SHEETS.ita)) {
      expect(b[name].changed).toEqual(['ติดตามผล']);
      expect(b[name].colour).toBe(STATUS_COLORS.stale);
      expect(b[name].text).toMatch(/^⚠ ข้อมูลมีการเปลี่ยนแปลงหลังจัดทำรายงาน: ชีต ติดตามผล/);
    }
    expect(b[GENERATED_SHEETS.ita].changed).toEqual([]);
    expect(host.ui.toasts.at(-1)?.message).toContain('"งบประมาณรายมิติ" (ข้อมูลที่เปลี่ยน: ติดตามผล)');
  });

  test('two sheets changed (a value and a formula): both named, in the workbook’s order', () => {
    const host = prepared();
    setCell(host.workbook, 'plan', 3, 'name', 'ชื่อใหม่');
    const tracking = host.workbook.requireSheet('ติดตามผล');
    tracking.cells[1][0] = { ...tracking.cells[1][0], formula: '=แผนปฏิบัติการ!A2' };
    runStaleCheck(host);
    const b = banners(host);
    expect(b[GENERATED_SHEETS.budget].changed).toEqual(['แผนปฏิบัติการ', 'ติดตามผล']);
    expect(b[GENERATED_SHEETS.ita].changed).toEqual(['แผนปฏิบัติการ']);
    expect(b[GENERATED_SHEETS.signOff].changed).toEqual(['แผนปฏิบัติการ', 'ติดตามผล']);
  });

  test('changing generated sheets, marks or formats changes nothing', () => {
    const host = prepared();
    host.workbook.requireSheet(GENERATED_SHEETS.budget).cells[10][2].value = 999;
    host.workbook.requireSheet('แผนปฏิบัติการ').cells[2][2].background = '#ff0000';
    host.workbook.requireSheet('แผนปฏิบัติการ').cells[2][2].note = 'โน้ตของฉัน';
    runValidate(host); // marks input cells again
    runStaleCheck(host);
    const b = banners(host);
    for (const name of SUMMARIES.filter((n) => n !== GENERATED_SHEETS.validation))
      expect(b[name].changed).toEqual([]);
  });

  test('editing a value and putting it back is no change', () => {
    const host = prepared();
    const old = host.workbook.requireSheet('แผนปฏิบัติการ').cells[2][4].value;
    setCell(host.workbook, 'plan', 2, 'name', 'ชั่วคราว');
    runStaleCheck(host);
    expect(banners(host)[GENERATED_SHEETS.budget].changed).toEqual(['แผนปฏิบัติการ']);
    host.workbook.requireSheet('แผนปฏิบัติการ').cells[2][4].value = old;
    runStaleCheck(host);
    expect(banners(host)[GENERATED_SHEETS.budget]).toEqual({
      text: FRESH_TEXT,
      changed: [],
      colour: STATUS_COLORS.fresh,
    });
  });

  test('a regenerated summary is fresh again; the others stay stale', () => {
    const host = prepared();
    setCell(host.workbook, 'plan', 3, 'name', 'ชื่อใหม่');
    runBudget(host, {});
    runStaleCheck(host);
    const b = banners(host);
    expect(b[GENERATED_SHEETS.budget].changed).toEqual([]);
    expect(b[GENERATED_SHEETS.overdue].changed).toEqual(['แผนปฏิบัติการ']);
    expect(b[GENERATED_SHEETS.signOff].changed).toEqual(['แผนปฏิบัติการ']);
  });

  test('only status cells are written: inputs untouched, each summary’s other cells untouched', () => {
    const host = prepared();
    setCell(host.workbook, 'tracking', 2, 'percent', 40);
    const inputs = inputCells(host.workbook);
    const rest = (name: string) => {
      const row = parseState(host.workbook.values(GENERATED_SHEETS.state)).find((e) => e.name === name)
        ?.status?.row;
      return JSON.stringify(
        host.workbook.requireSheet(name).cells.filter((_, i) => i !== (row as number) - 1),
      );
    };
    const before = Object.fromEntries(SUMMARIES.map((n) => [n, rest(n)]));
    runStaleCheck(host);
    expect(inputCells(host.workbook)).toEqual(inputs);
    for (const n of SUMMARIES) expect(rest(n)).toBe(before[n]);
  });

  test('port calls are bounded by the number of summaries, not by rows', () => {
    const calls = [0, 300].map((extra) => {
      const host = prepared();
      const rows: NewRow[] = Array.from({ length: extra }, (_, i) => ({
        values: { code: `9-${i}`, fiscalYear: 2566, percent: 10 },
      }));
      if (extra) appendRecords(host.workbook, 'ติดตามผล', 'tracking', rows);
      host.workbook.calls.clear();
      runStaleCheck(host);
      return Object.fromEntries(host.workbook.calls);
    });
    expect(calls[1]).toEqual(calls[0]);
    // One listSheets, the state, six input sheets and the sign-off sheet (its layout checked before writing).
    expect(calls[0]).toEqual({
      listSheets: 1,
      readSheet: 8,
      appendRows: 6,
      writeCellLayer: 6,
      writeSheet: 1,
    });
  });

  test('a renamed summary is the user’s: its cells are not written', () => {
    const host = prepared();
    host.workbook.renameSheet(GENERATED_SHEETS.budget, 'งบ ของฉัน');
    setCell(host.workbook, 'plan', 3, 'name', 'ชื่อใหม่');
    const before = JSON.stringify(host.workbook.requireSheet('งบ ของฉัน').cells);
    const result = runStaleCheck(host);
    expect(result.reports.map((r) => r.sheet)).not.toContain(GENERATED_SHEETS.budget);
    expect(JSON.stringify(host.workbook.requireSheet('งบ ของฉัน').cells)).toBe(before);
  });

  test('the CLI spec: JSON lists each sheet, exit code 1 when something is stale', () => {
    const host = prepared();
    expect(staleCommand.failed(staleCommand.run(host, {}))).toBe(false);
    setCell(host.workbook, 'scores', 1, 'publishedTotal', 50);
    const result = staleCommand.run(host, {});
    expect(staleCommand.failed(result)).toBe(true);
    const json = staleCommand.json(result) as {
      reports: { sheet: string; stale: boolean; changed: string[] }[];
    };
    expect(json.reports.find((r) => r.sheet === GENERATED_SHEETS.ita)).toEqual({
      sheet: GENERATED_SHEETS.ita,
      stale: true,
      changed: ['คะแนน ITA'],
    });
    expect(json.reports.find((r) => r.sheet === GENERATED_SHEETS.budget)?.stale).toBe(false);
  });
});

describe('on open', () => {
  test('no summaries yet: only the sheet list is read (no input reads), nothing written, no toast', () => {
    const host = sampleHost();
    host.workbook.calls.clear();
    expect(checkStaleOnOpen(host)).toEqual({ reports: [] });
    expect(Object.fromEntries(host.workbook.calls)).toEqual({ listSheets: 1 });
    expect(host.ui.toasts).toEqual([]);
  });

  test('nothing changed since the banners were written: reads only, writes nothing, no toast', () => {
    const host = prepared();
    host.ui.toasts.length = 0;
    host.workbook.calls.clear();
    const result = checkStaleOnOpen(host);
    expect(result.reports.every((r) => !r.written)).toBe(true);
    expect(host.workbook.calls.get('writeSheet')).toBeUndefined();
    expect(host.workbook.calls.get('appendRows')).toBeUndefined();
    expect(host.ui.toasts).toEqual([]);
  });

  test('data changed: banners written once and toasted; the next open writes nothing more', () => {
    const host = prepared();
    setCell(host.workbook, 'plan', 3, 'name', 'ชื่อใหม่');
    const first = checkStaleOnOpen(host);
    expect(
      first.reports
        .filter((r) => r.written)
        .map((r) => r.sheet)
        .sort(),
    ).toEqual([...SUMMARIES].sort());
    expect(host.ui.toasts.at(-1)?.message).toContain('ข้อมูลที่เปลี่ยน: แผนปฏิบัติการ');
    host.workbook.calls.clear();
    const second = checkStaleOnOpen(host);
    expect(second.reports.some((r) => r.written)).toBe(false);
    expect(host.workbook.calls.get('appendRows')).toBeUndefined();
  });

  test('AuthMode.NONE: not a single call', () => {
    const host = prepared();
    host.workbook.calls.clear();
    expect(checkStaleOnOpen(host, { authModeNone: true })).toEqual({ reports: [], skipped: 'noAuth' });
    expect(host.workbook.totalCalls()).toBe(0);
    expect(host.lock.attempts).toBe(1); // prepare's own
  });

  test('lock busy: skipped quietly, nothing read or written', () => {
    const host = prepared();
    host.lock.busy = true;
    host.workbook.calls.clear();
    expect(checkStaleOnOpen(host)).toEqual({ reports: [], skipped: 'busy' });
    expect(host.workbook.totalCalls()).toBe(0);
    expect(host.ui.alerts).toEqual([]);
  });

  test('never throws, even when the workbook does; the lock is released', () => {
    const host = prepared();
    host.workbook.readSheet = () => {
      throw new Error('Service Spreadsheets failed');
    };
    expect(checkStaleOnOpen(host)).toEqual({ reports: [], skipped: 'error' });
    expect(host.lock.held).toBe(false);
  });

  test('a summary made alone (no prepare) is checked too', () => {
    const host = sampleHost();
    runItaSummary(host, {});
    setCell(host.workbook, 'scores', 1, 'publishedTotal', 50);
    const result = checkStaleOnOpen(host);
    expect(result.reports).toEqual([
      { key: 'ita', sheet: GENERATED_SHEETS.ita, stale: true, changed: ['คะแนน ITA'], written: true },
    ]);
  });
});

describe('on open, through the SpreadsheetApp fake via gasHost()', () => {
  afterEach(() => uninstallFakeGlobals(globalThis));

  test('a fresh spreadsheet: no input read at all; a busy lock: nothing read or written', () => {
    const gas = installFakeGlobals(globalThis, { sheets: sampleSeeds() });
    const calls = gas.counter.measure(() => checkStaleOnOpen(gasHost()));
    expect(Object.keys(calls.calls).filter((k) => k.startsWith('Range.get'))).toEqual([]);
    expect(gas.lock.attempts).toEqual([1000]);
    expect(gas.lock.held).toBe(false);
    runPrepareForSupervisors(gasHost(), {});
    gas.lock.mode = 'busy';
    const busy = gas.counter.measure(() => expect(checkStaleOnOpen(gasHost()).skipped).toBe('busy'));
    expect(Object.keys(busy.calls).filter((k) => !k.startsWith('Lock'))).toEqual([]);
  });

  test('after a change: the banners are written on open, then not again', () => {
    const gas = installFakeGlobals(globalThis, { sheets: sampleSeeds() });
    runPrepareForSupervisors(gasHost(), {});
    gas.spreadsheet.getSheetByName('แผนปฏิบัติการ')?.getRange(3, 5).setValue('ชื่อใหม่');
    const first = checkStaleOnOpen(gasHost());
    expect(first.reports.filter((r) => r.written)).toHaveLength(6);
    expect(gas.state.toasts.at(-1)?.message).toContain('ข้อมูลที่เปลี่ยน: แผนปฏิบัติการ');
    const row = parseState(gas.inspect(GENERATED_SHEETS.state).values() as never).find((e) => e.key === 'ita')
      ?.status?.row as number;
    expect(sheetsInStatus(String(gas.inspect(GENERATED_SHEETS.ita).value(row, 1)))).toEqual(['แผนปฏิบัติการ']);
    const again = gas.counter.measure(() => checkStaleOnOpen(gasHost()));
    expect(again.calls['Range.setValues']).toBeUndefined();
  });
});
