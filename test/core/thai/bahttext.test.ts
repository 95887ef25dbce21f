/**
 * bahtText must spell money exactly as the spreadsheet built-in BAHTTEXT does. The fixture holds
 * LibreOffice Calc's own output for a few hundred amounts (scripts/bahttext-reference.mjs); the hand-written
 * cases pin the rules a reader checks first; the properties read the words back with an independent parser.
 */
import fc from 'fast-check';
import fixture from '../../fixtures/bahttext-libreoffice.json';
import { bahtText, bahtWithWords, roundToSatang } from '../../../src/core/thai/bahttext';
import { readAmount } from '../../../src/core/thai/numbers';
import * as thai from '../../../src/core/thai';

describe('bahtText against LibreOffice Calc BAHTTEXT', () => {
  test('the fixture is LibreOffice output with a few hundred amounts, edge cases included', () => {
    expect(fixture.source).toMatch(/LibreOffice/);
    expect(fixture.libreoffice).toMatch(/^LibreOffice \d/);
    expect(fixture.cases.length).toBe(fixture.count);
    expect(fixture.cases.length).toBeGreaterThanOrEqual(300);
    const amounts = new Set(fixture.cases.map((c) => c.amount));
    for (const n of [0, 11, 21, 101, 1000001, 1e12, 0.5, 1.005, 2.675, -1, -0.004])
      expect(amounts).toContain(n);
  });

  test('every fixture amount is spelt word for word as LibreOffice spells it', () => {
    const wrong = fixture.cases
      .map((c) => ({ amount: c.amount, libreoffice: c.text, ours: bahtText(c.amount) }))
      .filter((c) => c.ours !== c.libreoffice);
    expect(wrong).toEqual([]);
  });
});

describe('bahtText known outputs', () => {
  test.each([
    [77200, 'เจ็ดหมื่นเจ็ดพันสองร้อยบาทถ้วน'],
    [0, 'ศูนย์บาทถ้วน'],
    [1, 'หนึ่งบาทถ้วน'],
    [10, 'สิบบาทถ้วน'],
    [11, 'สิบเอ็ดบาทถ้วน'],
    [20, 'ยี่สิบบาทถ้วน'],
    [21, 'ยี่สิบเอ็ดบาทถ้วน'],
    [111, 'หนึ่งร้อยสิบเอ็ดบาทถ้วน'],
    // BAHTTEXT (LibreOffice, and Google Sheets by published test data) says หนึ่ง, not เอ็ด, after a zero
    // tens digit; the dictionary form "หนึ่งร้อยเอ็ด" would not match the spreadsheet's own words.
    [101, 'หนึ่งร้อยหนึ่งบาทถ้วน'],
    [1000001, 'หนึ่งล้านหนึ่งบาทถ้วน'],
    [1000011, 'หนึ่งล้านสิบเอ็ดบาทถ้วน'],
    [21000000, 'ยี่สิบเอ็ดล้านบาทถ้วน'],
    [1000000, 'หนึ่งล้านบาทถ้วน'],
    [1e12, 'หนึ่งล้านล้านบาทถ้วน'],
    [1e12 + 1, 'หนึ่งล้านล้านหนึ่งบาทถ้วน'],
    [2000003000000, 'สองล้านสามล้านบาทถ้วน'],
    [123456789, 'หนึ่งร้อยยี่สิบสามล้านสี่แสนห้าหมื่นหกพันเจ็ดร้อยแปดสิบเก้าบาทถ้วน'],
  ])('%p → %s', (amount, words) => {
    expect(bahtText(amount)).toBe(words);
  });

  test('satang: with baht, alone (no ศูนย์บาท), เอ็ด in satang', () => {
    expect(bahtText(1234.56)).toBe('หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบหกสตางค์');
    expect(bahtText(0.5)).toBe('ห้าสิบสตางค์');
    expect(bahtText(0.01)).toBe('หนึ่งสตางค์');
    expect(bahtText(11.21)).toBe('สิบเอ็ดบาทยี่สิบเอ็ดสตางค์');
    expect(bahtText(1.01)).toBe('หนึ่งบาทหนึ่งสตางค์');
  });

  test('negatives start with ลบ', () => {
    expect(bahtText(-1)).toBe('ลบหนึ่งบาทถ้วน');
    expect(bahtText(-0.25)).toBe('ลบยี่สิบห้าสตางค์');
    expect(bahtText(-1234.5)).toBe('ลบหนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์');
    // LibreOffice keeps the sign of an amount that rounds to nothing; -0 has no sign.
    expect(bahtText(-0.004)).toBe('ลบศูนย์บาทถ้วน');
    expect(bahtText(-0)).toBe('ศูนย์บาทถ้วน');
  });

  test('rounding to satang: x.xx5 goes away from zero although the double is just below it', () => {
    expect(1.005 * 100).toBeLessThan(100.5); // the trap
    expect(bahtText(1.005)).toBe('หนึ่งบาทหนึ่งสตางค์');
    expect(bahtText(-1.005)).toBe('ลบหนึ่งบาทหนึ่งสตางค์');
    expect(bahtText(2.675)).toBe('สองบาทหกสิบแปดสตางค์');
    expect(bahtText(0.125)).toBe('สิบสามสตางค์');
    expect(bahtText(0.005)).toBe('หนึ่งสตางค์');
    expect(bahtText(0.004)).toBe('ศูนย์บาทถ้วน');
    expect(bahtText(0.995)).toBe('หนึ่งบาทถ้วน');
    expect(bahtText(99.995)).toBe('หนึ่งร้อยบาทถ้วน');
    expect(bahtText(999999.995)).toBe('หนึ่งล้านบาทถ้วน');
  });

  test('not a number is a programming error', () => {
    expect(() => bahtText(NaN)).toThrow(RangeError);
    expect(() => bahtText(Infinity)).toThrow(RangeError);
  });

  test('exported from the Thai core', () => {
    expect(thai.bahtText).toBe(bahtText);
    expect(thai.bahtWithWords).toBe(bahtWithWords);
  });
});

