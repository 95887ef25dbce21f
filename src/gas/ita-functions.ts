/**
 * The custom functions =ITA_TOTAL and =ITA_GRADE. Each call reads the reference sheet once (a fixed
 * number of SpreadsheetApp reads, whatever the size of the range; custom functions may read, never write)
 * and hands the arrays to the core. Bad input gives Thai text in its cell; nothing is thrown for a bad row.
 */
import { GasWorkbook } from '../adapters/gas/gas-workbook';
import { readInputs, type Reference } from '../core/inputs';
import { itaGradeCells, itaTotalCells, problemText, type FunctionResult } from '../core/ita-functions';
import { inputSheet } from '../core/schema';

const REFERENCE_SHEET = inputSheet('reference').name;

type Result = { ok: true; reference: Reference } | { ok: false; text: string };

function readReference(): Result {
  const workbook = new GasWorkbook();
  const snapshot = workbook.readSheet(REFERENCE_SHEET);
  if (!snapshot) {
    return {
      ok: false,
      text: problemText(
        `ไม่พบชีต "${REFERENCE_SHEET}" ที่เก็บกรอบตัวชี้วัด ITA เลือกเมนู ITA Sheets › ตั้งค่า/ซ่อมแซมแม่แบบ เพื่อสร้างชีต`,
      ),
    };
  }
  return { ok: true, reference: readInputs({ reference: snapshot }, workbook.timeZone()).reference };
}

/** Unexpected failures become a Thai message in the cell rather than Sheets' bare #ERROR!. */
function guarded(run: (reference: Reference) => FunctionResult): FunctionResult {
  try {
    const read = readReference();
    return read.ok ? run(read.reference) : [[read.text]];
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return [[problemText(`คำนวณไม่ได้เพราะเกิดข้อผิดพลาด: ${detail}`)]];
  }
}

/**
 * คำนวณคะแนนรวม ITA จากคะแนน 10 ตัวชี้วัด ตามน้ำหนักเครื่องมือ (IIT EIT OIT) ของปีประเมินในชีต "อ้างอิง"
 * ปัดทศนิยม 2 ตำแหน่ง เลือกได้ทั้งคอลัมน์ในครั้งเดียว เช่น =ITA_TOTAL(B2:K20, A2:A20)
 * ได้คะแนนรวมแถวละหนึ่งค่า แถวที่ว่างได้ช่องว่าง แถวที่คะแนนไม่ครบหรือผิดได้ข้อความบอกสิ่งที่ต้องแก้
 *
 * @param {Array<Array<number>>} scores คะแนนตัวชี้วัดที่ 1–10 เรียงตามเลขตัวชี้วัด แถวละหนึ่งปี (ช่วงกว้าง 10 คอลัมน์)
 * @param {number|Array<Array<number>>} year (ไม่บังคับ) ปีประเมิน พ.ศ. ค่าเดียว หรือคอลัมน์ปีที่มีจำนวนแถวเท่ากับช่วงคะแนน ไม่ใส่ = ใช้กรอบล่าสุดในชีตอ้างอิง
 * @return คะแนนรวมของแต่ละแถว แถวที่ว่างได้ผลว่าง แถวที่ผิดได้ข้อความ "⚠ …" บอกสิ่งที่ต้องแก้
 * @customfunction
 */
export function ITA_TOTAL(scores: unknown, year?: unknown): FunctionResult {
  return guarded((reference) => itaTotalCells(scores, year, reference));
}

/**
 * บอกผลการประเมิน ITA (ระดับ AA–F ถึงปี 2566 หรือ ผ่านดีเยี่ยม ผ่านดี ผ่าน ต้องปรับปรุง ตั้งแต่ปี 2567)
 * ตามเกณฑ์ของปีประเมินในชีต "อ้างอิง" ใส่คะแนนรวม (ช่องเดียวหรือทั้งคอลัมน์ เช่น =ITA_GRADE(L2:L20, A2:A20))
 * หรือคะแนน 10 ตัวชี้วัดแถวละหนึ่งปี ซึ่งจำเป็นสำหรับระดับที่ต้องผ่านทุกเครื่องมือ
 *
 * @param {number|Array<Array<number>>} score คะแนนรวม 0–100 หรือช่วงคะแนนรวม หรือช่วงคะแนน 10 ตัวชี้วัด (กว้าง 10 คอลัมน์ แถวละหนึ่งปี)
 * @param {number|Array<Array<number>>} year (ไม่บังคับ) ปีประเมิน พ.ศ. ค่าเดียว หรือคอลัมน์ปีที่มีจำนวนแถวเท่ากับช่วงคะแนน ไม่ใส่ = ใช้เกณฑ์ล่าสุดในชีตอ้างอิง
 * @return ผลการประเมินของแต่ละคะแนน ช่องที่ว่างได้ผลว่าง ช่องที่ผิดได้ข้อความ "⚠ …" บอกสิ่งที่ต้องแก้
 * @customfunction
 */
export function ITA_GRADE(score: unknown, year?: unknown): FunctionResult {
  return guarded((reference) => itaGradeCells(score, year, reference));
}
