/**
 * The "สรุป ITA" sheet: scores per year with the published figures checked, the warnings, the trend with
 * its chart, the gap to the target, the weakest indicators and which measures and plan items answer
 * each indicator below the target (with links to their rows).
 */
import { a1 } from '../cells';
import { numberList, round2, score2, type CellRef, type ItaSummary, type ItaYear } from '../ita';
import { GENERATED_SHEETS } from '../schema';
import type { LinkCell, OutCell, SheetModel } from '../sheet-model';
import { COLORS, FORMATS, SheetBuilder, type TableColumn } from './builder';
import { formatThaiDateTime, organisationLine, type OrganisationSettings } from './format';
import { addProvenance, type DataStamp } from './provenance';

export interface ItaReportInput {
  summary: ItaSummary;
  settings: OrganisationSettings;
  now: Date;
  timeZone: string;
  /** Sheets that exist, so links are only made to cells that can be reached. */
  existingSheets: ReadonlySet<string>;
  /** The scores sheet could not be found (the sheet then says what to do). */
  scoresSheetMissing?: boolean;
  /** The data's fingerprint for the heading (the command's snapshots). */
  stamp?: DataStamp;
}

export const NO_SUPPORT_TEXT = 'ไม่มีมาตรการรองรับ';
export const AGREES_TEXT = '✓';
const TREND_SOURCE = { computed: 'คำนวณ', published: 'ที่ประกาศ' } as const;
const SIGNED = '+0.00;-0.00;0.00';
/** Blank rows kept under the trend table for the chart (300 px at the default row height). */
const CHART_ROWS = 15;
export const SCORES_MISSING_TEXT =
  'ไม่พบชีต "คะแนน ITA" เลือกเมนู ITA Sheets › ตั้งค่า/ซ่อมแซมแม่แบบ เพื่อสร้างชีต แล้วกรอกคะแนนรายปี';

/**
 * One grid for every table: column B is the one wide text column (completeness, warnings, names), so no
 * table needs a merged span per row (each merge is a service call in Sheets).
 */
const WIDTHS = { narrow: 80, text: 330, score: 75, grade: 120, agrees: 170 };

/** "ครบ" or which indicators lack a score, for the per-year table. */
export function completenessText(year: ItaYear): string {
  if (year.problem) return year.problem;
  if (year.complete) return 'ครบทุกตัวชี้วัด';
  const unreadable = year.unreadable.length
    ? ` (อ่านคะแนนตัวชี้วัดที่ ${numberList(year.unreadable)} ไม่ได้ ดูเมนูตรวจสอบข้อมูล)`
    : '';
  return `ไม่ครบ ขาดตัวชี้วัดที่ ${numberList(year.missing)}${unreadable} จึงไม่คำนวณคะแนนรวม`;
}

/** "✓", what differs, or why nothing could be checked. */
export function agreementText(year: ItaYear): string {
  if (year.agrees === true) return AGREES_TEXT;
  if (year.agrees === false) return `ไม่ตรง: ${year.differences.join('; ')}`;
  if (year.published.total === null && year.published.grade === null) return 'ไม่มีผลที่ประกาศ';
  return year.complete ? '-' : 'ตรวจไม่ได้ (คะแนนไม่ครบ)';
}

function passesText(passes: boolean | null): string {
  return passes === null ? '-' : passes ? 'ผ่าน' : 'ไม่ผ่าน';
}

function orDash(n: number | null): OutCell {
  return n === null ? '-' : n;
}

