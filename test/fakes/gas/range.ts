/** Range and RangeList: values, formats, notes, merges, validations, borders of a block of cells. */
import { gasError, requireInteger, signatureError } from './errors';
import type { Env, GRange } from './env';
import {
  cellAt,
  contains,
  DEFAULT_FORMAT,
  formatOf,
  overlaps,
  rectA1,
  touchCell,
  type CellFormat,
  type CellState,
  type Rect,
  type SheetState,
  type ValidationState,
} from './model';
import {
  displayOf,
  GENERAL,
  isFormula,
  MAX_CELL_CHARS,
  parseScriptValue,
  valueOf,
  type Content,
  type OutValue,
} from './values';
import { FakeDataValidation, violates } from './validation';

type G = GoogleAppsScript.Spreadsheet.Range;

export const RANGE_API = [
  'activate',
  'breakApart',
  'clear',
  'clearContent',
  'clearDataValidations',
  'clearFormat',
  'clearNote',
  'getA1Notation',
  'getBackground',
  'getBackgrounds',
  'getColumn',
  'getDataValidation',
  'getDataValidations',
  'getDisplayValue',
  'getDisplayValues',
  'getFontFamilies',
  'getFontSizes',
  'getFontStyles',
  'getFontWeights',
  'getFormula',
  'getFormulas',
  'getGridId',
  'getHorizontalAlignments',
  'getLastColumn',
  'getLastRow',
  'getMergedRanges',
  'getNote',
  'getNotes',
  'getNumColumns',
  'getNumRows',
  'getNumberFormat',
  'getNumberFormats',
  'getRow',
  'getSheet',
  'getValue',
  'getValues',
  'getVerticalAlignments',
  'getWraps',
  'isBlank',
  'isPartOfMerge',
  'merge',
  'protect',
  'setBackground',
  'setBackgrounds',
  'setBorder',
  'setDataValidation',
  'setDataValidations',
  'setFontColor',
  'setFontColors',
  'setFontFamily',
  'setFontSize',
  'setFontSizes',
  'setFontStyle',
  'setFontStyles',
  'setFontWeight',
  'setFontWeights',
  'setFormula',
  'setHorizontalAlignment',
  'setHorizontalAlignments',
  'setNote',
  'setNotes',
  'setNumberFormat',
  'setNumberFormats',
  'setValue',
  'setValues',
  'setVerticalAlignment',
  'setVerticalAlignments',
  'setWrap',
  'setWraps',
] as const;

const MERGE_ERROR = 'You must select all cells in a merged range to merge or unmerge them.';

type HAlign = 'left' | 'center' | 'normal' | 'right' | null;
type VAlign = 'top' | 'middle' | 'bottom' | null;

export class FakeRange implements Pick<G, (typeof RANGE_API)[number]> {
  constructor(
    private readonly env: Env,
    readonly sheetState: SheetState,
    readonly rect: Rect,
  ) {}

  // ---- geometry ----

  private cells<T>(pick: (cell: CellState | undefined, row: number, col: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.rect.rows; r++) {
      const line: T[] = new Array<T>(this.rect.cols);
      for (let c = 0; c < this.rect.cols; c++) {
        const row = this.rect.row + r;
        const col = this.rect.col + c;
        line[c] = pick(cellAt(this.sheetState, row, col), row, col);
      }
      out.push(line);
    }
    return out;
  }

  private each(write: (cell: CellState, r: number, c: number) => void): void {
    for (let r = 0; r < this.rect.rows; r++) {
      for (let c = 0; c < this.rect.cols; c++) {
        write(touchCell(this.sheetState, this.rect.row + r, this.rect.col + c), r, c);
      }
    }
  }

  /** Rejects data whose shape differs from the range, with Sheets' messages. */
  private checkGrid(method: string, data: unknown): unknown[][] {
    if (!Array.isArray(data) || !data.every((row) => Array.isArray(row))) {
      throw signatureError(`SpreadsheetApp.Range.${method}`, [data]);
    }
    const grid = data as unknown[][];
    if (grid.length !== this.rect.rows) {
      throw gasError(
        `The number of rows in the data does not match the number of rows in the range. The data has ${grid.length} but the range has ${this.rect.rows}.`,
      );
    }
    for (const row of grid) {
      if (row.length !== this.rect.cols) {
        throw gasError(
          `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this.rect.cols}.`,
        );
      }
    }
    return grid;
  }

