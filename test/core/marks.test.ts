import {
  cellsToRead,
  parseRegistry,
  planMarks,
  registryRows,
  type LayerLookup,
  type MarkEntry,
  type WantedMark,
} from '../../src/core/marks';
import type { CellValue } from '../../src/core/cells';

type Layer = Map<string, { background: string | null; note: string }>;

function layerOf(cells: Record<string, { background: string | null; note: string }>): Layer {
  return new Map(Object.entries(cells));
}

const lookup =
  (layer: Layer): LayerLookup =>
  (sheet, row, col) =>
    layer.get(`${sheet}!${row},${col}`) ?? { background: null, note: '' };

function apply(
  layer: Layer,
  registry: MarkEntry[],
  kinds: ('validation' | 'overdue')[],
  wanted: WantedMark[],
) {
  const plan = planMarks(registry, kinds, wanted, lookup(layer), () => true);
  for (const c of plan.changes)
    layer.set(`${c.sheet}!${c.row},${c.col}`, { background: c.background, note: c.note });
  // The registry goes through its sheet form, as it does between runs.
  return parseRegistry(registryRows(plan.registry) as CellValue[][]);
}

const error = (row: number, col: number, text = 'ผิด'): WantedMark => ({
  sheet: 'แผน',
  row,
  col,
  mark: { kind: 'validation', priority: 40, color: '#f4cccc', text },
});
const overdue = (row: number, col: number): WantedMark => ({
  sheet: 'แผน',
  row,
  col,
  mark: { kind: 'overdue', priority: 30, color: '#f9cb9c', text: 'เลยกำหนด' },
});

describe('marks', () => {
  test('marking then clearing gives back exactly the original background and note', () => {
    const layer = layerOf({ 'แผน!2,3': { background: '#00ff00', note: 'ของฉัน' } });
    const original = new Map(layer);
    let registry = apply(layer, [], ['validation'], [error(2, 3), error(4, 1)]);
    expect(layer.get('แผน!2,3')).toEqual({
      background: '#f4cccc',
      note: '⚠ ITA Sheets\nผิด\n──────────\nของฉัน',
    });
    expect(layer.get('แผน!4,1')?.background).toBe('#f4cccc');
    registry = apply(layer, registry, ['validation', 'overdue'], []);
    expect(registry).toEqual([]);
    expect(layer.get('แผน!2,3')).toEqual(original.get('แผน!2,3'));
    expect(layer.get('แผน!4,1')).toEqual({ background: null, note: '' });
  });

  test('two kinds on one cell: the stronger shows, clearing one leaves the other', () => {
    const layer = layerOf({});
    let registry = apply(layer, [], ['overdue'], [overdue(5, 1)]);
    registry = apply(layer, registry, ['validation'], [error(5, 1)]);
    expect(layer.get('แผน!5,1')?.background).toBe('#f4cccc');
    expect(layer.get('แผน!5,1')?.note).toContain('เลยกำหนด');
    registry = apply(layer, registry, ['validation'], []);
    expect(layer.get('แผน!5,1')).toEqual({ background: '#f9cb9c', note: '⚠ ITA Sheets\nเลยกำหนด' });
    apply(layer, registry, ['overdue'], []);
    expect(layer.get('แผน!5,1')).toEqual({ background: null, note: '' });
  });

  test('a change the user made to a marked cell becomes their own formatting', () => {
    const layer = layerOf({});
    const registry = apply(layer, [], ['validation'], [error(2, 2)]);
    layer.set('แผน!2,2', { background: '#0000ff', note: 'แก้แล้ว' });
    apply(layer, registry, ['validation'], []);
    expect(layer.get('แผน!2,2')).toEqual({ background: '#0000ff', note: 'แก้แล้ว' });
  });

  test('re-running with the same marks changes nothing', () => {
    const layer = layerOf({ 'แผน!3,3': { background: '#eeeeee', note: '' } });
    const registry = apply(layer, [], ['validation'], [error(3, 3)]);
    const plan = planMarks(registry, ['validation'], [error(3, 3)], lookup(layer), () => true);
    expect(plan.changes).toEqual([]);
    expect(plan.registry).toEqual(registry);
  });

  test('marks on a deleted sheet are dropped, not written', () => {
    const layer = layerOf({});
    const registry = apply(layer, [], ['validation'], [error(2, 2)]);
    const plan = planMarks(registry, ['validation'], [], lookup(layer), () => false);
    expect(plan).toEqual({ changes: [], registry: [], marked: 0, restored: 0 });
  });

  test('counts: distinct cells wanted marked, and cells given back their own look', () => {
    const layer = layerOf({ 'แผน!2,2': { background: '#00ff00', note: 'ของฉัน' } });
    const registry = apply(layer, [], ['validation'], [error(2, 2), error(3, 3)]);
    const elsewhere: WantedMark = { ...error(5, 5), sheet: 'ลบแล้ว' };
    const wanted = [error(3, 3), error(4, 4), error(4, 4, 'อีกข้อ'), elsewhere];
    const plan = planMarks(registry, ['validation'], wanted, lookup(layer), (sheet) => sheet === 'แผน');
    expect(plan.marked).toBe(3);
    expect(plan.restored).toBe(1);
    expect(plan.changes.map((c) => [c.row, c.col])).toEqual([
      [2, 2],
      [4, 4],
    ]);
    expect(plan.changes[0]).toMatchObject({ background: '#00ff00', note: 'ของฉัน' });
  });
});

