import fc from 'fast-check';
import { isBlank } from '../../src/core/cells';

/** Every character trim() removes, and characters next to them in the code table that it keeps. */
const SPACES = '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2005\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
const OTHERS = '\u0000\u001f!a0ก๑\u00a1\u167f\u1681\u180e\u200b\u200d\u2060\u3001\ufffd';

describe('isBlank', () => {
  test('a text is blank exactly when trim() leaves nothing of it', () => {
    const text = fc
      .array(fc.constantFrom(...SPACES, ...OTHERS), { maxLength: 6 })
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(text, (s) => expect(isBlank(s)).toBe(s.trim() === '')),
      { numRuns: 2000 },
    );
  });

  test('no value is blank; numbers, dates and booleans never are', () => {
    expect([null, undefined, '', ' \u3000 '].map(isBlank)).toEqual([true, true, true, true]);
    expect([0, false, new Date(NaN), 'ก', ' x '].map(isBlank)).toEqual([false, false, false, false, false]);
  });
});