export function buildItaReport(input: ItaReportInput): SheetModel {
  const { summary } = input;
  const { gap } = summary;
  const tools = summary.tools.length ? summary.tools : ['IIT', 'EIT', 'OIT'];
  const yearColumns: TableColumn[] = [
    { header: 'ปีประเมิน', width: WIDTHS.narrow, align: 'center' },
    { header: 'ความครบถ้วนของคะแนน', width: WIDTHS.text, wrap: true },
    ...tools.map((t) => ({
      header: t,
      width: WIDTHS.score,
      numberFormat: FORMATS.score,
      align: 'right' as const,
    })),
    { header: 'คะแนนรวม', width: WIDTHS.score, numberFormat: FORMATS.score, align: 'right' },
    { header: 'ผลการประเมิน', width: WIDTHS.grade, align: 'center' },
    { header: 'ผ่านเกณฑ์', width: WIDTHS.narrow, align: 'center' },
    { header: 'คะแนนรวมที่ประกาศ', width: WIDTHS.narrow, numberFormat: FORMATS.score, align: 'right' },
    { header: 'ผลที่ประกาศ', width: WIDTHS.narrow, align: 'center' },
    { header: 'ตรงกับที่ประกาศ', width: WIDTHS.agrees, wrap: true },
  ];
  const link = (ref: CellRef | null, text: string): OutCell =>
    ref && input.existingSheets.has(ref.sheet)
      ? ({ kind: 'link', text, sheet: ref.sheet, row: ref.row, col: ref.col } satisfies LinkCell)
      : text;

  const builder = new SheetBuilder(GENERATED_SHEETS.ita, yearColumns.length)
    .title('สรุปผลการประเมินคุณธรรมและความโปร่งใส (ITA)')
    .line(organisationLine(input.settings));
  addProvenance(builder, {
    prefix: `สร้างเมื่อ ${formatThaiDateTime(input.now, input.timeZone)}`,
    suffix: 'จากชีต "คะแนน ITA" และกรอบตัวชี้วัดในชีต "อ้างอิง" (ชีตนี้สร้างใหม่ทุกครั้ง อย่าแก้ไขในชีตนี้)',
    stamp: input.stamp,
  });
  if (input.scoresSheetMissing) {
    builder.line(SCORES_MISSING_TEXT, { bold: true, background: COLORS.error });
  } else {
    const short = gap.latestYear === null || (gap.gap as number) > 0;
    builder.line(headline(summary), { bold: true, background: short ? COLORS.warning : COLORS.ok });
  }
  builder.blank();

  // Scores per year.
  builder.subtitle('คะแนนรายปี (คำนวณจากคะแนนรายตัวชี้วัดตามกรอบของแต่ละปีในชีตอ้างอิง)');
  const backgrounds = new Map<number, string>();
  const yearRows: OutCell[][] = summary.years.map((y, index) => {
    if (y.agrees === false) backgrounds.set(index, COLORS.warning);
    const scores = new Map(y.tools.map((t) => [t.tool, t.score]));
    return [
      link(y.yearCell, String(y.year)),
      completenessText(y),
      ...tools.map((t) => orDash(scores.get(t) ?? null)),
      orDash(y.total),
      y.grade ?? '-',
      passesText(y.passes),
      orDash(y.published.total),
      y.published.grade ?? '-',
      agreementText(y),
    ];
  });
  builder.table({
    columns: yearColumns,
    rows: yearRows,
    rowBackgrounds: backgrounds,
    emptyText: 'ยังไม่มีคะแนน ITA ในชีต "คะแนน ITA"',
  });
  for (const line of frameworkLines(summary)) builder.muted(line);
  builder.muted(
    'คะแนนเครื่องมือ = ค่าเฉลี่ยของตัวชี้วัดในเครื่องมือ (ตัวชี้วัดในเครื่องมือเดียวกันมีน้ำหนักเท่ากัน) คะแนนรวม = ผลรวมถ่วงน้ำหนักของเครื่องมือ ' +
      'คำนวณจากค่าที่ไม่ปัดเศษ แล้วปัดผลลัพธ์เป็นทศนิยม 2 ตำแหน่ง (ครึ่งขึ้น) แบบที่ ป.ป.ช. ประกาศ ผลการประเมินตัดสินจากคะแนนที่ปัดแล้ว ' +
      'ปีที่คะแนนรายตัวชี้วัดไม่ครบจะไม่คำนวณคะแนนรวมจากตัวชี้วัดที่เหลือ',
  );
  builder.blank();

  // Warnings.
  builder.subtitle(`ข้อสังเกต (${summary.warnings.length} รายการ)`);
  builder.table({
    columns: [
      { header: 'ลำดับ', align: 'center' },
      { header: 'สิ่งที่พบและสิ่งที่ควรตรวจสอบ', wrap: true },
      { header: 'ปี', align: 'center' },
      { header: 'เซลล์ (คลิกเพื่อไปยังเซลล์)', align: 'center', wrap: true },
    ],
    rows: summary.warnings.map((w, i) => [
      i + 1,
      w.message,
      w.year === null ? '-' : String(w.year),
      w.cell ? link(w.cell, `${w.cell.sheet}!${a1(w.cell.row, w.cell.col)}`) : '-',
    ]),
    rowBackgrounds: new Map(summary.warnings.map((_, i) => [i, COLORS.warning])),
    emptyText: 'ไม่พบข้อสังเกต: คะแนนที่คำนวณได้ตรงกับที่ประกาศทุกปีที่ตรวจได้',
  });
  builder.blank();

  // Trend, target and chart.
  builder.subtitle(
    `แนวโน้มคะแนนรวมเทียบกับเป้าหมาย ${score2(gap.target)} คะแนน${targetSourceText(gap.targetSource)}`,
  );
  const trend = builder.table({
    columns: [
      { header: 'ปีประเมิน', align: 'center' },
      { header: 'คะแนนรวม', numberFormat: FORMATS.score, align: 'center' },
      { header: 'เป้าหมาย', numberFormat: FORMATS.score, align: 'right' },
      { header: 'ต่างจากเป้าหมาย', numberFormat: SIGNED, align: 'right' },
      { header: 'เปลี่ยนจากปีก่อน', numberFormat: SIGNED, align: 'right' },
      { header: 'ที่มา', align: 'center' },
    ],
    rows: summary.trend.map((p) => [
      String(p.year),
      p.total,
      gap.target,
      p.versusTarget,
      p.change === null ? '-' : p.change,
      p.source === 'computed' ? TREND_SOURCE.computed : TREND_SOURCE.published,
    ]),
    emptyText: 'ยังไม่มีปีที่มีคะแนนรวม',
  });
  builder.muted(
    `ที่มา "${TREND_SOURCE.computed}" = คำนวณจากคะแนนรายตัวชี้วัด · "${TREND_SOURCE.published}" = คะแนนรวมที่ ป.ป.ช. ประกาศ (ปีที่ไม่มีคะแนนรายตัวชี้วัดครบ)`,
  );
  if (summary.trend.length) {
    const anchor = builder.nextRow;
    builder.chart({
      type: 'line',
      title: 'คะแนนรวม ITA รายปีเทียบกับเป้าหมาย',
      // Year (as text: categories), total and target: the first three columns of the trend table.
      data: { row: trend.headerRow, col: 1, rows: summary.trend.length + 1, cols: 3 },
      anchor: { row: anchor, col: 1 },
      width: 640,
      height: 300,
      xTitle: 'ปีประเมิน',
      yTitle: 'คะแนน',
    });
    // Room for the chart, so it covers no table below.
    for (let i = 0; i < CHART_ROWS; i++) builder.blank();
  }
  builder.line(gapText(summary), { bold: true });
  builder.blank();

  // Weakest indicators of the latest complete year.
  const latest = gap.latestYear;
  builder.subtitle(latest === null ? 'ตัวชี้วัดที่อ่อนที่สุด' : `ตัวชี้วัดที่ได้คะแนนต่ำที่สุดของปี ${latest} (ปีล่าสุดที่มีคะแนนครบ)`);
  builder.table({
    columns: [
      { header: 'ตัวชี้วัดที่', align: 'center' },
      { header: 'ชื่อตัวชี้วัด', wrap: true },
      { header: 'เครื่องมือ', align: 'center' },
      { header: 'คะแนน', numberFormat: FORMATS.score, align: 'right' },
      { header: 'ต่ำกว่าเป้าหมาย', numberFormat: FORMATS.score, align: 'right' },
    ],
    rows: gap.weakest.map((w) => [
      w.no,
      w.name,
      w.tool,
      w.score,
      w.score < gap.target ? round2(gap.target - w.score) : 'ถึงเป้าหมาย',
    ]),
    emptyText: 'ยังไม่มีปีที่มีคะแนนครบทุกตัวชี้วัด',
  });
  builder.blank();

  // Indicators below the target and what answers them.
  builder.subtitle(
    latest === null
      ? 'ตัวชี้วัดที่ต่ำกว่าเป้าหมายและมาตรการที่รองรับ'
      : `ตัวชี้วัดของปี ${latest} ที่ต่ำกว่าเป้าหมาย กับมาตรการ ITA (ปีงบประมาณ ${latest + 1} ขึ้นไป) และรายการในแผนปฏิบัติการที่ระบุตัวชี้วัดนั้น`,
  );
  const supportRows: OutCell[][] = [];
  const groupRows: number[] = [];
  const supportBackgrounds = new Map<number, string>();
  const named = (name: string, responsible: string) =>
    responsible ? `${name}\nผู้รับผิดชอบ: ${responsible}` : name;
  for (const b of gap.belowTarget) {
    // Group rows are merged: one per indicator, bounded by the framework, not by the data.
    groupRows.push(supportRows.length);
    supportRows.push([
      `ตัวชี้วัดที่ ${b.no} ${b.name} (${b.tool}) คะแนน ${score2(b.score)} ต่ำกว่าเป้าหมาย ${score2(gap.target - b.score)} คะแนน`,
    ]);
    if (!b.measures.length && !b.planItems.length) {
      supportBackgrounds.set(supportRows.length, COLORS.warning);
      supportRows.push(['-', NO_SUPPORT_TEXT, '-', '-']);
    }
    for (const m of b.measures) {
      supportRows.push([
        'มาตรการ ITA',
        named(m.name, m.responsible),
        link(m.cell, m.no || `แถว ${m.row}`),
        m.status || '-',
      ]);
    }
    for (const p of b.planItems) {
      supportRows.push([
        'แผนปฏิบัติการ',
        named(p.name, p.responsible),
        link(p.cell, p.code || `แถว ${p.row}`),
        '-',
      ]);
    }
  }
  builder.table({
    columns: [
      { header: 'ที่มา', align: 'center', wrap: true },
      { header: 'มาตรการ/รายการ และผู้รับผิดชอบ', wrap: true },
      { header: 'ลำดับ/รหัส (คลิกเพื่อไปยังแถว)', align: 'center', wrap: true },
      { header: 'สถานะ', wrap: true },
    ],
    rows: supportRows,
    groupRows,
    rowBackgrounds: supportBackgrounds,
    emptyText: latest === null ? 'ยังไม่มีปีที่มีคะแนนครบทุกตัวชี้วัด' : `ไม่มีตัวชี้วัดของปี ${latest} ที่ต่ำกว่าเป้าหมาย`,
  });
  if (gap.belowTarget.length) {
    builder.muted(
      `"${NO_SUPPORT_TEXT}" = ยังไม่มีมาตรการ ITA หรือรายการในแผนปฏิบัติการที่ระบุตัวชี้วัดนี้ในคอลัมน์ "ตัวชี้วัด ITA" ควรเพิ่มมาตรการเพื่อยกระดับตัวชี้วัดนั้น`,
    );
  }
  return builder.build({ tabColor: '#1a73e8' });
}

