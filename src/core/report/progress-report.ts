/**
 * The "สรุปความก้าวหน้า {6|12} เดือน {ปี}" sheet a supervisor reads and prints: heading, overall counts,
 * by dimension, budgets, by responsible unit, every item in the columns Thai organisations publish
 * (มาตรการ/โครงการ, วิธีการ, ผู้รับผิดชอบ, ระยะเวลา, ผลการดำเนินงาน), the overdue list, what could not be
 * counted, and two charts.
 */
import { MARK_STYLE } from '../marks';
import type { UnreadableEntry } from '../overdue';
import {
  MEASURES_GROUP,
  PROGRESS_STATUSES,
  roundLabel,
  type Counts,
  type DimensionSummary,
  type ProgressItem,
  type ProgressSummary,
} from '../progress';
import type { OutCell, SheetModel } from '../sheet-model';
import { formatThaiDate } from '../thai/dates';
import { COLORS, FORMATS, SheetBuilder, type TableColumn } from './builder';
import { formatThaiDateTime, organisationLine, type PreparerSettings } from './format';
import { addProvenance, type DataStamp } from './provenance';
import { bahtWithWords } from '../thai/bahttext';
import { rowLink } from './overdue-report';

export interface ProgressReportInput {
  summary: ProgressSummary;
  settings: PreparerSettings;
  now: Date;
  timeZone: string;
  existingSheets: ReadonlySet<string>;
  /** The data's fingerprint for the heading (the command's snapshots). */
  stamp?: DataStamp;
}

/** Where the report's tables sit, for tests and charts. */
export const PROGRESS_TITLES = {
  overall: '1. ภาพรวมผลการดำเนินงาน',
  dimensions: '2. ผลการดำเนินงานรายมิติ',
  budget: '3. งบประมาณตามแผนและการเบิกจ่ายรายมิติ',
  units: '4. ผลการดำเนินงานรายหน่วยงานที่รับผิดชอบ',
  items: '5. รายละเอียดผลการดำเนินงานรายมาตรการ/โครงการ',
  overdue: '6. รายการที่เลยกำหนด',
  unreadable: '7. รายการที่อ่านระยะเวลาไม่ได้หรือไม่ได้นับ',
  charts: '8. แผนภูมิ',
} as const;

/** Labels of the totals stated in words under the budget table. */
export const PROGRESS_WORDS = {
  planned: 'งบประมาณตามแผนรวม',
  disbursed: 'เบิกจ่ายแล้วรวม',
} as const;

// Items table, in the order Thai organisations publish; no spans (each merge is one Sheets call).
const ITEM_COLUMNS: TableColumn[] = [
  { header: 'ลำดับ', width: 45, align: 'center' },
  { header: 'มาตรการ/โครงการ', width: 300, wrap: true },
  { header: 'วิธีการ', width: 220, wrap: true },
  { header: 'ผู้รับผิดชอบ', width: 150, wrap: true },
  { header: 'ระยะเวลา', width: 150, wrap: true },
  { header: 'ผลการดำเนินงาน', width: 240, wrap: true },
  { header: 'สถานะ', width: 130, wrap: true },
  { header: 'ร้อยละความก้าวหน้า', width: 75, align: 'center', numberFormat: FORMATS.integer },
  { header: 'ปัญหา/อุปสรรค/ข้อเสนอแนะ', width: 200, wrap: true },
  { header: 'งบประมาณตามแผน (บาท)', width: 105, numberFormat: FORMATS.baht2 },
  { header: 'เบิกจ่ายแล้ว (บาท)', width: 105, numberFormat: FORMATS.baht2 },
  { header: 'แถวในชีต (คลิกเพื่อไปยังแถว)', width: 120, wrap: true },
];
const SPAN = ITEM_COLUMNS.length;

const STATUS_HEADERS: TableColumn[] = PROGRESS_STATUSES.map((s) => ({
  header: s.label,
  align: 'center',
  wrap: true,
}));

function countCells(c: Counts): OutCell[] {
  return PROGRESS_STATUSES.map((s) => c[s.key]);
}

function orDash(value: number | null): OutCell {
  return value === null ? '-' : value;
}

function groupTitle(d: DimensionSummary): string {
  return d.key === MEASURES_GROUP || d.code === '-' ? d.name : `มิติที่ ${d.code} ${d.name}`;
}

