import { formatBaht, formatNumber, readAmount, readNumber } from '../../../src/core/thai/numbers';

describe('readAmount: amounts', () => {
  test.each([
    ['20,000', 20000, '20,000 บาท'],
    ['20000', 20000, '20,000 บาท'],
    ['20,000 บาท', 20000, '20,000 บาท'],
    ['20,000บาท', 20000, '20,000 บาท'],
    ['20,000.-', 20000, '20,000 บาท'],
    ['20,000.- บาท', 20000, '20,000 บาท'],
    ['20,000 บาท.-', 20000, '20,000 บาท'],
    ['จำนวน 7,200 บาท', 7200, '7,200 บาท'],
    ['งบประมาณ 10,000 บาท', 10000, '10,000 บาท'],
    ['๒๐,๐๐๐', 20000, '20,000 บาท'],
    ['๗,๒๐๐ บาท', 7200, '7,200 บาท'],
    ['20000.50', 20000.5, '20,000.50 บาท'],
    ['1,234,567.89', 1234567.89, '1,234,567.89 บาท'],
    ['1.5 ล้านบาท', 1500000, '1,500,000 บาท'],
    ['1.15 ล้าน', 1150000, '1,150,000 บาท'],
    ['2 ล้านบาท', 2000000, '2,000,000 บาท'],
    ['฿20,000', 20000, '20,000 บาท'],
    ['  40,000  ', 40000, '40,000 บาท'],
    ['-500', -500, '-500 บาท'],
  ])('%j → %d', (text, value, readAs) => {
    expect(readAmount(text)).toEqual({ kind: 'amount', value, readAs });
  });

  test.each([
    [77200, '77,200 บาท'],
    [0.5, '0.50 บาท'],
    [-500, '-500 บาท'],
  ])('number %d', (value, readAs) => {
    expect(readAmount(value)).toEqual({ kind: 'amount', value, readAs });
  });
});

describe('readAmount: no budget', () => {
  test.each([
    [null, 'blank'],
    ['', 'blank'],
    ['   ', 'blank'],
    ['-', 'dash'],
    ['–', 'dash'],
    ['—', 'dash'],
    [' - ', 'dash'],
    ['--', 'dash'],
    ['-.-', 'dash'],
    ['ไม่ใช้งบประมาณ', 'noBudget'],
    ['ไม่มีงบประมาณ', 'noBudget'],
    ['ไม่ใช้งบ', 'noBudget'],
    ['ไม่ใช้ งบประมาณ', 'noBudget'],
    ['0', 'zero'],
    ['0.00', 'zero'],
    ['0 บาท', 'zero'],
    [0, 'zero'],
  ] as const)('%j → %s', (value, why) => {
    const reading = readAmount(value);
    expect(reading).toMatchObject({ kind: 'none', why });
    expect(reading.kind === 'none' && reading.readAs).toMatch(/[\u0E01-\u0E5B]/);
  });
});

describe('readAmount: errors', () => {
  test.each([
    ['10,000 -', /มากกว่าหนึ่งค่า/],
    ['10,000 20,000', /มากกว่าหนึ่งค่า/],
    ['10,000/20,000', /มากกว่าหนึ่งค่า|ข้อความ/],
    ['- 500', /มากกว่าหนึ่งค่า|ข้อความปน/],
    ['20,000-', /ข้อความปน/],
    ['20,00', /จุลภาค/],
    ['1,5', /จุลภาค/],
    ['20000,', /จุลภาค/],
    ['20000.505', /ทศนิยม/],
    ['ประมาณ 20,000', /"ประมาณ"/],
    ['20,000 ดอลลาร์', /"ดอลลาร์"/],
    ['abc', /ไม่พบจำนวนเงิน/],
    ['บาท', /ไม่พบจำนวนเงิน/],
    ['ระบุ...', /ไม่พบจำนวนเงิน/],
    ['20,000 บาท บาท', /ข้อความปน/],
  ])('%j', (text, hint) => {
    const reading = readAmount(text);
    expect(reading.kind).toBe('error');
    const message = reading.kind === 'error' ? reading.message : '';
    expect(message).toMatch(hint);
    expect(message).toMatch(/เช่น/);
  });

  test.each([
    [true, /TRUE/],
    [false, /FALSE/],
    [new Date(2023, 0, 1), /วันที่/],
    [NaN, /ไม่ถูกต้อง/],
    [Infinity, /ไม่ถูกต้อง/],
  ])('%p is not an amount', (value, hint) => {
    const reading = readAmount(value);
    expect(reading.kind).toBe('error');
    expect(reading.kind === 'error' && reading.message).toMatch(hint);
  });
});

describe('readNumber', () => {
  test.each([
    [86.7, {}, 86.7],
    ['86.70', {}, 86.7],
    [' ๘๕.๕ ', {}, 85.5],
    ['1,234', {}, 1234],
    ['2566', {}, 2566],
    ['-3', {}, -3],
    ['+3', {}, 3],
    ['0', {}, 0],
    ['85%', { allowPercentSign: true }, 85],
    ['85 %', { allowPercentSign: true }, 85],
    ['ร้อยละ 85', { allowPercentSign: true }, 85],
    ['๑๐๐%', { allowPercentSign: true }, 100],
  ])('%j → %d', (value, options, expected) => {
    expect(readNumber(value, options)).toEqual({ ok: true, value: expected });
  });

  test.each([
    ['85%', {}],
    ['ร้อยละ 85', {}],
    ['ร้อยละ 85%', { allowPercentSign: true }],
    ['1 2', {}],
    ['85 คะแนน', {}],
    ['12,34', {}],
    ['', {}],
    ['abc', {}],
    [null, {}],
    [true, {}],
    [new Date(2023, 0, 1), {}],
    [NaN, {}],
  ])('%j is not a number', (value, options) => {
    const reading = readNumber(value, options);
    expect(reading.ok).toBe(false);
    expect(!reading.ok && reading.error).toMatch(/[\u0E01-\u0E5B]/);
  });
});

describe('formatBaht / formatNumber', () => {
  test.each([
    [77200, {}, '77,200'],
    [77200, { decimals: 2 }, '77,200.00'],
    [20000.5, {}, '20,000.50'],
    [20000.5, { decimals: 0 }, '20,001'],
    [77200, { digits: 'thai' }, '๗๗,๒๐๐'],
    [0, {}, '0'],
    [999, {}, '999'],
    [1000, {}, '1,000'],
    [1234567, {}, '1,234,567'],
    [-500, {}, '-500'],
    [-1234.5, {}, '-1,234.50'],
    [1.005, { decimals: 2 }, '1.01'],
    [999.995, { decimals: 2 }, '1,000.00'],
  ] as const)('%d %j → %s', (n, options, text) => {
    expect(formatBaht(n, options)).toBe(text);
  });

  test.each([
    [1234.5, 1, '1,234.5'],
    [86.696, 2, '86.70'],
    [-0.001, 2, '0.00'],
    [1e6, 0, '1,000,000'],
  ])('formatNumber(%d, %d) → %s', (n, decimals, text) => {
    expect(formatNumber(n, decimals)).toBe(text);
  });
});
