/**
 * Reading less than everything. Only the layouts (dataRows: false, used by the template repair): the
 * same tables found at the same places, the same settings, reference and plan years, the same header
 * problems, and no data row read. Only some tracking columns (trackingColumns, used by the budget and
 * the tracking rows) or plan fields (planColumns, used by the budget and the overdue check): the same
 * rows and the same results from what those commands use; the overdue check and the progress summary
 * read only some measure fields too (measureColumns).
 */
import { readWorkbook } from '../../src/commands/context';
import { columnOf, dataRowOf, sampleFiles, sampleWorkbook, setCell } from '../helpers/workbooks';
import { textSlot } from '../../src/core/text-slot';
import type { MemoryWorkbook } from '../../src/adapters/memory/memory-workbook';
import { INPUT_SHEETS, MEASURES_TABLE, PLAN_TABLE, TRACKING_TABLE, tableSpec } from '../../src/core/schema';
import {
  readInputs,
  type InputSnapshots,
  type MeasureColumn,
  type PlanColumn,
  type TrackingColumn,
} from '../../src/core/inputs';
import { BUDGET_READING, computeBudget } from '../../src/core/budget';
import { OVERDUE_READING, findOverdue } from '../../src/core/overdue';
import { TRACKING_ROWS_READING, planTrackingRows } from '../../src/core/tracking-rows';
import { SUMMARY_READING, summarizeProgress } from '../../src/core/progress';
import { messyWorkbook } from '../robustness/workbooks';
import { syntheticWorkbook } from '../../bench/synthetic';
import { fingerprintSnapshot, MISSING_PRINT } from '../../src/core/fingerprint';

const HEADER_RULES = new Set(['missing-column', 'duplicate-column', 'missing-sheet', 'missing-setting']);

function bothReads(workbook: MemoryWorkbook) {
  return {
    full: readWorkbook(workbook).inputs,
    layoutOnly: readWorkbook(workbook, undefined, { dataRows: false }).inputs,
  };
}

describe('readInputs without data rows', () => {
  test('on the sample: same layouts, settings, reference and plan years; no rows read', () => {
    const { full, layoutOnly } = bothReads(sampleWorkbook());
    expect(full.plan.length).toBeGreaterThan(0);
    expect(full.tracking.length).toBeGreaterThan(0);
    expect(layoutOnly.plan).toEqual([]);
    expect(layoutOnly.measures).toEqual([]);
    expect(layoutOnly.tracking).toEqual([]);
    expect(layoutOnly.scores).toEqual([]);
    expect(layoutOnly.layouts).toEqual(full.layouts);
    expect(layoutOnly.settings).toEqual(full.settings);
    expect(layoutOnly.reference).toEqual(full.reference);
    expect(layoutOnly.planYears).toEqual(full.planYears);
    // The two placeholders the sample leaves in the plan are data-row findings: not read, not reported.
    expect(full.findings.some((f) => f.sheet === 'แผนปฏิบัติการ' && f.rule === 'placeholder')).toBe(true);
    expect(layoutOnly.findings.some((f) => f.rule === 'placeholder')).toBe(false);
  });

  test('a missing or duplicated header is still reported, at the same cell', () => {
    const workbook = sampleWorkbook();
    const sheet = tableSpec('tracking').sheet.name;
    const statusCol = columnOf(workbook, 'tracking', 'status');
    const layout = readWorkbook(workbook).inputs.layouts.tracking;
    if (!layout) throw new Error('no tracking layout');
    // The status header renamed to the deadline's: status goes missing and deadline is named twice.
    const deadlineHeader = layout.columns.get('deadline')?.header ?? '';
    workbook.requireSheet(sheet).cells[layout.headerRow - 1][statusCol - 1].value = deadlineHeader;
    const { full, layoutOnly } = bothReads(workbook);
    const headerFindings = full.findings.filter((f) => HEADER_RULES.has(f.rule));
    expect(headerFindings.map((f) => f.rule)).toEqual(
      expect.arrayContaining(['missing-column', 'duplicate-column']),
    );
    expect(layoutOnly.findings.filter((f) => HEADER_RULES.has(f.rule))).toEqual(headerFindings);
  });
});

