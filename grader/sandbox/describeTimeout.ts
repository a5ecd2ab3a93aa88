// What a call that ran past a time limit came to, naming the limit: its own
// (a call's), its call group's, or the submission's deadline. Near its heap limit
// V8 collects garbage over and over before it gives up, so a call that is
// slow because it ran out of memory is said so, rather than blamed on a loop.
import fs from 'node:fs';
import { sandboxNodePid } from './spawnHost.ts';

/** A process past this share of its heap limit when a call times out is out of memory. */
export const MEMORY_NEAR_LIMIT = 0.9;

/** Which limit ran out: one call's, a whole call group's, or the submission's deadline. */
export type TimeLimitKind = 'call' | 'group' | 'submission';

export interface TimedOutCall {
  /** e.g. `exercises/tables.ts sumRows` */
  label: string;
  pid: number | undefined;
  callTimeoutMs: number;
  memoryMb: number;
  /** calls in the call group, or null for a single call */
  groupSize: number | null;
  /** a limit other than the call's own that ran out, with its length; absent: the call's */
  limit?: { kind: 'group' | 'submission'; ms: number };
}

export type TimeoutDescription = { kind: 'crashed'; message: string } | { kind: 'timed-out'; message: string; limit: TimeLimitKind };

export function describeTimeout(call: TimedOutCall): TimeoutDescription {
  // under bubblewrap call.pid is bwrap's: the memory is Node's, below it
  const rssMb = residentMb(call.pid === undefined ? undefined : sandboxNodePid(call.pid));
  if (rssMb !== null && rssMb >= MEMORY_NEAR_LIMIT * call.memoryMb) {
    return { kind: 'crashed', message: `${call.label} ran out of memory (it was using ${Math.round(rssMb)} MB, the limit is ${call.memoryMb} MB)` };
  }
  const group = call.groupSize === null ? '' : ` (in a call group of ${call.groupSize} calls)`;
  switch (call.limit?.kind) {
    case 'group':
      return {
        kind: 'timed-out',
        limit: 'group',
        message: `${call.label} was stopped when its call group's time limit (${call.limit.ms} ms for all ${call.groupSize ?? 1} calls) ran out`,
      };
    case 'submission':
      return { kind: 'timed-out', limit: 'submission', message: `${call.label} was stopped at the submission's deadline of ${call.limit.ms} ms${group}` };
    default:
      return { kind: 'timed-out', limit: 'call', message: `${call.label} timed out after ${call.callTimeoutMs} ms${group}` };
  }
}

/** Resident memory of a process in MB from /proc (Linux), or null where unavailable. */
export function residentMb(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}
