import { memoryHost, type MemoryWorkbook } from '../../src/adapters/memory/memory-workbook';
import { appendRecords, type NewRow } from '../../src/commands/append';
import { budgetCommand, runBudget } from '../../src/commands/budget';
import { BUSY_MESSAGE, CommandError } from '../../src/commands/context';
import type { BudgetJson } from '../../src/core/budget';
import { parseA1 } from '../../src/core/cells';
import { GENERATED_SHEETS } from '../../src/core/schema';
import { isFormulaCell, isLinkCell } from '../../src/core/sheet-model';
import { inputCells, sampleHost, sampleWorkbook, setCell } from '../helpers/workbooks';
import { expectSheetMatchesJson } from './budget-sheet';

const BUDGET = GENERATED_SHEETS.budget;
const PLAN = 'แผนปฏิบัติการ';

function run(host: ReturnType<typeof sampleHost>, options = {}): BudgetJson {
  return budgetCommand.json(budgetCommand.run(host, options)) as BudgetJson;
}

function addTracking(workbook: MemoryWorkbook, rows: Record<string, string | number | null>[]): void {
  appendRecords(
    workbook,
    'ติดตามผล',
    'tracking',
    rows.map((values): NewRow => ({ values })),
  );
}

/** Sample items by position in the plan sheet (plan_2566-2570.csv order): 1 = 1-01, 24 = 4-03. */
const ITEM_1_01 = 1;
const ITEM_4_03 = 24;

