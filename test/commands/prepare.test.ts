/**
 * "เตรียมส่งผู้บังคับบัญชา": every step in order under one lock, one toast each, every generated sheet
 * protected warning-only, the progress summary in front, money totals also in words; idempotent; the
 * inputs never change. On the memory host, through the .xlsx host (save and reload) and through the
 * SpreadsheetApp fake via gasHost().
 */
import { gasHost } from '../../src/adapters/gas';
import { FakeLock, RecordingUi, type MemoryWorkbook } from '../../src/adapters/memory/memory-workbook';
import { XlsxWorkbook } from '../../src/adapters/xlsx';
import { appendRecords, type NewRow } from '../../src/commands/append';
import { CommandError } from '../../src/commands/context';
import { prepareCommand, runPrepareForSupervisors } from '../../src/commands/prepare';
import { runStaleCheck } from '../../src/commands/stale';
import { buildSample } from '../../src/cli/sample';
import type { CellValue } from '../../src/core/cells';
import { PROGRESS_WORDS } from '../../src/core/report/progress-report';
import { BUDGET_REPORT_TEXT } from '../../src/core/report/budget-report';
import { SIGNOFF_LAYOUT, ENTRY_COLS } from '../../src/core/report/signoff-report';
import { FRESH_TEXT, sheetsInStatus } from '../../src/core/report/provenance';
import { GENERATED_SHEETS } from '../../src/core/schema';
import { parseState } from '../../src/core/state';
import { bahtText, bahtWithWords } from '../../src/core/thai/bahttext';
import type { Host } from '../../src/port/workbook';
import { installFakeGlobals, uninstallFakeGlobals } from '../fakes/spreadsheet-app';
import { inputCells, sampleFiles, sampleHost, sampleSeeds, setCell } from '../helpers/workbooks';

const PROGRESS = 'สรุปความก้าวหน้า 6 เดือน 2566';
/** The steps of เตรียมส่งผู้บังคับบัญชา, in the order they run. */
const STEPS = ['validate', 'budget', 'overdue', 'summary', 'ita', 'signoff'];
const NOW = new Date('2023-04-15T03:00:00Z');
const REPORTS = [
  GENERATED_SHEETS.validation,
  GENERATED_SHEETS.budget,
  GENERATED_SHEETS.overdue,
  PROGRESS,
  GENERATED_SHEETS.ita,
];

/**
 * Everything a memory workbook holds, as comparable JSON. One exception: the memory adapter's
 * appendRows resets a cell's `style` (Sheets' setValues and exceljs keep formats on a values write), so
 * the style of the sign-off heading block, refreshed by appendRows, is left out here; the .xlsx test
 * below covers formats kept across a refresh.
 */
function wholeWorkbook(workbook: MemoryWorkbook): string {
  const { fingerprint, lastSlot } = SIGNOFF_LAYOUT;
  return JSON.stringify(
    workbook.listSheets().map(({ name }) => {
      const s = workbook.requireSheet(name);
      const refreshed = (r: number) =>
        name === GENERATED_SHEETS.signOff && r >= fingerprint - 1 && r < lastSlot;
      return {
        name: s.name,
        id: s.id,
        hidden: s.hidden,
        cells: s.cells.map((row, r) => row.map((c) => (refreshed(r) ? { ...c, style: null } : c))),
        merges: s.merges,
        widths: [...s.columnWidths],
        formats: [...s.columnFormats],
        frozen: [s.frozenRows, s.frozenColumns],
        protect: s.protectedWarningOnly,
        charts: s.charts,
        tab: s.tabColor ?? null,
      };
    }),
  );
}

