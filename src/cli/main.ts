/**
 * `ita-sheets`: the same commands as the Google Sheets menu, run offline on .xlsx files.
 * Exit codes: 0 fine, 1 the data has errors, 2 bad usage or an unreadable file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XlsxWorkbook } from '../adapters/xlsx';
import { CommandError } from '../commands/context';
import {
  COMMANDS,
  commandByName,
  commandNames,
  type CommandOptions,
  type CommandSpec,
} from '../commands/registry';
import { runSetupTemplate } from '../commands/setup-template';
import { INPUT_SHEETS, ROUNDS, type RoundKind } from '../core/schema';
import { parsePeriod } from '../core/thai/period';
import type { Host, LockPort, UiPort, WorkbookPort } from '../port/workbook';
import { buildSample, SAMPLE_FILE_NAMES, type SampleFiles } from './sample';

export const USAGE = `ita-sheets: คำสั่งของ ITA Sheets สำหรับไฟล์ .xlsx (ใช้ได้โดยไม่ต้องเชื่อมต่อ Google)

  ita-sheets template --out F.xlsx          สร้างแม่แบบเปล่า
  ita-sheets sample --out F.xlsx            สร้างไฟล์ตัวอย่างจากข้อมูลจริงใน sheets-templates/samples
  ita-sheets schema --json                  ชีต คอลัมน์ และหัวคอลัมน์ภาษาไทยของแม่แบบ
  ita-sheets parse-period "ข้อความ" [--fy ปี] [--json]
                                            อ่านข้อความระยะเวลาแบบที่เจ้าหน้าที่เขียน
  ita-sheets run <คำสั่ง> F.xlsx [--as-of YYYY-MM-DD] [--fy ปี] [--round 6|12] [--out OUT.xlsx] [--json]
                                            คำสั่ง: ${commandNames().join(', ')}, all

ผลลัพธ์ --json: วันที่เป็น ISO ค.ศ. (2022-10-01) ปีงบประมาณเป็น พ.ศ. (2566)
รหัสออก: 0 ปกติ, 1 พบข้อผิดพลาดในข้อมูล, 2 ใช้คำสั่งไม่ถูกต้องหรืออ่านไฟล์ไม่ได้`;

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

class UsageError extends Error {}

interface ParsedArgs {
  positional: string[];
  flags: Map<string, string | true>;
}

const VALUE_FLAGS = new Set(['out', 'fy', 'as-of', 'round', 'samples']);
const BOOLEAN_FLAGS = new Set(['json', 'help']);

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h') flags.set('help', true);
    else if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
      if (BOOLEAN_FLAGS.has(name)) flags.set(name, true);
      else if (VALUE_FLAGS.has(name)) {
        const value = inline ?? argv[++i];
        if (value === undefined) throw new UsageError(`ตัวเลือก --${name} ต้องมีค่าตามหลัง`);
        flags.set(name, value);
      } else throw new UsageError(`ไม่รู้จักตัวเลือก --${name}`);
    } else positional.push(arg);
  }
  return { positional, flags };
}

function flag(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags.get(name);
  return typeof value === 'string' ? value : undefined;
}

function requireOut(args: ParsedArgs): string {
  const out = flag(args, 'out');
  if (!out) throw new UsageError('ต้องระบุไฟล์ผลลัพธ์ด้วย --out F.xlsx');
  return out;
}

function fiscalYearFlag(args: ParsedArgs): number | undefined {
  const fy = flag(args, 'fy');
  if (fy === undefined) return undefined;
  if (!/^\d{4}$/.test(fy) || Number(fy) < 2400)
    throw new UsageError(`--fy ต้องเป็นปีงบประมาณ พ.ศ. 4 หลัก เช่น 2566 (ได้รับ "${fy}")`);
  return Number(fy);
}

function optionsFrom(args: ParsedArgs): CommandOptions {
  const options: CommandOptions = {};
  const asOf = flag(args, 'as-of');
  if (asOf !== undefined) {
    const valid =
      /^\d{4}-\d{2}-\d{2}$/.test(asOf) &&
      !Number.isNaN(Date.parse(`${asOf}T00:00:00Z`)) &&
      new Date(`${asOf}T00:00:00Z`).toISOString().startsWith(asOf);
    if (!valid) throw new UsageError(`--as-of ต้องเป็นวันที่ ค.ศ. แบบ YYYY-MM-DD เช่น 2023-03-31 (ได้รับ "${asOf}")`);
    options.asOf = asOf;
  }
  options.fiscalYear = fiscalYearFlag(args);
  const round = flag(args, 'round');
  if (round !== undefined) {
    if (!ROUNDS.some((r) => String(r.months) === round))
      throw new UsageError(`--round ต้องเป็น 6 หรือ 12 (ได้รับ "${round}")`);
    options.round = Number(round) as RoundKind;
  }
  return options;
}

// ---------------------------------------------------------------------------------------------------------

class CliUi implements UiPort {
  readonly toasts: string[] = [];
  toast(message: string, title?: string): void {
    this.toasts.push(title ? `${title}: ${message}` : message);
  }
  alert(title: string, message: string): void {
    this.toasts.push(`${title}: ${message}`);
  }
  prompt(_title: string, _message: string, defaultValue: string): string | null {
    return defaultValue;
  }
}

/** One process works on one file: the offline lock is always free. */
const processLock: LockPort = { tryLock: () => true, release: () => undefined };