function itemRow(n: number, item: ProgressItem, existing: ReadonlySet<string>): OutCell[] {
  const deadline = item.deadline ? `กำหนดแล้วเสร็จ ${formatThaiDate(item.deadline, { style: 'short' })}` : '';
  const period = item.period && deadline ? `${item.period}\n${deadline}` : item.period || deadline || '-';
  const status =
    item.daysLate === null ? item.statusText : `${item.statusText}\n(เลยกำหนด ${item.daysLate} วัน)`;
  const name = item.code ? `${item.code} ${item.name}` : item.name;
  return [
    n,
    name || '-',
    item.method || '-',
    item.responsible,
    period,
    item.result || '-',
    status,
    orDash(item.percent),
    item.problems || '-',
    item.source === 'measure' ? '-' : orDash(item.planned),
    item.source === 'measure' ? '-' : orDash(item.disbursed),
    rowLink(item, existing),
  ];
}

function unreadableRows(
  entries: readonly UnreadableEntry[],
  effect: string,
  start: number,
  existing: ReadonlySet<string>,
): OutCell[][] {
  return entries.map((entry, i) => {
    const { item } = entry;
    const text = entry.cell ? `${item.sheet}!${entry.cell}` : `${item.sheet} แถว ${item.row}`;
    const link: OutCell =
      existing.has(item.sheet) && entry.col > 0
        ? { kind: 'link', text, sheet: item.sheet, row: item.row, col: entry.col }
        : text;
    const name = item.code ? `${item.code} ${item.name}` : item.name;
    return [start + i, name || '-', entry.reason, effect, link];
  });
}

