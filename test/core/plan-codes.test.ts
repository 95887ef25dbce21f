import fc from 'fast-check';
import { PlanCodeIndex } from '../../src/core/plan-codes';

/** The plain answer: the first position of each code, by a scan. */
function firstPosition(codes: readonly string[], code: string): number {
  return code ? codes.indexOf(code) : -1;
}

const items = (codes: readonly string[]) => codes.map((code) => ({ code }));

describe('PlanCodeIndex', () => {
  test("gives each item its code's first item, and an item without a code none", () => {
    const codes = ['1.1', '', '1.2', '1.1', '๑.๓', '1.2', '1.1'];
    const index = PlanCodeIndex.of(items(codes));
    expect(codes.map((_, i) => index.firstOf(i))).toEqual([0, -1, 2, 0, 4, 2, 0]);
  });

  test('finds codes in plan order, out of order, repeated and missing alike', () => {
    const codes = ['A', 'B', 'A', 'C', 'D'];
    const index = PlanCodeIndex.of(items(codes));
    // In order (each one the guess), then against it, then codes the plan lacks.
    const asked = ['A', 'B', 'A', 'C', 'D', 'D', 'A', 'C', 'B', 'A', 'E', '', 'a', 'A '];
    expect(asked.map((code) => index.find(code))).toEqual([0, 1, 0, 3, 4, 4, 0, 3, 1, 0, -1, -1, -1, -1]);
  });

  test('answers as a scan does, for any plan and any order of lookups (with many colliding slots)', () => {
    // Few distinct codes over many items: long runs of duplicates, and over 100 items, probe chains.
    const code = fc.oneof(
      fc.constantFrom('', '1', '1.1', '1.10', '2-000001', 'ก', '๑'),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(code, { maxLength: 300 }), fc.array(code, { maxLength: 300 }), (codes, asked) => {
        const index = PlanCodeIndex.of(items(codes));
        codes.forEach((c, i) => expect(index.firstOf(i)).toBe(firstPosition(codes, c)));
        // The plan's own codes in order (the guess right), then random ones (the guess mostly wrong).
        for (const c of [...codes, ...asked]) expect(index.find(c)).toBe(firstPosition(codes, c));
      }),
      { numRuns: 300 },
    );
  });

  test('a plan of 5,000 distinct codes: every code found, in order and reversed', () => {
    const codes = Array.from({ length: 5000 }, (_, i) => `${(i % 4) + 1}-${String(i).padStart(6, '0')}`);
    const index = PlanCodeIndex.of(items(codes));
    codes.forEach((c, i) => expect(index.find(c)).toBe(i));
    for (let i = codes.length - 1; i >= 0; i--) expect(index.find(codes[i])).toBe(i);
    expect(index.find('5-000000')).toBe(-1);
  });

  test('a plan that can still change is indexed afresh; a frozen one is indexed once', () => {
    const plan = items(['A', 'B']);
    expect(PlanCodeIndex.of(plan).find('C')).toBe(-1);
    plan.push({ code: 'C' });
    expect(PlanCodeIndex.of(plan).find('C')).toBe(2);
    const frozen = Object.freeze(items(['A', 'B']));
    expect(PlanCodeIndex.of(frozen)).toBe(PlanCodeIndex.of(frozen));
    expect(PlanCodeIndex.of(plan)).not.toBe(PlanCodeIndex.of(plan));
  });
});