function targetSourceText(source: 'settings' | 'default'): string {
  return source === 'settings' ? ' (จากชีตตั้งค่า)' : ' (ค่าเริ่มต้น เพราะยังไม่ได้กรอกในชีตตั้งค่า)';
}

/** The one line a supervisor reads first. */
export function headline(summary: ItaSummary): string {
  const { gap } = summary;
  const warnings = summary.warnings.length ? ` · ข้อสังเกต ${summary.warnings.length} รายการ` : '';
  if (gap.latestYear === null || gap.total === null) {
    return `ยังไม่มีปีที่มีคะแนนครบทุกตัวชี้วัด จึงยังคำนวณคะแนนรวมไม่ได้ กรอกคะแนนรายตัวชี้วัดในชีต "คะแนน ITA"${warnings}`;
  }
  return `ปีประเมินล่าสุดที่มีคะแนนครบ ${gap.latestYear}: คะแนนรวม ${score2(gap.total)} ผลการประเมิน ${gap.grade ?? '-'} · ${gapPhrase(gap.gap as number, gap.target)}${warnings}`;
}

function gapPhrase(gap: number, target: number): string {
  if (gap > 0) return `ต่ำกว่าเป้าหมาย ${score2(target)} อยู่ ${score2(gap)} คะแนน`;
  if (gap < 0) return `สูงกว่าเป้าหมาย ${score2(target)} อยู่ ${score2(-gap)} คะแนน`;
  return `เท่ากับเป้าหมาย ${score2(target)} พอดี`;
}

