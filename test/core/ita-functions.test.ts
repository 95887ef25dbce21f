/**
 * =ITA_TOTAL and =ITA_GRADE as arrays (src/core/ita-functions.ts): whole columns in one call, Thai text in
 * the cell of a bad row, blanks kept blank, the framework of each row's year from the reference sheet.
 */
import { readInputs, type Reference } from '../../src/core/inputs';
import {
  itaGradeCells,
  itaTotalCells,
  NO_BANDS_TEXT,
  NO_INDICATORS_TEXT,
} from '../../src/core/ita-functions';
import type { SheetSnapshot } from '../../src/core/snapshot';
import type { MemoryWorkbook } from '../../src/adapters/memory/memory-workbook';
import { addFramework, SCORES_2565 } from '../helpers/ita-fixtures';
import { sampleWorkbook, setCell } from '../helpers/workbooks';

function referenceOf(workbook: MemoryWorkbook): Reference {
  return readInputs({ reference: workbook.readSheet('อ้างอิง') as SheetSnapshot }, 'Asia/Bangkok').reference;
}

const reference = referenceOf(sampleWorkbook());
const S2565 = SCORES_2565;
const all = (n: number) => new Array<number>(10).fill(n);

describe('ITA_TOTAL', () => {
  test('one row of ten scores gives the total rounded to 2 decimals (the DESIGN check)', () => {
    expect(itaTotalCells([S2565], 2565, reference)).toEqual([[86.7]]);
    // A single column of ten scores is one set too.
    expect(
      itaTotalCells(
        S2565.map((s) => [s]),
        2565,
        reference,
      ),
    ).toEqual([[86.7]]);
  });

  test('an n×10 range gives n×1; blank rows stay blank; each bad row says what is wrong in Thai', () => {
    const withGap = [...S2565];
    withGap[6] = '' as unknown as number;
    const text = [...S2565] as (number | string)[];
    text[2] = 'abc';
    const high = [...S2565];
    high[9] = 120;
    const thai = ['๙๒.๖๓', '87.64', 91.34, 83.92, 88.82, 83.28, 68.9, 76.17, 86, 100];
    const result = itaTotalCells(
      [S2565, new Array(10).fill(''), withGap, text, high, thai, all(96)],
      [[2565], [2565], [2565], [2565], [2565], ['๒๕๖๕'], [2567]],
      reference,
    );
    expect(result).toHaveLength(7);
    expect(result.every((row) => row.length === 1)).toBe(true);
    expect(result[0]).toEqual([86.7]);
    expect(result[1]).toEqual(['']);
    expect(result[2]).toEqual(['⚠ ต้องมีคะแนน 10 ตัวชี้วัด (ขาดตัวชี้วัดที่ 7)']);
    expect(result[3][0]).toMatch(/^⚠ ตัวชี้วัดที่ 3: อ่านคะแนนไม่ได้/);
    expect(result[4][0]).toMatch(/^⚠ ตัวชี้วัดที่ 10: คะแนนต้องอยู่ระหว่าง 0–100 แต่กรอกไว้ 120/);
    expect(result[5]).toEqual([86.7]);
    expect(result[6]).toEqual([96]);
  });

  test('a range that is not ten wide, a year without a framework and a blank year cell are explained', () => {
    expect(itaTotalCells([S2565.slice(0, 8)], 2565, reference)).toEqual([
      ['⚠ ต้องมีคะแนน 10 ตัวชี้วัด เรียงตามตัวชี้วัดที่ 1–10 (ช่วงที่เลือกมี 8 ช่อง)'],
    ]);
    expect(itaTotalCells(86.7, undefined, reference)[0][0]).toMatch(/^⚠ ต้องมีคะแนน 10 ตัวชี้วัด/);
    expect(itaTotalCells([S2565], 2560, reference)).toEqual([['⚠ ไม่มีกรอบตัวชี้วัด ITA ของปี 2560 ในชีตอ้างอิง']]);
    expect(itaTotalCells([S2565], '', reference)[0][0]).toMatch(/^⚠ ไม่ได้กรอกปีประเมิน/);
    expect(itaTotalCells([S2565], 'ปีหน้า', reference)[0][0]).toMatch(/^⚠ อ่านปีไม่ได้/);
  });

  test('the year may be one value for all rows or a column as tall; another shape is one message', () => {
    expect(itaTotalCells([S2565, all(80)], 2565, reference)).toEqual([[86.7], [80]]);
    expect(itaTotalCells([S2565, all(80)], [[2565], [2566], [2567]], reference)).toEqual([
      ['⚠ ช่วงของปีต้องเป็นปีเดียว หรือมีจำนวนแถวเท่ากับช่วงคะแนน'],
    ]);
  });

  test('each row uses the framework of its own year, read from the reference sheet', () => {
    const workbook = sampleWorkbook();
    // The IIT weight goes to 40 and EIT to 20 from 2563 on: 0.4×88.87 + 0.2×76.1167 + 0.4×93 = 87.97.
    for (let n = 1; n <= 8; n++) setCell(workbook, 'itaIndicators', n, 'toolWeight', n <= 5 ? 40 : 20);
    const changed = referenceOf(workbook);
    expect(itaTotalCells([S2565], 2565, changed)).toEqual([[87.97]]);
    // From 2566 on, new rows: IIT 20, EIT 40, OIT 40 → 85.42; one call, two frameworks.
    addFramework(workbook, 2566, { IIT: 20, EIT: 40, OIT: 40 });
    const two = referenceOf(workbook);
    expect(itaTotalCells([S2565, S2565, S2565], [[2565], [2566], [2570]], two)).toEqual([
      [87.97],
      [85.42],
      [85.42],
    ]);
    // Without a year, the latest framework applies.
    expect(itaTotalCells([S2565], undefined, two)).toEqual([[85.42]]);
  });

  test('without indicators in the reference sheet there is one Thai message', () => {
    expect(itaTotalCells([S2565], 2565, { ...reference, indicators: [] })).toEqual([[NO_INDICATORS_TEXT]]);
    expect(itaTotalCells([S2565], 2565, null)).toEqual([[NO_INDICATORS_TEXT]]);
  });
});

