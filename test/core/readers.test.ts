import type { CellValue } from '../../src/core/cells';
import fc from 'fast-check';
import { normalizeSpaces } from '../../src/core/thai/digits';
import { textSlot } from '../../src/core/text-slot';
import {
  isPlaceholder,
  isPlainText,
  MAX_AMOUNT,
  numberAmountReading,
  readAmountCell,
  TEXT_SLOTS,
  matchUnits,
  readFiscalYear,
  readIndicators,
  readPercent,
  readStatus,
  readUnits,
} from '../../src/core/readers';
import { DEFAULT_INDICATORS, DEFAULT_UNITS } from '../../src/core/reference-defaults';
import type { RawCell } from '../../src/core/table';

const cell = (value: CellValue, display = value === null ? '' : String(value)): RawCell => ({
  value,
  display,
  formula: '',
  row: 2,
  col: 3,
});
const known = DEFAULT_INDICATORS.map((i) => ({
  no: i.indicatorNo,
  names: [i.indicatorName, i.indicatorAliases].filter(Boolean),
}));

describe('placeholders left from the form', () => {
  test.each([
    'ระบุหน่วยงานที่รับผิดชอบดำเนินการ',
    'ระบุนายงานที่รับผิดชอบดำเนินการ',
    '(ระบุ)',
    'โปรดระบุ...',
    '..........',
    '____',
    'xxx',
    'โครงการ................',
  ])('%s is a placeholder', (text) => {
    expect(isPlaceholder(text)).toBe(true);
  });
  test.each([
    'สำนักปลัด',
    'จำนวนบุคคลที่ได้รับการยกย่อง (ไม่ระบุค่าเป้าหมาย)',
    'ผลการประเมิน ITA ประจำปี พ.ศ.๒๕๖๖',
    '-',
    'ฯลฯ',
  ])('%s is not', (text) => {
    expect(isPlaceholder(text)).toBe(false);
  });
});

describe('responsible units', () => {
  test('several units in one cell, with or without the organisation name', () => {
    expect(matchUnits('สำนักปลัด กองคลัง กองช่าง', DEFAULT_UNITS)).toEqual(['สำนักปลัด', 'กองคลัง', 'กองช่าง']);
    expect(matchUnits('สำนักปลัดองค์การบริหารส่วนตำบลแหลมสอม', DEFAULT_UNITS)).toEqual(['สำนักปลัด']);
    expect(matchUnits('กองการศึกษา ศาสนาและวัฒนธรรม', DEFAULT_UNITS)).toEqual(['กองการศึกษา ศาสนาและวัฒนธรรม']);
  });
  test('an unknown unit is read as written with a warning, a placeholder is an error', () => {
    const unknown = readUnits(cell('กองสวัสดิการชุมชน'), DEFAULT_UNITS);
    expect(unknown).toMatchObject({ kind: 'ok', value: { units: [] }, notice: { rule: 'unknown-unit' } });
    expect(readUnits(cell('ระบุหน่วยงาน'), DEFAULT_UNITS)).toMatchObject({
      kind: 'bad',
      problem: { rule: 'placeholder' },
    });
  });
});

describe('ITA indicators named in a cell', () => {
  test.each<[CellValue, number[]]>([
    ['5 การแก้ไขปัญหาการทุจริต (IIT)', [5]],
    ['5, 9', [5, 9]],
    ['๕ และ ๙', [5, 9]],
    ['1-5', [1, 2, 3, 4, 5]],
    ['ตัวชี้วัดที่ 10', [10]],
    ['การเปิดเผยข้อมูล', [9]],
    ['การปรับปรุงการทำงาน', [8]],
    [7, [7]],
    ['(none specific; organisational culture)', []],
  ])('%s → %j', (value, expected) => {
    expect(readIndicators(cell(value), known)).toMatchObject({ kind: 'ok', value: expected });
  });
  test('numbers outside the framework and unreadable text are reported', () => {
    expect(readIndicators(cell('11'), known)).toMatchObject({
      kind: 'bad',
      problem: { rule: 'unknown-indicator' },
    });
    expect(readIndicators(cell('ด้านวัฒนธรรมองค์กร'), known)).toMatchObject({
      kind: 'bad',
      problem: { rule: 'unreadable' },
    });
  });
});

