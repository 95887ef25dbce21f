/** "ล้างเครื่องหมาย": every mark the add-in put on input cells goes, the user's own formatting comes back. */
import type { Host } from '../port/workbook';
import { applyMarks, withDocumentLock } from './context';

export function runClearMarks(host: Host): { restored: number } {
  return withDocumentLock(host, () => {
    const sheets = host.workbook.listSheets();
    const { restored } = applyMarks(host.workbook, sheets, ['validation', 'overdue'], []);
    host.ui.toast(
      restored ? `ล้างเครื่องหมายแล้ว ${restored} เซลล์ และคืนรูปแบบเดิมของเซลล์เหล่านั้น` : 'ไม่มีเครื่องหมายที่ต้องล้าง',
      'ล้างเครื่องหมาย',
    );
    return { restored };
  });
}
