/**
 * The "เลยกำหนด" sheet: counts, the overdue list (most days late first), the due-soon list, counts per
 * responsible unit, and the rows whose deadline cannot be worked out, each with a link to its row.
 */
import { MARK_STYLE } from '../marks';
import type { CellRef, DueSoonEntry, OverdueAnalysis, OverdueEntry, UnreadableEntry } from '../overdue';
import { GENERATED_SHEETS } from '../schema';
import type { OutCell, SheetModel } from '../sheet-model';
import { formatThaiDate } from '../thai/dates';
import { COLORS, FORMATS, SheetBuilder, type TableColumn } from './builder';
import { formatThaiDateTime, organisationLine, type OrganisationSettings } from './format';
import { addProvenance, type DataStamp } from './provenance';

export interface OverdueReportInput {
  analysis: OverdueAnalysis;
  settings: OrganisationSettings;
  now: Date;
  timeZone: string;
  /** Sheets that exist, so links are only made to rows that can be reached. */
  existingSheets: ReadonlySet<string>;
  /** The data's fingerprint for the heading (the command's snapshots). */
  stamp?: DataStamp;
}

export const NO_STATUS = 'ยังไม่ระบุสถานะ';

/** "ติดตามผล แถว 12" linking to the item's row, or plain text when the sheet is gone. */
export function rowLink(
  item: { sheet: string; row: number; cell: CellRef },
  existing: ReadonlySet<string>,
): OutCell {
  const text = `${item.sheet} แถว ${item.row}`;
  if (!existing.has(item.sheet) || item.cell.col < 1) return text;
  return { kind: 'link', text, sheet: item.sheet, row: item.cell.row, col: item.cell.col };
}

// No spans in tables whose length follows the data: each merge is one Sheets call.
function listColumns(daysHeader: string): TableColumn[] {
  return [
    { header: 'ลำดับ', width: 50, align: 'center' },
    { header: 'ชื่อรายการ', width: 340, wrap: true },
    { header: 'รหัส/ลำดับ', width: 75, align: 'center' },
    { header: 'แถวในชีต (คลิกเพื่อไปยังแถว)', width: 150, wrap: true },
    { header: 'หน่วยงานที่รับผิดชอบ', width: 280, wrap: true },
    { header: 'สถานะ', width: 150, wrap: true },
    { header: 'ปีงบประมาณ', width: 80, align: 'center', numberFormat: FORMATS.integer },
    { header: 'กำหนดแล้วเสร็จ', width: 130, align: 'center' },
    { header: daysHeader, width: 90, align: 'center', numberFormat: FORMATS.integer },
  ];
}
const SPAN = 9;

function listRow(
  n: number,
  entry: OverdueEntry | DueSoonEntry,
  days: number,
  existing: ReadonlySet<string>,
): OutCell[] {
  const { item } = entry;
  return [
    n,
    item.name || '-',
    item.code || '-',
    rowLink(item, existing),
    item.responsible,
    item.statusText || NO_STATUS,
    item.fiscalYear,
    formatThaiDate(entry.deadline),
    days,
  ];
}

function unreadableRow(n: number, entry: UnreadableEntry, existing: ReadonlySet<string>): OutCell[] {
  const { item } = entry;
  const text = entry.cell ? `${item.sheet}!${entry.cell}` : `${item.sheet} แถว ${item.row}`;
  const link: OutCell =
    existing.has(item.sheet) && entry.col > 0
      ? { kind: 'link', text, sheet: item.sheet, row: item.row, col: entry.col }
      : text;
  return [n, item.name || '-', item.code || '-', link, entry.reason];
}

