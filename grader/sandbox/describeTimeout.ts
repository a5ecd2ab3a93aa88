// What a call that ran past its time limit came to. Near its heap limit V8
// collects garbage over and over before it gives up, so a call that is slow
// because it ran out of memory is said so, rather than blamed on a loop.
import fs from 'node:fs';

/** A process past this share of its heap limit when a call times out is out of memory. */
export const MEMORY_NEAR_LIMIT = 0.9;

export interface TimedOutCall {
  /** e.g. `exercises/backprop.ts backward` */
  label: string;
  pid: number | undefined;
  callTimeoutMs: number;
  memoryMb: number;
  /** calls in the batch, or null for a single call */
  batchSize: number | null;
}

export function describeTimeout(call: TimedOutCall): { kind: 'crashed' | 'timed-out'; message: string } {
  const rssMb = residentMb(call.pid);
  if (rssMb !== null && rssMb >= MEMORY_NEAR_LIMIT * call.memoryMb) {
    return { kind: 'crashed', message: `${call.label} ran out of memory (it was using ${Math.round(rssMb)} MB, the limit is ${call.memoryMb} MB)` };
  }
  const batch = call.batchSize === null ? '' : ` (in a batch of ${call.batchSize} calls)`;
  return { kind: 'timed-out', message: `${call.label} timed out after ${call.callTimeoutMs} ms${batch}` };
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
