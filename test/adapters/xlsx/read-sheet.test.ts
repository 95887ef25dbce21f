import { Workbook } from 'exceljs';
import { XlsxWorkbook } from '../../../src/adapters/xlsx';
import { formatNumber } from '../../../src/adapters/xlsx/number-format';
import { saveExcel, tempDir } from './helpers';

const THAI = 'โครงการส่งเสริมคุณธรรม ๑ ต.ค. ๒๕๖๕ – ๓๐ ก.ย. ๒๕๖๖ (ปีงบประมาณ พ.ศ. ๒๕๖๖) ผู้ใหญ่ๆ ญี่ปุ่น';

/** A workbook written by plain exceljs, as another program would write it. */
function userWorkbook(): Workbook {
  const book = new Workbook();
  const sheet = book.addWorksheet('แผนปฏิบัติการ');
  sheet.getCell('A1').value = 'ข้อความ';
  sheet.getCell('B1').value = THAI;
  sheet.getCell('C1').value = { richText: [{ text: 'ตัว', font: { bold: true } }, { text: 'หนา' }] };
  sheet.getCell('D1').value = { text: 'ไปที่ชีต', hyperlink: "#'อ้างอิง'!A1" };
  sheet.getCell('E1').value = { text: 'เว็บ', hyperlink: 'https://example.org/' };
  sheet.getCell('F1').value = true;
  sheet.getCell('G1').value = { error: '#REF!' } as never;

  const numbers: [string, number, string | undefined][] = [
    ['A2', 1234.5, undefined],
    ['B2', 1234.5, '0'],
    ['C2', 1234.5, '0.00'],
    ['D2', 1234567.891, '#,##0'],
    ['E2', 1234567.891, '#,##0.00'],
    ['F2', 0.856, '0%'],
    ['G2', 0.8567, '0.00%'],
    ['H2', 20000, '#,##0 "บาท"'],
    ['I2', -1500, '#,##0.00;(#,##0.00)'],
    ['J2', 0.1 + 0.2, undefined],
  ];
  for (const [address, value, numFmt] of numbers) {
    sheet.getCell(address).value = value;
    if (numFmt) sheet.getCell(address).numFmt = numFmt;
  }

  sheet.getCell('A3').value = new Date(Date.UTC(2022, 9, 1));
  sheet.getCell('A3').numFmt = 'd/m/yyyy';
  sheet.getCell('B3').value = new Date(Date.UTC(2023, 8, 30));
  sheet.getCell('B3').numFmt = 'dd mmm yyyy';
  sheet.getCell('C3').value = { formula: 'B2*2', result: 2469 } as never;
  sheet.getCell('D3').value = { formula: 'F2', result: 0.856 } as never;
  sheet.getCell('D3').numFmt = '0.0%';
  sheet.getCell('E3').value = { formula: 'A9', result: undefined } as never;

  // Shared formula: E4 is the master, E5:E6 share it.
  sheet.getCell('A4').value = 1;
  sheet.getCell('A5').value = 2;
  sheet.getCell('A6').value = 3;
  sheet.getCell('E4').value = { formula: 'A4*10', result: 10, shareType: 'shared', ref: 'E4:E6' } as never;
  sheet.getCell('E5').value = { sharedFormula: 'E4', result: 20 } as never;
  sheet.getCell('E6').value = { sharedFormula: 'E4', result: 30 } as never;

  sheet.getCell('A7').value = 'หัวข้อรวม';
  sheet.mergeCells('A7:C7');
  // Formatting alone beyond the data does not widen the used block.
  sheet.getCell('K20').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  book.addWorksheet('อ้างอิง').getCell('A1').value = 'x';
  return book;
}

