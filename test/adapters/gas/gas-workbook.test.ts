/**
 * The Google Sheets adapter against the strict fake: the port's semantics (as the memory adapter
 * defines them), text safety, links, dates, marks, and service calls that do not grow with rows.
 */
import { GasLock, GasUi, GasWorkbook, gasHost } from '../../../src/adapters/gas';
import { MemoryWorkbook } from '../../../src/adapters/memory/memory-workbook';
import type { CellValue } from '../../../src/core/cells';
import type { OutCell, SheetModel } from '../../../src/core/sheet-model';
import type { TemplateSheetPlan } from '../../../src/port/workbook';
import {
  createFakeGas,
  installFakeGlobals,
  uninstallFakeGlobals,
  type SeedCell,
} from '../../fakes/spreadsheet-app';
import { sheetModel } from '../../helpers/sheet-models';
import { setup } from './setup';

const model = sheetModel;

/** Calendar date an instant shows in a zone, as ISO. */
function dayIn(date: CellValue, timeZone: string): string {
  if (!(date instanceof Date)) throw new Error(`not a date: ${String(date)}`);
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}

const TRICKY = [
  '=1+1',
  '+66',
  '-',
  '@x',
  "'quoted",
  '1/10/2565',
  '0012',
  'TRUE',
  '50%',
  '=HYPERLINK("http://evil","x")',
];

describe('reading', () => {
  const rows: SeedCell[][] = [
    ['รหัส', 'งบประมาณ', 'วันที่', 'สูตร'],
    [
      'P-01',
      { value: 20000, format: '#,##0' },
      new Date('2022-09-30T17:00:00Z'),
      { formula: '=B2*2', value: 40000 },
    ],
    ['', null, '', ''],
    ['P-02', 0, null, true],
  ];

  test('readSheet returns values, formulas and displays of the used block, blanks as null', () => {
    const { wb } = setup({ sheets: { แผน: rows } });
    const snap = wb.readSheet('แผน');
    expect(snap).not.toBeNull();
    if (!snap) return;
    expect(snap.values[0]).toEqual(['รหัส', 'งบประมาณ', 'วันที่', 'สูตร']);
    expect(snap.values[1].slice(0, 2)).toEqual(['P-01', 20000]);
    expect(dayIn(snap.values[1][2], 'Asia/Bangkok')).toBe('2022-10-01');
    expect(snap.values[1][3]).toBe(40000);
    expect(snap.values[2]).toEqual([null, null, null, null]);
    expect(snap.formulas[1]).toEqual(['', '', '', '=B2*2']);
    expect(snap.displays[1]).toEqual(['P-01', '20,000', '1/10/2022', '40000']);
    expect(snap.values.map((r) => r.length)).toEqual([4, 4, 4, 4]);
    expect(snap.timeZone).toBe('Asia/Bangkok');
  });

  test('values and formulas agree with the memory adapter on the same sheet', () => {
    const grid: CellValue[][] = [
      ['a', 1, true],
      [null, '=A1', 2.5],
      ['x', null, null],
    ];
    const memory = new MemoryWorkbook();
    memory.setSheet('S', grid);
    const { wb } = setup({ sheets: { S: grid } });
    const [m, g] = [memory.readSheet('S'), wb.readSheet('S')];
    expect(g?.values).toEqual(m?.values);
    expect(g?.formulas).toEqual(m?.formulas);
  });

  test('merges come back as ranges; empty sheet → empty arrays; missing sheet → null', () => {
    const { gas, wb } = setup({
      sheets: {
        A: [
          ['หัว', '', ''],
          ['x', 'y', 'z'],
        ],
        B: [],
      },
    });
    gas.spreadsheet.getSheetByName('A')?.getRange('A1:C1').merge();
    expect(wb.readSheet('A')?.merges).toEqual([{ row: 1, col: 1, rows: 1, cols: 3 }]);
    expect(wb.readSheet('B')).toEqual({
      name: 'B',
      values: [],
      formulas: [],
      displays: [],
      merges: [],
      timeZone: 'Asia/Bangkok',
    });
    expect(wb.readSheet('ไม่มี')).toBeNull();
  });

  test('listSheets in tab order with ids and hidden flags; timeZone is read once', () => {
    const { gas, wb } = setup({ sheets: { A: [], B: [] }, timeZone: 'Europe/London' });
    gas.spreadsheet.getSheetByName('B')?.hideSheet();
    const [a, b] = gas.state.sheets;
    expect(wb.listSheets()).toEqual([
      { name: 'A', id: a.id, hidden: false },
      { name: 'B', id: b.id, hidden: true },
    ]);
    wb.timeZone();
    wb.timeZone();
    expect(gas.counter.count('Spreadsheet.getSpreadsheetTimeZone')).toBe(1);
    expect(wb.timeZone()).toBe('Europe/London');
  });
});

