/**
 * "สรุปคะแนน ITA", pure: for each assessment year the framework in force (from the reference sheet), the
 * score of each tool, the weighted total and the grade or result level, checked against the published
 * figures; the trend; the gap to the target; and which measures and plan items answer the weak indicators.
 *
 * Rounding, as the NACC's published figures come out: indicator scores are published to 2 decimals; a
 * tool's score is the mean of its indicators and the total the weighted sum of the tool scores, both kept
 * unrounded; only the results are rounded, half away from zero, to 2 decimals. The DESIGN check:
 * 0.3 × 88.870 + 0.3 × 76.1167 + 0.4 × 93.000 = 86.696 → 86.70, the published total (rounding the tool
 * scores first gives 86.697 → 86.70 as well). Grades and levels are decided on the rounded figures, since
 * the bands are stated on 2-decimal totals (A = 85–94.99): a total shown as 85.00 is an A.
 */
import type { BandDef, IndicatorDef, Inputs, Measure, PlanItem, Reference, ScoreYear } from './inputs';
import { canon, statusLabel } from './readers';
import { cellOf } from './table';
import { formatNumber } from './thai/numbers';

/** What a blank "คะแนน ITA เป้าหมาย" setting means (national target: every agency ≥ 85 by 2570). */
export const DEFAULT_ITA_TARGET = 85;

/** How many of the latest year's indicators the summary calls the weakest. */
export const WEAKEST_COUNT = 3;

/** Published and computed totals may differ by this much before a warning (issue 5). */
export const TOTAL_TOLERANCE = 0.01;

/** Half away from zero to 2 decimals; toPrecision first so 86.695 stored as 86.69499… still gives 86.70. */
export function round2(n: number): number {
  const scaled = Number((Math.abs(n) * 100).toPrecision(12));
  const rounded = Math.round(scaled) / 100;
  return n < 0 && rounded !== 0 ? -rounded : rounded;
}

/** "86.70" */
export function score2(n: number): string {
  return formatNumber(n, 2);
}

/** [1,2,3,5,9,10] → "1–3, 5, 9–10": short lists of indicator numbers for Thai messages. */
export function numberList(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j - i >= 2 ? `${sorted[i]}–${sorted[j]}` : sorted.slice(i, j + 1).join(', '));
    i = j;
  }
  return parts.join(', ');
}

// ---------------------------------------------------------------------------------------------------------
// The framework of a year

export interface FrameworkTool {
  tool: string;
  weight: number;
  indicators: IndicatorDef[];
}

export interface Framework {
  /** The "from year" of the indicator rows in force. */
  fromYear: number;
  /** In the order the reference sheet lists them. */
  tools: FrameworkTool[];
  /** Every indicator, by number. */
  indicators: IndicatorDef[];
  /** Thai text when the rows cannot be used (weights inconsistent or not adding up to 100). */
  problem: string | null;
}

/** The greatest "from year" ≤ year among these rows; with year null, the latest of all. */
function yearInForce(fromYears: readonly number[], year: number | null): number | null {
  const candidates = year === null ? fromYears : fromYears.filter((y) => y <= year);
  return candidates.length ? Math.max(...candidates) : null;
}

/** The indicator rows in force for an assessment year (year null: the latest framework). */
export function frameworkFor(
  reference: Pick<Reference, 'indicators'>,
  year: number | null,
): Framework | null {
  const fromYear = yearInForce(
    reference.indicators.map((i) => i.fromYear),
    year,
  );
  if (fromYear === null) return null;
  const tools: FrameworkTool[] = [];
  const weights = new Map<string, Set<number>>();
  const seen = new Set<number>();
  for (const indicator of reference.indicators) {
    if (indicator.fromYear !== fromYear || seen.has(indicator.no)) continue;
    seen.add(indicator.no);
    let tool = tools.find((t) => t.tool === indicator.tool);
    if (!tool) {
      tool = { tool: indicator.tool, weight: indicator.toolWeight, indicators: [] };
      tools.push(tool);
    }
    tool.indicators.push(indicator);
    weights.set(indicator.tool, (weights.get(indicator.tool) ?? new Set()).add(indicator.toolWeight));
  }
  const problems: string[] = [];
  const uneven = [...weights].filter(([, set]) => set.size > 1).map(([tool]) => tool);
  if (uneven.length) problems.push(`น้ำหนักของเครื่องมือ ${uneven.join(', ')} ไม่เท่ากันทุกแถว`);
  const sum = tools.reduce((total, t) => total + t.weight, 0);
  if (Math.abs(sum - 100) > 0.01) problems.push(`น้ำหนักเครื่องมือรวมกันได้ ${round2(sum)} ไม่ใช่ 100`);
  return {
    fromYear,
    tools,
    indicators: tools.flatMap((t) => t.indicators).sort((a, b) => a.no - b.no),
    problem: problems.length
      ? `กรอบตัวชี้วัดที่ใช้ตั้งแต่ปี ${fromYear} ในชีตอ้างอิงใช้คำนวณไม่ได้: ${problems.join('; ')} กรุณาแก้ไขตารางตัวชี้วัด ITA`
      : null,
  };
}

