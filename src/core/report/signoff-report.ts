/**
 * The "การรับรอง" sheet: the memo chain Thai offices use when a report goes up (ผู้จัดทำ → หัวหน้าสำนักปลัด
 * → รองปลัด → ปลัด → นายก), each with ความเห็น, ชื่อ, ตำแหน่ง, วันที่ and a column to sign on paper. Above
 * it, a heading block the add-in keeps up to date: the data fingerprint, the status cell, a caution and
 * the attached reports. The layout is fixed (SIGNOFF_LAYOUT) so later runs rewrite the heading block
 * only, never a row below it: what supervisors typed is never overwritten.
 */
import { isBlank, type CellValue } from '../cells';
import { shortPrint } from '../fingerprint';
import { GENERATED_SHEETS } from '../schema';
import type { OutCell } from '../sheet-model';
import { SheetBuilder, type GeneratedSheetModel } from './builder';
import type { Settings } from '../inputs';
import { formatThaiDateTime, organisationLine, type PreparerSettings } from './format';
import { fingerprintLine, STATUS_COLORS, type DataStamp } from './provenance';

export interface AttachedReport {
  /** The report's sheet name. */
  name: string;
  /** The input sheets it was made from. */
  sheets: readonly string[];
  /** Its data fingerprint (full). */
  fingerprint: string;
  /** When it was made (ISO instant). */
  generatedAt: string;
}

export interface SignOffInput {
  settings: PreparerSettings & Pick<Settings, 'orgType'>;
  now: Date;
  timeZone: string;
  /** The union of the attached reports' data. */
  stamp?: DataStamp;
  /** Status banner and whether it is the stale one. */
  status: { text: string; stale: boolean };
  caution: string;
  attached: readonly AttachedReport[];
}

/** Rows of the fixed layout (1-based). The heading block is fingerprint … lastSlot. */
export const SIGNOFF_LAYOUT = {
  title: 1,
  fingerprint: 4,
  status: 5,
  caution: 6,
  attachedTitle: 8,
  attachedHeader: 9,
  firstSlot: 10,
  slots: 10,
  lastSlot: 19,
  entriesHeader: 22,
  firstEntry: 23,
  lastEntry: 27,
  /** Columns of the heading block rewritten on refresh (the attached table's width). */
  headingCols: 5,
} as const;

export const SIGNOFF_TEXT = {
  title: 'บันทึกการเสนอและรับรองรายงาน ITA และแผนปฏิบัติการป้องกันการทุจริต',
  attachedTitle: 'รายงานที่แนบ',
  attachedHeaders: ['ลำดับ', 'รายงาน (ชีต)', 'จัดทำจากข้อมูลในชีต', 'ลายนิ้วมือข้อมูล', 'จัดทำเมื่อ'],
  entriesTitle: 'ความเห็นและการรับรองตามลำดับการเสนอ',
  entriesHeaders: ['ลำดับ', 'ผู้เสนอ/ผู้ลงความเห็น', 'ความเห็น', 'ชื่อ', 'ตำแหน่ง', 'วันที่', 'ลายมือชื่อ'],
  noReports: 'ยังไม่มีรายงานที่แนบ เลือกเมนู ITA Sheets › เตรียมส่งผู้บังคับบัญชา',
  preparerOpinion: 'จัดทำรายงานตามรายการที่แนบ เสนอเพื่อโปรดพิจารณา',
} as const;

/** Column of each entry field (1-based). */
export const ENTRY_COLS = { role: 2, opinion: 3, name: 4, position: 5, date: 6, signature: 7 } as const;

const WIDTHS = [55, 190, 340, 190, 210, 110, 170];

/** The chain, with the titles each kind of local government uses. */
export function signOffRoles(orgType: string): string[] {
  const kind = orgType.trim();
  const of = kind.startsWith('เทศบาล')
    ? 'เทศบาล'
    : kind === 'องค์การบริหารส่วนตำบล'
      ? ' อบต.'
      : kind === 'องค์การบริหารส่วนจังหวัด'
        ? ' อบจ.'
        : kind === 'เมืองพัทยา'
          ? 'เมืองพัทยา'
          : '';
  const mayor = kind.startsWith('เทศบาล') ? 'นายกเทศมนตรี' : `นายก${of}`;
  return ['ผู้จัดทำ', 'หัวหน้าสำนักปลัด', `รองปลัด${of}`, `ปลัด${of}`, mayor];
}

function slotRows(attached: readonly AttachedReport[], timeZone: string): OutCell[][] {
  const { slots } = SIGNOFF_LAYOUT;
  const shown = attached.length > slots ? attached.slice(0, slots - 1) : attached;
  const rows: OutCell[][] = shown.map((r, i) => [
    i + 1,
    r.name,
    r.sheets.join(', '),
    shortPrint(r.fingerprint),
    formatThaiDateTime(new Date(r.generatedAt), timeZone),
  ]);
  if (attached.length > slots) rows.push([null, `และรายงานอื่นอีก ${attached.length - shown.length} รายงาน`]);
  if (!attached.length) rows.push([null, SIGNOFF_TEXT.noReports]);
  while (rows.length < slots) rows.push([]);
  return rows;
}

