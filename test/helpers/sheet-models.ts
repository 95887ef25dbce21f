/** Generated-sheet models for adapter tests: every field at a plain value, the test's own fields over them. */
import type { SheetModel } from '../../src/core/sheet-model';

export function sheetModel(over: Partial<SheetModel> & Pick<SheetModel, 'name' | 'rows'>): SheetModel {
  return {
    styles: [],
    merges: [],
    columnWidths: [],
    frozenRows: 0,
    fontFamily: 'Sarabun',
    charts: [],
    print: { orientation: 'landscape', fitToWidth: true },
    protect: false,
    hidden: false,
    borders: [],
    ...over,
  };
}
