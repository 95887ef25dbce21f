/**
 * Plans the "ตั้งค่า/ซ่อมแซมแม่แบบ" command from the one schema: which sheets to create, which headers,
 * formats, dropdowns and notes to (re)apply. Existing data rows are never planned for writing.
 */
import { isBlank, type CellValue, type RangeRef } from './cells';
import { DEFAULT_INDICATORS, defaultReferenceRows } from './reference-defaults';
import {
  INPUT_SHEETS,
  REFERENCE_TABLES,
  ROUNDS,
  SETTINGS,
  SETTINGS_COLUMNS,
  THAI_FONT,
  type ColumnSpec,
  type ColumnType,
  type InputSheetSpec,
  type ListKey,
  type SettingKey,
  type TableKey,
  type TableSpec,
} from './schema';
import type { OutCell } from './sheet-model';
import type { SheetSnapshot } from './snapshot';
import { locateTable, normalizeHeader, type TableLayout } from './table';
import type { TemplateColumnPlan, TemplateSheetPlan, ValidationRule } from './template-plan';

/** Rows that column formats and dropdowns cover beyond the data already there. */
const FORMAT_ROWS_MIN = 1000;
const FORMAT_ROWS_SPARE = 500;

export const HEADER_STYLE = { bold: true, background: '#d9ead3', wrap: true, vAlign: 'middle' as const };

const FORMAT_BY_TYPE: Partial<Record<ColumnType, string>> = {
  text: '@',
  longText: '@',
  code: '@',
  period: '@',
  units: '@',
  indicators: '@',
  url: '@',
  choice: '@',
  fiscalYear: '0',
  integer: '0',
  amount: '#,##0.00',
  percent: '0',
  score: '0.00',
  date: 'd/m/yyyy',
};

/** Defaults for settings the template pre-fills (the plan cycle and targets staff rarely change). */
export interface TemplateDefaults {
  planFirstYear: number;
  planLastYear: number;
  trackingYear: number;
  /** Values for settings rows the template adds (the sample workbook fills in its organisation). */
  settings?: Partial<Record<SettingKey, OutCell>>;
}

export interface TemplateContext {
  /** Current snapshots of the input sheets (null = missing). */
  snapshots: Partial<Record<InputSheetSpec['key'], SheetSnapshot | null>>;
  /** Plan years whose budget columns the plan sheet must have. */
  planYears: number[];
  /** Indicator numbers and names whose score columns the scores sheet must have. */
  indicators: { no: number; name: string }[];
  defaults: TemplateDefaults;
}

export function defaultIndicatorColumns(): { no: number; name: string }[] {
  return DEFAULT_INDICATORS.map((i) => ({ no: i.indicatorNo, name: i.indicatorName }));
}

function columnFormat(spec: { type: ColumnType; numberFormat?: string }): string | undefined {
  return spec.numberFormat ?? FORMAT_BY_TYPE[spec.type];
}

/** Column positions of the reference tables, as planned (new sheet) or found (existing sheet). */
export type ReferencePositions = Map<TableKey, Map<string, number>>;

function lastUsedColumn(snapshot: SheetSnapshot | null | undefined, row: number): number {
  const values = snapshot?.values[row - 1] ?? [];
  for (let c = values.length; c >= 1; c--) if (!isBlank(values[c - 1])) return c;
  return 0;
}

function headerRowOf(layouts: TableLayout[]): number {
  return layouts.find((l) => l.headerRow > 0)?.headerRow ?? 1;
}

function listValidation(list: ListKey, positions: ReferencePositions): ValidationRule | undefined {
  const source: Partial<Record<ListKey, [TableKey, string]>> = {
    dimensions: ['dimensions', 'dimension'],
    submissions: ['dimensions', 'submission'],
    itemTypes: ['itemTypes', 'itemType'],
    statuses: ['statuses', 'status'],
    orgTypes: ['orgTypes', 'orgType'],
  };
  if (list === 'rounds') return { kind: 'list', values: ROUNDS.map((r) => r.label) };
  const found = source[list];
  if (!found) return undefined; // units: cells may name several units, a dropdown would flag them all
  const col = positions.get(found[0])?.get(found[1]);
  if (!col) return undefined;
  return {
    kind: 'listFromRange',
    sheet: referenceSheet().name,
    range: { row: 2, col, rows: FORMAT_ROWS_MIN - 1, cols: 1 },
  };
}

function validationFor(
  spec: { type: ColumnType; list?: ListKey },
  positions: ReferencePositions,
): ValidationRule | undefined {
  if (spec.list) return listValidation(spec.list, positions);
  switch (spec.type) {
    case 'percent':
    case 'score':
      return { kind: 'number', min: 0, max: 100 };
    case 'fiscalYear':
      return { kind: 'number', min: 2400, max: 2800 };
    case 'date':
      return { kind: 'date' };
    default:
      return undefined;
  }
}

