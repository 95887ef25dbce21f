import { memoryHost, MemoryWorkbook, RecordingUi } from '../../src/adapters/memory/memory-workbook';
import { appendRecords } from '../../src/commands/append';
import { BUSY_MESSAGE, readWorkbook } from '../../src/commands/context';
import { runCreateTrackingRows, trackingRowsCommand } from '../../src/commands/tracking-rows';
import { validate } from '../../src/core/validate';
import { inputCells, sampleHost, sampleWorkbook } from '../helpers/workbooks';
import { handMadeHost, PLAN_ROWS } from '../core/progress-fixtures';

const TRACKING = 'ติดตามผล';

function trackingValues(host: { workbook: MemoryWorkbook }) {
  return host.workbook.values(TRACKING).map((r) => r.map((v) => (v instanceof Date ? v.toISOString() : v)));
}

describe('สร้างแถวติดตามผลปีงบประมาณ…', () => {
  test('asks the year (default: the tracked year), appends only the missing rows in one write', () => {
    const host = handMadeHost();
    const prompts: string[] = [];
    host.ui.prompt = (_title, _message, defaultValue) => {
      prompts.push(defaultValue);
      return defaultValue;
    };
    const before = trackingValues(host);
    const result = runCreateTrackingRows(host);
    expect(prompts).toEqual(['2566']);
    expect(result.outcome).toBe('added');
    expect(result.added.map((a) => [a.row, a.code, a.start, a.deadline])).toEqual([
      [8, '2-02', '2022-10-01', '2023-03-31'],
      [9, '3-01', '2022-11-01', '2022-11-30'],
    ]);
    expect(host.workbook.calls.get('appendRows')).toBe(1);
    const after = trackingValues(host);
    expect(after.slice(0, before.length)).toEqual(before); // existing rows untouched
    const { inputs } = readWorkbook(host.workbook);
    const added = inputs.tracking.filter((t) => t.row >= 8);
    expect(added.map((t) => [t.code, t.name, t.fiscalYear, t.responsibleText, t.start, t.deadline])).toEqual([
      ['2-02', 'โครงการศูนย์ข้อมูลข่าวสาร', 2566, 'กองคลัง', '2022-10-01', '2023-03-31'],
      ['3-01', 'โครงการเวทีประชาคม', 2566, 'งานกิจการสภา', '2022-11-01', '2022-11-30'],
    ]);
    expect(added.map((t) => [t.plannedBudget?.kind === 'amount' && t.plannedBudget.value, t.status])).toEqual(
      [
        [10000, null],
        [3000, null],
      ],
    );
    // The dates are real date cells, not text.
    expect(host.workbook.requireSheet(TRACKING).cells[7][6].value).toBeInstanceOf(Date);
  });

  test('the item that could not get a row is named with its cell in an alert', () => {
    const host = handMadeHost();
    const result = runCreateTrackingRows(host);
    expect(result.skipped.map((s) => [s.code, s.cell])).toEqual([['4-01', 'L8']]);
    const alert = host.ui.alerts.at(-1);
    expect(alert?.message).toContain('เพิ่มแถวติดตามผลปีงบประมาณ 2566 แล้ว 2 แถว');
    expect(alert?.message).toContain('สร้างแถวไม่ได้ 1 รายการ');
    expect(alert?.message).toContain('รหัส 4-01 เซลล์ L8');
  });

  test('idempotent: a second run adds nothing and changes nothing', () => {
    const host = handMadeHost();
    runCreateTrackingRows(host);
    const once = inputCells(host.workbook);
    const second = runCreateTrackingRows(host);
    expect(second.outcome).toBe('nothingToAdd');
    expect(second.added).toEqual([]);
    expect(second.existing).toEqual(['1-01', '1-02', '2-01', '2-02', '3-01', '4-02']);
    expect(inputCells(host.workbook)).toEqual(once);
  });

  test('another year from the prompt; the rows it adds validate without new findings', () => {
    const host = handMadeHost();
    host.ui = new RecordingUi(['๒๕๖๗']);
    const findingsBefore = validate(readWorkbook(host.workbook).inputs).length;
    const result = runCreateTrackingRows(host);
    expect(result.fiscalYear).toBe(2567);
    expect(result.added.map((a) => [a.code, a.deadline, a.plannedBudget])).toEqual([
      ['2-01', '2024-09-30', 5000],
      ['3-02', '2024-09-30', 9999],
    ]);
    expect(validate(readWorkbook(host.workbook).inputs).length).toBe(findingsBefore);
  });

  test('cancel stops quietly; an answer that is not a B.E. year gets a Thai alert; nothing is written', () => {
    const host = handMadeHost();
    const before = inputCells(host.workbook);
    host.ui = new RecordingUi([null]);
    expect(runCreateTrackingRows(host).outcome).toBe('cancelled');
    expect(host.ui.alerts).toEqual([]);
    expect(host.ui.toasts).toEqual([]);
    host.ui = new RecordingUi(['2023']);
    expect(runCreateTrackingRows(host).outcome).toBe('badYear');
    expect(host.ui.alerts.map((a) => a.title)).toEqual(['ปีงบประมาณไม่ถูกต้อง']);
    expect(host.ui.alerts[0].message).toContain('พ.ศ. 2566');
    expect(inputCells(host.workbook)).toEqual(before);
  });

  test('no dialog waits while the document lock is held', () => {
    const host = handMadeHost();
    const held: string[] = [];
    host.ui.prompt = (_t, _m, defaultValue) => {
      held.push(`prompt ${host.lock.held}`);
      return defaultValue;
    };
    host.ui.alert = () => held.push(`alert ${host.lock.held}`);
    runCreateTrackingRows(host);
    expect(held).toEqual(['prompt false', 'alert false']);
    host.lock.busy = true;
    expect(() => runCreateTrackingRows(host)).toThrow(BUSY_MESSAGE);
  });

  test('a row whose year cannot be read blocks a duplicate and says which row', () => {
    const host = handMadeHost({ tracking: [{ values: { code: '2-02', fiscalYear: 'ปีนี้' } }] });
    const result = runCreateTrackingRows(host);
    expect(result.added.map((a) => a.code)).not.toContain('2-02');
    expect(host.ui.alerts.at(-1)?.message).toContain('แถว 2 ในชีต "ติดตามผล"');
  });

  test('without a tracking sheet it stops with a Thai message', () => {
    const host = handMadeHost();
    host.workbook.deleteSheet(TRACKING);
    expect(() => runCreateTrackingRows(host)).toThrow('ไม่พบชีต "ติดตามผล"');
  });

  test('port calls do not grow with the number of plan items', () => {
    const calls = [0, 300].map((extra) => {
      const host = handMadeHost({ tracking: [] });
      appendRecords(
        host.workbook,
        'แผนปฏิบัติการ',
        'plan',
        Array.from({ length: extra }, (_, i) => ({
          ...PLAN_ROWS[0],
          values: { ...PLAN_ROWS[0].values, code: `9-${i}` },
        })),
      );
      host.workbook.calls.clear();
      const result = runCreateTrackingRows(host);
      return { calls: host.workbook.totalCalls(), added: result.added.length };
    });
    expect(calls[1].added).toBe(calls[0].added + 300);
    expect(calls[1].calls).toBe(calls[0].calls);
  });
});