describe('texts that share a slot of the reading caches (textSlot)', () => {
  test('a placeholder and a real name of the same slot, down a column, each read as itself', () => {
    const placeholder = 'ระบุชื่อโครงการ';
    // Same length, first, middle and last characters: the same slot; not a placeholder.
    const real = `ร${'กขค'}${placeholder.slice(4)}`;
    expect(real.length).toBe(placeholder.length);
    expect(textSlot(real, 8192)).toBe(textSlot(placeholder, 8192));
    const workbook = sampleWorkbook();
    const cells = [placeholder, real, placeholder, real].map((name, i) =>
      setCell(workbook, 'plan', i + 1, 'name', name),
    );
    const inputs = readWorkbook(workbook).inputs;
    const flagged = inputs.findings
      .filter((f) => f.rule === 'placeholder' && f.sheet === 'แผนปฏิบัติการ')
      .map((f) => f.cell);
    expect(flagged).toEqual(expect.arrayContaining([cells[0], cells[2]]));
    expect(flagged).not.toContain(cells[1]);
    expect(flagged).not.toContain(cells[3]);
    expect(inputs.plan.slice(0, 4).map((item) => item.name)).toEqual([placeholder, real, placeholder, real]);
  });
});

describe('numbers that are shown two ways (the reading cache is by value, then display)', () => {
  test('0.5 shown as "50%" reads 50 and shown plainly reads 0.5, down a column, each time', () => {
    const workbook = sampleWorkbook();
    const sheet = workbook.requireSheet(tableSpec('tracking').sheet.name);
    const col = columnOf(workbook, 'tracking', 'percent');
    const rows = [1, 2, 3, 4].map((n) => dataRowOf(workbook, 'tracking', n));
    rows.forEach((row, i) => {
      setCell(workbook, 'tracking', i + 1, 'percent', 0.5);
      sheet.cells[row - 1][col - 1].numberFormat = i % 2 === 0 ? '0%' : '0.0';
    });
    const percents = readWorkbook(workbook)
      .inputs.tracking.filter((r) => rows.includes(r.row))
      .map((r) => r.percent);
    expect(percents).toEqual([50, 0.5, 50, 0.5]);
  });
});

/**
 * A kept workbook (the benchmark's, 300 items: statuses, percents, disbursements and their flaws) with
 * an unreadable disbursement, year, percent, planned budget and period besides (and a measure's period
 * and percent, that measure's status blank so that it is still open); the fourth item's
 * tracking row has no deadline, so its deadline has to come from that unreadable period.
 */
function keptWorkbook(): MemoryWorkbook {
  const workbook = syntheticWorkbook(sampleFiles(), 300);
  setCell(workbook, 'tracking', 1, 'disbursed', 'ประมาณสองหมื่น');
  setCell(workbook, 'tracking', 2, 'fiscalYear', 'ปีหน้า');
  setCell(workbook, 'tracking', 3, 'percent', 'ครึ่งหนึ่ง');
  setCell(workbook, 'plan', 1, 2566, 'ราวห้าหมื่น');
  setCell(workbook, 'plan', 4, 'period', 'ปีหน้า');
  setCell(workbook, 'tracking', 4, 'deadline', null);
  setCell(workbook, 'measures', 1, 'period', 'ปีหน้า');
  setCell(workbook, 'measures', 1, 'status', null);
  setCell(workbook, 'measures', 2, 'percent', 'ครึ่งหนึ่ง');
  return workbook;
}

const workbooks: [string, () => MemoryWorkbook][] = [
  ['the sample', sampleWorkbook],
  ['the messy workbook', messyWorkbook],
  ['a kept workbook with unreadable cells', keptWorkbook],
];

