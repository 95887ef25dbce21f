/**
 * Fingerprints change exactly when an input value or formula changes: random grids, random edits.
 */
import fc from 'fast-check';
import type { CellValue } from '../../src/core/cells';
import {
  combinePrints,
  fingerprintSnapshot,
  MISSING_PRINT,
  SheetPrinter,
  shortPrint,
} from '../../src/core/fingerprint';

type Grid = { values: CellValue[][]; formulas: string[][] };

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 6 }),
  // Around the length where a text is hashed once and looked up (LONG_TEXT in fingerprint.ts).
  fc.string({ minLength: 20, maxLength: 30 }),
  // Long texts of two letters: many share a slot of the long-text cache, which must never mix them up.
  fc.string({ unit: fc.constantFrom('a', 'b'), minLength: 24, maxLength: 25 }),
  fc.constantFrom('๑๒๓', 'ต.ค. 65', '-', '1', 'true', '=1+1', 'สำนักปลัด องค์การบริหารส่วนตำบลแหลมสอม'),
  fc.integer({ min: -5, max: 100000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
);

const grid: fc.Arbitrary<Grid> = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 5 }))
  .chain(([rows, cols]) =>
    fc.record({
      values: fc.array(fc.array(cellValue, { minLength: cols, maxLength: cols }), {
        minLength: rows,
        maxLength: rows,
      }),
      formulas: fc.array(
        fc.array(
          fc.oneof(
            fc.constant(''),
            fc.constant(''),
            fc.constantFrom('=A1', '=SUM(B1:B3)', '=SUMIFS(H2:H200,D2:D200,"สำนักปลัด")'),
          ),
          {
            minLength: cols,
            maxLength: cols,
          },
        ),
        { minLength: rows, maxLength: rows },
      ),
    }),
  );

function clone(g: Grid): Grid {
  return {
    values: g.values.map((r) => r.map((v) => (v instanceof Date ? new Date(v.getTime()) : v))),
    formulas: g.formulas.map((r) => [...r]),
  };
}

/** Same content as seen by a user: '' and null are both an empty cell. */
function sameCell(a: CellValue, b: CellValue): boolean {
  const blank = (v: CellValue) => v === null || v === '';
  if (blank(a) || blank(b)) return blank(a) && blank(b);
  if (a instanceof Date || b instanceof Date)
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  return Object.is(a, b) || (typeof a === 'number' && typeof b === 'number' && String(a) === String(b));
}