describe('writeSheet', () => {
  test('user text stays text exactly as given', () => {
    const { gas, wb } = setup();
    wb.writeSheet(model({ name: 'รายงาน', rows: [TRICKY] }));
    const view = gas.inspect('รายงาน');
    expect(view.values()).toEqual([TRICKY]);
    expect(view.formulas()).toEqual([TRICKY.map(() => '')]);
    expect(wb.readSheet('รายงาน')?.values).toEqual([TRICKY]);
  });

  test('links become HYPERLINK formulas to the target gid; missing targets keep their text', () => {
    const { gas, wb } = setup({ sheets: { แผนปฏิบัติการ: [['x']] } });
    const target = gas.state.sheets[0].id;
    const link = (text: string, sheet: string): OutCell => ({ kind: 'link', text, sheet, row: 5, col: 3 });
    wb.writeSheet(model({ name: 'ผล', rows: [[link('ดู "C5"', 'แผนปฏิบัติการ'), link('=ไม่มี', 'ไม่มีชีตนี้')]] }));
    const view = gas.inspect('ผล');
    expect(view.formula(1, 1)).toBe(`=HYPERLINK("#gid=${target}&range=C5","ดู ""C5""")`);
    expect(view.value(1, 1)).toBe('ดู "C5"');
    expect(view.formula(1, 2)).toBe('');
    expect(view.value(1, 2)).toBe('=ไม่มี');
    expect(gas.counter.count('Sheet.getSheetId')).toBe(1);
  });

  test.each(['Asia/Bangkok', 'America/New_York', 'Pacific/Auckland'])(
    'date cells land on their calendar day in %s',
    (zone) => {
      const { gas, wb } = setup({ timeZone: zone });
      const dates = ['2022-10-01', '2023-03-12', '2023-04-02', '2023-09-24'];
      wb.writeSheet(model({ name: 'D', rows: [dates.map((iso): OutCell => ({ kind: 'date', iso }))] }));
      const view = gas.inspect('D');
      expect(view.values()[0].map((d) => dayIn(d as Date, zone))).toEqual(dates);
      expect(
        view
          .values()[0]
          .map((d) =>
            new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(
              d as Date,
            ),
          ),
      ).toEqual(['00', '00', '00', '00']);
      expect(wb.readSheet('D')?.displays).toEqual([['1/10/2022', '12/3/2023', '2/4/2023', '24/9/2023']]);
    },
  );

  test('renders styles, merges, widths, frozen rows, tab colour, font, borders, charts and protection', () => {
    const { gas, wb } = setup();
    wb.writeSheet(
      model({
        name: 'สรุป',
        rows: [
          ['สรุปงบประมาณ', null, null],
          ['มิติ', '2566', '2567'],
          ['1', 1000, 2000.5],
        ],
        styles: [
          {
            range: { row: 1, col: 1, rows: 2, cols: 3 },
            style: { bold: true, background: '#d9ead3', hAlign: 'center' },
          },
          {
            range: { row: 3, col: 2, rows: 1, cols: 2 },
            style: {
              numberFormat: '#,##0.00',
              italic: true,
              fontColor: '#ff0000',
              fontSize: 12,
              vAlign: 'top',
              wrap: true,
            },
          },
        ],
        merges: [{ row: 1, col: 1, rows: 1, cols: 3 }],
        columnWidths: [200, 120, 120],
        frozenRows: 2,
        tabColor: '#0b5394',
        borders: [{ row: 2, col: 1, rows: 2, cols: 3 }],
        charts: [
          {
            type: 'stackedColumn',
            title: 'งบ',
            data: { row: 2, col: 1, rows: 2, cols: 3 },
            anchor: { row: 5, col: 1 },
            width: 600,
            height: 300,
            yTitle: 'บาท',
          },
        ],
        protect: true,
      }),
    );
    const view = gas.inspect('สรุป');
    expect(view.format(1, 2)).toMatchObject({
      fontWeight: 'bold',
      background: '#d9ead3',
      hAlign: 'center',
      fontFamily: 'Sarabun',
    });
    expect(view.format(3, 1)).toMatchObject({
      fontWeight: 'normal',
      background: '#ffffff',
      numberFormat: 'General',
    });
    expect(view.format(3, 3)).toMatchObject({
      numberFormat: '#,##0.00',
      fontStyle: 'italic',
      fontColor: '#ff0000',
      fontSize: 12,
      vAlign: 'top',
      wrap: true,
    });
    expect(view.display(3, 3)).toBe('2,000.50');
    expect(view.format(2, 1).border).toBe(true);
    expect(view.format(1, 1).border).toBe(false);
    const state = view.state;
    expect(state.merges).toEqual([{ row: 1, col: 1, rows: 1, cols: 3 }]);
    // A new sheet's columns start at the default width (100): only the others are set.
    expect([1, 2, 3, 4].map((c) => state.columnWidths.get(c) ?? 100)).toEqual([200, 120, 120, 100]);
    expect(state).toMatchObject({ frozenRows: 2, tabColor: '#0b5394', hidden: false });
    expect(state.protections).toEqual([expect.objectContaining({ type: 'SHEET', warningOnly: true })]);
    expect(state.charts).toEqual([
      expect.objectContaining({
        type: 'COLUMN',
        ranges: [{ row: 2, col: 1, rows: 2, cols: 3 }],
        position: { row: 5, col: 1, offsetX: 0, offsetY: 0 },
        options: expect.objectContaining({
          title: 'งบ',
          isStacked: true,
          width: 600,
          height: 300,
          vAxis: { title: 'บาท' },
        }),
      }),
    ]);
  });

  test('rewriting keeps the sheet and its gid and removes everything from before', () => {
    const { gas, wb } = setup({ sheets: { อื่น: [['x']] } });
    const first = model({
      name: 'ผล',
      rows: [
        ['หัว', 'x'],
        ['a', 'b'],
        ['c', 'd'],
      ],
      merges: [{ row: 1, col: 1, rows: 1, cols: 2 }],
      frozenRows: 1,
      charts: [
        {
          type: 'line',
          title: 't',
          data: { row: 1, col: 1, rows: 3, cols: 2 },
          anchor: { row: 1, col: 4 },
          width: 100,
          height: 100,
        },
      ],
      protect: true,
      columnWidths: [300],
      styles: [{ range: { row: 2, col: 1, rows: 2, cols: 2 }, style: { background: '#ff0000' } }],
    });
    wb.writeSheet(first);
    const id = gas.inspect('ผล').state.id;
    const sheet = gas.spreadsheet.getSheetByName('ผล');
    sheet?.getRange('B3').setNote('old note');
    sheet?.getRange('A2:A3').setDataValidation(gas.SpreadsheetApp.newDataValidation().requireDate().build());
    wb.writeSheet(model({ name: 'ผล', rows: [['ใหม่']], hidden: true }));
    const view = gas.inspect('ผล');
    expect(view.state.id).toBe(id);
    expect(gas.state.sheets.map((s) => s.name)).toEqual(['อื่น', 'ผล']);
    expect(view.values()).toEqual([['ใหม่']]);
    expect(view.state).toMatchObject({
      merges: [],
      charts: [],
      protections: [],
      frozenRows: 0,
      hidden: true,
    });
    expect(view.note(3, 2)).toBe('');
    expect(view.validation(2, 1)).toBeUndefined();
    expect(view.format(2, 1).background).toBe('#ffffff');
    expect(view.state.columnWidths.get(1)).toBe(100);
  });

  test('grows the grid past 1,000 rows and 26 columns', () => {
    const { gas, wb } = setup();
    const rows = Array.from({ length: 1500 }, (_, r) =>
      Array.from({ length: 30 }, (_, c) => (c === 0 ? `r${r + 1}` : r * c)),
    );
    wb.writeSheet(model({ name: 'ใหญ่', rows }));
    expect(gas.inspect('ใหญ่').extent()).toEqual({ rows: 1500, cols: 30 });
    expect(gas.inspect('ใหญ่').value(1500, 30)).toBe(1499 * 29);
  });

  test('an empty model gives an empty sheet', () => {
    const { wb } = setup();
    wb.writeSheet(model({ name: 'ว่าง', rows: [] }));
    expect(wb.readSheet('ว่าง')?.values).toEqual([]);
  });
});