describe('reading only some tracking columns (trackingColumns)', () => {
  const KEYS = TRACKING_TABLE.columns.map((c) => c.key) as TrackingColumn[];
  const SETS: readonly (readonly TrackingColumn[])[] = [
    TRACKING_ROWS_READING.trackingColumns,
    BUDGET_READING.trackingColumns,
    OVERDUE_READING.trackingColumns,
  ];
  const trackingSheet = tableSpec('tracking').sheet.name;

  describe.each(workbooks)('%s', (_, make) => {
    test.each(SETS.map((set) => [set.join(', '), set]))(
      'columns %s: the same rows; those fields and problems as a full read; the rest blank and silent',
      (_label, set) => {
        const workbook = make();
        const full = readWorkbook(workbook).inputs;
        const narrow = readWorkbook(workbook, undefined, { trackingColumns: set }).inputs;
        expect(full.tracking.length).toBeGreaterThan(0);
        expect(narrow.tracking.map((r) => r.row)).toEqual(full.tracking.map((r) => r.row));
        const fullRows = full.tracking as unknown as Record<string, unknown>[];
        const narrowRows = narrow.tracking as unknown as Record<string, unknown>[];
        narrowRows.forEach((row, i) => {
          for (const key of KEYS) {
            if (set.includes(key)) expect(row[key]).toEqual(fullRows[i][key]);
            else expect(row[key] === null || row[key] === '').toBe(true);
          }
          // A text comes with its field.
          expect(row.responsibleText).toBe(set.includes('responsible') ? fullRows[i].responsibleText : '');
          expect([...(row.unreadable as Set<string>)]).toEqual(
            [...(fullRows[i].unreadable as Set<string>)].filter((k) => set.includes(k as TrackingColumn)),
          );
        });
        // Every other sheet reads as before; on the tracking sheet only the unread columns are silent.
        const unreadCols = new Set(
          KEYS.filter((k) => !set.includes(k)).map((k) => full.layouts.tracking?.columns.get(k)?.col),
        );
        const expected = full.findings.filter(
          (f) =>
            f.sheet !== trackingSheet ||
            f.row <= (full.layouts.tracking?.headerRow ?? 0) ||
            !unreadCols.has(f.col),
        );
        expect(narrow.findings).toEqual(expected);
        expect(narrow.plan.map((item) => [item.row, item.code, item.name])).toEqual(
          full.plan.map((item) => [item.row, item.code, item.name]),
        );
      },
    );

    test('the budget and the tracking rows come out the same as from a full read', () => {
      const workbook = make();
      const full = readWorkbook(workbook).inputs;
      const forBudget = readWorkbook(workbook, undefined, {
        trackingColumns: BUDGET_READING.trackingColumns,
      }).inputs;
      const forRows = readWorkbook(workbook, undefined, {
        trackingColumns: TRACKING_ROWS_READING.trackingColumns,
      }).inputs;
      for (const fiscalYear of [2566, 2567]) {
        expect(computeBudget(forBudget, { fiscalYear })).toEqual(computeBudget(full, { fiscalYear }));
        expect(planTrackingRows(forRows, fiscalYear)).toEqual(planTrackingRows(full, fiscalYear));
      }
    });
  });

  test('a kept workbook: disbursements counted, the unreadable one reported with its own reason', () => {
    const workbook = keptWorkbook();
    const inputs = readWorkbook(workbook, undefined, {
      trackingColumns: BUDGET_READING.trackingColumns,
    }).inputs;
    const budget = computeBudget(inputs, { fiscalYear: 2566 });
    expect(budget.trackedYear?.total.disbursed).toBeGreaterThan(0);
    const unreadable = budget.unreadable.find((u) => u.what === 'disbursed');
    const finding = inputs.findings.find((f) => f.sheet === trackingSheet && f.cell === unreadable?.cell);
    expect(finding?.rule).toBe('unreadable');
    expect(unreadable?.reason).toBe(finding?.problem);
  });

  test('on frozen snapshots (run all), a narrow read does not stand in for a later full one', () => {
    const workbook = keptWorkbook();
    const frozen = Object.fromEntries(
      INPUT_SHEETS.map((s) => [s.key, Object.freeze(workbook.readSheet(s.name))]),
    ) as InputSnapshots;
    const narrow = readInputs(frozen, 'Asia/Bangkok', undefined, {
      trackingColumns: TRACKING_ROWS_READING.trackingColumns,
    });
    const full = readInputs(frozen, 'Asia/Bangkok');
    const again = readInputs(frozen, 'Asia/Bangkok', undefined, {
      trackingColumns: TRACKING_ROWS_READING.trackingColumns,
    });
    expect(narrow.tracking.every((r) => r.status === null)).toBe(true);
    expect(full.tracking.some((r) => r.status !== null)).toBe(true);
    expect(again.tracking).toBe(narrow.tracking);
  });
});

