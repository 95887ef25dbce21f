/** Sheet: the grid (size, frozen panes, widths), its ranges, charts, protections and visibility. */
import { CHART_API, CHART_BUILDER_API, FakeChart, FakeChartBuilder } from './charts';
import { gasError, requireInteger, signatureError } from './errors';
import type { Env, GRange } from './env';
import {
  contentExtent,
  DEFAULT_COLUMN_WIDTH,
  overlaps,
  parseRectA1,
  type Rect,
  type SheetState,
} from './model';
import { FakeRange, FakeRangeList, RANGE_LIST_API } from './range';

type G = GoogleAppsScript.Spreadsheet.Sheet;

export const SHEET_API = [
  'activate',
  'clear',
  'clearContents',
  'clearFormats',
  'clearNotes',
  'deleteRows',
  'getCharts',
  'getColumnWidth',
  'getDataRange',
  'getFrozenColumns',
  'getFrozenRows',
  'getIndex',
  'getLastColumn',
  'getLastRow',
  'getMaxColumns',
  'getMaxRows',
  'getName',
  'getParent',
  'getProtections',
  'getRange',
  'getRangeList',
  'getSheetId',
  'getSheetName',
  'getTabColor',
  'hideSheet',
  'insertChart',
  'insertColumnsAfter',
  'insertRowsAfter',
  'isSheetHidden',
  'newChart',
  'protect',
  'removeChart',
  'setActiveRange',
  'setColumnWidth',
  'setColumnWidths',
  'setFrozenColumns',
  'setFrozenRows',
  'setName',
  'setTabColor',
  'showSheet',
] as const;

export class FakeSheet implements Pick<G, (typeof SHEET_API)[number]> {
  constructor(
    private readonly env: Env,
    readonly state: SheetState,
  ) {}

  private self(): G {
    return this as unknown as G;
  }

  private whole(): FakeRange {
    return new FakeRange(this.env, this.state, {
      row: 1,
      col: 1,
      rows: this.state.maxRows,
      cols: this.state.maxCols,
    });
  }

  getName(): string {
    return this.state.name;
  }
  getSheetName(): string {
    return this.state.name;
  }
  getSheetId(): number {
    return this.state.id;
  }
  getIndex(): number {
    return this.env.state.sheets.indexOf(this.state) + 1;
  }
  getParent(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    throw new Error(
      'fake SpreadsheetApp: Sheet.getParent is not modelled; use SpreadsheetApp.getActiveSpreadsheet()',
    );
  }
  setName(name: string): G {
    if (typeof name !== 'string' || name.trim() === '') {
      throw signatureError('SpreadsheetApp.Sheet.setName', [name]);
    }
    const clash = this.env.state.sheets.find(
      (s) => s !== this.state && s.name.toLowerCase() === name.toLowerCase(),
    );
    if (clash) throw gasError(`A sheet with the name "${name}" already exists. Please enter another name.`);
    this.state.name = name;
    return this.self();
  }
  activate(): G {
    this.env.state.activeSheetId = this.state.id;
    return this.self();
  }

