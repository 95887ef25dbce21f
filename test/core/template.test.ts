import { memoryHost, MemoryWorkbook } from '../../src/adapters/memory/memory-workbook';
import { readWorkbook } from '../../src/commands/context';
import { runSetupTemplate, templateDefaults } from '../../src/commands/setup-template';
import { DEFAULT_DIMENSIONS, DEFAULT_INDICATORS } from '../../src/core/reference-defaults';
import { INPUT_SHEETS, PLAN_TABLE, SETTINGS, type InputSheetKey } from '../../src/core/schema';
import { validate } from '../../src/core/validate';
import { csvRecords } from '../../src/cli/csv';
import { columnOf, inputCells, sampleFiles, sampleHost } from '../helpers/workbooks';

const NOW = new Date('2026-11-22T03:00:00Z');

function freshTemplate() {
  const host = memoryHost(new MemoryWorkbook(), NOW);
  runSetupTemplate(host);
  return host;
}

function headerRow(workbook: MemoryWorkbook, sheet: string): unknown[] {
  return workbook.requireSheet(sheet).cells[0].map((c) => c.value);
}

describe('ตั้งค่า/ซ่อมแซมแม่แบบ on an empty spreadsheet', () => {
  const host = freshTemplate();
  const { workbook } = host;

  test('creates every input sheet in order, then the guide, and opens on the guide', () => {
    const visible = workbook.listSheets().filter((s) => !s.hidden);
    expect(visible.map((s) => s.name)).toEqual([...INPUT_SHEETS.map((s) => s.name), 'คู่มือ']);
    expect(workbook.activated?.name).toBe('คู่มือ');
    expect(workbook.requireSheet('คู่มือ').protectedWarningOnly).toBe(true);
  });

  test('the plan sheet has the declared headers, one budget column per plan year after the name', () => {
    const names = PLAN_TABLE.columns.map((c) => c.header);
    const nameAt = names.indexOf('ชื่อโครงการ/มาตรการ/กิจกรรม') + 1;
    const expected = [
      ...names.slice(0, nameAt),
      ...[2566, 2567, 2568, 2569, 2570].map((y) => `งบประมาณ ${y}`),
      ...names.slice(nameAt),
    ];
    expect(headerRow(workbook, 'แผนปฏิบัติการ')).toEqual(expected);
  });

  test('the reference sheet holds the standard dimensions and the ITA framework', () => {
    const { inputs } = readWorkbook(workbook);
    expect(inputs.reference.dimensions.flatMap((d) => d.submissions.map((s) => s.code))).toEqual(
      DEFAULT_DIMENSIONS.map((d) => d.submission),
    );
    expect(inputs.reference.indicators).toHaveLength(DEFAULT_INDICATORS.length);
    expect(inputs.reference.bands.map((b) => b.grade)).toContain('ผ่านดีเยี่ยม');
  });

  test('every setting is listed with its help, plan years and targets pre-filled', () => {
    const { inputs } = readWorkbook(workbook);
    expect(inputs.settings).toMatchObject({
      planFirstYear: 2566,
      planLastYear: 2570,
      trackingYear: 2570,
      itaTarget: 85,
      dueSoonDays: 30,
      round: 6,
    });
    const labels = workbook.requireSheet('ตั้งค่า').cells.map((r) => r[0]?.value);
    for (const s of SETTINGS) expect(labels).toContain(s.label);
  });

  test('dropdowns point at the reference lists, codes are formatted as text, headers carry help notes', () => {
    const plan = workbook.requireSheet('แผนปฏิบัติการ');
    const typeCol = columnOf(workbook, 'plan', 'type');
    const rule = plan.validations.get(typeCol);
    expect(rule).toMatchObject({ kind: 'listFromRange', sheet: 'อ้างอิง' });
    const refCol = rule && rule.kind === 'listFromRange' ? rule.range.col : 0;
    expect(workbook.requireSheet('อ้างอิง').cells[0][refCol - 1].value).toBe('ประเภทรายการ');
    expect(plan.columnFormats.get(columnOf(workbook, 'plan', 'code'))).toBe('@');
    expect(plan.cells[0][typeCol - 1].note).toContain('โครงการ');
    expect(plan.frozenRows).toBe(1);
  });

  test('a fresh template validates with only the organisation name to fill in', () => {
    const findings = validate(readWorkbook(workbook).inputs);
    expect(findings.map((f) => `${f.sheet}!${f.cell} ${f.rule}`)).toEqual(['ตั้งค่า!B2 required']);
  });
});