/**
 * What a read gives, without the functions that make cells on demand (a new one per read): budget
 * cells as their year, amount and cell; rows without their cell maps.
 */
function comparable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(comparable);
  if (value && typeof value === 'object' && 'year' in value && 'cell' in value && 'amount' in value) {
    const budget = value as {
      year: number;
      amount: unknown;
      cell: { row: number; col: number; value: unknown };
    };
    const { row, col, value: typed } = budget.cell;
    return { year: budget.year, amount: budget.amount, cell: { row, col, value: typed } };
  }
  if (value && typeof value === 'object' && 'cells' in value) {
    const { cells: _cells, ...rest } = value as Record<string, unknown>;
    return rest;
  }
  return value;
}

describe('reading only some plan fields (planColumns)', () => {
  const FIELDS: readonly PlanColumn[] = [
    'code',
    'dimension',
    'submission',
    'type',
    'name',
    'budgets',
    'responsible',
    'period',
    'indicators',
    'outputs',
  ];
  /** The texts read with a field, and the unread value of each field. */
  const TEXTS: Partial<Record<PlanColumn, string>> = {
    type: 'typeText',
    responsible: 'responsibleText',
    period: 'periodText',
  };
  const UNREAD: Record<PlanColumn, unknown> = {
    code: '',
    dimension: '',
    submission: '',
    type: null,
    name: '',
    budgets: [],
    responsible: null,
    period: null,
    indicators: [],
    outputs: '',
  };
  const SETS: readonly (readonly PlanColumn[])[] = [BUDGET_READING.planColumns, OVERDUE_READING.planColumns];
  const planSheet = tableSpec('plan').sheet.name;

  /** The plan's sheet columns a set of fields does not read (the remarks column is never a field). */
  function unreadColumns(
    layout: ReturnType<typeof readWorkbook>['inputs']['layouts']['plan'],
    set: readonly PlanColumn[],
  ) {
    const keyOf: Record<string, PlanColumn> = { itaIndicators: 'indicators' };
    const cols = PLAN_TABLE.columns
      .filter((c) => !set.includes(keyOf[c.key] ?? (c.key as PlanColumn)))
      .map((c) => layout?.columns.get(c.key)?.col);
    if (!set.includes('budgets')) cols.push(...(layout?.family.map((f) => f.col) ?? []));
    return new Set(cols.filter((c) => c !== undefined));
  }

  describe.each(workbooks)('%s', (_, make) => {
    test.each(SETS.map((set) => [set.join(', '), set]))(
      'fields %s: the same items; those fields, texts and problems as a full read; the rest blank and silent',
      (_label, set) => {
        const workbook = make();
        const full = readWorkbook(workbook).inputs;
        const narrow = readWorkbook(workbook, undefined, { planColumns: set }).inputs;
        expect(full.plan.length).toBeGreaterThan(0);
        expect(narrow.plan.map((r) => r.row)).toEqual(full.plan.map((r) => r.row));
        const fullItems = full.plan as unknown as Record<string, unknown>[];
        const narrowItems = narrow.plan as unknown as Record<string, unknown>[];
        narrowItems.forEach((item, i) => {
          for (const field of FIELDS) {
            const text = TEXTS[field];
            if (set.includes(field)) {
              expect(comparable(item[field])).toEqual(comparable(fullItems[i][field]));
              if (text) expect(item[text]).toBe(fullItems[i][text]);
            } else {
              expect(item[field]).toEqual(UNREAD[field]);
              if (text) expect(item[text]).toBe('');
            }
          }
          const readKey = (k: string) =>
            k.startsWith('budget:')
              ? set.includes('budgets')
              : set.includes(k === 'itaIndicators' ? 'indicators' : (k as PlanColumn));
          expect([...(item.unreadable as Set<string>)]).toEqual(
            [...(fullItems[i].unreadable as Set<string>)].filter(readKey),
          );
        });
        // Every other sheet reads as before; on the plan sheet only the unread columns are silent.
        const unread = unreadColumns(full.layouts.plan, set);
        const expected = full.findings.filter(
          (f) => f.sheet !== planSheet || f.row <= (full.layouts.plan?.headerRow ?? 0) || !unread.has(f.col),
        );
        expect(narrow.findings).toEqual(expected);
        expect(narrow.tracking.map(comparable)).toEqual(full.tracking.map(comparable));
        expect(narrow.planYears).toEqual(full.planYears);
      },
    );

    test('the budget and the overdue check come out the same as from a full read', () => {
      const workbook = make();
      const full = readWorkbook(workbook).inputs;
      const forBudget = readWorkbook(workbook, undefined, BUDGET_READING).inputs;
      const forOverdue = readWorkbook(workbook, undefined, OVERDUE_READING).inputs;
      for (const fiscalYear of [2566, 2567]) {
        expect(computeBudget(forBudget, { fiscalYear })).toEqual(computeBudget(full, { fiscalYear }));
      }
      let flagged = 0;
      for (const asOf of ['2023-04-15', '2023-09-20', '2024-10-01'] as const) {
        const analysis = findOverdue(full, asOf);
        flagged += analysis.overdue.length + analysis.dueSoon.length;
        expect(findOverdue(forOverdue, asOf)).toEqual(analysis);
      }
      expect(flagged).toBeGreaterThan(0);
    });
  });

  test('a kept workbook: the unreadable budget keeps its reason; the deadline from an unreadable period says why', () => {
    const workbook = keptWorkbook();
    const forBudget = readWorkbook(workbook, undefined, BUDGET_READING).inputs;
    const budget = computeBudget(forBudget, { fiscalYear: 2566 });
    const planned = budget.unreadable.find((u) => u.sheet === planSheet);
    const finding = forBudget.findings.find((f) => f.sheet === planSheet && f.cell === planned?.cell);
    expect(finding?.rule).toBe('unreadable');
    expect(planned?.reason).toBe(finding?.problem);

    const forOverdue = readWorkbook(workbook, undefined, OVERDUE_READING).inputs;
    const row = dataRowOf(workbook, 'tracking', 4);
    const entry = findOverdue(forOverdue, '2023-04-15').unreadable.find((u) => u.item.row === row);
    expect(entry?.reason).toContain('"ปีหน้า"');
  });

  test('on frozen snapshots (run all), a narrow plan read does not stand in for a later full one', () => {
    const workbook = keptWorkbook();
    const frozen = Object.fromEntries(
      INPUT_SHEETS.map((s) => [s.key, Object.freeze(workbook.readSheet(s.name))]),
    ) as InputSnapshots;
    const narrow = readInputs(frozen, 'Asia/Bangkok', undefined, {
      planColumns: OVERDUE_READING.planColumns,
    });
    const full = readInputs(frozen, 'Asia/Bangkok');
    const again = readInputs(frozen, 'Asia/Bangkok', undefined, { planColumns: OVERDUE_READING.planColumns });
    expect(narrow.plan.every((item) => item.budgets.length === 0)).toBe(true);
    expect(full.plan.every((item) => item.budgets.length > 0)).toBe(true);
    expect(again.plan).toBe(narrow.plan);
  });

  test('on frozen snapshots, a full read already made serves a narrow one (every field it asks for)', () => {
    const workbook = keptWorkbook();
    const frozen = Object.fromEntries(
      INPUT_SHEETS.map((s) => [s.key, Object.freeze(workbook.readSheet(s.name))]),
    ) as InputSnapshots;
    const fresh = readWorkbook(workbook, undefined, BUDGET_READING).inputs;
    const full = readInputs(frozen, 'Asia/Bangkok');
    const served = readInputs(frozen, 'Asia/Bangkok', undefined, BUDGET_READING);
    expect(served.plan).toBe(full.plan);
    expect(served.tracking).toBe(full.tracking);
    expect(computeBudget(served, { fiscalYear: 2566 })).toEqual(computeBudget(fresh, { fiscalYear: 2566 }));
  });
});