describe('on the memory host', () => {
  test('runs every step in order under one lock, one toast each, and brings the progress summary to the front', () => {
    const host = sampleHost();
    const result = runPrepareForSupervisors(host, {});
    expect(result.steps.map((s) => s.name)).toEqual(STEPS);
    expect(host.ui.toasts.map((t) => t.title)).toEqual([
      'เตรียมส่งผู้บังคับบัญชา 1/6: ตรวจสอบข้อมูล',
      'เตรียมส่งผู้บังคับบัญชา 2/6: คำนวณงบประมาณรายมิติ',
      'เตรียมส่งผู้บังคับบัญชา 3/6: ตรวจหามาตรการที่เลยกำหนด',
      'เตรียมส่งผู้บังคับบัญชา 4/6: สร้างรายงานสรุปความก้าวหน้า',
      'เตรียมส่งผู้บังคับบัญชา 5/6: สรุปคะแนน ITA',
      'เตรียมส่งผู้บังคับบัญชา 6/6: ชีตการรับรอง',
    ]);
    expect(host.ui.toasts[0].message).toContain('พบข้อผิดพลาด 2 รายการ');
    expect(host.ui.toasts[1].message).toContain('386,000 บาท');
    expect(host.ui.toasts[3].message).toContain('รอบ 6 เดือน ปีงบประมาณ 2566');
    expect(host.ui.toasts[5].message).toContain('สร้างชีต "การรับรอง" แล้ว แนบรายงาน 5 ชีต');
    expect(host.ui.alerts).toEqual([]);
    expect(host.lock.attempts).toBe(1);
    expect(host.lock.held).toBe(false);
    expect(result.front).toBe(PROGRESS);
    expect(host.workbook.activated?.name).toBe(PROGRESS);
  });

  test('every generated sheet is protected warning-only, except the sign-off sheet supervisors type in', () => {
    const host = sampleHost();
    runPrepareForSupervisors(host, {});
    for (const name of [...REPORTS, GENERATED_SHEETS.marks, GENERATED_SHEETS.state])
      expect([name, host.workbook.requireSheet(name).protectedWarningOnly]).toEqual([name, true]);
    expect(host.workbook.requireSheet(GENERATED_SHEETS.signOff).protectedWarningOnly).toBe(false);
    expect(host.workbook.requireSheet(GENERATED_SHEETS.state).hidden).toBe(true);
  });

  test('every summary carries the signature, its fingerprint and a fresh status cell recorded in the state', () => {
    const host = sampleHost();
    runPrepareForSupervisors(host, {});
    const state = parseState(host.workbook.values(GENERATED_SHEETS.state));
    expect(state.map((e) => e.name)).toEqual([...REPORTS, GENERATED_SHEETS.signOff]);
    for (const e of state) {
      const heading = host.workbook
        .values(e.name)
        .slice(0, 8)
        .map((r) => r[0]);
      expect(heading.some((t) => typeof t === 'string' && t.includes('สร้างโดย ITA Sheets'))).toBe(true);
      expect(heading.some((t) => typeof t === 'string' && /^ลายนิ้วมือข้อมูล: [0-9a-f]{8} /.test(t))).toBe(true);
      expect(host.workbook.values(e.name)[(e.status?.row as number) - 1][0]).toBe(FRESH_TEXT);
      expect(e.sheetId).toBe(host.workbook.requireSheet(e.name).id);
    }
  });

  test('money totals are also stated in words, equal to bahtText of the figures in the cells', () => {
    const host = sampleHost();
    runPrepareForSupervisors(host, {});
    const budget = host.workbook.values(GENERATED_SHEETS.budget);
    const header = budget.findIndex((r) => r[0] === BUDGET_REPORT_TEXT.codeHeader);
    const years = (budget[header] as string[]).filter(
      (h) => typeof h === 'string' && /^งบประมาณ พ\.ศ\. \d{4}/.test(h),
    );
    const grandRow = budget.find(
      (r, i) => i > header && r[1] === BUDGET_REPORT_TEXT.grandTotal,
    ) as CellValue[];
    const firstYearCol = (budget[header] as string[]).indexOf(years[0]);
    const lines = budget.map((r) => r[0]).filter((t): t is string => typeof t === 'string');
    years.forEach((h, i) => {
      const year = /\d{4}/.exec(h)?.[0];
      const figure = grandRow[firstYearCol + i] as number;
      const line = lines.find((t) => t.startsWith(`ปีงบประมาณ พ.ศ. ${year}: `));
      expect(line).toBe(`ปีงบประมาณ พ.ศ. ${year}: ${bahtWithWords(figure)}`);
      expect(line).toContain(`(${bahtText(figure)})`);
    });
    const total = grandRow[firstYearCol + years.length] as number;
    expect(total).toBe(386000);
    expect(lines.find((t) => t.startsWith(`${BUDGET_REPORT_TEXT.grandTotal} พ.ศ.`))).toContain(
      '386,000 บาท (สามแสนแปดหมื่นหกพันบาทถ้วน)',
    );
    expect(lines.some((t) => t.includes(`(${bahtText(total)})`) && t.startsWith('รวม 27 รายการ'))).toBe(true);

    const progress = host.workbook.values(PROGRESS);
    const budgetHeader = progress.findIndex((r) => r[2] === 'งบประมาณตามแผน (บาท)');
    const totalRow = progress.find((r, i) => i > budgetHeader && r[1] === 'รวม') as CellValue[];
    const [planned, disbursed] = [totalRow[2] as number, totalRow[3] as number];
    const texts = progress.map((r) => r[0]);
    expect(texts).toContain(`${PROGRESS_WORDS.planned}: ${bahtWithWords(planned)}`);
    expect(texts).toContain(`${PROGRESS_WORDS.disbursed}: ${bahtWithWords(disbursed)}`);
    expect(planned).toBeGreaterThan(0);
  });

  test('money words follow the figures: satang and a new total', () => {
    const host = sampleHost();
    setCell(host.workbook, 'plan', 1, 2566, 20000.5);
    runPrepareForSupervisors(host, {});
    const lines = host.workbook.values(GENERATED_SHEETS.budget).map((r) => r[0]);
    expect(lines).toContain('ปีงบประมาณ พ.ศ. 2566: 77,200.50 บาท (เจ็ดหมื่นเจ็ดพันสองร้อยบาทห้าสิบสตางค์)');
  });

  test('idempotent: a second run on the same data with the same clock gives the same workbook', () => {
    const host = sampleHost();
    runPrepareForSupervisors(host, {});
    const first = wholeWorkbook(host.workbook);
    runPrepareForSupervisors(host, {});
    expect(wholeWorkbook(host.workbook)).toBe(first);
  });

  test('the inputs never change', () => {
    const host = sampleHost();
    const before = inputCells(host.workbook);
    runPrepareForSupervisors(host, {});
    runPrepareForSupervisors(host, {});
    runStaleCheck(host);
    expect(inputCells(host.workbook)).toEqual(before);
  });

  test('a step that stops says which step and why; the steps done stay', () => {
    const host = sampleHost();
    const plan = host.workbook.requireSheet('แผนปฏิบัติการ');
    const typeHeader = plan.cells.flatMap((r) => r).find((c) => c.value === 'ประเภท');
    if (!typeHeader) throw new Error('no type header in the sample');
    typeHeader.value = 'ชนิดของงาน';
    let error: unknown;
    try {
      runPrepareForSupervisors(host, {});
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CommandError);
    expect((error as CommandError).message).toMatch(
      /^ขั้นที่ 2\/6 "คำนวณงบประมาณรายมิติ" ทำไม่สำเร็จ: ไม่พบคอลัมน์ "ประเภท"/,
    );
    expect((error as CommandError).message).toContain('ขั้นที่ทำเสร็จแล้วยังอยู่ในแฟ้ม: ตรวจสอบข้อมูล');
    expect(host.workbook.sheet(GENERATED_SHEETS.validation)).toBeDefined();
    // The report written before the failure is recorded (ours on the next run, checked for staleness).
    const recorded = parseState(host.workbook.values(GENERATED_SHEETS.state));
    expect(recorded.map((e) => [e.key, e.sheetId])).toEqual([
      ['validation', host.workbook.requireSheet(GENERATED_SHEETS.validation).id],
    ]);
    expect(host.workbook.sheet(GENERATED_SHEETS.budget)).toBeUndefined();
    expect(host.workbook.sheet(GENERATED_SHEETS.signOff)).toBeUndefined();
    expect(host.ui.toasts).toHaveLength(1);
    expect(host.lock.held).toBe(false);
  });

  test('uses the settings’ tracked year and round without asking; CLI options override them', () => {
    const host = sampleHost();
    host.ui.answers = ['9999']; // would be a bad answer if anything asked
    runPrepareForSupervisors(host, { fiscalYear: 2566, round: 12 });
    expect(host.workbook.sheet('สรุปความก้าวหน้า 12 เดือน 2566')).toBeDefined();
    expect(host.ui.answers).toEqual(['9999']);
  });

  test('the five reports share one state write; port calls do not grow with rows', () => {
    const calls = [0, 300].map((extra) => {
      const host = sampleHost();
      const rows: NewRow[] = Array.from({ length: extra }, (_, i) => ({
        values: { code: `9-${i}`, dimension: '2', submission: '2.2', type: 'กิจกรรม', name: `รายการ ${i}` },
        family: new Map([[2566, '1,000 บาท']]),
      }));
      if (extra) appendRecords(host.workbook, 'แผนปฏิบัติการ', 'plan', rows);
      host.workbook.calls.clear();
      runPrepareForSupervisors(host, {});
      return Object.fromEntries(host.workbook.calls);
    });
    expect(calls[1]).toEqual(calls[0]);
    // writeSheet: 5 reports + marks twice (validation, overdue) + state after the reports + the sign-off
    // sheet + state after it.
    expect(calls[0].writeSheet).toBe(10);
  });

  test('the CLI spec: JSON of the steps; exit code 1 when a step found errors to fix', () => {
    const host = sampleHost();
    const result = prepareCommand.run(host, {});
    const json = prepareCommand.json(result) as { steps: { step: string; failed: boolean }[]; front: string };
    expect(json.steps.map((s) => s.step)).toEqual(STEPS);
    expect(json.front).toBe(PROGRESS);
    // The sample has two validation errors on purpose.
    expect(prepareCommand.failed(result)).toBe(true);
    expect(prepareCommand.summary(result)).toMatch(/^เตรียมส่งผู้บังคับบัญชา: ตรวจสอบข้อมูล: ข้อผิดพลาด 2 รายการ/);
  });
});

