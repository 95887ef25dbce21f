import { XlsxWorkbook } from '../../src/adapters/xlsx';
import { appendRecords } from '../../src/commands/append';
import { readWorkbook } from '../../src/commands/context';
import { FakeLock, RecordingUi } from '../../src/adapters/memory/memory-workbook';
import { overdueCommand, overdueJson } from '../../src/commands/overdue';
import {
  progressJson,
  progressSummaryCommand,
  runProgressSummary,
} from '../../src/commands/progress-summary';
import { runCreateTrackingRows } from '../../src/commands/tracking-rows';
import { buildSample } from '../../src/cli/sample';
import { PROGRESS_STATUSES } from '../../src/core/progress';
import { PROGRESS_TITLES } from '../../src/core/report/progress-report';
import { GENERATED_SHEETS, THAI_FONT } from '../../src/core/schema';
import type { SheetModel } from '../../src/core/sheet-model';
import type { Host } from '../../src/port/workbook';
import { inputCells, sampleFiles } from '../helpers/workbooks';
import { cellText, col, handMadeHost, tableUnder } from '../core/progress-fixtures';

const SHEET_6 = 'สรุปความก้าวหน้า 6 เดือน 2566';
const SHEET_12 = 'สรุปความก้าวหน้า 12 เดือน 2566';

function written(host: ReturnType<typeof handMadeHost>) {
  const result = runProgressSummary(host);
  if (!result.summary) throw new Error(`not written: ${result.outcome}`);
  return { summary: result.summary, json: progressJson(result.summary) };
}

function modelOf(host: ReturnType<typeof handMadeHost>, name: string): SheetModel {
  return host.workbook.requireSheet(name).model!;
}

