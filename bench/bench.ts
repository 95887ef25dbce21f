/**
 * `npm run bench`: every command on synthetic workbooks of 30, 1,000, 10,000 and 100,000 plan rows (with
 * as many tracking rows and a fifth as many measures; see synthetic.ts). Quick mode for development:
 * BENCH_SIZES=30,1000 npm run bench.
 *
 * For each size and command, in its own child process (so no measurement disturbs another):
 * - SpreadsheetApp calls: the command through gasHost() over the strict fake (installFakeGlobals) holding
 *   the synthetic workbook, as written through the Google Sheets adapter; document calls are compared
 *   with the minimum of minimum.ts; builder, lock and dialog calls are reported apart.
 * - core time and memory: the command on the memory host; the heap is sampled at every port call.
 * And per size: the CLI's `run all` on the workbook as .xlsx against the floor of reading and writing
 * the same file with exceljs and no processing, both as child processes in the same run (`run all`
 * under the command's own V8 flags, bin/node-flags.js; the floor under Node's defaults).
 *
 * Targets (DESIGN §5, §6; issue 6): document calls per command do not grow with rows and are at most 3×
 * the minimum; `run all` at 100,000 rows within 1.5× the floor; each command's core time under 1 s at
 * 100,000 rows. A missed target prints a FAIL line and exits 1. Results go to stdout and bench/results.json.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { GasWorkbook, gasHost } from '../src/adapters/gas';
import { memoryHost, type MemoryWorkbook } from '../src/adapters/memory/memory-workbook';
import { XlsxWorkbook } from '../src/adapters/xlsx';
import { readSampleFiles, type CliIo } from '../src/cli/main';
import { INPUT_SHEETS } from '../src/core/schema';
import type { Host, WorkbookPort } from '../src/port/workbook';
import { installFakeGlobals, type FakeGas } from '../test/fakes/spreadsheet-app';
import { BENCH_COMMANDS, benchCommand, type BenchCommand } from './commands';
import { countingHost } from './minimum';
import { buildSynthetic, syntheticCounts, syntheticWorkbook } from './synthetic';

/** The repository (build/bench.js sits in build/); ITA_ROOT for a bundle built elsewhere. */
const ROOT = process.env.ITA_ROOT ?? path.join(__dirname, '..');
const RESULTS = path.join(ROOT, 'bench', 'results.json');
const DEFAULT_SIZES = [30, 1000, 10000, 100000];
/** The fixed clock of every run (Bangkok 10:00, 15 April 2566). */
const NOW = '2023-04-15T03:00:00Z';
const TARGET_RATIO = 3;
const TARGET_RUN_ALL = 1.5;
const TARGET_CORE_MS = 1000;
const CORE_TARGET_ROWS = 100000;
/** Rows of a new sheet's grid in Google Sheets. */
const GRID_ROWS = 1000;

function samples() {
  return readSampleFiles(path.join(ROOT, 'sheets-templates', 'samples'));
}

// ---------------------------------------------------------------------------------------------------------
// Children

/** Calls by category: what costs a round trip to the document and what does not. */
function categorize(calls: Record<string, number>) {
  const out = { document: 0, builder: 0, lock: 0, ui: 0 };
  for (const [name, n] of Object.entries(calls)) {
    const [cls, method] = name.split('.');
    if (
      /Builder$/.test(cls) ||
      cls === 'DataValidation' ||
      method === 'newDataValidation' ||
      method === 'newChart'
    ) {
      out.builder += n;
    } else if (cls === 'LockService' || cls === 'Lock') out.lock += n;
    else if (cls === 'Ui' || cls === 'PromptResponse' || method === 'getUi') out.ui += n;
    else out.document += n;
  }
  return out;
}

/** Samples the heap at every port call: the command's peak, without stopping it. */
class HeapSampler {
  peak = 0;
  /** Time spent inside the host (the memory adapter), which is not core time. */
  portMs = 0;
  sample(): void {
    const used = process.memoryUsage().heapUsed;
    if (used > this.peak) this.peak = used;
  }
  wrap(workbook: WorkbookPort): WorkbookPort {
    return new Proxy(workbook, {
      get: (target, prop, receiver) => {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          this.sample();
          const start = performance.now();
          const result: unknown = (value as (...a: unknown[]) => unknown).apply(target, args);
          this.portMs += performance.now() - start;
          this.sample();
          return result;
        };
      },
    });
  }
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * One bare pass over every character of every input cell's value and formula, timed in the same process
 * after the command: the least that any command reading (and fingerprinting) its input has to do, so
 * core time can be read against what this machine does in one pass over the data.
 */
