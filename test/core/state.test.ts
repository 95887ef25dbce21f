/** The state registry: its sheet format, the ownership rule and the stale verdicts. */
import fc from 'fast-check';
import type { CellValue } from '../../src/core/cells';
import { MISSING_PRINT } from '../../src/core/fingerprint';
import { FRESH_TEXT, sheetsInStatus, statusText } from '../../src/core/report/provenance';
import type { InputSheetKey } from '../../src/core/schema';
import {
  hasSignature,
  inputKeysOf,
  ownership,
  parseState,
  recordEntry,
  reservedNames,
  stateRows,
  staleVerdicts,
  unionInputs,
  type CurrentPrint,
  type StateEntry,
} from '../../src/core/state';

function entry(over: Partial<StateEntry> = {}): StateEntry {
  return {
    key: 'overdue',
    name: 'เลยกำหนด',
    sheetId: 7,
    status: { row: 5, col: 1, cols: 9 },
    generatedAt: '2023-04-15T03:00:00.000Z',
    inputs: [
      { key: 'plan', name: 'แผนปฏิบัติการ', print: 'aaaa' },
      { key: 'tracking', name: 'ติดตามผล', print: 'bbbb' },
    ],
    attached: [],
    caution: '',
    lastStatus: FRESH_TEXT,
    ...over,
  };
}

const RESERVED = reservedNames([]);

describe('the state sheet', () => {
  test('rows round-trip through parseState, whatever the texts hold', () => {
    const text = fc.string({ minLength: 1, maxLength: 12 }).filter((t) => t.trim() !== '');
    const arb = fc.array(
      fc.record({
        key: text,
        name: text,
        sheetId: fc.integer({ min: 0, max: 2 ** 31 }),
        status: fc.option(
          fc.record({
            row: fc.integer({ min: 1, max: 50 }),
            col: fc.integer({ min: 1, max: 5 }),
            cols: fc.integer({ min: 1, max: 20 }),
          }),
          { nil: null },
        ),
        generatedAt: fc.constant('2023-04-15T03:00:00.000Z'),
        inputs: fc.array(
          fc.record({
            key: fc.constantFrom<InputSheetKey>('settings', 'plan', 'tracking'),
            name: text,
            print: text,
          }),
        ),
        attached: fc.array(text),
        caution: fc.string(),
        lastStatus: fc.string(),
      }),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(arb, (entries) => {
        // Cells come back as the hosts return them: blanks as null.
        const cells = stateRows(entries).map((r) => r.map((c) => (c === '' ? null : c)));
        expect(parseState(cells as never)).toEqual(
          entries.map((e) => ({
            ...e,
            caution: e.caution.trim() ? e.caution : '',
            lastStatus: e.lastStatus.trim() ? e.lastStatus : '',
          })),
        );
      }),
    );
  });

  test('damaged rows are dropped, damaged JSON forgotten, nothing throws', () => {
    const rows = stateRows([entry()]) as CellValue[][];
    const parsed = parseState([
      rows[0],
      rows[1],
      ['x'],
      ['k', 'n', 'not a number'],
      ['k2', 'n2', 3, '', '', '', '', '{broken', '[1,2]', '', ''],
    ]);
    expect(parsed.map((e) => e.key)).toEqual(['overdue', 'k2']);
    expect(parsed[1].inputs).toEqual([]);
    expect(parsed[1].attached).toEqual([]);
    expect(parsed[1].status).toBeNull();
  });
});

