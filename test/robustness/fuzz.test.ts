/**
 * Fuzzing (issue 6, part 5). Every cell reader takes any value a host can hand it without throwing;
 * the fast paths of the hot readers agree with their plain definitions; and whole random workbooks
 * (random junk in every cell of every input sheet, headers in any order, columns and sheets missing,
 * title rows, merges, formulas) make no command throw anything but its Thai CommandError, while every
 * finding points to a cell that exists.
 */
import fc from 'fast-check';
import type { MemoryWorkbook } from '../../src/adapters/memory/memory-workbook';
import { MemoryWorkbook as Workbook } from '../../src/adapters/memory/memory-workbook';
import { CommandError } from '../../src/commands/context';
import type { CellValue } from '../../src/core/cells';
import type { Finding } from '../../src/core/findings';
import { readInputs } from '../../src/core/inputs';
import {
  isPlaceholder,
  PLACEHOLDER_PATTERNS,
  readAmountCell,
  readDateCell,
  readFiscalYear,
  readIndicators,
  readInteger,
  readItemType,
  readPercent,
  readPeriodCell,
  readRound,
  readScore,
  readStatus,
  readUnits,
} from '../../src/core/readers';
import {
  INPUT_SHEETS,
  ITEM_TYPES,
  REFERENCE_TABLES,
  SETTINGS,
  SETTINGS_COLUMNS,
  STATUSES,
  type ColumnSpec,
  type TableSpec,
} from '../../src/core/schema';
import { readTable, type RawCell } from '../../src/core/table';
import { normalizeSpaces } from '../../src/core/thai/digits';
import { sampleWorkbook } from '../helpers/workbooks';
import { COMMANDS, hostOf } from './workbooks';

// ---------------------------------------------------------------------------------------------------------
// Values as hosts hand them over

const WORDS = [
  '',
  ' ',
  '\u00a0',
  '-',
  '—',
  '...',
  '......',
  '____',
  'xxx',
  'ระบุ',
  'ระบุหน่วยงาน…',
  '(โปรดระบุ)',
  '#REF!',
  '#N/A',
  'TRUE',
  '=1+1',
  '+66',
  '@x',
  '๐',
  '๒๕๖๖',
  '2566',
  '2023',
  '65',
  '1-01',
  '1.1',
  '1',
  '0',
  '-5',
  '20,000 บาท',
  'จำนวน ๑๐,๐๐๐ บาท',
  '10,000 -',
  'ไม่ใช้งบประมาณ',
  '50%',
  '150%',
  'สำนักปลัด',
  'กองคลัง กองช่าง',
  'ต.ค. 65 - มี.ค. 66',
  '๑ ต.ค. ๒๕๖๕ - ๓๐ ก.ย. ๒๕๖๖',
  'ปีงบประมาณ พ.ศ. 2566 – 2570',
  'ไตรมาส 2/2566',
  'ปี 2566',
  'มิ.ย.',
  '1/10/2565',
  '31/2/2566',
  '30 ก.ย. 2566',
  'สำนักงาน ก.พ.',
  '5, 9',
  '1-5',
  'การเปิดเผยข้อมูล',
  'รอบ 6 เดือน',
  'IIT',
  'ผ่าน',
  'A',
  '\u200b\u200d',
  '🙂',
  '<img src=x onerror=alert(1)>',
  ...STATUSES.map((s) => s.label),
  ...ITEM_TYPES.map((t) => t.label),
];

const text = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.string({ maxLength: 24 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
);

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: text },
  { weight: 2, arbitrary: fc.constant(null) },
  {
    weight: 2,
    arbitrary: fc.oneof(
      fc.integer({ min: -1000, max: 400000 }),
      fc.double({ noDefaultInfinity: false }),
      fc.constantFrom(0, -0, 1e308, 45199, 2566, 100, 0.5, NaN, Infinity),
    ),
  },
  { weight: 1, arbitrary: fc.boolean() },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.date({ min: new Date('1800-01-01T00:00:00Z'), max: new Date('2700-01-01T00:00:00Z') }),
      fc.constant(new Date(NaN)),
    ),
  },
);