// ---- an independent reader of the words ------------------------------------------------------------------

const NUMBER_WORDS: [string, number][] = [
  ['หนึ่ง', 1],
  ['เอ็ด', 1],
  ['สอง', 2],
  ['ยี่', 2],
  ['สาม', 3],
  ['สี่', 4],
  ['ห้า', 5],
  ['หก', 6],
  ['เจ็ด', 7],
  ['แปด', 8],
  ['เก้า', 9],
  ['ศูนย์', 0],
];
const PLACES: [string, bigint][] = [
  ['สิบ', 10n],
  ['ร้อย', 100n],
  ['พัน', 1000n],
  ['หมื่น', 10000n],
  ['แสน', 100000n],
];

/** Thai words (one number, no unit) → value; ล้าน scales everything read before it. */
function readWords(words: string): bigint {
  let total = 0n;
  let group = 0n;
  let digit: bigint | null = null;
  for (let rest = words; rest;) {
    const num = NUMBER_WORDS.find(([w]) => rest.startsWith(w));
    const place = PLACES.find(([w]) => rest.startsWith(w));
    if (num) {
      digit = BigInt(num[1]);
      rest = rest.slice(num[0].length);
    } else if (place) {
      group += (digit ?? 1n) * place[1]; // "สิบ" alone is ten
      digit = null;
      rest = rest.slice(place[0].length);
    } else if (rest.startsWith('ล้าน')) {
      total = (total + group + (digit ?? 0n)) * 1000000n;
      group = 0n;
      digit = null;
      rest = rest.slice('ล้าน'.length);
    } else throw new Error(`unknown word at "${rest}"`);
  }
  return total + group + (digit ?? 0n);
}

/** "ลบ…บาท…สตางค์" → signed satang. */
function readBahtText(text: string): bigint {
  const match = /^(ลบ)?(?:(.+)บาท)?(?:ถ้วน|(.+)สตางค์)$/.exec(text);
  if (!match) throw new Error(`not BAHTTEXT: ${text}`);
  const satang = readWords(match[2] ?? '') * 100n + readWords(match[3] ?? '');
  return match[1] ? -satang : satang;
}

