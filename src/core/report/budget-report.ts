/**
 * The "งบประมาณรายมิติ" sheet: the plan's summary table (ส่วนที่ 2) as Thai plans print it, planned against
 * disbursed for the tracked year, the cells that could not be read, the items placed in a "ไม่ระบุ…"
 * bucket, and a stacked-column chart over a small data block. Every figure comes from the BudgetSummary
 * given; nothing is computed here but layout.
 */
import {
  planYearsText,
  typeLabel,
  UNMATCHED_LINE,
  type BudgetFigures,
  type BudgetSummary,
  type TrackedLine,
} from '../budget';
import { GENERATED_SHEETS } from '../schema';
import type { OutCell, SheetModel } from '../sheet-model';
import { COLORS, FORMATS, SheetBuilder, type TableColumn } from './builder';
import { formatThaiDateTime, organisationLine, type OrganisationSettings } from './format';
import { addProvenance, type DataStamp } from './provenance';
import { bahtWithWords } from '../thai/bahttext';

export interface BudgetReportInput {
  summary: BudgetSummary;
  settings: OrganisationSettings;
  now: Date;
  timeZone: string;
  /** Sheets that exist, so links are only made to cells that can be reached. */
  existingSheets: ReadonlySet<string>;
  /** The data's fingerprint for the heading (the command's snapshots). */
  stamp?: DataStamp;
}

/** Headings the sheet uses (tests and readers find the blocks by them). */
export const BUDGET_REPORT_TEXT = {
  title: 'งบประมาณรายมิติ',
  summaryTable: 'ส่วนที่ 2 บัญชีสรุปจำนวนโครงการ/มาตรการ/กิจกรรม และงบประมาณ จำแนกตามมิติและภารกิจตามมิติ',
  codeHeader: 'ที่',
  nameHeader: 'มิติ / ภารกิจตามมิติ',
  grandTotal: 'รวมทั้งสิ้น',
  dimensionTotal: (code: string | null) => (code === null ? 'รวมไม่ระบุมิติ' : `รวมมิติที่ ${code}`),
  trackedTable: (fy: number) => `ปีงบประมาณ พ.ศ. ${fy}: งบประมาณตามแผนเทียบกับการเบิกจ่าย (จากชีตติดตามผล)`,
  unreadableTable: 'ช่องที่อ่านจำนวนเงินไม่ได้ (ไม่ได้นับเป็น 0 ยอดที่เกี่ยวข้องจึงยังไม่ครบ)',
  issuesTable: 'รายการที่ต้องตรวจสอบ (ไม่ระบุประเภท มิติหรือภารกิจไม่พบในชีตอ้างอิง รหัสไม่ตรงกับแผน)',
  chartData: 'ข้อมูลแผนภูมิ: งบประมาณรายปีจำแนกตามมิติ (บาท)',
  inWords: 'จำนวนเงินงบประมาณตามแผนเป็นตัวอักษร',
  incompleteMark: '*',
} as const;

const TYPE_KEYS = ['project', 'measure', 'activity', 'unspecified'] as const;

function dimensionLabel(code: string | null, name: string): string {
  return code === null ? `${name} (มิติไม่พบในชีตอ้างอิงหรือไม่ได้กรอก)` : `มิติที่ ${code} ${name}`;
}

function incompleteNote(f: BudgetFigures): string {
  if (!f.incomplete) return '';
  return `* ยอดปี ${f.incompleteYears.join(', ')} ไม่ครบ: มีช่องงบประมาณที่อ่านไม่ได้ (ดูรายการด้านล่าง)`;
}

