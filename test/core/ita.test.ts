/**
 * The ITA arithmetic (src/core/ita.ts): the DESIGN check, rounding, frameworks per year, grades to 2566 and
 * levels from 2567, completeness, the published-figure checks, trend and gap analysis.
 */
import fc from 'fast-check';
import { readWorkbook } from '../../src/commands/context';
import type { BandDef, IndicatorDef, Reference } from '../../src/core/inputs';
import {
  computeTotal,
  frameworkFor,
  gradeCandidates,
  gradeFor,
  numberList,
  round2,
  summarizeIta,
  type Framework,
} from '../../src/core/ita';
import { DEFAULT_BANDS, DEFAULT_INDICATORS } from '../../src/core/reference-defaults';
import type { MemoryWorkbook } from '../../src/adapters/memory/memory-workbook';
import { SCORES_2565, setTarget } from '../helpers/ita-fixtures';
import { columnOf, dataRowOf, sampleWorkbook, setCell } from '../helpers/workbooks';

/** The reference as pre-filled (DESIGN §2). */
function defaultReference(extra: { indicators?: IndicatorDef[]; bands?: BandDef[] } = {}): Reference {
  return {
    dimensions: [],
    submissionDimension: new Map(),
    units: [],
    indicators: [
      ...DEFAULT_INDICATORS.map((i) => ({
        fromYear: i.fromYear,
        tool: i.tool,
        toolWeight: i.toolWeight,
        no: i.indicatorNo,
        name: i.indicatorName,
        aliases: [],
      })),
      ...(extra.indicators ?? []),
    ],
    bands: [...DEFAULT_BANDS.map((b) => ({ ...b, passes: b.passes === 'ผ่าน' })), ...(extra.bands ?? [])],
  };
}

const scoreMap = (scores: readonly number[]) => new Map(scores.map((s, i) => [i + 1, s]));

function bands(year: number): BandDef[] {
  return defaultReference().bands.filter((b) => b.fromYear === year);
}

function summaryOf(workbook: MemoryWorkbook) {
  return summarizeIta(readWorkbook(workbook).inputs);
}

