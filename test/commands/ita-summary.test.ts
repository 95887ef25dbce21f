/**
 * "สรุปคะแนน ITA" on the memory host: the sheet and the JSON tell the same figures; published figures that
 * disagree are flagged; the framework and bands come from the reference sheet; the 2567 levels; the gap
 * to the target with links to the measures and plan items; the lock; inputs untouched.
 */
import {
  FakeLock,
  memoryHost,
  RecordingUi,
  type MemoryWorkbook,
} from '../../src/adapters/memory/memory-workbook';
import { XlsxWorkbook } from '../../src/adapters/xlsx';
import { buildSample } from '../../src/cli/sample';
import { a1 } from '../../src/core/cells';
import type { SheetSnapshot } from '../../src/core/snapshot';
import { BUSY_MESSAGE, CommandError } from '../../src/commands/context';
import { itaCommand, itaJson, runItaSummary } from '../../src/commands/ita-summary';
import { AGREES_TEXT, NO_SUPPORT_TEXT } from '../../src/core/report/ita-report';
import { GENERATED_SHEETS } from '../../src/core/schema';
import { isFormulaCell, isLinkCell, type OutCell, type SheetModel } from '../../src/core/sheet-model';
import { addFramework, addScoreRow, addScoreRows, setTarget, SCORES_2565 } from '../helpers/ita-fixtures';
import {
  columnOf,
  dataRowOf,
  inputCells,
  sampleFiles,
  sampleHost,
  sampleWorkbook,
  setCell,
} from '../helpers/workbooks';

type Json = ReturnType<typeof itaJson>;

function run(workbook: MemoryWorkbook = sampleWorkbook()) {
  const host = memoryHost(workbook);
  const result = runItaSummary(host);
  const model = host.workbook.requireSheet(GENERATED_SHEETS.ita).model as SheetModel;
  return { host, result, json: itaJson(result), model };
}

const text = (cell: OutCell | undefined): unknown =>
  isLinkCell(cell ?? null) ? (cell as { text: string }).text : cell;

/** Rows of the table whose header row starts with these cells, up to the first row not holding data. */
function tableRows(model: SheetModel, header: readonly string[]): OutCell[][] {
  const at = model.rows.findIndex((r) => header.every((h, i) => r[i] === h));
  if (at < 0) throw new Error(`no table headed ${header.join(' | ')}`);
  const rows: OutCell[][] = [];
  for (let i = at + 1; i < model.rows.length && model.rows[i].length > 1; i++) rows.push(model.rows[i]);
  return rows;
}

const YEAR_HEADER = ['ปีประเมิน', 'ความครบถ้วนของคะแนน', 'IIT', 'EIT', 'OIT', 'คะแนนรวม', 'ผลการประเมิน'];