export function buildBudgetReport(input: BudgetReportInput): SheetModel {
  const { summary } = input;
  const years = summary.fiscalYears;
  const baht = summary.hasSatang ? FORMATS.baht2 : FORMATS.baht;
  // Still a number in the cell: the mark is part of the format, so sums and charts keep working.
  const incompleteFormat = `${baht}"${BUDGET_REPORT_TEXT.incompleteMark}"`;
  const incompleteStyle = { numberFormat: incompleteFormat, background: COLORS.warning };

  const columns: TableColumn[] = [
    { header: BUDGET_REPORT_TEXT.codeHeader, width: 50, align: 'center' },
    { header: BUDGET_REPORT_TEXT.nameHeader, width: 260, wrap: true },
    ...TYPE_KEYS.map((k) => ({
      header: k === 'unspecified' ? typeLabel(k) : `${typeLabel(k)} (รายการ)`,
      width: 60,
      numberFormat: FORMATS.integer,
      align: 'center' as const,
    })),
    { header: 'รวม (รายการ)', width: 60, numberFormat: FORMATS.integer, align: 'center' },
    { header: 'ไม่ใช้งบประมาณ (รายการ)', width: 70, numberFormat: FORMATS.integer, align: 'center' },
    ...years.map((y) => ({ header: `งบประมาณ พ.ศ. ${y} (บาท)`, width: 95, numberFormat: baht })),
    { header: `รวม ${years.length} ปี (บาท)`, width: 110, numberFormat: baht },
    { header: 'ร้อยละของงบประมาณรวม', width: 70, numberFormat: FORMATS.score, align: 'center' },
    { header: 'หมายเหตุ', width: 200, wrap: true },
  ];
  const firstYearCol = 2 + TYPE_KEYS.length + 2 + 1;
  const totalCol = firstYearCol + years.length;
  const shareCol = totalCol + 1;

  const builder = new SheetBuilder(GENERATED_SHEETS.budget, columns.length)
    .title(`${BUDGET_REPORT_TEXT.title} แผนปฏิบัติการป้องกันการทุจริต ${planYearsText(years)}`)
    .line(organisationLine(input.settings));
  addProvenance(builder, {
    prefix: `คำนวณเมื่อ ${formatThaiDateTime(input.now, input.timeZone)}`,
    suffix: `จากชีต "${summary.planSheet}" และ "${summary.trackingSheet}" (ชีตนี้สร้างใหม่ทุกครั้งที่คำนวณ อย่าแก้ไขในชีตนี้)`,
    stamp: input.stamp,
  });
  const grand = summary.grandTotal;
  const countsText = TYPE_KEYS.filter((k) => k !== 'unspecified' || grand.counts.unspecified)
    .map((k) => `${typeLabel(k)} ${grand.counts[k]}`)
    .join(' ');
  builder.line(
    `รวม ${grand.items} รายการ (${countsText}) งบประมาณรวม ${planYearsText(years)} ` +
      `${bahtWithWords(grand.total)}${grand.incomplete ? ' (ยังไม่ครบ)' : ''}`,
    { bold: true, background: grand.incomplete ? COLORS.warning : COLORS.ok },
  );
  if (summary.unreadable.length) {
    builder.line(
      `ยอดที่มีเครื่องหมาย * และพื้นสีส้มยังไม่ครบ: พบช่องที่อ่านจำนวนเงินไม่ได้ ${summary.unreadable.length} ช่อง ` +
        'ซึ่งไม่ได้นับเป็น 0 ให้แก้ตามรายการ "ช่องที่อ่านจำนวนเงินไม่ได้" ด้านล่าง แล้วคำนวณใหม่',
      { background: COLORS.warning },
    );
  }
  if (summary.issues.length) {
    builder.line(
      `มี ${summary.issues.length} รายการที่ต้องตรวจสอบ (ไม่ระบุประเภท มิติ/ภารกิจไม่พบในชีตอ้างอิง หรือรหัสไม่ตรงกับแผน) ` +
        'รายการเหล่านี้ยังนับรวมในยอด ดูรายละเอียดด้านล่าง',
    );
  }
  if (summary.ignoredBudgetYears.length) {
    builder.muted(
      `คอลัมน์งบประมาณปี ${summary.ignoredBudgetYears.join(', ')} อยู่นอกปีของแผน (${planYearsText(years)} ตามชีตตั้งค่า) จึงไม่ได้นำมารวม`,
    );
  }
  builder.blank().subtitle(BUDGET_REPORT_TEXT.summaryTable);

  // Summary table: per dimension a group row, its sub-missions, its subtotal; then the grand total.
  const rows: OutCell[][] = [];
  const groupRows: number[] = [];
  const totalRows: number[] = [];
  const marks: { index: number; figures: BudgetFigures; grand?: boolean }[] = [];
  const figureCells = (f: BudgetFigures): OutCell[] => [
    ...TYPE_KEYS.map((k) => f.counts[k]),
    f.items,
    f.withoutBudget,
    ...f.budget,
    f.total,
    f.share,
  ];
  for (const d of summary.dimensions) {
    groupRows.push(rows.length);
    rows.push([dimensionLabel(d.code, d.name)]);
    for (const s of d.subMissions) {
      const note = s.code === null ? 'รายการที่ภารกิจไม่พบในชีตอ้างอิงหรือไม่อยู่ในมิตินี้ ดู "รายการที่ต้องตรวจสอบ"' : '';
      marks.push({ index: rows.length, figures: s });
      rows.push([
        s.code ?? '-',
        s.name,
        ...figureCells(s),
        [note, incompleteNote(s)].filter(Boolean).join(' '),
      ]);
    }
    totalRows.push(rows.length);
    marks.push({ index: rows.length, figures: d });
    rows.push(['', BUDGET_REPORT_TEXT.dimensionTotal(d.code), ...figureCells(d), incompleteNote(d)]);
  }
  totalRows.push(rows.length);
  marks.push({ index: rows.length, figures: grand, grand: true });
  rows.push(['', BUDGET_REPORT_TEXT.grandTotal, ...figureCells(grand), incompleteNote(grand)]);

  builder.freezeNextHeader();
  const main = builder.table({ columns, rows, groupRows, totalRows, handOver: true });
  for (const { index, figures, grand: isGrand } of marks) {
    const row = main.firstDataRow + index;
    figures.incompleteYears.forEach((year) => {
      builder.style({ row, col: firstYearCol + years.indexOf(year), rows: 1, cols: 1 }, incompleteStyle);
    });
    if (figures.incomplete) {
      builder.style({ row, col: totalCol, rows: 1, cols: 1 }, incompleteStyle);
      // The share of an incomplete total is itself uncertain (the grand total's 100% is not).
      if (!isGrand)
        builder.style(
          { row, col: shareCol, rows: 1, cols: 1 },
          { ...incompleteStyle, numberFormat: `${FORMATS.score}"*"` },
        );
    }
  }

  // Official documents state totals in words too; the figures stay numbers in the table above.
  const notComplete = ' (ยอดยังไม่ครบ มีช่องที่อ่านจำนวนเงินไม่ได้)';
  builder.blank().subtitle(BUDGET_REPORT_TEXT.inWords);
  years.forEach((year, i) => {
    const incomplete = grand.incompleteYears.includes(year) ? notComplete : '';
    builder.line(`ปีงบประมาณ พ.ศ. ${year}: ${bahtWithWords(grand.budget[i])}${incomplete}`);
  });
  builder.line(
    `${BUDGET_REPORT_TEXT.grandTotal} ${planYearsText(years)}: ${bahtWithWords(grand.total)}${grand.incomplete ? notComplete : ''}`,
    { bold: true },
  );

  trackedSection(builder, summary, baht, incompleteStyle);
  unreadableSection(builder, summary, input.existingSheets);
  issuesSection(builder, summary, input.existingSheets);
  chartSection(builder, summary, baht, incompleteStyle);
  return builder.build();
}

