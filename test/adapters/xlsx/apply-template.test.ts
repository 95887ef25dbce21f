import { Workbook, type DataValidation } from 'exceljs';
import { XlsxWorkbook } from '../../../src/adapters/xlsx';
import { compactValidations, inlineList, setColumnValidation } from '../../../src/adapters/xlsx/validations';
import type { TemplateSheetPlan } from '../../../src/port/workbook';
import { reload, sheetXml, tempDir } from './helpers';

const PLAN_SHEET = 'แผนปฏิบัติการ';
const STATUSES = ['ยังไม่ดำเนินการ', 'อยู่ระหว่างดำเนินการ', 'ดำเนินการแล้วเสร็จ', 'ยกเลิก/ไม่ได้ดำเนินการ'];
const LONG_LIST = Array.from({ length: 40 }, (_, i) => `หน่วยงานที่ ${i + 1} ของเทศบาล`);

function plan(overrides: Partial<TemplateSheetPlan> = {}): TemplateSheetPlan {
  return {
    name: PLAN_SHEET,
    create: true,
    headerRow: 1,
    headerCells: [
      { col: 1, text: 'รหัส' },
      { col: 2, text: 'สถานะ' },
      { col: 3, text: 'หน่วยงาน' },
      { col: 4, text: 'งบประมาณ 2566' },
      { col: 5, text: 'วันที่เริ่ม' },
      { col: 6, text: 'มิติที่' },
    ],
    headerRange: { row: 1, col: 1, rows: 1, cols: 6 },
    headerStyle: { bold: true, background: '#d9e2f3', wrap: true, vAlign: 'middle' },
    columns: [
      { col: 1, width: 70, note: 'รหัสรายการ เช่น 1.1.1' },
      { col: 2, width: 170, validation: { kind: 'list', values: STATUSES }, note: 'เลือกสถานะ' },
      { col: 3, width: 220, validation: { kind: 'list', values: LONG_LIST } },
      { col: 4, width: 110, numberFormat: '#,##0.00', validation: { kind: 'number', min: 0 } },
      { col: 5, width: 100, numberFormat: 'd/m/yyyy', validation: { kind: 'date' } },
      {
        col: 6,
        width: 60,
        validation: { kind: 'listFromRange', sheet: 'อ้างอิง', range: { row: 2, col: 1, rows: 99, cols: 1 } },
      },
    ],
    frozenRows: 1,
    frozenColumns: 2,
    tabColor: '#2e75b6',
    fontFamily: 'Sarabun',
    seeds: [
      {
        row: 2,
        col: 1,
        values: [['1.1.1', 'ยังไม่ดำเนินการ', 'สำนักปลัด', 20000, { kind: 'date', iso: '2022-10-01' }]],
      },
    ],
    formatRows: 500,
    ...overrides,
  };
}

/** A sheet staff have filled in: a header of their own, data, a formula, a merge and their formatting. */
async function filledFile(path: string): Promise<void> {
  const book = new Workbook();
  const sheet = book.addWorksheet(PLAN_SHEET);
  sheet.getCell('A1').value = 'รหัสโครงการ';
  sheet.getCell('C1').value = { formula: '"หน่วย"&"งาน"', result: 'หน่วยงาน' } as never;
  sheet.addRow([]);
  sheet.getRow(2).values = ['', '', 'กองคลัง', '10,000 -', null, 1];
  sheet.getRow(3).values = ['1.2.1', 'เสร็จแล้ว', 'กองช่าง', 7200, new Date(Date.UTC(2023, 0, 15)), 2];
  sheet.getCell('D3').numFmt = '0';
  sheet.getCell('D4').value = 5000;
  sheet.getCell('A6').value = 'หมายเหตุรวม';
  sheet.mergeCells('A6:C6');
  // The user's own dropdown on part of a column the template also covers.
  for (let r = 2; r <= 20; r++) sheet.getCell(r, 2).dataValidation = { type: 'list', formulae: ['"x,y"'] };
  await book.xlsx.writeFile(path);
}

const validationAt = (workbook: XlsxWorkbook, address: string): DataValidation | undefined =>
  workbook.excel.getWorksheet(PLAN_SHEET)!.getCell(address).dataValidation;