describe('bahtText read back by an independent parser', () => {
  test('the reader agrees with LibreOffice on every fixture amount', () => {
    for (const c of fixture.cases) {
      expect(Number(readBahtText(c.text))).toBe(Math.round(roundToSatang(c.amount) * 100));
    }
  });

  test('whole baht up to 10^15: the words are the number', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), (n) => {
        expect(readBahtText(bahtText(Number(n)))).toBe(n * 100n);
      }),
    );
  });

  test('baht and satang: the words are the amount rounded to satang, sign included', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e11, max: 1e11 }), fc.integer({ min: 0, max: 99 }), (baht, satang) => {
        const amount = Number(`${baht}.${String(satang).padStart(2, '0')}`);
        const expected = BigInt(Math.abs(baht)) * 100n + BigInt(satang);
        const read = readBahtText(bahtText(amount));
        expect(read).toBe(amount < 0 ? -expected : expected);
      }),
    );
  });

  test('-x is ลบ + x for every amount that does not round to zero', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.005, max: 1e12, noNaN: true }), (x) => {
        expect(bahtText(-x)).toBe(`ลบ${bahtText(x)}`);
      }),
    );
  });

  test('only whole zero says ศูนย์; เอ็ด only ends a number after its tens', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999999999 }), (n) => {
        const text = bahtText(n);
        expect(text).not.toContain('ศูนย์');
        const last = n % 100;
        expect(
          text
            .split('เอ็ด')
            .slice(1)
            .every((after) => /^(ล้าน|บาท)/.test(after)),
        ).toBe(true);
        if (last % 10 === 1) expect(text.endsWith(last > 10 ? 'เอ็ดบาทถ้วน' : 'หนึ่งบาทถ้วน')).toBe(true);
      }),
    );
  });
});

describe('bahtWithWords and roundToSatang', () => {
  test('the figure and the words, as printed summaries write a total', () => {
    expect(bahtWithWords(77200)).toBe('77,200 บาท (เจ็ดหมื่นเจ็ดพันสองร้อยบาทถ้วน)');
    expect(bahtWithWords(1234.5)).toBe('1,234.50 บาท (หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์)');
    expect(bahtWithWords(0)).toBe('0 บาท (ศูนย์บาทถ้วน)');
    expect(bahtWithWords(-500)).toBe('-500 บาท (ลบห้าร้อยบาทถ้วน)');
    expect(bahtWithWords(77200, { digits: 'thai' })).toBe('๗๗,๒๐๐ บาท (เจ็ดหมื่นเจ็ดพันสองร้อยบาทถ้วน)');
  });

  test('figure and words come from one rounding, so they never disagree', () => {
    expect(bahtWithWords(1.005)).toBe('1.01 บาท (หนึ่งบาทหนึ่งสตางค์)');
    expect(bahtWithWords(-0.004)).toBe('0 บาท (ศูนย์บาทถ้วน)');
    expect(bahtWithWords(0.1 + 0.2)).toBe('0.30 บาท (สามสิบสตางค์)');
  });

  test('roundToSatang rounds as BAHTTEXT does and never gives -0', () => {
    expect(roundToSatang(1.005)).toBe(1.01);
    expect(roundToSatang(-1.005)).toBe(-1.01);
    expect(roundToSatang(2.675)).toBe(2.68);
    expect(roundToSatang(7)).toBe(7);
    expect(Object.is(roundToSatang(-0.004), 0)).toBe(true);
    expect(roundToSatang(NaN)).toBeNaN();
  });

  test('the printed figure reads back (readAmount) as the amount the words spell', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e10, max: 1e10, noNaN: true }), (x) => {
        const printed = bahtWithWords(x);
        const match = /^(.+) บาท \((.+)\)$/.exec(printed);
        expect(match).not.toBeNull();
        const [, figure, words] = match as RegExpExecArray;
        const reading = readAmount(figure);
        const value = reading.kind === 'amount' ? reading.value : 0;
        expect(value).toBe(roundToSatang(x));
        expect(Number(readBahtText(words))).toBe(Math.round(value * 100));
      }),
    );
  });
});