describe('ITA_GRADE', () => {
  test('a column of totals gives a column of grades under the year bands', () => {
    expect(itaGradeCells([[86.7], [95], [70.47], [49.99], [''], [84.996]], 2565, reference)).toEqual([
      ['A'],
      ['AA'],
      ['C'],
      ['F'],
      [''],
      ['A'], // shown as 85.00: decided on the rounded total
    ]);
  });

  test('the year may differ per row or per cell', () => {
    expect(itaGradeCells([[86.7], [80]], [[2565], [2567]], reference)).toEqual([['A'], ['ต้องปรับปรุง']]);
    expect(itaGradeCells([[86.7, 60]], [[2566, 2567]], reference)).toEqual([['A', 'ต้องปรับปรุงโดยด่วน']]);
  });

  test('from 2567 a total alone may not decide: the possible levels are named, with what to do', () => {
    const [[cell]] = itaGradeCells(90, 2567, reference);
    expect(cell).toBe('ผ่านดี หรือ ผ่าน (ขึ้นกับคะแนนรายเครื่องมือ ใส่คะแนน 10 ตัวชี้วัดแทนคะแนนรวมเพื่อให้ได้ผลเดียว)');
    expect(itaGradeCells(96, 2567, reference)[0][0]).toMatch(/^ผ่านดีเยี่ยม, ผ่านดี หรือ ผ่าน \(/);
    // The year left out: the latest bands (the 2567 levels).
    expect(itaGradeCells(80, undefined, reference)).toEqual([['ต้องปรับปรุง']]);
  });

  test('ten indicator scores per row decide the 2567 levels, tools included', () => {
    const eitLow = [96, 96, 96, 96, 96, 90, 90, 90, 98, 98]; // total 95.00, EIT 90
    const eitBelow85 = [90, 90, 90, 90, 90, 80, 80, 80, 90, 90]; // total 87.00, EIT 80
    expect(
      itaGradeCells([all(96), eitLow, eitBelow85, all(75), all(60), new Array(10).fill('')], 2567, reference),
    ).toEqual([['ผ่านดีเยี่ยม'], ['ผ่านดี'], ['ผ่าน'], ['ต้องปรับปรุง'], ['ต้องปรับปรุงโดยด่วน'], ['']]);
    expect(itaGradeCells([S2565], 2565, reference)).toEqual([['A']]);
    expect(itaGradeCells([S2565.slice(0, 9).concat([''] as unknown as number[])], 2567, reference)).toEqual([
      ['⚠ ต้องมีคะแนน 10 ตัวชี้วัด (ขาดตัวชี้วัดที่ 10)'],
    ]);
  });

  test('bad totals get Thai text in their own cell', () => {
    const result = itaGradeCells([['เก้าสิบ'], [101], [true], [86.7]], 2565, reference);
    expect(result[0][0]).toMatch(/^⚠ คะแนนรวม: อ่านคะแนนไม่ได้/);
    expect(result[1][0]).toMatch(/^⚠ คะแนนรวม: คะแนนต้องอยู่ระหว่าง 0–100/);
    expect(result[2][0]).toMatch(/^⚠ คะแนนรวม: /);
    expect(result[3][0]).toBe('A');
    expect(itaGradeCells(86.7, 2560, reference)).toEqual([['⚠ ไม่มีเกณฑ์ผลการประเมิน ITA ของปี 2560 ในชีตอ้างอิง']]);
  });

  test('changed bands in the reference sheet change the grade', () => {
    const workbook = sampleWorkbook();
    setCell(workbook, 'itaBands', 2, 'minTotal', 87); // A now needs 87
    expect(itaGradeCells(86.7, 2565, referenceOf(workbook))).toEqual([['B']]);
    expect(itaGradeCells(86.7, 2565, { ...reference, bands: [] })).toEqual([[NO_BANDS_TEXT]]);
  });
});
