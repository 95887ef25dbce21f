/**
 * The Thai custom functions through the real build: a temporary entry re-exports them (as src/gas/entry.ts
 * will), scripts/build.mjs bundles it, and Code.js runs in a bare node:vm context with the SpreadsheetApp
 * fake. Sheets calls a custom function with a value or rows of values; so do these tests.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { installFakeGlobals, type FakeGas } from '../fakes/spreadsheet-app';
import { readThaiDate } from '../../src/core/thai';
import { zonedMidnight } from '../../src/core/zone';

const ROOT = path.join(__dirname, '..', '..');
const BUILD_SCRIPT = path.join(ROOT, 'scripts', 'build.mjs');
const NAMES = ['THAIDATE', 'FISCALYEAR', 'PERIOD_START', 'PERIOD_END', 'THAIDIGITS'];
const SIGNATURES = [
  'function THAIDATE(date, style, thai_digits) {',
  'function FISCALYEAR(date) {',
  'function PERIOD_START(text, fiscal_year) {',
  'function PERIOD_END(text, fiscal_year) {',
  'function THAIDIGITS(value) {',
];

type Fn = (...args: unknown[]) => unknown;

let dir: string;
let code: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ita-thai-functions-'));
  const source = path.join(ROOT, 'src', 'gas', 'thai-functions').split(path.sep).join('/');
  const entry = path.join(dir, 'entry.ts');
  fs.writeFileSync(entry, `export { ${NAMES.join(', ')} } from '${source}';\n`);
  const outDir = path.join(dir, 'dist');
  // build() is ESM and jest runs CommonJS here, so it runs in a child process (as in test/build).
  const script = `const { build } = await import(${JSON.stringify(pathToFileURL(BUILD_SCRIPT).href)});
    process.stdout.write(JSON.stringify(await build(${JSON.stringify({ entry, outDir })})));`;
  const result = JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' }),
  ) as { functions: string[] };
  expect(result.functions.sort()).toEqual([...NAMES].sort());
  code = fs.readFileSync(path.join(outDir, 'Code.js'), 'utf8');
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Loads Code.js into a fresh context; returns its globals, the fake, and a Date made in that realm. */
function load(timeZone = 'Asia/Bangkok'): {
  fns: Record<string, Fn>;
  gas: FakeGas;
  date: (iso: string) => Date;
} {
  const context = vm.createContext({});
  const gas = installFakeGlobals(context, { timeZone });
  vm.runInContext(code, context, { filename: 'Code.js' });
  const ContextDate = vm.runInContext('Date', context) as DateConstructor;
  // A date cell reaches a custom function as midnight of that day in the spreadsheet's zone.
  const date = (iso: string): Date => new ContextDate(zonedMidnight(iso, timeZone).getTime());
  return { fns: context as Record<string, Fn>, gas, date };
}

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';
const time = (v: unknown): number => {
  if (!isDate(v)) throw new Error(`not a Date: ${String(v)}`);
  return v.getTime();
};

describe('Code.js', () => {
  test('each function is a top-level function with its Thai JSDoc and @customfunction', () => {
    for (const [i, name] of NAMES.entries()) {
      const at = code.indexOf(`\n${SIGNATURES[i]}`) + 1; // at the start of a line: top level, not the bundle's
      expect(at).toBeGreaterThan(code.lastIndexOf('})();'));
      const doc = code.slice(code.lastIndexOf('/**', at), at);
      expect(doc).toMatch(/@customfunction\n \*\/\n$/);
      expect(doc).toMatch(/\* [\u0E00-\u0E7F]/); // the description autocomplete shows, in Thai
      expect(doc).toMatch(/@param \{[^}]+\} \w+ [\u0E00-\u0E7F(]/);
      expect(code).toContain(`return ITA_SHEETS.${name}(`);
    }
  });

  test('loading touches no service', () => {
    const { gas } = load();
    expect(gas.counter.total).toBe(0);
  });
});