describe('สร้างรายงานสรุปความก้าวหน้า… on the hand-made workbook', () => {
  const host = handMadeHost();
  const before = inputCells(host.workbook);
  const { json } = written(host);
  const model = modelOf(host, SHEET_6);

  test('defaults: the tracked year and the settings round; the sheet is named after both', () => {
    expect(json).toMatchObject({
      sheet: SHEET_6,
      fiscalYear: 2566,
      round: 6,
      window: { start: '2022-10-01', end: '2023-03-31' },
      asOf: '2023-03-31',
    });
    expect(host.workbook.activated?.name).toBe(SHEET_6);
  });

  test('heading: organisation, year, round with its window, as-of date, when generated', () => {
    // Two rows longer since the fingerprint line and the status cell (stale check) joined the heading.
    const heading = model.rows.slice(0, 10).map((r) => cellText(r[0]));
    expect(heading).toEqual(
      expect.arrayContaining([
        'รอบ 6 เดือน ประจำปีงบประมาณ พ.ศ. 2566',
        'องค์การบริหารส่วนตำบลทดสอบ',
        'รอบการรายงาน: รอบ 6 เดือน (1 ตุลาคม 2565 – 31 มีนาคม 2566)',
        'ข้อมูล ณ วันที่ 31 มีนาคม 2566',
        'ดำเนินการแล้วเสร็จ 2 จาก 10 รายการ (ร้อยละ 20.00) · เลยกำหนด 3 รายการ · ยังไม่รายงาน 3 รายการ',
      ]),
    );
    expect(heading.join('\n')).toContain('สร้างเมื่อ 15 เมษายน 2566 เวลา 10:00 น.');
  });

  test('the overall table equals the JSON counts', () => {
    const t = tableUnder(model, PROGRESS_TITLES.overall);
    const byLabel = new Map(t.rows.map((r) => [r[1], r[2]]));
    for (const s of PROGRESS_STATUSES) expect(byLabel.get(s.label)).toBe(json.counts[s.key]);
    expect(byLabel.get('รวม')).toBe(json.counts.total);
    expect(byLabel.get('เลยกำหนด (ยังไม่แล้วเสร็จ)')).toBe(json.counts.overdue);
  });

  test('the dimension table equals the JSON, with a total row equal to the overall counts', () => {
    const t = tableUnder(model, PROGRESS_TITLES.dimensions);
    const body = t.rows.slice(0, json.byDimension.length);
    expect(
      body.map((r) => [
        col(t, r, 'มิติที่'),
        ...PROGRESS_STATUSES.map((s) => col(t, r, s.label)),
        col(t, r, 'รวม (รายการ)'),
        col(t, r, 'เลยกำหนด'),
        col(t, r, 'ร้อยละที่แล้วเสร็จ'),
      ]),
    ).toEqual(
      json.byDimension.map((d) => [
        d.dimension,
        ...PROGRESS_STATUSES.map((s) => d[s.key]),
        d.total,
        d.overdue,
        d.percentDone,
      ]),
    );
    const total = t.rows[json.byDimension.length];
    expect([
      col(t, total, 'รวม (รายการ)'),
      col(t, total, 'เลยกำหนด'),
      col(t, total, 'ร้อยละที่แล้วเสร็จ'),
    ]).toEqual([10, 3, 20]);
  });

  test('the budget table equals the JSON; its total is the hand-computed 39,000 planned, 18,000 disbursed', () => {
    const t = tableUnder(model, PROGRESS_TITLES.budget);
    const withBudget = json.byDimension.filter((d) => d.planned !== null);
    expect(t.rows.slice(0, withBudget.length).map((r) => [r[0], r[2], r[3]])).toEqual(
      withBudget.map((d) => [d.dimension, d.planned, d.disbursed]),
    );
    expect(t.rows[withBudget.length].slice(1)).toEqual(['รวม', 39000, 18000, 46.15]);
  });

  test('the unit table equals the JSON', () => {
    const t = tableUnder(model, PROGRESS_TITLES.units);
    const body = t.rows.slice(0, json.byUnit.length);
    expect(
      body.map((r) => [col(t, r, 'หน่วยงานที่รับผิดชอบ'), col(t, r, 'รวม (รายการ)'), col(t, r, 'เลยกำหนด')]),
    ).toEqual(json.byUnit.map((u) => [u.unit, u.total, u.overdue]));
    // Then the note saying why the units add up to more than the items.
    expect(t.rows.slice(json.byUnit.length).map((r) => r[0])).toEqual([
      'รายการที่มีหลายหน่วยงานรับผิดชอบนับในทุกหน่วยงาน ผลรวมของตารางนี้จึงอาจมากกว่าจำนวนรายการทั้งหมด',
    ]);
  });

  test('items in the columns Thai organisations publish, grouped by dimension, with a link to each row', () => {
    const t = tableUnder(model, PROGRESS_TITLES.items);
    expect(t.header.slice(1, 6)).toEqual([
      'มาตรการ/โครงการ',
      'วิธีการ',
      'ผู้รับผิดชอบ',
      'ระยะเวลา',
      'ผลการดำเนินงาน',
    ]);
    const groups = t.rows.filter((r) => r.length === 1).map((r) => r[0]);
    expect(groups).toEqual([
      'มิติที่ 1 การสร้างวัฒนธรรมสุจริต (2 รายการ)',
      expect.stringMatching(/^มิติที่ 2 .* \(2 รายการ\)$/),
      expect.stringMatching(/^มิติที่ 3 .* \(1 รายการ\)$/),
      expect.stringMatching(/^มิติที่ 4 .* \(1 รายการ\)$/),
      'รหัสรายการที่ไม่พบในแผน (1 รายการ)',
      'มาตรการส่งเสริมคุณธรรมและความโปร่งใส (3 รายการ)',
    ]);
    const items = t.rows.filter((r) => r.length > 1);
    // Items and dimensions join on the same group key in the JSON.
    const sizes = json.byDimension.map((d) => json.items.filter((i) => i.group === d.group).length);
    expect(sizes).toEqual(json.byDimension.map((d) => d.total));
    expect(items.map((r) => String(col(t, r, 'มาตรการ/โครงการ')).split(' ')[0])).toEqual(
      json.items.map((i) => i.code),
    );
    const late = items.find((r) => String(r[1]).startsWith('1-02'))!;
    expect(col(t, late, 'สถานะ')).toBe('อยู่ระหว่างดำเนินการ\n(เลยกำหนด 59 วัน)');
    expect(col(t, late, 'ระยะเวลา')).toBe('ม.ค. 2566\nกำหนดแล้วเสร็จ 31 ม.ค. 66');
    const m2 = items.find((r) => String(r[1]).startsWith('M2'))!;
    expect([col(t, m2, 'วิธีการ'), col(t, m2, 'ผลการดำเนินงาน'), col(t, m2, 'ร้อยละความก้าวหน้า')]).toEqual([
      'ประกาศมาตรการ; จัดทำคู่มือ',
      'ประกาศแล้ว',
      40,
    ]);
    const at = model.rows.findIndex((r) => r[0] === PROGRESS_TITLES.items) + 3; // subtitle, header, group
    const link = model.rows[at][11];
    expect(link).toEqual({ kind: 'link', text: 'ติดตามผล แถว 2', sheet: 'ติดตามผล', row: 2, col: 1 });
    expect(model.merges.length).toBeLessThan(40); // no merge per item row
  });

  test('the overdue list and the unreadable rows equal the JSON', () => {
    const late = tableUnder(model, PROGRESS_TITLES.overdue);
    expect(late.rows.map((r) => [String(r[1]).split(' ')[0], col(late, r, 'เลยกำหนด (วัน)')])).toEqual(
      json.overdue.map((o) => [o.code, o.daysLate]),
    );
    expect(late.rows.map((r) => col(late, r, 'แถวในชีต (คลิกเพื่อไปยังแถว)'))).toEqual(
      json.overdue.map((o) => `${o.sheet} แถว ${o.row}`),
    );
    const bad = tableUnder(model, PROGRESS_TITLES.unreadable);
    expect(bad.rows.map((r) => col(bad, r, 'ผลต่อรายงาน'))).toEqual([
      ...json.unreadable.map(() => 'นับในรายงานแล้ว แต่ตรวจไม่ได้ว่าเลยกำหนดหรือไม่'),
      ...json.notCounted.map(() => 'ไม่ได้นับในรายงาน'),
    ]);
  });

  test('two charts over the dimension and budget tables; A4 landscape, Sarabun, protected', () => {
    const sheet = host.workbook.requireSheet(SHEET_6);
    expect(sheet.charts.map((c) => c.type)).toEqual(['stackedBar', 'column']);
    const [status, budget] = sheet.charts;
    const header = (r: number, c: number, n: number) => model.rows[r - 1].slice(c - 1, c - 1 + n);
    expect(header(status.data.row, status.data.col, status.data.cols)).toEqual([
      'มิติ',
      ...PROGRESS_STATUSES.map((s) => s.label),
    ]);
    expect(status.data.rows).toBe(1 + json.byDimension.length);
    expect(header(budget.data.row, budget.data.col, budget.data.cols)).toEqual([
      'มิติ',
      'งบประมาณตามแผน (บาท)',
      'เบิกจ่ายแล้ว (บาท)',
    ]);
    expect(model.print.orientation).toBe('landscape');
    expect(model.fontFamily).toBe(THAI_FONT);
    expect(sheet.protectedWarningOnly).toBe(true);
  });

  test('changes no value the user typed', () => {
    expect(inputCells(host.workbook)).toEqual(before);
  });
});