describe('the sample workbook', () => {
  test('holds the rows the planner derives for its tracked year, statuses blank; running adds nothing', () => {
    const host = sampleHost();
    const { inputs } = readWorkbook(host.workbook);
    expect(inputs.tracking).toHaveLength(inputs.plan.length);
    expect(inputs.tracking.map((t) => t.code)).toEqual(inputs.plan.map((p) => p.code));
    expect(
      new Set(inputs.tracking.map((t) => `${t.fiscalYear} ${t.start} ${t.deadline} ${t.status}`)),
    ).toEqual(new Set(['2566 2022-10-01 2023-09-30 null']));
    // The two plan items whose unit is still a form placeholder get a blank unit, not the placeholder.
    expect(inputs.tracking.filter((t) => t.responsibleText === '').map((t) => t.code)).toEqual([
      '2-01',
      '4-05',
    ]);
    const result = trackingRowsCommand.run(host, {});
    expect(trackingRowsCommand.json(result)).toMatchObject({
      outcome: 'nothingToAdd',
      fiscalYear: 2566,
      added: [],
    });
    expect(trackingRowsCommand.failed(result)).toBe(false);
  });

  test('the sample still validates with only its two placeholder findings', () => {
    const findings = validate(readWorkbook(sampleWorkbook()).inputs);
    expect(findings.map((f) => [f.sheet, f.rule])).toEqual([
      ['แผนปฏิบัติการ', 'placeholder'],
      ['แผนปฏิบัติการ', 'placeholder'],
    ]);
  });

  test('on an empty workbook it still works: nothing to add', () => {
    const host = memoryHost(new MemoryWorkbook());
    host.workbook.setSheet('ตั้งค่า', [['รายการ', 'ค่า']]);
    host.workbook.setSheet('แผนปฏิบัติการ', [['รหัสรายการ', 'ระยะเวลาดำเนินการ']]);
    host.workbook.setSheet(TRACKING, [['รหัสรายการ', 'ปีงบประมาณ']]);
    const result = runCreateTrackingRows(host, { fiscalYear: 2566 });
    expect(result.outcome).toBe('nothingToAdd');
    expect(host.ui.toasts.at(-1)?.message).toContain('ไม่มีแถวติดตามผลปีงบประมาณ 2566 ที่ต้องเพิ่ม');
  });
});
