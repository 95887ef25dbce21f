/** The ita-sheets command, run as a user runs it (bin/ita-sheets.js in a child process). */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { XlsxWorkbook } from '../../src/adapters/xlsx';
import { INPUT_SHEETS, GENERATED_SHEETS } from '../../src/core/schema';
import { ROOT } from '../helpers/workbooks';

const BIN = path.join(ROOT, 'bin', 'ita-sheets.js');
const SAMPLE = path.join(ROOT, 'sheets-templates', 'ita-sample.xlsx');
const TEMPLATE = path.join(ROOT, 'sheets-templates', 'ita-template.xlsx');

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ITA_SHEETS_NOW: '2023-04-15T03:00:00Z' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ita-cli-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function inputValues(file: string): Promise<Record<string, unknown>> {
  const workbook = await XlsxWorkbook.load(file);
  const out: Record<string, unknown> = {};
  for (const spec of INPUT_SHEETS) {
    const snap = workbook.readSheet(spec.name);
    out[spec.name] = snap && { values: snap.values, formulas: snap.formulas };
  }
  return out;
}

describe('ita-sheets', () => {
  test('help and bad usage exit 2 with a Thai message', () => {
    expect(cli(['--help']).status).toBe(0);
    const unknown = cli(['run', 'nope', SAMPLE]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('ไม่รู้จักคำสั่ง "nope"');
    const noFile = cli(['run', 'validate', path.join(dir, 'missing.xlsx')]);
    expect(noFile.status).toBe(2);
    expect(noFile.stderr).toContain('ไม่พบไฟล์');
    const badDate = cli(['run', 'validate', SAMPLE, '--as-of', '2023-02-30']);
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toContain('--as-of');
  });

  test('runs under the V8 flags of bin/node-flags.js, starting Node again once when they are missing', () => {
    const flags = createRequire(__filename)(path.join(ROOT, 'bin', 'node-flags.js')) as string[];
    expect(flags.length).toBeGreaterThan(0);
    // A preload in NODE_OPTIONS (inherited by any child) records each Node process the command starts.
    const log = path.join(dir, 'processes.log');
    const preload = path.join(dir, 'record.js');
    fs.writeFileSync(
      preload,
      `require('fs').appendFileSync(${JSON.stringify(log)}, JSON.stringify(process.execArgv) + '\\n');`,
    );
    const result = spawnSync(process.execPath, [BIN, 'run', 'validate', SAMPLE, '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: `--require ${preload}`, ITA_SHEETS_NOW: '2023-04-15T03:00:00Z' },
    });
    // The exit code and output of the run under the flags come through unchanged.
    expect(result.status).toBe(1);
    expect((JSON.parse(result.stdout) as { errors: number }).errors).toBe(2);
    const processes = fs
      .readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as string[]);
    expect(processes).toHaveLength(2);
    expect(processes[0]).not.toEqual(expect.arrayContaining(flags));
    expect(processes[1]).toEqual(expect.arrayContaining(flags));
  });

  test('an unreadable file exits 2 and says so in Thai', () => {
    const junk = path.join(dir, 'junk.xlsx');
    fs.writeFileSync(junk, 'not a spreadsheet');
    const result = cli(['run', 'validate', junk]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('อ่านไฟล์');
  });

  test('schema --json lists every sheet with its column keys and Thai headers', () => {
    const result = cli(['schema', '--json']);
    expect(result.status).toBe(0);
    const schema = JSON.parse(result.stdout) as {
      sheets: { name: string; tables: { columns: { key: string; header: string }[] }[] }[];
    };
    expect(schema.sheets.map((s) => s.name)).toEqual(INPUT_SHEETS.map((s) => s.name));
    const plan = schema.sheets.find((s) => s.name === 'แผนปฏิบัติการ');
    expect(plan?.tables[0].columns).toContainEqual(
      expect.objectContaining({ key: 'period', header: 'ระยะเวลาดำเนินการ' }),
    );
  });

  test('parse-period --json gives ISO C.E. dates and B.E. fiscal years, or an error', () => {
    const ok = cli(['parse-period', '๑ ต.ค. ๒๕๖๕ - ๓๐ ก.ย. ๒๕๖๖ (ตามแผน)', '--json']);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({
      start: '2022-10-01',
      end: '2023-09-30',
      fiscalYears: [2566],
      remark: 'ตามแผน',
    });
    const withYear = cli(['parse-period', 'ต.ค. - ธ.ค.', '--fy', '2566', '--json']);
    expect(JSON.parse(withYear.stdout)).toMatchObject({
      start: '2022-10-01',
      end: '2022-12-31',
      fiscalYears: [2566],
    });
    const bad = cli(['parse-period', 'ปี 2566', '--json']);
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stdout).error).toContain('ปีงบประมาณ');
  });

  test('run validate --json on the sample: the two placeholders, exit 1', () => {
    const result = cli(['run', 'validate', SAMPLE, '--json']);
    expect(result.status).toBe(1);
    const json = JSON.parse(result.stdout) as {
      errors: number;
      findings: {
        sheet: string;
        cell: string;
        rule: string;
        severity: string;
        message: string;
        value: string;
      }[];
    };
    expect(json.errors).toBe(2);
    expect(json.findings.map((f) => [f.sheet, f.rule, f.severity, f.value])).toEqual([
      ['แผนปฏิบัติการ', 'placeholder', 'error', 'ระบุนายงานที่รับผิดชอบดำเนินการ'],
      ['แผนปฏิบัติการ', 'placeholder', 'error', 'ระบุหน่วยงานที่รับผิดชอบดำเนินการ'],
    ]);
    for (const f of json.findings) expect(f.message).toContain(`เซลล์ ${f.cell}`);
  });

  test('run validate --out writes the report; the input file and its input cells are untouched', async () => {
    const input = path.join(dir, 'in.xlsx');
    fs.copyFileSync(SAMPLE, input);
    const bytes = fs.readFileSync(input);
    const out = path.join(dir, 'out.xlsx');
    const result = cli(['run', 'validate', input, '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('ข้อผิดพลาด');
    expect(fs.readFileSync(input).equals(bytes)).toBe(true);
    const written = await XlsxWorkbook.load(out);
    expect(written.listSheets().map((s) => s.name)).toContain(GENERATED_SHEETS.validation);
    expect(await inputValues(out)).toEqual(await inputValues(input));
  });

  test('template and sample write workbooks equal to the committed ones in sheets-templates/', async () => {
    const template = path.join(dir, 'template.xlsx');
    const sample = path.join(dir, 'sample.xlsx');
    expect(cli(['template', '--out', template]).status).toBe(0);
    expect(cli(['sample', '--out', sample]).status).toBe(0);
    expect(await inputValues(sample)).toEqual(await inputValues(SAMPLE));
    // The template's plan years follow today's date; everything else must match.
    const fresh = await inputValues(template);
    const committed = await inputValues(TEMPLATE);
    delete fresh['ตั้งค่า'];
    delete committed['ตั้งค่า'];
    expect(fresh).toEqual(committed);
  });
});