describe('ownership', () => {
  const sheets = [
    { name: 'แผนปฏิบัติการ', id: 4 },
    { name: 'เลยกำหนด', id: 7 },
  ];

  test('a sheet by that name with the recorded id is ours', () => {
    expect(ownership([entry()], 'overdue', 'เลยกำหนด', sheets, RESERVED)).toEqual({
      kind: 'ours',
      renamed: null,
    });
  });

  test('no sheet by that name: free; the recorded sheet renamed by the user is named', () => {
    const renamed = [sheets[0], { name: 'เลยกำหนด (ส่งปลัด)', id: 7 }];
    expect(ownership([entry()], 'overdue', 'เลยกำหนด', renamed, RESERVED)).toEqual({
      kind: 'free',
      renamed: 'เลยกำหนด (ส่งปลัด)',
    });
    expect(ownership([], 'overdue', 'เลยกำหนด', [sheets[0]], RESERVED)).toEqual({
      kind: 'free',
      renamed: null,
    });
  });

  test('a sheet by that name with another id, or without any record, is unrecorded', () => {
    const userOwn = [sheets[0], { name: 'เลยกำหนด', id: 99 }];
    expect(ownership([entry()], 'overdue', 'เลยกำหนด', userOwn, RESERVED).kind).toBe('unrecorded');
    expect(ownership([], 'overdue', 'เลยกำหนด', sheets, RESERVED).kind).toBe('unrecorded');
  });

  test('an id that now belongs to an input or generated sheet is not taken for a rename (renumbered ids)', () => {
    const renumbered = [
      { name: 'แผนปฏิบัติการ', id: 7 },
      { name: 'สรุป ITA', id: 8 },
    ];
    expect(ownership([entry()], 'overdue', 'เลยกำหนด', renumbered, RESERVED).renamed).toBeNull();
    const progress = [{ name: 'สรุปความก้าวหน้า 12 เดือน 2566', id: 7 }];
    expect(ownership([entry()], 'overdue', 'เลยกำหนด', progress, RESERVED).renamed).toBeNull();
  });

  test('the signature line is recognised in the first rows, old wording included', () => {
    expect(hasSignature([['ผลการตรวจสอบข้อมูล'], ['อบต.'], ['ตรวจเมื่อ … · สร้างโดย ITA Sheets (ชีตนี้…)']])).toBe(
      true,
    );
    expect(hasSignature([['เลยกำหนด'], ['งานของฉัน']])).toBe(false);
    expect(hasSignature([])).toBe(false);
  });

  test('recording a write replaces the old entry and drops entries whose sheet is gone or whose id it took', () => {
    const sheetsAfter = [
      { name: 'เลยกำหนด', id: 7 },
      { name: 'งบประมาณรายมิติ', id: 9 },
    ];
    const old = [
      entry(),
      entry({ key: 'budget', name: 'งบประมาณรายมิติ', sheetId: 9 }),
      entry({ key: 'ita', name: 'สรุป ITA', sheetId: 12 }), // deleted by the user
      entry({ key: 'validation', name: 'ผลการตรวจสอบ', sheetId: 7 }), // its id reused
    ];
    const written = entry({ generatedAt: '2024-01-01T00:00:00.000Z' });
    const after = recordEntry(old, written, sheetsAfter);
    expect(after.map((e) => e.key)).toEqual(['budget', 'overdue']);
    expect(after.find((e) => e.key === 'overdue')?.generatedAt).toBe('2024-01-01T00:00:00.000Z');
  });
});

describe('stale verdicts', () => {
  const current = (prints: Partial<Record<InputSheetKey, string>>) =>
    new Map<InputSheetKey, CurrentPrint>(
      Object.entries(prints).map(([k, p]) => [k as InputSheetKey, { name: `ชีต-${k}`, print: p as string }]),
    );

  test('names exactly the input sheets whose print differs, by their current names', () => {
    const [fresh] = staleVerdicts([entry()], current({ plan: 'aaaa', tracking: 'bbbb' }));
    expect(fresh.changed).toEqual([]);
    expect(fresh.text).toBe(FRESH_TEXT);
    const [stale] = staleVerdicts([entry()], current({ plan: 'aaaa', tracking: 'cccc' }));
    expect(stale.changed).toEqual(['ชีต-tracking']);
    expect(sheetsInStatus(stale.text)).toEqual(['ชีต-tracking']);
    expect(stale.text).toBe(statusText(['ชีต-tracking']));
  });

  test('a deleted input sheet is a change, named as it was; a sheet missing then and now is not', () => {
    const [deleted] = staleVerdicts([entry()], current({ plan: 'aaaa' }));
    expect(deleted.changed).toEqual(['ติดตามผล']);
    const missing = entry({ inputs: [{ key: 'scores', name: 'คะแนน ITA', print: MISSING_PRINT }] });
    expect(staleVerdicts([missing], current({}))[0].changed).toEqual([]);
  });

  test('only the sheets entries were made from are read; entries without inputs are not checked', () => {
    expect(
      inputKeysOf([entry(), entry({ inputs: [{ key: 'settings', name: 'ตั้งค่า', print: 'x' }] })]),
    ).toEqual(['settings', 'plan', 'tracking']);
    expect(staleVerdicts([entry({ inputs: [] })], current({}))).toEqual([]);
  });

  test('the sign-off takes the union of its reports; one sheet seen in two versions is always stale', () => {
    const a = entry();
    const b = entry({ key: 'budget', inputs: [{ key: 'plan', name: 'แผนปฏิบัติการ', print: 'zzzz' }] });
    const union = unionInputs([a, b]);
    expect(union.map((i) => i.key)).toEqual(['plan', 'tracking']);
    const [v] = staleVerdicts(
      [entry({ key: 'signoff', inputs: union })],
      current({ plan: 'zzzz', tracking: 'bbbb' }),
    );
    expect(v.changed).toEqual(['ชีต-plan']);
  });
});
