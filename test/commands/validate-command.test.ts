import { memoryHost } from '../../src/adapters/memory/memory-workbook';
import { runClearMarks } from '../../src/commands/clear-marks';
import { BUSY_MESSAGE, CommandError } from '../../src/commands/context';
import { runValidate } from '../../src/commands/validate';
import { parseA1 } from '../../src/core/cells';
import { GENERATED_SHEETS } from '../../src/core/schema';
import { isLinkCell } from '../../src/core/sheet-model';
import { inputCells, sampleHost, sampleWorkbook, setCell } from '../helpers/workbooks';

function cellState(host: ReturnType<typeof sampleHost>, sheet: string, address: string) {
  const { row, col } = parseA1(address) as { row: number; col: number };
  const cell = host.workbook.requireSheet(sheet).cells[row - 1]?.[col - 1];
  return { background: cell?.background ?? null, note: cell?.note ?? '' };
}

describe('ตรวจสอบข้อมูล on the memory host', () => {
  test('writes the report with a working link per finding, grouped by rule with counts', () => {
    const host = sampleHost();
    const result = runValidate(host);
    const report = host.workbook.requireSheet(GENERATED_SHEETS.validation);
    const links = report.cells.flat().filter((c) => c.link);
    expect(links.map((c) => `${c.link?.sheet}!${c.value}`).sort()).toEqual(
      result.findings.map((f) => `${f.sheet}!${f.cell}`).sort(),
    );
    for (const cell of links) {
      const target = parseA1(String(cell.value)) as { row: number; col: number };
      expect(cell.link).toEqual({ sheet: 'แผนปฏิบัติการ', ...target });
    }
    const values = report.cells.flat().map((c) => c.value);
    expect(values).toContain('ยังเป็นข้อความตัวอย่างของแบบฟอร์ม (ข้อผิดพลาด 2 รายการ)');
    expect(report.protectedWarningOnly).toBe(true);
    expect(host.ui.toasts.at(-1)?.message).toContain('ข้อผิดพลาด 2 รายการ');
  });

  test('a clean workbook says so in the report and the toast', () => {
    const host = sampleHost();
    setCell(host.workbook, 'plan', 6, 'responsible', 'สำนักปลัด');
    setCell(host.workbook, 'plan', 26, 'responsible', 'สำนักปลัด');
    const result = runValidate(host);
    expect(result.findings).toEqual([]);
    expect(host.ui.toasts.at(-1)?.message).toContain('ไม่พบปัญหาในข้อมูล');
  });

  test('marks the bad cells and never changes a value or formula the user typed', () => {
    const host = sampleHost();
    const before = inputCells(host.workbook);
    const result = runValidate(host);
    expect(inputCells(host.workbook)).toEqual(before);
    for (const f of result.findings) {
      const state = cellState(host, f.sheet, f.cell);
      expect(state.background).toBe('#f4cccc');
      expect(state.note).toContain(f.problem);
    }
  });

  test('ล้างเครื่องหมาย restores the user own background and note exactly', () => {
    const host = sampleHost();
    const first = runValidate(host).findings[0];
    // The user had formatted and annotated the cell before validating.
    const { row, col } = parseA1(first.cell) as { row: number; col: number };
    const cell = host.workbook.requireSheet(first.sheet).cells[row - 1][col - 1];
    runClearMarks(host);
    cell.background = '#00ff00';
    cell.note = 'โทรถามกองคลังแล้ว';
    runValidate(host);
    expect(cell.background).toBe('#f4cccc');
    expect(cell.note).toContain('โทรถามกองคลังแล้ว');
    expect(cell.note).toContain(first.problem);
    runClearMarks(host);
    expect(cell.background).toBe('#00ff00');
    expect(cell.note).toBe('โทรถามกองคลังแล้ว');
    expect(host.ui.toasts.at(-1)?.message).toMatch(/ล้างเครื่องหมายแล้ว \d+ เซลล์/);
  });

  test('a mark on a cell the user fixed is removed on the next run, keeping the user change', () => {
    const host = sampleHost();
    const [first] = runValidate(host).findings;
    const { row, col } = parseA1(first.cell) as { row: number; col: number };
    const cell = host.workbook.requireSheet(first.sheet).cells[row - 1][col - 1];
    cell.value = 'กองคลัง';
    cell.background = '#ffff00'; // re-coloured by the user after marking
    const second = runValidate(host);
    expect(second.findings.map((f) => f.cell)).not.toContain(first.cell);
    expect(cell.background).toBe('#ffff00');
    expect(cell.note).toBe('');
  });

  test('running validation twice leaves the same workbook', () => {
    const host = sampleHost();
    runValidate(host);
    const once = JSON.stringify(host.workbook.requireSheet('แผนปฏิบัติการ').cells);
    const report = JSON.stringify(host.workbook.requireSheet(GENERATED_SHEETS.validation).cells);
    runValidate(host);
    expect(JSON.stringify(host.workbook.requireSheet('แผนปฏิบัติการ').cells)).toBe(once);
    expect(JSON.stringify(host.workbook.requireSheet(GENERATED_SHEETS.validation).cells)).toBe(report);
  });

  test('when another user holds the document lock, it stops with a Thai message and writes nothing', () => {
    const host = sampleHost();
    host.lock.busy = true;
    const sheetsBefore = host.workbook.listSheets().map((s) => s.name);
    expect(() => runValidate(host)).toThrow(CommandError);
    expect(() => runValidate(host)).toThrow(BUSY_MESSAGE);
    expect(host.workbook.listSheets().map((s) => s.name)).toEqual(sheetsBefore);
  });

  test('the lock is released even when the command fails', () => {
    const host = memoryHost(sampleWorkbook());
    host.workbook.writeSheet = () => {
      throw new Error('quota');
    };
    expect(() => runValidate(host)).toThrow('quota');
    expect(host.lock.held).toBe(false);
  });

  test('user text copied into the report is a plain string, never a formula cell', () => {
    const host = sampleHost();
    const typed = '=IMPORTXML("http://x","//a")';
    setCell(host.workbook, 'plan', 3, 'period', typed);
    runValidate(host);
    const cells = host.workbook.requireSheet(GENERATED_SHEETS.validation).model?.rows.flat() ?? [];
    expect(cells).toContain(typed);
    expect(cells.filter((c) => typeof c === 'object' && c !== null && c.kind === 'formula')).toEqual([]);
    expect(cells.filter((c) => isLinkCell(c)).length).toBe(3);
  });
});
