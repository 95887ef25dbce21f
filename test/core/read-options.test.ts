/**
 * Reading only the layouts (readInputs with dataRows: false, used by the template repair): the same
 * tables found at the same places, the same settings, reference and plan years, the same header
 * problems, and no data row read.
 */
import { readWorkbook } from '../../src/commands/context';
import { columnOf, sampleWorkbook, setCell } from '../helpers/workbooks';
import { textSlot } from '../../src/core/text-slot';
import type { MemoryWorkbook } from '../../src/adapters/memory/memory-workbook';
import { tableSpec } from '../../src/core/schema';

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
