/**
 * Builds generated sheets top to bottom: title, info lines, tables. Keeps every report's look the same
 * (Sarabun, header colours, borders, A4 landscape) and its model plain data.
 */
import type { RangeRef } from '../cells';
import { THAI_FONT } from '../schema';
import type { CellStyle, ChartSpec, HAlign, OutCell, SheetModel } from '../sheet-model';

export const COLORS = {
  title: '#0b5394',
  header: '#cfe2f3',
  group: '#f3f3f3',
  total: '#fff2cc',
  error: '#f4cccc',
  warning: '#fce5cd',
  ok: '#d9ead3',
  muted: '#666666',
} as const;

/** Every generated sheet carries this in a heading line: how an older workbook's sheets are recognised. */
export const SIGNATURE_TEXT = 'สร้างโดย ITA Sheets';

/** A generated sheet, with the cell the stale check writes its banner into. */
export interface GeneratedSheetModel extends SheetModel {
  /** The status row, styled across `cols` columns from column 1. */
  status?: { row: number; col: number; cols: number };
}

export const FORMATS = {
  baht: '#,##0',
  baht2: '#,##0.00',
  score: '0.00',
  percent1: '0.0',
  integer: '0',
} as const;

export interface TableColumn {
  header: string;
  /** Sheet columns this column covers (merged per row; for short tables only, merges cost calls). */
  span?: number;
  width?: number;
  numberFormat?: string;
  align?: HAlign;
  wrap?: boolean;
}

export interface TableOptions {
  columns: readonly TableColumn[];
  rows: readonly OutCell[][];
  /** Row indexes (into rows) drawn as group headings: bold on grey, merged across. */
  groupRows?: readonly number[];
  /** Row indexes drawn as totals: bold on yellow. */
  totalRows?: readonly number[];
  /** Per-row background (e.g. severity colour), by row index. */
  rowBackgrounds?: ReadonlyMap<number, string>;
  /** Message shown in place of the rows when there are none. */
  emptyText?: string;
  /**
   * The rows are the builder's from now on (made for this table, never changed after): a full row
   * without spans goes into the sheet as it is, not copied (report tables of 100,000 rows).
   */
  handOver?: boolean;
}

export interface PlacedTable {
  /** The header row and the data rows, 1-based. */
  range: RangeRef;
  headerRow: number;
  firstDataRow: number;
}

export class SheetBuilder {
  private readonly rows: OutCell[][] = [];
  private readonly styles: { range: RangeRef; style: CellStyle }[] = [];
  private readonly merges: RangeRef[] = [];
  private readonly borders: RangeRef[] = [];
  private readonly charts: ChartSpec[] = [];
  private readonly widths: number[] = [];
  private frozenRows = 0;
  private statusCell: { row: number; col: number; cols: number } | undefined;

  constructor(
    private readonly name: string,
    /** Columns that titles and notes span. */
    private readonly span: number,
  ) {}

  /** Next row to be written (1-based). */
  get nextRow(): number {
    return this.rows.length + 1;
  }

  private push(row: OutCell[]): number {
    this.rows.push(row);
    return this.rows.length;
  }

  style(range: RangeRef, style: CellStyle): void {
    this.styles.push({ range, style });
  }

  /**
   * A heading or note row: the text overflows into the empty cells to its right, styled across the
   * span. No merge: in Sheets each merge costs calls, and merged wrapped cells never grow taller.
   */
  private spanRow(text: OutCell, style: CellStyle): number {
    const row = this.push([text]);
    this.style({ row, col: 1, rows: 1, cols: this.span }, { ...style, wrap: false });
    return row;
  }

  title(text: string): this {
    this.spanRow(text, { bold: true, fontSize: 16, fontColor: COLORS.title, vAlign: 'middle' });
    return this;
  }

  subtitle(text: string): this {
    this.spanRow(text, { bold: true, fontSize: 12 });
    return this;
  }

  line(text: string, style: CellStyle = {}): this {
    this.spanRow(text, style);
    return this;
  }

  muted(text: string): this {
    return this.line(text, { italic: true, fontColor: COLORS.muted, fontSize: 9 });
  }

  /** The standard signature line: "{prefix} · สร้างโดย ITA Sheets {suffix}", muted. */
  signature(prefix: string, suffix = ''): this {
    return this.muted(`${prefix} · ${SIGNATURE_TEXT}${suffix ? ` ${suffix}` : ''}`);
  }

  /** The status row (one per sheet) whose text and colour the stale check replaces later. */
  status(text: string, style: CellStyle): this {
    const row = this.spanRow(text, { bold: true, ...style });
    this.statusCell = { row, col: 1, cols: this.span };
    return this;
  }

  blank(): this {
    this.push([]);
    return this;
  }

  /** "label: value" pairs, two cells each, on one row per pair. */
  keyValues(pairs: readonly [string, OutCell][], valueFormat?: string): this {
    for (const [label, value] of pairs) {
      const row = this.push([label, value]);
      this.style({ row, col: 1, rows: 1, cols: 1 }, { bold: true });
      if (valueFormat && typeof value === 'number')
        this.style({ row, col: 2, rows: 1, cols: 1 }, { numberFormat: valueFormat, hAlign: 'left' });
      if (this.span > 2) this.merges.push({ row, col: 2, rows: 1, cols: this.span - 1 });
    }
    return this;
  }

