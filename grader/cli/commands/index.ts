// The commands relu-lab knows, and the help text built from them.
import { bulk } from './bulk.ts';
import { ci } from './ci.ts';
import type { Command } from './Command.ts';
import { doctor } from './doctor.ts';
import { exportStudentCommand } from './export-student.ts';
import { grade } from './grade.ts';
import { history } from './history.ts';
import { merge } from './merge.ts';
import { packHiddenCommand } from './pack-hidden.ts';
import { report } from './report.ts';
import { validate } from './validate.ts';

export const COMMANDS: Record<string, Command> = {
  bulk,
  ci,
  doctor,
  'export-student': exportStudentCommand,
  grade,
  history,
  merge,
  'pack-hidden': packHiddenCommand,
  report,
  validate,
};

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `relu-lab: a teaching suite and autograder for ReLU, backpropagation and dead neurons\n\nusage: relu-lab <command> [options]\n\n${lines.join('\n')}\n\nrelu-lab <command> --help shows a command's options.\n`;
}
