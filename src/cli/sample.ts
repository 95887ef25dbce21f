/**
 * The sample workbook: the template filled from the real published data in sheets-templates/samples
 * (flaws kept: placeholders, mixed digits, periods as written).
 */
import { csvRecords } from './csv';
import { appendRecords, type NewRow } from '../commands/append';
import { appendTrackingRows } from '../commands/tracking-rows';
import { INPUT_SHEETS, tableSpec } from '../core/schema';
import { defaultIndicatorColumns, planTemplate } from '../core/template';
import type { WorkbookPort } from '../port/workbook';
import type { TemplateDefaults } from '../core/template';

export interface SampleFiles {
  dimensions: string;
  plan: string;
  measures: string;
  scores: string;
  totals: string;
}

export const SAMPLE_FILE_NAMES: Record<keyof SampleFiles, string> = {
  dimensions: 'dimensions_2566-2570.csv',
  plan: 'plan_2566-2570.csv',
  measures: 'measures_2566.csv',
  scores: 'ita_scores.csv',
  totals: 'ita_totals_published.csv',
};

export interface SampleData {
  defaults: TemplateDefaults;
  dimensions: { dimension: string; dimensionName: string; submission: string; submissionName: string }[];
  plan: NewRow[];
  measures: NewRow[];
  scores: NewRow[];
}

/** Numbers as numbers (the CSV holds plain figures); text kept exactly. */
function numberOrText(text: string): string | number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : text;
}

export function planCode(dimension: string, no: string): string {
  return `${dimension}-${no.padStart(2, '0')}`;
}

export function sampleData(files: SampleFiles): SampleData {
  const plan = csvRecords(files.plan);
  const years = Object.keys(plan[0] ?? {})
    .map((k) => /^budget_(\d{4})$/.exec(k)?.[1])
    .filter((y): y is string => !!y)
    .map(Number);
  const defaults: TemplateDefaults = {
    planFirstYear: Math.min(...years),
    planLastYear: Math.max(...years),
    trackingYear: Math.min(...years),
    settings: {
      orgName: 'องค์การบริหารส่วนตำบลแหลมสอม',
      orgType: 'องค์การบริหารส่วนตำบล',
      district: 'ปะเหลียน',
      province: 'ตรัง',
      round: 'รอบ 6 เดือน',
      asOf: { kind: 'date', iso: '2023-03-31' },
    },
  };
  const scoreRows = csvRecords(files.scores);
  const totals = csvRecords(files.totals);
  const scoreYears = [
    ...new Set([...totals.map((t) => t.fiscal_year), ...scoreRows.map((s) => s.fiscal_year)]),
  ].sort();
  return {
    defaults,
    dimensions: csvRecords(files.dimensions).map((d) => ({
      dimension: d.dimension,
      dimensionName: d.dimension_name,
      submission: d.submission,
      submissionName: d.submission_name,
    })),
    plan: plan.map((p) => ({
      values: {
        code: planCode(p.dimension, p.no),
        dimension: p.dimension,
        submission: p.submission,
        type: p.type,
        name: p.name,
        responsible: p.responsible,
        period: p.period,
        outputs: p.outputs,
      },
      family: new Map(years.map((y) => [y, numberOrText(p[`budget_${y}`] ?? '')])),
    })),
    measures: csvRecords(files.measures).map((m) => ({
      values: {
        fiscalYear: numberOrText(m.fiscal_year),
        no: m.no,
        measure: m.name,
        method: m.methods,
        responsible: m.responsible,
        period: m.period,
        followup: m.followup,
        itaIndicators: m.ita_indicator,
      },
    })),
    scores: scoreYears.map((year) => {
      const total = totals.find((t) => t.fiscal_year === year);
      const scores = scoreRows.filter((s) => s.fiscal_year === year);
      return {
        values: {
          year: Number(year),
          publishedTotal: total ? numberOrText(total.published_total) : null,
          publishedGrade: total?.published_grade ?? null,
          remarks: scores.length ? null : 'มีเฉพาะคะแนนรวมที่ประกาศ ไม่มีคะแนนรายตัวชี้วัด',
        },
        family: new Map(scores.map((s) => [Number(s.indicator_no), numberOrText(s.score)])),
      };
    }),
  };
}

/** Writes the sample workbook into an empty workbook: the template plans, then the data rows. */
export function buildSample(workbook: WorkbookPort, files: SampleFiles): void {
  const data = sampleData(files);
  const plans = planTemplate({
    snapshots: {},
    planYears: Array.from(
      { length: data.defaults.planLastYear - data.defaults.planFirstYear + 1 },
      (_, i) => data.defaults.planFirstYear + i,
    ),
    indicators: defaultIndicatorColumns(),
    defaults: data.defaults,
  });
  for (const plan of plans) workbook.applyTemplate(plan);
  const sheetOf = (key: 'scores' | 'plan' | 'measures') => tableSpec(key).sheet.name;
  appendRecords(workbook, sheetOf('scores'), 'scores', data.scores);
  appendRecords(workbook, sheetOf('plan'), 'plan', data.plan);
  appendRecords(workbook, sheetOf('measures'), 'measures', data.measures);
  // The tracked year's rows, derived from the plan by the menu command's planner; statuses stay blank
  // (the sample reports no progress it does not have).
  appendTrackingRows(workbook, data.defaults.trackingYear);
  workbook.activate(INPUT_SHEETS[0].name);
}