describe('marks: readCellLayer / writeCellLayer', () => {
  test('marks are set, other notes kept, and restoring the read layer restores exactly', () => {
    const { gas, wb } = setup({
      sheets: {
        แผน: [
          ['a', 'b', 'c'],
          ['d', { value: 'e', background: '#00ff00', note: 'ของผู้ใช้' }, 'f'],
          ['g', 'h', 'i'],
        ],
      },
    });
    gas.spreadsheet.getSheetByName('แผน')?.getRange('C3').setNote('อย่าลบ');
    const range = { row: 1, col: 1, rows: 3, cols: 3 };
    const before = wb.readCellLayer('แผน', range);
    expect(before.backgrounds[1][1]).toBe('#00ff00');
    expect(before.backgrounds[0][0]).toBeNull();
    expect(before.notes[1][1]).toBe('ของผู้ใช้');

    wb.writeCellLayer('แผน', [
      { row: 1, col: 1, background: '#f4cccc', note: 'ต้องกรอก' },
      { row: 2, col: 2, background: '#f4cccc', note: 'ผิด' },
      { row: 3, col: 1, background: '#fff2cc', note: 'เตือน' },
    ]);
    const marked = wb.readCellLayer('แผน', range);
    expect(marked.backgrounds).toEqual([
      ['#f4cccc', null, null],
      [null, '#f4cccc', null],
      ['#fff2cc', null, null],
    ]);
    expect(marked.notes[2][2]).toBe('อย่าลบ');

    const restore = [
      { row: 1, col: 1 },
      { row: 2, col: 2 },
      { row: 3, col: 1 },
    ].map(({ row, col }) => ({
      row,
      col,
      background: before.backgrounds[row - 1][col - 1],
      note: before.notes[row - 1][col - 1],
    }));
    wb.writeCellLayer('แผน', restore);
    expect(wb.readCellLayer('แผน', range)).toEqual(before);
    expect(gas.inspect('แผน').values()).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
      ['g', 'h', 'i'],
    ]);
  });

  test('a layer past the grid reads as blank instead of throwing', () => {
    const { wb } = setup({ sheets: { S: [['x']] } });
    const layer = wb.readCellLayer('S', { row: 999, col: 26, rows: 3, cols: 2 });
    expect(layer.backgrounds).toEqual([
      [null, null],
      [null, null],
      [null, null],
    ]);
    expect(layer.notes).toEqual([
      ['', ''],
      ['', ''],
      ['', ''],
    ]);
  });

  test('the same cell changed twice: the last change wins', () => {
    const { gas, wb } = setup({ sheets: { S: [['x']] } });
    wb.writeCellLayer('S', [
      { row: 1, col: 1, background: '#ff0000', note: 'one' },
      { row: 1, col: 1, background: null, note: 'two' },
    ]);
    expect(gas.inspect('S').format(1, 1).background).toBe('#ffffff');
    expect(gas.inspect('S').note(1, 1)).toBe('two');
  });
});

