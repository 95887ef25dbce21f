import { Workbook } from 'exceljs';
import { XlsxWorkbook } from '../../../src/adapters/xlsx';
import type { CellLayerChange } from '../../../src/port/workbook';
import { model, reload, tempDir } from './helpers';

const SHEET = 'มาตรการ ITA';
const RANGE = { row: 1, col: 1, rows: 3, cols: 3 };

/** A user's sheet: one style object shared by several cells (as exceljs loads it), notes, a theme fill. */
async function userFile(path: string): Promise<void> {
  const book = new Workbook();
  const sheet = book.addWorksheet(SHEET);
  const yellow = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } } as const;
  for (const address of ['A1', 'B1', 'C1']) {
    sheet.getCell(address).value = `หัว ${address}`;
    sheet.getCell(address).fill = yellow;
    sheet.getCell(address).font = { bold: true };
  }
  sheet.getCell('A2').value = 'ยังไม่ดำเนินการ';
  sheet.getCell('B2').value = 50;
  sheet.getCell('B2').note = 'หมายเหตุของผู้ใช้';
  sheet.getCell('C2').fill = {
    type: 'pattern',
    pattern: 'solid',
    fgColor: { theme: 4, tint: 0.7999 } as never,
  };
  sheet.getCell('A3').value = { formula: 'B2*2', result: 100 } as never;
  await book.xlsx.writeFile(path);
}

describe('XlsxWorkbook cell layer (marks that come off exactly)', () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());

  it('reads backgrounds and notes of a block, beyond the data too', async () => {
    await userFile(dir.path('user.xlsx'));
    const workbook = await XlsxWorkbook.load(dir.path('user.xlsx'));
    const layer = workbook.readCellLayer(SHEET, { row: 1, col: 1, rows: 4, cols: 4 });
    expect(layer.backgrounds).toEqual([
      ['#ffff00', '#ffff00', '#ffff00', null],
      [null, null, '#dae3f3', null],
      [null, null, null, null],
      [null, null, null, null],
    ]);
    expect(layer.notes[1]).toEqual(['', 'หมายเหตุของผู้ใช้', '', '']);
  });

  it('marks, saves, loads and restores exactly, without touching values or neighbours', async () => {
    await userFile(dir.path('user.xlsx'));
    const first = await XlsxWorkbook.load(dir.path('user.xlsx'));
    const before = first.readCellLayer(SHEET, RANGE);
    const valuesBefore = first.readSheet(SHEET);

    const marks: CellLayerChange[] = [
      { row: 1, col: 2, background: '#f4cccc', note: 'ต้องระบุหัวคอลัมน์' },
      { row: 2, col: 2, background: '#f4cccc', note: 'ร้อยละต้องอยู่ระหว่าง 0-100' },
      { row: 3, col: 3, background: '#fff2cc', note: 'ว่าง' },
    ];
    first.writeCellLayer(SHEET, marks);
    const marked = await reload(first, dir.path('marked.xlsx'));
    const markedLayer = marked.readCellLayer(SHEET, RANGE);
    expect(markedLayer.backgrounds).toEqual([
      ['#ffff00', '#f4cccc', '#ffff00'],
      [null, '#f4cccc', '#dae3f3'],
      [null, null, '#fff2cc'],
    ]);
    expect(markedLayer.notes[1][1]).toBe('ร้อยละต้องอยู่ระหว่าง 0-100');
    expect(marked.readSheet(SHEET)).toEqual(valuesBefore);

    // Restore what was read before marking (as "ล้างเครื่องหมาย" does in a later run).
    marked.writeCellLayer(
      SHEET,
      marks.map(({ row, col }) => ({
        row,
        col,
        background: before.backgrounds[row - 1][col - 1],
        note: before.notes[row - 1][col - 1],
      })),
    );
    const restored = await reload(marked, dir.path('restored.xlsx'));
    expect(restored.readCellLayer(SHEET, RANGE)).toEqual(before);
    expect(restored.readSheet(SHEET)).toEqual(valuesBefore);
    const sheet = restored.excel.getWorksheet(SHEET)!;
    expect(sheet.getCell('B1').font).toMatchObject({ bold: true });
    expect(sheet.getCell('C3').fill).toBeUndefined();
  });

  it('keeps a note on a cell that holds nothing else', async () => {
    const workbook = XlsxWorkbook.create();
    workbook.writeSheet(model({ name: SHEET, rows: [['ก']] }));
    workbook.writeCellLayer(SHEET, [{ row: 5, col: 4, background: null, note: 'ต้องกรอกข้อมูล' }]);
    const loaded = await reload(await reload(workbook, dir.path('n1.xlsx')), dir.path('n2.xlsx'));
    expect(loaded.readCellLayer(SHEET, { row: 5, col: 4, rows: 1, cols: 1 })).toMatchObject({
      backgrounds: [[null]],
      notes: [['ต้องกรอกข้อมูล']],
    });
    expect(loaded.readSheet(SHEET)!.values).toEqual([['ก']]);
  });

  it('fails clearly for a missing sheet', () => {
    expect(() => XlsxWorkbook.create().readCellLayer('ไม่มี', RANGE)).toThrow('ไม่มี');
  });
});