describe('fingerprintSnapshot', () => {
  test('a random edit of one value or formula changes the print; writing the same content does not', () => {
    fc.assert(
      fc.property(
        grid,
        fc.nat(),
        fc.nat(),
        cellValue,
        fc.constantFrom('', '=A1', '=B2*2', "=VLOOKUP(A2,'อ้างอิง'!A:B,2,FALSE)"),
        fc.boolean(),
        (g, r0, c0, value, formula, editFormula) => {
          const r = r0 % g.values.length;
          const c = c0 % g.values[0].length;
          const edited = clone(g);
          if (editFormula) edited.formulas[r][c] = formula;
          else edited.values[r][c] = value;
          const changed = editFormula ? g.formulas[r][c] !== formula : !sameCell(g.values[r][c], value);
          expect(fingerprintSnapshot(edited) !== fingerprintSnapshot(g)).toBe(changed);
        },
      ),
      { numRuns: 2000 },
    );
  });

  test('the used block’s shape does not matter: trailing blank cells and rows are ignored', () => {
    fc.assert(
      fc.property(
        grid,
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 3 }),
        (g, extraRows, extraCols) => {
          const wider: Grid = {
            values: [
              ...g.values.map((r) => [...r, ...new Array<CellValue>(extraCols).fill(null)]),
              ...Array.from({ length: extraRows }, () =>
                new Array<CellValue>(g.values[0].length + extraCols).fill(''),
              ),
            ],
            formulas: [
              ...g.formulas.map((r) => [...r, ...new Array<string>(extraCols).fill('')]),
              ...Array.from({ length: extraRows }, () =>
                new Array<string>(g.values[0].length + extraCols).fill(''),
              ),
            ],
          };
          expect(fingerprintSnapshot(wider)).toBe(fingerprintSnapshot(g));
        },
      ),
    );
  });

  test('moving content by a row or a column changes the print (blank rows in the middle count)', () => {
    const base = { values: [['a', 1]], formulas: [['', '']] };
    const down = {
      values: [
        [null, null],
        ['a', 1],
      ],
      formulas: [
        ['', ''],
        ['', ''],
      ],
    };
    const right = { values: [[null, 'a', 1]], formulas: [['', '', '']] };
    const prints = new Set([base, down, right].map(fingerprintSnapshot));
    expect(prints.size).toBe(3);
  });

  test('types are told apart: 1, "1", true, a date; dates by their instant (ISO)', () => {
    const one = (v: CellValue) => fingerprintSnapshot({ values: [[v]], formulas: [['']] });
    const prints = [1, '1', true, 'true', new Date('2023-01-01T00:00:00Z')].map(one);
    expect(new Set(prints).size).toBe(prints.length);
    expect(one(new Date('2023-01-01T00:00:00Z'))).toBe(one(new Date(Date.UTC(2023, 0, 1))));
    expect(one(new Date('2023-01-01T00:00:00Z'))).not.toBe(one(new Date('2023-01-01T00:00:01Z')));
  });

  test('long texts that share a cache slot are told apart, in any order', () => {
    // Same length, same first, middle and last characters: the same slot of the long-text cache.
    const a = 'สำนักปลัด องค์การบริหารส่วนตำบลแหลมสอม';
    const b = `${a.slice(0, 2)}X${a.slice(3)}`;
    expect(b.length).toBe(a.length);
    const print = (...texts: string[]) =>
      fingerprintSnapshot({ values: texts.map((t) => [t]), formulas: texts.map(() => ['']) });
    const prints = [print(a, a, a), print(a, b, a), print(b, a, b), print(a, a, b), print(b, b, b)];
    expect(new Set(prints).size).toBe(prints.length);
    expect(print(a, b, a)).toBe(print(a, b, a));
  });

  test('no ambiguity from separators inside text', () => {
    const a = fingerprintSnapshot({ values: [['ab', 'c']], formulas: [['', '']] });
    const b = fingerprintSnapshot({ values: [['a', 'bc']], formulas: [['', '']] });
    const c = fingerprintSnapshot({ values: [['a\n', 'c']], formulas: [['', '']] });
    expect(new Set([a, b, c]).size).toBe(3);
  });

  test('a missing sheet has its own print; an empty sheet is not missing', () => {
    expect(fingerprintSnapshot(null)).toBe(MISSING_PRINT);
    expect(fingerprintSnapshot({ values: [], formulas: [] })).toMatch(/^[0-9a-f]{16}$/);
    expect(shortPrint('0123456789abcdef')).toBe('01234567');
    expect(shortPrint(MISSING_PRINT)).toBe(MISSING_PRINT);
  });

  test('a sheet hashes to the print earlier versions recorded (stored prints stay fresh)', () => {
    // Computed by the version before the hashing was split into rows (SheetPrinter): a change to the
    // canonical form would make every summary users have kept look out of date.
    const values: CellValue[][] = [
      ['รหัส', 'ชื่อโครงการ', 'งบประมาณ', 'วันที่', 'เสร็จ'],
      ['1-001', 'โครงการอบรมคุณธรรมและจริยธรรมสำหรับบุคลากร', 20000, new Date(Date.UTC(2023, 2, 31)), true],
      [null, null, null, null, null],
      ['1-002', 'ระบุชื่อโครงการ', 7200.5, '๓๑ มี.ค. ๒๕๖๖', false],
      ['', '', '', '', ''],
    ];
    const formulas = values.map((row, r) => row.map((_, c) => (r === 1 && c === 2 ? '=SUM(C3:C9)' : '')));
    expect(fingerprintSnapshot({ values, formulas })).toBe('0d85fd9518c60b5b');
  });

  test('the same for the rarer cells: -0, NaN, an invalid date, a gap in a row, long and short formulas', () => {
    // Computed by the version before NaNs were made one (this sheet's NaNs are the usual quiet NaN).
    const values = [
      ['=x', -0, 'ยาวมากกกกกกกกกกกกกกกกกกกกกกกกกกกก', undefined, true],
      [null, NaN, new Date(NaN), 1e21, ''],
    ] as CellValue[][];
    const formulas = [
      ['=IF(A1>0,"ข้อความยาวพอสำหรับสูตรยาว",B2)', '', '', '', '=A1'],
      ['', '', '', '', ''],
    ];
    expect(fingerprintSnapshot({ values, formulas })).toBe('198e53e5aae17e28');
  });

  test('every NaN prints alike, whatever its bits (sign, payload), as a number or as an invalid date', () => {
    const bits = new Float64Array(1);
    const halves = new Int32Array(bits.buffer);
    const nanOf = (low: number, high: number) => {
      halves[0] = low;
      halves[1] = high;
      return bits[0];
    };
    const print = (value: CellValue) => fingerprintSnapshot({ values: [[value]], formulas: [['']] });
    const first = print(NaN);
    const nans = [0 / 0, Number('x'), nanOf(0, 0xfff80000 | 0), nanOf(1, 0x7ff00000), nanOf(-1, -1)];
    expect(nans.every((n) => Number.isNaN(n))).toBe(true);
    for (const nan of nans) expect(print(nan)).toBe(first);
    expect(print(new Date(nanOf(0, 0xfff80000 | 0)))).toBe(print(new Date(NaN)));
  });
});

