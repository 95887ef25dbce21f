/** Messages and questions through the Sheets UI; the Ui is fetched per call since it may not exist. */
import type { UiPort } from '../../port/workbook';
import type { GSpreadsheet, GSpreadsheetApp } from './types';

export const TOAST_TITLE = 'ITA Sheets';
const TOAST_SECONDS = 8;

export class GasUi implements UiPort {
  /** `spreadsheet` shares the workbook adapter's handle, so a toast costs no second lookup. */
  constructor(
    private readonly spreadsheetApp?: GSpreadsheetApp,
    private readonly spreadsheet?: () => GSpreadsheet,
  ) {}

  private get app(): GSpreadsheetApp {
    return this.spreadsheetApp ?? SpreadsheetApp;
  }

  toast(message: string, title?: string): void {
    const ss = this.spreadsheet ? this.spreadsheet() : this.app.getActiveSpreadsheet();
    ss.toast(message, title ?? TOAST_TITLE, TOAST_SECONDS);
  }

  alert(title: string, message: string): void {
    const ui = this.app.getUi();
    ui.alert(title, message, ui.ButtonSet.OK);
  }

  /** Sheets' prompt has no pre-filled answer, so the default is named in the message and an empty answer takes it. */
  prompt(title: string, message: string, defaultValue: string): string | null {
    const ui = this.app.getUi();
    const hint = defaultValue ? `${message}\n\n(เว้นว่างไว้ = ${defaultValue})` : message;
    const response = ui.prompt(title, hint, ui.ButtonSet.OK_CANCEL);
    if (response.getSelectedButton() !== ui.Button.OK) return null;
    const text = response.getResponseText();
    return text.trim() === '' ? defaultValue : text;
  }
}