describe('appendRows', () => {
  test('writes below the data, user text stays text, plain-text columns get no apostrophe', () => {
    const { gas, wb } = setup({ sheets: { ติดตาม: [['รหัส', 'ผล', 'วันที่']] } });
    gas.spreadsheet.getSheetByName('ติดตาม')?.getRange('B2:B1000').setNumberFormat('@');
    wb.appendRows('ติดตาม', 2, [
      ['=1+1', '0012', { kind: 'date', iso: '2023-01-31' }],
      ['+66', '=2+2'],
    ]);
    const view = gas.inspect('ติดตาม');
    expect(view.values(3, 2)).toEqual([
      ['รหัส', 'ผล'],
      ['=1+1', '0012'],
      ['+66', '=2+2'],
    ]);
    expect(dayIn(view.value(2, 3), 'Asia/Bangkok')).toBe('2023-01-31');
    expect(
      view
        .formulas(3, 3)
        .flat()
        .every((f) => f === ''),
    ).toBe(true);
  });

  test('grows the sheet when the rows go past the grid', () => {
    const { gas, wb } = setup({ sheets: { S: [['h']] } });
    wb.appendRows('S', 1000, [['a'], ['b'], ['c']]);
    expect(gas.inspect('S').state.maxRows).toBe(1002);
    expect(gas.inspect('S').value(1002, 1)).toBe('c');
  });

  test('matches the memory adapter', () => {
    const memory = new MemoryWorkbook();
    memory.setSheet('S', [['h1', 'h2']]);
    const { wb } = setup({ sheets: { S: [['h1', 'h2']] } });
    const rows: OutCell[][] = [['x', 1], [true, null], TRICKY.slice(0, 2)];
    memory.appendRows('S', 2, rows);
    wb.appendRows('S', 2, rows);
    expect(wb.readSheet('S')?.values).toEqual(memory.readSheet('S')?.values);
  });
});

