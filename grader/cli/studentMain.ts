// The student edition's command line (bundled into .relu-lab/relu-lab.mjs in
// the starter repository): the self-check, CI feedback and the score history.
// No grading engine, reference or hidden check is part of it; with a hidden
// bundle the engine comes from the bundle.
import type { Command } from './commands/Command.ts';
import { ci } from './commands/ci.ts';
import { history } from './commands/history.ts';
import type { Io } from '../core/Io.ts';
import { dispatch } from './dispatch.ts';
import { selfCheck } from './commands/self-check.ts';

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
export function studentMain(argv: string[], io: Io): Promise<number> {
  return dispatch({ commands: STUDENT_COMMANDS, usage: studentUsage, helpHint: 'run it with --help for the list' }, argv, io);
}
