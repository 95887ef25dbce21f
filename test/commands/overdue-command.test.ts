import { appendRecords } from '../../src/commands/append';
import { runClearMarks } from '../../src/commands/clear-marks';
import { BUSY_MESSAGE } from '../../src/commands/context';
import { overdueCommand, overdueJson, runOverdue } from '../../src/commands/overdue';
import { runValidate } from '../../src/commands/validate';
import { MARK_STYLE } from '../../src/core/marks';
import { GENERATED_SHEETS } from '../../src/core/schema';
import { isLinkCell } from '../../src/core/sheet-model';
import { inputCells, sampleHost } from '../helpers/workbooks';
import { cellText, col, handMadeHost, tableUnder } from '../core/progress-fixtures';

const OVERDUE_TITLE = 'รายการที่เลยกำหนด (เรียงจากเลยกำหนดนานที่สุด)';

function layerOf(host: ReturnType<typeof handMadeHost>, sheet: string, row: number, column: number) {
  const cell = host.workbook.requireSheet(sheet).cells[row - 1]?.[column - 1];
  return { background: cell?.background ?? null, note: cell?.note ?? '' };
}

describe('ตรวจหามาตรการที่เลยกำหนด on the hand-made workbook (as of 31 Mar 2566 from the settings)', () => {
  const host = handMadeHost();
  const before = inputCells(host.workbook);
  const result = runOverdue(host);
  const model = host.workbook.requireSheet(GENERATED_SHEETS.overdue).model!;
  const json = overdueJson(result.analysis);

  test('uses the settings as-of date and writes the heading', () => {
    expect(json.asOf).toBe('2023-03-31');
    const text = model.rows.flat().map(cellText).join('\n');
    expect(text).toContain('องค์การบริหารส่วนตำบลทดสอบ');
    expect(text).toContain('ข้อมูล ณ วันที่ 31 มีนาคม 2566');
    expect(text).toContain('สร้างเมื่อ 15 เมษายน 2566 เวลา 10:00 น.');
  });

  test('the overdue table equals the JSON, most days late first, each with a link to its row', () => {
    const table = tableUnder(model, OVERDUE_TITLE);
    expect(table.rows.map((r) => [col(table, r, 'รหัส/ลำดับ'), col(table, r, 'เลยกำหนด (วัน)')])).toEqual(
      json.overdue.map((o) => [o.code, o.daysLate]),
    );
    expect(json.overdue.map((o) => [o.sheet, o.row, o.code, o.deadline, o.daysLate, o.status])).toEqual([
      ['มาตรการ ITA', 4, 'M3', '2022-09-30', 182, 'อยู่ระหว่างดำเนินการ'],
      ['มาตรการ ITA', 2, 'M1', '2022-12-31', 90, null],
      ['ติดตามผล', 3, '1-02', '2023-01-31', 59, 'อยู่ระหว่างดำเนินการ'],
    ]);
    expect(table.rows.map((r) => col(table, r, 'กำหนดแล้วเสร็จ'))).toEqual([
      '30 กันยายน 2565',
      '31 ธันวาคม 2565',
      '31 มกราคม 2566',
    ]);
    expect(table.rows.map((r) => col(table, r, 'สถานะ'))).toEqual([
      'อยู่ระหว่างดำเนินการ',
      'ยังไม่ระบุสถานะ',
      'อยู่ระหว่างดำเนินการ',
    ]);
    const at = model.rows.findIndex((r) => r[0] === OVERDUE_TITLE) + 2;
    const links = model.rows.slice(at, at + 3).map((r) => r.find(isLinkCell));
    expect(links.map((l) => l && [l.sheet, l.row, l.col])).toEqual([
      ['มาตรการ ITA', 4, 3],
      ['มาตรการ ITA', 2, 3],
      ['ติดตามผล', 3, 1],
    ]);
  });

  test('due soon, per unit and the unreadable rows are in the sheet as in the JSON', () => {
    const soon = tableUnder(model, 'รายการที่ใกล้ครบกำหนด (ภายใน 30 วัน)');
    expect(soon.rows.map((r) => [col(soon, r, 'รหัส/ลำดับ'), col(soon, r, 'เหลือเวลา (วัน)')])).toEqual(
      json.dueSoon.map((d) => [d.code, d.daysLeft]),
    );
    expect(json.dueSoon.map((d) => [d.code, d.daysLeft])).toEqual([['2-01', 15]]);
    const units = tableUnder(model, 'จำนวนรายการตามหน่วยงานที่รับผิดชอบ (รายการที่มีหลายหน่วยงานนับในทุกหน่วยงาน)');
    expect(units.rows.map((r) => r.slice(1))).toEqual(json.byUnit.map((u) => [u.unit, u.overdue, u.dueSoon]));
    const unreadable = tableUnder(model, 'อ่านระยะเวลาไม่ได้ (ตรวจไม่ได้ว่าเลยกำหนดหรือไม่ กรุณาแก้ไขตามที่แนะนำ)');
    expect(unreadable.rows.map((r) => col(unreadable, r, 'รหัส/ลำดับ'))).toEqual(
      json.unreadable.map((u) => u.code),
    );
    expect(json.unreadable.map((u) => [u.sheet, u.cell, u.code])).toEqual([
      ['ติดตามผล', 'G6', '9-99'],
      ['ติดตามผล', 'C7', '1-01'],
      ['มาตรการ ITA', 'F5', 'M4'],
    ]);
    const counts = tableUnder(model, 'สรุปจำนวน');
    expect(counts.rows.map((r) => r[2])).toEqual([3, 1, 3, 3, 10]);
  });

  test('marks the late rows and the due-soon row, changing no value the user typed', () => {
    expect(inputCells(host.workbook)).toEqual(before);
    const late = layerOf(host, 'ติดตามผล', 3, 1);
    expect(late.background).toBe(MARK_STYLE.overdue.color);
    expect(late.note).toContain('เลยกำหนด 59 วัน');
    expect(layerOf(host, 'มาตรการ ITA', 2, 3).background).toBe(MARK_STYLE.overdue.color);
    const soon = layerOf(host, 'ติดตามผล', 4, 1);
    expect(soon.background).toBe(MARK_STYLE.dueSoon.color);
    expect(soon.note).toContain('อีก 15 วัน');
    expect(layerOf(host, 'ติดตามผล', 2, 1).background).toBeNull(); // done: no mark
    expect(result.marked).toBe(4);
  });

  test('toasts the counts', () => {
    expect(host.ui.toasts.at(-1)?.message).toContain('เลยกำหนด 3 รายการ');
    expect(host.ui.toasts.at(-1)?.message).toContain('ใกล้ครบกำหนด (ภายใน 30 วัน) 1 รายการ');
    expect(host.ui.toasts.at(-1)?.message).toContain('อ่านระยะเวลาไม่ได้ 3 รายการ');
  });
});

