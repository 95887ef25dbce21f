/** What the template command asks a host to do to one input sheet: plain data, planned by the core. */
import type { RangeRef } from './cells';
import type { CellStyle, OutCell } from './sheet-model';

export type ValidationRule =
  | { kind: 'list'; values: readonly string[] }
  /** Values listed in a range of this workbook, e.g. the reference sheet. */
  | { kind: 'listFromRange'; sheet: string; range: RangeRef }
  | { kind: 'number'; min?: number; max?: number }
  | { kind: 'date' };

export interface TemplateColumnPlan {
  col: number;
  width?: number;
  numberFormat?: string;
  /** Dropdowns warn, never reject: what staff type is kept and validation reports it. */
  validation?: ValidationRule;
  /** Help note on the header cell. */
  note?: string;
}

/** What the template command wants done to one input sheet; computed by the core from the schema. */
export interface TemplateSheetPlan {
  name: string;
  /** Create the sheet (it is missing). */
  create: boolean;
  headerRow: number;
  /** Header texts to write into empty header cells; existing headers are never rewritten. */
  headerCells: { col: number; text: string }[];
  /** Header block to style (the whole header row over the declared columns). */
  headerRange: RangeRef;
  headerStyle: CellStyle;
  columns: TemplateColumnPlan[];
  frozenRows: number;
  frozenColumns: number;
  tabColor: string;
  fontFamily: string;
  /** Blocks written only into cells that are empty now (settings labels, reference defaults). */
  seeds: { row: number; col: number; values: OutCell[][] }[];
  /** Last data row that column formats and validations cover. */
  formatRows: number;
}
