/**
 * Thai document functions for use in cells (=THAIDATE, =FISCALYEAR, =PERIOD_START, =PERIOD_END,
 * =THAIDIGITS). The entry re-exports them, so the build makes each a top-level function and copies its
 * JSDoc; `@customfunction` puts it in Sheets' formula autocomplete with the Thai help below. The logic is
 * in src/core/sheet-functions.ts; here only the time zone is read, with one call per formula (custom
 * functions may read the spreadsheet but nothing else), and never for THAIDIGITS.
 */
import {
  fiscalYearCells,
  periodEndCells,
  periodStartCells,
  readDateStyle,
  readDigitsFlag,
  thaiDateCells,
  thaiDigitsCells,
  type SheetInput,
  type SheetOutput,
} from '../core/sheet-functions';

/** Date cells reach custom functions as midnight in the spreadsheet's zone, so dates are read in it. */
function spreadsheetTimeZone(): string {
  return SpreadsheetApp.getActive().getSpreadsheetTimeZone();
}

/**
 * เขียนวันที่เป็นข้อความภาษาไทย ปี พ.ศ. เช่น "3 ตุลาคม 2565" หรือ "๓ ต.ค. ๖๕" ใส่ทั้งคอลัมน์ได้ในสูตรเดียว
 *
 * @param {Date|string|Array<Array<Date|string>>} date วันที่ หรือช่วงเซลล์วันที่ (เซลล์วันที่ หรือข้อความ เช่น "1/10/2565", "1 ต.ค. 65")
 * @param {string} style รูปแบบ (ไม่ใส่ = "long"): "long" หรือ "เต็ม" = 3 ตุลาคม 2565, "medium" หรือ "ย่อ" = 3 ต.ค. 2565, "short" หรือ "สั้น" = 3 ต.ค. 65, "numeric" หรือ "ตัวเลข" = 3/10/2565
 * @param {boolean} thai_digits TRUE = ใช้เลขไทย (๓ ต.ค. ๒๕๖๕), FALSE หรือไม่ใส่ = เลขอารบิก
 * @return ข้อความวันที่แบบไทย ช่องว่างได้ผลว่าง ช่องที่อ่านไม่ได้ได้ข้อความ "⚠ …" บอกสาเหตุ
 * @customfunction
 */
export function THAIDATE(date: SheetInput, style?: SheetInput, thai_digits?: SheetInput): SheetOutput {
  const format = { style: readDateStyle(style), digits: readDigitsFlag(thai_digits) };
  return thaiDateCells(date, format, spreadsheetTimeZone());
}

/**
 * ปีงบประมาณ (พ.ศ.) ของวันที่ ปีงบประมาณเริ่ม 1 ตุลาคม เช่น 1 ต.ค. 2565 อยู่ในปีงบประมาณ 2566
 *
 * @param {Date|string|Array<Array<Date|string>>} date วันที่ หรือช่วงเซลล์วันที่ (เซลล์วันที่ หรือข้อความ เช่น "1/10/2565")
 * @return ปีงบประมาณ พ.ศ. เป็นตัวเลข เช่น 2566 ช่องที่อ่านไม่ได้ได้ข้อความ "⚠ …" บอกสาเหตุ
 * @customfunction
 */
export function FISCALYEAR(date: SheetInput): SheetOutput {
  return fiscalYearCells(date, spreadsheetTimeZone());
}

/**
 * วันเริ่มต้นของระยะเวลาที่เขียนเป็นข้อความ เช่น "ต.ค. 2565 – มี.ค. 2566" ได้วันที่ 1 ต.ค. 2565 (เป็นค่าวันที่)
 *
 * @param {string|Array<Array<string>>} text ระยะเวลา หรือช่วงเซลล์ระยะเวลา เช่น "1 ต.ค. 2565 - 30 ก.ย. 2566", "ปีงบประมาณ 2566", "ไตรมาส 1/2566"
 * @param {number} fiscal_year (ไม่บังคับ) ปีงบประมาณ พ.ศ. สำหรับข้อความที่ไม่ระบุปี เช่น "ต.ค. – ธ.ค." ใส่ค่าเดียว หรือช่วงเซลล์ขนาดเท่ากับ text
 * @return วันที่เริ่มต้น ช่องที่อ่านไม่ได้ได้ข้อความ "⚠ …" บอกสาเหตุและตัวอย่างที่ถูกต้อง
 * @customfunction
 */
export function PERIOD_START(text: SheetInput, fiscal_year?: SheetInput): SheetOutput {
  return periodStartCells(text, fiscal_year, spreadsheetTimeZone());
}

/**
 * วันสิ้นสุดของระยะเวลาที่เขียนเป็นข้อความ เช่น "ต.ค. 2565 – มี.ค. 2566" ได้วันที่ 31 มี.ค. 2566 (เป็นค่าวันที่)
 *
 * @param {string|Array<Array<string>>} text ระยะเวลา หรือช่วงเซลล์ระยะเวลา เช่น "1 ต.ค. 2565 - 30 ก.ย. 2566", "ปีงบประมาณ 2566", "ไตรมาส 1/2566"
 * @param {number} fiscal_year (ไม่บังคับ) ปีงบประมาณ พ.ศ. สำหรับข้อความที่ไม่ระบุปี เช่น "ต.ค. – ธ.ค." ใส่ค่าเดียว หรือช่วงเซลล์ขนาดเท่ากับ text
 * @return วันที่สิ้นสุด ช่องที่อ่านไม่ได้ได้ข้อความ "⚠ …" บอกสาเหตุและตัวอย่างที่ถูกต้อง
 * @customfunction
 */
export function PERIOD_END(text: SheetInput, fiscal_year?: SheetInput): SheetOutput {
  return periodEndCells(text, fiscal_year, spreadsheetTimeZone());
}

/**
 * เปลี่ยนเลขอารบิก 0–9 ในข้อความหรือตัวเลขเป็นเลขไทย ๐–๙ เช่น "ปี 2566" เป็น "ปี ๒๕๖๖"
 *
 * @param {string|number|Array<Array<string|number>>} value ข้อความหรือตัวเลข หรือช่วงเซลล์ (ตัวเลขใช้ค่าจริง ไม่มีจุลภาค ถ้าต้องการ ๗๗,๒๐๐ ให้ใช้ THAIDIGITS(TEXT(A1, "#,##0")))
 * @return ข้อความเดิมที่ใช้เลขไทย
 * @customfunction
 */
export function THAIDIGITS(value: SheetInput): SheetOutput {
  return thaiDigitsCells(value);
}