function trackedSection(
  builder: SheetBuilder,
  summary: BudgetSummary,
  baht: string,
  incompleteStyle: { numberFormat: string; background: string },
): void {
  const tracked = summary.trackedYear;
  builder.blank();
  if (!tracked) {
    builder.subtitle('การเบิกจ่ายของปีงบประมาณที่ติดตาม');
    builder.line('ยังไม่ได้กรอก "ปีงบประมาณที่ติดตาม" ในชีตตั้งค่า จึงยังไม่แสดงการเบิกจ่าย', {
      background: COLORS.warning,
    });
    return;
  }
  builder.subtitle(BUDGET_REPORT_TEXT.trackedTable(tracked.fiscalYear));
  if (!tracked.inPlan) {
    builder.line(
      `ปีงบประมาณ ${tracked.fiscalYear} ไม่อยู่ในปีของแผน (${planYearsText(summary.fiscalYears)}) จึงไม่มีงบประมาณตามแผนของปีนี้`,
      { background: COLORS.warning },
    );
  }
  const lines: { line: TrackedLine; label: string }[] = tracked.dimensions.map((l) => ({
    line: l,
    label: l.code === null ? l.name : `มิติที่ ${l.code} ${l.name}`,
  }));
  const rows: OutCell[][] = lines.map(({ line, label }) => [
    line.code ?? '-',
    label,
    line.planned,
    line.disbursed,
    line.rate,
  ]);
  if (tracked.unmatched.rows) {
    rows.push([
      '-',
      `${UNMATCHED_LINE} (${tracked.unmatched.rows} แถว ดู "รายการที่ต้องตรวจสอบ")`,
      null,
      tracked.unmatched.disbursed,
      null,
    ]);
  }
  const totalIndex = rows.length;
  rows.push([
    '',
    BUDGET_REPORT_TEXT.grandTotal,
    tracked.total.planned,
    tracked.total.disbursed,
    tracked.total.rate,
  ]);
  const placed = builder.table({
    columns: [
      { header: 'ที่', align: 'center' },
      { header: 'มิติ', wrap: true },
      { header: 'งบประมาณตามแผน (บาท)', numberFormat: baht },
      { header: 'เบิกจ่ายแล้ว (บาท)', numberFormat: baht },
      { header: 'ร้อยละการเบิกจ่าย', numberFormat: FORMATS.score, align: 'center' },
    ],
    rows,
    totalRows: [totalIndex],
  });
  const flagged = [...lines.map((l) => l.line), ...(tracked.unmatched.rows ? [null] : []), tracked.total];
  flagged.forEach((line, index) => {
    if (!line) return;
    const row = placed.firstDataRow + index;
    if (line.plannedIncomplete) builder.style({ row, col: 3, rows: 1, cols: 1 }, incompleteStyle);
    if (line.disbursedIncomplete) builder.style({ row, col: 4, rows: 1, cols: 1 }, incompleteStyle);
    if (line.plannedIncomplete || line.disbursedIncomplete)
      builder.style({ row, col: 5, rows: 1, cols: 1 }, { numberFormat: `${FORMATS.score}"*"` });
  });
  builder.muted(
    'งบประมาณตามแผนมาจากชีตแผนปฏิบัติการ เบิกจ่ายแล้วมาจากแถวของปีนี้ในชีตติดตามผล จับคู่กับแผนด้วยรหัสรายการ ' +
      `แถวที่รหัสไม่ตรงกับแผนแสดงในบรรทัด "${UNMATCHED_LINE}" และรวมในยอดรวม ช่องเบิกจ่ายที่อ่านไม่ได้ไม่นับเป็น 0 ` +
      'แต่ทำให้ยอดมีเครื่องหมาย * (ยังไม่ครบ)',
  );
  if (tracked.undatedRows) {
    builder.line(
      `* มี ${tracked.undatedRows} แถวในชีตติดตามผลที่มีการเบิกจ่ายแต่ไม่ระบุปีงบประมาณ จึงไม่ได้นับ ยอดเบิกจ่ายรวมอาจไม่ครบ`,
      { background: COLORS.warning },
    );
  }
}