describe('the registry sheet read back', () => {
  test('cells marked for the same reason share one reading, and a new mark on one leaves the other alone', () => {
    const layer = layerOf({});
    let registry = apply(layer, [], ['validation'], [error(2, 3), error(4, 1)]);
    expect(registry[0].marks).toBe(registry[1].marks);
    expect(Object.isFrozen(registry[0].marks) && Object.isFrozen(registry[0].marks[0])).toBe(true);
    registry = apply(layer, registry, ['overdue'], [overdue(4, 1)]);
    const marksAt = (row: number) => registry.find((e) => e.row === row)?.marks.map((m) => m.kind);
    expect(marksAt(2)).toEqual(['validation']);
    expect(marksAt(4)).toEqual(['validation', 'overdue']);
    expect(layer.get('แผน!2,3')?.note).toBe('⚠ ITA Sheets\nผิด');
  });

  test('a damaged marks cell (not JSON, or JSON but no list) gives the cell no marks, not a failure', () => {
    const header = ['sheet', 'row', 'col', 'savedBackground', 'savedNote', 'background', 'note', 'marks'];
    const rows: CellValue[][] = [
      header,
      ['แผน', 2, 3, '', '', '#f4cccc', 'x', '{oops'],
      ['แผน', 3, 3, '', '', '', '', '{}'],
    ];
    const registry = parseRegistry(rows);
    expect(registry.map((e) => e.marks)).toEqual([[], []]);
    const plan = planMarks(registry, ['validation'], [], lookup(layerOf({})), () => true);
    expect(plan.registry).toEqual([]);
  });

  test('a cell marked as before keeps its registry text as written; a changed one is written afresh', () => {
    const header = ['sheet', 'row', 'col', 'savedBackground', 'savedNote', 'background', 'note', 'marks'];
    // Written by hand with spaces: serialising the marks again would not give this text.
    const text = (t: string) =>
      `[ { "kind": "validation", "priority": 40, "color": "#f4cccc", "text": "${t}" } ]`;
    const rows: CellValue[][] = [
      header,
      ['แผน', 2, 2, '', '', '#f4cccc', '⚠ ITA Sheets\nผิด', text('ผิด')],
      ['แผน', 3, 3, '', '', '#f4cccc', '⚠ ITA Sheets\nผิด', text('ผิด')],
    ];
    const layer = layerOf({
      'แผน!2,2': { background: '#f4cccc', note: '⚠ ITA Sheets\nผิด' },
      'แผน!3,3': { background: '#f4cccc', note: '⚠ ITA Sheets\nผิด' },
    });
    const wanted = [error(2, 2), error(3, 3, 'อีกข้อ')];
    const plan = planMarks(parseRegistry(rows), ['validation'], wanted, lookup(layer), () => true);
    const written = registryRows(plan.registry).slice(1);
    expect(written.map((r) => r[7])).toEqual([text('ผิด'), JSON.stringify([error(3, 3, 'อีกข้อ').mark])]);
    expect(plan.changes.map((c) => [c.row, c.note])).toEqual([[3, '⚠ ITA Sheets\nอีกข้อ']]);
  });

  test('the registry comes out in cell order whatever order it was read in or cells were added', () => {
    const layer = layerOf({});
    let registry = apply(layer, [], ['validation'], [error(5, 1), error(2, 3)]);
    registry = [...registry].reverse();
    const plan = planMarks(registry, ['overdue'], [overdue(3, 9), overdue(1, 1)], lookup(layer), () => true);
    expect(plan.registry.map((e) => [e.row, e.col])).toEqual([
      [1, 1],
      [2, 3],
      [3, 9],
      [5, 1],
    ]);
  });

  test('the cells to read: one box per sheet around its registered and wanted cells, in any order', () => {
    const cell = (sheet: string, row: number, col: number) => ({ ...error(row, col), sheet });
    const registry = apply(layerOf({}), [], ['validation'], [cell('แผน', 5, 3), cell('ติดตามผล', 9, 1)]);
    const wanted = [cell('แผน', 2, 7), cell('ติดตามผล', 4, 4), cell('แผน', 8, 2), cell('ติดตามผล', 12, 2)];
    expect(Object.fromEntries(cellsToRead(registry, wanted))).toEqual({
      แผน: { row: 2, col: 2, rows: 7, cols: 6 },
      ติดตามผล: { row: 4, col: 1, rows: 9, cols: 4 },
    });
  });

  test('a cell registered twice (a damaged registry) is one entry: its later row wins', () => {
    const header = ['sheet', 'row', 'col', 'savedBackground', 'savedNote', 'background', 'note', 'marks'];
    const marks = JSON.stringify([error(2, 2).mark]);
    const rows: CellValue[][] = [
      header,
      ['แผน', 2, 2, '#111111', 'เก่า', '#f4cccc', '⚠ ITA Sheets\nผิด', marks],
      ['แผน', 2, 2, '#00ff00', 'ของฉัน', '#f4cccc', '⚠ ITA Sheets\nผิด', marks],
    ];
    const layer = layerOf({ 'แผน!2,2': { background: '#f4cccc', note: '⚠ ITA Sheets\nผิด' } });
    const plan = planMarks(parseRegistry(rows), ['validation'], [], lookup(layer), () => true);
    expect(plan.changes).toEqual([{ sheet: 'แผน', row: 2, col: 2, background: '#00ff00', note: 'ของฉัน' }]);
    expect(plan.restored).toBe(1);
  });
});