function plan(over: Partial<TemplateSheetPlan> = {}): TemplateSheetPlan {
  return {
    name: 'แผนปฏิบัติการ',
    create: true,
    headerRow: 1,
    headerCells: [
      { col: 1, text: 'รหัส' },
      { col: 2, text: 'ชื่อโครงการ' },
      { col: 3, text: 'งบประมาณ 2566' },
      { col: 4, text: 'สถานะ' },
      { col: 5, text: 'หน่วยงาน' },
      { col: 6, text: 'วันที่' },
    ],
    headerRange: { row: 1, col: 1, rows: 1, cols: 6 },
    headerStyle: { bold: true, background: '#d9ead3', wrap: true, vAlign: 'middle' },
    columns: [
      { col: 1, width: 80, numberFormat: '@', note: 'รหัสไม่ซ้ำ' },
      { col: 2, width: 300, numberFormat: '@' },
      { col: 3, width: 120, numberFormat: '#,##0.00', validation: { kind: 'number', min: 0 } },
      {
        col: 4,
        width: 120,
        validation: { kind: 'list', values: ['ยังไม่ดำเนินการ', 'ดำเนินการแล้วเสร็จ'] },
        note: 'เลือกจากรายการ',
      },
      {
        col: 5,
        width: 120,
        validation: { kind: 'listFromRange', sheet: 'อ้างอิง', range: { row: 2, col: 1, rows: 20, cols: 1 } },
      },
      { col: 6, width: 100, numberFormat: 'd/m/yyyy', validation: { kind: 'date' } },
    ],
    frozenRows: 1,
    frozenColumns: 2,
    tabColor: '#38761d',
    fontFamily: 'Sarabun',
    seeds: [],
    formatRows: 1000,
    ...over,
  };
}

