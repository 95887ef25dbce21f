/** The SpreadsheetApp fake behaves like Sheets where the adapter depends on it, and counts calls. */
import vm from 'node:vm';
import { createFakeGas, installFakeGlobals } from '../../fakes/spreadsheet-app';

function sheetOf(gas = createFakeGas({ sheets: { Data: [] } }), name = 'Data') {
  const sheet = gas.spreadsheet.getSheetByName(name);
  if (!sheet) throw new Error('missing sheet');
  return { gas, sheet };
}

describe('call counting', () => {
  test('counts every API call by Class.method, chained setters included; inspection is free', () => {
    const { gas, sheet } = sheetOf();
    gas.counter.reset();
    sheet
      .getRange(1, 1, 1, 2)
      .setValues([[1, 2]])
      .setFontWeight('bold');
    expect(gas.counter.snapshot()).toEqual({
      'Range.setFontWeight': 1,
      'Range.setValues': 1,
      'Sheet.getRange': 1,
    });
    expect(gas.counter.total).toBe(3);
    expect(gas.inspect('Data').values()).toEqual([[1, 2]]);
    expect(gas.counter.total).toBe(3);
  });

  test('measure reports only the calls made inside', () => {
    const { gas, sheet } = sheetOf();
    sheet.getMaxRows();
    const { total, calls } = gas.counter.measure(() => sheet.getDataRange().getValues());
    expect(total).toBe(2);
    expect(calls).toEqual({ 'Range.getValues': 1, 'Sheet.getDataRange': 1 });
  });
});

describe('values as Sheets parses them (USER_ENTERED)', () => {
  test('strings are parsed like typed input unless they start with an apostrophe', () => {
    const { gas, sheet } = sheetOf();
    const input = ["'=1+1", '=1+1', '+66', '0012', 'TRUE', '-', '@x', '50%', '1,234', "'0012"];
    sheet.getRange(1, 1, 1, input.length).setValues([input]);
    const range = sheet.getRange(1, 1, 1, input.length);
    expect(range.getValues()[0]).toEqual(['=1+1', '', 66, 12, true, '-', '@x', 0.5, 1234, '0012']);
    expect(range.getFormulas()[0][1]).toBe('=1+1');
    expect(range.getDisplayValues()[0]).toEqual([
      '=1+1',
      '',
      '66',
      '12',
      'TRUE',
      '-',
      '@x',
      '50%',
      '1,234',
      '0012',
    ]);
    expect(gas.inspect('Data').formula(1, 1)).toBe('');
  });

  test('a d/m/yyyy string becomes a date in a day-first locale', () => {
    const { sheet } = sheetOf(
      createFakeGas({ sheets: { Data: [] }, timeZone: 'Asia/Bangkok', locale: 'th_TH' }),
    );
    sheet.getRange('A1').setValue('1/10/2565');
    const value = sheet.getRange('A1').getValue() as Date;
    expect(value).toBeInstanceOf(Date);
    expect(value.toISOString()).toBe('2565-09-30T17:00:00.000Z'); // local midnight in Bangkok
    expect(sheet.getRange('A1').getDisplayValue()).toBe('1/10/2565');
    expect(sheet.getRange('A1').getNumberFormat()).toBe('d/m/yyyy');
  });

  test('HYPERLINK shows its label as the value; other formulas are not evaluated', () => {
    const { sheet } = sheetOf();
    sheet.getRange(1, 1, 1, 2).setValues([['=HYPERLINK("#gid=0&range=A1","ไป ""A1""")', '=SUM(1,2)']]);
    expect(sheet.getRange(1, 1, 1, 2).getValues()).toEqual([['ไป "A1"', '']]);
  });

  test('plain-text cells ("@") take input literally', () => {
    const { gas, sheet } = sheetOf();
    const range = sheet.getRange(1, 1, 1, 3).setNumberFormat('@');
    range.setValues([['0012', '=1+1', "'x"]]);
    expect(gas.inspect('Data').values()).toEqual([['0012', '=1+1', "'x"]]);
  });

  test('getValues returns a Date exactly when the format is a date format', () => {
    const { sheet } = sheetOf(createFakeGas({ sheets: { Data: [] }, timeZone: 'UTC' }));
    const cell = sheet.getRange('A1');
    cell.setValue(new Date('2023-04-15T00:00:00Z'));
    expect(cell.getValue()).toEqual(new Date('2023-04-15T00:00:00Z'));
    cell.setNumberFormat('0');
    expect(cell.getValue()).toBe(45031);
    cell.setNumberFormat('General');
    expect(cell.getValue()).toBe(45031);
  });

  test('display values follow the number format', () => {
    const { sheet } = sheetOf();
    const formats = ['General', '0', '0.00', '#,##0', '#,##0.00', '0%', '0.00%', '#,##0 "บาท"'];
    const range = sheet.getRange(1, 1, 1, formats.length);
    range.setValues([formats.map(() => 1234.5678)]);
    range.setNumberFormats([formats]);
    expect(range.getDisplayValues()[0]).toEqual([
      '1234.5678',
      '1235',
      '1234.57',
      '1,235',
      '1,234.57',
      '123457%',
      '123456.78%',
      '1,235 บาท',
    ]);
    sheet.getRange('A2').setValue(-0.125).setNumberFormat('0.0%');
    expect(sheet.getRange('A2').getDisplayValue()).toBe('-12.5%');
  });

  test('getDataRange covers content only, and is A1 on an empty sheet', () => {
    const { gas, sheet } = sheetOf();
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
    sheet.getRange('C5').setNote('a note is not content');
    sheet.getRange('B3').setValue('x');
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:B3');
    expect(gas.inspect('Data').extent()).toEqual({ rows: 3, cols: 2 });
  });
});