describe('สรุปคะแนน ITA on the sample', () => {
  test('2565: IIT 88.87, EIT 76.12, OIT 93.00, total 86.70, grade A, agreeing; 2563–2564 incomplete', () => {
    const { json } = run();
    expect(json.years.map((y) => [y.year, y.complete, y.total, y.grade, y.agrees])).toEqual([
      [2563, false, null, null, null],
      [2564, false, null, null, null],
      [2565, true, 86.7, 'A', true],
    ]);
    expect(json.years[2]).toMatchObject({
      tools: { IIT: 88.87, EIT: 76.12, OIT: 93 },
      missing: [],
      published: { total: 86.7, grade: 'A' },
    });
    expect(json.years[0]).toMatchObject({
      tools: { IIT: null, EIT: null, OIT: null },
      missing: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      published: { total: 70.47, grade: 'C' },
    });
    expect(json.warnings).toEqual([]);
  });

  test('the sheet shows the same figures as the JSON, each year linked to its row', () => {
    const { json, model, host } = run();
    const rows = tableRows(model, YEAR_HEADER);
    expect(rows.map((r) => text(r[0]))).toEqual(json.years.map((y) => String(y.year)));
    json.years.forEach((y, i) => {
      const row = rows[i];
      const dash = (v: number | string | null) => (v === null ? '-' : v);
      expect(row.slice(2, 10)).toEqual([
        dash(y.tools.IIT),
        dash(y.tools.EIT),
        dash(y.tools.OIT),
        dash(y.total),
        dash(y.grade),
        y.passes === null ? '-' : y.passes ? 'ผ่าน' : 'ไม่ผ่าน',
        dash(y.published.total),
        dash(y.published.grade),
      ]);
      expect(row[0]).toEqual({
        kind: 'link',
        text: String(y.year),
        sheet: 'คะแนน ITA',
        row: dataRowOf(host.workbook, 'scores', i + 1),
        col: columnOf(host.workbook, 'scores', 'year'),
      });
    });
    expect(rows[2][10]).toBe(AGREES_TEXT);
    expect(rows[0][10]).toBe('ตรวจไม่ได้ (คะแนนไม่ครบ)');
    expect(rows[0][1]).toBe('ไม่ครบ ขาดตัวชี้วัดที่ 1–10 จึงไม่คำนวณคะแนนรวม');
    expect(rows[2][1]).toBe('ครบทุกตัวชี้วัด');
  });

  test('the trend table feeds a line chart of the total and the target per year', () => {
    const { json, model } = run();
    expect(model.charts).toHaveLength(1);
    const [chart] = model.charts;
    expect(chart.type).toBe('line');
    const block = model.rows
      .slice(chart.data.row - 1, chart.data.row - 1 + chart.data.rows)
      .map((r) => r.slice(chart.data.col - 1, chart.data.col - 1 + chart.data.cols));
    expect(block).toEqual([
      ['ปีประเมิน', 'คะแนนรวม', 'เป้าหมาย'],
      ...json.trend.map((p) => [String(p.year), p.total, json.gapAnalysis.target]),
    ]);
    // The chart sits below the table, over rows left empty for it.
    const covered = model.rows.slice(chart.anchor.row - 1, chart.anchor.row - 1 + 14);
    expect(covered.every((r) => r.length === 0)).toBe(true);
  });

  test('gap analysis: 7 ประสิทธิภาพการสื่อสาร 68.90 is the weakest; each indicator below 85 with its measures, or none', () => {
    const { json, model, host } = run();
    const gap = json.gapAnalysis;
    expect(gap).toMatchObject({ target: 85, latestYear: 2565, total: 86.7, grade: 'A', gap: -1.7 });
    expect(gap.weakest[0]).toEqual({ no: 7, name: 'ประสิทธิภาพการสื่อสาร', tool: 'EIT', score: 68.9 });
    expect(gap.belowTarget.map((b) => [b.no, b.measures.map((m) => m.row)])).toEqual([
      [7, [dataRowOf(host.workbook, 'measures', 3)]],
      [8, []],
      [6, [dataRowOf(host.workbook, 'measures', 4)]],
      [4, [dataRowOf(host.workbook, 'measures', 2)]],
    ]);
    // Every measure link in the sheet jumps to the row of a measure the JSON lists, at its name.
    const links = model.rows.flat().filter((c) => isLinkCell(c) && c.sheet === 'มาตรการ ITA');
    const measures = gap.belowTarget.flatMap((b) => b.measures);
    expect(links).toHaveLength(measures.length);
    for (const [i, link] of links.entries()) {
      if (!isLinkCell(link)) throw new Error('not a link');
      expect(link.row).toBe(measures[i].row);
      const target = host.workbook.requireSheet('มาตรการ ITA').cells[link.row - 1][link.col - 1];
      expect(target.value).toBe(measures[i].name);
    }
    // Indicator 8 has no measure: the sheet says so under its heading.
    const values = model.rows.map((r) => r.map(text));
    const heading = values.findIndex((r) => String(r[0]).startsWith('ตัวชี้วัดที่ 8 การปรับปรุงระบบการทำงาน'));
    expect(values[heading + 1][1]).toBe(NO_SUPPORT_TEXT);
    expect(values.filter((r) => r.includes(NO_SUPPORT_TEXT))).toHaveLength(1);
    expect(model.rows.flat()).toContain('ระยะห่างจากเป้าหมาย (ปี 2565): สูงกว่าเป้าหมาย 85.00 อยู่ 1.70 คะแนน');
  });

  test('a plan item naming an indicator is linked under it', () => {
    const workbook = sampleWorkbook();
    setCell(workbook, 'plan', 2, 'itaIndicators', '8 การปรับปรุงระบบการทำงาน (EIT)');
    const { json, model } = run(workbook);
    const eight = json.gapAnalysis.belowTarget.find((b) => b.no === 8);
    expect(eight?.planItems).toEqual([
      {
        sheet: 'แผนปฏิบัติการ',
        row: dataRowOf(workbook, 'plan', 2),
        code: '1-02',
        name: expect.stringContaining('มาตรการส่งเสริมการปฏิบัติงานตามประมวลจริยธรรม'),
      },
    ]);
    const link = model.rows.flat().find((c) => isLinkCell(c) && c.sheet === 'แผนปฏิบัติการ');
    expect(link).toEqual({
      kind: 'link',
      text: '1-02',
      sheet: 'แผนปฏิบัติการ',
      row: dataRowOf(workbook, 'plan', 2),
      col: columnOf(workbook, 'plan', 'name'),
    });
    expect(model.rows.flat()).not.toContain(NO_SUPPORT_TEXT);
  });

  test('writes a protected A4-landscape sheet, activates it and toasts the latest result in Thai', () => {
    const { host, model } = run();
    expect(model.name).toBe('สรุป ITA');
    expect(model.print.orientation).toBe('landscape');
    expect(model.protect).toBe(true);
    expect(host.workbook.activated?.name).toBe('สรุป ITA');
    expect(host.ui.toasts).toEqual([
      {
        message: 'ITA ปี 2565: คะแนนรวม 86.70 ผลการประเมิน A · ข้อสังเกต 0 รายการ ดูรายละเอียดในชีต "สรุป ITA"',
        title: 'สรุปคะแนน ITA เสร็จแล้ว',
      },
    ]);
  });
});

