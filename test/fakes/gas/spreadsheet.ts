/** Spreadsheet and SpreadsheetApp, and the Env that builds counted objects over the state. */
import { FakeProtection, PROTECTION_API } from './charts';
import type { CallCounter } from './counter';
import { Wrapper } from './counter';
import type { Env, GRange, GSheet } from './env';
import { gasError, signatureError } from './errors';
import { newSheetState, parseRectA1, type Rect, type SheetState, type SpreadsheetState } from './model';
import { FakeRange, RANGE_API } from './range';
import { FakeSheet, SHEET_API } from './sheet';
import { FakeUi, UI_API, type UiRecorder } from './ui';
import { FakeDataValidationBuilder } from './validation';

/** Builds counted API objects; one Sheet object per sheet so identities are stable. */
export function makeEnv(counter: CallCounter, state: SpreadsheetState): Env {
  const wrapper = new Wrapper(counter);
  const sheets = new WeakMap<SheetState, GSheet>();
  const env: Env = {
    wrapper,
    state,
    range(sheet, rect) {
      checkRange(sheet, rect);
      return wrapper.wrap(new FakeRange(env, sheet, { ...rect }), 'Range', RANGE_API) as unknown as GRange;
    },
    sheet(sheet) {
      let api = sheets.get(sheet);
      if (!api) {
        api = wrapper.wrap(new FakeSheet(env, sheet), 'Sheet', SHEET_API) as unknown as GSheet;
        sheets.set(sheet, api);
      }
      return api;
    },
    protection(sheet, protection) {
      const fake = new FakeProtection(sheet, protection);
      return wrapper.wrap(
        fake,
        'Protection',
        PROTECTION_API,
      ) as unknown as GoogleAppsScript.Spreadsheet.Protection;
    },
  };
  return env;
}

/** getRange's checks, with Sheets' messages. */
function checkRange(sheet: SheetState, rect: Rect): void {
  if (rect.row < 1) throw gasError('The starting row of the range is too small.');
  if (rect.col < 1) throw gasError('The starting column of the range is too small.');
  if (rect.rows < 1) throw gasError('The number of rows in the range must be at least 1.');
  if (rect.cols < 1) throw gasError('The number of columns in the range must be at least 1.');
  if (rect.row + rect.rows - 1 > sheet.maxRows || rect.col + rect.cols - 1 > sheet.maxCols) {
    throw gasError('The coordinates of the range are outside the dimensions of the sheet.');
  }
}

type GS = GoogleAppsScript.Spreadsheet.Spreadsheet;
type TemplateOption = { template?: GSheet };

export const SPREADSHEET_API = [
  'deleteSheet',
  'getActiveRange',
  'getActiveSheet',
  'getId',
  'getName',
  'getNumSheets',
  'getRange',
  'getSheetById',
  'getSheetByName',
  'getSheets',
  'getSpreadsheetLocale',
  'getSpreadsheetTimeZone',
  'getUrl',
  'insertSheet',
  'setActiveRange',
  'setActiveSheet',
  'setSpreadsheetLocale',
  'setSpreadsheetTimeZone',
  'toast',
] as const;

const MAX_SHEET_NAME = 100;

export class FakeSpreadsheet implements Pick<GS, (typeof SPREADSHEET_API)[number]> {
  constructor(private readonly env: Env) {}

  private get state(): SpreadsheetState {
    return this.env.state;
  }

  private fakeSheet(sheet: GSheet, method: string): SheetState {
    const fake = this.env.wrapper.unwrap(sheet);
    if (!(fake instanceof FakeSheet) || !this.state.sheets.includes(fake.state)) {
      throw signatureError(`SpreadsheetApp.Spreadsheet.${method}`, [sheet]);
    }
    return fake.state;
  }

