import { Workbook } from 'exceljs';
import { XlsxWorkbook } from '../../../src/adapters/xlsx';
import type { OutCell } from '../../../src/core/sheet-model';
import { model, partXml, reload, sheetXml, tempDir } from './helpers';

const REPORT = 'ผลการตรวจสอบ';
const THAI = 'ก.พ. ๒๕๖๖ – ผู้รับผิดชอบ: สำนักปลัด (ระบุ…) ทุจริต ๑๐,๐๐๐ บาท';

const rows: OutCell[][] = [
  ['ระดับ', 'ชีต', 'เซลล์', 'ข้อความ', 'ค่า', 'วันที่'],
  [
    'ข้อผิดพลาด',
    'แผนปฏิบัติการ',
    { kind: 'link', text: 'E5', sheet: 'แผนปฏิบัติการ', row: 5, col: 5 },
    THAI,
    '=1+1',
    { kind: 'date', iso: '2022-10-01' },
  ],
  [
    'คำเตือน',
    'มาตรการ ITA',
    { kind: 'link', text: 'B12', sheet: 'มาตรการ ITA', row: 12, col: 2 },
    '+66',
    '-',
    { kind: 'date', iso: '2023-09-30' },
  ],
  ['รวม', null, null, '@x', 1234.5, true],
  [null, null, null, "'quoted", { kind: 'formula', formula: '=SUM(E4:E4)' }, false],
];

function reportModel() {
  return model({
    name: REPORT,
    rows,
    styles: [
      {
        range: { row: 1, col: 1, rows: 1, cols: 6 },
        style: { bold: true, background: '#1f4e78', fontColor: '#ffffff', hAlign: 'center', wrap: true },
      },
      {
        range: { row: 4, col: 5, rows: 2, cols: 1 },
        style: { numberFormat: '#,##0.00', italic: true, fontSize: 12, vAlign: 'top' },
      },
    ],
    merges: [{ row: 4, col: 1, rows: 1, cols: 3 }],
    columnWidths: [70, 140, undefined as unknown as number, 350],
    frozenRows: 1,
    borders: [{ row: 1, col: 1, rows: 5, cols: 6 }],
    tabColor: '#cc0000',
    print: { orientation: 'landscape', fitToWidth: true, repeatRows: 1 },
    charts: [
      {
        type: 'column',
        title: 'กราฟ',
        data: { row: 1, col: 1, rows: 3, cols: 2 },
        anchor: { row: 8, col: 1 },
        width: 400,
        height: 300,
      },
    ],
    protect: true,
  });
}