/** The bands in force for an assessment year, in sheet order (tried top to bottom); year null: latest. */
export function bandsInForce(
  reference: Pick<Reference, 'bands'>,
  year: number | null,
): { fromYear: number; bands: BandDef[] } | null {
  const fromYear = yearInForce(
    reference.bands.map((b) => b.fromYear),
    year,
  );
  if (fromYear === null) return null;
  return { fromYear, bands: reference.bands.filter((b) => b.fromYear === fromYear) };
}

// ---------------------------------------------------------------------------------------------------------
// Scores, total, grade

export interface ToolScore {
  tool: string;
  weight: number;
  /** Mean of the tool's indicators, unrounded. */
  exact: number;
  /** Rounded to 2 decimals (what the NACC publishes). */
  score: number;
}

export type Computation =
  | { complete: true; tools: ToolScore[]; exactTotal: number; total: number }
  | { complete: false; missing: number[] };

/**
 * The total of one year. Indicators are equal within a tool; any missing indicator makes the year
 * incomplete: a total from the rest would be a figure the NACC never publishes.
 */
export function computeTotal(
  framework: Pick<Framework, 'tools' | 'indicators'>,
  scores: ReadonlyMap<number, number>,
): Computation {
  const missing = framework.indicators.map((i) => i.no).filter((no) => !scores.has(no));
  if (missing.length || !framework.tools.length) return { complete: false, missing };
  const tools = framework.tools.map((t) => {
    const exact =
      t.indicators.reduce((sum, i) => sum + (scores.get(i.no) as number), 0) / t.indicators.length;
    return { tool: t.tool, weight: t.weight, exact, score: round2(exact) };
  });
  const weights = tools.reduce((sum, t) => sum + t.weight, 0);
  // Divided by the weights' sum (100 in a usable framework) so the total stays within the tool scores.
  const exactTotal = weights > 0 ? tools.reduce((sum, t) => sum + t.weight * t.exact, 0) / weights : 0;
  return { complete: true, tools, exactTotal, total: round2(exactTotal) };
}

/** The first band, top to bottom, whose minimum total and (where set) minimum for every tool hold. */
export function gradeFor(
  bands: readonly BandDef[],
  total: number,
  toolScores: readonly number[],
): BandDef | null {
  return (
    bands.find(
      (b) =>
        total >= b.minTotal &&
        (b.minEachTool === null || toolScores.every((s) => s >= (b.minEachTool as number))),
    ) ?? null
  );
}

/**
 * The bands a total alone could mean: where a band also needs every tool above a minimum, the total
 * cannot tell (2567 levels: 90 is ผ่านดี or ผ่าน). Each tool ≥ m implies total ≥ m, so bands whose tool
 * minimum exceeds the total are impossible.
 */
