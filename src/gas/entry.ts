/**
 * The Apps Script entry point. Every export becomes a real top-level function in dist/Code.js (see
 * scripts/build.mjs). Nothing here may call a service at load time.
 */
import { gasHost } from '../adapters/gas';
import { CommandError } from '../commands/context';
import { runBudget } from '../commands/budget';
import { runClearMarks } from '../commands/clear-marks';
import { runItaSummary } from '../commands/ita-summary';
import { runOverdue } from '../commands/overdue';
import { runPrepareForSupervisors } from '../commands/prepare';
import { checkStaleOnOpen, runStaleCheck } from '../commands/stale';
import { runProgressSummary } from '../commands/progress-summary';
import { runCreateTrackingRows } from '../commands/tracking-rows';
import { runSetupTemplate } from '../commands/setup-template';
import { runValidate } from '../commands/validate';
import type { Host } from '../port/workbook';
import { MENU, MENU_TITLE } from './menu';

/** Set by the add-on build (esbuild define); the template's bound script leaves it undefined. */
declare const ITA_ADDON_BUILD: boolean | undefined;

function isAddonBuild(): boolean {
  return typeof ITA_ADDON_BUILD !== 'undefined' && ITA_ADDON_BUILD === true;
}

/**
 * Builds the menu. An add-on (or a not-yet-enabled add-on, AuthMode.NONE) uses the Extensions menu;
 * the template's bound script gets its own top-level menu.
 */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const ui = SpreadsheetApp.getUi();
  const asAddon = isAddonBuild() || (e !== undefined && e.authMode === ScriptApp.AuthMode.NONE);
  const menu = asAddon ? ui.createAddonMenu() : ui.createMenu(MENU_TITLE);
  for (const entry of MENU) {
    if (entry === 'separator') menu.addSeparator();
    else menu.addItem(entry.label, entry.handler);
  }
  menu.addToUi();
  // After the menu: a slow or failing check must never cost the user the menu. It never throws.
  checkStaleOnOpen(gasHost(), { authModeNone: e !== undefined && e.authMode === ScriptApp.AuthMode.NONE });
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

/** Runs a menu command: Thai alert for expected problems, a plain Thai alert for anything else. */
function runFromMenu(title: string, command: (host: Host) => unknown): void {
  const host = gasHost();
  try {
    command(host);
  } catch (error) {
    if (error instanceof CommandError) {
      host.ui.alert(error.title, error.message);
      return;
    }
    const detail = error instanceof Error ? error.message : String(error);
    host.ui.alert(
      `${title}: เกิดข้อผิดพลาด`,
      `คำสั่งหยุดทำงานเพราะเกิดข้อผิดพลาดที่ไม่คาดคิด ข้อมูลที่ท่านกรอกไม่ถูกแก้ไข กรุณาลองใหม่อีกครั้ง หากยังพบปัญหาให้แจ้งผู้ดูแลพร้อมข้อความนี้: ${detail}`,
    );
  }
}

export function menuValidate(): void {
  runFromMenu('ตรวจสอบข้อมูล', runValidate);
}

export function menuBudget(): void {
  runFromMenu('คำนวณงบประมาณรายมิติ', (host) => runBudget(host, {}));
}

export function menuOverdue(): void {
  runFromMenu('ตรวจหามาตรการที่เลยกำหนด', (host) => runOverdue(host, {}));
}

export function menuProgressSummary(): void {
  runFromMenu('สร้างรายงานสรุปความก้าวหน้า', (host) => runProgressSummary(host, {}));
}

export function menuCreateTrackingRows(): void {
  runFromMenu('สร้างแถวติดตามผล', (host) => runCreateTrackingRows(host, {}));
}

export function menuItaSummary(): void {
  runFromMenu('สรุปคะแนน ITA', (host) => runItaSummary(host, {}));
}

export function menuPrepare(): void {
  runFromMenu('เตรียมส่งผู้บังคับบัญชา', (host) => runPrepareForSupervisors(host, {}));
}

export function menuStaleCheck(): void {
  runFromMenu('ตรวจสอบการเปลี่ยนแปลงข้อมูล', runStaleCheck);
}

export function menuClearMarks(): void {
  runFromMenu('ล้างเครื่องหมาย', runClearMarks);
}

export function menuSetupTemplate(): void {
  runFromMenu('ตั้งค่า/ซ่อมแซมแม่แบบ', runSetupTemplate);
}

// Custom functions for cells (each takes a range and returns an array: a whole column is one call).
export { THAIDATE, FISCALYEAR, PERIOD_START, PERIOD_END, THAIDIGITS } from './thai-functions';
export { ITA_TOTAL, ITA_GRADE } from './ita-functions';

// The แผงตรวจสอบ sidebar: the menu opens it; google.script.run calls the other two.
export { showPanel, panelLoad, panelSelect } from './panel';
