/**
 * Server side of the "แผงตรวจสอบ" sidebar (src/gas/panel.html): the menu handler that opens it and the two
 * functions its page calls through google.script.run. Re-exported by the entry, so each is a top-level
 * function in Code.js. Nothing here runs at load time.
 */
import { gasHost } from '../adapters/gas';
import { gridSize } from '../adapters/gas/sheet-ops';
import { asOfDate, readWorkbook } from '../commands/context';
import { a1 as a1Of, parseA1 } from '../core/cells';
import { panelData, type PanelData } from '../core/panel';

export const PANEL_TITLE = 'แผงตรวจสอบ';
/** The page's file name in the Apps Script project (dist/panel.html). */
export const PANEL_FILE = 'panel';

export type PanelSelectResult = { ok: true; sheet: string; cell: string } | { ok: false; message: string };

const REFRESH_HINT = 'กด "รีเฟรช" ในแผงตรวจสอบเพื่อโหลดรายการใหม่';

/** Opens the sidebar; the page then asks for its data with panelLoad(). */
export function showPanel(): void {
  const page = HtmlService.createHtmlOutputFromFile(PANEL_FILE).setTitle(PANEL_TITLE);
  SpreadsheetApp.getUi().showSidebar(page);
}

/**
 * The sidebar's data: one read per input sheet, then the same checks as the menu commands. Only reads,
 * so it needs no document lock and never blocks or waits for a running command.
 */
export function panelLoad(): PanelData {
  const host = gasHost();
  const { inputs } = readWorkbook(host.workbook);
  return panelData(inputs, asOfDate(host, inputs));
}

/**
 * Brings `sheet` to the front and selects `cell` (A1). The arguments come from the page, so both are
 * checked; a sheet deleted or renamed, or a cell beyond the grid, since the sidebar loaded gives a Thai
 * message instead of an exception.
 */
export function panelSelect(sheet: string, cell: string): PanelSelectResult {
  if (typeof sheet !== 'string' || sheet === '' || typeof cell !== 'string') {
    return { ok: false, message: `ไม่ทราบชีตหรือเซลล์ที่ต้องการไป ${REFRESH_HINT}` };
  }
  const at = parseA1(cell);
  if (!at) return { ok: false, message: `"${cell}" ไม่ใช่ที่อยู่ของเซลล์ (เช่น B5) ${REFRESH_HINT}` };
  const address = a1Of(at.row, at.col);
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const target = ss.getSheetByName(sheet);
  if (!target) {
    return {
      ok: false,
      message: `ไม่พบชีต "${sheet}" ในไฟล์นี้แล้ว (อาจถูกลบหรือเปลี่ยนชื่อ) ${REFRESH_HINT}`,
    };
  }
  // getRange beyond the grid throws; rows or columns may have been deleted since the sidebar loaded.
  const size = gridSize(target);
  if (at.row > size.rows || at.col > size.cols) {
    return {
      ok: false,
      message: `ชีต "${sheet}" ไม่มีเซลล์ ${address} แล้ว (อาจมีการลบแถวหรือคอลัมน์) ${REFRESH_HINT}`,
    };
  }
  // As GasWorkbook.activate does, without looking the sheet up a second time.
  ss.setActiveSheet(target);
  target.setActiveRange(target.getRange(at.row, at.col));
  return { ok: true, sheet, cell: address };
}
