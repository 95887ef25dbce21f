/**
 * The "การรับรอง" sheet: made once, then only its heading block is refreshed, with a fixed number of
 * writes; what supervisors typed below it is never overwritten.
 */
import type { MemoryCell } from '../../src/adapters/memory/memory-workbook';
import { runBudget } from '../../src/commands/budget';
import { runPrepareForSupervisors } from '../../src/commands/prepare';
import { runSignOff, signOffCommand } from '../../src/commands/signoff';
import { runStaleCheck } from '../../src/commands/stale';
import { dataPrint, parseState } from '../../src/core/state';
import { shortPrint } from '../../src/core/fingerprint';
import { FRESH_TEXT, sheetsInStatus, STATUS_COLORS } from '../../src/core/report/provenance';
import {
  buildSignOffSheet,
  ENTRY_COLS,
  signOffHeadingRows,
  signOffRoles,
  SIGNOFF_LAYOUT as L,
  SIGNOFF_TEXT,
} from '../../src/core/report/signoff-report';
import { GENERATED_SHEETS } from '../../src/core/schema';
import { inputCells, sampleHost, setCell } from '../helpers/workbooks';

const SIGNOFF = GENERATED_SHEETS.signOff;
type TestHost = ReturnType<typeof sampleHost>;

function cell(host: TestHost, row: number, col: number): MemoryCell {
  const sheet = host.workbook.requireSheet(SIGNOFF);
  while (sheet.cells.length < row) sheet.cells.push([]);
  while (sheet.cells[row - 1].length < col)
    sheet.cells[row - 1].push({
      value: null,
      formula: '',
      background: null,
      note: '',
      numberFormat: '',
      style: {},
    });
  return sheet.cells[row - 1][col - 1];
}

/** What supervisors type: opinions, names, positions, dates, a note and a colour of their own. */
function writeEntries(host: TestHost): void {
  const typed: [number, number, string | Date][] = [
    [L.firstEntry, ENTRY_COLS.opinion, 'ขอแก้ไขถ้อยคำในหน้า 2 แล้วเสนอ'],
    [L.firstEntry + 1, ENTRY_COLS.opinion, 'เห็นควรเสนอ =ปลัด'],
    [L.firstEntry + 1, ENTRY_COLS.name, 'นางสาวสมหญิง ใจดี'],
    [L.firstEntry + 1, ENTRY_COLS.position, 'หัวหน้าสำนักปลัด'],
    [L.firstEntry + 1, ENTRY_COLS.date, new Date('2023-04-17T00:00:00Z')],
    [L.firstEntry + 3, ENTRY_COLS.opinion, 'ทราบ เห็นชอบ'],
    [L.firstEntry + 3, ENTRY_COLS.signature, '(ลงนามแล้ว)'],
  ];
  for (const [row, col, value] of typed) cell(host, row, col).value = value;
  cell(host, L.firstEntry + 2, ENTRY_COLS.opinion).note = 'รอประชุม';
  cell(host, L.firstEntry + 4, ENTRY_COLS.name).background = '#ffff00';
}

/** Every cell from the entries table down, with its value, formula, style, colour and note. */
function entryBlock(host: TestHost): string {
  return JSON.stringify(host.workbook.requireSheet(SIGNOFF).cells.slice(L.entriesHeader - 1));
}