const rawCell: fc.Arbitrary<RawCell> = fc
  .record({ value: cellValue, display: text, formula: fc.constantFrom('', '', '=A1', '=SUM(B2:B3)') })
  .map((c) => ({ ...c, row: 2, col: 3 }));

const RUNS = { numRuns: 2000 };

describe('every reader takes any cell', () => {
  const known = [
    { no: 1, names: ['การปฏิบัติหน้าที่'] },
    { no: 9, names: ['การเปิดเผยข้อมูล'] },
  ];
  const readers: [string, (cell: RawCell) => unknown][] = [
    ['fiscal year', readFiscalYear],
    ['score', readScore],
    ['percent', readPercent],
    ['integer', (c) => readInteger(c, 0, 365, 'ค่า')],
    ['date', (c) => readDateCell(c, 'Asia/Bangkok')],
    ['amount', readAmountCell],
    ['period', (c) => readPeriodCell(c, 'Asia/Bangkok', 2566)],
    ['period without a year', (c) => readPeriodCell(c, 'UTC')],
    ['status', readStatus],
    ['item type', readItemType],
    ['round', readRound],
    ['units', (c) => readUnits(c, ['สำนักปลัด', 'กองคลัง'])],
    ['units, no list', (c) => readUnits(c, [])],
    ['indicators', (c) => readIndicators(c, known)],
    ['indicators, no framework', (c) => readIndicators(c, [])],
  ];

  test.each(readers)('%s: a reading (blank, ok or a Thai problem), never an exception', (_name, read) => {
    fc.assert(
      fc.property(rawCell, (cell) => {
        const reading = read(cell) as { kind: string; problem?: { problem: string } };
        expect(['blank', 'ok', 'bad']).toContain(reading.kind);
        if (reading.kind === 'bad') expect(reading.problem?.problem).toMatch(/[ก-๙]/);
      }),
      RUNS,
    );
  });
});

