// How much memory a sandbox process holds, to tell a call that is slow
// because it ran out of memory from one that loops.
import fs from 'node:fs';

/** A process past this share of its heap limit when a call times out is out of memory. */
export const MEMORY_NEAR_LIMIT = 0.9;

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