describe('rounds and re-runs', () => {
  test('re-running a round replaces only its sheet; the other round stays as it was', () => {
    const host = handMadeHost();
    written(host);
    host.ui = new RecordingUi(['2566', '12']);
    runProgressSummary(host);
    const twelve = JSON.stringify(host.workbook.requireSheet(SHEET_12).cells);
    // The user finishes 1-02 and re-runs the 6-month round.
    host.workbook.requireSheet('ติดตามผล').cells[2][7].value = 'ดำเนินการแล้วเสร็จ';
    host.ui = new RecordingUi();
    const again = written(host);
    expect(again.json.counts.done).toBe(3);
    expect(
      host.workbook.listSheets().filter((s) => s.name.startsWith(GENERATED_SHEETS.progressPrefix)),
    ).toHaveLength(2);
    expect(JSON.stringify(host.workbook.requireSheet(SHEET_12).cells)).toBe(twelve);
    expect(modelOf(host, SHEET_6).rows.map((r) => cellText(r[0]))).toContain(
      'ดำเนินการแล้วเสร็จ 3 จาก 10 รายการ (ร้อยละ 30.00) · เลยกำหนด 2 รายการ · ยังไม่รายงาน 3 รายการ',
    );
  });

  test('the 12-month round covers the whole year', () => {
    const host = handMadeHost();
    host.ui = new RecordingUi(['2566', '๑๒']);
    const result = runProgressSummary(host);
    expect(result.summary?.window).toEqual({ start: '2022-10-01', end: '2023-09-30' });
    expect(modelOf(host, SHEET_12).rows.map((r) => cellText(r[0]))).toContain(
      'รอบการรายงาน: รอบ 12 เดือน (1 ตุลาคม 2565 – 30 กันยายน 2566)',
    );
  });

  test('cancelling either question writes nothing; a bad round gets a Thai alert', () => {
    for (const answers of [[null], ['2566', null]]) {
      const host = handMadeHost();
      host.ui = new RecordingUi(answers);
      expect(runProgressSummary(host).outcome).toBe('cancelled');
      expect(host.ui.alerts).toEqual([]);
      expect(host.workbook.sheet(SHEET_6)).toBeUndefined();
    }
    const host = handMadeHost();
    host.ui = new RecordingUi(['2566', '9']);
    expect(runProgressSummary(host).outcome).toBe('badAnswer');
    expect(host.ui.alerts[0].title).toBe('รอบการรายงานไม่ถูกต้อง');
    expect(host.workbook.listSheets().map((s) => s.name)).not.toContain(SHEET_6);
  });

  test('options (CLI --fy, --round, --as-of) are the answers the offline prompt gives', () => {
    const host = handMadeHost();
    const result = progressSummaryCommand.run(host, { fiscalYear: 2567, round: 12, asOf: '2024-10-01' });
    const json = progressSummaryCommand.json(result) as ReturnType<typeof progressJson>;
    expect(json).toMatchObject({
      sheet: 'สรุปความก้าวหน้า 12 เดือน 2567',
      fiscalYear: 2567,
      round: 12,
      asOf: '2024-10-01',
    });
    expect(json.overdue.map((o) => [o.code, o.daysLate])).toEqual([
      ['2-01', 1],
      ['3-02', 1],
    ]);
    expect(progressSummaryCommand.summary(result)).toContain('แล้วเสร็จ 0 จาก 2 รายการ');
  });

  test('port calls do not grow with rows', () => {
    const calls = [0, 200].map((extra) => {
      const host = handMadeHost();
      const rows = Array.from({ length: extra }, (_, i) => ({
        values: { code: `8-${i}`, fiscalYear: 2566 },
      }));
      appendRecords(host.workbook, 'ติดตามผล', 'tracking', rows);
      host.workbook.calls.clear();
      const counted = runProgressSummary(host).summary?.counts.total;
      return { calls: host.workbook.totalCalls(), counted };
    });
    expect(calls[1].counted).toBe((calls[0].counted ?? 0) + 200);
    expect(calls[1].calls).toBe(calls[0].calls);
  });
});