export function buildSignOffSheet(input: SignOffInput): GeneratedSheetModel {
  const L = SIGNOFF_LAYOUT;
  const span = WIDTHS.length;
  const builder = new SheetBuilder(GENERATED_SHEETS.signOff, span)
    .title(SIGNOFF_TEXT.title)
    .line(organisationLine(input.settings))
    .signature(
      `สร้างเมื่อ ${formatThaiDateTime(input.now, input.timeZone)}`,
      '(สร้างครั้งเดียว ต่อจากนี้ปรับปรุงเฉพาะสถานะและรายการรายงานที่แนบ ไม่เขียนทับความเห็น ชื่อ ตำแหน่ง และวันที่ที่กรอกไว้)',
    )
    .muted(fingerprintLine(input.stamp))
    .status(input.status.text, {
      background: input.status.stale ? STATUS_COLORS.stale : STATUS_COLORS.fresh,
    });
  // The caution row is styled even when empty, so a later caution shows in red.
  if (input.caution) builder.line(input.caution, { bold: true, fontColor: '#990000' });
  else builder.blank();
  builder.style({ row: L.caution, col: 1, rows: 1, cols: span }, { bold: true, fontColor: '#990000' });
  builder
    .blank()
    .subtitle(
      `${SIGNOFF_TEXT.attachedTitle} (ปรับปรุงรายการเมื่อ ${formatThaiDateTime(input.now, input.timeZone)})`,
    );
  builder.table({
    columns: SIGNOFF_TEXT.attachedHeaders.map((header, i) => ({
      header,
      wrap: i === 1 || i === 2,
      align: i === 0 || i === 3 ? ('center' as const) : undefined,
    })),
    rows: slotRows(input.attached, input.timeZone),
  });
  builder.blank().subtitle(SIGNOFF_TEXT.entriesTitle);
  const roles = signOffRoles(input.settings.orgType);
  const entries = builder.table({
    columns: SIGNOFF_TEXT.entriesHeaders.map((header, i) => ({
      header,
      width: WIDTHS[i],
      wrap: i > 0,
      align: i === 0 ? ('center' as const) : undefined,
    })),
    rows: roles.map((role, i) =>
      i === 0
        ? [
            1,
            role,
            SIGNOFF_TEXT.preparerOpinion,
            input.settings.preparerName || null,
            input.settings.preparerPosition || null,
          ]
        : [i + 1, role],
    ),
  });
  // The role names lead each row, as on a memo.
  builder.style(
    { row: entries.firstDataRow, col: ENTRY_COLS.role, rows: roles.length, cols: 1 },
    { bold: true },
  );
  builder
    .blank()
    .muted(
      'วิธีใช้: ผู้บังคับบัญชาแต่ละลำดับกรอกความเห็น ชื่อ ตำแหน่ง และวันที่ในแถวของตน (หรือพิมพ์ชีตนี้แล้วลงลายมือชื่อ) ' +
        'ถ้าแถวบนสุดแสดง ⚠ แปลว่าข้อมูลเปลี่ยนไปหลังจัดทำรายงาน ควรให้ผู้จัดทำจัดทำรายงานใหม่ก่อนลงความเห็น',
    )
    .columnWidths(WIDTHS);
  // Not protected: supervisors type in it (the heading is ours, but protecting only part of a sheet
  // would need a range protection the port does not have, and a warning on every entry would teach
  // people to click through warnings).
  const model = builder.build({ protect: false });
  if (entries.headerRow !== L.entriesHeader || model.status?.row !== L.status)
    throw new Error('sign-off layout drifted from SIGNOFF_LAYOUT'); // a code change, caught by tests
  return model;
}

/**
 * The heading block's values (rows fingerprint … lastSlot, headingCols wide) exactly as a fresh sheet
 * would hold them: a refresh writes these and nothing else.
 */
export function signOffHeadingRows(model: GeneratedSheetModel): OutCell[][] {
  const L = SIGNOFF_LAYOUT;
  return model.rows
    .slice(L.fingerprint - 1, L.lastSlot)
    .map((row) => Array.from({ length: L.headingCols }, (_, c) => row[c] ?? null));
}

function textAt(values: readonly (readonly CellValue[])[], row: number, col: number): string {
  const v = values[row - 1]?.[col - 1];
  return isBlank(v) ? '' : String(v);
}

/**
 * True when the sheet still has the layout we made (nobody inserted or deleted rows above the entries):
 * only then is writing the heading block safe.
 */
export function signOffLayoutMatches(values: readonly (readonly CellValue[])[]): boolean {
  const L = SIGNOFF_LAYOUT;
  return (
    textAt(values, L.title, 1) === SIGNOFF_TEXT.title &&
    textAt(values, L.attachedHeader, 2) === SIGNOFF_TEXT.attachedHeaders[1] &&
    textAt(values, L.entriesHeader, 2) === SIGNOFF_TEXT.entriesHeaders[1] &&
    textAt(values, L.entriesHeader, ENTRY_COLS.opinion) === SIGNOFF_TEXT.entriesHeaders[2]
  );
}

/** True when anyone above the preparer has written in their row. */
export function supervisorsWrote(values: readonly (readonly CellValue[])[]): boolean {
  const L = SIGNOFF_LAYOUT;
  for (let row = L.firstEntry + 1; row <= L.lastEntry; row++) {
    for (let col = ENTRY_COLS.opinion; col <= ENTRY_COLS.signature; col++)
      if (textAt(values, row, col)) return true;
  }
  return false;
}

export function cautionText(now: Date, timeZone: string): string {
  return (
    `หมายเหตุ: รายงานที่แนบถูกจัดทำใหม่เมื่อ ${formatThaiDateTime(now, timeZone)} หลังจากมีผู้ลงความเห็นในชีตนี้แล้ว ` +
    'ความเห็นที่กรอกไว้ก่อนหน้านั้นอาจอ้างถึงข้อมูลชุดก่อน โปรดตรวจทานอีกครั้ง'
  );
}