describe('XlsxWorkbook.readSheet on a file written by plain exceljs', () => {
  const dir = tempDir();
  let workbook: XlsxWorkbook;

  beforeAll(async () => {
    await saveExcel(userWorkbook(), dir.path('user.xlsx'));
    workbook = await XlsxWorkbook.load(dir.path('user.xlsx'));
  });
  afterAll(() => dir.cleanup());

  const read = () => {
    const snapshot = workbook.readSheet('แผนปฏิบัติการ');
    if (!snapshot) throw new Error('sheet missing');
    return snapshot;
  };

  it('returns the used block from A1 in UTC', () => {
    const snapshot = read();
    expect(snapshot.timeZone).toBe('UTC');
    expect(workbook.timeZone()).toBe('UTC');
    expect(snapshot.values).toHaveLength(7);
    for (const grid of [snapshot.values, snapshot.formulas, snapshot.displays]) {
      expect(grid.every((row) => row.length === 10)).toBe(true);
    }
  });

  it('reads text, Thai text byte for byte, rich text, links, booleans and errors', () => {
    const { values, displays } = read();
    expect(values[0]).toEqual(['ข้อความ', THAI, 'ตัวหนา', 'ไปที่ชีต', 'เว็บ', true, '#REF!', null, null, null]);
    expect(Buffer.from(values[0][1] as string).equals(Buffer.from(THAI))).toBe(true);
    expect(displays[0].slice(0, 7)).toEqual(['ข้อความ', THAI, 'ตัวหนา', 'ไปที่ชีต', 'เว็บ', 'TRUE', '#REF!']);
  });

  it('shows numbers per their number format', () => {
    const { values, displays } = read();
    expect(values[1][0]).toBe(1234.5);
    expect(displays[1]).toEqual([
      '1234.5',
      '1235',
      '1234.50',
      '1,234,568',
      '1,234,567.89',
      '86%',
      '85.67%',
      '20,000 บาท',
      '(1,500.00)',
      '0.3',
    ]);
  });

  it('reads dates as UTC midnights shown d/m/yyyy', () => {
    const { values, displays } = read();
    expect(values[2][0]).toEqual(new Date(Date.UTC(2022, 9, 1)));
    expect(values[2][1]).toEqual(new Date(Date.UTC(2023, 8, 30)));
    expect(displays[2].slice(0, 2)).toEqual(['1/10/2022', '30/9/2023']);
  });

  it('reads formulas with their cached results, and shared formulas as their own text', () => {
    const { values, formulas, displays } = read();
    expect(formulas[2].slice(2, 5)).toEqual(['=B2*2', '=F2', '=A9']);
    expect(values[2].slice(2, 5)).toEqual([2469, 0.856, null]);
    expect(displays[2].slice(2, 5)).toEqual(['2469', '85.6%', '']);
    expect(formulas.slice(3, 6).map((row) => row[4])).toEqual(['=A4*10', '=A5*10', '=A6*10']);
    expect(values.slice(3, 6).map((row) => row[4])).toEqual([10, 20, 30]);
    expect(formulas[0]).toEqual(new Array(10).fill(''));
  });

  it('lists merges; merged-away cells are empty', () => {
    const { values, merges } = read();
    expect(merges).toEqual([{ row: 7, col: 1, rows: 1, cols: 3 }]);
    expect(values[6].slice(0, 3)).toEqual(['หัวข้อรวม', null, null]);
  });

  it('answers null for a missing sheet and lists sheets in tab order', () => {
    expect(workbook.readSheet('ไม่มี')).toBeNull();
    expect(workbook.listSheets().map((s) => [s.name, s.hidden])).toEqual([
      ['แผนปฏิบัติการ', false],
      ['อ้างอิง', false],
    ]);
  });
});

describe('number formats', () => {
  it.each([
    [0, '0.00', '0.00'],
    [1.005, '0.00', '1.01'],
    [-2.5, '0', '-3'],
    [5, '0.##', '5.'],
    [5.125, '0.##', '5.13'],
    [1234, '#,##0.00 "บาท"', '1,234.00 บาท'],
    [0, '#,##0;-#,##0;"-"', '-'],
    [-7, '#,##0;[Red]-#,##0', '-7'],
    [0.5, '0%', '50%'],
    [2566, '0', '2566'],
    [12345, '[$฿-41E]#,##0', '฿12,345'],
    [1e-7, '0.00', '0.00'],
    [1234.5, 'General', '1234.5'],
    [2.675, '0.00', '2.68'],
    [999.995, '#,##0.00', '1,000.00'],
    [0.5, '0', '1'],
    [1e20, '#,##0', '100,000,000,000,000,000,000'],
    [1500000, '#,##0,', '1,500'],
    [0.25, '#.##', '.25'],
  ])('%p under %p shows %p', (value, numFmt, expected) => {
    expect(formatNumber(value, numFmt)).toBe(expected);
  });
});