describe('through the xlsx host: sample built with XlsxWorkbook, commands run, saved and reloaded', () => {
  test('tracking rows, overdue sheet and summary sheet survive save and reload', async () => {
    const workbook = XlsxWorkbook.create();
    buildSample(workbook, sampleFiles());
    const ui = new RecordingUi();
    const host: Host = { workbook, ui, lock: new FakeLock(), now: () => new Date('2023-10-02T03:00:00Z') };
    expect(runCreateTrackingRows(host).outcome).toBe('nothingToAdd');
    const overdue = overdueJson(
      (overdueCommand.run(host, { asOf: '2023-10-01' }) as { analysis: never }).analysis,
    );
    const summary = runProgressSummary(host, { asOf: '2023-10-01' });
    expect(summary.summary?.sheetName).toBe(SHEET_6);

    const reloaded = await XlsxWorkbook.fromBuffer(await workbook.toBuffer());
    const { inputs } = readWorkbook(reloaded);
    expect(inputs.tracking).toHaveLength(27);
    expect(inputs.tracking[0]).toMatchObject({
      code: '1-01',
      fiscalYear: 2566,
      start: '2022-10-01',
      deadline: '2023-09-30',
    });
    const late = reloaded.readSheet(GENERATED_SHEETS.overdue)!;
    const flat = late.values.flat();
    expect(flat).toContain(
      'ข้อมูล ณ วันที่ 1 ตุลาคม 2566 · "ใกล้ครบกำหนด" = ครบกำหนดภายใน 30 วัน · เลยกำหนดนับจากวันถัดจากวันครบกำหนด',
    );
    expect(overdue.overdue).toHaveLength(33);
    expect(flat.filter((v) => v === '30 กันยายน 2566')).toHaveLength(33);
    const sheet = reloaded.readSheet(SHEET_6)!.values.flat();
    expect(sheet).toContain(
      'ดำเนินการแล้วเสร็จ 0 จาก 33 รายการ (ร้อยละ 0.00) · เลยกำหนด 33 รายการ · ยังไม่รายงาน 33 รายการ',
    );
    expect(sheet).toContain(PROGRESS_TITLES.items);
  });
});
