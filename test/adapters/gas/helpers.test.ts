/** The adapter's pure helpers: time zones, batching geometry, cell escaping. */
import { hyperlinkFormula, textValue, zonedMidnight } from '../../../src/adapters/gas';
import { rectsOf, widthRuns } from '../../../src/adapters/gas/blocks';
import { cellsA1, parseRangeA1 } from '../../../src/adapters/gas/sheet-ops';

function localTime(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

describe('zonedMidnight', () => {
  test.each([
    ['2022-10-01', 'Asia/Bangkok', '2022-10-01, 00:00'],
    ['2023-03-26', 'Europe/London', '2023-03-26, 00:00'],
    ['2023-10-29', 'Europe/London', '2023-10-29, 00:00'],
    ['2023-09-24', 'Pacific/Auckland', '2023-09-24, 00:00'],
    ['2023-03-12', 'America/New_York', '2023-03-12, 00:00'],
    // Midnight did not exist that day: the day began at 01:00.
    ['2018-11-04', 'America/Sao_Paulo', '2018-11-04, 01:00'],
    // Midnight happened twice (clocks went back from 00:00 to 23:00): the earlier one.
    ['2018-02-18', 'America/Sao_Paulo', '2018-02-18, 00:00'],
  ])('%s in %s starts at %s local', (iso, zone, expected) => {
    expect(localTime(zonedMidnight(iso, zone), zone)).toBe(expected);
  });

  test('rejects text that is not an ISO date', () => {
    expect(() => zonedMidnight('1/10/2565', 'Asia/Bangkok')).toThrow(RangeError);
  });
});

describe('cell escaping', () => {
  test('strings get an apostrophe, except the empty string', () => {
    expect(textValue('=1+1')).toBe("'=1+1");
    expect(textValue("'x")).toBe("''x");
    expect(textValue('')).toBe('');
  });

  test('internal links double the quotes of their text', () => {
    expect(hyperlinkFormula(123, 5, 28, 'ดู "AB5"')).toBe('=HYPERLINK("#gid=123&range=AB5","ดู ""AB5""")');
  });
});

describe('batching geometry', () => {
  test('rectsOf covers exactly the true cells, stacking identical runs', () => {
    const mask = [
      [true, true, false, true],
      [true, true, false, true],
      [false, true, false, true],
      [false, false, false, false],
      [true, true, true, true],
    ];
    const rects = rectsOf(mask);
    expect(rects).toEqual([
      { row: 0, col: 0, rows: 2, cols: 2 },
      { row: 0, col: 3, rows: 3, cols: 1 },
      { row: 2, col: 1, rows: 1, cols: 1 },
      { row: 4, col: 0, rows: 1, cols: 4 },
    ]);
    const covered = mask.map((line) => line.map(() => 0));
    for (const r of rects) {
      for (let i = r.row; i < r.row + r.rows; i++)
        for (let j = r.col; j < r.col + r.cols; j++) covered[i][j]++;
    }
    expect(covered).toEqual(mask.map((line) => line.map((on) => (on ? 1 : 0))));
  });

  test('widthRuns groups equal widths and resets the rest to the default', () => {
    expect(widthRuns([120, 120, 0, 100, 300], 7)).toEqual([
      { start: 1, count: 2, width: 120 },
      { start: 3, count: 2, width: 100 },
      { start: 5, count: 1, width: 300 },
      { start: 6, count: 2, width: 100 },
    ]);
  });

  test('cellsA1 joins consecutive rows of a column', () => {
    const cells = [5, 6, 7, 9].map((row) => ({ row, col: 3 })).concat([{ row: 1, col: 1 }]);
    expect(cellsA1(cells)).toEqual(['A1', 'C5:C7', 'C9']);
    expect(parseRangeA1('C5:C7')).toEqual({ row: 5, col: 3, rows: 3, cols: 1 });
    expect(parseRangeA1('AA10')).toEqual({ row: 10, col: 27, rows: 1, cols: 1 });
  });
});