export function gradeCandidates(bands: readonly BandDef[], total: number): BandDef[] {
  const out: BandDef[] = [];
  for (const band of bands) {
    if (total < band.minTotal) continue;
    if (band.minEachTool === null) {
      out.push(band);
      break;
    }
    if (total >= band.minEachTool) out.push(band);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// The summary

export interface CellRef {
  sheet: string;
  row: number;
  col: number;
}

export type ItaWarningKind =
  | 'total-differs'
  | 'grade-differs'
  | 'no-framework'
  | 'bad-framework'
  | 'no-bands'
  | 'no-band-match'
  | 'duplicate-year';

export interface ItaWarning {
  year: number | null;
  kind: ItaWarningKind;
  /** Thai: what differs and what to check. */
  message: string;
  cell: CellRef | null;
}

export interface ItaYear {
  year: number;
  /** The year's row in the scores sheet. */
  source: ScoreYear;
  yearCell: CellRef;
  indicatorsFrom: number | null;
  bandsFrom: number | null;
  complete: boolean;
  /** Indicator numbers of the framework without a readable score. */
  missing: number[];
  /** Of those, the ones whose cell holds something unreadable (validation names the cell). */
  unreadable: number[];
  /** Why the year could not be computed other than missing scores (no or unusable framework). */
  problem: string | null;
  /** Every tool of the framework; scores null when the year is not complete. */
  tools: { tool: string; weight: number; score: number | null }[];
  exactTotal: number | null;
  total: number | null;
  grade: string | null;
  passes: boolean | null;
  published: { total: number | null; grade: string | null };
  /** null: nothing published, or nothing computed to compare with. */
  agrees: boolean | null;
  /** Short Thai notes for the sheet, one per published figure that differs. */
  differences: string[];
}

export interface TrendPoint {
  year: number;
  total: number;
  /** Computed from the indicator scores, or only the published total is known. */
  source: 'computed' | 'published';
  /** Against the previous year that has a total. */
  change: number | null;
  /** total − target: negative is below the target. */
  versusTarget: number;
}

export interface IndicatorScore {
  no: number;
  name: string;
  tool: string;
  score: number;
}

export interface SupportingMeasure {
  sheet: string;
  row: number;
  cell: CellRef;
  no: string;
  name: string;
  fiscalYear: number | null;
  responsible: string;
  status: string;
}

export interface SupportingPlanItem {
  sheet: string;
  row: number;
  cell: CellRef;
  code: string;
  name: string;
  responsible: string;
}

export interface BelowTarget extends IndicatorScore {
  measures: SupportingMeasure[];
  planItems: SupportingPlanItem[];
}

export interface GapAnalysis {
  target: number;
  targetSource: 'settings' | 'default';
  /** The latest year with every indicator scored (null: none yet). */
  latestYear: number | null;
  total: number | null;
  grade: string | null;
  /** target − total: positive is the points still needed, negative is above the target. */
  gap: number | null;
  weakest: IndicatorScore[];
  belowTarget: BelowTarget[];
}

export interface ItaSummary {
  /** Every tool any year's framework has, in first-seen order (the sheet's columns). */
  tools: string[];
  years: ItaYear[];
  warnings: ItaWarning[];
  trend: TrendPoint[];
  gap: GapAnalysis;
}

export type ItaInputs = Pick<
  Inputs,
  'reference' | 'scores' | 'settings' | 'measures' | 'plan' | 'sheetNames'
>;

function refOf(sheet: string, cell: { row: number; col: number }): CellRef {
  return { sheet, row: cell.row, col: cell.col };
}

/** A cell link only when the column exists (cellOf gives col 0 for a missing column). */
function refOrNull(sheet: string, cell: { row: number; col: number }): CellRef | null {
  return cell.col > 0 ? refOf(sheet, cell) : null;
}

function evaluateYear(inputs: ItaInputs, row: ScoreYear, year: number, warnings: ItaWarning[]): ItaYear {
  const sheet = inputs.sheetNames.scores ?? 'คะแนน ITA';
  const framework = frameworkFor(inputs.reference, year);
  const bands = bandsInForce(inputs.reference, year);
  const published = {
    total: row.publishedTotal,
    grade: row.publishedGrade.trim() || null,
  };
  const result: ItaYear = {
    year,
    source: row,
    yearCell: refOf(sheet, cellOf(row.cells, 'year')),
    indicatorsFrom: framework?.fromYear ?? null,
    bandsFrom: bands?.fromYear ?? null,
    complete: false,
    missing: [],
    unreadable: [],
    problem: null,
    tools: (framework?.tools ?? []).map((t) => ({ tool: t.tool, weight: t.weight, score: null })),
    exactTotal: null,
    total: null,
    grade: null,
    passes: null,
    published,
    agrees: null,
    differences: [],
  };
  const warn = (kind: ItaWarningKind, message: string, cell: CellRef | null = result.yearCell) =>
    warnings.push({ year, kind, message, cell });
  if (!framework) {
    result.problem = `ไม่มีกรอบตัวชี้วัด ITA ของปี ${year} ในชีตอ้างอิง`;
    warn('no-framework', `ปี ${year}: ${result.problem} กรุณาเพิ่มแถวตัวชี้วัดที่ใช้ตั้งแต่ปี ${year} หรือก่อนหน้า`);
    return result;
  }
  if (framework.problem) {
    result.problem = framework.problem;
    warn('bad-framework', `ปี ${year}: ${framework.problem}`);
    return result;
  }
  const computation = computeTotal(framework, row.scores);
  if (!computation.complete) {
    result.missing = computation.missing;
    result.unreadable = computation.missing.filter((no) => row.unreadable.has(`score:${no}`));
    return result;
  }
  result.complete = true;
  result.tools = computation.tools.map((t) => ({ tool: t.tool, weight: t.weight, score: t.score }));
  result.exactTotal = computation.exactTotal;
  result.total = computation.total;
  if (!bands) {
    warn('no-bands', `ปี ${year}: ไม่มีเกณฑ์ผลการประเมิน ITA ของปีนี้ในชีตอ้างอิง จึงบอกผลการประเมินไม่ได้`);
  } else {
    const band = gradeFor(
      bands.bands,
      computation.total,
      computation.tools.map((t) => t.score),
    );
    if (band) {
      result.grade = band.grade;
      result.passes = band.passes;
    } else {
      warn(
        'no-band-match',
        `ปี ${year}: คะแนนรวม ${score2(computation.total)} ไม่เข้าเกณฑ์ใดของปี ${bands.fromYear} ในชีตอ้างอิง กรุณาเพิ่มเกณฑ์ขั้นต่ำสุด (คะแนนรวมตั้งแต่ 0)`,
      );
    }
  }
  const checks: boolean[] = [];
  if (published.total !== null) {
    const difference = round2(Math.abs(published.total - computation.total));
    const agrees = Math.abs(published.total - computation.total) <= TOTAL_TOLERANCE + 1e-9;
    checks.push(agrees);
    if (!agrees) {
      result.differences.push(`คะแนนรวมต่างกัน ${score2(difference)}`);
      warn(
        'total-differs',
        `ปี ${year}: คะแนนรวมที่ประกาศ ${score2(published.total)} ไม่ตรงกับคะแนนที่คำนวณจากคะแนนรายตัวชี้วัด ${score2(computation.total)} (ต่างกัน ${score2(difference)} คะแนน) กรุณาตรวจสอบคะแนนรายตัวชี้วัดและคะแนนรวมที่กรอกกับประกาศของ ป.ป.ช.`,
        refOrNull(sheet, cellOf(row.cells, 'publishedTotal')),
      );
    }
  }
  if (published.grade !== null && result.grade !== null) {
    const agrees = canon(published.grade) === canon(result.grade);
    checks.push(agrees);
    if (!agrees) {
      result.differences.push(`ผลการประเมินต่างกัน (คำนวณได้ ${result.grade})`);
      warn(
        'grade-differs',
        `ปี ${year}: ผลการประเมินที่ประกาศ "${published.grade}" ไม่ตรงกับผลที่คำนวณได้ "${result.grade}" ตามเกณฑ์ปี ${bands?.fromYear} (คะแนนรวม ${score2(computation.total)}) กรุณาตรวจสอบผลที่กรอกหรือเกณฑ์ในชีตอ้างอิง`,
        refOrNull(sheet, cellOf(row.cells, 'publishedGrade')),
      );
    }
  }
  result.agrees = checks.length ? checks.every(Boolean) : null;
  return result;
}

function trendOf(years: readonly ItaYear[], target: number): TrendPoint[] {
  const points: TrendPoint[] = [];
  for (const y of years) {
    const total = y.total ?? y.published.total;
    if (total === null) continue;
    const previous = points.at(-1);
    points.push({
      year: y.year,
      total,
      source: y.total !== null ? 'computed' : 'published',
      change: previous ? round2(total - previous.total) : null,
      versusTarget: round2(total - target),
    });
  }
  return points;
}

function gapAnalysis(
  inputs: ItaInputs,
  years: readonly ItaYear[],
  target: number,
): Omit<GapAnalysis, 'targetSource'> {
  const latest = [...years].reverse().find((y) => y.complete);
  if (!latest || latest.total === null) {
    return { target, latestYear: null, total: null, grade: null, gap: null, weakest: [], belowTarget: [] };
  }
  const framework = frameworkFor(inputs.reference, latest.year) as Framework;
  const scored: IndicatorScore[] = framework.indicators
    .map((i) => ({ no: i.no, name: i.name, tool: i.tool, score: latest.source.scores.get(i.no) as number }))
    .sort((a, b) => a.score - b.score || a.no - b.no);
  const measuresSheet = inputs.sheetNames.measures ?? 'มาตรการ ITA';
  const planSheet = inputs.sheetNames.plan ?? 'แผนปฏิบัติการ';
  // Measures answering this year's results are those of later fiscal years (written each October from the
  // last results); older measures answered older results.
  const answering = inputs.measures.filter((m) => m.fiscalYear === null || m.fiscalYear > latest.year);
  const belowTarget = scored
    .filter((s) => s.score < target)
    .map((s) => ({
      ...s,
      measures: answering.filter((m) => m.indicators.includes(s.no)).map((m) => measureRef(measuresSheet, m)),
      planItems: inputs.plan.filter((p) => p.indicators.includes(s.no)).map((p) => planRef(planSheet, p)),
    }));
  return {
    target,
    latestYear: latest.year,
    total: latest.total,
    grade: latest.grade,
    gap: round2(target - latest.total),
    weakest: scored.slice(0, WEAKEST_COUNT),
    belowTarget,
  };
}

function measureRef(sheet: string, m: Measure): SupportingMeasure {
  const cell = cellOf(m.cells, 'measure');
  return {
    sheet,
    row: m.row,
    cell: refOf(sheet, cell.col > 0 ? cell : { row: m.row, col: 1 }),
    no: m.no,
    name: m.measure,
    fiscalYear: m.fiscalYear,
    responsible: m.responsibleText,
    status: m.status ? statusLabel(m.status) : '',
  };
}

function planRef(sheet: string, p: PlanItem): SupportingPlanItem {
  const cell = cellOf(p.cells, 'name');
  return {
    sheet,
    row: p.row,
    cell: refOf(sheet, cell.col > 0 ? cell : { row: p.row, col: 1 }),
    code: p.code,
    name: p.name,
    responsible: p.responsibleText,
  };
}

/** The whole summary from the typed inputs (rows with an unreadable year are left to validation). */
export function summarizeIta(inputs: ItaInputs): ItaSummary {
  const warnings: ItaWarning[] = [];
  const firstRow = new Map<number, ScoreYear>();
  const sheet = inputs.sheetNames.scores ?? 'คะแนน ITA';
  for (const row of inputs.scores) {
    if (row.year === null) continue;
    const first = firstRow.get(row.year);
    if (first) {
      warnings.push({
        year: row.year,
        kind: 'duplicate-year',
        message: `ปี ${row.year}: มีแถวคะแนนซ้ำ (แถว ${first.row} และ ${row.row}) สรุปนี้ใช้แถว ${first.row} กรุณาเหลือปีละหนึ่งแถว`,
        cell: refOf(sheet, cellOf(row.cells, 'year')),
      });
      continue;
    }
    firstRow.set(row.year, row);
  }
  const years = [...firstRow]
    .sort(([a], [b]) => a - b)
    .map(([year, row]) => evaluateYear(inputs, row, year, warnings));
  const tools: string[] = [];
  for (const y of years) for (const t of y.tools) if (!tools.includes(t.tool)) tools.push(t.tool);
  if (!tools.length) tools.push(...(frameworkFor(inputs.reference, null)?.tools.map((t) => t.tool) ?? []));
  const setting = inputs.settings.itaTarget;
  const target = setting ?? DEFAULT_ITA_TARGET;
  return {
    tools,
    years,
    warnings,
    trend: trendOf(years, target),
    gap: { ...gapAnalysis(inputs, years, target), targetSource: setting === null ? 'default' : 'settings' },
  };
}