function scanInputs(workbook: MemoryWorkbook): { scanMs: number; scanChars: number } {
  const snapshots = INPUT_SHEETS.map((s) => workbook.readSheet(s.name)).filter((s) => s !== null);
  gc();
  const start = performance.now();
  let chars = 0;
  let sum = 0;
  // Indexed loops: the fastest plain JavaScript for this (for…of is half as fast again here).
  for (const snapshot of snapshots) {
    for (const grid of [snapshot.values, snapshot.formulas]) {
      for (let r = 0; r < grid.length; r++) {
        const row = grid[r];
        for (let c = 0; c < row.length; c++) {
          const value = row[c];
          if (typeof value !== 'string') continue;
          const n = value.length;
          for (let i = 0; i < n; i++) sum = (sum + value.charCodeAt(i)) | 0;
          chars += n;
        }
      }
    }
  }
  const scanMs = performance.now() - start;
  // The sum is used, so the loop cannot be optimized away.
  return { scanMs: sum === 0.5 ? -1 : scanMs, scanChars: chars };
}

function coreChild(size: number, name: string) {
  const command = benchCommand(name);
  const workbook: MemoryWorkbook = syntheticWorkbook(samples(), size);
  command.prepare(memoryHost(workbook, new Date(NOW)));
  const sampler = new HeapSampler();
  const plain = memoryHost(workbook, new Date(NOW));
  const host: Host = { ...plain, workbook: sampler.wrap(workbook) };
  workbook.calls.clear();
  gc();
  const before = process.memoryUsage().heapUsed;
  sampler.peak = before;
  const start = performance.now();
  command.run(host);
  const ms = performance.now() - start;
  sampler.sample();
  const peak = sampler.peak;
  return {
    ...scanInputs(workbook),
    ms: ms - sampler.portMs,
    totalMs: ms,
    heapPeakMB: (peak - before) / 2 ** 20,
    rssMB: process.resourceUsage().maxRSS / 1024,
    portCalls: Object.fromEntries(workbook.calls),
    alerts: plain.ui.alerts.map((a) => a.message),
  };
}

function scriptAnswers(gas: FakeGas, command: BenchCommand): void {
  for (let i = 0; i < command.prompts; i++) gas.ui.script('OK', '');
}

function gasChild(size: number, name: string) {
  const command = benchCommand(name);
  const gas = installFakeGlobals(globalThis, { sheets: { ตั้งค่า: [] } });
  buildSynthetic(new GasWorkbook(), samples(), size);
  const fixed = (): Host => ({ ...gasHost(), now: () => new Date(NOW) });
  scriptAnswers(gas, command);
  command.prepare(fixed());
  gas.ui.answers.length = 0;
  scriptAnswers(gas, command);
  gas.counter.reset();
  const host = countingHost(fixed());
  const { calls } = gas.counter.measure(() => command.run(host));
  return {
    ...categorize(calls),
    minimum: host.workbook.minimum(),
    ops: host.workbook.counts(),
    calls,
    alerts: gas.ui.alerts.map((a) => a.message),
  };
}

async function xlsxChild(size: number, file: string) {
  const workbook = XlsxWorkbook.create();
  buildSynthetic(workbook, samples(), size);
  await workbook.save(file);
  return { bytes: fs.statSync(file).size };
}

async function cliChild(input: string, output: string) {
  // The CLI bundle built next to this one (scripts/build-cli.mjs), run as `ita-sheets run all`.
  const cli = createRequire(__filename)(path.join(__dirname, 'cli.js')) as {
    main(argv: string[], io: CliIo): Promise<number>;
  };
  const quiet: CliIo = { out: () => undefined, err: () => undefined };
  const code = await cli.main(['run', 'all', input, '--out', output], quiet);
  return { code, rssMB: process.resourceUsage().maxRSS / 1024 };
}

/**
 * The floor: exceljs alone reading and writing the file, with nothing of ours loaded (not even the two
 * fixes the adapter patches into exceljs, nor its native-zlib save).
 */
