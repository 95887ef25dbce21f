/**
 * =ITA_TOTAL and =ITA_GRADE through the real bundle: a temporary entry re-exporting them (as
 * src/gas/entry.ts will) is built by scripts/build.mjs and loaded in a bare node:vm context with the strict
 * SpreadsheetApp fake holding the sample workbook; the functions are called with 2-D arrays as Sheets
 * calls them. The same entry runs "สรุปคะแนน ITA" through the Google Sheets adapter.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { installFakeGlobals, type FakeGas, type FakeOptions, type SeedCell } from '../fakes/spreadsheet-app';
import { SCORES_2565 } from '../helpers/ita-fixtures';
import { ROOT, sampleSeeds } from '../helpers/workbooks';

const BUILD_SCRIPT = path.join(ROOT, 'scripts', 'build.mjs');
type Cells = (string | number)[][];
type Bundle = {
  ITA_TOTAL(scores: unknown, year?: unknown): Cells;
  ITA_GRADE(score: unknown, year?: unknown): Cells;
  menuItaSummary(): void;
};

let dir: string;
let code: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ita-functions-'));
  const src = (file: string) => JSON.stringify(path.join(ROOT, 'src', file).split(path.sep).join('/'));
  fs.writeFileSync(
    path.join(dir, 'entry.ts'),
    [
      `export { ITA_TOTAL, ITA_GRADE } from ${src('gas/ita-functions')};`,
      `import { gasHost } from ${src('adapters/gas')};`,
      `import { runItaSummary } from ${src('commands/ita-summary')};`,
      '/** Runs "สรุปคะแนน ITA" as a menu handler would. */',
      'export function menuItaSummary(): void {',
      '  runItaSummary(gasHost());',
      '}',
      '',
    ].join('\n'),
  );
  const options = { entry: path.join(dir, 'entry.ts'), outDir: path.join(dir, 'dist') };
  // jest runs CommonJS; the build script is ESM: call its build() in a child process.
  const script = `const { build } = await import(${JSON.stringify(pathToFileURL(BUILD_SCRIPT).href)});
    process.stdout.write(JSON.stringify(await build(${JSON.stringify(options)})));`;
  const result = JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' }),
  ) as { functions: string[] };
  expect(result.functions.sort()).toEqual(['ITA_GRADE', 'ITA_TOTAL', 'menuItaSummary']);
  code = fs.readFileSync(path.join(dir, 'dist', 'Code.js'), 'utf8');
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Custom functions run without a UI. */
function load(options: FakeOptions = { sheets: sampleSeeds(), ui: false }): { gas: FakeGas; bundle: Bundle } {
  const context = vm.createContext({});
  const gas = installFakeGlobals(context, options);
  vm.runInContext(code, context, { filename: 'Code.js' });
  return { gas, bundle: context as unknown as Bundle };
}

/** Plain arrays out of the vm's realm, for deep equality. */
const plain = (cells: Cells): Cells => JSON.parse(JSON.stringify(cells)) as Cells;