describe('called as Sheets calls them', () => {
  test('THAIDATE over a column: one shape out, blanks blank, bad cells in Thai, one time-zone read', () => {
    const { fns, gas, date } = load();
    let out: unknown;
    const calls = gas.counter.measure(() => {
      out = fns.THAIDATE([[date('2022-10-03')], ['1/10/2565'], [''], ['ไม่ระบุ']], 'short', true);
    });
    expect(out).toEqual([['๓ ต.ค. ๖๕'], ['๑ ต.ค. ๖๕'], [''], [expect.stringMatching(/^⚠ อ่าน "ไม่ระบุ"/)]]);
    expect(calls).toEqual({
      total: 2,
      calls: { 'SpreadsheetApp.getActive': 1, 'Spreadsheet.getSpreadsheetTimeZone': 1 },
    });
    // One cell in, one value out; optional arguments left out.
    expect(fns.THAIDATE(date('2022-10-03'))).toBe('3 ตุลาคม 2565');
    expect(fns.THAIDATE('3 ต.ค. 2565', 'ตัวเลข')).toBe('3/10/2565');
  });

  test('the number of service calls does not grow with the rows', () => {
    const { fns, gas, date } = load();
    const rows = (n: number): Date[][] =>
      Array.from({ length: n }, (_, i) => [date(`2023-01-${String((i % 28) + 1).padStart(2, '0')}`)]);
    const few = gas.counter.measure(() => fns.FISCALYEAR(rows(10))).total;
    const many = gas.counter.measure(() => fns.FISCALYEAR(rows(2000))).total;
    expect([few, many]).toEqual([2, 2]);
    expect(gas.counter.measure(() => fns.THAIDIGITS([['2566'], [77200]])).total).toBe(0);
  });

  test('what THAIDATE writes, the core reads back as the same day', () => {
    const { fns, date } = load();
    const days = ['2022-10-01', '2023-02-28', '2024-02-29', '2027-09-30'];
    for (const style of ['long', 'medium', 'numeric']) {
      const out = fns.THAIDATE(
        days.map((d) => [date(d)]),
        style,
        true,
      ) as string[][];
      expect(out.map(([text]) => readThaiDate(text))).toEqual(days.map((d) => ({ ok: true, date: d })));
    }
  });

  test('FISCALYEAR gives numbers', () => {
    const { fns, date } = load();
    expect(fns.FISCALYEAR([[date('2022-09-30'), date('2022-10-01'), '']])).toEqual([[2565, 2566, '']]);
  });

  test("PERIOD_START / PERIOD_END give real Dates at midnight in the spreadsheet's zone", () => {
    const zone = 'Pacific/Kiritimati'; // far from the host's zone: a wrong zone would show the wrong day
    const { fns, date } = load(zone);
    const texts = [['๑ ต.ค. ๒๕๖๕ - ๓๐ ก.ย. ๒๕๖๖'], ['ต.ค. – ธ.ค.'], ['']];
    const starts = fns.PERIOD_START(texts) as unknown[][];
    const ends = fns.PERIOD_END(texts, [[2566], [2567], ['']]) as unknown[][];
    expect(time(starts[0][0])).toBe(time(date('2022-10-01')));
    expect(time(ends[0][0])).toBe(time(date('2023-09-30')));
    expect(starts[1][0]).toMatch(/^⚠ ระยะเวลา "ต.ค. – ธ.ค." ไม่ได้ระบุปี/);
    expect(time(ends[1][0])).toBe(time(date('2023-12-31')));
    expect([starts[2][0], ends[2][0]]).toEqual(['', '']);
  });

  test('THAIDIGITS keeps the shape', () => {
    const { fns } = load();
    expect(
      fns.THAIDIGITS([
        ['ปี 2566', 77200],
        [true, ''],
      ]),
    ).toEqual([
      ['ปี ๒๕๖๖', '๗๗๒๐๐'],
      ['TRUE', ''],
    ]);
  });

  test('a wrong argument throws a Thai message (Sheets shows #ERROR!) before any service call', () => {
    const { fns, gas } = load();
    const calls = gas.counter.measure(() => {
      expect(() => fns.THAIDATE([['1/10/2565']], 'ยาว')).toThrow(/ไม่รู้จักรูปแบบวันที่ "ยาว"/);
      expect(() => fns.THAIDATE([['1/10/2565']], 'long', 'ใช่')).toThrow(/ตัวเลือกเลขไทย/);
    });
    expect(calls.total).toBe(0);
    expect(() => fns.PERIOD_END('ต.ค. – ธ.ค.', 2023)).toThrow(/กรุณาใช้ปี พ.ศ. \(2566\)/);
  });
});