  private self(): G {
    return this as unknown as G;
  }

  getRow(): number {
    return this.rect.row;
  }
  getColumn(): number {
    return this.rect.col;
  }
  getNumRows(): number {
    return this.rect.rows;
  }
  getNumColumns(): number {
    return this.rect.cols;
  }
  getLastRow(): number {
    return this.rect.row + this.rect.rows - 1;
  }
  getLastColumn(): number {
    return this.rect.col + this.rect.cols - 1;
  }
  getA1Notation(): string {
    return rectA1(this.rect);
  }
  getGridId(): number {
    return this.sheetState.id;
  }
  getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return this.env.sheet(this.sheetState);
  }
  activate(): G {
    this.env.state.activeSheetId = this.sheetState.id;
    this.sheetState.activeRange = { ...this.rect };
    return this.self();
  }

  // ---- values ----

  private format(cell: CellState | undefined): string {
    return cell?.format?.numberFormat ?? GENERAL;
  }

  getValues(): OutValue[][] {
    const { timeZone, newDate } = this.env.state;
    return this.cells((cell) => valueOf(cell?.content, this.format(cell), timeZone, newDate));
  }
  getValue(): OutValue {
    return this.getValues()[0][0];
  }
  getFormulas(): string[][] {
    return this.cells((cell) => (isFormula(cell?.content) ? cell.content.formula : ''));
  }
  getFormula(): string {
    return this.getFormulas()[0][0];
  }
  getDisplayValues(): string[][] {
    return this.cells((cell) => displayOf(cell?.content, this.format(cell)));
  }
  getDisplayValue(): string {
    return this.getDisplayValues()[0][0];
  }
  isBlank(): boolean {
    return this.cells((cell) => cell?.content === undefined).every((row) => row.every(Boolean));
  }

  private store(cell: CellState, value: unknown, row: number, col: number): void {
    const { state } = this.env;
    const parsed = parseScriptValue(value, this.format(cell), state.locale, state.timeZone);
    const content: Content | undefined = parsed.content;
    if (typeof content === 'string' && content.length > MAX_CELL_CHARS) {
      throw gasError(
        `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`,
      );
    }
    if (
      cell.validation &&
      !cell.validation.allowInvalid &&
      content !== undefined &&
      violates(cell.validation, content)
    ) {
      throw gasError(
        `The data you entered in cell ${rectA1({ row, col, rows: 1, cols: 1 })} violates the data validation rules set on this cell.`,
      );
    }
    cell.content = content;
    if (parsed.autoFormat && this.format(cell) === GENERAL) {
      (cell.format ??= {}).numberFormat = parsed.autoFormat;
    }
  }

  setValues(values: unknown[][]): G {
    const grid = this.checkGrid('setValues', values);
    this.each((cell, r, c) => this.store(cell, grid[r][c], this.rect.row + r, this.rect.col + c));
    return this.self();
  }
  setValue(value: unknown): G {
    this.each((cell, r, c) => this.store(cell, value, this.rect.row + r, this.rect.col + c));
    return this.self();
  }
  setFormula(formula: string): G {
    if (typeof formula !== 'string') throw signatureError('SpreadsheetApp.Range.setFormula', [formula]);
    return this.setValue(formula.startsWith('=') ? formula : `=${formula}`);
  }

  // ---- formats ----

  private formats<K extends keyof CellFormat>(key: K): CellFormat[K][][] {
    return this.cells((cell) => formatOf(cell)[key]);
  }

  private setFormat<K extends keyof CellFormat>(key: K, value: CellFormat[K] | null): G {
    this.each((cell) => {
      (cell.format ??= {})[key] = value ?? DEFAULT_FORMAT[key];
    });
    return this.self();
  }

  private setFormats<K extends keyof CellFormat>(
    method: string,
    key: K,
    grid: unknown,
    check: (v: unknown) => boolean,
  ): G {
    const data = this.checkGrid(method, grid);
    if (!data.every((row) => row.every((v) => v === null || check(v)))) {
      throw signatureError(`SpreadsheetApp.Range.${method}`, [grid]);
    }
    this.each((cell, r, c) => {
      (cell.format ??= {})[key] = (data[r][c] ?? DEFAULT_FORMAT[key]) as CellFormat[K];
    });
    return this.self();
  }

  getNumberFormats(): string[][] {
    return this.formats('numberFormat');
  }
  getNumberFormat(): string {
    return this.getNumberFormats()[0][0];
  }
  setNumberFormat(numberFormat: string): G {
    if (typeof numberFormat !== 'string') {
      throw signatureError('SpreadsheetApp.Range.setNumberFormat', [numberFormat]);
    }
    return this.setFormat('numberFormat', numberFormat);
  }
  setNumberFormats(numberFormats: string[][]): G {
    return this.setFormats('setNumberFormats', 'numberFormat', numberFormats, (v) => typeof v === 'string');
  }
  getBackgrounds(): string[][] {
    return this.formats('background');
  }
  getBackground(): string {
    return this.getBackgrounds()[0][0];
  }
  setBackground(color: string | null): G {
    return this.setFormat('background', color);
  }
  setBackgrounds(color: (string | null)[][]): G {
    return this.setFormats('setBackgrounds', 'background', color, (v) => typeof v === 'string');
  }
  getFontWeights(): GoogleAppsScript.Spreadsheet.FontWeight[][] {
    return this.formats('fontWeight') as GoogleAppsScript.Spreadsheet.FontWeight[][];
  }
  setFontWeight(fontWeight: 'normal' | 'bold' | null): G {
    return this.setFormat('fontWeight', fontWeight);
  }
  setFontWeights(fontWeights: ('normal' | 'bold' | null)[][]): G {
    return this.setFormats(
      'setFontWeights',
      'fontWeight',
      fontWeights,
      (v) => v === 'normal' || v === 'bold',
    );
  }
  getFontStyles(): GoogleAppsScript.Spreadsheet.FontStyle[][] {
    return this.formats('fontStyle') as GoogleAppsScript.Spreadsheet.FontStyle[][];
  }
  setFontStyle(fontStyle: 'normal' | 'italic' | null): G {
    return this.setFormat('fontStyle', fontStyle);
  }
  setFontStyles(fontStyles: ('normal' | 'italic' | null)[][]): G {
    return this.setFormats('setFontStyles', 'fontStyle', fontStyles, (v) => v === 'normal' || v === 'italic');
  }
  setFontColor(color: string | null): G {
    return this.setFormat('fontColor', color);
  }
  setFontColors(colors: unknown[][]): G {
    return this.setFormats('setFontColors', 'fontColor', colors, (v) => typeof v === 'string');
  }
  getFontSizes(): number[][] {
    return this.formats('fontSize');
  }
  setFontSize(size: number): G {
    requireInteger('SpreadsheetApp.Range.setFontSize', [size], size);
    return this.setFormat('fontSize', size);
  }
  setFontSizes(sizes: number[][]): G {
    return this.setFormats('setFontSizes', 'fontSize', sizes, (v) => typeof v === 'number' && v > 0);
  }
  getFontFamilies(): string[][] {
    return this.formats('fontFamily');
  }
  setFontFamily(fontFamily: string | null): G {
    return this.setFormat('fontFamily', fontFamily);
  }
  getHorizontalAlignments(): string[][] {
    return this.formats('hAlign');
  }
  setHorizontalAlignment(alignment: HAlign): G {
    return this.setFormat('hAlign', alignment);
  }
  setHorizontalAlignments(alignments: HAlign[][]): G {
    const ok = (v: unknown): boolean => ['left', 'center', 'normal', 'right'].includes(v as string);
    return this.setFormats('setHorizontalAlignments', 'hAlign', alignments, ok);
  }
  getVerticalAlignments(): string[][] {
    return this.formats('vAlign');
  }
  setVerticalAlignment(alignment: VAlign): G {
    return this.setFormat('vAlign', alignment);
  }
  setVerticalAlignments(alignments: VAlign[][]): G {
    const ok = (v: unknown): boolean => ['top', 'middle', 'bottom'].includes(v as string);
    return this.setFormats('setVerticalAlignments', 'vAlign', alignments, ok);
  }
  getWraps(): boolean[][] {
    return this.formats('wrap');
  }
  setWrap(isWrapEnabled: boolean): G {
    return this.setFormat('wrap', isWrapEnabled);
  }
  setWraps(isWrapEnabled: boolean[][]): G {
    return this.setFormats('setWraps', 'wrap', isWrapEnabled, (v) => typeof v === 'boolean');
  }
  /** Only "all edges on" and "all off" are modelled: the fake records whether a cell has borders. */
  setBorder(
    top: boolean | null,
    left: boolean | null,
    bottom: boolean | null,
    right: boolean | null,
    vertical: boolean | null,
    horizontal: boolean | null,
  ): G {
    const sides = [top, left, bottom, right, vertical, horizontal];
    if (sides.some((s) => s !== null && typeof s !== 'boolean')) {
      throw signatureError('SpreadsheetApp.Range.setBorder', sides);
    }
    if (sides.every((s) => s === true)) return this.setFormat('border', true);
    if (sides.every((s) => s === false)) return this.setFormat('border', false);
    throw new Error('fake SpreadsheetApp: only setBorder with all sides true or all false is modelled');
  }

  // ---- notes ----

  getNotes(): string[][] {
    return this.cells((cell) => cell?.note ?? '');
  }
  getNote(): string {
    return this.getNotes()[0][0];
  }
  setNote(note: string | null): G {
    this.each((cell) => {
      cell.note = note ?? '';
    });
    return this.self();
  }
  setNotes(notes: (string | null)[][]): G {
    const grid = this.checkGrid('setNotes', notes);
    if (!grid.every((row) => row.every((v) => v === null || typeof v === 'string'))) {
      throw signatureError('SpreadsheetApp.Range.setNotes', [notes]);
    }
    this.each((cell, r, c) => {
      cell.note = (grid[r][c] as string | null) ?? '';
    });
    return this.self();
  }

  // ---- clearing ----

  clear(options?: {
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    commentsOnly?: boolean;
  }): G {
    const all =
      !options ||
      (!options.contentsOnly && !options.formatOnly && !options.validationsOnly && !options.commentsOnly);
    if (all || options?.contentsOnly) this.clearContent();
    if (all || options?.formatOnly) this.clearFormat();
    if (options?.validationsOnly) this.clearDataValidations();
    return this.self();
  }
  clearContent(): G {
    this.each((cell) => {
      delete cell.content;
    });
    return this.self();
  }
  clearFormat(): G {
    this.each((cell) => {
      delete cell.format;
    });
    return this.self();
  }
  clearNote(): G {
    this.each((cell) => {
      delete cell.note;
    });
    return this.self();
  }

  // ---- data validation ----

  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null): G {
    const state = rule === null ? undefined : this.validationState(rule, 'setDataValidation');
    this.each((cell) => {
      cell.validation = state;
    });
    return this.self();
  }
  setDataValidations(rules: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][]): G {
    const grid = this.checkGrid('setDataValidations', rules);
    this.each((cell, r, c) => {
      const rule = grid[r][c] as GoogleAppsScript.Spreadsheet.DataValidation | null;
      cell.validation = rule === null ? undefined : this.validationState(rule, 'setDataValidations');
    });
    return this.self();
  }
  private validationState(
    rule: GoogleAppsScript.Spreadsheet.DataValidation,
    method: string,
  ): ValidationState {
    const fake = this.env.wrapper.unwrap(rule);
    if (!(fake instanceof FakeDataValidation)) throw signatureError(`SpreadsheetApp.Range.${method}`, [rule]);
    return fake.state;
  }
  getDataValidations(): (GoogleAppsScript.Spreadsheet.DataValidation | null)[][] {
    return this.cells((cell) =>
      cell?.validation ? FakeDataValidation.wrap(this.env, cell.validation) : null,
    );
  }
  getDataValidation(): GoogleAppsScript.Spreadsheet.DataValidation | null {
    return this.getDataValidations()[0][0];
  }
  clearDataValidations(): G {
    this.each((cell) => {
      delete cell.validation;
    });
    return this.self();
  }

  // ---- merges ----

  merge(): G {
    const sheet = this.sheetState;
    for (const m of sheet.merges) {
      if (overlaps(m, this.rect) && !contains(this.rect, m)) throw gasError(MERGE_ERROR);
    }
    const { row, col, rows, cols } = this.rect;
    if (sheet.frozenRows > 0 && row <= sheet.frozenRows && row + rows - 1 > sheet.frozenRows) {
      throw gasError("You can't merge frozen and non-frozen rows.");
    }
    if (sheet.frozenCols > 0 && col <= sheet.frozenCols && col + cols - 1 > sheet.frozenCols) {
      throw gasError("You can't merge frozen and non-frozen columns.");
    }
    if (rows === 1 && cols === 1) return this.self();
    sheet.merges = sheet.merges.filter((m) => !contains(this.rect, m));
    // Sheets keeps only the upper-left value of a merged block.
    this.each((cell, r, c) => {
      if (r > 0 || c > 0) delete cell.content;
    });
    sheet.merges.push({ ...this.rect });
    return this.self();
  }
  breakApart(): G {
    const sheet = this.sheetState;
    for (const m of sheet.merges) {
      if (overlaps(m, this.rect) && !contains(this.rect, m)) throw gasError(MERGE_ERROR);
    }
    sheet.merges = sheet.merges.filter((m) => !contains(this.rect, m));
    return this.self();
  }
  getMergedRanges(): G[] {
    return this.sheetState.merges
      .filter((m) => overlaps(m, this.rect))
      .map((m) => this.env.range(this.sheetState, m));
  }
  isPartOfMerge(): boolean {
    return this.sheetState.merges.some((m) => overlaps(m, this.rect));
  }

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    const protection = {
      type: 'RANGE' as const,
      range: { ...this.rect },
      description: '',
      warningOnly: false,
    };
    this.sheetState.protections.push(protection);
    return this.env.protection(this.sheetState, protection);
  }
}