describe('the custom functions in the bundle', () => {
  test('are top-level functions under their Thai JSDoc with @customfunction', () => {
    for (const [name, params] of [
      ['ITA_TOTAL', 'scores, year'],
      ['ITA_GRADE', 'score, year'],
    ]) {
      const wrapper = code.indexOf(
        `function ${name}(${params}) {\n  return ITA_SHEETS.${name}(${params});\n}`,
      );
      expect(wrapper).toBeGreaterThan(0);
      const doc = code.lastIndexOf('/**', wrapper);
      const jsDoc = code.slice(doc, wrapper);
      expect(jsDoc).toMatch(/@customfunction\n \*\/\n$/);
      expect(jsDoc).toMatch(/@param \{[^}]+\} \w+ [\u0E00-\u0E7F]/); // described in Thai
      expect(jsDoc).toMatch(/@param \{[^}]+\} year \(ไม่บังคับ\) ปีประเมิน/);
    }
  });

  test('load without a service call', () => {
    const { gas } = load();
    expect(gas.counter.total).toBe(0);
  });

  test('ITA_TOTAL: a column of rows in one call, 86.70 for the sample 2565, Thai text for bad rows', () => {
    const { bundle } = load();
    const missing = [...SCORES_2565.slice(0, 6), '', ...SCORES_2565.slice(7)];
    const text = [...SCORES_2565.slice(0, 2), 'ไม่มี', ...SCORES_2565.slice(3)];
    const result = plain(
      bundle.ITA_TOTAL(
        [SCORES_2565, new Array(10).fill(''), missing, text, new Array(10).fill(96)],
        [[2565], [2565], [2565], [2565], [2567]],
      ),
    );
    expect(result).toEqual([
      [86.7],
      [''],
      ['⚠ ต้องมีคะแนน 10 ตัวชี้วัด (ขาดตัวชี้วัดที่ 7)'],
      [expect.stringMatching(/^⚠ ตัวชี้วัดที่ 3: อ่านคะแนนไม่ได้/)],
      [96],
    ]);
    // A single row and a scalar, as Sheets passes them.
    expect(plain(bundle.ITA_TOTAL([SCORES_2565], 2565))).toEqual([[86.7]]);
    expect(plain(bundle.ITA_TOTAL(86.7))[0][0]).toMatch(/^⚠ ต้องมีคะแนน 10 ตัวชี้วัด/);
  });

  test('ITA_GRADE: totals or rows of ten scores, under each year bands', () => {
    const { bundle } = load();
    expect(plain(bundle.ITA_GRADE([[86.7], [70.47], [''], [80]], [[2565], [2563], [2565], [2567]]))).toEqual([
      ['A'],
      ['C'],
      [''],
      ['ต้องปรับปรุง'],
    ]);
    const eit90 = [96, 96, 96, 96, 96, 90, 90, 90, 98, 98];
    expect(plain(bundle.ITA_GRADE([new Array(10).fill(96), eit90], 2567))).toEqual([['ผ่านดีเยี่ยม'], ['ผ่านดี']]);
    expect(plain(bundle.ITA_GRADE('เก้าสิบ', 2565))[0][0]).toMatch(/^⚠ คะแนนรวม: อ่านคะแนนไม่ได้/);
  });

  test('read the framework from the reference sheet: edited weights change the total', () => {
    const { bundle } = load({
      ui: false,
      sheets: sampleSeeds((seeds) => {
        const reference = seeds['อ้างอิง'];
        const col = reference[0].indexOf('น้ำหนักเครื่องมือ (%)');
        // Rows 2–6 are IIT, 7–9 EIT (the template's order): IIT 40, EIT 20.
        for (let r = 1; r <= 8; r++) reference[r][col] = r <= 5 ? 40 : 20;
      }),
    });
    expect(plain(bundle.ITA_TOTAL([SCORES_2565], 2565))).toEqual([[87.97]]);
  });

  test('make the same few read-only calls whatever the number of rows', () => {
    const { gas, bundle } = load();
    const rows = (n: number) => Array.from({ length: n }, () => SCORES_2565);
    const years = (n: number) => Array.from({ length: n }, () => [2565]);
    const small = gas.counter.measure(() => bundle.ITA_TOTAL(rows(3), years(3)));
    const big = gas.counter.measure(() => bundle.ITA_TOTAL(rows(3000), years(3000)));
    expect(big).toEqual(small);
    expect(small.total).toBeLessThanOrEqual(10);
    // Custom functions may only read.
    expect(Object.keys(small.calls).every((k) => /\.get[A-Z]\w*$/.test(k))).toBe(true);
    const grades = gas.counter.measure(() =>
      bundle.ITA_GRADE(
        years(2000).map(() => [86.7]),
        years(2000),
      ),
    );
    expect(grades.total).toBe(small.total);
  });

  test('without the reference sheet, say in Thai what to do', () => {
    const { bundle } = load({
      ui: false,
      sheets: sampleSeeds((seeds) => delete seeds['อ้างอิง']),
    });
    expect(plain(bundle.ITA_TOTAL([SCORES_2565], 2565))[0][0]).toMatch(/^⚠ ไม่พบชีต "อ้างอิง"/);
    expect(plain(bundle.ITA_GRADE(86.7, 2565))[0][0]).toMatch(/^⚠ ไม่พบชีต "อ้างอิง"/);
  });
});

describe('สรุปคะแนน ITA through the Google Sheets adapter', () => {
  test('writes the sheet with links and a line chart, toasts, and leaves the inputs alone', () => {
    const { gas, bundle } = load({ sheets: sampleSeeds() });
    const scores = gas.inspect('คะแนน ITA');
    const before = { values: scores.values(), formulas: scores.formulas() };
    bundle.menuItaSummary();
    const sheet = gas.state.sheets.find((s) => s.name === 'สรุป ITA');
    expect(sheet?.charts.map((c) => c.type)).toEqual(['LINE']);
    const report = gas.inspect('สรุป ITA');
    const links = report
      .formulas()
      .flat()
      .filter((f) => f.startsWith('=HYPERLINK('));
    expect(links).toHaveLength(6); // three years, three measures
    expect(report.values().flat()).toContain(86.7);
    expect(gas.state.toasts.at(-1)?.message).toContain('ITA ปี 2565: คะแนนรวม 86.70 ผลการประเมิน A');
    expect({ values: scores.values(), formulas: scores.formulas() }).toEqual(before);
  });

  test('the number of service calls does not grow with the number of years', () => {
    const withYears = (n: number) =>
      sampleSeeds((seeds) => {
        const sheet = seeds['คะแนน ITA'];
        const total = sheet[0].indexOf('คะแนนรวมที่ประกาศ');
        for (let i = 0; i < n; i++) {
          const row: SeedCell[] = new Array(sheet[0].length).fill(null);
          row[0] = 2566 + i; // published total only: incomplete years, no warning
          row[total] = 80;
          sheet.push(row);
        }
      });
    const calls = (n: number) => {
      const { gas, bundle } = load({ sheets: withYears(n) });
      return gas.counter.measure(() => bundle.menuItaSummary());
    };
    // Both reach the 2567 levels: one framework line each, which are per framework, not per year.
    const small = calls(5);
    const big = calls(150);
    expect(big).toEqual(small);
  });
});