describe('applyTemplate', () => {
  test('creates the sheet with headers, formats, dropdowns (warning only), notes, panes, tab and font', () => {
    const { gas, wb } = setup({ sheets: { อ้างอิง: [['หน่วยงาน'], ['สำนักปลัด']] } });
    wb.applyTemplate(plan());
    const view = gas.inspect('แผนปฏิบัติการ');
    expect(view.values()).toEqual([['รหัส', 'ชื่อโครงการ', 'งบประมาณ 2566', 'สถานะ', 'หน่วยงาน', 'วันที่']]);
    expect(view.format(1, 3)).toMatchObject({
      fontWeight: 'bold',
      background: '#d9ead3',
      wrap: true,
      vAlign: 'middle',
    });
    expect(view.format(2, 3)).toMatchObject({
      numberFormat: '#,##0.00',
      fontWeight: 'normal',
      fontFamily: 'Sarabun',
    });
    expect(view.format(1000, 1).numberFormat).toBe('@');
    expect(view.format(1, 1).numberFormat).toBe('General');
    expect(view.validation(2, 3)).toMatchObject({
      criteria: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
      args: [0],
      allowInvalid: true,
    });
    expect(view.validation(1000, 4)).toMatchObject({
      criteria: 'VALUE_IN_LIST',
      args: [['ยังไม่ดำเนินการ', 'ดำเนินการแล้วเสร็จ'], true],
      allowInvalid: true,
    });
    expect(view.validation(2, 5)).toMatchObject({
      criteria: 'VALUE_IN_RANGE',
      allowInvalid: true,
      source: { sheet: 'อ้างอิง', range: { row: 2, col: 1, rows: 20, cols: 1 } },
    });
    expect(view.validation(2, 6)).toMatchObject({ criteria: 'DATE_IS_VALID_DATE', allowInvalid: true });
    expect(view.validation(1, 4)).toBeUndefined();
    expect([view.note(1, 1), view.note(1, 2), view.note(1, 4)]).toEqual(['รหัสไม่ซ้ำ', '', 'เลือกจากรายการ']);
    expect(view.state).toMatchObject({ frozenRows: 1, frozenCols: 2, tabColor: '#38761d' });
    expect([1, 2, 3, 7].map((c) => gas.spreadsheet.getSheetByName('แผนปฏิบัติการ')?.getColumnWidth(c))).toEqual([
      80, 300, 120, 100,
    ]);
  });

  test('repair: existing headers, data rows and other notes are never rewritten; only empty cells are filled', () => {
    const data: SeedCell[][] = [
      ['รหัสโครงการ', '', { formula: '=CONCAT("งบ","2566")', value: 'งบ2566' }, '  ', '', ''],
      ['P-01', '=1+1 ของผู้ใช้', 5000, 'ทำอยู่', 'กองคลัง', new Date('2023-01-01T00:00:00Z')],
      ['P-02', '', '', '', '', ''],
    ];
    const { gas, wb } = setup({ sheets: { อ้างอิง: [['x']], แผนปฏิบัติการ: data } });
    gas.spreadsheet.getSheetByName('แผนปฏิบัติการ')?.getRange('E1').setNote('โน้ตของผู้ใช้');
    const before = wb.readSheet('แผนปฏิบัติการ');
    wb.applyTemplate(plan({ create: false }));
    const after = wb.readSheet('แผนปฏิบัติการ');
    expect(after?.values[0]).toEqual(['รหัสโครงการ', 'ชื่อโครงการ', 'งบ2566', 'สถานะ', 'หน่วยงาน', 'วันที่']);
    expect(after?.formulas[0][2]).toBe('=CONCAT("งบ","2566")');
    expect(after?.values.slice(1)).toEqual(before?.values.slice(1));
    expect(after?.formulas.slice(1)).toEqual(before?.formulas.slice(1));
    expect(gas.inspect('แผนปฏิบัติการ').note(1, 5)).toBe('โน้ตของผู้ใช้');
    const memory = new MemoryWorkbook();
    memory.setSheet('แผนปฏิบัติการ', [['รหัสโครงการ', '', '=CONCAT("งบ","2566")', '  ', '', '']]);
    memory.applyTemplate(plan({ create: false }));
    expect(memory.values('แผนปฏิบัติการ')[0].map((v, c) => v ?? after?.values[0][c])).toEqual(after?.values[0]);
  });

  test('seeds go only into empty cells, in one write when the block is empty', () => {
    const { gas, wb } = setup({
      sheets: {
        อ้างอิง: [
          ['หน่วยงาน', 'ลำดับ'],
          ['ของผู้ใช้', ''],
          ['', 7],
        ],
      },
    });
    const seeds = [
      {
        row: 2,
        col: 1,
        values: [
          ['สำนักปลัด', 1],
          ['กองคลัง', 2],
          ['กองช่าง', 3],
        ] as OutCell[][],
      },
    ];
    const calls = gas.counter.measure(() =>
      wb.applyTemplate(plan({ name: 'อ้างอิง', headerCells: [], columns: [], seeds })),
    );
    expect(gas.inspect('อ้างอิง').values()).toEqual([
      ['หน่วยงาน', 'ลำดับ'],
      ['ของผู้ใช้', 1],
      ['กองคลัง', 7],
      ['กองช่าง', 3],
    ]);
    expect(calls.calls['Range.setValues']).toBe(3); // B2, A3, A4:B4: the filled cells are never written

    const fresh = setup({ sheets: { อ้างอิง: [['หน่วยงาน', 'ลำดับ']] } });
    const once = fresh.gas.counter.measure(() =>
      fresh.wb.applyTemplate(plan({ name: 'อ้างอิง', headerCells: [], columns: [], seeds })),
    );
    expect(once.calls['Range.setValues']).toBe(1);
    expect(fresh.gas.inspect('อ้างอิง').values(4, 2)).toEqual([
      ['หน่วยงาน', 'ลำดับ'],
      ['สำนักปลัด', 1],
      ['กองคลัง', 2],
      ['กองช่าง', 3],
    ]);
  });

  test('a dropdown whose source sheet is missing is left out rather than pointing nowhere', () => {
    const { gas, wb } = setup();
    wb.applyTemplate(plan());
    expect(gas.inspect('แผนปฏิบัติการ').validation(2, 5)).toBeUndefined();
    expect(gas.inspect('แผนปฏิบัติการ').validation(2, 4)).toBeDefined();
  });

  test('frozen panes that would split a user merge are skipped, the rest applies', () => {
    const { gas, wb } = setup({ sheets: { อ้างอิง: [['x']], แผนปฏิบัติการ: [['ชื่อ'], ['']] } });
    gas.spreadsheet.getSheetByName('แผนปฏิบัติการ')?.getRange('A1:A2').merge();
    wb.applyTemplate(plan({ create: false }));
    expect(gas.inspect('แผนปฏิบัติการ').state).toMatchObject({ frozenRows: 0, frozenCols: 2 });
    expect(gas.inspect('แผนปฏิบัติการ').state.tabColor).toBe('#38761d');
  });
});