describe('การรับรอง', () => {
  test('created once: the chain of the organisation’s type, the preparer pre-filled from the settings', () => {
    const model = buildSignOffSheet({
      settings: {
        orgName: 'เทศบาลตำบลทดสอบ',
        orgType: 'เทศบาลตำบล',
        district: '',
        province: '',
        preparerName: 'นายสมชาย ตั้งใจ',
        preparerPosition: 'นักวิเคราะห์นโยบายและแผน',
      },
      now: new Date('2023-04-15T03:00:00Z'),
      timeZone: 'Asia/Bangkok',
      status: { text: FRESH_TEXT, stale: false },
      caution: '',
      attached: [],
    });
    const rows = model.rows.slice(L.firstEntry - 1, L.lastEntry);
    expect(rows.map((r) => r[ENTRY_COLS.role - 1])).toEqual([
      'ผู้จัดทำ',
      'หัวหน้าสำนักปลัด',
      'รองปลัดเทศบาล',
      'ปลัดเทศบาล',
      'นายกเทศมนตรี',
    ]);
    expect(rows[0].slice(ENTRY_COLS.name - 1, ENTRY_COLS.position)).toEqual([
      'นายสมชาย ตั้งใจ',
      'นักวิเคราะห์นโยบายและแผน',
    ]);
    expect(model.rows[L.entriesHeader - 1]).toEqual(SIGNOFF_TEXT.entriesHeaders);
    expect(model.status).toEqual({ row: L.status, col: 1, cols: 7 });
    expect(model.protect).toBe(false);
    expect(signOffRoles('องค์การบริหารส่วนตำบล').slice(2)).toEqual(['รองปลัด อบต.', 'ปลัด อบต.', 'นายก อบต.']);
    expect(signOffRoles('')).toEqual(['ผู้จัดทำ', 'หัวหน้าสำนักปลัด', 'รองปลัด', 'ปลัด', 'นายก']);
  });

  test('the heading lists the attached reports with the fingerprints their own headings show', () => {
    const host = sampleHost();
    runPrepareForSupervisors(host, {});
    const entries = parseState(host.workbook.values(GENERATED_SHEETS.state));
    const rows = host.workbook.values(SIGNOFF).slice(L.firstSlot - 1, L.lastSlot);
    const listed = rows.filter((r) => typeof r[0] === 'number');
    expect(listed.map((r) => r[1])).toEqual([
      GENERATED_SHEETS.validation,
      GENERATED_SHEETS.budget,
      GENERATED_SHEETS.overdue,
      'สรุปความก้าวหน้า 6 เดือน 2566',
      GENERATED_SHEETS.ita,
    ]);
    for (const r of listed) {
      const entry = entries.find((e) => e.name === r[1]);
      const print = shortPrint(dataPrint(entry?.inputs ?? []));
      expect(r[3]).toBe(print);
      const heading = host.workbook.values(String(r[1])).slice(0, 8).flat().join('\n');
      expect(heading).toContain(`ลายนิ้วมือข้อมูล: ${print}`);
      expect(r[4]).toBe('15 เมษายน 2566 เวลา 10:00 น.');
    }
  });

  test('entries written by supervisors are byte-identical after prepare, the stale check and a refresh', () => {
    const host = sampleHost();
    runPrepareForSupervisors(host, {});
    writeEntries(host);
    const before = entryBlock(host);
    setCell(host.workbook, 'plan', 3, 'name', 'ชื่อใหม่');
    runStaleCheck(host);
    expect(entryBlock(host)).toBe(before);
    runPrepareForSupervisors(host, {});
    expect(entryBlock(host)).toBe(before);
    runSignOff(host);
    runBudget(host, {});
    runStaleCheck(host);
    expect(entryBlock(host)).toBe(before);
  });

  test('a refresh writes the heading block in one values write and one colour write, however many reports', () => {
    const host = sampleHost();
    runPrepareForSupervisors(host, {});
    host.workbook.calls.clear();
    runSignOff(host);
    expect(host.workbook.calls.get('appendRows')).toBe(1);
    expect(host.workbook.calls.get('writeCellLayer')).toBe(1);
    // writeSheet: the state registry only, never the sign-off sheet itself.
    expect(host.workbook.calls.get('writeSheet')).toBe(1);
  });

  test('the refreshed heading equals a freshly made one: the block is the only thing written', () => {
    const host = sampleHost();
    runPrepareForSupervisors(host, {});
    setCell(host.workbook, 'tracking', 2, 'percent', 40);
    runPrepareForSupervisors(host, {});
    const values = host.workbook.values(SIGNOFF);
    const block = values.slice(L.fingerprint - 1, L.lastSlot).map((r) => r.slice(0, L.headingCols));
    expect(block).toEqual(
      signOffHeadingRows(
        buildSignOffSheet({
          settings: {
            orgName: '',
            orgType: '',
            district: '',
            province: '',
            preparerName: '',
            preparerPosition: '',
          },
          now: new Date('2023-04-15T03:00:00Z'),
          timeZone: 'Asia/Bangkok',
          stamp: {
            fingerprint: dataPrint(
              parseState(host.workbook.values(GENERATED_SHEETS.state)).find((e) => e.key === 'signoff')
                ?.inputs ?? [],
            ),
            sheets: ['ตั้งค่า', 'อ้างอิง', 'คะแนน ITA', 'แผนปฏิบัติการ', 'มาตรการ ITA', 'ติดตามผล'],
          },
          status: { text: FRESH_TEXT, stale: false },
          caution: '',
          attached: parseState(host.workbook.values(GENERATED_SHEETS.state))
            .filter((e) => e.key !== 'signoff')
            .map((e) => ({
              name: e.name,
              sheets: e.inputs.map((i) => i.name),
              fingerprint: dataPrint(e.inputs),
              generatedAt: e.generatedAt,
            })),
        }),
      ),
    );
  });

  test('reports remade after a supervisor wrote: a caution in the heading, kept until the entries are cleared', () => {
    const host = sampleHost();
    runPrepareForSupervisors(host, {});
    // Re-run on unchanged data with no entries: no caution.
    runPrepareForSupervisors(host, {});
    expect(host.workbook.values(SIGNOFF)[L.caution - 1][0]).toBeNull();
    writeEntries(host);
    runPrepareForSupervisors(host, {}); // same data: the signatures still stand
    expect(host.workbook.values(SIGNOFF)[L.caution - 1][0]).toBeNull();
    setCell(host.workbook, 'plan', 3, 'name', 'ชื่อใหม่');
    runPrepareForSupervisors(host, {});
    const caution = String(host.workbook.values(SIGNOFF)[L.caution - 1][0]);
    expect(caution).toContain('หลังจากมีผู้ลงความเห็นในชีตนี้แล้ว');
    expect(host.ui.toasts.at(-1)?.message).toContain('โปรดตรวจทาน');
    runSignOff(host);
    expect(host.workbook.values(SIGNOFF)[L.caution - 1][0]).toBe(caution);
    // The staff clear the old entries for a new round: the caution goes.
    for (let row = L.firstEntry + 1; row <= L.lastEntry; row++)
      for (let col = ENTRY_COLS.opinion; col <= ENTRY_COLS.signature; col++)
        cell(host, row, col).value = null;
    runSignOff(host);
    expect(host.workbook.values(SIGNOFF)[L.caution - 1][0]).toBeNull();
  });

  test('stale data shows in the sign-off status cell with the changed sheets', () => {
    const host = sampleHost();
    runPrepareForSupervisors(host, {});
    setCell(host.workbook, 'measures', 1, 'status', 'ดำเนินการแล้วเสร็จ');
    runStaleCheck(host);
    const status = host.workbook.requireSheet(SIGNOFF).cells[L.status - 1][0];
    expect(sheetsInStatus(String(status.value))).toEqual(['มาตรการ ITA']);
    expect(status.background).toBe(STATUS_COLORS.stale);
  });

  test('a sheet whose rows were moved is left entirely alone, and the toast says why', () => {
    const host = sampleHost();
    runPrepareForSupervisors(host, {});
    writeEntries(host);
    host.workbook.requireSheet(SIGNOFF).cells.splice(6, 2); // two heading rows deleted by the user
    const before = JSON.stringify(host.workbook.requireSheet(SIGNOFF).cells);
    const result = runSignOff(host);
    expect(result.outcome).toBe('layoutChanged');
    expect(host.ui.toasts.at(-1)?.message).toContain('ไม่ให้ทับความเห็นที่กรอกไว้');
    setCell(host.workbook, 'plan', 3, 'name', 'ชื่อใหม่');
    runStaleCheck(host);
    expect(JSON.stringify(host.workbook.requireSheet(SIGNOFF).cells)).toBe(before);
    expect(signOffCommand.failed(result)).toBe(true);
  });

  test('standalone: attaches every recorded report, reads the inputs to tell fresh from stale', () => {
    const host = sampleHost();
    runBudget(host, {});
    setCell(host.workbook, 'plan', 3, 'name', 'ชื่อใหม่');
    const inputs = inputCells(host.workbook);
    const result = runSignOff(host);
    expect(result).toMatchObject({
      outcome: 'created',
      attached: [GENERATED_SHEETS.budget],
      changed: ['แผนปฏิบัติการ'],
    });
    expect(sheetsInStatus(String(host.workbook.values(SIGNOFF)[L.status - 1][0]))).toEqual(['แผนปฏิบัติการ']);
    expect(inputCells(host.workbook)).toEqual(inputs);
  });
});
