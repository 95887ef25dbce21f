/**
 * The same command through the .xlsx host: the sample built into a new workbook, the budget run over it,
 * saved to a buffer and loaded again, and the generated sheet read back as the CLI user would see it.
 */
import type { Worksheet } from 'exceljs';
import { FakeLock, RecordingUi } from '../../src/adapters/memory/memory-workbook';
import { XlsxWorkbook } from '../../src/adapters/xlsx';
import { budgetCommand } from '../../src/commands/budget';
import type { BudgetJson } from '../../src/core/budget';
import { buildSample } from '../../src/cli/sample';
import { GENERATED_SHEETS } from '../../src/core/schema';
import type { SheetSnapshot } from '../../src/core/snapshot';
import { sampleFiles } from '../helpers/workbooks';
import { expectSheetMatchesJson } from './budget-sheet';

const BUDGET = GENERATED_SHEETS.budget;
const PLAN = 'แผนปฏิบัติการ';

function sampleXlsx(): XlsxWorkbook {
  const workbook = XlsxWorkbook.create();
  buildSample(workbook, sampleFiles());
  return workbook;
}

function xlsxHost(workbook: XlsxWorkbook) {
  return {
    workbook,
    ui: new RecordingUi(),
    lock: new FakeLock(),
    now: () => new Date('2023-04-15T03:00:00Z'),
  };
}

/** Types text into an input cell, found by item code and header, as a user would in Excel. */
function typeInto(workbook: XlsxWorkbook, code: string, header: string, value: string): string {
  const sheet = workbook.excel.getWorksheet(PLAN) as Worksheet;
  const snap = workbook.readSheet(PLAN) as SheetSnapshot;
  const headerRow = snap.values.findIndex((r) => r.includes(header));
  const col = snap.values[headerRow].indexOf(header) + 1;
  const row = snap.values.findIndex((r) => r[0] === code) + 1;
  const cell = sheet.getCell(row, col);
  cell.value = value;
  return cell.address;
}

async function runAndReload(workbook: XlsxWorkbook) {
  const host = xlsxHost(workbook);
  const result = budgetCommand.run(host, {});
  const json = budgetCommand.json(result) as BudgetJson;
  const reloaded = await XlsxWorkbook.fromBuffer(await workbook.toBuffer());
  const snap = reloaded.readSheet(BUDGET) as SheetSnapshot;
  return { host, json, reloaded, grid: snap.values };
}

describe('คำนวณงบประมาณรายมิติ through the .xlsx host', () => {
  test('the saved sheet shows the same figures as the JSON, as numbers with baht formats, on A4 landscape', async () => {
    const { json, reloaded, grid } = await runAndReload(sampleXlsx());
    expectSheetMatchesJson(grid, json);
    expect(json.grandTotal.budget).toEqual({
      '2566': 77200,
      '2567': 77200,
      '2568': 77200,
      '2569': 77200,
      '2570': 77200,
    });
    const sheet = reloaded.excel.getWorksheet(BUDGET) as Worksheet;
    const grandRow = grid.findIndex((r) => r[1] === 'รวมทั้งสิ้น') + 1;
    const header = grid.find((r) => r[1] === 'มิติ / ภารกิจตามมิติ') as unknown[];
    const cell = sheet.getCell(grandRow, header.indexOf('รวม 5 ปี (บาท)') + 1);
    expect(cell.value).toBe(386000);
    expect(cell.numFmt).toBe('#,##0');
    expect(sheet.pageSetup.orientation).toBe('landscape');
    expect(sheet.pageSetup.paperSize).toBe(9);
    // Only one budget sheet, and the input sheets are still there.
    expect(reloaded.listSheets().filter((s) => s.name === BUDGET)).toHaveLength(1);
    expect(reloaded.listSheets().map((s) => s.name)).toContain(PLAN);
  });

  test('unreadable amounts: listed with internal links to their cells, totals flagged, the figures still agree', async () => {
    const workbook = sampleXlsx();
    const first = typeInto(workbook, '1-01', 'งบประมาณ 2567', '10,000 -');
    const second = typeInto(workbook, '4-03', 'งบประมาณ 2569', 'สองหมื่น');
    const planBefore = JSON.stringify((workbook.readSheet(PLAN) as SheetSnapshot).values);
    const { host, json, reloaded, grid } = await runAndReload(workbook);
    expect(json.unreadable.map((u) => [u.sheet, u.cell, u.value])).toEqual([
      [PLAN, first, '10,000 -'],
      [PLAN, second, 'สองหมื่น'],
    ]);
    // 386,000 − 20,000 (1-01 in 2567) − 40,000 (4-03 in 2569) = 326,000, incomplete
    expect(json.grandTotal).toMatchObject({ total: 326000, incomplete: true, incompleteYears: [2567, 2569] });
    const sheet = expectSheetMatchesJson(grid, json);
    const excel = reloaded.excel.getWorksheet(BUDGET) as Worksheet;
    const links = [0, 1].map((i) => excel.getCell(sheet.at.unreadableFirst + i, 4).hyperlink);
    expect(links).toEqual([`#'${PLAN}'!${first}`, `#'${PLAN}'!${second}`]);
    const grandRow = grid.findIndex((r) => r[1] === 'รวมทั้งสิ้น') + 1;
    const header = grid.find((r) => r[1] === 'มิติ / ภารกิจตามมิติ') as unknown[];
    expect(excel.getCell(grandRow, header.indexOf('งบประมาณ พ.ศ. 2567 (บาท)') + 1).numFmt).toBe('#,##0"*"');
    expect(host.ui.toasts.at(-1)?.message).toContain('อ่านจำนวนเงินไม่ได้ 2 ช่อง');
    expect(JSON.stringify((reloaded.readSheet(PLAN) as SheetSnapshot).values)).toBe(planBefore);
  });
});