function cliNow(): Date {
  const fixed = process.env.ITA_SHEETS_NOW;
  return fixed ? new Date(fixed) : new Date();
}

function cliHost(workbook: WorkbookPort): Host & { ui: CliUi } {
  return { workbook, ui: new CliUi(), lock: processLock, now: cliNow };
}

async function loadWorkbook(file: string | undefined): Promise<XlsxWorkbook> {
  if (!file) throw new UsageError('ต้องระบุไฟล์ .xlsx ที่จะใช้');
  if (!fs.existsSync(file)) throw new UnreadableFile(`ไม่พบไฟล์ "${file}" กรุณาตรวจสอบชื่อและตำแหน่งไฟล์`);
  try {
    return await XlsxWorkbook.load(file);
  } catch (error) {
    throw new UnreadableFile(
      `อ่านไฟล์ "${file}" ไม่ได้: ไฟล์ต้องเป็น .xlsx ที่เปิดได้ใน Excel หรือ Google Sheets (${(error as Error).message})`,
    );
  }
}

class UnreadableFile extends Error {}

// ---------------------------------------------------------------------------------------------------------

export function samplesDir(args?: ParsedArgs): string {
  return (
    flag(args ?? { positional: [], flags: new Map() }, 'samples') ??
    path.join(__dirname, '..', 'sheets-templates', 'samples')
  );
}

export function readSampleFiles(dir: string): SampleFiles {
  const files = {} as SampleFiles;
  for (const [key, name] of Object.entries(SAMPLE_FILE_NAMES) as [keyof SampleFiles, string][]) {
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) throw new UnreadableFile(`ไม่พบไฟล์ข้อมูลตัวอย่าง ${file}`);
    files[key] = fs.readFileSync(file, 'utf8');
  }
  return files;
}

/** The template written into an empty workbook through the same command the menu runs. */
export function buildTemplate(workbook: WorkbookPort, now: Date): void {
  runSetupTemplate({ workbook, ui: new CliUi(), lock: processLock, now: () => now });
}

function schemaJson(): unknown {
  return {
    sheets: INPUT_SHEETS.map((sheet) => ({
      key: sheet.key,
      name: sheet.name,
      layout: sheet.layout,
      tables: sheet.tables.map((t) => ({
        key: t.key,
        title: t.title,
        columns: t.columns.map((c) => ({
          key: c.key,
          header: c.header,
          type: c.type,
          required: c.required,
          aliases: c.aliases ?? [],
        })),
        family: t.family
          ? {
              key: t.family.key,
              example: t.family.headerFor(t.family.key === 'budget' ? 2566 : 1),
              pattern: t.family.match.source,
            }
          : undefined,
      })),
    })),
  };
}

