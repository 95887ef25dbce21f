import { SheetBuilder } from '../../src/core/report/builder';
import type { OutCell } from '../../src/core/sheet-model';

describe('SheetBuilder tables', () => {
  const columns = [{ header: 'ก' }, { header: 'ข' }, { header: 'ค' }];

  test('rows without spans: full rows kept as given, short rows padded, no merges', () => {
    const full: OutCell[] = ['1', 2, '3'];
    const short: OutCell[] = ['x'];
    const builder = new SheetBuilder('s', 3);
    builder.table({ columns, rows: [full, short] });
    const model = builder.build();
    expect(model.rows).toEqual([
      ['ก', 'ข', 'ค'],
      ['1', 2, '3'],
      ['x', null, null],
    ]);
    expect(model.merges).toEqual([]);
    // The sheet keeps its own rows: the caller changing its array afterwards changes nothing.
    full[0] = 'changed';
    expect(model.rows[1][0]).toBe('1');
  });

  test('rows handed over: full rows go in as they are, short rows are still padded', () => {
    const full: OutCell[] = ['1', 2, '3'];
    const builder = new SheetBuilder('s', 3);
    builder.table({ columns, rows: [full, ['x']], handOver: true });
    const model = builder.build();
    expect(model.rows[1]).toBe(full);
    expect(model.rows[2]).toEqual(['x', null, null]);
  });

  test('a spanning column: its cell placed at its first column and merged on every row', () => {
    const builder = new SheetBuilder('s', 4);
    builder.table({
      columns: [{ header: 'ก', span: 2 }, { header: 'ข' }, { header: 'ค' }],
      rows: [['a', 'b', 'c']],
    });
    const model = builder.build();
    expect(model.rows).toEqual([
      ['ก', null, 'ข', 'ค'],
      ['a', null, 'b', 'c'],
    ]);
    expect(model.merges).toEqual([
      { row: 1, col: 1, rows: 1, cols: 2 },
      { row: 2, col: 1, rows: 1, cols: 2 },
    ]);
  });
});
