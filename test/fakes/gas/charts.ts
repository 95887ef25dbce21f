/** EmbeddedChartBuilder/EmbeddedChart and Protection, recorded as plain state. */
import { gasError, requireInteger, signatureError } from './errors';
import type { Env } from './env';
import type { ChartState, ProtectionState, SheetState } from './model';

type GCB = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type GC = GoogleAppsScript.Spreadsheet.EmbeddedChart;

export const CHART_BUILDER_API = [
  'addRange',
  'asBarChart',
  'asColumnChart',
  'asLineChart',
  'asPieChart',
  'build',
  'getRanges',
  'setNumHeaders',
  'setOption',
  'setPosition',
] as const;

export class FakeChartBuilder implements Pick<GCB, (typeof CHART_BUILDER_API)[number]> {
  readonly state: ChartState;

  constructor(
    private readonly env: Env,
    private readonly sheet: SheetState,
    state?: ChartState,
  ) {
    this.state = state ?? { id: 0, type: '', ranges: [], options: {}, position: null, numHeaders: -1 };
  }

  private as<T>(type: string): T {
    this.state.type = type;
    return this as unknown as T;
  }

  addRange(range: GoogleAppsScript.Spreadsheet.Range): GCB {
    const fake = this.env.wrapper.unwrap(range) as unknown as {
      rect?: ChartState['ranges'][number];
      sheetState?: SheetState;
    };
    if (!fake.rect || !fake.sheetState) {
      throw signatureError('SpreadsheetApp.EmbeddedChartBuilder.addRange', [range]);
    }
    this.state.ranges.push({ ...fake.rect });
    return this as unknown as GCB;
  }
  asBarChart(): GoogleAppsScript.Spreadsheet.EmbeddedBarChartBuilder {
    return this.as('BAR');
  }
  asColumnChart(): GoogleAppsScript.Spreadsheet.EmbeddedColumnChartBuilder {
    return this.as('COLUMN');
  }
  asLineChart(): GoogleAppsScript.Spreadsheet.EmbeddedLineChartBuilder {
    return this.as('LINE');
  }
  asPieChart(): GoogleAppsScript.Spreadsheet.EmbeddedPieChartBuilder {
    return this.as('PIE');
  }
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this.state.ranges.map((r) => this.env.range(this.sheet, r));
  }
  setNumHeaders(headers: number): GCB {
    requireInteger('SpreadsheetApp.EmbeddedChartBuilder.setNumHeaders', [headers], headers);
    this.state.numHeaders = headers;
    return this as unknown as GCB;
  }
  setOption(option: string, value: unknown): GCB {
    if (typeof option !== 'string') {
      throw signatureError('SpreadsheetApp.EmbeddedChartBuilder.setOption', [option, value]);
    }
    this.state.options[option] = value;
    return this as unknown as GCB;
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): GCB {
    const args = [anchorRowPos, anchorColPos, offsetX, offsetY];
    requireInteger('SpreadsheetApp.EmbeddedChartBuilder.setPosition', args, ...args);
    if (anchorRowPos < 1 || anchorColPos < 1) throw gasError('The chart position must be inside the sheet.');
    this.state.position = { row: anchorRowPos, col: anchorColPos, offsetX, offsetY };
    return this as unknown as GCB;
  }
  build(): GC {
    if (!this.state.type) {
      throw gasError('Chart type is not set. Use asColumnChart(), asBarChart(), ... first.');
    }
    if (this.state.ranges.length === 0) throw gasError('A chart needs at least one data range.');
    const chart = new FakeChart(this.env, this.sheet, structuredCloneChart(this.state));
    return this.env.wrapper.wrap(chart, 'EmbeddedChart', CHART_API) as unknown as GC;
  }
}

function structuredCloneChart(state: ChartState): ChartState {
  return {
    ...state,
    ranges: state.ranges.map((r) => ({ ...r })),
    options: { ...state.options },
    position: state.position ? { ...state.position } : null,
  };
}

export const CHART_API = ['getChartId', 'getOptions', 'getRanges', 'modify'] as const;

export class FakeChart implements Pick<GC, (typeof CHART_API)[number]> {
  constructor(
    private readonly env: Env,
    private readonly sheet: SheetState,
    readonly state: ChartState,
  ) {}

  getChartId(): number | null {
    return this.state.id || null;
  }
  getOptions(): GoogleAppsScript.Charts.ChartOptions {
    const options = this.state.options;
    return { get: (name: string) => options[name] } as unknown as GoogleAppsScript.Charts.ChartOptions;
  }
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this.state.ranges.map((r) => this.env.range(this.sheet, r));
  }
  modify(): GCB {
    const builder = new FakeChartBuilder(this.env, this.sheet, structuredCloneChart(this.state));
    return this.env.wrapper.wrap(builder, 'EmbeddedChartBuilder', CHART_BUILDER_API) as unknown as GCB;
  }
}

type GP = GoogleAppsScript.Spreadsheet.Protection;

export const PROTECTION_API = [
  'getDescription',
  'getProtectionType',
  'isWarningOnly',
  'remove',
  'setDescription',
  'setWarningOnly',
] as const;

export class FakeProtection implements Pick<GP, (typeof PROTECTION_API)[number]> {
  constructor(
    private readonly sheet: SheetState,
    readonly state: ProtectionState,
  ) {}

  getDescription(): string {
    return this.state.description;
  }
  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    return this.state.type as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
  }
  isWarningOnly(): boolean {
    return this.state.warningOnly;
  }
  remove(): void {
    this.sheet.protections = this.sheet.protections.filter((p) => p !== this.state);
  }
  setDescription(description: string): GP {
    this.state.description = description;
    return this as unknown as GP;
  }
  setWarningOnly(warningOnly: boolean): GP {
    if (typeof warningOnly !== 'boolean') {
      throw signatureError('SpreadsheetApp.Protection.setWarningOnly', [warningOnly]);
    }
    this.state.warningOnly = warningOnly;
    return this as unknown as GP;
  }
}