function gapText(summary: ItaSummary): string {
  const { gap } = summary;
  if (gap.latestYear === null || gap.gap === null) {
    return `ระยะห่างจากเป้าหมาย: ยังบอกไม่ได้ เพราะยังไม่มีปีที่มีคะแนนครบทุกตัวชี้วัด`;
  }
  return `ระยะห่างจากเป้าหมาย (ปี ${gap.latestYear}): ${gapPhrase(gap.gap, gap.target)}`;
}

/** One line per framework used: which years, tool weights, which bands. */
function frameworkLines(summary: ItaSummary): string[] {
  const groups = new Map<string, { years: number[]; text: string }>();
  for (const y of summary.years) {
    if (y.indicatorsFrom === null) continue;
    const weights = y.tools.map((t) => `${t.tool} ${t.weight}%`).join(' ');
    const bands =
      y.bandsFrom === null ? 'ไม่มีเกณฑ์ผลการประเมินในชีตอ้างอิง' : `เกณฑ์ผลการประเมินที่ใช้ตั้งแต่ปี ${y.bandsFrom}`;
    const text = `กรอบตัวชี้วัดที่ใช้ตั้งแต่ปี ${y.indicatorsFrom} (${weights}) และ${bands}`;
    const group = groups.get(text) ?? { years: [], text };
    group.years.push(y.year);
    groups.set(text, group);
  }
  return [...groups.values()].map((g) => `ปี ${numberList(g.years)}: ${g.text}`);
}