function referenceSheet(): InputSheetSpec {
  return INPUT_SHEETS.find((s) => s.key === 'reference') as InputSheetSpec;
}

interface PlannedColumn {
  col: number;
  /** Added by this run: only new columns get our width (a width the user chose is theirs). */
  isNew: boolean;
  header: string;
  type: ColumnType;
  numberFormat?: string;
  width: number;
  note: string;
  spec?: ColumnSpec;
}

/**
 * Positions every declared column of a data sheet: found ones stay where they are, missing ones go after
 * the last used header cell, in declared order (inserting columns would shift the user's data).
 */
function planDataColumns(
  table: TableSpec,
  snapshot: SheetSnapshot | null | undefined,
  familyMembers: { n: number; label?: string }[],
): { layout: TableLayout | null; columns: PlannedColumn[]; headerRow: number } {
  const layout = snapshot ? locateTable(snapshot, table) : null;
  const headerRow = layout?.headerRow || 1;
  let next = layout?.headerRow ? lastUsedColumn(snapshot, headerRow) + 1 : 1;
  const columns: PlannedColumn[] = [];
  const place = (found: number | undefined, column: Omit<PlannedColumn, 'col' | 'isNew'>): void => {
    columns.push({ ...column, col: found ?? next++, isNew: found === undefined });
  };
  const family = table.family;
  const placeFamily = (): void => {
    if (!family) return;
    for (const member of familyMembers) {
      const found = layout?.family.find((f) => f.n === member.n)?.col;
      place(found, {
        header: family.headerFor(member.n, member.label),
        type: family.type,
        numberFormat: family.numberFormat,
        width: family.width,
        note: family.note(member.n),
      });
    }
  };
  for (const spec of table.columns) {
    place(layout?.columns.get(spec.key)?.col, {
      header: spec.header,
      type: spec.type,
      numberFormat: spec.numberFormat,
      width: spec.width,
      note: spec.note,
      spec,
    });
    if (family?.after === spec.key) placeFamily();
  }
  return { layout, columns, headerRow };
}

function columnPlans(columns: PlannedColumn[], positions: ReferencePositions): TemplateColumnPlan[] {
  return columns.map((c) => ({
    col: c.col,
    width: c.isNew ? c.width : undefined,
    numberFormat: columnFormat(c),
    validation: validationFor(c.spec ?? c, positions),
    note: c.note,
  }));
}

function headerCellsToWrite(
  columns: PlannedColumn[],
  snapshot: SheetSnapshot | null | undefined,
  headerRow: number,
) {
  return columns
    .filter((c) => isBlank(snapshot?.values[headerRow - 1]?.[c.col - 1] ?? null))
    .map((c) => ({ col: c.col, text: c.header }));
}

function spanOf(columns: { col: number }[], headerRow: number): RangeRef {
  const cols = columns.map((c) => c.col);
  const first = Math.min(...cols);
  return { row: headerRow, col: first, rows: 1, cols: Math.max(...cols) - first + 1 };
}

function formatRows(snapshot: SheetSnapshot | null | undefined): number {
  return Math.max(FORMAT_ROWS_MIN, (snapshot?.values.length ?? 0) + FORMAT_ROWS_SPARE);
}

function basePlan(
  spec: InputSheetSpec,
  snapshot: SheetSnapshot | null | undefined,
): Omit<TemplateSheetPlan, 'headerRow' | 'headerCells' | 'headerRange' | 'columns' | 'seeds'> {
  return {
    name: spec.name,
    create: !snapshot,
    headerStyle: HEADER_STYLE,
    frozenRows: 1,
    frozenColumns: spec.frozenColumns,
    tabColor: spec.tabColor,
    fontFamily: THAI_FONT,
    formatRows: formatRows(snapshot),
  };
}

/** Reference sheet: tables side by side, one empty column between them; defaults seeded into empty tables. */
export function planReference(snapshot: SheetSnapshot | null | undefined): {
  plan: TemplateSheetPlan;
  positions: ReferencePositions;
} {
  const spec = referenceSheet();
  const layouts = snapshot ? REFERENCE_TABLES.map((t) => locateTable(snapshot, t)) : [];
  const headerRow = headerRowOf(layouts);
  let next = snapshot ? lastUsedColumn(snapshot, headerRow) + 2 : 1;
  const positions: ReferencePositions = new Map();
  const planned: PlannedColumn[] = [];
  const seeds: TemplateSheetPlan['seeds'] = [];
  const defaults = defaultReferenceRows();
  REFERENCE_TABLES.forEach((table, index) => {
    const layout = layouts[index];
    const map = new Map<string, number>();
    const tableIsNew = !layout || layout.columns.size === 0;
    for (const column of table.columns) {
      const found = layout?.columns.get(column.key)?.col;
      const col = found ?? next++;
      map.set(column.key, col);
      planned.push({
        col,
        isNew: found === undefined,
        header: column.header,
        type: column.type,
        numberFormat: column.numberFormat,
        width: column.width,
        note: column.note,
        spec: column,
      });
    }
    if (tableIsNew) {
      next++; // the gap column between tables
      const firstCol = map.get(table.columns[0].key) as number;
      seeds.push({ row: headerRow + 1, col: firstCol, values: defaults[table.key] as OutCell[][] });
    }
    positions.set(table.key, map);
  });
  const plan: TemplateSheetPlan = {
    ...basePlan(spec, snapshot),
    headerRow,
    headerCells: headerCellsToWrite(planned, snapshot, headerRow),
    headerRange: spanOf(planned, headerRow),
    columns: planned.map((c) => ({
      col: c.col,
      width: c.isNew ? c.width : undefined,
      numberFormat: columnFormat(c),
      note: c.note,
    })),
    seeds,
  };
  return { plan, positions };
}