describe('SheetPrinter: a print made a few rows at a time', () => {
  /** A grid with blank rows put in at random places (blank rows count only when something follows). */
  const withBlankRows = grid.chain((g) =>
    fc.array(fc.integer({ min: 0, max: g.values.length }), { maxLength: 4 }).map((at) => {
      const copy = clone(g);
      for (const r of at.sort((a, b) => b - a)) {
        copy.values.splice(
          r,
          0,
          copy.values[0].map(() => null),
        );
        copy.formulas.splice(
          r,
          0,
          copy.formulas[0].map(() => ''),
        );
      }
      return copy;
    }),
  );

  test('any steps, in any sizes, past the end or repeated, give the print of the whole sheet', () => {
    fc.assert(
      fc.property(withBlankRows, fc.array(fc.integer({ min: -1, max: 12 }), { maxLength: 8 }), (g, steps) => {
        const printer = new SheetPrinter(g);
        let row = 0;
        for (const step of steps) {
          row += step;
          printer.upTo(row);
        }
        expect(printer.digest()).toBe(fingerprintSnapshot(g));
        // A second digest gives the same print.
        expect(printer.digest()).toBe(fingerprintSnapshot(g));
      }),
      { numRuns: 300 },
    );
  });

  test('a frozen sheet already hashed is not hashed again; an unfrozen one always is', () => {
    const values: CellValue[][] = [
      ['a', 1],
      ['b', 2],
    ];
    const frozen = Object.freeze({
      values,
      formulas: [
        ['', ''],
        ['', ''],
      ],
    });
    const print = fingerprintSnapshot(frozen);
    // Changing a frozen snapshot's rows (possible: only the outer object is frozen) shows the memo.
    values[0][0] = 'changed';
    expect(new SheetPrinter(frozen).digest()).toBe(print);
    const open = {
      values,
      formulas: [
        ['', ''],
        ['', ''],
      ],
    };
    expect(fingerprintSnapshot(open)).not.toBe(print);
  });
});

describe('combinePrints', () => {
  test('order of the inputs does not matter; any one print or key does', () => {
    const a = [
      { key: 'plan', print: '1' },
      { key: 'settings', print: '2' },
    ];
    expect(combinePrints(a)).toBe(combinePrints([...a].reverse()));
    expect(combinePrints(a)).not.toBe(combinePrints([a[0], { key: 'settings', print: '3' }]));
    expect(combinePrints(a)).not.toBe(combinePrints([a[0], { key: 'tracking', print: '2' }]));
  });
});