describe('published figures that do not agree', () => {
  test('a year whose scores do not reproduce its published total is flagged, in the JSON, the sheet and the toast', () => {
    const workbook = sampleWorkbook();
    const cell = setCell(workbook, 'scores', 3, 'publishedTotal', 86.5);
    const { json, model, host } = run(workbook);
    expect(json.years[2]).toMatchObject({ total: 86.7, published: { total: 86.5 }, agrees: false });
    expect(json.warnings).toEqual([
      expect.objectContaining({
        year: 2565,
        kind: 'total-differs',
        sheet: 'คะแนน ITA',
        row: dataRowOf(workbook, 'scores', 3),
      }),
    ]);
    const rows = tableRows(model, YEAR_HEADER);
    expect(rows[2][10]).toBe('ไม่ตรง: คะแนนรวมต่างกัน 0.20');
    const warningRows = tableRows(model, ['ลำดับ', 'สิ่งที่พบและสิ่งที่ควรตรวจสอบ']);
    expect(warningRows).toHaveLength(1);
    expect(warningRows[0][1]).toBe(json.warnings[0].message);
    expect(warningRows[0].find((c) => isLinkCell(c))).toMatchObject({
      kind: 'link',
      text: `คะแนน ITA!${cell}`,
      sheet: 'คะแนน ITA',
    });
    expect(host.ui.toasts[0].message).toContain('ข้อสังเกต 1 รายการ');
  });
});