async function runCommands(args: ParsedArgs, io: CliIo): Promise<number> {
  const [, name, file] = args.positional;
  if (!name) throw new UsageError(`ต้องระบุคำสั่งที่จะทำ: ${commandNames().join(', ')}, all`);
  const specs: CommandSpec[] =
    name === 'all' ? [...COMMANDS] : [commandByName(name)].filter((c): c is CommandSpec => !!c);
  if (!specs.length) throw new UsageError(`ไม่รู้จักคำสั่ง "${name}" (มี: ${commandNames().join(', ')}, all)`);
  const options = optionsFrom(args);
  // Commands change the file only through the port, so each sheet is read into a snapshot once.
  const workbook = (await loadWorkbook(file)).keepSnapshots();
  const host = cliHost(workbook);
  const results: Record<string, unknown> = {};
  let failed = false;
  for (const command of specs) {
    const result = command.run(host, options);
    results[command.name] = command.json(result);
    failed ||= command.failed(result);
    io.err(command.summary(result));
  }
  const out = flag(args, 'out');
  if (out) {
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    await workbook.save(out);
    io.err(`บันทึกผลลัพธ์ที่ ${out}`);
  }
  if (args.flags.has('json')) io.out(JSON.stringify(name === 'all' ? results : results[name], null, 2));
  else printDetails(results, io);
  return failed ? 1 : 0;
}

function printDetails(results: Record<string, unknown>, io: CliIo): void {
  const validate = results.validate as { findings: { severity: string; message: string }[] } | undefined;
  for (const f of validate?.findings ?? [])
    io.out(`${f.severity === 'error' ? 'ข้อผิดพลาด' : 'คำเตือน  '}  ${f.message}`);
}

function parsePeriodCommand(args: ParsedArgs, io: CliIo): number {
  const text = args.positional[1];
  if (text === undefined)
    throw new UsageError('ต้องระบุข้อความระยะเวลา เช่น ita-sheets parse-period "ต.ค. 65 - มี.ค. 66"');
  const fy = fiscalYearFlag(args);
  const reading = parsePeriod(text, fy === undefined ? undefined : { fiscalYear: fy });
  if (args.flags.has('json')) {
    io.out(
      JSON.stringify(
        reading.ok
          ? {
              start: reading.start,
              end: reading.end,
              fiscalYears: reading.fiscalYears,
              remark: reading.remark,
              windows: reading.windows,
              readAs: reading.readAs,
            }
          : { error: reading.error, reason: reading.reason },
        null,
        2,
      ),
    );
  } else if (reading.ok) {
    io.out(`อ่านได้เป็น: ${reading.readAs}`);
    io.out(
      `เริ่ม ${reading.start} สิ้นสุด ${reading.end} · ปีงบประมาณ ${reading.fiscalYears.join(', ')}${reading.remark ? ` · หมายเหตุ: ${reading.remark}` : ''}`,
    );
  } else io.out(`อ่านไม่ได้: ${reading.error}`);
  return reading.ok ? 0 : 1;
}

export async function main(
  argv: readonly string[],
  io: CliIo = { out: (t) => console.log(t), err: (t) => console.error(t) },
): Promise<number> {
  try {
    const args = parseArgs(argv);
    const command = args.positional[0];
    if (!command || args.flags.has('help') || command === 'help') {
      io.out(USAGE);
      return command || args.flags.has('help') ? 0 : 2;
    }
    switch (command) {
      case 'template': {
        const out = requireOut(args);
        const workbook = XlsxWorkbook.create();
        buildTemplate(workbook, cliNow());
        await workbook.save(out);
        io.err(`สร้างแม่แบบที่ ${out}`);
        return 0;
      }
      case 'sample': {
        const out = requireOut(args);
        const workbook = XlsxWorkbook.create();
        buildSample(workbook, readSampleFiles(samplesDir(args)));
        await workbook.save(out);
        io.err(`สร้างไฟล์ตัวอย่างที่ ${out}`);
        return 0;
      }
      case 'schema':
        io.out(JSON.stringify(schemaJson(), null, 2));
        return 0;
      case 'parse-period':
        return parsePeriodCommand(args, io);
      case 'run':
        return await runCommands(args, io);
      default:
        throw new UsageError(`ไม่รู้จักคำสั่ง "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof UnreadableFile || error instanceof CommandError) {
      io.err(error.message);
      return 2;
    }
    throw error;
  }
}
