import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Workbook } from 'exceljs';
import type { SheetModel } from '../../../src/core/sheet-model';
import { XlsxWorkbook } from '../../../src/adapters/xlsx';
import { sheetModel } from '../../helpers/sheet-models';

/** A temporary directory per test file, removed afterwards. */
export function tempDir(): { path(name: string): string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'ita-xlsx-'));
  return { path: (name) => join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Saves and loads again, as the CLI does between runs. */
export async function reload(workbook: XlsxWorkbook, path: string): Promise<XlsxWorkbook> {
  await workbook.save(path);
  return XlsxWorkbook.load(path);
}

export async function saveExcel(book: Workbook, path: string): Promise<void> {
  await book.xlsx.writeFile(path);
}

/** The raw XML of one part of a saved file (to check what Excel itself would read). */
export async function partXml(buffer: Buffer, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  const file = zip.file(part);
  if (!file) throw new Error(`no part ${part}`);
  return file.async('string');
}

/** The worksheet part of the sheet with this name. */
export async function sheetXml(buffer: Buffer, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const rid = new RegExp(`<sheet [^>]*name="${escaped}"[^>]*r:id="(rId\\d+)"`).exec(workbook)?.[1];
  const target =
    new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
    new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)?.[1];
  if (!target) throw new Error(`no sheet ${name}`);
  return partXml(buffer, `xl/${target.replace(/^\/?xl\//, '')}`);
}

/** A sheet model printed portrait, not fitted to the width (what these tests assert on). */
export function model(partial: Partial<SheetModel> & Pick<SheetModel, 'name' | 'rows'>): SheetModel {
  return sheetModel({ print: { orientation: 'portrait', fitToWidth: false }, ...partial });
}