describe('reading only some measure fields (measureColumns)', () => {
  const FIELDS = MEASURES_TABLE.columns.map((c) =>
    c.key === 'itaIndicators' ? 'indicators' : c.key,
  ) as MeasureColumn[];
  const TEXTS: Partial<Record<MeasureColumn, string>> = {
    responsible: 'responsibleText',
    period: 'periodText',
  };
  const set = OVERDUE_READING.measureColumns as readonly MeasureColumn[];
  const measureSheet = tableSpec('measures').sheet.name;

  test.each(workbooks)(
    '%s: the same measures; those fields, texts and problems as a full read; the rest blank and silent',
    (_, make) => {
      const workbook = make();
      const full = readWorkbook(workbook).inputs;
      const narrow = readWorkbook(workbook, undefined, { measureColumns: set }).inputs;
      expect(full.measures.length).toBeGreaterThan(0);
      expect(narrow.measures.map((m) => m.row)).toEqual(full.measures.map((m) => m.row));
      const fullRows = full.measures as unknown as Record<string, unknown>[];
      const narrowRows = narrow.measures as unknown as Record<string, unknown>[];
      narrowRows.forEach((measure, i) => {
        for (const field of FIELDS) {
          const text = TEXTS[field];
          if (set.includes(field)) {
            expect(measure[field]).toEqual(fullRows[i][field]);
            if (text) expect(measure[text]).toBe(fullRows[i][text]);
          } else {
            expect(measure[field]).toEqual(field === 'indicators' ? [] : field === 'percent' ? null : '');
          }
        }
        expect([...(measure.unreadable as Set<string>)]).toEqual(
          [...(fullRows[i].unreadable as Set<string>)].filter((k) => set.includes(k as MeasureColumn)),
        );
      });
      const layout = full.layouts.measures;
      const unread = new Set(
        MEASURES_TABLE.columns
          .filter((c) => !set.includes(c.key as MeasureColumn))
          .map((c) => layout?.columns.get(c.key)?.col),
      );
      const expected = full.findings.filter(
        (f) => f.sheet !== measureSheet || f.row <= (layout?.headerRow ?? 0) || !unread.has(f.col),
      );
      expect(narrow.findings).toEqual(expected);
    },
  );

  test('a kept workbook: the unreadable percent of a measure is silent, its unreadable period is reported and explained', () => {
    const workbook = keptWorkbook();
    const full = readWorkbook(workbook).inputs;
    const narrow = readWorkbook(workbook, undefined, { measureColumns: set }).inputs;
    const percentCell = dataRowOf(workbook, 'measures', 2);
    const onMeasures = (inputs: typeof full) =>
      inputs.findings.filter(
        (f) => f.sheet === measureSheet && f.value === 'ครึ่งหนึ่ง' && f.row === percentCell,
      );
    expect(onMeasures(full)).toHaveLength(1);
    expect(onMeasures(narrow)).toHaveLength(0);
    const row = dataRowOf(workbook, 'measures', 1);
    const forOverdue = readWorkbook(workbook, undefined, OVERDUE_READING).inputs;
    const entry = findOverdue(forOverdue, '2023-04-15').unreadable.find(
      (u) => u.item.source === 'measure' && u.item.row === row,
    );
    expect(entry?.reason).toContain('"ปีหน้า"');
  });
});