describe('numbers staff type', () => {
  test('a percent-formatted cell holds 0.5 for 50%', () => {
    expect(readPercent(cell(0.5, '50%'))).toMatchObject({ kind: 'ok', value: 50 });
    expect(readPercent(cell(50, '50'))).toMatchObject({ kind: 'ok', value: 50 });
    expect(readPercent(cell('๗๕'))).toMatchObject({ kind: 'ok', value: 75 });
    expect(readPercent(cell(120))).toMatchObject({ kind: 'bad', problem: { rule: 'out-of-range' } });
  });
  test('a fiscal year written in C.E. is read with a warning, never silently', () => {
    expect(readFiscalYear(cell('๒๕๖๖'))).toMatchObject({ kind: 'ok', value: 2566 });
    expect(readFiscalYear(cell('ปีงบประมาณ 2566'))).toMatchObject({ kind: 'ok', value: 2566 });
    expect(readFiscalYear(cell(2023))).toMatchObject({
      kind: 'ok',
      value: 2566,
      notice: { severity: 'warning' },
    });
    expect(readFiscalYear(cell('ปีหน้า'))).toMatchObject({ kind: 'bad' });
    expect(readFiscalYear(cell(new Date('2023-01-01')))).toMatchObject({ kind: 'bad' });
  });
  test('status spellings staff use map to the four statuses', () => {
    expect(readStatus(cell('แล้วเสร็จ'))).toMatchObject({ kind: 'ok', value: 'done' });
    expect(readStatus(cell('ยกเลิก / ไม่ได้ดำเนินการ'))).toMatchObject({ kind: 'ok', value: 'cancelled' });
    expect(readStatus(cell('กำลังดำเนินการ'))).toMatchObject({ kind: 'ok', value: 'inProgress' });
    expect(readStatus(cell('รอ'))).toMatchObject({ kind: 'bad', problem: { rule: 'not-in-list' } });
  });
});