  // ---- ranges ----

  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): GRange {
    const args = [a, column, numRows, numColumns].filter((v) => v !== undefined);
    if (typeof a === 'string') {
      const rect = parseRectA1(a);
      if (!rect || args.length !== 1) throw gasError('Range not found');
      return this.env.range(this.state, rect);
    }
    requireInteger('SpreadsheetApp.Sheet.getRange', args, a, column, numRows ?? 1, numColumns ?? 1);
    return this.env.range(this.state, {
      row: a,
      col: column as number,
      rows: numRows ?? 1,
      cols: numColumns ?? 1,
    });
  }
  getRangeList(a1Notations: string[]): GoogleAppsScript.Spreadsheet.RangeList {
    if (!Array.isArray(a1Notations) || a1Notations.some((n) => typeof n !== 'string')) {
      throw signatureError('SpreadsheetApp.Sheet.getRangeList', [a1Notations]);
    }
    const ranges = a1Notations.map((notation) => {
      const rect = parseRectA1(notation);
      if (!rect) throw gasError('Range not found');
      // Checked like getRange, but not counted: one getRangeList is one call.
      this.env.range(this.state, rect);
      return new FakeRange(this.env, this.state, rect);
    });
    const list = new FakeRangeList(this.env, ranges);
    return this.env.wrapper.wrap(
      list,
      'RangeList',
      RANGE_LIST_API,
    ) as unknown as GoogleAppsScript.Spreadsheet.RangeList;
  }
  /** The block from A1 to the last cell with content; A1 alone on an empty sheet. */
  getDataRange(): GRange {
    const { rows, cols } = contentExtent(this.state);
    return this.env.range(this.state, { row: 1, col: 1, rows: Math.max(rows, 1), cols: Math.max(cols, 1) });
  }
  getLastRow(): number {
    return contentExtent(this.state).rows;
  }
  getLastColumn(): number {
    return contentExtent(this.state).cols;
  }
  getMaxRows(): number {
    return this.state.maxRows;
  }
  getMaxColumns(): number {
    return this.state.maxCols;
  }
  insertRowsAfter(afterPosition: number, howMany: number): G {
    requireInteger('SpreadsheetApp.Sheet.insertRowsAfter', [afterPosition, howMany], afterPosition, howMany);
    if (afterPosition < 1 || afterPosition > this.state.maxRows) {
      throw gasError('Those rows are out of bounds.');
    }
    if (howMany < 1) throw gasError('The number of rows to insert must be at least 1.');
    // Shift content below the insertion point (the adapter only appends at the end, the common case).
    this.state.cells.splice(afterPosition, 0, ...new Array<undefined>(howMany));
    this.state.maxRows += howMany;
    return this.self();
  }
  insertColumnsAfter(afterPosition: number, howMany: number): G {
    requireInteger(
      'SpreadsheetApp.Sheet.insertColumnsAfter',
      [afterPosition, howMany],
      afterPosition,
      howMany,
    );
    if (afterPosition < 1 || afterPosition > this.state.maxCols) {
      throw gasError('Those columns are out of bounds.');
    }
    if (howMany < 1) throw gasError('The number of columns to insert must be at least 1.');
    if (afterPosition < this.state.maxCols) {
      for (const line of this.state.cells) line?.splice(afterPosition, 0, ...new Array<undefined>(howMany));
    }
    this.state.maxCols += howMany;
    return this.self();
  }
  deleteRows(rowPosition: number, howMany: number): void {
    requireInteger('SpreadsheetApp.Sheet.deleteRows', [rowPosition, howMany], rowPosition, howMany);
    if (rowPosition < 1 || howMany < 1 || rowPosition + howMany - 1 > this.state.maxRows) {
      throw gasError('Those rows are out of bounds.');
    }
    if (howMany >= this.state.maxRows) throw gasError("You can't delete all the rows on the sheet.");
    this.state.cells.splice(rowPosition - 1, howMany);
    this.state.maxRows -= howMany;
  }
  setActiveRange(range: GRange): GRange {
    const fake = this.env.wrapper.unwrap(range);
    if (!(fake instanceof FakeRange) || fake.sheetState !== this.state) {
      throw signatureError('SpreadsheetApp.Sheet.setActiveRange', [range]);
    }
    this.env.state.activeSheetId = this.state.id;
    this.state.activeRange = { ...fake.rect };
    return range;
  }

  // ---- clearing ----

  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): G {
    const all = !options || (!options.formatOnly && !options.contentsOnly);
    if (all || options?.contentsOnly) this.whole().clearContent();
    if (all || options?.formatOnly) this.whole().clearFormat();
    return this.self();
  }
  clearContents(): G {
    this.whole().clearContent();
    return this.self();
  }
  clearFormats(): G {
    this.whole().clearFormat();
    return this.self();
  }
  clearNotes(): G {
    this.whole().clearNote();
    return this.self();
  }

  // ---- grid appearance ----

  getFrozenRows(): number {
    return this.state.frozenRows;
  }
  getFrozenColumns(): number {
    return this.state.frozenCols;
  }
  /** Wording of these two errors is approximate. */
  setFrozenRows(rows: number): void {
    requireInteger('SpreadsheetApp.Sheet.setFrozenRows', [rows], rows);
    if (rows < 0) throw signatureError('SpreadsheetApp.Sheet.setFrozenRows', [rows]);
    if (rows >= this.state.maxRows) throw gasError("You can't freeze all visible rows on the sheet.");
    const edge: Rect = { row: rows, col: 1, rows: 2, cols: this.state.maxCols };
    if (
      rows > 0 &&
      this.state.merges.some((m) => overlaps(m, edge) && m.row <= rows && m.row + m.rows - 1 > rows)
    ) {
      throw gasError("Sorry, it's not possible to freeze rows that contain only part of a merged cell.");
    }
    this.state.frozenRows = rows;
  }
  setFrozenColumns(columns: number): void {
    requireInteger('SpreadsheetApp.Sheet.setFrozenColumns', [columns], columns);
    if (columns < 0) throw signatureError('SpreadsheetApp.Sheet.setFrozenColumns', [columns]);
    if (columns >= this.state.maxCols) throw gasError("You can't freeze all visible columns on the sheet.");
    const straddles = (m: Rect): boolean => m.col <= columns && m.col + m.cols - 1 > columns;
    if (columns > 0 && this.state.merges.some(straddles)) {
      throw gasError("Sorry, it's not possible to freeze columns that contain only part of a merged cell.");
    }
    this.state.frozenCols = columns;
  }
  getColumnWidth(columnPosition: number): number {
    requireInteger('SpreadsheetApp.Sheet.getColumnWidth', [columnPosition], columnPosition);
    return this.state.columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH;
  }
  setColumnWidth(columnPosition: number, width: number): G {
    return this.setColumnWidths(columnPosition, 1, width);
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): G {
    const args = [startColumn, numColumns, width];
    requireInteger('SpreadsheetApp.Sheet.setColumnWidths', args, ...args);
    if (startColumn < 1 || numColumns < 1 || startColumn + numColumns - 1 > this.state.maxCols) {
      throw gasError('Those columns are out of bounds.');
    }
    if (width < 0) throw signatureError('SpreadsheetApp.Sheet.setColumnWidths', args);
    for (let c = startColumn; c < startColumn + numColumns; c++) this.state.columnWidths.set(c, width);
    return this.self();
  }
  getTabColor(): string | null {
    return this.state.tabColor;
  }
  setTabColor(color: string | null): G {
    if (color !== null && (typeof color !== 'string' || !/^#[0-9a-f]{6}$/i.test(color))) {
      throw gasError(`Invalid color: ${String(color)}`);
    }
    this.state.tabColor = color;
    return this.self();
  }
  isSheetHidden(): boolean {
    return this.state.hidden;
  }
  hideSheet(): G {
    const visible = this.env.state.sheets.filter((s) => !s.hidden);
    if (!this.state.hidden && visible.length === 1) {
      throw gasError("You can't hide all the sheets in a document.");
    }
    this.state.hidden = true;
    if (this.env.state.activeSheetId === this.state.id) {
      this.env.state.activeSheetId = this.env.state.sheets.find((s) => !s.hidden)?.id ?? this.state.id;
    }
    return this.self();
  }
  showSheet(): G {
    this.state.hidden = false;
    return this.self();
  }

  // ---- charts and protection ----

  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    const builder = new FakeChartBuilder(this.env, this.state);
    return this.env.wrapper.wrap(
      builder,
      'EmbeddedChartBuilder',
      CHART_BUILDER_API,
    ) as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
  }
  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const fake = this.env.wrapper.unwrap(chart);
    if (!(fake instanceof FakeChart)) throw signatureError('SpreadsheetApp.Sheet.insertChart', [chart]);
    fake.state.id = this.env.state.nextChartId++;
    this.state.charts.push(fake.state);
  }
  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const fake = this.env.wrapper.unwrap(chart);
    if (!(fake instanceof FakeChart) || !this.state.charts.includes(fake.state)) {
      throw gasError('The chart could not be found on this sheet.');
    }
    this.state.charts = this.state.charts.filter((c) => c !== fake.state);
  }
  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    return this.state.charts.map((state) => {
      const chart = new FakeChart(this.env, this.state, state);
      return this.env.wrapper.wrap(
        chart,
        'EmbeddedChart',
        CHART_API,
      ) as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChart;
    });
  }
  /** A sheet has one sheet protection: protect() returns the existing one, as Sheets does. */
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    let protection = this.state.protections.find((p) => p.type === 'SHEET');
    if (!protection) {
      protection = { type: 'SHEET', description: '', warningOnly: false };
      this.state.protections.unshift(protection);
    }
    return this.env.protection(this.state, protection);
  }
  getProtections(
    type: GoogleAppsScript.Spreadsheet.ProtectionType,
  ): GoogleAppsScript.Spreadsheet.Protection[] {
    const name = String(type);
    if (name !== 'SHEET' && name !== 'RANGE') {
      throw signatureError('SpreadsheetApp.Sheet.getProtections', [type]);
    }
    return this.state.protections
      .filter((p) => p.type === name)
      .map((p) => this.env.protection(this.state, p));
  }
}