describe('the framework comes from the reference sheet', () => {
  test('other tool weights change the totals, and the published figure is then flagged', () => {
    const workbook = sampleWorkbook();
    for (let n = 1; n <= 8; n++) setCell(workbook, 'itaIndicators', n, 'toolWeight', n <= 5 ? 40 : 20);
    const { json } = run(workbook);
    // 0.4×88.87 + 0.2×76.1167 + 0.4×93 = 87.97
    expect(json.years[2]).toMatchObject({
      total: 87.97,
      weights: { IIT: 40, EIT: 20, OIT: 40 },
      agrees: false,
    });
    expect(json.warnings.map((w) => w.kind)).toEqual(['total-differs']);
  });

  test('a framework from a later year applies from that year only', () => {
    const workbook = sampleWorkbook();
    addFramework(workbook, 2565, { IIT: 20, EIT: 40, OIT: 40 });
    addScoreRow(workbook, 2564, SCORES_2565);
    const { json } = run(workbook);
    // The second 2564 row is a duplicate, warned about; the first (published only) is used.
    expect(json.years.map((y) => [y.year, y.framework.indicatorsFrom, y.total])).toEqual([
      [2563, 2563, null],
      [2564, 2563, null],
      [2565, 2565, 85.42],
    ]);
    expect(json.warnings.map((w) => w.kind)).toEqual(['duplicate-year', 'total-differs']);
  });

  test('other bands change the grade, and the published grade is then flagged', () => {
    const workbook = sampleWorkbook();
    setCell(workbook, 'itaBands', 2, 'minTotal', 87); // "A" from 87
    const { json, model } = run(workbook);
    expect(json.years[2]).toMatchObject({ total: 86.7, grade: 'B', passes: false, agrees: false });
    expect(json.warnings.map((w) => w.kind)).toEqual(['grade-differs']);
    expect(tableRows(model, YEAR_HEADER)[2][10]).toBe('ไม่ตรง: ผลการประเมินต่างกัน (คำนวณได้ B)');
  });

  test('weights that do not add up to 100 are reported, not used', () => {
    const workbook = sampleWorkbook();
    setCell(workbook, 'itaIndicators', 9, 'toolWeight', 30);
    setCell(workbook, 'itaIndicators', 10, 'toolWeight', 30);
    const { json } = run(workbook);
    expect(json.years[2]).toMatchObject({ complete: false, total: null });
    expect(json.years[2].problem).toContain('น้ำหนักเครื่องมือรวมกันได้ 90 ไม่ใช่ 100');
    expect(json.warnings.map((w) => [w.year, w.kind])).toEqual([
      [2563, 'bad-framework'],
      [2564, 'bad-framework'],
      [2565, 'bad-framework'],
    ]);
  });
});

describe('result levels from 2567', () => {
  test('ผ่านดีเยี่ยม needs a total ≥ 95 and every tool ≥ 95; ผ่านดี every tool ≥ 85; then ผ่าน, ต้องปรับปรุง…', () => {
    const workbook = sampleWorkbook();
    addScoreRow(workbook, 2567, [96, 96, 96, 96, 96, 95, 95, 95, 97, 97], { total: 96.1, grade: 'ผ่านดีเยี่ยม' });
    addScoreRow(workbook, 2568, [96, 96, 96, 96, 96, 90, 90, 90, 98, 98], { grade: 'ผ่านดี' }); // 95.00, EIT 90
    addScoreRow(workbook, 2569, [90, 90, 90, 90, 90, 80, 80, 80, 90, 90]); // 87.00, EIT 80
    addScoreRow(workbook, 2570, [75, 75, 75, 75, 75, 75, 75, 75, 75, 75]);
    addScoreRow(workbook, 2571, [60, 60, 60, 60, 60, 60, 60, 60, 60, 60], { grade: 'ผ่าน' });
    const { json } = run(workbook);
    expect(json.years.slice(3).map((y) => [y.year, y.total, y.grade, y.framework.bandsFrom])).toEqual([
      [2567, 96.1, 'ผ่านดีเยี่ยม', 2567],
      [2568, 95, 'ผ่านดี', 2567],
      [2569, 87, 'ผ่าน', 2567],
      [2570, 75, 'ต้องปรับปรุง', 2567],
      [2571, 60, 'ต้องปรับปรุงโดยด่วน', 2567],
    ]);
    expect(json.years.slice(3).map((y) => y.agrees)).toEqual([true, true, null, null, false]);
    expect(json.gapAnalysis).toMatchObject({ latestYear: 2571, gap: 25 });
  });
});

describe('missing indicator scores', () => {
  test('the year is incomplete, listing what is missing; nothing is computed from the rest', () => {
    const workbook = sampleWorkbook();
    setCell(workbook, 'scores', 3, 7, null);
    setCell(workbook, 'scores', 3, 9, null);
    const { json, model, host } = run(workbook);
    expect(json.years[2]).toMatchObject({
      complete: false,
      missing: [7, 9],
      total: null,
      grade: null,
      tools: { IIT: null, EIT: null, OIT: null },
      agrees: null,
    });
    expect(json.gapAnalysis).toMatchObject({ latestYear: null, gap: null, weakest: [], belowTarget: [] });
    expect(tableRows(model, YEAR_HEADER)[2][1]).toBe('ไม่ครบ ขาดตัวชี้วัดที่ 7, 9 จึงไม่คำนวณคะแนนรวม');
    expect(host.ui.toasts[0].message).toMatch(/^ยังไม่มีปีที่มีคะแนนครบทุกตัวชี้วัด/);
    expect(itaCommand.summary(runItaSummary(memoryHost(workbook)))).toBe(
      'สรุปคะแนน ITA: ยังไม่มีปีที่มีคะแนนครบ ข้อสังเกต 0 รายการ',
    );
  });
});