describe('plain texts: their own normalized form and no placeholder, told in one scan (isPlainText)', () => {
  test.each([
    'โครงการเสริมสร้างองค์ความรู้ด้านการต่อต้านการทุจริต (12)',
    'สำนักปลัด องค์การบริหารส่วนตำบลแหลมสอม',
    'ต.ค. 65 - มี.ค. 66',
    'ก',
    'ราคา 1,000 บาท... ประมาณ',
  ])('%s is plain', (text) => {
    expect(isPlainText(text)).toBe(true);
  });

  test.each([
    '',
    ' นำหน้าด้วยช่องว่าง',
    'ตามด้วยช่องว่าง ',
    'สอง  ช่อง',
    'แท็บ\tกลาง',
    'ไม่\u00A0ตัดคำ',
    'ศูนย์\u200Bกว้าง',
    'โปรดระบุหน่วยงาน',
    '(ระบุ)',
    'ชื่อ ..........',
    'ชื่อ ……',
    'ชื่อ ____',
    '---',
    'xxx',
    'XXXX',
  ])('%j is not (it needs the full look)', (text) => {
    expect(isPlainText(text)).toBe(false);
  });

  test('property: a plain text is never changed by normalizeSpaces and is never a placeholder', () => {
    const pieces = [
      'ก',
      'ร',
      'ะ',
      'บ',
      'ุ',
      'ระบุ',
      'โปรด',
      'กรุณา',
      'x',
      'X',
      'a',
      '1',
      '๑',
      '(',
      '"',
      '“',
      ' ',
      '  ',
      '.',
      '...',
      '……',
      '…',
      '_',
      '__',
      '-',
      '–',
      '—',
      '\t',
      '\n',
      '\u00A0',
      '\u00AD',
      '\u200B',
      '\u200C',
      '\u200D',
      '\u2060',
      '\uFEFF',
      '\u3000',
    ];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (t) => {
        if (!isPlainText(t)) return;
        expect(normalizeSpaces(t)).toBe(t);
        expect(isPlaceholder(t)).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('isPlaceholder keeps its answers per text (a direct-mapped cache)', () => {
  test('a placeholder and a plain text of the same slot, asked in turn, each get their own answer', () => {
    const placeholder = 'ระบุชื่อโครงการ';
    const plain = `ร${'กขค'}${placeholder.slice(4)}`;
    expect(textSlot(plain, TEXT_SLOTS)).toBe(textSlot(placeholder, TEXT_SLOTS));
    const answers = [placeholder, plain, placeholder, plain, placeholder].map(isPlaceholder);
    expect(answers).toEqual([true, false, true, false, true]);
  });

  test('equal texts made apart get the same answer as the text first asked', () => {
    const typed = ['โปรด', 'ระบุ', 'หน่วยงาน'].join('');
    expect(isPlaceholder(typed)).toBe(true);
    expect(isPlaceholder(['โปรด', 'ระบุ', 'หน่วยงาน'].join(''))).toBe(true);
    expect(isPlaceholder('สำนักปลัด')).toBe(false);
  });
});

describe('amounts typed as numbers are read through a direct-mapped cache (numberAmountReading)', () => {
  const readByCell = (value: CellValue) => {
    const reading = readAmountCell(cell(value));
    return reading.kind === 'ok' ? reading.value : null;
  };

  test('every number reads as readAmountCell reads it, or is left to readAmountCell', () => {
    const amounts = fc.oneof(
      fc.double({ noNaN: false }),
      fc.integer({ min: -5, max: 5_000_000 }),
      fc.integer({ min: 1, max: 10_000_000 }).map((satang) => satang / 100),
      fc.constantFrom(0, -0, MAX_AMOUNT, MAX_AMOUNT + 1, Number.MIN_VALUE, Infinity),
    );
    fc.assert(
      fc.property(fc.array(amounts, { minLength: 1, maxLength: 40 }), (values) => {
        // In turn and again: a value that lost its slot to another is read again, never mixed up.
        for (const value of [...values, ...values]) {
          const fast = numberAmountReading(value);
          const slow = readByCell(value);
          if (fast === null) expect(slow === null || !(value > 0 && value <= MAX_AMOUNT)).toBe(true);
          else expect(fast).toEqual(slow);
        }
      }),
    );
  });

  test('more distinct amounts than slots: each is read as itself, however they collide', () => {
    const values = Array.from({ length: 10_000 }, (_, i) => (i % 2 ? i * 1000 : i + 0.25));
    const misread = [...values, ...values.reverse()].filter(
      (value) => JSON.stringify(numberAmountReading(value)) !== JSON.stringify(readByCell(value)),
    );
    expect(misread).toEqual([]);
  });

  test('numbers outside (0, MAX_AMOUNT] and non-numbers are left to readAmountCell and its messages', () => {
    for (const value of [0, -1, -0.5, Number.NaN, Infinity, MAX_AMOUNT * 2, '20000', null, true]) {
      expect(numberAmountReading(value)).toBeNull();
    }
    expect(readAmountCell(cell(-1))).toMatchObject({ kind: 'bad', problem: { rule: 'out-of-range' } });
  });

  test('a repeated amount is one frozen reading; an amount 1 satang apart is its own', () => {
    const first = numberAmountReading(20000.5);
    expect(first).toEqual({ kind: 'amount', value: 20000.5, readAs: '20,000.50 บาท' });
    expect(Object.isFrozen(first)).toBe(true);
    expect(numberAmountReading(20000.5)).toBe(first);
    expect(numberAmountReading(20000.51)).toMatchObject({ value: 20000.51, readAs: '20,000.51 บาท' });
  });
});