function linkOr(
  existing: ReadonlySet<string>,
  sheet: string,
  cell: string,
  row: number,
  col: number,
): OutCell {
  return existing.has(sheet) && col > 0 ? { kind: 'link', text: cell, sheet, row, col } : cell || '-';
}

function unreadableSection(
  builder: SheetBuilder,
  summary: BudgetSummary,
  existing: ReadonlySet<string>,
): void {
  builder.blank().subtitle(`${BUDGET_REPORT_TEXT.unreadableTable} (คลิกที่อยู่เซลล์เพื่อไปยังเซลล์นั้น)`);
  builder.table({
    columns: [
      { header: 'ลำดับ', align: 'center' },
      { header: 'สาเหตุและวิธีแก้ไข', wrap: true },
      { header: 'ชีต', wrap: true },
      { header: 'เซลล์', align: 'center' },
      { header: 'ค่าที่กรอก', wrap: true },
      { header: 'ปีงบประมาณ', align: 'center' },
      { header: 'รหัสรายการ', align: 'center' },
    ],
    rows: summary.unreadable.map((u, i) => [
      i + 1,
      u.reason,
      u.sheet,
      linkOr(existing, u.sheet, u.cell, u.row, u.col),
      u.value,
      u.year === null ? '-' : String(u.year),
      u.code || '-',
    ]),
    rowBackgrounds: new Map(summary.unreadable.map((_, i) => [i, COLORS.warning])),
    emptyText: 'ไม่มี อ่านจำนวนเงินได้ทุกช่อง',
  });
}