describe('the command', () => {
  test('is "ita" with a Thai title, JSON per year plus the gap analysis, and a one-line summary', () => {
    const host = sampleHost();
    const result = itaCommand.run(host, {});
    expect(itaCommand.name).toBe('ita');
    expect(itaCommand.title).toBe('สรุปคะแนน ITA');
    const json = itaCommand.json(result) as Json;
    expect(Object.keys(json)).toEqual(['years', 'warnings', 'trend', 'gapAnalysis']);
    expect(Object.keys(json.years[0])).toEqual(
      expect.arrayContaining([
        'year',
        'tools',
        'total',
        'grade',
        'complete',
        'missing',
        'published',
        'agrees',
      ]),
    );
    expect(Object.keys(json.gapAnalysis)).toEqual(
      expect.arrayContaining(['target', 'latestYear', 'gap', 'weakest', 'belowTarget']),
    );
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect(itaCommand.failed(result)).toBe(false);
    expect(itaCommand.summary(result)).toBe('สรุปคะแนน ITA: ปี 2565 คะแนนรวม 86.70 (A) ข้อสังเกต 0 รายการ');
  });

  test('never changes what the user typed; running twice gives the same sheet', () => {
    const host = sampleHost();
    const before = inputCells(host.workbook);
    runItaSummary(host);
    const once = JSON.stringify(host.workbook.requireSheet(GENERATED_SHEETS.ita).cells);
    runItaSummary(host);
    expect(inputCells(host.workbook)).toEqual(before);
    expect(JSON.stringify(host.workbook.requireSheet(GENERATED_SHEETS.ita).cells)).toBe(once);
  });

  test('user text copied into the sheet stays text, never a formula', () => {
    const workbook = sampleWorkbook();
    setCell(workbook, 'scores', 3, 'publishedGrade', '=IMPORTXML("http://x","//a")');
    const { model } = run(workbook);
    expect(model.rows.flat().filter((c) => isFormulaCell(c))).toEqual([]);
    expect(model.rows.flat()).toContain('=IMPORTXML("http://x","//a")');
  });

  test('reads each input sheet once and writes once, however many score rows there are', () => {
    /** Port calls made by the command alone. */
    const callsOf = (workbook: MemoryWorkbook) => {
      const before = new Map(workbook.calls);
      runItaSummary(memoryHost(workbook));
      return Object.fromEntries([...workbook.calls].map(([k, n]) => [k, n - (before.get(k) ?? 0)]));
    };
    const small = callsOf(sampleWorkbook());
    const workbook = sampleWorkbook();
    addScoreRows(
      workbook,
      Array.from({ length: 500 }, (_, i) => ({
        year: 2000 + i,
        scores: SCORES_2565,
        published: { total: 86.7 },
      })),
    );
    expect(callsOf(workbook)).toEqual(small);
    // In Sheets each merge is a call: more years, warnings and measures must not add merges.
    for (let n = 1; n <= 6; n++) setCell(workbook, 'measures', n, 'itaIndicators', '4, 6, 7, 8');
    const merges = (w: MemoryWorkbook) => (
      runItaSummary(memoryHost(w)),
      w.requireSheet(GENERATED_SHEETS.ita).merges.length
    );
    expect(merges(workbook)).toBe(merges(sampleWorkbook()));
    // The second listSheets and writeSheet record the sheet in the state registry (_ita_state).
    expect(small).toMatchObject({ listSheets: 2, readSheet: 5, writeSheet: 2, activate: 1 });
  });

  test('when another user holds the lock it stops with the Thai message and writes nothing', () => {
    const host = sampleHost();
    host.lock.busy = true;
    expect(() => runItaSummary(host)).toThrow(CommandError);
    expect(() => runItaSummary(host)).toThrow(BUSY_MESSAGE);
    expect(host.workbook.sheet(GENERATED_SHEETS.ita)).toBeUndefined();
  });

  test('without a scores sheet the summary sheet says what to do instead of failing', () => {
    const workbook = sampleWorkbook();
    workbook.deleteSheet('คะแนน ITA');
    const { json, model, host } = run(workbook);
    expect(json.years).toEqual([]);
    expect(model.rows.flat()).toContain(
      'ไม่พบชีต "คะแนน ITA" เลือกเมนู ITA Sheets › ตั้งค่า/ซ่อมแซมแม่แบบ เพื่อสร้างชีต แล้วกรอกคะแนนรายปี',
    );
    expect(host.ui.toasts[0].message).toMatch(/^ไม่พบชีต "คะแนน ITA"/);
  });

  test('a blank target means 85, and the sheet says it is the default', () => {
    const workbook = sampleWorkbook();
    setTarget(workbook, null);
    const { json, model } = run(workbook);
    expect(json.gapAnalysis).toMatchObject({ target: 85, targetSource: 'default' });
    expect(model.rows.flat()).toContain(
      'แนวโน้มคะแนนรวมเทียบกับเป้าหมาย 85.00 คะแนน (ค่าเริ่มต้น เพราะยังไม่ได้กรอกในชีตตั้งค่า)',
    );
  });
});

