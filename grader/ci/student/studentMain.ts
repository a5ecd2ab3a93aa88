// The student edition's command line (bundled into .relu-lab/relu-lab.mjs in
// the starter repository): the self-check, CI feedback and the score history.
// No grading engine, reference or hidden check is part of it; with a hidden
// bundle the engine comes from the bundle.
import type { Command } from '../../cli/commands/Command.ts';
import { ci } from '../../cli/commands/ci.ts';
import { history } from '../../cli/commands/history.ts';
import type { Io } from '../../cli/Io.ts';
import { isReluLabError } from '../../core/errors.ts';
import { graderVersion } from '../../engine/graderVersion.ts';
import { selfCheck } from './selfCheck.ts';

export const STUDENT_COMMANDS: Record<string, Command> = {
  grade: selfCheck,
  ci,
  history,
};

export function studentUsage(): string {
  const width = Math.max(...Object.keys(STUDENT_COMMANDS).map((n) => n.length));
  const lines = Object.entries(STUDENT_COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `relu-lab (student edition): the self-check and CI feedback for the exercises\n\nusage: node .relu-lab/relu-lab.mjs <command> [options]\n\n${lines.join('\n')}\n\n<command> --help shows a command's options.\n`;
}

/** Runs one command; returns the exit code (the entry ends the process). */
export async function studentMain(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(studentUsage());
    return name ? 0 : 2;
  }
  if (name === '--version') {
    io.out(`${await graderVersion()}\n`);
    return 0;
  }
  const command = STUDENT_COMMANDS[name];
  if (!command) {
    io.err(`relu-lab: unknown command "${name}"; run it with --help for the list\n`);
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
      return 1;
    }
    io.err(`relu-lab ${name}: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  }
}
