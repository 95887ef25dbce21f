import { Workbook } from 'exceljs';
import { XlsxWorkbook } from '../../../src/adapters/xlsx';
import { partXml, model, reload, sheetXml, tempDir } from './helpers';

const THAI_SAMPLES = [
  'องค์การบริหารส่วนตำบลหนองบัว',
  '๑ ต.ค. ๒๕๖๕ - ๓๐ ก.ย. ๒๕๖๖',
  'ผู้ใหญ่ๆ กี่ปี ญ ฐ ฎ ฏ ฤๅษี ฦ ๏ ๚ ๛',
  'เจ็ดหมื่นเจ็ดพันสองร้อยบาทถ้วน',
  ' นำหน้าและตามหลังด้วยช่องว่าง ',
  'บรรทัดแรก\nบรรทัดที่สอง',
  'ก\u0E31\u0E48\u0E4C', // a consonant carrying three stacked combining marks
];

describe('XlsxWorkbook port methods', () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());

  it('starts empty, in UTC', () => {
    const workbook = XlsxWorkbook.create();
    expect(workbook.listSheets()).toEqual([]);
    expect(workbook.timeZone()).toBe('UTC');
    expect(workbook.readSheet('ตั้งค่า')).toBeNull();
  });

  it('keeps Thai text byte for byte through save and load', async () => {
    const workbook = XlsxWorkbook.create();
    workbook.writeSheet(model({ name: 'ข้อความไทย', rows: THAI_SAMPLES.map((text) => [text]) }));
    workbook.appendRows(
      'ข้อความไทย',
      THAI_SAMPLES.length + 1,
      THAI_SAMPLES.map((text) => [text]),
    );
    const loaded = await reload(workbook, dir.path('thai.xlsx'));
    const values = loaded.readSheet('ข้อความไทย')!.values.map((row) => row[0]);
    expect(values).toEqual([...THAI_SAMPLES, ...THAI_SAMPLES]);
    for (const [i, text] of THAI_SAMPLES.entries()) {
      expect(Buffer.from(String(values[i]), 'utf8').equals(Buffer.from(text, 'utf8'))).toBe(true);
    }
  });

  it('lists, deletes and activates sheets, and the file opens on the active one', async () => {
    const workbook = XlsxWorkbook.create();
    for (const name of ['ตั้งค่า', 'อ้างอิง', 'ผลการตรวจสอบ'])
      workbook.writeSheet(model({ name, rows: [[name]] }));
    workbook.writeSheet(model({ name: 'ซ่อน', rows: [['x']], hidden: true }));
    workbook.activate('ผลการตรวจสอบ', 5, 3);
    workbook.activate('ซ่อน');
    workbook.activate('ไม่มีชีตนี้');
    workbook.deleteSheet('อ้างอิง');
    workbook.deleteSheet('ไม่มีชีตนี้');
    expect(workbook.listSheets().map(({ name, hidden }) => [name, hidden])).toEqual([
      ['ตั้งค่า', false],
      ['ผลการตรวจสอบ', false],
      ['ซ่อน', true],
    ]);
    const buffer = await workbook.toBuffer();
    expect(await partXml(buffer, 'xl/workbook.xml')).toMatch(/activeTab="1"/);
    // exceljs does not read tabSelected back, so the saved XML is checked.
    expect(await sheetXml(buffer, 'ผลการตรวจสอบ')).toMatch(
      /<sheetView [^>]*tabSelected="1"[^]*activeCell="C5"/,
    );
    expect(await sheetXml(buffer, 'ตั้งค่า')).not.toMatch(/tabSelected="1"/);
    const loaded = await XlsxWorkbook.fromBuffer(buffer);
    expect(loaded.listSheets().map((s) => s.name)).toEqual(['ตั้งค่า', 'ผลการตรวจสอบ', 'ซ่อน']);
  });

  it('moves the active tab off a deleted or hidden sheet before saving', async () => {
    const workbook = XlsxWorkbook.create();
    for (const name of ['ก', 'ข', 'ค']) workbook.writeSheet(model({ name, rows: [[1]] }));
    workbook.activate('ค');
    workbook.deleteSheet('ค');
    const xml = await partXml(await workbook.toBuffer(), 'xl/workbook.xml');
    expect(xml).toMatch(/activeTab="0"/);
  });

  it('appends rows without touching the style of other cells, rendering values as writeSheet does', async () => {
    const book = new Workbook();
    const sheet = book.addWorksheet('ติดตามผล');
    sheet.getRow(1).values = ['รหัส', 'ปีงบประมาณ', 'วันที่', 'ผล', 'ลิงก์'];
    sheet.getRow(2).values = ['1.1.1', 2566, null, 'เสร็จ', null];
    const shared = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2EFDA' } } as const;
    for (let c = 1; c <= 5; c++) {
      sheet.getCell(2, c).fill = shared;
      sheet.getCell(3, c).fill = shared;
    }
    sheet.getCell('B3').numFmt = '0';
    await book.xlsx.writeFile(dir.path('tracking.xlsx'));

    const workbook = await XlsxWorkbook.load(dir.path('tracking.xlsx'));
    workbook.appendRows('ติดตามผล', 3, [
      [
        '1.1.2',
        2567,
        { kind: 'date', iso: '2024-03-31' },
        '=ไม่ใช่สูตร',
        { kind: 'link', text: 'ไปที่แผน', sheet: 'ติดตามผล', row: 2, col: 1 },
      ],
      ['1.1.3', null, null, { kind: 'formula', formula: '=B3+1' }],
    ]);
    const loaded = await reload(workbook, dir.path('appended.xlsx'));
    const snapshot = loaded.readSheet('ติดตามผล')!;
    expect(snapshot.values[2]).toEqual([
      '1.1.2',
      2567,
      new Date('2024-03-31T00:00:00Z'),
      '=ไม่ใช่สูตร',
      'ไปที่แผน',
    ]);
    expect(snapshot.displays[2].slice(1, 3)).toEqual(['2567', '31/3/2024']);
    expect(snapshot.formulas[2]).toEqual(['', '', '', '', '']);
    expect(snapshot.formulas[3][3]).toBe('=B3+1');
    const layer = loaded.readCellLayer('ติดตามผล', { row: 2, col: 1, rows: 2, cols: 5 });
    expect(layer.backgrounds).toEqual([new Array(5).fill('#e2efda'), new Array(5).fill('#e2efda')]);
    const out = loaded.excel.getWorksheet('ติดตามผล')!;
    expect(out.getCell('E3').value).toEqual({ text: 'ไปที่แผน', hyperlink: "#'ติดตามผล'!A2" });
    expect(out.getCell('C3').numFmt).toBe('d/m/yyyy');
    expect(out.getCell('B2').numFmt).toBeUndefined();
    expect(snapshot.values[1]).toEqual(['1.1.1', 2566, null, 'เสร็จ', null]);
  });

  it('appends into a merged block by undoing the merge, never into its first cell', () => {
    const workbook = XlsxWorkbook.create();
    workbook.writeSheet(
      model({ name: 'ก', rows: [['หัว'], ['รวม']], merges: [{ row: 2, col: 1, rows: 2, cols: 2 }] }),
    );
    workbook.appendRows('ก', 3, [['ใหม่', 'ข้อมูล']]);
    const snapshot = workbook.readSheet('ก')!;
    expect(snapshot.values).toEqual([
      ['หัว', null],
      ['รวม', null],
      ['ใหม่', 'ข้อมูล'],
    ]);
    expect(snapshot.merges).toEqual([]);
  });

  it('fails clearly when appending to a missing sheet', () => {
    expect(() => XlsxWorkbook.create().appendRows('ไม่มี', 2, [['x']])).toThrow('ไม่มี');
  });

  it('keeps external links and notes next to internal links', async () => {
    const book = new Workbook();
    const sheet = book.addWorksheet('มาตรการ ITA');
    sheet.getCell('A1').value = { text: 'หลักฐาน', hyperlink: 'https://www.example.go.th/ita/o1' };
    sheet.getCell('B1').note = 'บันทึก';
    await book.xlsx.writeFile(dir.path('mixed.xlsx'));
    const workbook = await XlsxWorkbook.load(dir.path('mixed.xlsx'));
    workbook.appendRows('มาตรการ ITA', 2, [
      [{ kind: 'link', text: 'ไปที่แผน', sheet: 'มาตรการ ITA', row: 1, col: 2 }],
    ]);
    workbook.writeCellLayer('มาตรการ ITA', [{ row: 2, col: 2, background: '#f4cccc', note: 'เครื่องหมาย' }]);
    const loaded = await reload(workbook, dir.path('mixed-out.xlsx'));
    const out = loaded.excel.getWorksheet('มาตรการ ITA')!;
    expect(out.getCell('A1').value).toEqual({
      text: 'หลักฐาน',
      hyperlink: 'https://www.example.go.th/ita/o1',
    });
    expect(out.getCell('A2').value).toEqual({ text: 'ไปที่แผน', hyperlink: "#'มาตรการ ITA'!B1" });
    expect(loaded.readCellLayer('มาตรการ ITA', { row: 1, col: 2, rows: 2, cols: 1 }).notes).toEqual([
      ['บันทึก'],
      ['เครื่องหมาย'],
    ]);
  });

  it('reads back an internal link written by Excel or LibreOffice (location only)', async () => {
    const workbook = XlsxWorkbook.create();
    workbook.writeSheet(
      model({ name: 'สรุป', rows: [[{ kind: 'link', text: 'ไป', sheet: 'สรุป', row: 9, col: 2 }]] }),
    );
    const twice = await reload(await reload(workbook, dir.path('l1.xlsx')), dir.path('l2.xlsx'));
    expect(twice.excel.getWorksheet('สรุป')!.getCell('A1').value).toEqual({
      text: 'ไป',
      hyperlink: "#'สรุป'!B9",
    });
  });
});
