// Words for how a sandbox process ended, as the end of a sentence whose
// subject is the student code that ended it.
import type { CallError } from './CallOutcome.ts';

export interface CrashFacts {
  /** exit code, when the process exited */
  code: number | null;
  /** signal, when it was killed */
  signal: NodeJS.Signals | null;
  /** an error thrown outside any call, as the sandbox reported it before stopping */
  uncaught: CallError | null;
  /** the end of what the process wrote to stderr (Node's own fatal errors land there) */
  stderr: string;
  memoryMb: number;
}

/** The exit code host.mjs uses when its channel to the grader (descriptor 3) closes. */
export const HOST_EXIT_DISCONNECTED = 71;

/** How V8 says on stderr that the process ran out of memory, just before it aborts. */
export const OUT_OF_MEMORY = /heap out of memory|Reached heap limit|Allocation failed|Fatal process out of memory/i;

/** E.g. `ran out of memory (limit 256 MB)`; `ended the sandbox process with exit code 0 (...)`. */
export function describeCrash(facts: CrashFacts): string {
  if (facts.uncaught) {
    const { name, message } = facts.uncaught;
    return `threw ${name}: ${message} outside any call (in a timer or callback?), which stops the sandbox`;
  }
  if (OUT_OF_MEMORY.test(facts.stderr)) return `ran out of memory (limit ${facts.memoryMb} MB)`;
  if (facts.code === HOST_EXIT_DISCONNECTED) return 'closed its connection to the grader';
  if (facts.signal !== null) return `ended the sandbox process with signal ${facts.signal}`;
  if (facts.code !== null) return `ended the sandbox process with exit code ${facts.code} (does it call process.exit?)`;
  return 'ended the sandbox process';
}