const FLOOR_SCRIPT = `
const { Workbook } = require(process.argv[1]);
(async () => {
  const book = new Workbook();
  await book.xlsx.readFile(process.argv[2]);
  await book.xlsx.writeFile(process.argv[3]);
  process.stdout.write('\\n' + JSON.stringify({ rssMB: process.resourceUsage().maxRSS / 1024 }) + '\\n');
})().catch((error) => {
  console.error(error);
  process.exit(2);
});`;

async function runChild(args: string[]): Promise<void> {
  const [task, a, b] = args;
  let result: unknown;
  if (task === 'core') result = coreChild(Number(a), b);
  else if (task === 'gas') result = gasChild(Number(a), b);
  else if (task === 'xlsx') result = await xlsxChild(Number(a), b);
  else if (task === 'cli') result = await cliChild(a, b);
  else throw new Error(`bench: unknown task ${task}`);
  process.stdout.write(`\n${JSON.stringify(result)}\n`);
}

// ---------------------------------------------------------------------------------------------------------
// Parent

interface ChildRun<T> {
  wallMs: number;
  result: T;
}

function child<T>(args: string[], heapMB = 4096, flags: readonly string[] = []): ChildRun<T> {
  return spawnChild([
    ...flags,
    '--expose-gc',
    `--max-old-space-size=${heapMB}`,
    __filename,
    '--child',
    ...args,
  ]);
}

/** The V8 flags the ita-sheets command runs under (bin/node-flags.js), so `run all` is measured as run. */
function cliFlags(): readonly string[] {
  return createRequire(__filename)(path.join(ROOT, 'bin', 'node-flags.js')) as string[];
}

/** The floor in its own process, the same heap limit as the CLI's child. */
function floorRun(input: string, output: string, heapMB: number): ChildRun<{ rssMB: number }> {
  const exceljs = require.resolve('exceljs', { paths: [ROOT] });
  return spawnChild([`--max-old-space-size=${heapMB}`, '-e', FLOOR_SCRIPT, exceljs, input, output]);
}

function spawnChild<T>(argv: string[]): ChildRun<T> {
  const start = performance.now();
  const run = spawnSync(process.execPath, argv, {
    encoding: 'utf8',
    maxBuffer: 256 * 2 ** 20,
    env: { ...process.env, ITA_SHEETS_NOW: NOW },
  });
  const wallMs = performance.now() - start;
  if (run.status !== 0) {
    throw new Error(
      `bench child ${argv.slice(-4).join(' ')} failed (${run.status}):\n${run.stderr.slice(-4000)}`,
    );
  }
  const lines = run.stdout.trim().split('\n');
  return { wallMs, result: JSON.parse(lines[lines.length - 1]) as T };
}

type CoreResult = ReturnType<typeof coreChild>;
type GasResult = ReturnType<typeof gasChild>;

interface CommandRow {
  command: string;
  calls: number;
  minimum: number;
  ratio: number;
  builderCalls: number;
  lockCalls: number;
  uiCalls: number;
  /** The command's own time, without the time spent inside the host adapter. */
  coreMs: number;
  /** Core and host together. */
  totalMs: number;
  /** One bare pass over every character of the input, in the same process (scanInputs). */
  scanMs: number;
  heapPeakMB: number;
  rssMB: number;
  portOps: Record<string, number>;
  callsByMethod: Record<string, number>;
}