describe('XlsxWorkbook.applyTemplate on a new sheet', () => {
  const dir = tempDir();
  let workbook: XlsxWorkbook;
  let xml: string;

  beforeAll(async () => {
    const fresh = XlsxWorkbook.create();
    fresh.applyTemplate(plan());
    xml = await sheetXml(await fresh.toBuffer(), PLAN_SHEET);
    workbook = await reload(fresh, dir.path('template.xlsx'));
  });
  afterAll(() => dir.cleanup());

  it('writes headers and seeds', () => {
    const snapshot = workbook.readSheet(PLAN_SHEET)!;
    expect(snapshot.values[0]).toEqual(['รหัส', 'สถานะ', 'หน่วยงาน', 'งบประมาณ 2566', 'วันที่เริ่ม', 'มิติที่']);
    expect(snapshot.values[1]).toEqual([
      '1.1.1',
      'ยังไม่ดำเนินการ',
      'สำนักปลัด',
      20000,
      new Date('2022-10-01T00:00:00Z'),
      null,
    ]);
    expect(snapshot.displays[1].slice(3, 5)).toEqual(['20,000.00', '1/10/2022']);
  });

  it('styles the header and sets widths, fonts, frozen panes and tab colour', () => {
    const sheet = workbook.excel.getWorksheet(PLAN_SHEET)!;
    expect(sheet.getCell('F1').font).toMatchObject({ bold: true, name: 'Sarabun' });
    expect(sheet.getCell('F1').fill).toMatchObject({ fgColor: { argb: 'FFD9E2F3' } });
    expect(sheet.getCell('F1').alignment).toMatchObject({ wrapText: true, vertical: 'middle' });
    expect(sheet.getColumn(2).width).toBeCloseTo(170 / 7, 2);
    expect(sheet.getColumn(4).numFmt).toBe('#,##0.00');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 1 });
    expect(sheet.properties.tabColor).toEqual({ argb: 'FF2E75B6' });
  });

  it('adds warn-only validations over the data rows, one range per column', () => {
    expect(xml.match(/<dataValidation /g)).toHaveLength(4);
    expect(xml).toContain('sqref="B2:B500"');
    expect(xml).toContain(`<formula1>&quot;${STATUSES.join(',')}&quot;</formula1>`);
    expect(xml).toContain('<formula1>&apos;อ้างอิง&apos;!$A$2:$A$100</formula1>');
    expect(xml).not.toMatch(/showErrorMessage="1"/);
    expect(validationAt(workbook, 'B2')).toMatchObject({
      type: 'list',
      errorStyle: 'warning',
      formulae: [`"${STATUSES.join(',')}"`],
    });
    expect(validationAt(workbook, 'B500')).toBeDefined();
    expect(validationAt(workbook, 'B501')).toBeUndefined();
    expect(validationAt(workbook, 'B1')).toBeUndefined();
    expect(validationAt(workbook, 'D3')).toMatchObject({
      type: 'decimal',
      operator: 'greaterThanOrEqual',
      formulae: [0],
    });
    expect(validationAt(workbook, 'E3')).toMatchObject({ type: 'date' });
    expect(validationAt(workbook, 'F3')).toMatchObject({ type: 'list', formulae: ["'อ้างอิง'!$A$2:$A$100"] });
  });

  it('writes no dropdown rather than an inline list longer than Excel allows', () => {
    expect(LONG_LIST.join(',').length).toBeGreaterThan(255);
    expect(validationAt(workbook, 'C3')).toBeUndefined();
    expect(inlineList(['a', 'b,c'])).toBeNull();
    expect(inlineList(['ก "ข"', 'ค'])).toBe('"ก ""ข"",ค"');
  });

  it('puts notes on the header cells', () => {
    const layer = workbook.readCellLayer(PLAN_SHEET, { row: 1, col: 1, rows: 1, cols: 3 });
    expect(layer.notes).toEqual([['รหัสรายการ เช่น 1.1.1', 'เลือกสถานะ', '']]);
  });
});

