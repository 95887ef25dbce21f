import type { Host } from '../../port/workbook';
import { GasLock } from './gas-lock';
import { GasUi } from './gas-ui';
import { GasWorkbook } from './gas-workbook';

/** Everything a command may touch, over the running script's services (created lazily: safe at load). */
export function gasHost(): Host {
  const workbook = new GasWorkbook();
  return {
    workbook,
    ui: new GasUi(undefined, () => workbook.spreadsheet()),
    lock: new GasLock(),
    now: () => new Date(),
  };
}
