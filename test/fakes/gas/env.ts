/** What every fake object shares: the state, the call counter and factories for wrapped objects. */
import type { Wrapper } from './counter';
import type { ProtectionState, Rect, SheetState, SpreadsheetState } from './model';

export type GRange = GoogleAppsScript.Spreadsheet.Range;
export type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
export type GProtection = GoogleAppsScript.Spreadsheet.Protection;

export interface Env {
  wrapper: Wrapper;
  state: SpreadsheetState;
  /** A counted Range over a block of a sheet (checked against the grid). */
  range(sheet: SheetState, rect: Rect): GRange;
  /** The counted Sheet object of a sheet state. */
  sheet(sheet: SheetState): GSheet;
  protection(sheet: SheetState, protection: ProtectionState): GProtection;
}