describe('fast paths agree with their definitions', () => {
  const spaces = fc
    .array(
      fc.constantFrom(
        ' ',
        '\t',
        '\n',
        '\r',
        '\v',
        '\f',
        '\u00a0',
        '\u0085',
        '\u1680',
        '\u180e',
        '\u2000',
        '\u200a',
        '\u200b',
        '\u200c',
        '\u200d',
        '\u2028',
        '\u2029',
        '\u202f',
        '\u205f',
        '\u2060',
        '\u3000',
        '\ufeff',
        '\u00ad',
        '\u001c',
        'a',
        'ก',
        '๑',
        '.',
        '…',
        '_',
        'x',
        'ระบุ',
      ),
      { maxLength: 14 },
    )
    .map((parts) => parts.join(''));
  const reference = (t: string) =>
    t
      .replace(/\u200C|\u200D|\u2060|\uFEFF|\u00AD/g, '')
      .replace(/[\s\u200B\u180E]+/g, ' ')
      .trim();

  test('normalizeSpaces is the two replaces and a trim', () => {
    fc.assert(
      fc.property(fc.oneof(spaces, fc.string({ unit: 'binary' }), text), (t) => {
        expect(normalizeSpaces(t)).toBe(reference(t));
      }),
      { numRuns: 20000 },
    );
  });

  test('isPlaceholder is its patterns over the normalized text', () => {
    fc.assert(
      fc.property(fc.oneof(spaces, text, fc.string()), (t) => {
        const trimmed = reference(t);
        expect(isPlaceholder(t)).toBe(trimmed !== '' && PLACEHOLDER_PATTERNS.some((p) => p.test(trimmed)));
      }),
      { numRuns: 20000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------
// Whole random workbooks

/** A header as staff may write it: the Thai header, an alias or the key, with stray spaces. */
function headerArb(spec: Pick<ColumnSpec, 'header' | 'key'> & { aliases?: readonly string[] }) {
  return fc
    .tuple(fc.constantFrom(spec.header, spec.key, ...(spec.aliases ?? [])), fc.constantFrom('', ' ', '  '))
    .map(([h, pad]) => `${pad}${h}${pad}`);
}

type Grid = (CellValue | { formula: string; value: CellValue })[][];

/** A table: a random subset of its columns in random order, extra columns, rows of junk. */
function tableArb(table: TableSpec, extraHeaders: string[]): fc.Arbitrary<Grid> {
  const family = table.family;
  const familyHeaders = family
    ? fc
        .array(
          fc.tuple(
            fc.integer({ min: family.key === 'budget' ? 2560 : 1, max: family.key === 'budget' ? 2575 : 12 }),
            fc.boolean(),
          ),
          { maxLength: 6 },
        )
        .map((members) =>
          members.map(([n, thai]) => {
            const header = family.headerFor(n);
            return thai ? header.replace(/\d/g, (d) => '๐๑๒๓๔๕๖๗๘๙'[Number(d)]) : header;
          }),
        )
    : fc.constant<string[]>([]);
  return fc
    .tuple(
      fc.shuffledSubarray([...table.columns]).chain((cols) => fc.tuple(...cols.map(headerArb))),
      familyHeaders,
      fc.subarray(extraHeaders, { maxLength: Math.min(2, extraHeaders.length) }),
    )
    .chain(([declared, members, extra]) => {
      const headers = [...(declared as string[]), ...members, ...extra];
      return fc
        .tuple(
          fc.shuffledSubarray(headers, { minLength: headers.length }),
          fc.array(fc.array(cellValue, { minLength: headers.length, maxLength: headers.length }), {
            maxLength: 8,
          }),
        )
        .map(([order, rows]) => [order as CellValue[], ...rows]);
    });
}

const EXTRA = ['หมายเหตุของฉัน', 'ลำดับ', '', 'คอลัมน์ใหม่'];

/** The settings: a random subset of the labels, each with a random value. */
const settingsArb: fc.Arbitrary<Grid> = fc
  .tuple(
    fc.shuffledSubarray([...SETTINGS_COLUMNS]).chain((cols) => fc.tuple(...cols.map(headerArb))),
    fc.subarray([...SETTINGS]),
    fc.array(cellValue, { minLength: SETTINGS.length, maxLength: SETTINGS.length }),
  )
  .map(([headers, settings, values]) => [
    headers as CellValue[],
    ...settings.map((s, i): CellValue[] => [s.label, values[i], s.help]),
  ]);

/** The reference sheet: its tables side by side, one empty column between. */
const referenceArb: fc.Arbitrary<Grid> = fc
  .tuple(...REFERENCE_TABLES.map((t) => fc.option(tableArb(t, []), { freq: 4 })))
  .map((tables) => {
    const blocks = tables.filter((t): t is Grid => t !== null);
    const height = Math.max(0, ...blocks.map((b) => b.length));
    return Array.from({ length: height }, (_, r) =>
      blocks.flatMap((b) => [...(b[r] ?? b[0].map(() => null)), null]),
    );
  });

interface RandomSheet {
  name: string;
  grid: Grid;
  title: boolean;
  merges: { row: number; col: number; rows: number }[];
  formulas: { row: number; col: number }[];
}

const sheetsArb: fc.Arbitrary<RandomSheet[]> = fc
  .tuple(
    ...INPUT_SHEETS.map((spec) =>
      fc.option(
        fc.record({
          name: fc.constantFrom(spec.name, ` ${spec.name}`),
          grid:
            spec.key === 'settings'
              ? settingsArb
              : spec.key === 'reference'
                ? referenceArb
                : tableArb(spec.tables[0], EXTRA),
          title: fc.boolean(),
          merges: fc.array(
            fc.record({
              row: fc.integer({ min: 2, max: 9 }),
              col: fc.integer({ min: 1, max: 20 }),
              rows: fc.integer({ min: 2, max: 4 }),
            }),
            { maxLength: 2 },
          ),
          formulas: fc.array(
            fc.record({ row: fc.integer({ min: 2, max: 9 }), col: fc.integer({ min: 1, max: 20 }) }),
            { maxLength: 3 },
          ),
        }),
        { freq: 8 },
      ),
    ),
  )
  .map((sheets) => sheets.filter((s): s is RandomSheet => s !== null));

function workbookOf(sheets: readonly RandomSheet[]): MemoryWorkbook {
  const workbook = new Workbook();
  for (const s of sheets) {
    const rows = s.title ? [['หัวเรื่องของตาราง ปี ๒๕๖๖'], ...s.grid] : s.grid;
    const sheet = workbook.setSheet(
      s.name,
      rows.map((row) =>
        row.map((v) => (v !== null && typeof v === 'object' && !(v instanceof Date) ? null : v)),
      ),
    );
    const width = Math.max(0, ...rows.map((r) => r.length));
    for (const f of s.formulas) {
      const cell = sheet.cells[f.row - 1]?.[f.col - 1];
      if (cell) cell.formula = `=R${f.row}C${f.col}*1`;
    }
    // Vertical merges in distinct columns within the grid, their hidden cells emptied (as Sheets has them).
    const used = new Set<number>();
    for (const m of s.merges) {
      if (used.has(m.col) || m.col > width || m.row + m.rows - 1 > rows.length) continue;
      used.add(m.col);
      sheet.merges.push({ row: m.row, col: m.col, rows: m.rows, cols: 1 });
      for (let r = m.row + 1; r < m.row + m.rows; r++) {
        const cell = sheet.cells[r - 1]?.[m.col - 1];
        if (cell) Object.assign(cell, { value: null, formula: '' });
      }
    }
  }
  return workbook;
}

/** Header rows of every table found in a sheet (where "missing column" findings point). */
function headerRows(workbook: MemoryWorkbook, sheet: string): Set<number> {
  const snapshot = workbook.readSheet(sheet);
  const rows = new Set<number>([1]);
  if (!snapshot) return rows;
  const tables: TableSpec[] = [
    { key: 'settings', title: '', columns: SETTINGS_COLUMNS },
    ...INPUT_SHEETS.flatMap((s) => s.tables),
  ];
  for (const table of tables) {
    const { layout } = readTable(snapshot, table);
    if (layout.headerRow) rows.add(layout.headerRow);
  }
  return rows;
}

/** Where a finding may point: inside the used block, or a header row (a missing column is added there),
 * or the rows right below the settings (where the repair appends a missing setting). */
function pointsToExistingCell(workbook: MemoryWorkbook, f: Finding): boolean {
  const names = workbook.listSheets().map((s) => s.name);
  if (f.rule === 'missing-sheet') return !names.includes(f.sheet);
  if (!names.includes(f.sheet) || f.row < 1 || f.col < 1) return false;
  const snapshot = workbook.readSheet(f.sheet);
  const height = snapshot?.values.length ?? 0;
  const width = Math.max(0, ...(snapshot?.values.map((r) => r.length) ?? [0]));
  if (f.row <= height && f.col <= width) return true;
  if (f.rule === 'missing-column') return headerRows(workbook, f.sheet).has(f.row);
  if (f.rule === 'missing-setting') return f.row > height && f.row <= height + SETTINGS.length;
  return false;
}

/** Every finding of a command's result points to a cell that exists (the failing one named). */
function expectFindingsAtExistingCells(workbook: MemoryWorkbook, result: unknown): void {
  for (const f of (result as { findings?: Finding[] }).findings ?? []) {
    expect({
      finding: `${f.sheet}!${f.cell} ${f.rule}`,
      exists: pointsToExistingCell(workbook, f),
    }).toEqual({
      finding: `${f.sheet}!${f.cell} ${f.rule}`,
      exists: true,
    });
  }
}

/**
 * The sample's structure with random junk in about half of its data cells (headers and setting labels
 * kept, columns of each data sheet in a random order): the commands get past their structure checks
 * and meet junk everywhere they read.
 */
const junkSampleArb = fc.tuple(
  fc.array(fc.tuple(fc.boolean(), cellValue), { minLength: 500, maxLength: 500 }),
  fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
);

/** Built inside the property, so a counterexample prints as the junk, not as a whole workbook. */
function junkSample([junk, order]: [[boolean, CellValue][], number[]]): MemoryWorkbook {
  const workbook = sampleWorkbook();
  let n = 0;
  for (const { name } of workbook.listSheets()) {
    const sheet = workbook.requireSheet(name);
    sheet.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (r === 0 || (name === 'ตั้งค่า' && c === 0)) return;
        const [replace, value] = junk[n++ % junk.length];
        if (replace) Object.assign(cell, { value, formula: '' });
      }),
    );
    if (name === 'อ้างอิง' || name === 'ตั้งค่า') continue;
    // A random column order (a Fisher–Yates shuffle driven by the generated numbers).
    const width = sheet.cells[0].length;
    const perm = Array.from({ length: width }, (_, i) => i);
    for (let i = width - 1; i > 0; i--) {
      const j = order[i % order.length] % (i + 1);
      [perm[i], perm[j]] = [perm[j], perm[i]];
    }
    sheet.cells = sheet.cells.map((row) => perm.map((i) => row[i] ?? row[0]));
    sheet.columnFormats = new Map();
  }
  return workbook;
}

describe('whole random workbooks', () => {
  test('reading never throws, and every row read is a row of its sheet', () => {
    fc.assert(
      fc.property(sheetsArb, (sheets) => {
        const workbook = workbookOf(sheets);
        const snapshots = Object.fromEntries(
          INPUT_SHEETS.map((spec) => {
            const name = workbook.listSheets().find((s) => s.name.trim() === spec.name)?.name;
            return [spec.key, name ? workbook.readSheet(name) : null];
          }),
        );
        const inputs = readInputs(snapshots, 'Asia/Bangkok');
        for (const [key, rows] of [
          ['plan', inputs.plan],
          ['tracking', inputs.tracking],
          ['measures', inputs.measures],
          ['scores', inputs.scores],
        ] as const) {
          const height = (snapshots as Record<string, { values: unknown[] } | null>)[key]?.values.length ?? 0;
          for (const row of rows) expect(row.row).toBeLessThanOrEqual(height);
        }
      }),
      { numRuns: 300 },
    );
  });

  test.each(COMMANDS)(
    '$name: no exception but its Thai CommandError; every finding points to a cell that exists',
    (command) => {
      fc.assert(
        fc.property(sheetsArb, (sheets) => {
          const workbook = workbookOf(sheets);
          let result: unknown;
          try {
            result = command.run(hostOf(workbook));
          } catch (error) {
            expect(error).toBeInstanceOf(CommandError);
            expect((error as CommandError).message).toMatch(/[ก-๙]/);
            return;
          }
          expectFindingsAtExistingCells(workbook, result);
        }),
        { numRuns: command.name === 'validate' ? 100 : 60 },
      );
    },
  );

  test.each(COMMANDS)(
    '$name on the sample with junk in its cells: no exception but its CommandError, findings at existing cells',
    (command) => {
      let completed = 0;
      let runs = 0;
      fc.assert(
        fc.property(junkSampleArb, (spec) => {
          const workbook = junkSample(spec);
          runs++;
          let result: unknown;
          try {
            result = command.run(hostOf(workbook));
          } catch (error) {
            expect(error).toBeInstanceOf(CommandError);
            return;
          }
          completed++;
          expectFindingsAtExistingCells(workbook, result);
        }),
        { numRuns: 40 },
      );
      // Most runs get through the command (the property is about what it does with junk, not about
      // it stopping early).
      expect(completed).toBeGreaterThan(runs / 2);
    },
  );
});