/** Settings sheet: label/value/help rows; missing settings are appended, existing values kept. */
export function planSettings(
  snapshot: SheetSnapshot | null | undefined,
  defaults: TemplateDefaults,
): TemplateSheetPlan {
  const spec = INPUT_SHEETS.find((s) => s.key === 'settings') as InputSheetSpec;
  const table: TableSpec = { key: 'settings', title: 'ตารางตั้งค่า', columns: SETTINGS_COLUMNS };
  const { layout, columns, headerRow } = planDataColumns(table, snapshot, []);
  const labelCol = columns[0].col;
  const present = new Set<string>();
  if (snapshot && layout?.headerRow) {
    for (let r = headerRow; r < snapshot.values.length; r++) {
      const value: CellValue = snapshot.values[r]?.[labelCol - 1] ?? null;
      if (typeof value === 'string') present.add(normalizeHeader(value));
    }
  }
  const defaultValue: Partial<Record<string, OutCell>> = {
    planFirstYear: defaults.planFirstYear,
    planLastYear: defaults.planLastYear,
    trackingYear: defaults.trackingYear,
    round: ROUNDS[0].label,
    itaTarget: 85,
    dueSoonDays: 30,
    ...defaults.settings,
  };
  const missing = SETTINGS.filter((s) => !present.has(normalizeHeader(s.label)));
  const firstFree = Math.max(headerRow, snapshot?.values.length ?? 0) + 1;
  const [valueCol, helpCol] = [columns[1].col, columns[2].col];
  // Seeds are written only into empty cells, so a block per row keeps label/value/help columns aligned.
  const seeds = missing.map((s, i) => {
    const row: OutCell[] = [];
    row[labelCol - 1] = s.label;
    row[valueCol - 1] = defaultValue[s.key] ?? null;
    row[helpCol - 1] = s.help;
    const first = Math.min(labelCol, valueCol, helpCol);
    const last = Math.max(labelCol, valueCol, helpCol);
    return {
      row: firstFree + i,
      col: first,
      values: [Array.from({ length: last - first + 1 }, (_, k) => row[first - 1 + k] ?? null)],
    };
  });
  return {
    ...basePlan(spec, snapshot),
    headerRow,
    headerCells: headerCellsToWrite(columns, snapshot, headerRow),
    headerRange: spanOf(columns, headerRow),
    columns: columns.map((c) => ({ col: c.col, width: c.isNew ? c.width : undefined, note: c.note })),
    seeds,
  };
}

export function planDataSheet(
  sheetKey: 'scores' | 'plan' | 'measures' | 'tracking',
  context: TemplateContext,
  positions: ReferencePositions,
): TemplateSheetPlan {
  const spec = INPUT_SHEETS.find((s) => s.key === sheetKey) as InputSheetSpec;
  const table = spec.tables[0];
  const snapshot = context.snapshots[sheetKey];
  const members =
    table.family?.key === 'budget'
      ? context.planYears.map((n) => ({ n }))
      : table.family?.key === 'indicatorScore'
        ? context.indicators.map((i) => ({ n: i.no, label: i.name }))
        : [];
  const { columns, headerRow } = planDataColumns(table, snapshot, members);
  return {
    ...basePlan(spec, snapshot),
    headerRow,
    headerCells: headerCellsToWrite(columns, snapshot, headerRow),
    headerRange: spanOf(columns, headerRow),
    columns: columnPlans(columns, positions),
    seeds: [],
  };
}

/** Plans for every input sheet, in tab order. */
export function planTemplate(context: TemplateContext): TemplateSheetPlan[] {
  const reference = planReference(context.snapshots.reference);
  return INPUT_SHEETS.map((spec) => {
    if (spec.key === 'settings') return planSettings(context.snapshots.settings, context.defaults);
    if (spec.key === 'reference') return reference.plan;
    return planDataSheet(spec.key, context, reference.positions);
  });
}
