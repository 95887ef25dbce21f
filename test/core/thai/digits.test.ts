import { isDigitChar, normalizeSpaces, toArabicDigits, toThaiDigits } from '../../../src/core/thai/digits';

describe('toArabicDigits / toThaiDigits', () => {
  test.each([
    ['๐๑๒๓๔๕๖๗๘๙', '0123456789'],
    ['๑ ต.ค. ๒๕๖๕', '1 ต.ค. 2565'],
    ['ปี 2566 และ ๒๕๖๗', 'ปี 2566 และ 2567'],
    ['ไม่มีตัวเลข', 'ไม่มีตัวเลข'],
    ['', ''],
  ])('%s → %s', (thai, arabic) => {
    expect(toArabicDigits(thai)).toBe(arabic);
  });

  test.each([
    ['0123456789', '๐๑๒๓๔๕๖๗๘๙'],
    ['3 ตุลาคม 2565', '๓ ตุลาคม ๒๕๖๕'],
    ['77,200.00', '๗๗,๒๐๐.๐๐'],
  ])('%s → %s', (arabic, thai) => {
    expect(toThaiDigits(arabic)).toBe(thai);
  });

  test('isDigitChar accepts both digit sets and nothing else', () => {
    expect(['0', '9', '๐', '๙'].every(isDigitChar)).toBe(true);
    expect(['a', 'ก', '.', '', '12'].some(isDigitChar)).toBe(false);
  });
});

describe('normalizeSpaces', () => {
  test.each([
    ['  ต.ค.  2565  ', 'ต.ค. 2565'],
    ['ต.ค.\u00A02565', 'ต.ค. 2565'],
    ['ต.ค.\t2565\r\n- ธ.ค.', 'ต.ค. 2565 - ธ.ค.'],
    ['ต.ค.\u200B2565', 'ต.ค. 2565'],
    ['ปีงบ\u200Dประมาณ', 'ปีงบประมาณ'],
    ['\uFEFF2566', '2566'],
    ['\u2003\u3000', ''],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeSpaces(input)).toBe(expected);
  });
});
