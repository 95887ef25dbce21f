/**
 * Generated cells (OutCell) and styles (CellStyle) as exceljs values and style objects. Style objects
 * are shared between cells on purpose: exceljs remembers the style id of each style object it has seen
 * while saving, so sharing keeps saves fast and files small.
 */
import type { Alignment, Borders, Cell, CellValue as ExcelValue, Fill, Font, Style } from 'exceljs';
import { a1, quoteSheetName } from '../../core/cells';
import { isDateCell, isFormulaCell, isLinkCell, type CellStyle, type OutCell } from '../../core/sheet-model';
import { hexToArgb } from './colors';

/** How dates are shown when no style sets a format (d/m/yyyy, as staff write them). */
export const DATE_FORMAT = 'd/m/yyyy';
const LINK_COLOR = 'FF1155CC';

/** What a cell needs from its style beyond the model's: a link look or a date format. */
export const Kind = { Plain: 0, Link: 1, Date: 2 } as const;
export type Kind = (typeof Kind)[keyof typeof Kind];

export function kindOf(cell: OutCell): Kind {
  if (isLinkCell(cell)) return Kind.Link;
  if (isDateCell(cell)) return Kind.Date;
  return Kind.Plain;
}

/**
 * The exceljs value of a generated cell. Strings stay strings (exceljs never parses "=1+1" or "+66");
 * links become internal hyperlinks; dates are UTC midnights, the calendar day exceljs reads back.
 */
export function excelValue(cell: OutCell): ExcelValue {
  if (cell === null || typeof cell === 'string' || typeof cell === 'boolean') return cell;
  if (typeof cell === 'number') {
    // NaN or Infinity would be written as text Excel cannot parse; show the error Excel itself would.
    return Number.isFinite(cell) ? cell : ({ error: '#NUM!' } as unknown as ExcelValue);
  }
  if (isLinkCell(cell)) {
    // exceljs only treats { text, hyperlink } as a link when the text is non-empty.
    if (!cell.text) return '';
    return { text: cell.text, hyperlink: internalLink(cell.sheet, cell.row, cell.col) };
  }
  if (isFormulaCell(cell)) {
    const formula = cell.formula.replace(/^=/, '');
    return formula ? { formula, date1904: false } : null;
  }
  const date = new Date(`${cell.iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? cell.iso : date;
}

/** exceljs's form of a link inside the workbook: "#'Sheet name'!A5". */
export function internalLink(sheet: string, row: number, col: number): string {
  return `#${quoteSheetName(sheet)}!${a1(row, col)}`;
}

export function solidFill(hex: string): Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: hexToArgb(hex) } };
}

const THIN_BORDERS: Partial<Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** The full exceljs style of a generated cell. */
export function excelStyle(
  style: CellStyle,
  fontFamily: string,
  border: boolean,
  kind: Kind,
): Partial<Style> {
  const result: Partial<Style> = { font: excelFont(style, fontFamily, kind) };
  if (style.background) result.fill = solidFill(style.background);
  const numFmt = style.numberFormat ?? (kind === Kind.Date ? DATE_FORMAT : undefined);
  if (numFmt) result.numFmt = numFmt;
  const alignment = excelAlignment(style);
  if (alignment) result.alignment = alignment;
  if (border) result.border = THIN_BORDERS;
  return result;
}

/** Only the alignment properties the style sets (so merging it over a cell's own keeps the rest). */
function excelAlignment(style: CellStyle): Partial<Alignment> | undefined {
  const alignment: Partial<Alignment> = {};
  if (style.hAlign) alignment.horizontal = style.hAlign;
  if (style.vAlign) alignment.vertical = style.vAlign;
  if (style.wrap !== undefined) alignment.wrapText = style.wrap;
  return Object.keys(alignment).length ? alignment : undefined;
}

export function excelFont(style: CellStyle, fontFamily: string, kind: Kind): Partial<Font> {
  const font: Partial<Font> = {};
  if (fontFamily) font.name = fontFamily;
  if (style.bold) font.bold = true;
  if (style.italic) font.italic = true;
  if (style.fontSize) font.size = style.fontSize;
  if (style.fontColor) font.color = { argb: hexToArgb(style.fontColor) };
  if (kind === Kind.Link) {
    font.underline = true;
    if (!style.fontColor) font.color = { argb: LINK_COLOR };
  }
  return font;
}

/**
 * Derives new style objects from existing ones, one per (old style, change): loaded cells share style
 * objects, so a cell's style is replaced, never mutated, and cells that shared a style share the result.
 */
export class StyleDeriver {
  private readonly cache = new Map<object, Map<string, Partial<Style>>>();

  derive(
    style: Partial<Style>,
    change: string,
    make: (style: Partial<Style>) => Partial<Style>,
  ): Partial<Style> {
    let byChange = this.cache.get(style);
    if (!byChange) {
      byChange = new Map();
      this.cache.set(style, byChange);
    }
    let next = byChange.get(change);
    if (!next) {
      next = make(style);
      byChange.set(change, next);
    }
    return next;
  }
}

/**
 * Writes a generated value into a cell of an input sheet, keeping the cell's own style; only a link's
 * look or a date's format is added (a date format only when the cell has none).
 */
export class ValueWriter {
  private readonly styles = new StyleDeriver();

  /** Whether any written value was a formula (the workbook then asks Excel to recalculate on open). */
  wroteFormula = false;

  write(cell: Cell, value: OutCell): void {
    const excel = excelValue(value);
    cell.value = excel;
    if (isFormulaValue(excel)) this.wroteFormula = true;
    const kind = kindOf(value);
    if (kind === Kind.Link) {
      cell.style = this.styles.derive(cell.style, 'link', (style) => ({
        ...style,
        font: linkFont(style.font),
      }));
    } else if (kind === Kind.Date && !isDateFormat(cell.style.numFmt)) {
      cell.style = this.styles.derive(cell.style, 'date', (style) => ({ ...style, numFmt: DATE_FORMAT }));
    }
  }
}

function linkFont(font: Partial<Font> | undefined): Partial<Font> {
  return { ...font, underline: true, color: { argb: LINK_COLOR } };
}

/** Same test exceljs applies when it decides a number is a date. */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  return /[ymdhMsb]/.test(numFmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

export function isFormulaValue(value: ExcelValue): boolean {
  return typeof value === 'object' && value !== null && 'formula' in value;
}