describe('marks come off exactly', () => {
  test('ล้างเครื่องหมาย restores the user own colour and note', () => {
    const host = handMadeHost();
    const cell = host.workbook.requireSheet('ติดตามผล').cells[2][0];
    cell.background = '#00ff00';
    cell.note = 'ติดตามกับกองคลังแล้ว';
    runOverdue(host);
    expect(cell.background).toBe(MARK_STYLE.overdue.color);
    expect(cell.note).toContain('ติดตามกับกองคลังแล้ว');
    runClearMarks(host);
    expect(cell.background).toBe('#00ff00');
    expect(cell.note).toBe('ติดตามกับกองคลังแล้ว');
    expect(host.workbook.requireSheet('มาตรการ ITA').cells[1][2].background).toBeNull();
  });

  test('a row done since the last check loses its mark on the next run', () => {
    const host = handMadeHost();
    runOverdue(host);
    const sheet = host.workbook.requireSheet('ติดตามผล');
    sheet.cells[2][7].value = 'ดำเนินการแล้วเสร็จ';
    runOverdue(host);
    expect(sheet.cells[2][0].background).toBeNull();
    expect(sheet.cells[2][0].note).toBe('');
  });

  test('overdue marks and validation marks live together; a run with nothing late leaves only validation', () => {
    const host = handMadeHost();
    const layers = () =>
      ['แผนปฏิบัติการ', 'มาตรการ ITA', 'ติดตามผล'].map((name) =>
        host.workbook.requireSheet(name).cells.map((r) => r.map((c) => [c.background, c.note])),
      );
    runValidate(host);
    const validated = JSON.stringify(layers());
    runOverdue(host, { asOf: '2023-10-01' });
    expect(JSON.stringify(layers())).not.toBe(validated);
    // Nothing is due within 30 days of 1 Jan 2565: every overdue mark goes, every validation mark stays.
    const none = runOverdue(host, { asOf: '2022-01-01' });
    expect(none.analysis.overdue.length + none.analysis.dueSoon.length).toBe(0);
    expect(JSON.stringify(layers())).toBe(validated);
  });
});

