/** Google Sheets adapter: the port over SpreadsheetApp, LockService and the Sheets UI. */
export { GasWorkbook } from './gas-workbook';
export { GasUi } from './gas-ui';
export { GasLock } from './gas-lock';
export { gasHost } from './gas-host';
export { zonedMidnight } from '../../core/zone';
export { hyperlinkFormula, textValue } from './out-cells';