export function buildOverdueReport(input: OverdueReportInput): SheetModel {
  const { analysis, existingSheets: existing } = input;
  const { overdue, dueSoon, unreadable } = analysis;
  const headline = `เลยกำหนด ${overdue.length} รายการ · ใกล้ครบกำหนด ${dueSoon.length} รายการ · อ่านระยะเวลาไม่ได้ ${unreadable.length} รายการ`;
  const builder = new SheetBuilder(GENERATED_SHEETS.overdue, SPAN)
    .title('มาตรการและรายการที่เลยกำหนด')
    .line(organisationLine(input.settings))
    .line(
      `ข้อมูล ณ วันที่ ${formatThaiDate(analysis.asOf)} · "ใกล้ครบกำหนด" = ครบกำหนดภายใน ${analysis.dueSoonDays} วัน · เลยกำหนดนับจากวันถัดจากวันครบกำหนด`,
    );
  addProvenance(builder, {
    prefix: `สร้างเมื่อ ${formatThaiDateTime(input.now, input.timeZone)}`,
    suffix: '(ชีตนี้สร้างใหม่ทุกครั้งที่ตรวจ อย่าแก้ไขในชีตนี้ ให้แก้ที่ชีตติดตามผลหรือมาตรการ ITA)',
    stamp: input.stamp,
  })
    .line(headline, {
      bold: true,
      background: overdue.length
        ? MARK_STYLE.overdue.color
        : dueSoon.length
          ? MARK_STYLE.dueSoon.color
          : COLORS.ok,
    })
    .blank();

  builder.subtitle('สรุปจำนวน');
  builder.table({
    columns: [
      { header: 'รายการ', span: 2 },
      { header: 'จำนวน', align: 'center' },
    ],
    rows: [
      ['เลยกำหนด (ยังไม่แล้วเสร็จ)', overdue.length],
      [`ใกล้ครบกำหนด (ภายใน ${analysis.dueSoonDays} วัน)`, dueSoon.length],
      ['อ่านระยะเวลาไม่ได้', unreadable.length],
      ['แล้วเสร็จหรือยกเลิก (ไม่นับว่าเลยกำหนด)', analysis.closed],
      ['รายการที่ตรวจทั้งหมด', analysis.checked],
    ],
    totalRows: [4],
  });

  builder.blank().subtitle('รายการที่เลยกำหนด (เรียงจากเลยกำหนดนานที่สุด)');
  builder.table({
    columns: listColumns('เลยกำหนด (วัน)'),
    rows: overdue.map((entry, i) => listRow(i + 1, entry, entry.daysLate, existing)),
    rowBackgrounds: new Map(overdue.map((_, i) => [i, MARK_STYLE.overdue.color])),
    emptyText: 'ไม่มีรายการที่เลยกำหนด',
    handOver: true,
  });

  builder.blank().subtitle(`รายการที่ใกล้ครบกำหนด (ภายใน ${analysis.dueSoonDays} วัน)`);
  builder.table({
    columns: listColumns('เหลือเวลา (วัน)'),
    rows: dueSoon.map((entry, i) => listRow(i + 1, entry, entry.daysLeft, existing)),
    rowBackgrounds: new Map(dueSoon.map((_, i) => [i, MARK_STYLE.dueSoon.color])),
    emptyText: 'ไม่มีรายการที่ใกล้ครบกำหนด',
    handOver: true,
  });

  builder.blank().subtitle('จำนวนรายการตามหน่วยงานที่รับผิดชอบ (รายการที่มีหลายหน่วยงานนับในทุกหน่วยงาน)');
  builder.table({
    columns: [
      { header: 'ลำดับ', align: 'center' },
      { header: 'หน่วยงานที่รับผิดชอบ', wrap: true },
      { header: 'เลยกำหนด', align: 'center' },
      { header: 'ใกล้ครบกำหนด', align: 'center' },
    ],
    rows: analysis.byUnit.map((u, i) => [i + 1, u.unit, u.overdue, u.dueSoon]),
    emptyText: 'ไม่มีรายการที่เลยกำหนดหรือใกล้ครบกำหนด',
  });

  builder.blank().subtitle('อ่านระยะเวลาไม่ได้ (ตรวจไม่ได้ว่าเลยกำหนดหรือไม่ กรุณาแก้ไขตามที่แนะนำ)');
  builder.table({
    columns: [
      { header: 'ลำดับ', align: 'center' },
      { header: 'ชื่อรายการ', wrap: true },
      { header: 'รหัส/ลำดับ', align: 'center' },
      { header: 'เซลล์ (คลิกเพื่อไปยังเซลล์)', wrap: true },
      { header: 'เหตุผลและวิธีแก้ไข', wrap: true },
    ],
    rows: unreadable.map((entry, i) => unreadableRow(i + 1, entry, existing)),
    rowBackgrounds: new Map(unreadable.map((_, i) => [i, COLORS.warning])),
    emptyText: 'ไม่มี (อ่านระยะเวลาได้ทุกรายการ)',
    handOver: true,
  });
  return builder.build();
}
