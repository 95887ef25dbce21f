/**
 * A strict in-memory SpreadsheetApp (with LockService, ScriptApp, Session, HtmlService and Logger) for
 * tests and the benchmark. It behaves like Sheets where the add-in depends on it (USER_ENTERED parsing,
 * dates through number formats, grid bounds, merges, frozen panes, validations) and throws where Sheets
 * throws, with Sheets' wording where known. Every API call is counted by "Class.method".
 *
 *   const gas = installFakeGlobals(globalThis, { sheets: { 'คะแนน ITA': [['ปี', 'คะแนน'], [2566, 86.7]] } });
 *   gas.ui.script('OK', 'ข้อความ');          // answer the next prompt
 *   gas.counter.measure(() => run());       // calls made by run()
 *   gas.inspect('คะแนน ITA').values();       // state, without counting
 *
 * Approximations, chosen to be stricter than Sheets where unsure: formulas are not evaluated (HYPERLINK
 * shows its label; seeds may script a value); a plain-text ("@") cell keeps a leading apostrophe;
 * writing undefined or an object throws; setBorder models all-or-nothing borders; the wording of the
 * frozen-pane, hide-sheet and delete-sheet errors is approximate.
 */
import vm from 'node:vm';
import { CallCounter } from './gas/counter';
import {
  makeEnv,
  FakeSpreadsheet,
  FakeSpreadsheetApp,
  SPREADSHEET_API,
  SPREADSHEET_APP_API,
} from './gas/spreadsheet';
import type { Env } from './gas/env';
import {
  cellAt,
  DEFAULT_COLS,
  DEFAULT_ROWS,
  formatOf,
  newSheetState,
  touchCell,
  type CellFormat,
  type SheetState,
  type SpreadsheetState,
  type ValidationState,
} from './gas/model';
import {
  FakeLockService,
  FakeLogger,
  FakeScriptApp,
  FakeSession,
  LOCK_SERVICE_API,
  LOGGER_API,
  LockState,
  SCRIPT_APP_API,
  SESSION_API,
  type LockMode,
} from './gas/services';
import { FakeHtmlService, HTML_SERVICE_API, UiRecorder } from './gas/ui';
import {
  displayOf,
  formulaContent,
  isDate,
  serialOfDate,
  valueOf,
  type Content,
  type OutValue,
} from './gas/values';

export { CallCounter } from './gas/counter';
export { UiRecorder, type MenuRecord, type MenuEntry, type ButtonName } from './gas/ui';
export { LockState, type LockMode } from './gas/services';
export type { SheetState, SpreadsheetState, CellFormat, ValidationState, Rect } from './gas/model';

/**
 * A cell of an initial sheet: strings starting with "=" are formulas, other strings are text; `text`
 * is stored as text whatever it starts with (what a user typed with a leading apostrophe).
 */
export type SeedCell =
  | string
  | number
  | boolean
  | Date
  | null
  | undefined
  | { text: string; format?: string }
  | { formula: string; value?: string | number | boolean }
  | { value: string | number | boolean | Date | null; format?: string; note?: string; background?: string };

export interface FakeOptions {
  /** Initial sheets in tab order (an empty spreadsheet gets one "Sheet1", as Sheets does). */
  sheets?: Record<string, SeedCell[][]>;
  timeZone?: string;
  locale?: string;
  name?: string;
  /** false: SpreadsheetApp.getUi() throws (triggers, custom functions). */
  ui?: boolean;
  lock?: LockMode;
  /** HTML files by name, for HtmlService.createHtmlOutputFromFile. */
  htmlFiles?: Record<string, string>;
  userEmail?: string;
}

/** Reads a sheet's state for assertions; never counted. */
export class SheetInspector {
  constructor(
    readonly state: SheetState,
    private readonly spreadsheet: SpreadsheetState,
  ) {}

  private grid<T>(pick: (row: number, col: number) => T, rows?: number, cols?: number): T[][] {
    const extent = this.extent();
    const height = rows ?? extent.rows;
    const width = cols ?? extent.cols;
    return Array.from({ length: height }, (_, r) =>
      Array.from({ length: width }, (_, c) => pick(r + 1, c + 1)),
    );
  }

