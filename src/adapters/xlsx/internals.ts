/**
 * Typed views of the few exceljs 4.4 internals the adapter reads directly. The public getters allocate a
 * fresh object per call (`cell.value` copies formula and hyperlink models) and `worksheet.model` builds
 * the whole sheet's model, which is far too slow for 100,000-row sheets; these fields are what those
 * getters read themselves (see node_modules/exceljs/lib/doc/{worksheet,row,cell}.js).
 */
import type { Cell, DataValidation, Row, Worksheet } from 'exceljs';

/** exceljs ValueType numbers (lib/doc/enums.js); the d.ts declares them as an enum we cannot inline. */
export const VT = {
  Null: 0,
  Merge: 1,
  Number: 2,
  String: 3,
  Date: 4,
  Hyperlink: 5,
  Formula: 6,
  SharedString: 7,
  RichText: 8,
  Boolean: 9,
  Error: 10,
} as const;

/** The stored model behind a cell's value (lib/doc/cell.js, the *Value classes). */
export interface CellModel {
  type: number;
  value?: unknown;
  /** Hyperlink cells: the shown text (a string, a number or a rich-text object). */
  text?: unknown;
  hyperlink?: string;
  formula?: string;
  sharedFormula?: string;
  result?: unknown;
  comment?: unknown;
}

interface InternalCell {
  _value: { model: CellModel };
  _comment?: unknown;
}

interface InternalRow {
  _cells: (Cell | undefined)[];
}

export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

interface InternalSheet {
  _rows: (Row | undefined)[];
  _merges: Record<string, MergeRange>;
  orderNo: number;
  dataValidations: { model: Record<string, DataValidation | undefined> };
}

/** Sparse rows, 0-based (index r holds row r + 1). */
export function rowsOf(sheet: Worksheet): (Row | undefined)[] {
  return (sheet as unknown as InternalSheet)._rows;
}

/** Sparse cells of a row, 0-based. */
export function cellsOf(row: Row): (Cell | undefined)[] {
  return (row as unknown as InternalRow)._cells;
}

export function modelOf(cell: Cell): CellModel {
  return (cell as unknown as InternalCell)._value.model;
}

/**
 * exceljs has no way to remove a note: its setter always creates one, even for undefined. A loaded
 * cell also keeps the note it was read with in its value model, which saving would write back.
 */
export function clearNote(cell: Cell): void {
  const internal = cell as unknown as InternalCell;
  internal._comment = undefined;
  delete internal._value.model.comment;
}

export function mergesOf(sheet: Worksheet): MergeRange[] {
  return Object.values((sheet as unknown as InternalSheet)._merges);
}

export function orderOf(sheet: Worksheet): number {
  return (sheet as unknown as InternalSheet).orderNo;
}

export function setOrder(sheet: Worksheet, orderNo: number): void {
  (sheet as unknown as InternalSheet).orderNo = orderNo;
}

/**
 * The sheet's validations keyed by address. exceljs keeps a range key ("B2:B500") as given but expands
 * every range it loads from a file into one key per cell.
 */
export function validationsOf(sheet: Worksheet): Record<string, DataValidation | undefined> {
  return (sheet as unknown as InternalSheet).dataValidations.model;
}
