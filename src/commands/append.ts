/** Appending rows to an input sheet by column key: positions come from the headers, never from order. */
import { readTable } from '../core/table';
import { tableSpec, type TableKey } from '../core/schema';
import type { OutCell } from '../core/sheet-model';
import type { WorkbookPort } from '../port/workbook';
import { CommandError } from './context';

/** A row to append: values by column key, and by family member (budget year or indicator number). */
export interface NewRow {
  values: Partial<Record<string, OutCell>>;
  family?: ReadonlyMap<number, OutCell>;
}

/**
 * Writes the rows below the last used row of the sheet, each value under its own header. One read and
 * one write. Returns the first row written.
 */
export function appendRecords(
  workbook: WorkbookPort,
  sheetName: string,
  key: TableKey,
  rows: readonly NewRow[],
): number {
  const snapshot = workbook.readSheet(sheetName);
  if (!snapshot)
    throw new CommandError(`ไม่พบชีต "${sheetName}" เลือกเมนู ITA Sheets › ตั้งค่า/ซ่อมแซมแม่แบบ เพื่อสร้างชีต`);
  const { layout } = readTable(snapshot, tableSpec(key).table);
  if (!layout.headerRow) {
    throw new CommandError(
      `ไม่พบหัวตารางในชีต "${sheetName}" เลือกเมนู ITA Sheets › ตั้งค่า/ซ่อมแซมแม่แบบ เพื่อเพิ่มหัวคอลัมน์`,
    );
  }
  const width = Math.max(
    ...[...layout.columns.values()].map((c) => c.col),
    ...layout.family.map((f) => f.col),
  );
  const block = rows.map((row) => {
    const cells: OutCell[] = new Array<OutCell>(width).fill(null);
    for (const [k, value] of Object.entries(row.values)) {
      const col = layout.columns.get(k)?.col;
      if (col && value !== undefined) cells[col - 1] = value;
    }
    for (const [n, value] of row.family ?? []) {
      const col = layout.family.find((f) => f.n === n)?.col;
      if (col) cells[col - 1] = value;
    }
    return cells;
  });
  const firstRow = Math.max(snapshot.values.length, layout.headerRow) + 1;
  if (block.length) workbook.appendRows(sheetName, firstRow, block);
  return firstRow;
}
