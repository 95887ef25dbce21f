/**
 * What the Google Sheets adapter asks of SpreadsheetApp (bench/ measures it at scale): the sheet list
 * once per run, ids and visibility only when read, nothing set that a new sheet already has, hidden
 * registries rewritten without cosmetics, a sheet protection reused rather than removed and re-added,
 * and per command a count of document calls that does not grow with rows and stays near the minimum of
 * bench/minimum.ts.
 */
import { GasWorkbook, gasHost } from '../../../src/adapters/gas';
import { FakeLock, RecordingUi, type MemoryWorkbook } from '../../../src/adapters/memory/memory-workbook';
import { appendRecords, type NewRow } from '../../../src/commands/append';
import type { Host } from '../../../src/port/workbook';
import { countingHost } from '../../../bench/minimum';
import {
  createFakeGas,
  installFakeGlobals,
  uninstallFakeGlobals,
  type FakeGas,
} from '../../fakes/spreadsheet-app';
import { sheetModel } from '../../helpers/sheet-models';
import { setup } from './setup';
import { sampleWorkbook } from '../../helpers/workbooks';
import { COMMANDS, fakeSeed, NOW } from '../../robustness/workbooks';

const model = sheetModel;

describe('the sheet list', () => {
  test('fetched once: getSheets once, getName once per sheet, no lookup by name', () => {
    const { gas, wb } = setup({ sheets: { A: [['a']], B: [['b']], C: [] } });
    const calls = gas.counter.measure(() => {
      wb.listSheets();
      wb.readSheet('A');
      wb.readSheet('b'); // names match without regard to case, as in Sheets
      wb.writeSheet(model({ name: 'C', rows: [['x']] }));
      wb.listSheets();
      wb.activate('A');
    });
    expect(calls.calls['Spreadsheet.getSheets']).toBe(1);
    expect(calls.calls['Sheet.getName']).toBe(3);
    expect(calls.calls['Spreadsheet.getSheetByName']).toBeUndefined();
    expect(wb.readSheet('b')?.values).toEqual([['b']]);
  });

  test('ids and visibility are asked only when read, once each', () => {
    const { gas, wb } = setup({ sheets: { A: [], B: [] } });
    gas.spreadsheet.getSheetByName('B')?.hideSheet();
    gas.counter.reset();
    const sheets = wb.listSheets();
    expect(sheets.map((s) => s.name)).toEqual(['A', 'B']);
    expect(gas.counter.count('Sheet.getSheetId') + gas.counter.count('Sheet.isSheetHidden')).toBe(0);
    expect(sheets.map((s) => [s.id, s.hidden])).toEqual(gas.state.sheets.map((s) => [s.id, s.hidden]));
    expect(wb.listSheets().map((s) => s.id)).toEqual(gas.state.sheets.map((s) => s.id));
    expect(gas.counter.count('Sheet.getSheetId')).toBe(2);
    expect(gas.counter.count('Sheet.isSheetHidden')).toBe(2);
  });

  test('sheets this run inserts or deletes are in the list without asking Sheets again', () => {
    const { gas, wb } = setup({ sheets: { A: [] } });
    wb.listSheets();
    wb.writeSheet(model({ name: 'ผล', rows: [['x']] }));
    wb.deleteSheet('A');
    const calls = gas.counter.measure(() => expect(wb.listSheets().map((s) => s.name)).toEqual(['ผล']));
    expect(calls.total).toBe(0);
    expect(gas.state.sheets.map((s) => s.name)).toEqual(['ผล']);
  });
});