describe('throws where Sheets throws', () => {
  test('setValues with the wrong shape', () => {
    const { sheet } = sheetOf();
    const range = sheet.getRange(1, 1, 2, 2);
    expect(() => range.setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => range.setValues([[1, 2], [3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(() => range.setValues([1, 2] as unknown as unknown[][])).toThrow(
      /don't match the method signature/,
    );
  });

  test('getRange outside the grid or empty', () => {
    const { sheet } = sheetOf();
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(1, 1, 1, 0)).toThrow(
      'The number of columns in the range must be at least 1.',
    );
    expect(() => sheet.getRange(1000, 1, 2, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(1, 27)).toThrow('outside the dimensions');
    expect(() => sheet.getRange(1.5, 1)).toThrow(/don't match the method signature/);
    sheet.insertRowsAfter(1000, 5);
    expect(sheet.getRange(1005, 1).getA1Notation()).toBe('A1005');
  });

  test('sheets: duplicate names, deleting or hiding the last visible sheet', () => {
    const gas = createFakeGas({ sheets: { A: [], B: [] } });
    const ss = gas.spreadsheet;
    expect(() => ss.insertSheet('a')).toThrow(
      'A sheet with the name "a" already exists. Please enter another name.',
    );
    const b = ss.getSheetByName('B');
    b?.hideSheet();
    const a = ss.getSheetByName('A');
    if (!a || !b) throw new Error('missing');
    expect(() => a.hideSheet()).toThrow("You can't hide all the sheets in a document.");
    expect(() => ss.deleteSheet(a)).toThrow("You can't remove all the sheets in a document.");
    ss.deleteSheet(b);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['A']);
  });

  test('merges: overlapping, across frozen rows; only the top-left value survives', () => {
    const { gas, sheet } = sheetOf();
    sheet.getRange(1, 1, 2, 2).setValues([
      ['keep', 'lost'],
      ['lost', 'lost'],
    ]);
    sheet.getRange('A1:B2').merge();
    expect(gas.inspect('Data').values()).toEqual([['keep']]);
    expect(() => sheet.getRange('B2:C3').merge()).toThrow(
      'You must select all cells in a merged range to merge or unmerge them.',
    );
    expect(() => sheet.getRange('A2:A3').breakApart()).toThrow('You must select all cells in a merged range');
    sheet.getRange('A1:C3').merge(); // a merge covering an older one replaces it
    expect(gas.state.sheets[0].merges).toEqual([{ row: 1, col: 1, rows: 3, cols: 3 }]);
    expect(() => sheet.setFrozenRows(1)).toThrow(/part of a merged cell/);
    sheet.getRange('A1:C3').breakApart();
    sheet.setFrozenRows(1);
    expect(() => sheet.getRange('E1:E2').merge()).toThrow("You can't merge frozen and non-frozen rows.");
  });

  test('no Ui in this context', () => {
    const gas = createFakeGas({ ui: false });
    expect(() => gas.SpreadsheetApp.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
  });

  test('writing undefined or an object is an error (an adapter bug)', () => {
    const { sheet } = sheetOf();
    expect(() => sheet.getRange('A1').setValues([[undefined]])).toThrow(/cannot write undefined/);
    expect(() => sheet.getRange('A1').setValue({})).toThrow(/cannot write object/);
  });

  test('rejected data under a strict validation rule', () => {
    const { gas, sheet } = sheetOf();
    const rule = gas.SpreadsheetApp.newDataValidation()
      .requireValueInList(['ก', 'ข'])
      .setAllowInvalid(false)
      .build();
    sheet.getRange('A1:A5').setDataValidation(rule);
    sheet.getRange('A1').setValue('ก');
    expect(() => sheet.getRange('A2').setValue('ค')).toThrow(
      'The data you entered in cell A2 violates the data validation rules set on this cell.',
    );
  });
});

describe('stored and readable state', () => {
  test('validations, notes, formats, widths, frozen panes, tab colour, protection, charts', () => {
    const { gas, sheet } = sheetOf();
    const rule = gas.SpreadsheetApp.newDataValidation().requireNumberBetween(0, 100).build();
    sheet.getRange('B2:B10').setDataValidation(rule);
    sheet.getRange('A1').setNote('help').setBackground('#ff0000').setFontFamily('Sarabun');
    sheet.setColumnWidths(2, 3, 150);
    sheet.setFrozenRows(1);
    sheet.setTabColor('#00ff00');
    sheet.protect().setWarningOnly(true);
    const chart = sheet
      .newChart()
      .asColumnChart()
      .addRange(sheet.getRange('A1:B3'))
      .setPosition(5, 1, 0, 0)
      .build();
    sheet.insertChart(chart);
    const view = gas.inspect('Data');
    expect(view.validation(5, 2)).toMatchObject({
      criteria: 'NUMBER_BETWEEN',
      args: [0, 100],
      allowInvalid: true,
    });
    expect(view.validation(1, 2)).toBeUndefined();
    expect(view.note(1, 1)).toBe('help');
    expect(view.format(1, 1)).toMatchObject({ background: '#ff0000', fontFamily: 'Sarabun' });
    expect(sheet.getColumnWidth(4)).toBe(150);
    expect(sheet.getColumnWidth(5)).toBe(100);
    expect(view.state).toMatchObject({
      frozenRows: 1,
      tabColor: '#00ff00',
      protections: [{ type: 'SHEET', warningOnly: true }],
    });
    expect(view.state.charts).toEqual([
      expect.objectContaining({
        type: 'COLUMN',
        ranges: [{ row: 1, col: 1, rows: 3, cols: 2 }],
        position: expect.objectContaining({ row: 5, col: 1 }),
      }),
    ]);
    expect(sheet.getCharts()).toHaveLength(1);
  });
});

describe('Ui, HtmlService, LockService', () => {
  test('menus are recorded as a tree; alerts and prompts answer from the script', () => {
    const gas = createFakeGas();
    const ui = gas.SpreadsheetApp.getUi();
    ui.createMenu('ITA')
      .addItem('ตรวจสอบ', 'runValidate')
      .addSeparator()
      .addSubMenu(ui.createMenu('อื่น ๆ').addItem('ล้าง', 'clearMarks'))
      .addToUi();
    expect(gas.ui.menus[0].caption).toBe('ITA');
    expect(gas.ui.menuFunctions()).toEqual(['runValidate', 'clearMarks']);

    expect(ui.alert('สวัสดี')).toBe(ui.Button.OK);
    gas.ui.script('CANCEL');
    expect(ui.alert('ยืนยัน', 'ลบ?', ui.ButtonSet.OK_CANCEL)).toBe(ui.Button.CANCEL);
    gas.ui.script('OK', '2566');
    const response = ui.prompt('ปี', 'ปีงบประมาณ', ui.ButtonSet.OK_CANCEL);
    expect([response.getSelectedButton(), response.getResponseText()]).toEqual([ui.Button.OK, '2566']);
    expect(() => ui.prompt('ปี', 'ปีงบประมาณ', ui.ButtonSet.OK_CANCEL)).toThrow(/no scripted answer/);
    gas.ui.script('YES');
    expect(() => ui.alert('x', 'y', ui.ButtonSet.OK)).toThrow(/cannot answer YES/);
  });

  test('sidebars record their HTML; unknown files throw', () => {
    const gas = createFakeGas({ htmlFiles: { Sidebar: '<p>hi</p>' } });
    gas.SpreadsheetApp.getUi().showSidebar(
      gas.HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('ITA'),
    );
    expect(gas.ui.sidebars).toEqual([expect.objectContaining({ content: '<p>hi</p>', title: 'ITA' })]);
    expect(() => gas.HtmlService.createHtmlOutputFromFile('Nope')).toThrow(
      'No HTML file named Nope was found.',
    );
  });

  test('the document lock can be busy or absent', () => {
    const gas = createFakeGas({ lock: 'busy' });
    expect(gas.LockService.getDocumentLock().tryLock(1000)).toBe(false);
    gas.lock.mode = 'none';
    expect(gas.LockService.getDocumentLock()).toBeNull();
    expect(gas.lock.attempts).toEqual([1000]);
  });

  test('installs as globals on a node:vm context', () => {
    const context = vm.createContext({});
    const gas = installFakeGlobals(context, { sheets: { Data: [['x']] } });
    const result: unknown = vm.runInContext(
      "SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Data').getRange('A1').getValue()",
      context,
    );
    expect(result).toBe('x');
    expect(gas.counter.total).toBe(4);
  });
});
