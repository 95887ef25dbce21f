/** DataValidationBuilder/DataValidation: rules are stored on cells as plain ValidationState. */
import { gasError, signatureError } from './errors';
import type { Env } from './env';
import type { Rect, ValidationState } from './model';
import { isFormula, type Content } from './values';

type GB = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type GV = GoogleAppsScript.Spreadsheet.DataValidation;
type Criteria = GoogleAppsScript.Spreadsheet.DataValidationCriteria;

export const VALIDATION_API = [
  'copy',
  'getAllowInvalid',
  'getCriteriaType',
  'getCriteriaValues',
  'getHelpText',
] as const;

export class FakeDataValidation implements Pick<GV, (typeof VALIDATION_API)[number]> {
  constructor(
    private readonly env: Env,
    readonly state: ValidationState,
  ) {}

  static wrap(env: Env, state: ValidationState): GV {
    return env.wrapper.wrap(
      new FakeDataValidation(env, state),
      'DataValidation',
      VALIDATION_API,
    ) as unknown as GV;
  }

  copy(): GB {
    const builder = new FakeDataValidationBuilder(this.env);
    Object.assign(builder.state, { ...this.state, args: [...this.state.args] });
    return FakeDataValidationBuilder.wrap(this.env, builder);
  }
  getAllowInvalid(): boolean {
    return this.state.allowInvalid;
  }
  getCriteriaType(): Criteria {
    return this.state.criteria as unknown as Criteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this.state.args];
  }
  getHelpText(): string {
    return this.state.helpText;
  }
}

export const VALIDATION_BUILDER_API = [
  'build',
  'requireDate',
  'requireNumberBetween',
  'requireNumberGreaterThan',
  'requireNumberGreaterThanOrEqualTo',
  'requireNumberLessThan',
  'requireNumberLessThanOrEqualTo',
  'requireTextIsUrl',
  'requireValueInList',
  'requireValueInRange',
  'setAllowInvalid',
  'setHelpText',
] as const;

export class FakeDataValidationBuilder implements Pick<GB, (typeof VALIDATION_BUILDER_API)[number]> {
  /** A new rule allows invalid data (shows a warning) until setAllowInvalid(false), as in Sheets. */
  readonly state: ValidationState = { criteria: '', args: [], allowInvalid: true, helpText: '' };

  constructor(private readonly env: Env) {}

  static wrap(env: Env, builder: FakeDataValidationBuilder): GB {
    return env.wrapper.wrap(builder, 'DataValidationBuilder', VALIDATION_BUILDER_API) as unknown as GB;
  }

  private criteria(name: string, args: unknown[]): GB {
    this.state.criteria = name;
    this.state.args = args;
    return this as unknown as GB;
  }

  private numbers(method: string, values: unknown[]): void {
    if (values.some((v) => typeof v !== 'number' || Number.isNaN(v))) {
      throw signatureError(`SpreadsheetApp.DataValidationBuilder.${method}`, values);
    }
  }

  build(): GV {
    if (!this.state.criteria) throw gasError('A data validation rule needs criteria before it can be built.');
    return FakeDataValidation.wrap(this.env, { ...this.state, args: [...this.state.args] });
  }
  requireDate(): GB {
    return this.criteria('DATE_IS_VALID_DATE', []);
  }
  requireNumberBetween(start: number, end: number): GB {
    this.numbers('requireNumberBetween', [start, end]);
    return this.criteria('NUMBER_BETWEEN', [start, end]);
  }
  requireNumberGreaterThan(number: number): GB {
    this.numbers('requireNumberGreaterThan', [number]);
    return this.criteria('NUMBER_GREATER_THAN', [number]);
  }
  requireNumberGreaterThanOrEqualTo(number: number): GB {
    this.numbers('requireNumberGreaterThanOrEqualTo', [number]);
    return this.criteria('NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  }
  requireNumberLessThan(number: number): GB {
    this.numbers('requireNumberLessThan', [number]);
    return this.criteria('NUMBER_LESS_THAN', [number]);
  }
  requireNumberLessThanOrEqualTo(number: number): GB {
    this.numbers('requireNumberLessThanOrEqualTo', [number]);
    return this.criteria('NUMBER_LESS_THAN_OR_EQUAL_TO', [number]);
  }
  requireTextIsUrl(): GB {
    return this.criteria('TEXT_IS_VALID_URL', []);
  }
  requireValueInList(values: string[], showDropdown?: boolean): GB {
    if (!Array.isArray(values) || values.some((v) => typeof v !== 'string')) {
      throw signatureError('SpreadsheetApp.DataValidationBuilder.requireValueInList', [values]);
    }
    if (values.length === 0) throw gasError('The list of values for data validation must not be empty.');
    return this.criteria('VALUE_IN_LIST', [[...values], showDropdown ?? true]);
  }
  requireValueInRange(range: GoogleAppsScript.Spreadsheet.Range, showDropdown?: boolean): GB {
    if (typeof range !== 'object' || range === null) {
      throw signatureError('SpreadsheetApp.DataValidationBuilder.requireValueInRange', [range]);
    }
    // Remember which cells the list comes from, for assertions (the Range proxy itself is opaque).
    const fake = this.env.wrapper.unwrap(range) as unknown as { sheetState?: { name: string }; rect?: Rect };
    if (fake.sheetState && fake.rect) {
      this.state.source = { sheet: fake.sheetState.name, range: { ...fake.rect } };
    }
    return this.criteria('VALUE_IN_RANGE', [range, showDropdown ?? true]);
  }
  setAllowInvalid(allowInvalidData: boolean): GB {
    if (typeof allowInvalidData !== 'boolean') {
      throw signatureError('SpreadsheetApp.DataValidationBuilder.setAllowInvalid', [allowInvalidData]);
    }
    this.state.allowInvalid = allowInvalidData;
    return this as unknown as GB;
  }
  setHelpText(helpText: string): GB {
    this.state.helpText = helpText;
    return this as unknown as GB;
  }
}

/** Whether content breaks a rule (list and number rules only; others accept everything). */
export function violates(rule: ValidationState, content: Content): boolean {
  const value = isFormula(content) ? content.value : content;
  switch (rule.criteria) {
    case 'VALUE_IN_LIST':
      return !(rule.args[0] as string[]).includes(String(value));
    case 'NUMBER_BETWEEN':
      return (
        typeof value !== 'number' || value < (rule.args[0] as number) || value > (rule.args[1] as number)
      );
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return typeof value !== 'number' || value < (rule.args[0] as number);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return typeof value !== 'number' || value > (rule.args[0] as number);
    default:
      return false;
  }
}
