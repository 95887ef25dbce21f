/**
 * The ITA Sheets menu, declared once as data: onOpen builds it, the bundle test checks every handler
 * exists, and the คู่มือ sheet explains each item.
 */

export interface MenuItem {
  label: string;
  /** Name of the top-level function Apps Script calls (an export of the entry module). */
  handler: string;
  /** One line for the guide sheet: what it does and what it leaves behind. */
  help: string;
}

export type MenuEntry = MenuItem | 'separator';

export const MENU_TITLE = 'ITA Sheets';

export const MENU: readonly MenuEntry[] = [
  {
    label: 'ตรวจสอบข้อมูล',
    handler: 'menuValidate',
    help: 'ตรวจทุกช่องที่กรอก แสดงปัญหาในชีต "ผลการตรวจสอบ" พร้อมลิงก์ไปยังเซลล์ และระบายสีเซลล์ที่ต้องแก้ (ข้อมูลที่กรอกไม่ถูกแก้ไข)',
  },
  {
    label: 'แผงตรวจสอบ',
    handler: 'showPanel',
    help: 'เปิดแผงด้านข้าง: ตัวเลขสรุป (ข้อผิดพลาด คำเตือน งานเลยกำหนด/ใกล้ครบกำหนด งบประมาณรวม ITA ล่าสุด) และรายการที่ต้องแก้แยกตามกฎ คลิกหรือกด Enter ที่รายการเพื่อไปยังเซลล์ (อ่านอย่างเดียว ไม่เขียนสิ่งใดลงในไฟล์)',
  },
  {
    label: 'คำนวณงบประมาณรายมิติ',
    handler: 'menuBudget',
    help: 'สรุปจำนวนโครงการ/มาตรการ/กิจกรรมและงบประมาณรายปีตามมิติและภารกิจ พร้อมยอดรวม ในชีต "งบประมาณรายมิติ"',
  },
  {
    label: 'ตรวจหามาตรการที่เลยกำหนด',
    handler: 'menuOverdue',
    help: 'หางานที่เลยกำหนดหรือใกล้ครบกำหนด ณ วันที่ในชีตตั้งค่า ในชีต "เลยกำหนด" และระบายสีแถวนั้น',
  },
  {
    label: 'สร้างรายงานสรุปความก้าวหน้า…',
    handler: 'menuProgressSummary',
    help: 'ถามปีงบประมาณและรอบ (6 หรือ 12 เดือน) แล้วสร้างรายงานสรุปความก้าวหน้าสำหรับผู้บังคับบัญชา พร้อมพิมพ์',
  },
  {
    label: 'สรุปคะแนน ITA',
    handler: 'menuItaSummary',
    help: 'คำนวณคะแนนรวมและผลการประเมินรายปี แนวโน้ม ระยะห่างจากเป้าหมาย และมาตรการที่รองรับตัวชี้วัดที่ได้คะแนนต่ำ ในชีต "สรุป ITA"',
  },
  'separator',
  {
    label: 'เตรียมส่งผู้บังคับบัญชา',
    handler: 'menuPrepare',
    help: 'ทำทุกขั้นในครั้งเดียว: ตรวจสอบข้อมูล งบประมาณรายมิติ งานที่เลยกำหนด รายงานสรุปความก้าวหน้าของปีและรอบในชีตตั้งค่า และสรุป ITA แล้วสร้างหรือปรับปรุงชีต "การรับรอง" ให้ผู้บังคับบัญชาลงความเห็น (ความเห็นที่กรอกไว้ไม่ถูกเขียนทับ) และเปิดรายงานสรุปความก้าวหน้าไว้หน้าแรก',
  },
  {
    label: 'ตรวจสอบการเปลี่ยนแปลงข้อมูล',
    handler: 'menuStaleCheck',
    help: 'เทียบข้อมูลที่กรอกกับข้อมูลที่ใช้จัดทำรายงานแต่ละชีต แล้วเขียนผลที่แถวสถานะบนหัวรายงานและชีตการรับรอง: "✓ ข้อมูลตรงกับที่ใช้จัดทำรายงาน" หรือ "⚠ ข้อมูลมีการเปลี่ยนแปลงหลังจัดทำรายงาน" พร้อมชื่อชีตที่เปลี่ยน (ตรวจให้ทุกครั้งที่เปิดไฟล์ด้วย)',
  },
  'separator',
  {
    label: 'สร้างแถวติดตามผลปีงบประมาณ…',
    handler: 'menuCreateTrackingRows',
    help: 'เพิ่มแถวในชีต "ติดตามผล" ให้ทุกรายการในแผนที่ดำเนินการในปีที่เลือก (ไม่สร้างซ้ำ ไม่แก้ไขแถวเดิม)',
  },
  'separator',
  {
    label: 'ล้างเครื่องหมาย',
    handler: 'menuClearMarks',
    help: 'ลบสีและบันทึกที่ระบบทำไว้บนเซลล์ทั้งหมด และคืนสีกับบันทึกเดิมของเซลล์',
  },
  {
    label: 'ตั้งค่า/ซ่อมแซมแม่แบบ',
    handler: 'menuSetupTemplate',
    help: 'สร้างชีตที่ขาด เพิ่มหัวคอลัมน์ที่หาย และตั้งรายการเลือก รูปแบบ และคำอธิบายหัวคอลัมน์ใหม่ โดยไม่แก้ไขข้อมูลเดิม',
  },
];

export function menuItems(): MenuItem[] {
  return MENU.filter((e): e is MenuItem => e !== 'separator');
}

export function menuHandlers(): string[] {
  return menuItems().map((e) => e.handler);
}

export function menuLabel(handler: string): string {
  return menuItems().find((e) => e.handler === handler)?.label ?? handler;
}
