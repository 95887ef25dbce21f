import { XlsxWorkbook } from '../../../src/adapters/xlsx';
import { lineCount } from '../../../src/adapters/xlsx/row-heights';
import { SheetBuilder } from '../../../src/core/report/builder';

describe('row heights for wrapped text in .xlsx output', () => {
  test('Thai vowel and tone marks take no width; newlines start lines', () => {
    expect(lineCount('ก'.repeat(10), 76, 10)).toBe(1);
    expect(lineCount('ก'.repeat(11), 76, 10)).toBe(2);
    expect(lineCount('กิ่'.repeat(10), 76, 10)).toBe(1);
    expect(lineCount('ก\nข\nค', 300, 10)).toBe(3);
  });

  test('a long wrapped text gets a taller row; short text and unwrapped text keep the default', async () => {
    const long = 'การเสริมสร้างจิตสำนึกและความตระหนักแก่บุคลากรทั้งข้าราชการการเมืองฝ่ายบริหาร ข้าราชการการเมืองฝ่ายสภาท้องถิ่น';
    const builder = new SheetBuilder('ทดสอบ', 2);
    builder.table({
      columns: [
        { header: 'ชื่อ', width: 120, wrap: true },
        { header: 'ไม่ตัดบรรทัด', width: 60 },
      ],
      rows: [
        [long, long],
        ['สั้น', 'สั้น'],
      ],
    });
    const workbook = XlsxWorkbook.create();
    workbook.writeSheet(builder.build());
    const reloaded = await XlsxWorkbook.fromBuffer(await workbook.toBuffer());
    const sheet = reloaded.excel.getWorksheet('ทดสอบ');
    expect(sheet?.getRow(2).height).toBeGreaterThan(40);
    expect(sheet?.getRow(3).height ?? 15).toBeLessThanOrEqual(15);
  });
});