describe('คำนวณงบประมาณรายมิติ on the memory host', () => {
  test('the generated sheet shows the same figures as the JSON', () => {
    const host = sampleHost();
    const json = run(host);
    expectSheetMatchesJson(host.workbook.values(BUDGET), json);
    expect(json.grandTotal.total).toBe(386000);
    expect(host.workbook.activated?.name).toBe(BUDGET);
  });

  test('the toast gives the grand total in Thai', () => {
    const host = sampleHost();
    runBudget(host, {});
    expect(host.ui.toasts).toEqual([
      {
        title: 'คำนวณงบประมาณเสร็จแล้ว',
        message: 'งบประมาณรวม พ.ศ. 2566–2570 386,000 บาท (27 รายการ) · ดูรายละเอียดในชีต "งบประมาณรายมิติ"',
      },
    ]);
  });

  test('heading, baht format, B.E. headers, A4 landscape and a stacked-column chart over the data block', () => {
    const host = sampleHost();
    runBudget(host, {});
    const sheet = host.workbook.requireSheet(BUDGET);
    const model = sheet.model;
    expect(model?.rows[0]).toEqual(['งบประมาณรายมิติ แผนปฏิบัติการป้องกันการทุจริต พ.ศ. 2566–2570']);
    expect(model?.rows[1]).toEqual(['องค์การบริหารส่วนตำบลแหลมสอม อำเภอปะเหลียน จังหวัดตรัง']);
    expect(String(model?.rows[2][0])).toContain('15 เมษายน 2566 เวลา 10:00 น.');
    expect(model?.print).toMatchObject({ orientation: 'landscape', fitToWidth: true });
    expect(sheet.protectedWarningOnly).toBe(true);
    // The grand total's 2566 cell: a number with a thousands-separator format.
    const values = host.workbook.values(BUDGET);
    const grandRow = values.findIndex((r) => r[1] === 'รวมทั้งสิ้น');
    const col2566 = values.findIndex((r) => r.includes('งบประมาณ พ.ศ. 2566 (บาท)'));
    const yearCol = values[col2566].indexOf('งบประมาณ พ.ศ. 2566 (บาท)');
    const cell = sheet.cells[grandRow][yearCol];
    expect(cell.value).toBe(77200);
    expect(cell.numberFormat).toBe('#,##0');

    expect(sheet.charts).toHaveLength(1);
    const chart = sheet.charts[0];
    expect(chart.type).toBe('stackedColumn');
    // Header row = series (dimensions), then one category row per plan year.
    expect(chart.data.rows).toBe(1 + 5);
    expect(chart.data.cols).toBe(1 + 4);
    expect(values[chart.data.row - 1].slice(0, 5)).toEqual(['ปีงบประมาณ', 'มิติที่ 1', 'มิติที่ 2', 'มิติที่ 3', 'มิติที่ 4']);
    expect(values[chart.data.row].slice(0, 5)).toEqual(['2566', 20000, 7200, 10000, 40000]);
    expect(chart.anchor.row).toBeGreaterThan(chart.data.row + chart.data.rows - 1);
  });

  test('unreadable amounts are listed with their cells, said in the toast, and the totals flagged incomplete', () => {
    const host = sampleHost();
    const first = setCell(host.workbook, 'plan', ITEM_1_01, 2567, '10,000 -');
    const second = setCell(host.workbook, 'plan', ITEM_4_03, 2569, 'สองหมื่น');
    const before = inputCells(host.workbook);
    const result = budgetCommand.run(host, {});
    const json = budgetCommand.json(result) as BudgetJson;

    expect(json.unreadable.map((u) => ({ sheet: u.sheet, cell: u.cell, value: u.value }))).toEqual([
      { sheet: PLAN, cell: first, value: '10,000 -' },
      { sheet: PLAN, cell: second, value: 'สองหมื่น' },
    ]);
    // 1-01's 20,000 of 2567 and 4-03's 40,000 of 2569 are left out, never read as something else:
    // 2567: 77,200 − 20,000 = 57,200 · 2569: 77,200 − 40,000 = 37,200 · plan: 386,000 − 60,000 = 326,000
    expect(json.grandTotal).toMatchObject({
      budget: { '2566': 77200, '2567': 57200, '2568': 77200, '2569': 37200, '2570': 77200 },
      total: 326000,
      incomplete: true,
      incompleteYears: [2567, 2569],
    });
    expect(json.dimensions[0]).toMatchObject({ incompleteYears: [2567], total: 80000 });
    expect(json.dimensions[1]).toMatchObject({ incomplete: false, total: 36000 });
    expect(json.dimensions[3]).toMatchObject({ incompleteYears: [2569], total: 160000 });
    expect(budgetCommand.failed(result)).toBe(true);

    const sheet = expectSheetMatchesJson(host.workbook.values(BUDGET), json);
    // Each listed cell links to the input cell.
    const cells = host.workbook.requireSheet(BUDGET).cells;
    const links = [0, 1].map((i) => cells[sheet.at.unreadableFirst - 1 + i][3]);
    expect(links.map((c) => [c.value, c.link])).toEqual([
      [first, { sheet: PLAN, ...parseA1(first) }],
      [second, { sheet: PLAN, ...parseA1(second) }],
    ]);
    // The incomplete figures stay numbers, marked by format (*) and colour.
    const values = host.workbook.values(BUDGET);
    const grandRow = values.findIndex((r) => r[1] === 'รวมทั้งสิ้น');
    const header = values.find((r) => r[1] === 'มิติ / ภารกิจตามมิติ') as unknown[];
    const at = (year: number) => cells[grandRow][header.indexOf(`งบประมาณ พ.ศ. ${year} (บาท)`)];
    expect(at(2567)).toMatchObject({ value: 57200, numberFormat: '#,##0"*"', background: '#fce5cd' });
    expect(at(2568)).toMatchObject({ value: 77200, numberFormat: '#,##0' });
    expect(String(values[grandRow][header.indexOf('หมายเหตุ')])).toContain('ปี 2567, 2569 ไม่ครบ');

    expect(host.ui.toasts.at(-1)?.message).toContain('พบช่องที่อ่านจำนวนเงินไม่ได้ 2 ช่อง ยอดรวมจึงยังไม่ครบ');
    expect(host.ui.toasts.at(-1)?.message).toContain('326,000 บาท');
    expect(host.ui.toasts.at(-1)?.title).toBe('คำนวณงบประมาณแล้ว (ยอดยังไม่ครบ)');
    expect(inputCells(host.workbook)).toEqual(before);
  });

  test('re-running replaces the sheet: same result, one sheet, inputs untouched', () => {
    const host = sampleHost();
    setCell(host.workbook, 'plan', ITEM_1_01, 2567, 'สองหมื่น');
    const before = inputCells(host.workbook);
    const firstJson = run(host);
    const once = JSON.stringify(host.workbook.requireSheet(BUDGET).cells);
    const sheetsOnce = host.workbook.listSheets().map((s) => s.name);
    const secondJson = run(host);
    expect(secondJson).toEqual(firstJson);
    expect(JSON.stringify(host.workbook.requireSheet(BUDGET).cells)).toBe(once);
    expect(host.workbook.listSheets().map((s) => s.name)).toEqual(sheetsOnce);
    expect(sheetsOnce.filter((n) => n === BUDGET)).toHaveLength(1);
    expect(inputCells(host.workbook)).toEqual(before);
  });

  test('items without type or with an unknown dimension are listed with links and still counted', () => {
    const host = sampleHost();
    const typeCell = setCell(host.workbook, 'plan', 2, 'type', '');
    const dimCell = setCell(host.workbook, 'plan', 3, 'dimension', '7');
    const json = run(host);
    expect(json.issues.map((i) => [i.kind, i.cell])).toEqual([
      ['unspecified-type', typeCell],
      ['unknown-dimension', dimCell],
    ]);
    // Item 2 (1-02, มาตรการ) loses its type: 13 − 1 = 12 measures; item 3 (1-03, กิจกรรม) only moves.
    expect(json.grandTotal.counts).toEqual({ project: 3, measure: 12, activity: 11, unspecified: 1 });
    expect(json.dimensions.at(-1)).toMatchObject({ code: null, name: 'ไม่ระบุมิติ', items: 1 });
    expect(json.grandTotal.items).toBe(27);
    expectSheetMatchesJson(host.workbook.values(BUDGET), json);
    const links = host.workbook
      .requireSheet(BUDGET)
      .cells.flat()
      .filter((c) => c.link)
      .map((c) => c.value);
    expect(links).toEqual([typeCell, dimCell]);
    expect(host.ui.toasts.at(-1)?.message).toContain('มี 2 รายการที่ต้องตรวจสอบ');
  });

  test('planned against disbursed from the tracking sheet, for the settings year or the option', () => {
    const host = sampleHost();
    addTracking(host.workbook, [
      { code: '1-01', fiscalYear: 2566, disbursed: 15000 },
      { code: '4-03', fiscalYear: 2566, disbursed: '40,000 บาท' },
      { code: '2-02', fiscalYear: 2567, disbursed: 7200 },
      { code: 'X-1', fiscalYear: 2566, disbursed: 500 },
    ]);
    const json = run(host);
    // 2566: disbursed 15,000 (มิติ 1) + 40,000 (มิติ 4) + 500 (code not in the plan) = 55,500
    // rate 55,500 / 77,200 = 71.891…% → 71.89; มิติ 1: 15,000 / 20,000 = 75%
    expect(json.trackedYear).toMatchObject({
      fiscalYear: 2566,
      planned: 77200,
      disbursed: 55500,
      rate: 71.89,
    });
    expect(json.trackedYear?.dimensions.map((d) => d.disbursed)).toEqual([15000, 0, 0, 40000]);
    expect(json.trackedYear?.dimensions[0].rate).toBe(75);
    expect(json.trackedYear?.unmatched).toEqual({ rows: 1, disbursed: 500 });
    expectSheetMatchesJson(host.workbook.values(BUDGET), json);

    const json2567 = run(host, { fiscalYear: 2567 });
    // 2567: only 2-02's 7,200 of มิติ 2 (planned 7,200) → 100%; total 7,200 / 77,200 = 9.326…% → 9.33
    expect(json2567.trackedYear).toMatchObject({ fiscalYear: 2567, disbursed: 7200, rate: 9.33 });
    expect(json2567.trackedYear?.dimensions[1]).toMatchObject({ planned: 7200, disbursed: 7200, rate: 100 });
    expectSheetMatchesJson(host.workbook.values(BUDGET), json2567);
  });

  test('a missing plan sheet stops with a Thai message naming it and the repair menu; nothing written', () => {
    const host = sampleHost();
    host.workbook.deleteSheet(PLAN);
    expect(() => runBudget(host, {})).toThrow(CommandError);
    expect(() => runBudget(host, {})).toThrow(/ไม่พบชีต "แผนปฏิบัติการ".*ตั้งค่า\/ซ่อมแซมแม่แบบ/);
    expect(host.workbook.sheet(BUDGET)).toBeUndefined();
    expect(host.lock.held).toBe(false);
  });

  test('a missing budget column stops with a Thai message naming the column', () => {
    const host = sampleHost();
    const header = host.workbook
      .requireSheet(PLAN)
      .cells.flat()
      .find((c) => c.value === 'งบประมาณ 2568');
    if (!header) throw new Error('no 2568 header');
    header.value = 'หมายเหตุเพิ่มเติม';
    expect(() => runBudget(host, {})).toThrow(/"งบประมาณ 2568".*ตั้งค่า\/ซ่อมแซมแม่แบบ/);
    expect(host.workbook.sheet(BUDGET)).toBeUndefined();
  });

  test('when another user holds the document lock, it stops in Thai and writes nothing', () => {
    const host = sampleHost();
    host.lock.busy = true;
    expect(() => runBudget(host, {})).toThrow(BUSY_MESSAGE);
    expect(host.workbook.sheet(BUDGET)).toBeUndefined();
  });

  test('port calls do not grow with the number of rows', () => {
    const small = sampleHost();
    const big = sampleHost();
    const many: NewRow[] = Array.from({ length: 400 }, (_, i) => ({
      values: { code: `9-${i}`, dimension: '2', submission: '2.2', type: 'กิจกรรม', name: `รายการ ${i}` },
      family: new Map([[2566, '1,000 บาท']]),
    }));
    appendRecords(big.workbook, PLAN, 'plan', many);
    addTracking(
      big.workbook,
      many.map((_, i) => ({ code: `9-${i}`, fiscalYear: 2566, disbursed: 100 })),
    );
    small.workbook.calls.clear();
    big.workbook.calls.clear();
    runBudget(small, {});
    const bigJson = run(big);
    // 400 × 1,000 more in 2566, 400 × 100 disbursed
    expect(bigJson.grandTotal.budget['2566']).toBe(77200 + 400000);
    expect(bigJson.trackedYear?.disbursed).toBe(40000);
    expect(new Map(big.workbook.calls)).toEqual(new Map(small.workbook.calls));
    // The report, then the state registry (_ita_state) recording it.
    expect(small.workbook.calls.get('writeSheet')).toBe(2);
  });

  test('user text copied from the reference sheet stays text, never a formula', () => {
    const host = sampleHost();
    const reference = host.workbook.requireSheet('อ้างอิง');
    const cell = reference.cells.flat().find((c) => c.value === 'การสร้างวัฒนธรรมสุจริต');
    if (!cell) throw new Error('no dimension name');
    cell.value = '=IMPORTXML("http://x","//a")';
    const json = run(host);
    expect(json.dimensions[0].name).toBe('=IMPORTXML("http://x","//a")');
    const model = host.workbook.requireSheet(BUDGET).model;
    const flat = model?.rows.flat() ?? [];
    expect(flat).toContain('มิติที่ 1 =IMPORTXML("http://x","//a")');
    expect(flat.filter((c) => isFormulaCell(c))).toEqual([]);
    expect(flat.filter((c) => isLinkCell(c))).toEqual([]);
  });

  test('the command spec: name, Thai title and summary', () => {
    expect(budgetCommand.name).toBe('budget');
    expect(budgetCommand.title).toBe('คำนวณงบประมาณรายมิติ');
    const host = memoryHost(sampleWorkbook());
    const result = budgetCommand.run(host, {});
    expect(budgetCommand.failed(result)).toBe(false);
    expect(budgetCommand.summary(result)).toBe(
      'คำนวณงบประมาณรายมิติ: รวม 386,000 บาท (พ.ศ. 2566–2570) ช่องที่อ่านไม่ได้ 0 ช่อง',
    );
  });
});
