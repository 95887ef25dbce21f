/** The commands `ita-sheets run NAME` knows, in the order `run all` runs them. */
import type { CommandSpec } from './command-spec';
import { budgetCommand } from './budget';
import { itaCommand } from './ita-summary';
import { overdueCommand } from './overdue';
import { prepareCommand } from './prepare';
import { signOffCommand } from './signoff';
import { staleCommand } from './stale';
import { progressSummaryCommand } from './progress-summary';
import { trackingRowsCommand } from './tracking-rows';
import { validateCommand } from './validate';

export type { CommandOptions, CommandSpec } from './command-spec';

/** What `run all` runs, in order. */
export const COMMANDS: readonly CommandSpec[] = [
  validateCommand,
  budgetCommand,
  overdueCommand,
  progressSummaryCommand,
  itaCommand,
];

/** Commands that add to the user's data, run only when named (not part of `run all`). */
export const DATA_COMMANDS: readonly CommandSpec[] = [trackingRowsCommand];

/** Sharing with supervisors, run only when named (prepare runs the COMMANDS itself). */
export const SHARE_COMMANDS: readonly CommandSpec[] = [prepareCommand, staleCommand, signOffCommand];

function allCommands(): CommandSpec[] {
  return [...COMMANDS, ...DATA_COMMANDS, ...SHARE_COMMANDS];
}

export function commandByName(name: string): CommandSpec | undefined {
  return allCommands().find((c) => c.name === name);
}

export function commandNames(): string[] {
  return allCommands().map((c) => c.name);
}