describe('XlsxWorkbook.writeSheet', () => {
  const dir = tempDir();
  let written: XlsxWorkbook;
  let buffer: Buffer;

  beforeAll(async () => {
    const workbook = XlsxWorkbook.create();
    workbook.writeSheet(model({ name: 'แผนปฏิบัติการ', rows: [['รหัส']] }));
    workbook.writeSheet(reportModel());
    buffer = await workbook.toBuffer();
    written = await reload(workbook, dir.path('report.xlsx'));
  });
  afterAll(() => dir.cleanup());

  const cell = (address: string) => written.excel.getWorksheet(REPORT)!.getCell(address);

  it('keeps every string a string after save and load ("=1+1", "+66", "-", "@x")', () => {
    const snapshot = written.readSheet(REPORT)!;
    expect(snapshot.values[1][4]).toBe('=1+1');
    expect(snapshot.formulas[1][4]).toBe('');
    expect(snapshot.values[2][3]).toBe('+66');
    expect(snapshot.values[2][4]).toBe('-');
    expect(snapshot.values[3][3]).toBe('@x');
    expect(snapshot.values[4][3]).toBe("'quoted");
    expect(snapshot.values[1][3]).toBe(THAI);
    expect(Buffer.from(String(snapshot.values[1][3])).equals(Buffer.from(THAI))).toBe(true);
  });

  it('writes no formula element for text, one for the FormulaCell', async () => {
    const xml = await sheetXml(buffer, REPORT);
    expect(xml.match(/<f>/g)).toHaveLength(1);
    expect(xml).toContain('<f>SUM(E4:E4)</f>');
    expect(written.readSheet(REPORT)!.formulas[4][4]).toBe('=SUM(E4:E4)');
  });

  it('writes links as internal hyperlinks to the right sheet and cell', async () => {
    expect(cell('C2').value).toEqual({ text: 'E5', hyperlink: "#'แผนปฏิบัติการ'!E5" });
    expect(cell('C3').value).toEqual({ text: 'B12', hyperlink: "#'มาตรการ ITA'!B12" });
    expect(cell('C2').font).toMatchObject({ underline: true, color: { argb: 'FF1155CC' }, name: 'Sarabun' });
    expect(written.readSheet(REPORT)!.values[1][2]).toBe('E5');
    // As Excel writes them: a location, no external relationship.
    const xml = await sheetXml(buffer, REPORT);
    expect(xml).toContain('<hyperlink ref="C2" location="&apos;แผนปฏิบัติการ&apos;!E5"/>');
    expect(xml).not.toMatch(/<hyperlink[^>]*r:id/);
    await expect(partXml(buffer, 'xl/worksheets/_rels/sheet2.xml.rels')).rejects.toThrow('no part');
  });

  it('writes dates as real dates on the same calendar day, shown d/m/yyyy', () => {
    const snapshot = written.readSheet(REPORT)!;
    expect(snapshot.values[1][5]).toEqual(new Date('2022-10-01T00:00:00Z'));
    expect(snapshot.values[2][5]).toEqual(new Date('2023-09-30T00:00:00Z'));
    expect(snapshot.displays[1][5]).toBe('1/10/2022');
    expect(cell('F2').numFmt).toBe('d/m/yyyy');
  });

  it('writes numbers and booleans as such, formatted by the style', () => {
    const snapshot = written.readSheet(REPORT)!;
    expect(snapshot.values[3].slice(4)).toEqual([1234.5, true]);
    expect(snapshot.displays[3][4]).toBe('1,234.50');
    expect(snapshot.values[4][5]).toBe(false);
  });

  it('applies styles, font family, borders and merges', () => {
    expect(cell('A1').font).toMatchObject({ name: 'Sarabun', bold: true, color: { argb: 'FFFFFFFF' } });
    expect(cell('A1').fill).toMatchObject({
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: 'FF1F4E78' },
    });
    expect(cell('A1').alignment).toMatchObject({ horizontal: 'center', wrapText: true });
    expect(cell('E4').font).toMatchObject({ name: 'Sarabun', italic: true, size: 12 });
    expect(cell('E4').alignment).toMatchObject({ vertical: 'top' });
    expect(cell('D2').font).toMatchObject({ name: 'Sarabun' });
    expect(cell('D2').font.bold).toBeUndefined();
    for (const address of ['A1', 'D3', 'F5']) {
      expect(cell(address).border).toMatchObject({
        top: { style: 'thin' },
        left: { style: 'thin' },
        bottom: { style: 'thin' },
        right: { style: 'thin' },
      });
    }
    expect(cell('A6').border).toBeUndefined();
    expect(written.readSheet(REPORT)!.merges).toEqual([{ row: 4, col: 1, rows: 1, cols: 3 }]);
  });

  it('sets widths, frozen rows, tab colour, print setup and visibility', () => {
    const sheet = written.excel.getWorksheet(REPORT)!;
    expect(sheet.getColumn(1).width).toBe(10);
    expect(sheet.getColumn(4).width).toBe(50);
    expect(sheet.getColumn(3).width).not.toBe(0);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.properties.tabColor).toEqual({ argb: 'FFCC0000' });
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    });
    expect(sheet.state).toBe('visible');
    // exceljs cannot protect warning-only nor write charts: neither is attempted.
    expect((sheet as unknown as { sheetProtection: unknown }).sheetProtection).toBeFalsy();
  });

  it('asks Excel to recalculate formulas it has no results for', async () => {
    expect(await partXml(buffer, 'xl/workbook.xml')).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });
});

describe('XlsxWorkbook.writeSheet replacing a sheet', () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());

  it('replaces content and formatting in place, keeping the tab position and hiding per the model', async () => {
    const book = new Workbook();
    book.addWorksheet('ตั้งค่า').getCell('A1').value = 'ชื่อหน่วยงาน';
    const old = book.addWorksheet(REPORT);
    old.getCell('A1').value = 'เก่า';
    old.getCell('Z50').value = 'ค้าง';
    old.getCell('B2').note = 'บันทึกเก่า';
    old.mergeCells('A3:B3');
    old.getCell('C1').dataValidation = { type: 'list', formulae: ['"a,b"'] };
    book.addWorksheet('สรุป').getCell('A1').value = 1;
    await book.xlsx.writeFile(dir.path('before.xlsx'));

    const workbook = await XlsxWorkbook.load(dir.path('before.xlsx'));
    const id = workbook.listSheets()[1].id;
    workbook.writeSheet(model({ name: REPORT, rows: [['ใหม่']], hidden: true }));
    const after = await reload(workbook, dir.path('after.xlsx'));

    expect(after.listSheets()).toEqual([
      { name: 'ตั้งค่า', id: 1, hidden: false },
      { name: REPORT, id, hidden: true },
      { name: 'สรุป', id: 3, hidden: false },
    ]);
    const snapshot = after.readSheet(REPORT)!;
    expect(snapshot.values).toEqual([['ใหม่']]);
    expect(snapshot.merges).toEqual([]);
    expect(after.readCellLayer(REPORT, { row: 2, col: 2, rows: 1, cols: 1 }).notes).toEqual([['']]);
    expect(after.readSheet('ตั้งค่า')!.values).toEqual([['ชื่อหน่วยงาน']]);
  });

  it('writes an empty model as an empty sheet', () => {
    const workbook = XlsxWorkbook.create();
    workbook.writeSheet(model({ name: 'ว่าง', rows: [] }));
    expect(workbook.readSheet('ว่าง')).toMatchObject({ values: [], formulas: [], displays: [], merges: [] });
  });
});
