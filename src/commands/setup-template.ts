/** "ตั้งค่า/ซ่อมแซมแม่แบบ": create missing input sheets, repair headers, formats, dropdowns and notes. */
import { indicatorNames } from '../core/inputs';
import { defaultIndicatorColumns, planTemplate, type TemplateDefaults } from '../core/template';
import { fiscalYearOf } from '../core/thai/fiscal';
import { todayIn } from '../core/thai/dates';
import type { Host } from '../port/workbook';
import { buildGuide } from '../core/report/guide';
import { GENERATED_SHEETS } from '../core/schema';
import { CommandError, readWorkbook, withDocumentLock, writeGenerated, type WorkbookRead } from './context';

export interface SetupResult {
  created: string[];
  repaired: string[];
  headersAdded: number;
  /** Why the คู่มือ sheet was not written ('' when it was). */
  guideSkipped: string;
}

/** The guide is ours to rewrite; a user's own sheet named คู่มือ is left alone and the repair goes on. */
function writeGuide(host: Host, read: WorkbookRead): string {
  try {
    writeGenerated(host, read, buildGuide(), { key: 'guide', inputs: [] });
    return '';
  } catch (error) {
    if (error instanceof CommandError) return error.message;
    throw error;
  }
}

/** The plan cycle in force (2566–2570 until the next one) and the fiscal year of today within it. */
export function templateDefaults(today: string): TemplateDefaults {
  const fy = fiscalYearOf(today);
  const first = 2566 + Math.floor(Math.max(0, fy - 2566) / 5) * 5;
  return {
    planFirstYear: first,
    planLastYear: first + 4,
    trackingYear: Math.min(Math.max(fy, first), first + 4),
  };
}

export function runSetupTemplate(host: Host): SetupResult {
  return withDocumentLock(host, () => {
    // Only the layouts, the settings and the reference are used: the data rows are not read.
    const read = readWorkbook(host.workbook, undefined, { dataRows: false });
    const { snapshots, inputs } = read;
    const defaults = templateDefaults(todayIn(host.workbook.timeZone(), host.now()));
    const framework = indicatorNames(inputs.reference);
    const indicators = framework.length
      ? framework.map((i) => ({ no: i.no, name: i.names[0] ?? '' })).sort((a, b) => a.no - b.no)
      : defaultIndicatorColumns();
    const planYears = inputs.planYears.length
      ? inputs.planYears
      : Array.from(
          { length: defaults.planLastYear - defaults.planFirstYear + 1 },
          (_, i) => defaults.planFirstYear + i,
        );
    const plans = planTemplate({ snapshots, planYears, indicators, defaults });
    for (const plan of plans) host.workbook.applyTemplate(plan);
    const guideSkipped = writeGuide(host, read);
    const result: SetupResult = {
      created: plans.filter((p) => p.create).map((p) => p.name),
      repaired: plans.filter((p) => !p.create && (p.headerCells.length || p.seeds.length)).map((p) => p.name),
      headersAdded: plans.filter((p) => !p.create).reduce((n, p) => n + p.headerCells.length, 0),
      guideSkipped,
    };
    // A new template opens on its guide; a repaired one on the settings.
    const startsFresh = plans.every((p) => p.create) && !guideSkipped;
    host.workbook.activate(startsFresh ? GENERATED_SHEETS.guide : plans[0].name);
    const parts = [
      result.created.length ? `สร้างชีต ${result.created.join(', ')}` : '',
      result.headersAdded ? `เพิ่มหัวคอลัมน์ที่ขาด ${result.headersAdded} คอลัมน์` : '',
      guideSkipped ? `ไม่ได้สร้างชีตคู่มือ: ${guideSkipped}` : '',
    ].filter(Boolean);
    host.ui.toast(
      `${parts.length ? parts.join(' และ ') : 'แม่แบบครบถ้วนแล้ว'} · ปรับรูปแบบ รายการเลือก และคำอธิบายหัวคอลัมน์ใหม่ (ข้อมูลเดิมไม่ถูกแก้ไข)`,
      'ตั้งค่า/ซ่อมแซมแม่แบบ',
    );
    return result;
  });
}