describe('XlsxWorkbook.applyTemplate on a filled sheet', () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());

  it('never changes a value or formula staff entered, and can run again', async () => {
    await filledFile(dir.path('filled.xlsx'));
    const workbook = await XlsxWorkbook.load(dir.path('filled.xlsx'));
    const before = workbook.readSheet(PLAN_SHEET)!;

    workbook.applyTemplate(plan({ create: false }));
    const once = await reload(workbook, dir.path('once.xlsx'));
    once.applyTemplate(plan({ create: false }));
    const twice = await reload(once, dir.path('twice.xlsx'));
    const after = twice.readSheet(PLAN_SHEET)!;

    const height = before.values.length;
    for (let r = 0; r < height; r++) {
      before.values[r].forEach((value, c) => {
        if (value !== null && !(typeof value === 'string' && value.trim() === ''))
          expect([r, c, after.values[r][c]]).toEqual([r, c, value]);
      });
    }
    expect(after.formulas).toEqual(
      before.formulas.map((row) => [...row, ...new Array(after.formulas[0].length - row.length).fill('')]),
    );
    expect(after.merges).toEqual(before.merges);
    // Headers only into empty header cells; seeds only into empty cells.
    expect(after.values[0]).toEqual(['รหัสโครงการ', 'สถานะ', 'หน่วยงาน', 'งบประมาณ 2566', 'วันที่เริ่ม', 'มิติที่']);
    expect(after.values[1].slice(0, 6)).toEqual([
      '1.1.1',
      'ยังไม่ดำเนินการ',
      'กองคลัง',
      '10,000 -',
      new Date('2022-10-01T00:00:00Z'),
      1,
    ]);
    // The column format reaches data cells without a format of their own, not those with one.
    expect(after.displays[3][3]).toBe('5,000.00');
    expect(after.displays[2][3]).toBe('7200');
  });

  it('replaces the overlapped part of a user validation without overlapping ranges', async () => {
    await filledFile(dir.path('filled.xlsx'));
    const workbook = await XlsxWorkbook.load(dir.path('filled.xlsx'));
    workbook.applyTemplate(plan({ create: false, formatRows: 10 }));
    const buffer = await workbook.toBuffer();
    const xml = await sheetXml(buffer, PLAN_SHEET);
    const sqrefs = [...xml.matchAll(/sqref="([^"]+)"/g)].map((m) => m[1]);
    expect(sqrefs).toEqual(expect.arrayContaining(['B2:B10', 'B11:B20']));
    expect(sqrefs.filter((s) => s.startsWith('B'))).toHaveLength(2);
    const again = await XlsxWorkbook.fromBuffer(buffer);
    expect(again.excel.getWorksheet(PLAN_SHEET)!.getCell('B15').dataValidation).toMatchObject({
      formulae: ['"x,y"'],
    });
    expect(again.excel.getWorksheet(PLAN_SHEET)!.getCell('B5').dataValidation).toMatchObject({
      errorStyle: 'warning',
    });
  });
});

describe('validation bookkeeping', () => {
  const rule = (formula: string): DataValidation => ({ type: 'list', formulae: [formula] });
  const keys = (book: Workbook) =>
    Object.keys(
      (book.getWorksheet('S') as unknown as { dataValidations: { model: object } }).dataValidations.model,
    ).sort();

  it('keeps the parts of a wider validation around the column it replaces', () => {
    const book = new Workbook();
    const sheet = book.addWorksheet('S');
    // The range form exceljs keeps as one <dataValidation> (what the adapter writes).
    (
      sheet as unknown as { dataValidations: { add(a: string, v: DataValidation): void } }
    ).dataValidations.add('B2:D20', rule('"x"'));
    setColumnValidation(sheet, 3, 5, 10, rule('"y"'));
    expect(keys(book)).toEqual(['B11:D20', 'B2:D4', 'B5:B10', 'C5:C10', 'D5:D10']);
  });

  it('regroups one-key-per-cell validations into column runs', () => {
    const book = new Workbook();
    const sheet = book.addWorksheet('S');
    const x = rule('"x"');
    for (const row of [2, 3, 4, 10, 11, 9]) sheet.getCell(row, 2).dataValidation = x;
    sheet.getCell('C7').dataValidation = x;
    compactValidations(sheet);
    expect(keys(book)).toEqual(['B2:B4', 'B9:B11', 'C7']);
  });
});