  getId(): string {
    return this.state.id;
  }
  getName(): string {
    return this.state.name;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.state.id}/edit`;
  }
  getSheets(): GSheet[] {
    return this.state.sheets.map((s) => this.env.sheet(s));
  }
  getNumSheets(): number {
    return this.state.sheets.length;
  }
  getSheetByName(name: string): GSheet | null {
    if (typeof name !== 'string') throw signatureError('SpreadsheetApp.Spreadsheet.getSheetByName', [name]);
    // Sheet names are unique without regard to case, and so is the lookup.
    const sheet = this.state.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    return sheet ? this.env.sheet(sheet) : null;
  }
  getSheetById(id: number): GSheet | null {
    const sheet = this.state.sheets.find((s) => s.id === id);
    return sheet ? this.env.sheet(sheet) : null;
  }

  /** insertSheet([name], [index], [options]); the new sheet becomes the active one. */
  insertSheet(a?: string | number | TemplateOption, b?: number | TemplateOption, c?: TemplateOption): GSheet {
    const args = [a, b, c].filter((v) => v !== undefined);
    const name = typeof a === 'string' ? a : this.defaultName();
    const index = typeof a === 'number' ? a : typeof b === 'number' ? b : this.state.sheets.length;
    if ([a, b, c].some((v) => typeof v === 'object' && v !== null && (v as TemplateOption).template)) {
      throw new Error('fake SpreadsheetApp: insertSheet with a template is not modelled');
    }
    if (!Number.isInteger(index) || index < 0 || index > this.state.sheets.length) {
      throw signatureError('SpreadsheetApp.Spreadsheet.insertSheet', args);
    }
    this.checkName(name);
    const sheet = newSheetState(this.state.nextSheetId++, name);
    this.state.sheets.splice(index, 0, sheet);
    this.state.activeSheetId = sheet.id;
    return this.env.sheet(sheet);
  }

  private defaultName(): string {
    for (let n = this.state.sheets.length + 1; ; n++) {
      if (!this.state.sheets.some((s) => s.name === `Sheet${n}`)) return `Sheet${n}`;
    }
  }

  private checkName(name: string): void {
    if (name.trim() === '') throw gasError('The sheet name cannot be empty.');
    if (name.length > MAX_SHEET_NAME) {
      throw gasError(`The sheet name cannot be longer than ${MAX_SHEET_NAME} characters.`);
    }
    if (this.state.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      throw gasError(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
  }

  deleteSheet(sheet: GSheet): void {
    const target = this.fakeSheet(sheet, 'deleteSheet');
    const visible = this.state.sheets.filter((s) => !s.hidden);
    if (this.state.sheets.length === 1 || (!target.hidden && visible.length === 1)) {
      throw gasError("You can't remove all the sheets in a document.");
    }
    this.state.sheets = this.state.sheets.filter((s) => s !== target);
    if (this.state.activeSheetId === target.id) {
      this.state.activeSheetId = (this.state.sheets.find((s) => !s.hidden) ?? this.state.sheets[0]).id;
    }
  }

  private activeState(): SheetState {
    return this.state.sheets.find((s) => s.id === this.state.activeSheetId) ?? this.state.sheets[0];
  }
  getActiveSheet(): GSheet {
    return this.env.sheet(this.activeState());
  }
  setActiveSheet(sheet: GSheet, _restoreSelection?: boolean): GSheet {
    this.state.activeSheetId = this.fakeSheet(sheet, 'setActiveSheet').id;
    return sheet;
  }
  getActiveRange(): GRange | null {
    const sheet = this.activeState();
    return sheet.activeRange ? this.env.range(sheet, sheet.activeRange) : null;
  }
  setActiveRange(range: GRange): GRange {
    const fake = this.env.wrapper.unwrap(range);
    if (!(fake instanceof FakeRange)) {
      throw signatureError('SpreadsheetApp.Spreadsheet.setActiveRange', [range]);
    }
    this.state.activeSheetId = fake.sheetState.id;
    fake.sheetState.activeRange = { ...fake.rect };
    return range;
  }
  /** "'ชื่อ ชีต'!A1:B2" or "A1" (on the active sheet). */
  getRange(a1Notation: string): GRange {
    const m = /^(?:'((?:[^']|'')+)'|([^!'\s]+))!(.+)$/.exec(a1Notation);
    const sheetName = m ? (m[1] ?? m[2]).replace(/''/g, "'") : null;
    const rect = parseRectA1(m ? m[3] : a1Notation);
    const sheet =
      sheetName === null ? this.activeState() : this.state.sheets.find((s) => s.name === sheetName);
    if (!rect || !sheet) throw gasError('Range not found');
    return this.env.range(sheet, rect);
  }

  getSpreadsheetTimeZone(): string {
    return this.state.timeZone;
  }
  setSpreadsheetTimeZone(timezone: string): void {
    this.state.timeZone = timezone;
  }
  getSpreadsheetLocale(): string {
    return this.state.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this.state.locale = locale;
  }
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    if (typeof msg !== 'string') {
      throw signatureError('SpreadsheetApp.Spreadsheet.toast', [msg, title, timeoutSeconds]);
    }
    this.state.toasts.push({ message: msg, title, timeoutSeconds });
  }
}

type GApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

export const SPREADSHEET_APP_API = [
  'flush',
  'getActive',
  'getActiveRange',
  'getActiveSheet',
  'getActiveSpreadsheet',
  'getUi',
  'newDataValidation',
] as const;

function enumOf<T>(...names: string[]): T {
  return Object.freeze(Object.fromEntries(names.map((n) => [n, n]))) as unknown as T;
}

type Enums = 'BorderStyle' | 'DataValidationCriteria' | 'ProtectionType' | 'WrapStrategy';

/** Enum members are their names, as String(SpreadsheetApp.ProtectionType.SHEET) is in Apps Script. */
export class FakeSpreadsheetApp implements Pick<GApp, (typeof SPREADSHEET_APP_API)[number] | Enums> {
  readonly BorderStyle = enumOf<GApp['BorderStyle']>(
    'DOTTED',
    'DASHED',
    'SOLID',
    'SOLID_MEDIUM',
    'SOLID_THICK',
    'DOUBLE',
  );
  readonly DataValidationCriteria = enumOf<GApp['DataValidationCriteria']>(
    'DATE_IS_VALID_DATE',
    'NUMBER_BETWEEN',
    'NUMBER_GREATER_THAN',
    'NUMBER_GREATER_THAN_OR_EQUAL_TO',
    'NUMBER_LESS_THAN',
    'NUMBER_LESS_THAN_OR_EQUAL_TO',
    'TEXT_IS_VALID_URL',
    'VALUE_IN_LIST',
    'VALUE_IN_RANGE',
  );
  readonly ProtectionType = enumOf<GApp['ProtectionType']>('RANGE', 'SHEET');
  readonly WrapStrategy = enumOf<GApp['WrapStrategy']>('WRAP', 'OVERFLOW', 'CLIP');

  constructor(
    private readonly env: Env,
    private readonly spreadsheet: GS,
    private readonly recorder: UiRecorder,
  ) {}

  flush(): void {}
  getActive(): GS {
    return this.spreadsheet;
  }
  getActiveSpreadsheet(): GS {
    return this.spreadsheet;
  }
  getActiveSheet(): GSheet {
    return (this.env.wrapper.unwrap(this.spreadsheet) as unknown as FakeSpreadsheet).getActiveSheet();
  }
  getActiveRange(): GRange {
    const range = (this.env.wrapper.unwrap(this.spreadsheet) as unknown as FakeSpreadsheet).getActiveRange();
    return range ?? this.env.range(this.env.state.sheets[0], { row: 1, col: 1, rows: 1, cols: 1 });
  }
  getUi(): GoogleAppsScript.Base.Ui {
    if (!this.recorder.available) throw gasError('Cannot call SpreadsheetApp.getUi() from this context.');
    const ui = new FakeUi(this.env.wrapper, this.recorder);
    return this.env.wrapper.wrap(ui, 'Ui', UI_API) as unknown as GoogleAppsScript.Base.Ui;
  }
  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return FakeDataValidationBuilder.wrap(this.env, new FakeDataValidationBuilder(this.env));
  }
}