describe('through the .xlsx host: save, reload, run again', () => {
  function host(workbook: XlsxWorkbook): Host & { ui: RecordingUi } {
    return { workbook, ui: new RecordingUi(), lock: new FakeLock(), now: () => NOW };
  }

  test('ownership and fingerprints survive a save and reload; entries typed in Excel survive a second run', async () => {
    const workbook = XlsxWorkbook.create();
    buildSample(workbook, sampleFiles());
    runPrepareForSupervisors(host(workbook), {});
    const reloaded = await XlsxWorkbook.fromBuffer(await workbook.toBuffer());
    // A supervisor types an opinion in Excel.
    const sheet = reloaded.excel.getWorksheet(GENERATED_SHEETS.signOff);
    if (!sheet) throw new Error('no sign-off sheet after reload');
    sheet.getCell(SIGNOFF_LAYOUT.firstEntry + 3, ENTRY_COLS.opinion).value = 'ทราบ เห็นชอบ';
    const stale = host(reloaded);
    expect(runStaleCheck(stale).reports.every((r) => !r.stale)).toBe(true);
    // The state's ids match the reloaded file's sheets: rewriting is ours, not a "user sheet".
    const ids = new Map(reloaded.listSheets().map((s) => [s.name, s.id]));
    const recorded = parseState(reloaded.readSheet(GENERATED_SHEETS.state)?.values ?? []);
    expect(recorded).toHaveLength(6);
    for (const e of recorded) expect([e.name, ids.get(e.name)]).toEqual([e.name, e.sheetId]);
    const second = host(reloaded);
    runPrepareForSupervisors(second, {});
    expect(second.ui.toasts.map((t) => t.message).join('\n')).not.toContain('เปลี่ยนชื่อไว้');
    const again = await XlsxWorkbook.fromBuffer(await reloaded.toBuffer());
    const values = again.readSheet(GENERATED_SHEETS.signOff)?.values ?? [];
    expect(values[SIGNOFF_LAYOUT.firstEntry + 2][ENTRY_COLS.opinion - 1]).toBe('ทราบ เห็นชอบ');
    // The refreshed heading block keeps its formats (a values write and a colour write only).
    const signOffSheet = again.excel.getWorksheet(GENERATED_SHEETS.signOff);
    expect(signOffSheet?.getCell(SIGNOFF_LAYOUT.status, 1).font?.bold).toBe(true);
    expect(signOffSheet?.getCell(SIGNOFF_LAYOUT.attachedHeader, 2).font?.bold).toBe(true);
    expect(signOffSheet?.getCell(SIGNOFF_LAYOUT.firstEntry + 2, ENTRY_COLS.opinion).alignment?.wrapText).toBe(
      true,
    );
    // Change an input in the reloaded file: the check names it.
    const tracking = again.excel.getWorksheet('ติดตามผล');
    if (!tracking) throw new Error('no tracking sheet after reload');
    tracking.getCell(2, 1).value = 'X-99';
    const check = runStaleCheck(host(again));
    const budget = check.reports.find((r) => r.sheet === GENERATED_SHEETS.budget);
    expect(budget).toMatchObject({ stale: true, changed: ['ติดตามผล'] });
    const state = parseState(again.readSheet(GENERATED_SHEETS.state)?.values ?? []);
    const entry = state.find((e) => e.key === 'budget');
    const banner = again.readSheet(GENERATED_SHEETS.budget)?.values[(entry?.status?.row as number) - 1][0];
    expect(sheetsInStatus(String(banner))).toEqual(['ติดตามผล']);
  });
});