  /** Last row and column with content. */
  extent(): { rows: number; cols: number } {
    let rows = 0;
    let cols = 0;
    this.state.cells.forEach((line, r) =>
      line?.forEach((cell, c) => {
        if (cell?.content !== undefined) {
          rows = Math.max(rows, r + 1);
          cols = Math.max(cols, c + 1);
        }
      }),
    );
    return { rows, cols };
  }
  content(row: number, col: number): Content | undefined {
    return cellAt(this.state, row, col)?.content;
  }
  value(row: number, col: number): OutValue {
    const cell = cellAt(this.state, row, col);
    return valueOf(
      cell?.content,
      formatOf(cell).numberFormat,
      this.spreadsheet.timeZone,
      this.spreadsheet.newDate,
    );
  }
  values(rows?: number, cols?: number): OutValue[][] {
    return this.grid((r, c) => this.value(r, c), rows, cols);
  }
  formula(row: number, col: number): string {
    const content = this.content(row, col);
    return typeof content === 'object' ? content.formula : '';
  }
  formulas(rows?: number, cols?: number): string[][] {
    return this.grid((r, c) => this.formula(r, c), rows, cols);
  }
  display(row: number, col: number): string {
    const cell = cellAt(this.state, row, col);
    return displayOf(cell?.content, formatOf(cell).numberFormat);
  }
  format(row: number, col: number): CellFormat {
    return formatOf(cellAt(this.state, row, col));
  }
  note(row: number, col: number): string {
    return cellAt(this.state, row, col)?.note ?? '';
  }
  validation(row: number, col: number): ValidationState | undefined {
    return cellAt(this.state, row, col)?.validation;
  }
}

export interface FakeGas {
  /** Counted, typed as the real services. */
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  LockService: GoogleAppsScript.Lock.LockService;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  Session: GoogleAppsScript.Base.Session;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  Logger: GoogleAppsScript.Base.Logger;
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** Uncounted state and helpers. */
  state: SpreadsheetState;
  counter: CallCounter;
  ui: UiRecorder;
  lock: LockState;
  logs: string[];
  htmlFiles: Map<string, string>;
  inspect(sheetName: string): SheetInspector;
  /** Adds or replaces a sheet with these cells (uncounted). */
  seedSheet(name: string, rows: SeedCell[][]): SheetState;
}

function seedCell(sheet: SheetState, row: number, col: number, seed: SeedCell, timeZone: string): void {
  if (seed === null || seed === undefined || seed === '') return;
  const cell = touchCell(sheet, row, col);
  if (typeof seed === 'string') cell.content = seed.startsWith('=') ? formulaContent(seed) : seed;
  else if (typeof seed === 'number' || typeof seed === 'boolean') cell.content = seed;
  else if (isDate(seed)) {
    cell.content = serialOfDate(seed, timeZone);
    cell.format = { numberFormat: 'd/m/yyyy' };
  } else if ('text' in seed) {
    cell.content = seed.text;
    if (seed.format) cell.format = { ...cell.format, numberFormat: seed.format };
  } else if ('formula' in seed) cell.content = formulaContent(seed.formula, seed.value);
  else {
    seedCell(sheet, row, col, seed.value, timeZone);
    cell.format = {
      ...cell.format,
      ...(seed.format ? { numberFormat: seed.format } : {}),
      ...(seed.background ? { background: seed.background } : {}),
    };
    if (seed.note) cell.note = seed.note;
  }
}

function seedInto(state: SpreadsheetState, name: string, rows: SeedCell[][]): SheetState {
  const width = rows.reduce((max, r) => Math.max(max, r.length), 0);
  const sheet = newSheetState(
    state.nextSheetId++,
    name,
    Math.max(DEFAULT_ROWS, rows.length),
    Math.max(DEFAULT_COLS, width),
  );
  rows.forEach((line, r) => line.forEach((seed, c) => seedCell(sheet, r + 1, c + 1, seed, state.timeZone)));
  const at = state.sheets.findIndex((s) => s.name === name);
  if (at >= 0) {
    sheet.id = state.sheets[at].id;
    state.sheets[at] = sheet;
  } else state.sheets.push(sheet);
  return sheet;
}