export const RANGE_LIST_API = [
  'breakApart',
  'clear',
  'clearContent',
  'clearDataValidations',
  'clearFormat',
  'clearNote',
  'getRanges',
  'setBackground',
  'setBorder',
  'setFontColor',
  'setFontFamily',
  'setFontWeight',
  'setNote',
  'setNumberFormat',
  'setValue',
] as const;

type GL = GoogleAppsScript.Spreadsheet.RangeList;

/** A RangeList applies each setter to every range; unwrapped ranges keep those inner calls uncounted. */
export class FakeRangeList implements Pick<GL, (typeof RANGE_LIST_API)[number]> {
  constructor(
    private readonly env: Env,
    readonly ranges: FakeRange[],
  ) {}

  private all(apply: (range: FakeRange) => void): GL {
    for (const range of this.ranges) apply(range);
    return this as unknown as GL;
  }

  getRanges(): GRange[] {
    return this.ranges.map((r) => this.env.range(r.sheetState, r.rect));
  }
  breakApart(): GL {
    return this.all((r) => r.breakApart());
  }
  clear(): GL {
    return this.all((r) => r.clear());
  }
  clearContent(): GL {
    return this.all((r) => r.clearContent());
  }
  clearDataValidations(): GL {
    return this.all((r) => r.clearDataValidations());
  }
  clearFormat(): GL {
    return this.all((r) => r.clearFormat());
  }
  clearNote(): GL {
    return this.all((r) => r.clearNote());
  }
  setBackground(color: string | null): GL {
    return this.all((r) => r.setBackground(color));
  }
  setBorder(
    top: boolean | null,
    left: boolean | null,
    bottom: boolean | null,
    right: boolean | null,
    vertical: boolean | null,
    horizontal: boolean | null,
  ): GL {
    return this.all((r) => r.setBorder(top, left, bottom, right, vertical, horizontal));
  }
  setFontColor(color: string | null): GL {
    return this.all((r) => r.setFontColor(color));
  }
  setFontFamily(fontFamily: string | null): GL {
    return this.all((r) => r.setFontFamily(fontFamily));
  }
  setFontWeight(fontWeight: 'normal' | 'bold' | null): GL {
    return this.all((r) => r.setFontWeight(fontWeight));
  }
  setNote(note: string | null): GL {
    return this.all((r) => r.setNote(note));
  }
  setNumberFormat(numberFormat: string): GL {
    return this.all((r) => r.setNumberFormat(numberFormat));
  }
  setValue(value: unknown): GL {
    return this.all((r) => r.setValue(value));
  }
}