describe('the progress summary from only the fields it reads', () => {
  test.each(workbooks)(
    '%s: the same summary as from a full read, for two years and both rounds',
    (_, make) => {
      const workbook = make();
      const full = readWorkbook(workbook).inputs;
      const narrow = readWorkbook(workbook, undefined, SUMMARY_READING).inputs;
      expect(narrow.plan.some((item) => item.name !== '')).toBe(true);
      let counted = 0;
      for (const fiscalYear of [2566, 2567])
        for (const round of [6, 12] as const) {
          const options = { fiscalYear, round, asOf: '2023-04-15' as const };
          const summary = summarizeProgress(full, options);
          counted += summary.counts.total;
          expect(summarizeProgress(narrow, options)).toEqual(summary);
        }
      expect(counted).toBeGreaterThan(0);
    },
  );
});

describe('reading one fiscal year (year: the progress summary)', () => {
  const trackingSheet = tableSpec('tracking').sheet.name;
  const planSheet = tableSpec('plan').sheet.name;

  describe.each(workbooks)('%s', (_, make) => {
    test('each year: its tracking rows and those without a year, read as in full; only its budgets', () => {
      const workbook = make();
      const full = readWorkbook(workbook).inputs;
      let skippedRows = 0;
      for (const year of [2566, 2567]) {
        const scoped = readWorkbook(workbook, undefined, { year: () => year }).inputs;
        const kept = full.tracking.filter((r) => r.fiscalYear === year || r.fiscalYear === null);
        const skipped = new Set(full.tracking.filter((r) => !kept.includes(r)).map((r) => r.row));
        skippedRows += skipped.size;
        expect(comparable(scoped.tracking)).toEqual(comparable(kept));
        // The plan: every item, every field as in full, budgets of the year only.
        expect(scoped.plan.map((i) => i.row)).toEqual(full.plan.map((i) => i.row));
        scoped.plan.forEach((item, i) => {
          const { budgets, ...rest } = comparable(item) as { budgets: unknown[] };
          const { budgets: all, ...fullRest } = comparable(full.plan[i]) as {
            budgets: { year: number }[];
            unreadable: Set<string>;
          };
          // Other years' budgets are not read, so not unreadable either.
          const unreadable = [...fullRest.unreadable].filter(
            (key) => !key.startsWith('budget:') || key === `budget:${year}`,
          );
          expect(rest).toEqual({ ...fullRest, unreadable: new Set(unreadable) });
          expect(comparable(budgets)).toEqual(comparable(all.filter((b) => b.year === year)));
        });
        expect(comparable(scoped.measures)).toEqual(comparable(full.measures));
        // Skipped rows and other years' budget cells report nothing; everything else as in full.
        const otherBudgetCols = new Set(
          full.layouts.plan?.family.filter((m) => m.n !== year).map((m) => m.col),
        );
        const expected = full.findings.filter(
          (f) =>
            !(f.sheet === trackingSheet && skipped.has(f.row)) &&
            !(
              f.sheet === planSheet &&
              f.row > (full.layouts.plan?.headerRow ?? 0) &&
              otherBudgetCols.has(f.col)
            ),
        );
        expect(scoped.findings).toEqual(expected);
      }
      expect(full.tracking.length).toBeGreaterThan(0);
      expect(skippedRows).toBeGreaterThan(0);
    });

    test('the summary is the same as from a full read, for two years and both rounds', () => {
      const workbook = make();
      const full = readWorkbook(workbook).inputs;
      for (const fiscalYear of [2566, 2567]) {
        const scoped = readWorkbook(workbook, undefined, {
          ...SUMMARY_READING,
          year: () => fiscalYear,
        }).inputs;
        for (const round of [6, 12] as const) {
          const options = { fiscalYear, round, asOf: '2023-04-15' as const };
          expect(summarizeProgress(scoped, options)).toEqual(summarizeProgress(full, options));
        }
      }
    });
  });

  test('a row whose year cannot be read is kept (the summary lists it as not counted)', () => {
    const workbook = keptWorkbook();
    const scoped = readWorkbook(workbook, undefined, { ...SUMMARY_READING, year: () => 2566 }).inputs;
    const yearless = scoped.tracking.filter((r) => r.fiscalYear === null);
    expect(yearless.map((r) => r.row)).toEqual([dataRowOf(workbook, 'tracking', 2)]);
    const summary = summarizeProgress(scoped, { fiscalYear: 2566, round: 6, asOf: '2023-04-15' });
    expect(summary.notCounted.map((e) => e.item.row)).toContain(yearless[0].row);
  });

  test('on frozen snapshots, one year’s read does not stand in for another’s; a full read serves both', () => {
    const workbook = keptWorkbook();
    const frozen = Object.fromEntries(
      INPUT_SHEETS.map((s) => [s.key, Object.freeze(workbook.readSheet(s.name))]),
    ) as InputSnapshots;
    const read = (year: number | null) =>
      readInputs(frozen, 'Asia/Bangkok', undefined, year === null ? {} : { year: () => year });
    const of2566 = read(2566);
    const of2567 = read(2567);
    expect(of2566.tracking.some((r) => r.fiscalYear === 2566)).toBe(true);
    expect(of2566.tracking.some((r) => r.fiscalYear === 2567)).toBe(false);
    expect(of2567.tracking.some((r) => r.fiscalYear === 2567)).toBe(true);
    expect(of2567.tracking.some((r) => r.fiscalYear === 2566)).toBe(false);
    expect(read(2566).tracking).toBe(of2566.tracking);
    // After a full read, a year not read before is served by it: other years' rows too, which the
    // summary skips.
    const full = read(null);
    expect(read(2568).tracking).toBe(full.tracking);
    expect(read(2567).tracking).toBe(of2567.tracking);
    const options = { fiscalYear: 2568, round: 12 as const, asOf: '2025-01-15' as const };
    const fresh = readInputs(
      Object.fromEntries(INPUT_SHEETS.map((s) => [s.key, workbook.readSheet(s.name)])) as InputSnapshots,
      'Asia/Bangkok',
      undefined,
      { year: () => 2568 },
    );
    expect(fresh.tracking.length).toBeLessThan(full.tracking.length);
    expect(summarizeProgress(read(2568), options)).toEqual(summarizeProgress(fresh, options));
  });
});

