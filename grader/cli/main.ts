// The relu-lab command line: hands the arguments to the command they name.
// Returns the exit code; bin/relu-lab.mjs ends the process.
import { COMMANDS, usage } from './commands/index.ts';
import { dispatch } from './dispatch.ts';
import type { Io } from '../core/Io.ts';
import { processIo } from '../core/Io.ts';

export function main(argv: string[], io: Io = processIo()): Promise<number> {
  return dispatch({ commands: COMMANDS, usage, helpHint: 'run relu-lab --help for the list' }, argv, io);
}