/** A fake spreadsheet and services, not installed anywhere. */
export function createFakeGas(options: FakeOptions = {}): FakeGas {
  const counter = new CallCounter();
  const timeZone = options.timeZone ?? 'Asia/Bangkok';
  const state: SpreadsheetState = {
    id: 'fake-spreadsheet-id',
    name: options.name ?? 'ITA Sheets (fake)',
    timeZone,
    locale: options.locale ?? 'th_TH',
    sheets: [],
    activeSheetId: 0,
    // Sheets gives the first sheet gid 0 and later ones large random ids; distinct small ids suffice here.
    nextSheetId: 0,
    nextChartId: 1,
    toasts: [],
    newDate: (ms) => new Date(ms),
  };
  const sheets = Object.entries(options.sheets ?? {});
  // A spreadsheet always has a sheet; Sheets names the first one "Sheet1".
  for (const [name, rows] of sheets.length ? sheets : [['Sheet1', []] as [string, SeedCell[][]]]) {
    seedInto(state, name, rows);
  }
  state.activeSheetId = state.sheets[0].id;
  const env: Env = makeEnv(counter, state);
  const ui = new UiRecorder();
  ui.available = options.ui ?? true;
  const lock = new LockState();
  lock.mode = options.lock ?? 'free';
  const logger = new FakeLogger();
  const htmlFiles = new Map(Object.entries(options.htmlFiles ?? {}));
  const wrap = <T extends object>(obj: object, label: string, api: readonly string[]): T =>
    env.wrapper.wrap(obj, label, api) as unknown as T;
  const spreadsheet = wrap<GoogleAppsScript.Spreadsheet.Spreadsheet>(
    new FakeSpreadsheet(env),
    'Spreadsheet',
    SPREADSHEET_API,
  );
  return {
    SpreadsheetApp: wrap(new FakeSpreadsheetApp(env, spreadsheet, ui), 'SpreadsheetApp', SPREADSHEET_APP_API),
    LockService: wrap(new FakeLockService(env.wrapper, lock), 'LockService', LOCK_SERVICE_API),
    ScriptApp: wrap(new FakeScriptApp(), 'ScriptApp', SCRIPT_APP_API),
    Session: wrap(new FakeSession(options.userEmail ?? '', timeZone), 'Session', SESSION_API),
    HtmlService: wrap(new FakeHtmlService(env.wrapper, htmlFiles), 'HtmlService', HTML_SERVICE_API),
    Logger: wrap(logger, 'Logger', LOGGER_API),
    spreadsheet,
    state,
    counter,
    ui,
    lock,
    logs: logger.lines,
    htmlFiles,
    inspect(sheetName) {
      const sheet = state.sheets.find((s) => s.name === sheetName);
      if (!sheet) throw new Error(`fake: no sheet named ${sheetName}`);
      return new SheetInspector(sheet, state);
    },
    seedSheet: (name, rows) => seedInto(state, name, rows),
  };
}

export const SERVICE_NAMES = [
  'SpreadsheetApp',
  'LockService',
  'ScriptApp',
  'Session',
  'HtmlService',
  'Logger',
] as const;

/**
 * Puts the services on a target (globalThis, or a node:vm context object) as Apps Script globals and
 * returns the handles. Remove them with uninstallFakeGlobals when the target is globalThis.
 */
export function installFakeGlobals(target: object, options: FakeOptions = {}): FakeGas {
  const gas = createFakeGas(options);
  if (vm.isContext(target)) {
    // Dates handed to code in the context must be its own Dates, or its `instanceof Date` checks fail.
    const ContextDate = vm.runInContext('Date', target) as DateConstructor;
    gas.state.newDate = (ms) => new ContextDate(ms);
  }
  for (const name of SERVICE_NAMES) {
    Object.defineProperty(target, name, {
      value: gas[name],
      configurable: true,
      writable: true,
      enumerable: true,
    });
  }
  return gas;
}

export function uninstallFakeGlobals(target: object): void {
  for (const name of SERVICE_NAMES) delete (target as Record<string, unknown>)[name];
}
