/**
 * The commands the benchmark measures, each with the state it is measured in: a report command runs
 * once beforehand (unmeasured) so the measured run replaces its sheet and marks as a repeat run does;
 * "ล้างเครื่องหมาย" runs after validation and the overdue check have marked cells; the tracking-rows
 * command appends the rows of 2567 (every item active that year gets one); the template repair runs on
 * the complete workbook. The menu's questions are answered by options (and by the fake's scripted
 * answers through Google Sheets: an empty answer takes the suggested value).
 */
import { runBudget } from '../src/commands/budget';
import { runClearMarks } from '../src/commands/clear-marks';
import type { CommandOptions } from '../src/commands/command-spec';
import { runItaSummary } from '../src/commands/ita-summary';
import { runOverdue } from '../src/commands/overdue';
import { runPrepareForSupervisors } from '../src/commands/prepare';
import { runProgressSummary } from '../src/commands/progress-summary';
import { runSetupTemplate } from '../src/commands/setup-template';
import { runSignOff } from '../src/commands/signoff';
import { runStaleCheck } from '../src/commands/stale';
import { runCreateTrackingRows } from '../src/commands/tracking-rows';
import { runValidate } from '../src/commands/validate';
import type { Host } from '../src/port/workbook';

export interface BenchCommand {
  name: string;
  /** Prompts the command shows (each answered with the suggested value). */
  prompts: number;
  run(host: Host): unknown;
  /** Brings the workbook to the state the command is measured in. */
  prepare(host: Host): void;
  /** For a command made of others (เตรียมส่งผู้บังคับบัญชา): the bench commands it runs. */
  steps?: readonly string[];
}

const SUMMARY: CommandOptions = { fiscalYear: 2566, round: 6 };
const TRACKING: CommandOptions = { fiscalYear: 2567 };

const validate = (host: Host) => runValidate(host);
const prepareForSupervisors = (host: Host) => runPrepareForSupervisors(host, SUMMARY);
const overdue = (host: Host) => runOverdue(host, {});

export const BENCH_COMMANDS: readonly BenchCommand[] = [
  { name: 'validate', prompts: 0, run: validate, prepare: validate },
  { name: 'budget', prompts: 0, run: (h) => runBudget(h, {}), prepare: (h) => runBudget(h, {}) },
  { name: 'overdue', prompts: 0, run: overdue, prepare: overdue },
  {
    name: 'summary',
    prompts: 2,
    run: (h) => runProgressSummary(h, SUMMARY),
    prepare: (h) => runProgressSummary(h, SUMMARY),
  },
  { name: 'ita', prompts: 0, run: (h) => runItaSummary(h, {}), prepare: (h) => runItaSummary(h, {}) },
  {
    name: 'tracking-rows',
    prompts: 1,
    run: (h) => runCreateTrackingRows(h, TRACKING),
    prepare: () => undefined,
  },
  {
    name: 'clear-marks',
    prompts: 0,
    run: (h) => runClearMarks(h),
    prepare: (h) => {
      validate(h);
      overdue(h);
    },
  },
  { name: 'setup-template', prompts: 0, run: (h) => runSetupTemplate(h), prepare: () => undefined },
  {
    name: 'prepare',
    prompts: 0,
    run: prepareForSupervisors,
    prepare: prepareForSupervisors,
    steps: ['validate', 'budget', 'overdue', 'summary', 'ita'],
  },
  // After เตรียมส่ง: every report has a fingerprint to compare and a banner to rewrite.
  { name: 'stale', prompts: 0, run: (h) => runStaleCheck(h), prepare: prepareForSupervisors },
  { name: 'signoff', prompts: 0, run: (h) => runSignOff(h), prepare: prepareForSupervisors },
];

export function benchCommand(name: string): BenchCommand {
  const command = BENCH_COMMANDS.find((c) => c.name === name);
  if (!command) throw new Error(`bench: no command ${name}`);
  return command;
}
