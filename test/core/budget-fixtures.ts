/** Hand-made plans for the budget tests: snapshots of the four sheets the budget reads. */
import type { CellValue } from '../../src/core/cells';
import { readInputs, type Inputs } from '../../src/core/inputs';
import { snapshot } from '../helpers/workbooks';

export interface FixtureDimension {
  code: string;
  name: string;
  subs: [code: string, name: string][];
}

export interface FixtureItem {
  code: string;
  dimension: CellValue;
  submission: CellValue;
  type: CellValue;
  name?: string;
  /** One cell per plan year, in year order. */
  budgets: CellValue[];
}

export interface FixtureTracking {
  code: CellValue;
  fiscalYear: CellValue;
  disbursed: CellValue;
}

export interface Fixture {
  firstYear: number;
  lastYear: number;
  trackingYear?: number | null;
  dimensions: FixtureDimension[];
  items: FixtureItem[];
  tracking?: FixtureTracking[];
  /** Budget columns to write, when not exactly the plan years. */
  budgetYears?: number[];
}

export const FIXTURE_SHEETS = {
  settings: 'ตั้งค่า',
  reference: 'อ้างอิง',
  plan: 'แผนปฏิบัติการ',
  tracking: 'ติดตามผล',
} as const;

export function planYears(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** The rows of each sheet, as a user would have typed them. */
export function fixtureSheets(f: Fixture): Record<keyof typeof FIXTURE_SHEETS, CellValue[][]> {
  const budgetYears = f.budgetYears ?? planYears(f.firstYear, f.lastYear);
  return {
    settings: [
      ['รายการ', 'ค่า', 'คำอธิบาย'],
      ['ชื่อหน่วยงาน', 'องค์การบริหารส่วนตำบลทดสอบ', null],
      ['ปีงบประมาณแรกของแผน', f.firstYear, null],
      ['ปีงบประมาณสุดท้ายของแผน', f.lastYear, null],
      ['ปีงบประมาณที่ติดตาม', f.trackingYear === undefined ? f.firstYear : f.trackingYear, null],
    ],
    reference: [
      ['มิติที่', 'ชื่อมิติ', 'ภารกิจที่', 'ชื่อภารกิจตามมิติ'],
      ...f.dimensions.flatMap((d) => d.subs.map(([code, name]) => [d.code, d.name, code, name])),
    ],
    plan: [
      [
        'รหัสรายการ',
        'มิติ',
        'ภารกิจตามมิติ',
        'ประเภท',
        'ชื่อโครงการ/มาตรการ/กิจกรรม',
        ...budgetYears.map((y) => `งบประมาณ ${y}`),
      ],
      ...f.items.map((item) => [
        item.code,
        item.dimension,
        item.submission,
        item.type,
        item.name ?? `ชื่อ ${item.code}`,
        ...item.budgets,
      ]),
    ],
    tracking: [
      ['รหัสรายการ', 'ปีงบประมาณ', 'เบิกจ่ายแล้ว'],
      ...(f.tracking ?? []).map((t) => [t.code, t.fiscalYear, t.disbursed]),
    ],
  };
}

export function fixtureInputs(f: Fixture): Inputs {
  const sheets = fixtureSheets(f);
  return readInputs(
    {
      settings: snapshot(FIXTURE_SHEETS.settings, sheets.settings),
      reference: snapshot(FIXTURE_SHEETS.reference, sheets.reference),
      plan: snapshot(FIXTURE_SHEETS.plan, sheets.plan),
      tracking: snapshot(FIXTURE_SHEETS.tracking, sheets.tracking),
    },
    'UTC',
  );
}

/** A small two-dimension reference used by several tests. */
export const TWO_DIMENSIONS: FixtureDimension[] = [
  {
    code: '1',
    name: 'มิติหนึ่ง',
    subs: [
      ['1.1', 'ภารกิจ 1.1'],
      ['1.2', 'ภารกิจ 1.2'],
    ],
  },
  { code: '2', name: 'มิติสอง', subs: [['2.1', 'ภารกิจ 2.1']] },
];
