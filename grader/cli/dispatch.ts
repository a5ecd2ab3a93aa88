// Runs one command of a command table: help, version, usage errors (exit 2),
// coded errors and the unexpected. Shared by the relu-lab CLI and the
// student edition bundled into the starter repository; it returns the exit
// code and leaves ending the process to the entry point.
import { isReluLabError } from '../core/errors.ts';
import { graderVersion } from '../engine/graderVersion.ts';
import type { Command } from './commands/Command.ts';
import type { Io } from '../core/Io.ts';

/** Codes that mean the user must change what they asked for. */
const USAGE_CODES = new Set(['usage', 'assignment-not-found', 'assignment-invalid', 'manifest-invalid', 'manifest-missing', 'submission-missing']);

export interface CommandTable {
  commands: Record<string, Command>;
  /** the text listing the commands */
  usage: () => string;
  /** how to ask for the list, in an error message */
  helpHint: string;
}

export async function dispatch(table: CommandTable, argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(table.usage());
    return name ? 0 : 2;
  }
  if (name === '--version') {
    io.out(`${await graderVersion()}\n`);
    return 0;
  }
  const command = table.commands[name];
  if (!command) {
    io.err(`relu-lab: unknown command "${name}"; ${table.helpHint}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${command.summary}\n${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (isReluLabError(e, 'usage')) {
      io.err(`relu-lab ${name}: ${e.message}\n${command.usage}\n`);
      return 2;
    }
    if (isReluLabError(e)) {
      io.err(`relu-lab ${name}: ${e.message} [${e.code}]\n`);
      return USAGE_CODES.has(e.code) ? 2 : 1;
    }
    io.err(`relu-lab ${name}: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  }
}