  /** The header row of the next table stays on screen while scrolling (first table only). */
  freezeNextHeader(): this {
    this.frozenRows = this.nextRow;
    return this;
  }

  table(options: TableOptions): PlacedTable {
    const { columns } = options;
    const starts: number[] = [];
    let cols = 0;
    for (const c of columns) {
      starts.push(cols + 1);
      cols += c.span ?? 1;
    }
    const spans = columns.some((c) => (c.span ?? 1) > 1);
    const spread = (cells: readonly OutCell[]): OutCell[] => {
      // Without spans a full row is its own layout: a copy, not a cell-by-cell placement (100,000s of rows).
      if (!spans && cells.length === cols) return options.handOver ? (cells as OutCell[]) : cells.slice();
      const row: OutCell[] = new Array<OutCell>(cols).fill(null);
      cells.forEach((cell, i) => (row[(starts[i] ?? i + 1) - 1] = cell));
      return row;
    };
    const mergeSpans = (row: number): void => {
      if (!spans) return;
      columns.forEach((c, i) => {
        if ((c.span ?? 1) > 1) this.merges.push({ row, col: starts[i], rows: 1, cols: c.span as number });
      });
    };
    const headerRow = this.push(spread(columns.map((c) => c.header)));
    mergeSpans(headerRow);
    this.style(
      { row: headerRow, col: 1, rows: 1, cols },
      { bold: true, background: COLORS.header, wrap: true, vAlign: 'middle', hAlign: 'center' },
    );
    columns.forEach((c, i) => {
      if (c.width && !c.span && (this.widths[starts[i] - 1] ?? 0) < c.width)
        this.widths[starts[i] - 1] = c.width;
    });
    const firstDataRow = headerRow + 1;
    if (!options.rows.length && options.emptyText) {
      const row = this.push([options.emptyText]);
      this.style({ row, col: 1, rows: 1, cols }, { italic: true, fontColor: COLORS.muted, wrap: false });
    }
    const groups = new Set(options.groupRows ?? []);
    options.rows.forEach((cells, index) => {
      if (groups.has(index)) this.push([...cells]);
      else mergeSpans(this.push(spread(cells)));
    });
    const dataRows = options.rows.length;
    if (dataRows) {
      columns.forEach((c, i) => {
        const style: CellStyle = { vAlign: 'top' };
        if (c.numberFormat) style.numberFormat = c.numberFormat;
        if (c.align) style.hAlign = c.align;
        if (c.wrap) style.wrap = true;
        this.style({ row: firstDataRow, col: starts[i], rows: dataRows, cols: c.span ?? 1 }, style);
      });
    }
    // forEach, not for…of: no [key, value] array per row (tables of 100,000 rows).
    options.rowBackgrounds?.forEach((background, index) => {
      this.style({ row: firstDataRow + index, col: 1, rows: 1, cols }, { background });
    });
    for (const index of groups) {
      const row = firstDataRow + index;
      this.style(
        { row, col: 1, rows: 1, cols },
        { bold: true, background: COLORS.group, hAlign: 'left', wrap: false },
      );
    }
    for (const index of options.totalRows ?? []) {
      this.style(
        { row: firstDataRow + index, col: 1, rows: 1, cols },
        { bold: true, background: COLORS.total },
      );
    }
    const height = 1 + Math.max(dataRows, options.emptyText && !dataRows ? 1 : 0);
    const range = { row: headerRow, col: 1, rows: height, cols };
    // Group rows get no inner borders, so their heading overflows across the row cleanly.
    let start = headerRow;
    for (let row = headerRow; row <= headerRow + height; row++) {
      const isGroup = groups.has(row - firstDataRow);
      if (isGroup || row === headerRow + height) {
        if (row > start) this.borders.push({ row: start, col: 1, rows: row - start, cols });
        start = row + 1;
      }
    }
    return { range, headerRow, firstDataRow };
  }

  chart(chart: ChartSpec): this {
    this.charts.push(chart);
    return this;
  }

  columnWidths(widths: readonly number[]): this {
    widths.forEach((w, i) => (this.widths[i] = w));
    return this;
  }

  build(
    options: { protect?: boolean; hidden?: boolean; tabColor?: string; repeatRows?: number } = {},
  ): GeneratedSheetModel {
    return {
      ...(this.statusCell ? { status: { ...this.statusCell } } : {}),
      name: this.name,
      rows: this.rows,
      styles: this.styles,
      merges: this.merges,
      columnWidths: Array.from({ length: this.widths.length }, (_, i) => this.widths[i] ?? 100),
      frozenRows: this.frozenRows,
      fontFamily: THAI_FONT,
      charts: this.charts,
      print: {
        orientation: 'landscape',
        fitToWidth: true,
        repeatRows: options.repeatRows ?? (this.frozenRows || undefined),
      },
      protect: options.protect ?? true,
      hidden: options.hidden ?? false,
      tabColor: options.tabColor,
      borders: this.borders,
    };
  }
}

/** A plain, unstyled data sheet (hidden state sheets). */
export function plainSheet(name: string, rows: OutCell[][], hidden = true): SheetModel {
  return {
    name,
    rows,
    styles: [],
    merges: [],
    columnWidths: [],
    frozenRows: 1,
    fontFamily: THAI_FONT,
    charts: [],
    print: { orientation: 'portrait', fitToWidth: false },
    protect: true,
    hidden,
    borders: [],
  };
}
