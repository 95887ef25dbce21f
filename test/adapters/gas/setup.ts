/** The Google Sheets adapter over a fresh strict fake, for the adapter's tests. */
import { GasWorkbook } from '../../../src/adapters/gas';
import { createFakeGas, type FakeGas, type FakeOptions } from '../../fakes/spreadsheet-app';

export function setup(options: FakeOptions = {}): { gas: FakeGas; wb: GasWorkbook } {
  const gas = createFakeGas(options);
  return { gas, wb: new GasWorkbook(gas.spreadsheet, gas.SpreadsheetApp) };
}