describe('the framework notes', () => {
  test('say which framework and bands each range of years used', () => {
    const workbook = sampleWorkbook();
    addScoreRow(workbook, 2567, new Array<number>(10).fill(90));
    const { model } = run(workbook);
    const notes = model.rows.flat().filter((c) => typeof c === 'string' && c.includes('กรอบตัวชี้วัดที่ใช้ตั้งแต่ปี'));
    expect(notes).toEqual([
      'ปี 2563–2565: กรอบตัวชี้วัดที่ใช้ตั้งแต่ปี 2563 (IIT 30% EIT 30% OIT 40%) และเกณฑ์ผลการประเมินที่ใช้ตั้งแต่ปี 2563',
      'ปี 2567: กรอบตัวชี้วัดที่ใช้ตั้งแต่ปี 2563 (IIT 30% EIT 30% OIT 40%) และเกณฑ์ผลการประเมินที่ใช้ตั้งแต่ปี 2567',
    ]);
  });
});

describe('through the .xlsx host (the CLI)', () => {
  test('the saved sheet shows the JSON figures, the sign formats and the links, on A4 landscape', async () => {
    const workbook = XlsxWorkbook.create();
    buildSample(workbook, sampleFiles());
    const host = {
      workbook,
      ui: new RecordingUi(),
      lock: new FakeLock(),
      now: () => new Date('2023-04-15T03:00:00Z'),
    };
    const json = itaCommand.json(itaCommand.run(host, {})) as Json;
    const reloaded = await XlsxWorkbook.fromBuffer(await workbook.toBuffer());
    const snap = reloaded.readSheet(GENERATED_SHEETS.ita) as SheetSnapshot;
    const header = snap.values.findIndex((r) => r[0] === 'ปีประเมิน' && r[2] === 'IIT');
    const y2565 = snap.values[header + 3];
    expect(y2565.slice(0, 7)).toEqual(['2565', 'ครบทุกตัวชี้วัด', 88.87, 76.12, 93, json.years[2].total, 'A']);
    expect(snap.displays[header + 3][4]).toBe('93.00');
    const trend = snap.values.findIndex((r) => r[0] === 'ปีประเมิน' && r[1] === 'คะแนนรวม');
    expect(snap.displays[trend + 1].slice(0, 5)).toEqual(['2563', '70.47', '85.00', '-14.53', '-']);
    expect(snap.displays[trend + 3][4]).toBe('-4.28');
    expect(snap.displays[trend + 2][4]).toBe('+20.51');
    const sheet = reloaded.excel.getWorksheet(GENERATED_SHEETS.ita);
    expect(sheet?.pageSetup.orientation).toBe('landscape');
    // Internal links survive the save: each measure of the JSON is linked at its name cell.
    const hyperlinks: string[] = [];
    sheet?.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.hyperlink) hyperlinks.push(cell.hyperlink);
      }),
    );
    const measures = json.gapAnalysis.belowTarget.flatMap((b) => b.measures);
    const nameCol = columnOf(sampleWorkbook(), 'measures', 'measure');
    expect(hyperlinks.filter((h) => h.includes('มาตรการ ITA'))).toEqual(
      measures.map((m) => `#'มาตรการ ITA'!${a1(m.row, nameCol)}`),
    );
  });
});