describe('sheets and selection', () => {
  test('deleteSheet removes a sheet and ignores a missing one; activate selects the cell', () => {
    const { gas, wb } = setup({ sheets: { A: [], B: [] } });
    wb.deleteSheet('ไม่มี');
    wb.deleteSheet('B');
    expect(wb.listSheets().map((s) => s.name)).toEqual(['A']);
    wb.writeSheet(model({ name: 'C', rows: [['x']] }));
    wb.activate('A', 3, 2);
    expect(gas.state.activeSheetId).toBe(gas.inspect('A').state.id);
    expect(gas.inspect('A').state.activeRange).toEqual({ row: 3, col: 2, rows: 1, cols: 1 });
    wb.activate('C');
    expect(gas.state.activeSheetId).toBe(gas.inspect('C').state.id);
    wb.activate('ไม่มี', 1, 1);
  });
});

describe('GasUi and GasLock', () => {
  test('toast, alert and prompt go through the Sheets UI', () => {
    const gas = createFakeGas();
    const ui = new GasUi(gas.SpreadsheetApp);
    ui.toast('ตรวจสอบเสร็จ');
    ui.toast('x', 'หัวข้อ');
    expect(gas.state.toasts).toEqual([
      { message: 'ตรวจสอบเสร็จ', title: 'ITA Sheets', timeoutSeconds: 8 },
      { message: 'x', title: 'หัวข้อ', timeoutSeconds: 8 },
    ]);
    ui.alert('ผิดพลาด', 'ไม่พบชีต');
    expect(gas.ui.alerts).toEqual([{ title: 'ผิดพลาด', message: 'ไม่พบชีต', buttons: 'OK', answer: 'OK' }]);
    gas.ui.script('OK', '2567').script('OK', '  ').script('CANCEL', '2568').script('CLOSE');
    expect(ui.prompt('ปี', 'ปีงบประมาณ', '2566')).toBe('2567');
    expect(ui.prompt('ปี', 'ปีงบประมาณ', '2566')).toBe('2566');
    expect(ui.prompt('ปี', 'ปีงบประมาณ', '2566')).toBeNull();
    expect(ui.prompt('ปี', 'ปีงบประมาณ', '2566')).toBeNull();
    expect(gas.ui.prompts[0]).toMatchObject({ title: 'ปี', buttons: 'OK_CANCEL' });
    expect(gas.ui.prompts[0].message).toContain('2566');
  });

  test('the document lock, with the script lock when there is no document', () => {
    const gas = createFakeGas();
    const lock = new GasLock(gas.LockService);
    expect(lock.tryLock(5000)).toBe(true);
    expect(gas.lock.held).toBe(true);
    lock.release();
    expect(gas.lock.held).toBe(false);
    gas.lock.mode = 'busy';
    expect(lock.tryLock(100)).toBe(false);
    lock.release();
    expect(gas.lock.releases).toBe(1);
    gas.lock.mode = 'none';
    expect(lock.tryLock(100)).toBe(true);
    expect(gas.lock.attempts).toEqual([5000, 100]);
  });
});

describe('globals', () => {
  afterEach(() => uninstallFakeGlobals(globalThis));

  test('gasHost touches no service until a method runs, then uses the global services', () => {
    const gas = installFakeGlobals(globalThis, { sheets: { S: [['x']] } });
    const host = gasHost();
    expect(gas.counter.total).toBe(0);
    expect(host.workbook.readSheet('S')?.values).toEqual([['x']]);
    expect(host.lock.tryLock(10)).toBe(true);
    host.ui.toast('hi');
    expect(gas.state.toasts).toHaveLength(1);
    expect(host.now()).toBeInstanceOf(Date);
  });
});