describe('writing a generated sheet', () => {
  test('a new sheet: no zero frozen rows, default widths, empty tab colour or showSheet are set', () => {
    const { gas, wb } = setup({ sheets: { A: [] } });
    wb.listSheets();
    const calls = gas.counter.measure(() =>
      wb.writeSheet(model({ name: 'ใหม่', rows: [['ก', 'ข', 'ค']], columnWidths: [200] })),
    );
    for (const name of ['Sheet.setFrozenRows', 'Sheet.setTabColor', 'Sheet.showSheet', 'Sheet.clear']) {
      expect(calls.calls[name]).toBeUndefined();
    }
    expect(calls.calls['Sheet.setColumnWidths']).toBe(1);
    const state = gas.inspect('ใหม่').state;
    expect(state).toMatchObject({ frozenRows: 0, tabColor: null, hidden: false });
    expect(state.columnWidths.get(1)).toBe(200);
  });

  test('a hidden registry rewritten: values only, no fonts, widths, panes, tab colour or hiding', () => {
    const { gas, wb } = setup({ sheets: { A: [] } });
    const registry = (rows: string[][]) =>
      model({ name: '_ita_marks', rows, hidden: true, protect: true, frozenRows: 1, columnWidths: [80] });
    wb.writeSheet(registry([['sheet'], ['A']]));
    const next = new GasWorkbook(gas.spreadsheet, gas.SpreadsheetApp); // the next run
    const calls = gas.counter.measure(() => next.writeSheet(registry([['sheet'], ['B']])));
    for (const name of [
      'Range.setFontFamily',
      'Sheet.setColumnWidths',
      'Sheet.setFrozenRows',
      'Sheet.setTabColor',
      'Sheet.hideSheet',
      'Sheet.showSheet',
      'Sheet.protect',
      'Protection.remove',
    ]) {
      expect({ name, calls: calls.calls[name] ?? 0 }).toEqual({ name, calls: 0 });
    }
    expect(calls.calls['Sheet.isSheetHidden']).toBe(1);
    const view = gas.inspect('_ita_marks');
    expect(view.values()).toEqual([['sheet'], ['B']]);
    expect(view.state.hidden).toBe(true);
    expect(view.state.protections).toEqual([expect.objectContaining({ type: 'SHEET', warningOnly: true })]);
  });

  test('a protected sheet keeps its one protection (reused, still warning-only), an unprotected one loses it', () => {
    const { gas, wb } = setup({ sheets: { A: [] } });
    wb.writeSheet(model({ name: 'ผล', rows: [['1']], protect: true }));
    const next = new GasWorkbook(gas.spreadsheet, gas.SpreadsheetApp);
    const calls = gas.counter.measure(() =>
      next.writeSheet(model({ name: 'ผล', rows: [['2']], protect: true })),
    );
    expect(calls.calls['Sheet.protect']).toBeUndefined();
    expect(calls.calls['Protection.remove']).toBeUndefined();
    expect(gas.inspect('ผล').state.protections).toEqual([
      expect.objectContaining({
        type: 'SHEET',
        warningOnly: true,
        description: expect.stringContaining('ITA Sheets'),
      }),
    ]);
    new GasWorkbook(gas.spreadsheet, gas.SpreadsheetApp).writeSheet(model({ name: 'ผล', rows: [['3']] }));
    expect(gas.inspect('ผล').state.protections).toEqual([]);
  });

  test('a sheet written twice in one run is cleared the second time', () => {
    const { gas, wb } = setup({ sheets: { A: [] } });
    wb.writeSheet(
      model({
        name: 'ผล',
        rows: [
          ['a', 'b'],
          ['c', 'd'],
        ],
        frozenRows: 1,
      }),
    );
    wb.writeSheet(model({ name: 'ผล', rows: [['e']] }));
    expect(gas.inspect('ผล').values()).toEqual([['e']]);
    expect(gas.inspect('ผล').state.frozenRows).toBe(0);
  });
});

test("gasHost's toast uses the workbook's spreadsheet: one getActiveSpreadsheet per run", () => {
  const gas = installFakeGlobals(globalThis, { sheets: { A: [['a']] } });
  try {
    const host = gasHost();
    const calls = gas.counter.measure(() => {
      host.workbook.listSheets();
      host.ui.toast('เสร็จแล้ว');
    });
    expect(calls.calls['SpreadsheetApp.getActiveSpreadsheet']).toBe(1);
    expect(gas.state.toasts.map((t) => t.message)).toEqual(['เสร็จแล้ว']);
  } finally {
    uninstallFakeGlobals(globalThis);
  }
});

describe('per command, over the sample', () => {
  /**
   * The sample in the fake, with 3 + `extra` more plan items and their tracking rows, in progress and
   * due by the as-of date: every size has overdue marks, findings and the same kinds of content.
   */
  function sampleIn(extra: number): FakeGas {
    const workbook: MemoryWorkbook = sampleWorkbook();
    const plan: NewRow[] = Array.from({ length: 3 + extra }, (_, i) => ({
      values: {
        code: `9-${i}`,
        dimension: '3',
        submission: '3.3',
        type: 'โครงการ',
        name: `รายการ ${i}`,
        responsible: 'สำนักปลัด',
        period: 'ต.ค. 65 - มี.ค. 66',
      },
      family: new Map([[2566, 'จำนวน 1,000 บาท']]),
    }));
    appendRecords(workbook, 'แผนปฏิบัติการ', 'plan', plan);
    appendRecords(
      workbook,
      'ติดตามผล',
      'tracking',
      plan.map((p) => ({ values: { code: p.values.code, fiscalYear: 2566, status: 'อยู่ระหว่างดำเนินการ' } })),
    );
    return createFakeGas({ sheets: fakeSeed(workbook).sheets });
  }

  function measure(gas: FakeGas, run: (host: Host) => unknown) {
    const wb = new GasWorkbook(gas.spreadsheet, gas.SpreadsheetApp);
    const base: Host = { workbook: wb, ui: new RecordingUi(), lock: new FakeLock(), now: () => NOW };
    run(base); // the state a repeat run meets: reports and marks already there
    const host = countingHost({ ...base, workbook: new GasWorkbook(gas.spreadsheet, gas.SpreadsheetApp) });
    const { calls } = gas.counter.measure(() => run(host));
    const document = Object.entries(calls)
      .filter(([name]) => !/Builder\.|^DataValidation\.|newDataValidation|newChart|^Lock|^Ui\./.test(name))
      .reduce((sum, [, n]) => sum + n, 0);
    return { calls, document, minimum: host.workbook.minimum() };
  }

  test.each(COMMANDS)('$name: the same calls with 300 more rows, at most twice the minimum', ({ run }) => {
    const small = measure(sampleIn(0), run);
    const large = measure(sampleIn(300), run);
    expect(large.calls).toEqual(small.calls);
    expect(small.document).toBeLessThanOrEqual(2 * small.minimum);
  });
});
