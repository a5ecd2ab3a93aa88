// Which call of a call group a sandbox is stuck in. host.mjs writes
// `relu-lab-sandbox <request id> <index>` into its process title before each
// call of a callMany, and Linux shows the title as the process's command line.
// Read just before the process is killed, it names the call that never
// returned, so its input can be reported without running the call group again.
// Under bubblewrap the title is Node's, below the sandbox's pid (bwrap's).
import fs from 'node:fs';
import { sandboxNodePid } from './spawnHost.ts';

const TITLE = /^relu-lab-sandbox (\d+) (\d+)$/;

/**
 * The index of the call of call group `requestId` that process `pid` is in, or
 * null where that cannot be known (not Linux, the process is gone, or student
 * code changed the title).
 */
export function callInProgress(pid: number | undefined, requestId: number, groupSize: number): number | null {
  if (pid === undefined) return null;
  let title: string;
  try {
    title = fs.readFileSync(`/proc/${sandboxNodePid(pid)}/cmdline`, 'utf8').split('\0')[0];
  } catch {
    return null;
  }
  const match = TITLE.exec(title);
  if (!match || Number(match[1]) !== requestId) return null;
  const index = Number(match[2]);
  return index < groupSize ? index : null;
}
