// The relu-lab command line: parses the command name and hands the rest to
// the command. Returns the exit code; bin/relu-lab.mjs ends the process.
import { isReluLabError } from '../core/errors.ts';
import { COMMANDS, usage } from './commands/index.ts';
import type { Io } from './Io.ts';
import { processIo } from './Io.ts';

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name ? 0 : 2;
  }
  if (name === '--version') {
    io.out((await import('../engine/graderVersion.ts').then((m) => m.graderVersion())) + '\n');
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`relu-lab: unknown command "${name}"; run relu-lab --help for the list\n`);
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
      return e.code === 'manifest-invalid' || e.code === 'manifest-missing' || e.code === 'submission-missing' ? 2 : 1;
    }
    io.err(`relu-lab ${name}: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  }
}
