/**
 * How a command presents itself to `ita-sheets run NAME`, `run all` and "เตรียมส่งผู้บังคับบัญชา":
 * its result as JSON (dates ISO C.E., years B.E.) and a one-line Thai summary.
 */
import type { RoundKind } from '../core/schema';
import type { IsoDate } from '../core/thai/dates';
import type { Host } from '../port/workbook';

export interface CommandOptions {
  /** Overrides the settings' as-of date (CLI --as-of). */
  asOf?: IsoDate;
  /** Overrides the tracked fiscal year (CLI --fy; the menu asks). */
  fiscalYear?: number;
  /** Overrides the reporting round (CLI --round). */
  round?: RoundKind;
}

export interface CommandSpec {
  name: string;
  title: string;
  run(host: Host, options: CommandOptions): unknown;
  json(result: unknown): unknown;
  /** True when the result holds errors the user must fix (CLI exit code 1). */
  failed(result: unknown): boolean;
  summary(result: unknown): string;
}

export function defineCommand<R>(s: {
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