function issuesSection(builder: SheetBuilder, summary: BudgetSummary, existing: ReadonlySet<string>): void {
  builder.blank().subtitle(BUDGET_REPORT_TEXT.issuesTable);
  builder.table({
    columns: [
      { header: 'ลำดับ', align: 'center' },
      { header: 'สิ่งที่พบและวิธีแก้ไข', wrap: true },
      { header: 'ชีต', wrap: true },
      { header: 'เซลล์', align: 'center' },
      { header: 'ค่าที่กรอก', wrap: true },
      { header: 'รหัสรายการ', align: 'center' },
    ],
    rows: summary.issues.map((issue, i) => [
      i + 1,
      issue.message,
      issue.sheet,
      linkOr(existing, issue.sheet, issue.cell, issue.row, issue.col),
      issue.value || '(ว่าง)',
      issue.code || '-',
    ]),
    emptyText: 'ไม่มี ทุกรายการระบุประเภท มิติ และภารกิจตรงกับชีตอ้างอิง',
  });
}

function chartSection(
  builder: SheetBuilder,
  summary: BudgetSummary,
  baht: string,
  incompleteStyle: { numberFormat: string; background: string },
): void {
  const years = summary.fiscalYears;
  const dims = summary.dimensions;
  builder.blank().subtitle(BUDGET_REPORT_TEXT.chartData);
  const placed = builder.table({
    columns: [
      // Years as text: the chart's categories, never a series of numbers.
      { header: 'ปีงบประมาณ', align: 'center' },
      ...dims.map((d) => ({
        header: d.code === null ? d.name : `มิติที่ ${d.code}`,
        numberFormat: baht,
      })),
    ],
    rows: years.map((y, i) => [String(y), ...dims.map((d) => d.budget[i])]),
  });
  years.forEach((year, i) => {
    dims.forEach((d, j) => {
      if (d.incompleteYears.includes(year))
        builder.style({ row: placed.firstDataRow + i, col: 2 + j, rows: 1, cols: 1 }, incompleteStyle);
    });
  });
  builder.chart({
    type: 'stackedColumn',
    title: `งบประมาณรายปีจำแนกตามมิติ ${planYearsText(years)} (บาท)`,
    data: placed.range,
    anchor: { row: placed.range.row + placed.range.rows + 1, col: 2 },
    width: 760,
    height: 380,
    xTitle: 'ปีงบประมาณ (พ.ศ.)',
    yTitle: 'งบประมาณ (บาท)',
  });
}
