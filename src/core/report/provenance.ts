/**
 * The heading rows that tie a summary to its data: the signature line, the data fingerprint and the
 * status cell. The stale check later rewrites only the status cell, with the texts below.
 */
import { shortPrint } from '../fingerprint';
import { COLORS, type SheetBuilder } from './builder';

/** The data a summary was made from, as its heading shows it. */
export interface DataStamp {
  /** Combined fingerprint of the input sheets (full; the heading shows the first 8 digits). */
  fingerprint: string;
  /** The input sheets, by their names in the workbook. */
  sheets: readonly string[];
}

export const FRESH_TEXT = '✓ ข้อมูลตรงกับที่ใช้จัดทำรายงาน';
export const STALE_PREFIX = '⚠ ข้อมูลมีการเปลี่ยนแปลงหลังจัดทำรายงาน: ชีต ';
export const STALE_ADVICE = ' (ตัวเลขในรายงานอาจไม่ตรงกับข้อมูลปัจจุบัน ให้จัดทำรายงานใหม่)';
export const STATUS_COLORS = { fresh: COLORS.ok, stale: COLORS.warning } as const;

/** The banner for a summary whose listed input sheets changed (none: the fresh banner). */
export function statusText(changedSheets: readonly string[]): string {
  return changedSheets.length ? `${STALE_PREFIX}${changedSheets.join(', ')}${STALE_ADVICE}` : FRESH_TEXT;
}

/** The input sheets a stale banner names (empty for the fresh banner or text that is not ours). */
export function sheetsInStatus(text: string): string[] {
  if (!text.startsWith(STALE_PREFIX)) return [];
  const list = text.slice(STALE_PREFIX.length);
  const end = list.endsWith(STALE_ADVICE) ? list.length - STALE_ADVICE.length : list.length;
  return list.slice(0, end).split(', ');
}

export function fingerprintLine(stamp: DataStamp | undefined): string {
  if (!stamp) return 'ลายนิ้วมือข้อมูล: -';
  const from = stamp.sheets.length ? ` จากชีต ${stamp.sheets.join(', ')}` : '';
  return (
    `ลายนิ้วมือข้อมูล: ${shortPrint(stamp.fingerprint)}${from} ` +
    '(เมนู ITA Sheets › ตรวจสอบการเปลี่ยนแปลงข้อมูล ใช้ตรวจว่าข้อมูลเปลี่ยนหลังจัดทำรายงานหรือไม่)'
  );
}

/**
 * Signature, fingerprint and status rows, in that order. A summary is made from the data as it is now,
 * so its status starts fresh.
 */
export function addProvenance(
  builder: SheetBuilder,
  options: { prefix: string; suffix: string; stamp?: DataStamp },
): SheetBuilder {
  return builder
    .signature(options.prefix, options.suffix)
    .muted(fingerprintLine(options.stamp))
    .status(FRESH_TEXT, { background: STATUS_COLORS.fresh });
}