describe('as-of dates', () => {
  test('--as-of overrides the settings; blank settings = today in Bangkok', () => {
    const host = handMadeHost({ asOf: null });
    // 2023-09-30T17:30Z is already 1 Oct 2566 in Bangkok.
    host.now = () => new Date('2023-09-30T17:30:00Z');
    expect(runOverdue(host).analysis.asOf).toBe('2023-10-01');
    expect(runOverdue(host, { asOf: '2023-01-01' }).analysis.asOf).toBe('2023-01-01');
  });
});

describe('batching', () => {
  test('port calls do not grow with rows', () => {
    const counts = [0, 200].map((extra) => {
      const host = handMadeHost();
      appendRecords(
        host.workbook,
        'ติดตามผล',
        'tracking',
        Array.from({ length: extra }, (_, i) => ({
          values: {
            code: '1-02',
            name: `แถว ${i}`,
            fiscalYear: 2566,
            deadline: { kind: 'date', iso: '2023-01-01' },
          },
        })),
      );
      host.workbook.calls.clear();
      const result = runOverdue(host);
      return { calls: host.workbook.totalCalls(), overdue: result.analysis.overdue.length };
    });
    expect(counts[1].overdue).toBe(counts[0].overdue + 200);
    expect(counts[1].calls).toBe(counts[0].calls);
  });

  test('when another user holds the lock: Thai message, nothing written', () => {
    const host = handMadeHost();
    host.lock.busy = true;
    expect(() => runOverdue(host)).toThrow(BUSY_MESSAGE);
    expect(host.workbook.sheet(GENERATED_SHEETS.overdue)).toBeUndefined();
  });
});

describe('on the sample workbook', () => {
  test('as of 1 Oct 2566 every open row of FY 2566 is 1 day late; the spec gives JSON', () => {
    const host = sampleHost();
    const result = overdueCommand.run(host, { asOf: '2023-10-01' });
    const json = overdueCommand.json(result) as ReturnType<typeof overdueJson>;
    expect(json.overdue.length).toBe(27 + 6); // 27 plan items (dimensions 5+12+4+6) and 6 measures
    expect(new Set(json.overdue.map((o) => o.daysLate))).toEqual(new Set([1]));
    expect(json.unreadable).toEqual([]);
    expect(overdueCommand.failed(result)).toBe(false);
    expect(overdueCommand.summary(result)).toContain('เลยกำหนด 33 รายการ');
  });

  test('as of the sample settings date (31 Mar 2566) nothing is late yet', () => {
    const host = sampleHost();
    const json = overdueJson(runOverdue(host).analysis);
    expect(json).toMatchObject({ asOf: '2023-03-31', overdue: [], dueSoon: [], unreadable: [] });
  });
});