describe('service calls do not grow with rows', () => {
  const sizes = [10, 5000];

  function dataRows(n: number): SeedCell[][] {
    return [
      ['รหัส', 'ชื่อ', 'งบ', 'วันที่'],
      ...Array.from({ length: n }, (_, i) => [
        `P-${i}`,
        `โครงการ ${i}`,
        i * 100,
        new Date(Date.UTC(2023, 0, 1 + (i % 300))),
      ]),
    ];
  }

  function reportModel(n: number): SheetModel {
    const rows: OutCell[][] = [
      ['ผลการตรวจสอบ', null, null, null],
      ['ชีต', 'เซลล์', 'ข้อความ', 'วันที่'],
    ];
    for (let i = 0; i < n; i++) {
      rows.push([
        'แผน',
        { kind: 'link', text: `B${i + 2}`, sheet: 'แผน', row: i + 2, col: 2 },
        `=ข้อความ ${i}`,
        { kind: 'date', iso: '2023-01-01' },
      ]);
    }
    return model({
      name: 'ผลการตรวจสอบ',
      rows,
      styles: [
        { range: { row: 1, col: 1, rows: 2, cols: 4 }, style: { bold: true, background: '#eeeeee' } },
        { range: { row: 3, col: 4, rows: n, cols: 1 }, style: { numberFormat: 'd/m/yyyy', hAlign: 'right' } },
      ],
      merges: [{ row: 1, col: 1, rows: 1, cols: 4 }],
      borders: [{ row: 2, col: 1, rows: n + 1, cols: 4 }],
      columnWidths: [100, 80, 400, 100],
      frozenRows: 2,
      protect: true,
      charts: [
        {
          type: 'column',
          title: 'c',
          data: { row: 2, col: 1, rows: 3, cols: 2 },
          anchor: { row: 1, col: 6 },
          width: 400,
          height: 300,
        },
      ],
    });
  }

  /** Calls made by `run` on a fresh workbook of n data rows (after a first warm-up write for rewrites). */
  function measure(
    n: number,
    run: (wb: GasWorkbook, n: number) => void,
    prepare?: (wb: GasWorkbook, n: number) => void,
  ) {
    const { gas, wb } = setup({ sheets: { แผน: dataRows(n), อ้างอิง: [['x']] } });
    prepare?.(wb, n);
    wb.timeZone();
    return gas.counter.measure(() => run(wb, n));
  }

  type Case = {
    name: string;
    run: (wb: GasWorkbook, n: number) => void;
    prepare?: (wb: GasWorkbook, n: number) => void;
  };
  const cases: Case[] = [
    { name: 'readSheet', run: (wb) => void wb.readSheet('แผน') },
    { name: 'writeSheet (new sheet)', run: (wb, n) => wb.writeSheet(reportModel(n)) },
    {
      name: 'writeSheet (rewrite)',
      run: (wb, n) => wb.writeSheet(reportModel(n)),
      prepare: (wb, n) => wb.writeSheet(reportModel(n)),
    },
    {
      name: 'appendRows',
      run: (wb, n) =>
        wb.appendRows(
          'แผน',
          n + 2,
          Array.from({ length: n }, (_, i): OutCell[] => [`=x${i}`, i, { kind: 'date', iso: '2023-02-01' }]),
        ),
    },
    {
      name: 'writeCellLayer',
      run: (wb, n) =>
        wb.writeCellLayer(
          'แผน',
          Array.from({ length: n }, (_, i) => ({
            row: i + 2,
            col: 1 + (i % 3),
            background: i % 2 ? '#f4cccc' : null,
            note: `ข้อ ${i}`,
          })),
        ),
    },
    {
      name: 'readCellLayer',
      run: (wb, n) => void wb.readCellLayer('แผน', { row: 1, col: 1, rows: n + 1, cols: 4 }),
    },
    {
      name: 'applyTemplate',
      run: (wb) => wb.applyTemplate(plan({ name: 'แผน', create: false, formatRows: 1000 })),
    },
  ];

  /** Growing the grid (a new sheet has 1,000 rows) is one call whatever the size, once it is needed. */
  const GROWTH = ['Sheet.insertRowsAfter', 'Sheet.insertColumnsAfter'];
  const withoutGrowth = (calls: Record<string, number>) =>
    Object.fromEntries(Object.entries(calls).filter(([name]) => !GROWTH.includes(name)));

  test.each(cases)('$name', ({ run, prepare }) => {
    const [small, large] = sizes.map((n) => measure(n, run, prepare));
    expect(withoutGrowth(large.calls)).toEqual(withoutGrowth(small.calls));
    for (const name of GROWTH) expect(large.calls[name] ?? 0).toBeLessThanOrEqual(1);
    expect(small.total).toBeLessThan(80);
  });
});
