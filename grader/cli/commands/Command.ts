import type { Io } from '../../core/Io.ts';

export interface Command {
  /** one line for the command list */
  summary: string;
  /** the synopsis shown with usage errors */
  usage: string;
  run(args: string[], io: Io): Promise<number>;
}
