/**
 * The command through the Google Sheets adapter over the strict SpreadsheetApp fake: the sheet it
 * renders shows the JSON's figures, the chart is a stacked column chart over the data block, and the
 * number of service calls does not grow with the number of plan and tracking rows.
 */
import { GasWorkbook } from '../../src/adapters/gas';
import { FakeLock, RecordingUi } from '../../src/adapters/memory/memory-workbook';
import { appendRecords, type NewRow } from '../../src/commands/append';
import { budgetCommand } from '../../src/commands/budget';
import { buildSample } from '../../src/cli/sample';
import type { CellValue } from '../../src/core/cells';
import type { BudgetJson } from '../../src/core/budget';
import { GENERATED_SHEETS } from '../../src/core/schema';
import { createFakeGas } from '../fakes/spreadsheet-app';
import { sampleFiles } from '../helpers/workbooks';
import { expectSheetMatchesJson } from './budget-sheet';

const BUDGET = GENERATED_SHEETS.budget;

function sampleOnGas(extraRows = 0) {
  const gas = createFakeGas();
  const workbook = new GasWorkbook(gas.spreadsheet, gas.SpreadsheetApp);
  buildSample(workbook, sampleFiles());
  if (extraRows) {
    const plan: NewRow[] = Array.from({ length: extraRows }, (_, i) => ({
      values: { code: `9-${i}`, dimension: '3', submission: '3.3', type: 'โครงการ', name: `รายการ ${i}` },
      family: new Map([[2567, 'จำนวน 1,000 บาท']]),
    }));
    appendRecords(workbook, 'แผนปฏิบัติการ', 'plan', plan);
    appendRecords(
      workbook,
      'ติดตามผล',
      'tracking',
      plan.map((p) => ({ values: { code: p.values.code, fiscalYear: 2566, disbursed: 10 } })),
    );
  }
  const host = {
    workbook,
    ui: new RecordingUi(),
    lock: new FakeLock(),
    now: () => new Date('2023-04-15T03:00:00Z'),
  };
  return { gas, host };
}

test('Google Sheets: the rendered sheet shows the JSON figures, with a stacked column chart', () => {
  const { gas, host } = sampleOnGas();
  const json = budgetCommand.json(budgetCommand.run(host, {})) as BudgetJson;
  const view = gas.inspect(BUDGET);
  expectSheetMatchesJson(view.values() as CellValue[][], json);
  const charts = view.state.charts;
  expect(charts).toHaveLength(1);
  expect(charts[0].type).toBe('COLUMN');
  expect(charts[0].options.isStacked).toBe(true);
  expect(charts[0].numHeaders).toBe(1);
  expect(charts[0].ranges[0]).toMatchObject({ rows: 6, cols: 5 });
});

test('Google Sheets: service calls stay the same with 400 more plan and tracking rows', () => {
  const small = sampleOnGas();
  const big = sampleOnGas(400);
  const smallCalls = small.gas.counter.measure(() => budgetCommand.run(small.host, {}));
  let bigJson: BudgetJson | undefined;
  const bigCalls = big.gas.counter.measure(() => {
    bigJson = budgetCommand.json(budgetCommand.run(big.host, {})) as BudgetJson;
  });
  // 400 × 1,000 more in 2567; 400 × 10 disbursed in 2566
  expect(bigJson?.grandTotal.budget['2567']).toBe(77200 + 400000);
  expect(bigJson?.trackedYear?.disbursed).toBe(4000);
  expect(bigCalls.calls).toEqual(smallCalls.calls);
  // One values write for the whole generated sheet, one for the state registry (_ita_state).
  expect(smallCalls.calls['Range.setValues']).toBe(2);
});
