/** The ITA Sheets menu, declared once: onOpen builds it and the bundle test checks every handler exists. */

export interface MenuItem {
  label: string;
  /** Name of the top-level function Apps Script calls (an export of the entry module). */
  handler: string;
}

export type MenuEntry = MenuItem | 'separator';

export const MENU_TITLE = 'ITA Sheets';

export const MENU: readonly MenuEntry[] = [
  { label: 'ตรวจสอบข้อมูล', handler: 'menuValidate' },
  { label: 'คำนวณงบประมาณรายมิติ', handler: 'menuBudget' },
  { label: 'ตรวจหามาตรการที่เลยกำหนด', handler: 'menuOverdue' },
  { label: 'สร้างรายงานสรุปความก้าวหน้า…', handler: 'menuProgressSummary' },
  { label: 'สรุปคะแนน ITA', handler: 'menuItaSummary' },
  'separator',
  { label: 'สร้างแถวติดตามผลปีงบประมาณ…', handler: 'menuCreateTrackingRows' },
  'separator',
  { label: 'ล้างเครื่องหมาย', handler: 'menuClearMarks' },
  { label: 'ตั้งค่า/ซ่อมแซมแม่แบบ', handler: 'menuSetupTemplate' },
];

export function menuHandlers(): string[] {
  return MENU.filter((e): e is MenuItem => e !== 'separator').map((e) => e.handler);
}