describe('through the SpreadsheetApp fake via gasHost()', () => {
  afterEach(() => uninstallFakeGlobals(globalThis));

  test('every step, toasts, warning-only protections, sign-off entries kept, stale banner written', () => {
    const gas = installFakeGlobals(globalThis, { sheets: sampleSeeds() });
    const inputsBefore = gas.inspect('แผนปฏิบัติการ').values();
    runPrepareForSupervisors(gasHost(), { asOf: '2023-03-31' });
    expect(gas.state.toasts.map((t) => t.title)).toHaveLength(6);
    expect(gas.state.sheets.find((s) => s.id === gas.state.activeSheetId)?.name).toBe(PROGRESS);
    for (const name of REPORTS) {
      const sheet = gas.inspect(name).state;
      expect([name, sheet.protections.map((p) => [p.type, p.warningOnly])]).toEqual([
        name,
        [['SHEET', true]],
      ]);
    }
    expect(gas.inspect(GENERATED_SHEETS.signOff).state.protections).toEqual([]);
    const signOff = gas.inspect(GENERATED_SHEETS.signOff);
    // A supervisor types in Sheets; prepare again: untouched.
    gas.spreadsheet
      .getSheetByName(GENERATED_SHEETS.signOff)
      ?.getRange(SIGNOFF_LAYOUT.firstEntry + 1, ENTRY_COLS.opinion)
      .setValue('เห็นควรเสนอ');
    runPrepareForSupervisors(gasHost(), { asOf: '2023-03-31' });
    expect(signOff.value(SIGNOFF_LAYOUT.firstEntry + 1, ENTRY_COLS.opinion)).toBe('เห็นควรเสนอ');
    expect(gas.inspect('แผนปฏิบัติการ').values()).toEqual(inputsBefore);
    // Change an input; the menu check writes the banner into each summary.
    gas.spreadsheet.getSheetByName('ติดตามผล')?.getRange(2, 1).setValue('X-99');
    runStaleCheck(gasHost());
    const entry = parseState(gas.inspect(GENERATED_SHEETS.state).values() as CellValue[][]).find(
      (e) => e.key === 'overdue',
    );
    const banner = gas.inspect(GENERATED_SHEETS.overdue).value(entry?.status?.row as number, 1);
    expect(sheetsInStatus(String(banner))).toEqual(['ติดตามผล']);
    expect(gas.inspect(GENERATED_SHEETS.overdue).format(entry?.status?.row as number, 1).background).toBe(
      '#fce5cd',
    );
  });
});