interface SizeResult {
  planRows: number;
  trackingRows: number;
  measures: number;
  xlsxBytes: number;
  /** The .xlsx `run all` writes (the input with every report added). */
  runAllBytes: number;
  commands: CommandRow[];
  runAllMs: number;
  floorMs: number;
  runAllRatio: number;
  runAllRssMB: number;
  floorRssMB: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function measureSize(size: number, dir: string): SizeResult {
  const big = size >= 100000;
  const commands: CommandRow[] = [];
  for (const command of BENCH_COMMANDS) {
    process.stderr.write(`  ${size} ${command.name}: calls…`);
    const gas = child<GasResult>(['gas', String(size), command.name], big ? 20000 : 4096).result;
    process.stderr.write(' core…');
    const core = child<CoreResult>(['core', String(size), command.name], big ? 12000 : 4096).result;
    process.stderr.write(` ${Math.round(core.ms)} ms\n`);
    commands.push({
      command: command.name,
      calls: gas.document,
      minimum: gas.minimum,
      ratio: gas.document / gas.minimum,
      builderCalls: gas.builder,
      lockCalls: gas.lock,
      uiCalls: gas.ui,
      coreMs: core.ms,
      totalMs: core.totalMs,
      scanMs: core.scanMs,
      heapPeakMB: core.heapPeakMB,
      rssMB: core.rssMB,
      portOps: gas.ops,
      callsByMethod: gas.calls,
    });
  }
  const input = path.join(dir, `synthetic-${size}.xlsx`);
  process.stderr.write(`  ${size} .xlsx…`);
  const xlsx = child<{ bytes: number }>(['xlsx', String(size), input], big ? 12000 : 4096).result;
  // Three of each at every size, the median taken: one run of either varies by 10% on this machine.
  const reps = 3;
  const runAll: ChildRun<{ code: number; rssMB: number }>[] = [];
  const floor: ChildRun<{ rssMB: number }>[] = [];
  for (let i = 0; i < reps; i++) {
    // Alternated, so a slow moment of the machine falls on both.
    process.stderr.write(' floor…');
    floor.push(floorRun(input, path.join(dir, `floor-${size}.xlsx`), big ? 12000 : 4096));
    process.stderr.write(' run all…');
    runAll.push(child(['cli', input, path.join(dir, `all-${size}.xlsx`)], big ? 12000 : 4096, cliFlags()));
  }
  process.stderr.write('\n');
  const runAllBytes = fs.statSync(path.join(dir, `all-${size}.xlsx`)).size;
  const runAllMs = median(runAll.map((r) => r.wallMs));
  const floorMs = median(floor.map((r) => r.wallMs));
  const counts = syntheticCounts(size);
  return {
    planRows: counts.plan,
    trackingRows: counts.tracking,
    measures: counts.measures,
    xlsxBytes: xlsx.bytes,
    runAllBytes,
    commands,
    runAllMs,
    floorMs,
    runAllRatio: runAllMs / floorMs,
    runAllRssMB: Math.max(...runAll.map((r) => r.result.rssMB)),
    floorRssMB: Math.max(...floor.map((r) => r.result.rssMB)),
  };
}

function pastGrid(planRows: number): boolean {
  const counts = syntheticCounts(planRows);
  return Math.min(counts.plan, counts.tracking, counts.measures) >= GRID_ROWS;
}

/** The targets; each miss is one FAIL line. */
export function checkTargets(sizes: readonly SizeResult[]): string[] {
  const fails: string[] = [];
  const byCommand = new Map<string, { size: number; calls: number }[]>();
  for (const size of sizes) {
    for (const row of size.commands) {
      const list = byCommand.get(row.command) ?? [];
      list.push({ size: size.planRows, calls: row.calls });
      byCommand.set(row.command, list);
      if (row.ratio > TARGET_RATIO) {
        fails.push(
          `FAIL ${row.command} at ${size.planRows} rows: ${row.calls} SpreadsheetApp calls, ${row.ratio.toFixed(2)}× the minimum ${row.minimum} (target ≤ ${TARGET_RATIO}×)`,
        );
      }
      const steps = benchCommand(row.command).steps;
      if (steps) {
        // A command made of others: no more than its steps' core time together, plus a fifth.
        const parts = size.commands.filter((c) => steps.includes(c.command));
        const budget = parts.reduce((sum, c) => sum + c.coreMs, 0) * 1.2;
        if (parts.length === steps.length && row.coreMs > budget) {
          fails.push(
            `FAIL ${row.command} at ${size.planRows} rows: core ${Math.round(row.coreMs)} ms, more than its steps' ${Math.round(budget / 1.2)} ms + 20%`,
          );
        }
      } else if (size.planRows >= CORE_TARGET_ROWS && row.coreMs >= TARGET_CORE_MS) {
        fails.push(
          `FAIL ${row.command} at ${size.planRows} rows: core ${Math.round(row.coreMs)} ms (target < ${TARGET_CORE_MS} ms)`,
        );
      }
    }
    if (size.planRows >= CORE_TARGET_ROWS && size.runAllRatio > TARGET_RUN_ALL) {
      fails.push(
        `FAIL run all at ${size.planRows} rows: ${Math.round(size.runAllMs)} ms, ${size.runAllRatio.toFixed(2)}× the floor ${Math.round(size.floorMs)} ms (target ≤ ${TARGET_RUN_ALL}×)`,
      );
    }
  }
  // "Do not grow": no size needs more calls than the reference size, the first whose every input sheet
  // is past the 1,000-row grid of a new sheet (the largest size when none is). Below that a sheet
  // still fits its grid, so a command may make fewer calls there (it never has to grow that grid).
  for (const [command, list] of byCommand) {
    const reference = list.find((l) => pastGrid(l.size)) ?? list[list.length - 1];
    for (const other of list) {
      if (other.calls > reference.calls) {
        fails.push(
          `FAIL ${command}: ${other.calls} SpreadsheetApp calls at ${other.size} rows, ${reference.calls} at ${reference.size} rows (calls must not grow with rows)`,
        );
      }
    }
  }
  return fails;
}

function pad(text: string | number, width: number, right = false): string {
  const s = String(text);
  return right ? s.padEnd(width) : s.padStart(width);
}

function table(sizes: readonly SizeResult[]): string {
  const lines: string[] = [];
  lines.push(
    [
      pad('rows', 7),
      pad('command', 15, true),
      pad('calls', 6),
      pad('min', 5),
      pad('ratio', 6),
      pad('builder', 8),
      pad('core ms', 9),
      pad('+host ms', 9),
      pad('scan ms', 8),
      pad('heap Δ MB', 10),
      pad('RSS MB', 8),
    ].join(' '),
  );
  for (const size of sizes) {
    for (const row of size.commands) {
      lines.push(
        [
          pad(size.planRows, 7),
          pad(row.command, 15, true),
          pad(row.calls, 6),
          pad(row.minimum, 5),
          pad(row.ratio.toFixed(2), 6),
          pad(row.builderCalls, 8),
          pad(row.coreMs.toFixed(1), 9),
          pad(row.totalMs.toFixed(1), 9),
          pad(row.scanMs.toFixed(1), 8),
          pad(row.heapPeakMB.toFixed(1), 10),
          pad(Math.round(row.rssMB), 8),
        ].join(' '),
      );
    }
  }
  lines.push('');
  lines.push(
    [
      pad('rows', 7),
      pad('.xlsx MB', 9),
      pad('out MB', 7),
      pad('run all ms', 11),
      pad('floor ms', 9),
      pad('ratio', 6),
      pad('RSS MB', 14),
    ].join(' '),
  );
  for (const size of sizes) {
    lines.push(
      [
        pad(size.planRows, 7),
        pad((size.xlsxBytes / 2 ** 20).toFixed(1), 9),
        pad((size.runAllBytes / 2 ** 20).toFixed(1), 7),
        pad(Math.round(size.runAllMs), 11),
        pad(Math.round(size.floorMs), 9),
        pad(size.runAllRatio.toFixed(2), 6),
        pad(`${Math.round(size.runAllRssMB)}/${Math.round(size.floorRssMB)}`, 14),
      ].join(' '),
    );
  }
  return lines.join('\n');
}

function sizesFromEnv(): number[] {
  const env = process.env.BENCH_SIZES;
  if (!env) return DEFAULT_SIZES;
  const sizes = env.split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`BENCH_SIZES: ${env}`);
  return sizes;
}

async function main(): Promise<number> {
  const sizes = sizesFromEnv();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ita-bench-'));
  const results: SizeResult[] = [];
  try {
    for (const size of sizes) {
      process.stderr.write(`${size} plan rows\n`);
      results.push(measureSize(size, dir));
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const fails = checkTargets(results);
  console.log(table(results));
  console.log('');
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? '',
    targets: {
      callsRatio: TARGET_RATIO,
      runAllVsFloor: TARGET_RUN_ALL,
      coreMsAt100k: TARGET_CORE_MS,
      callsDoNotGrow: true,
    },
    sizes: results,
    fails,
  };
  fs.writeFileSync(RESULTS, `${JSON.stringify(report, null, 2)}\n`);
  for (const line of fails) console.log(line);
  if (!fails.length) console.log('PASS every target');
  console.log(`results: ${path.relative(process.cwd(), RESULTS)}`);
  return fails.length ? 1 : 0;
}

if (process.argv[2] === '--child') {
  runChild(process.argv.slice(3)).catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(2);
  });
} else {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exitCode = 2;
    },
  );
}