describe('repairing an existing workbook', () => {
  test('on the sample nothing is added and no input cell changes; running twice changes nothing', () => {
    const host = sampleHost(NOW);
    const before = inputCells(host.workbook);
    const result = runSetupTemplate(host);
    expect(result).toEqual({ created: [], repaired: [], headersAdded: 0, guideSkipped: '' });
    expect(inputCells(host.workbook)).toEqual(before);
  });

  test('a column width the user chose is kept; a new column gets the declared width', () => {
    const host = sampleHost(NOW);
    const plan = host.workbook.requireSheet('แผนปฏิบัติการ');
    const nameCol = columnOf(host.workbook, 'plan', 'name');
    plan.columnWidths.set(nameCol, 555);
    const remarksCol = columnOf(host.workbook, 'plan', 'remarks');
    plan.cells[0][remarksCol - 1].value = null;
    runSetupTemplate(host);
    expect(plan.columnWidths.get(nameCol)).toBe(555);
    expect(plan.columnWidths.get(plan.cells[0].length)).toBe(
      PLAN_TABLE.columns.find((c) => c.key === 'remarks')?.width,
    );
  });

  test('a sheet of the user named คู่มือ is left alone and the repair still runs', () => {
    const host = sampleHost(NOW);
    host.workbook.setSheet('คู่มือ', [['บันทึกของฉัน']]);
    const result = runSetupTemplate(host);
    expect(host.workbook.values('คู่มือ')).toEqual([['บันทึกของฉัน']]);
    expect(result.guideSkipped).toContain('คู่มือ');
    expect(host.ui.toasts.at(-1)?.message).toContain('ไม่ได้สร้างชีตคู่มือ');
  });

  test('missing sheet, header and setting row are restored without touching data rows', () => {
    const host = sampleHost(NOW);
    const { workbook } = host;
    const periodCol = columnOf(workbook, 'measures', 'period');
    const measures = workbook.requireSheet('มาตรการ ITA');
    measures.cells[0][periodCol - 1].value = null;
    const settings = workbook.requireSheet('ตั้งค่า');
    const dueRow = settings.cells.findIndex((r) => r[0]?.value === 'แจ้งเตือนก่อนครบกำหนด (วัน)');
    settings.cells.splice(dueRow, 1);
    workbook.deleteSheet('ติดตามผล');
    const before = inputCells(workbook);

    const result = runSetupTemplate(host);

    expect(result.created).toEqual(['ติดตามผล']);
    expect(result.repaired.sort()).toEqual(['ตั้งค่า', 'มาตรการ ITA'].sort());
    const width = before['มาตรการ ITA'].values[0].length;
    expect(measures.cells[0][width].value).toBe('ระยะเวลาดำเนินการ');
    // Old data rows are exactly as they were (the period texts stay in their old column).
    const after = inputCells(workbook);
    for (const sheet of ['มาตรการ ITA', 'ตั้งค่า', 'แผนปฏิบัติการ', 'อ้างอิง', 'คะแนน ITA']) {
      before[sheet].values.forEach((row, r) =>
        row.forEach((value, c) => {
          if (value !== null) expect([sheet, r, c, after[sheet].values[r][c]]).toEqual([sheet, r, c, value]);
        }),
      );
    }
    expect(settings.cells.at(-1)?.[0].value).toBe('แจ้งเตือนก่อนครบกำหนด (วัน)');
    expect(readWorkbook(workbook).inputs.settings.dueSoonDays).toBe(30);
  });
});

describe('the defaults', () => {
  test('the plan cycle follows the five-year cycles from 2566', () => {
    expect(templateDefaults('2026-11-22')).toEqual({
      planFirstYear: 2566,
      planLastYear: 2570,
      trackingYear: 2570,
    });
    expect(templateDefaults('2027-10-01')).toEqual({
      planFirstYear: 2571,
      planLastYear: 2575,
      trackingYear: 2571,
    });
    expect(templateDefaults('2023-01-15')).toEqual({
      planFirstYear: 2566,
      planLastYear: 2570,
      trackingYear: 2566,
    });
  });

  test('the reference defaults are the dimensions of the sample plan', () => {
    const fromCsv = csvRecords(sampleFiles().dimensions).map((d) => [
      d.dimension,
      d.dimension_name,
      d.submission,
      d.submission_name,
    ]);
    expect(
      DEFAULT_DIMENSIONS.map((d) => [d.dimension, d.dimensionName, d.submission, d.submissionName]),
    ).toEqual(fromCsv);
  });

  test('every input sheet key has a spec', () => {
    const keys: InputSheetKey[] = ['settings', 'reference', 'scores', 'plan', 'measures', 'tracking'];
    expect(INPUT_SHEETS.map((s) => s.key)).toEqual(keys);
  });
});