describe('rounding', () => {
  test('half away from zero to 2 decimals, immune to binary noise', () => {
    expect(round2(86.696)).toBe(86.7);
    expect(round2(76.11666666666667)).toBe(76.12);
    expect(round2(86.695)).toBe(86.7); // stored as 86.69499999999999
    expect(round2(1.005)).toBe(1.01);
    expect(round2(84.994)).toBe(84.99);
    expect(round2(-1.005)).toBe(-1.01);
    expect(round2(0)).toBe(0);
  });

  test('indicator lists are compacted into ranges', () => {
    expect(numberList([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBe('1–10');
    expect(numberList([7, 3])).toBe('3, 7');
    expect(numberList([1, 2, 3, 5, 9, 10])).toBe('1–3, 5, 9, 10');
  });
});

describe('the DESIGN check (2565 scores)', () => {
  test('IIT 88.87, EIT 76.12, OIT 93.00 and 0.3×88.870 + 0.3×76.117 + 0.4×93.000 = 86.696 → 86.70, grade A', () => {
    const framework = frameworkFor(defaultReference(), 2565) as Framework;
    const result = computeTotal(framework, scoreMap(SCORES_2565));
    if (!result.complete) throw new Error('expected a complete year');
    expect(result.tools.map((t) => [t.tool, t.weight, t.score])).toEqual([
      ['IIT', 30, 88.87],
      ['EIT', 30, 76.12],
      ['OIT', 40, 93],
    ]);
    expect(result.tools[1].exact).toBeCloseTo(76.1167, 4);
    expect(result.exactTotal).toBeCloseTo(86.696, 3);
    expect(result.total).toBe(86.7);
    expect(
      gradeFor(
        bands(2563),
        result.total,
        result.tools.map((t) => t.score),
      )?.grade,
    ).toBe('A');
  });

  test('a missing indicator leaves the year incomplete, naming it, with no total from the rest', () => {
    const framework = frameworkFor(defaultReference(), 2565) as Framework;
    const scores = scoreMap(SCORES_2565);
    scores.delete(7);
    scores.delete(2);
    expect(computeTotal(framework, scores)).toEqual({ complete: false, missing: [2, 7] });
  });
});

describe('the framework in force', () => {
  const reweighted: IndicatorDef[] = DEFAULT_INDICATORS.map((i) => ({
    fromYear: 2566,
    tool: i.tool,
    toolWeight: i.tool === 'IIT' ? 20 : 40,
    no: i.indicatorNo,
    name: i.indicatorName,
    aliases: [],
  }));

  test('is the rows with the greatest "from year" not after the year; none before the first', () => {
    const reference = defaultReference({ indicators: reweighted });
    expect(frameworkFor(reference, 2565)?.fromYear).toBe(2563);
    expect(frameworkFor(reference, 2566)?.fromYear).toBe(2566);
    expect(frameworkFor(reference, 2570)?.tools.map((t) => t.weight)).toEqual([20, 40, 40]);
    expect(frameworkFor(reference, null)?.fromYear).toBe(2566);
    expect(frameworkFor(reference, 2562)).toBeNull();
    const scores = scoreMap(SCORES_2565);
    const total = (year: number) => {
      const r = computeTotal(frameworkFor(reference, year) as Framework, scores);
      return r.complete ? r.total : null;
    };
    // 0.2×88.87 + 0.4×76.1167 + 0.4×93 = 85.4207
    expect(total(2565)).toBe(86.7);
    expect(total(2566)).toBe(85.42);
  });

  test('weights that do not add up to 100, or differ within a tool, make it unusable (Thai reason)', () => {
    const broken = reweighted.map((i) => ({ ...i, toolWeight: i.tool === 'IIT' ? 10 : 40 }));
    expect(frameworkFor(defaultReference({ indicators: broken }), 2566)?.problem).toContain(
      'น้ำหนักเครื่องมือรวมกันได้ 90 ไม่ใช่ 100',
    );
    const uneven = reweighted.map((i) => (i.no === 1 ? { ...i, toolWeight: 30 } : i));
    expect(frameworkFor(defaultReference({ indicators: uneven }), 2566)?.problem).toContain(
      'น้ำหนักของเครื่องมือ IIT ไม่เท่ากันทุกแถว',
    );
    expect(frameworkFor(defaultReference(), 2565)?.problem).toBeNull();
  });
});

describe('grades to 2566', () => {
  test.each([
    [100, 'AA'],
    [95, 'AA'],
    [94.99, 'A'],
    [85, 'A'],
    [84.99, 'B'],
    [75, 'B'],
    [74.99, 'C'],
    [65, 'C'],
    [55, 'D'],
    [54.99, 'E'],
    [50, 'E'],
    [49.99, 'F'],
    [0, 'F'],
  ])('total %d is %s', (total, grade) => {
    expect(gradeFor(bands(2563), total, [total, total, total])?.grade).toBe(grade);
  });
});

describe('result levels from 2567', () => {
  const levels = bands(2567);
  test.each([
    [96, [95, 96, 97], 'ผ่านดีเยี่ยม'],
    [95, [95, 95, 95], 'ผ่านดีเยี่ยม'],
    [96, [99, 94.99, 96], 'ผ่านดี'], // total ≥ 95 but one tool below 95
    [90, [86, 85, 97], 'ผ่านดี'],
    [90, [96, 84.99, 89], 'ผ่าน'], // total ≥ 85 but one tool below 85
    [85, [70, 90, 92], 'ผ่าน'],
    [84.99, [90, 90, 77], 'ต้องปรับปรุง'],
    [70, [70, 70, 70], 'ต้องปรับปรุง'],
    [69.99, [69.99, 69.99, 69.99], 'ต้องปรับปรุงโดยด่วน'],
  ])('total %d with tools %j is %s', (total, tools, level) => {
    expect(gradeFor(levels, total, tools)?.grade).toBe(level);
  });

  test('a total alone cannot tell levels that also need every tool: the candidates are listed', () => {
    expect(gradeCandidates(levels, 90).map((b) => b.grade)).toEqual(['ผ่านดี', 'ผ่าน']);
    expect(gradeCandidates(levels, 96).map((b) => b.grade)).toEqual(['ผ่านดีเยี่ยม', 'ผ่านดี', 'ผ่าน']);
    expect(gradeCandidates(levels, 80).map((b) => b.grade)).toEqual(['ต้องปรับปรุง']);
    expect(gradeCandidates(bands(2563), 86.7).map((b) => b.grade)).toEqual(['A']);
  });

  test('bands without a floor leave a low total without a grade', () => {
    expect(gradeFor(levels.slice(0, 3), 60, [60, 60, 60])).toBeNull();
  });
});

describe('property: the total lies between the lowest and highest tool score', () => {
  /** 1–4 tools of 1–5 indicators, integer weights cut from 100, scores 0–100. */
  const case_ = fc
    .array(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 5 }), {
      minLength: 1,
      maxLength: 4,
    })
    .chain((tools) =>
      fc
        .array(fc.integer({ min: 0, max: 100 }), { minLength: tools.length - 1, maxLength: tools.length - 1 })
        .map((cuts) => {
          const edges = [0, ...cuts.sort((a, b) => a - b), 100];
          return { tools, weights: tools.map((_, i) => edges[i + 1] - edges[i]) };
        }),
    );

  test('for random scores and random weights summing to 100', () => {
    fc.assert(
      fc.property(case_, ({ tools, weights }) => {
        let no = 0;
        const indicators: IndicatorDef[] = [];
        const scores = new Map<number, number>();
        tools.forEach((list, t) =>
          list.forEach((score) => {
            no++;
            indicators.push({
              fromYear: 2563,
              tool: `T${t}`,
              toolWeight: weights[t],
              no,
              name: `i${no}`,
              aliases: [],
            });
            scores.set(no, score);
          }),
        );
        const framework = frameworkFor({ indicators }, 2565) as Framework;
        expect(framework.problem).toBeNull();
        const result = computeTotal(framework, scores);
        if (!result.complete) throw new Error('complete scores were reported incomplete');
        const means = result.tools.map((t) => t.exact);
        const low = Math.min(...means);
        const high = Math.max(...means);
        expect(result.exactTotal).toBeGreaterThanOrEqual(low - 1e-9);
        expect(result.exactTotal).toBeLessThanOrEqual(high + 1e-9);
        // Rounding is monotonic, so the shown total stays between the shown tool scores.
        expect(result.total).toBeGreaterThanOrEqual(Math.min(...result.tools.map((t) => t.score)));
        expect(result.total).toBeLessThanOrEqual(Math.max(...result.tools.map((t) => t.score)));
      }),
      { numRuns: 500 },
    );
  });

  test('equal scores everywhere give that score, whatever the weights', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 0, max: 100 }), (hundredths, w) => {
        const score = hundredths / 100;
        const indicators: IndicatorDef[] = [1, 2, 3].map((n) => ({
          fromYear: 2563,
          tool: n === 3 ? 'B' : 'A',
          toolWeight: n === 3 ? 100 - w : w,
          no: n,
          name: '',
          aliases: [],
        }));
        const result = computeTotal(
          frameworkFor({ indicators }, 2563) as Framework,
          scoreMap([score, score, score]),
        );
        expect(result.complete && result.total).toBe(score);
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('summarizeIta on the sample workbook', () => {
  test('2565 is computed and agrees with the published figure; 2563 and 2564 are reported incomplete', () => {
    const summary = summaryOf(sampleWorkbook());
    expect(summary.tools).toEqual(['IIT', 'EIT', 'OIT']);
    expect(summary.years.map((y) => y.year)).toEqual([2563, 2564, 2565]);
    const [y2563, y2564, y2565] = summary.years;
    for (const y of [y2563, y2564]) {
      expect(y.complete).toBe(false);
      expect(y.missing).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(y.total).toBeNull();
      expect(y.grade).toBeNull();
      expect(y.agrees).toBeNull();
    }
    expect(y2563.published).toEqual({ total: 70.47, grade: 'C' });
    expect(y2565.tools.map((t) => t.score)).toEqual([88.87, 76.12, 93]);
    expect(y2565).toMatchObject({ complete: true, total: 86.7, grade: 'A', passes: true, agrees: true });
    expect(y2565.published).toEqual({ total: 86.7, grade: 'A' });
    expect(summary.warnings).toEqual([]);
  });

  test('the trend uses the computed total, else the published one, with the change and the target', () => {
    const summary = summaryOf(sampleWorkbook());
    expect(summary.trend).toEqual([
      { year: 2563, total: 70.47, source: 'published', change: null, versusTarget: -14.53 },
      { year: 2564, total: 90.98, source: 'published', change: 20.51, versusTarget: 5.98 },
      { year: 2565, total: 86.7, source: 'computed', change: -4.28, versusTarget: 1.7 },
    ]);
  });

  test('gap analysis: indicator 7 is the weakest; each indicator below 85 with the measures that name it', () => {
    const { gap } = summaryOf(sampleWorkbook());
    expect(gap).toMatchObject({
      target: 85,
      targetSource: 'settings',
      latestYear: 2565,
      total: 86.7,
      gap: -1.7,
    });
    expect(gap.weakest[0]).toEqual({ no: 7, name: 'ประสิทธิภาพการสื่อสาร', tool: 'EIT', score: 68.9 });
    expect(gap.weakest.map((w) => w.no)).toEqual([7, 8, 6]);
    // The sample measures name indicators 5, 4, 7, 6, 9 and one none: below 85 are 7, 8, 6, 4.
    expect(gap.belowTarget.map((b) => [b.no, b.measures.map((m) => m.no)])).toEqual([
      [7, ['3']],
      [8, []],
      [6, ['4']],
      [4, ['2']],
    ]);
    expect(gap.belowTarget.every((b) => b.planItems.length === 0)).toBe(true);
  });

  test('a higher target brings more indicators below it, with their measures', () => {
    const workbook = sampleWorkbook();
    setTarget(workbook, 90);
    const { gap } = summaryOf(workbook);
    expect(gap.gap).toBe(3.3);
    expect(gap.belowTarget.map((b) => [b.no, b.measures.map((m) => m.no)])).toEqual([
      [7, ['3']],
      [8, []],
      [6, ['4']],
      [4, ['2']],
      [9, ['5']],
      [2, []],
      [5, ['1']],
    ]);
    setTarget(workbook, null);
    expect(summaryOf(workbook).gap).toMatchObject({ target: 85, targetSource: 'default' });
  });

  test('plan items naming an indicator answer it; measures of the assessed year or earlier do not', () => {
    const workbook = sampleWorkbook();
    setCell(workbook, 'plan', 1, 'itaIndicators', '8, 9');
    setCell(workbook, 'measures', 3, 'fiscalYear', 2565); // the measure naming indicator 7
    const below = new Map(summaryOf(workbook).gap.belowTarget.map((b) => [b.no, b]));
    expect(below.get(8)?.planItems).toEqual([
      expect.objectContaining({ sheet: 'แผนปฏิบัติการ', code: '1-01', row: dataRowOf(workbook, 'plan', 1) }),
    ]);
    expect(below.get(8)?.planItems[0].cell.col).toBe(columnOf(workbook, 'plan', 'name'));
    expect(below.get(7)?.measures).toEqual([]);
  });

  test('a published total more than 0.01 away, or another grade, is flagged with its cell', () => {
    const workbook = sampleWorkbook();
    setCell(workbook, 'scores', 3, 'publishedTotal', 86.69); // within 0.01: agrees
    expect(summaryOf(workbook).warnings).toEqual([]);
    setCell(workbook, 'scores', 3, 'publishedTotal', 86.68);
    setCell(workbook, 'scores', 3, 'publishedGrade', 'B');
    const summary = summaryOf(workbook);
    const y2565 = summary.years[2];
    expect(y2565.agrees).toBe(false);
    expect(y2565.differences).toEqual(['คะแนนรวมต่างกัน 0.02', 'ผลการประเมินต่างกัน (คำนวณได้ A)']);
    expect(summary.warnings.map((w) => [w.year, w.kind, w.cell?.col])).toEqual([
      [2565, 'total-differs', columnOf(workbook, 'scores', 'publishedTotal')],
      [2565, 'grade-differs', columnOf(workbook, 'scores', 'publishedGrade')],
    ]);
    expect(summary.warnings[0].message).toContain(
      'คะแนนรวมที่ประกาศ 86.68 ไม่ตรงกับคะแนนที่คำนวณจากคะแนนรายตัวชี้วัด 86.70',
    );
  });

  test('a missing or unreadable indicator score makes the year incomplete, without a warning', () => {
    const workbook = sampleWorkbook();
    setCell(workbook, 'scores', 3, 7, null);
    setCell(workbook, 'scores', 3, 2, 'ไม่ทราบ');
    const summary = summaryOf(workbook);
    expect(summary.years[2]).toMatchObject({
      complete: false,
      missing: [2, 7],
      unreadable: [2],
      total: null,
      agrees: null,
    });
    expect(summary.warnings).toEqual([]);
    expect(summary.gap).toMatchObject({ latestYear: null, gap: null, weakest: [], belowTarget: [] });
    expect(summary.trend.at(-1)).toMatchObject({ year: 2565, total: 86.7, source: 'published' });
  });

  test('a year before every framework, and a repeated year, are warned about', () => {
    const workbook = sampleWorkbook();
    setCell(workbook, 'scores', 1, 'year', 2560);
    setCell(workbook, 'scores', 2, 'year', 2565);
    const summary = summaryOf(workbook);
    expect(summary.years.map((y) => y.year)).toEqual([2560, 2565]);
    expect(summary.years[0].problem).toBe('ไม่มีกรอบตัวชี้วัด ITA ของปี 2560 ในชีตอ้างอิง');
    expect(summary.warnings.map((w) => [w.year, w.kind])).toEqual([
      [2565, 'duplicate-year'],
      [2560, 'no-framework'],
    ]);
    // The first row of a repeated year is the one used.
    expect(summary.years[1].published.total).toBe(90.98);
  });
});
