/** Short names for the Apps Script types the adapter uses (types only: nothing here exists at run time). */
export type GSpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
export type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
export type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
export type GRange = GoogleAppsScript.Spreadsheet.Range;
export type GDataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
export type GProtection = GoogleAppsScript.Spreadsheet.Protection;

/** A value as setValues accepts it. */
export type SheetValue = string | number | boolean | Date;
