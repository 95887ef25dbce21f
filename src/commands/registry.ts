/**
 * The commands `ita-sheets run NAME` and "เตรียมส่งผู้บังคับบัญชา" know, in the order `run all` runs them.
 * Each gives its result as JSON (dates ISO C.E., years B.E.) and a one-line Thai summary.
 */
import type { RoundKind } from '../core/schema';
import type { IsoDate } from '../core/thai/dates';
import type { Host } from '../port/workbook';
import { runValidate } from './validate';

export interface CommandOptions {
  asOf?: IsoDate;
  fiscalYear?: number;
  round?: RoundKind;
}

export interface CommandSpec {
  name: string;
  title: string;
  run(host: Host, options: CommandOptions): unknown;
  json(result: unknown): unknown;
  /** 1 when the result holds errors the user must fix. */
  failed(result: unknown): boolean;
  summary(result: unknown): string;
}

function spec<R>(s: {
  name: string;
  title: string;
  run(host: Host, options: CommandOptions): R;
  json(result: R): unknown;
  failed?(result: R): boolean;
  summary(result: R): string;
}): CommandSpec {
  return {
    name: s.name,
    title: s.title,
    run: s.run,
    json: (r) => s.json(r as R),
    failed: (r) => (s.failed ? s.failed(r as R) : false),
    summary: (r) => s.summary(r as R),
  };
}

export const COMMANDS: readonly CommandSpec[] = [
  spec({
    name: 'validate',
    title: 'ตรวจสอบข้อมูล',
    run: (host) => runValidate(host),
    json: (r) => ({
      errors: r.errors,
      warnings: r.warnings,
      findings: r.findings.map((f) => ({
        sheet: f.sheet,
        cell: f.cell,
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        value: f.value,
        readAs: f.readAs,
      })),
    }),
    failed: (r) => r.errors > 0,
    summary: (r) => `ตรวจสอบข้อมูล: ข้อผิดพลาด ${r.errors} รายการ คำเตือน ${r.warnings} รายการ`,
  }),
];

export function commandByName(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}