describe('fingerprints made while reading (fingerprints: true)', () => {
  const snapshotsOf = (workbook: MemoryWorkbook) =>
    Object.fromEntries(INPUT_SHEETS.map((s) => [s.key, workbook.readSheet(s.name)])) as InputSnapshots;
  const OPTIONS = [
    ['a full read', {}],
    ['the summary’s read of one year', { ...SUMMARY_READING, year: () => 2566 }],
    ['the overdue check’s columns', OVERDUE_READING],
    ['no data rows', { dataRows: false }],
  ] as const;

  test.each(workbooks)('%s: each sheet’s print is its fingerprint, however it was read', (_, make) => {
    const workbook = make();
    for (const [, options] of OPTIONS) {
      const snapshots = snapshotsOf(workbook);
      const inputs = readInputs(snapshots, 'Asia/Bangkok', undefined, { ...options, fingerprints: true });
      for (const spec of INPUT_SHEETS) {
        expect(inputs.prints[spec.key]).toBe(fingerprintSnapshot(snapshots[spec.key] ?? null));
      }
    }
    expect(readInputs(snapshotsOf(workbook), 'Asia/Bangkok').prints).toEqual({});
  });

  test('frozen snapshots read twice (run all): the second read’s prints come from the first', () => {
    const workbook = keptWorkbook();
    const frozen = Object.fromEntries(
      INPUT_SHEETS.map((s) => [s.key, Object.freeze(workbook.readSheet(s.name))]),
    ) as InputSnapshots;
    const first = readInputs(frozen, 'Asia/Bangkok', undefined, { fingerprints: true });
    const second = readInputs(frozen, 'Asia/Bangkok', undefined, { ...OVERDUE_READING, fingerprints: true });
    expect(second.prints).toEqual(first.prints);
    expect(second.prints.plan).toBe(fingerprintSnapshot(workbook.readSheet(tableSpec('plan').sheet.name)));
  });

  test('a missing sheet has the missing print', () => {
    const workbook = sampleWorkbook();
    const snapshots = { ...snapshotsOf(workbook), measures: null };
    const inputs = readInputs(snapshots, 'Asia/Bangkok', undefined, { fingerprints: true });
    expect(inputs.prints.measures).toBe(MISSING_PRINT);
    expect(inputs.prints.plan).toMatch(/^[0-9a-f]{16}$/);
  });
});
