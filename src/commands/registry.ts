/** The commands `ita-sheets run NAME` knows, in the order `run all` runs them. */
import type { CommandSpec } from './command-spec';
import { budgetCommand } from './budget';
import { itaCommand } from './ita-summary';
import { validateCommand } from './validate';

export type { CommandOptions, CommandSpec } from './command-spec';

export const COMMANDS: readonly CommandSpec[] = [validateCommand, budgetCommand, itaCommand];

export function commandByName(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}
