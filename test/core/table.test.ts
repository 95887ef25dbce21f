import fc from 'fast-check';
import { a1, columnLetter, parseA1 } from '../../src/core/cells';
import { PLAN_TABLE, SCORES_TABLE } from '../../src/core/schema';
import { cellOf, codeOf, colOf, readTable } from '../../src/core/table';
import { snapshot } from '../helpers/workbooks';

describe('A1 addresses', () => {
  test('columns past Z', () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  });
  test('every address parses back to its row and column', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100000 }), fc.integer({ min: 1, max: 18278 }), (row, col) => {
        expect(parseA1(a1(row, col))).toEqual({ row, col });
      }),
    );
  });
  test('non-addresses are rejected', () => {
    expect(parseA1('A0')).toBeNull();
    expect(parseA1('1A')).toBeNull();
    expect(parseA1('แผน!A1')).toBeNull();
  });
});

describe('finding a table by its headers', () => {
  test('columns are found by header whatever their order, with a title row above and extra columns', () => {
    const snap = snapshot('แผนปฏิบัติการ', [
      ['แผนปฏิบัติการป้องกันการทุจริต พ.ศ. ๒๕๖๖ – ๒๕๗๐'],
      ['หมายเหตุของฉัน', ' ชื่อโครงการ/มาตรการ/กิจกรรม ', 'รหัสรายการ', 'มิติ', 'งบประมาณ ๒๕๖๗', 'งบประมาณ 2566'],
      ['x', 'โครงการ ก', '1-01', '1', 20000, '๒๐,๐๐๐'],
      [null, null, null, null, null, null],
      [null, 'โครงการ ข', '1-02', '1', '-', 0],
    ]);
    const { layout, rows } = readTable(snap, PLAN_TABLE);
    expect(layout.headerRow).toBe(2);
    expect(layout.columns.get('code')?.col).toBe(3);
    expect(layout.columns.get('name')?.col).toBe(2);
    expect(layout.family.map((f) => [f.n, f.col])).toEqual([
      [2567, 5],
      [2566, 6],
    ]);
    expect(rows.map((r) => r.row)).toEqual([3, 5]);
    expect(layout.missing.map((c) => c.key)).toContain('period');
    // A key's column without making its cell: the cell's own column, 0 where the sheet lacks it.
    for (const key of PLAN_TABLE.columns.map((c) => c.key))
      expect(colOf(rows[1], key)).toBe(cellOf(rows[1], key).col);
    expect(colOf(rows[0], 'code')).toBe(3);
    expect(colOf(rows[0], 'period')).toBe(0);
  });

  test('header aliases and keys are accepted', () => {
    const snap = snapshot('x', [
      ['ปี', 'ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล', 'publishedTotal'],
      [2565, 86, 86.7],
    ]);
    const { layout } = readTable(snap, SCORES_TABLE);
    expect(layout.columns.get('year')?.col).toBe(1);
    expect(layout.columns.get('publishedTotal')?.col).toBe(3);
    expect(layout.family).toEqual([{ n: 9, col: 2, header: 'ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล' }]);
  });

  test('vertically merged cells read as their top value; a merged-down value alone is not a row', () => {
    const snap = snapshot('x', [
      ['รหัสรายการ', 'มิติ', 'ชื่อโครงการ/มาตรการ/กิจกรรม'],
      ['1-01', '1', 'ก'],
      ['1-02', null, 'ข'],
      [null, null, null],
    ]);
    snap.merges.push({ row: 2, col: 2, rows: 3, cols: 1 });
    const { rows } = readTable(snap, PLAN_TABLE);
    expect(rows.map((r) => [r.row, codeOf(r.cells.get('dimension')!)])).toEqual([
      [2, '1'],
      [3, '1'],
    ]);
  });

  test('a duplicated header is reported and the first column is used', () => {
    const snap = snapshot('x', [
      ['รหัสรายการ', 'รหัส'],
      ['1-01', 'zzz'],
    ]);
    const { layout } = readTable(snap, PLAN_TABLE);
    expect(layout.columns.get('code')?.col).toBe(1);
    expect(layout.duplicates).toEqual([{ header: 'รหัส', col: 2 }]);
  });

  test('codes typed as numbers read as their digits (1.1 stays 1.1)', () => {
    const snap = snapshot('x', [['ภารกิจตามมิติ'], [1.1], ['๒.๓']]);
    const { rows } = readTable(snap, PLAN_TABLE);
    expect(rows.map((r) => codeOf(r.cells.get('submission')!))).toEqual(['1.1', '2.3']);
  });
});