export function buildProgressReport(input: ProgressReportInput): SheetModel {
  const { summary: s, existingSheets: existing } = input;
  const round = roundLabel(s.round);
  const builder = new SheetBuilder(s.sheetName, SPAN)
    .title('สรุปผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริตและมาตรการส่งเสริมคุณธรรมและความโปร่งใส')
    .subtitle(`${round} ประจำปีงบประมาณ พ.ศ. ${s.fiscalYear}`)
    .line(organisationLine(input.settings))
    .line(`รอบการรายงาน: ${round} (${formatThaiDate(s.window.start)} – ${formatThaiDate(s.window.end)})`)
    .line(`ข้อมูล ณ วันที่ ${formatThaiDate(s.asOf)}`);
  addProvenance(builder, {
    prefix: `สร้างเมื่อ ${formatThaiDateTime(input.now, input.timeZone)}`,
    suffix: '(ชีตนี้สร้างใหม่ทุกครั้งที่สั่งสร้างรายงานรอบนี้ อย่าแก้ไขในชีตนี้ ให้แก้ที่ชีตข้อมูล)',
    stamp: input.stamp,
  })
    .line(
      `ดำเนินการแล้วเสร็จ ${s.counts.done} จาก ${s.counts.total} รายการ` +
        (s.percentDone === null ? '' : ` (ร้อยละ ${s.percentDone.toFixed(2)})`) +
        ` · เลยกำหนด ${s.counts.overdue} รายการ · ยังไม่รายงาน ${s.counts.notReported} รายการ`,
      { bold: true, background: s.counts.overdue ? MARK_STYLE.overdue.color : COLORS.ok },
    )
    .blank();

  builder.subtitle(PROGRESS_TITLES.overall);
  builder.table({
    columns: [
      { header: 'ลำดับ', align: 'center' },
      { header: 'สถานะ' },
      { header: 'จำนวน (รายการ)', align: 'center' },
      { header: 'ร้อยละของรายการทั้งหมด', align: 'center', numberFormat: FORMATS.score },
    ],
    rows: [
      ...PROGRESS_STATUSES.map((st, i) => [
        i + 1,
        st.label,
        s.counts[st.key],
        orDash(s.counts.total ? Math.round((s.counts[st.key] / s.counts.total) * 10000) / 100 : null),
      ]),
      ['', 'รวม', s.counts.total, s.counts.total ? 100 : '-'],
      ['', 'เลยกำหนด (ยังไม่แล้วเสร็จ)', s.counts.overdue, '-'],
    ],
    totalRows: [PROGRESS_STATUSES.length],
  });

  builder.blank().subtitle(PROGRESS_TITLES.dimensions);
  const dims = builder.table({
    columns: [
      { header: 'มิติที่', align: 'center' },
      { header: 'มิติ', wrap: true },
      ...STATUS_HEADERS,
      { header: 'รวม (รายการ)', align: 'center' },
      { header: 'เลยกำหนด', align: 'center' },
      { header: 'ร้อยละที่แล้วเสร็จ', align: 'center', numberFormat: FORMATS.score },
    ],
    rows: [
      ...s.byDimension.map((d) => [
        d.code,
        d.name,
        ...countCells(d),
        d.total,
        d.overdue,
        orDash(d.percentDone),
      ]),
      ['', 'รวม', ...countCells(s.counts), s.counts.total, s.counts.overdue, orDash(s.percentDone)],
    ],
    totalRows: [s.byDimension.length],
  });

  builder.blank().subtitle(PROGRESS_TITLES.budget);
  const budgetDims = s.byDimension.filter((d) => d.hasBudget);
  const planned = budgetDims.reduce((sum, d) => sum + d.planned, 0);
  const disbursed = budgetDims.reduce((sum, d) => sum + d.disbursed, 0);
  const share = (part: number, whole: number): OutCell =>
    whole > 0 ? Math.round((part / whole) * 10000) / 100 : '-';
  const budget = builder.table({
    columns: [
      { header: 'มิติที่', align: 'center' },
      { header: 'มิติ', wrap: true },
      { header: 'งบประมาณตามแผน (บาท)', numberFormat: FORMATS.baht2 },
      { header: 'เบิกจ่ายแล้ว (บาท)', numberFormat: FORMATS.baht2 },
      { header: 'ร้อยละการเบิกจ่าย', align: 'center', numberFormat: FORMATS.score },
    ],
    rows: [
      ...budgetDims.map((d) => [d.code, d.name, d.planned, d.disbursed, share(d.disbursed, d.planned)]),
      [
        '',
        'รวม',
        Math.round(planned * 100) / 100,
        Math.round(disbursed * 100) / 100,
        share(disbursed, planned),
      ],
    ],
    totalRows: [budgetDims.length],
  });
  for (const amount of s.unreadableAmounts) {
    builder.muted(
      `หมายเหตุ: อ่าน${amount.what}ของรายการ ${amount.code || '-'} ไม่ได้ (ชีต "${amount.sheet}" เซลล์ ${amount.cell}) จึงไม่ได้นำมารวม`,
    );
  }
  // Totals in words as official documents state them; the figures stay numbers in the table above.
  builder
    .blank()
    .line(`${PROGRESS_WORDS.planned}: ${bahtWithWords(planned)}`, { bold: true })
    .line(`${PROGRESS_WORDS.disbursed}: ${bahtWithWords(disbursed)}`, { bold: true });

  builder.blank().subtitle(PROGRESS_TITLES.units);
  builder.table({
    columns: [
      { header: 'ลำดับ', align: 'center' },
      { header: 'หน่วยงานที่รับผิดชอบ', wrap: true },
      ...STATUS_HEADERS,
      { header: 'รวม (รายการ)', align: 'center' },
      { header: 'เลยกำหนด', align: 'center' },
    ],
    rows: s.byUnit.map((u, i) => [i + 1, u.unit, ...countCells(u), u.total, u.overdue]),
    emptyText: 'ไม่มีรายการ',
  });
  builder.muted('รายการที่มีหลายหน่วยงานรับผิดชอบนับในทุกหน่วยงาน ผลรวมของตารางนี้จึงอาจมากกว่าจำนวนรายการทั้งหมด');

  builder.blank().subtitle(PROGRESS_TITLES.items);
  const rows: OutCell[][] = [];
  const groupRows: number[] = [];
  const backgrounds = new Map<number, string>();
  let n = 0;
  const byGroup = new Map<string, ProgressItem[]>(s.byDimension.map((d) => [d.key, []]));
  for (const item of s.items) byGroup.get(item.group)?.push(item);
  for (const d of s.byDimension) {
    const members = byGroup.get(d.key) ?? [];
    if (!members.length) continue;
    groupRows.push(rows.length);
    rows.push([`${groupTitle(d)} (${members.length} รายการ)`]);
    for (const item of members) {
      if (item.daysLate !== null) backgrounds.set(rows.length, MARK_STYLE.overdue.color);
      rows.push(itemRow(++n, item, existing));
    }
  }
  builder.table({
    columns: ITEM_COLUMNS,
    rows,
    groupRows,
    rowBackgrounds: backgrounds,
    emptyText: `ไม่มีรายการในปีงบประมาณ ${s.fiscalYear}`,
    handOver: true,
  });

  builder.blank().subtitle(PROGRESS_TITLES.overdue);
  builder.table({
    columns: [
      { header: 'ลำดับ', align: 'center' },
      { header: 'มาตรการ/โครงการ', wrap: true },
      { header: 'กำหนดแล้วเสร็จ', align: 'center' },
      { header: 'ผู้รับผิดชอบ', wrap: true },
      { header: 'แถวในชีต (คลิกเพื่อไปยังแถว)', wrap: true },
      { header: 'เลยกำหนด (วัน)', align: 'center', numberFormat: FORMATS.integer },
      { header: 'สถานะ', wrap: true },
    ],
    rows: s.overdue.map((o, i) => [
      i + 1,
      o.item.code ? `${o.item.code} ${o.item.name}` : o.item.name,
      formatThaiDate(o.deadline),
      o.item.responsible,
      rowLink(o.item, existing),
      o.daysLate,
      o.item.statusText || 'ยังไม่รายงาน',
    ]),
    rowBackgrounds: new Map(s.overdue.map((_, i) => [i, MARK_STYLE.overdue.color])),
    emptyText: `ไม่มีรายการที่เลยกำหนด ณ วันที่ ${formatThaiDate(s.asOf)}`,
  });

  builder.blank().subtitle(PROGRESS_TITLES.unreadable);
  const problems = [
    ...unreadableRows(s.unreadable, 'นับในรายงานแล้ว แต่ตรวจไม่ได้ว่าเลยกำหนดหรือไม่', 1, existing),
    ...unreadableRows(s.notCounted, 'ไม่ได้นับในรายงาน', s.unreadable.length + 1, existing),
  ];
  builder.table({
    columns: [
      { header: 'ลำดับ', align: 'center' },
      { header: 'มาตรการ/โครงการ', wrap: true },
      { header: 'เหตุผลและวิธีแก้ไข', wrap: true },
      { header: 'ผลต่อรายงาน', wrap: true },
      { header: 'เซลล์ (คลิกเพื่อไปยังเซลล์)', wrap: true },
    ],
    rows: problems,
    rowBackgrounds: new Map(problems.map((_, i) => [i, COLORS.warning])),
    emptyText: 'ไม่มี (อ่านปีและระยะเวลาได้ทุกรายการ)',
  });

  const signer = [input.settings.preparerName, input.settings.preparerPosition].filter(Boolean).join(' ');
  if (signer) builder.blank().line(`ผู้จัดทำรายงาน: ${signer}`);

  // Charts (Google Sheets only) over the dimension and budget tables, one under the other at the end.
  builder.blank().subtitle(PROGRESS_TITLES.charts);
  const chartRows = 17;
  const first = builder.nextRow;
  builder.chart({
    type: 'stackedBar',
    title: `สถานะการดำเนินงานรายมิติ ปีงบประมาณ ${s.fiscalYear}`,
    data: { row: dims.headerRow, col: 2, rows: 1 + s.byDimension.length, cols: 1 + PROGRESS_STATUSES.length },
    anchor: { row: first, col: 1 },
    width: 760,
    height: 330,
    xTitle: 'จำนวนรายการ',
  });
  builder.chart({
    type: 'column',
    title: `งบประมาณตามแผนและการเบิกจ่ายรายมิติ ปีงบประมาณ ${s.fiscalYear} (บาท)`,
    data: { row: budget.headerRow, col: 2, rows: 1 + budgetDims.length, cols: 3 },
    anchor: { row: first + chartRows, col: 1 },
    width: 760,
    height: 330,
    yTitle: 'บาท',
  });
  for (let i = 0; i < 2 * chartRows; i++) builder.blank();
  builder.columnWidths(ITEM_COLUMNS.map((c) => c.width ?? 100));
  return builder.build();
}
