// Starts the sandbox's child process: host.mjs copied into the code folder
// (the only folder it may read), run by this Node under the permission model
// with an empty environment, in a process group of its own, with its pid
// recorded beside the code folder for an outer deadline to find.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ReluLabError } from '../core/errors.ts';
import { sandboxCommand } from './sandboxCommand.ts';

const HOST_SOURCE = fileURLToPath(new URL('./host.mjs', import.meta.url));
/** host.mjs's imports: how results become plain data, and how values JSON cannot carry travel */
const HOST_IMPORTS = [fileURLToPath(new URL('./plainData.mjs', import.meta.url)), fileURLToPath(new URL('./wire.mjs', import.meta.url))];

/** The file, beside codeDir, that lists (one per line) the pids of the sandboxes started on it. */
export function pidsFile(codeDir: string): string {
  return path.join(codeDir, '..', 'sandbox.pids');
}

/**
 * The sandbox's scheduling priority (nice value). Student code that loops or
 * thrashes the garbage collector until its time limit burns a core for
 * nothing; at a lower priority it gets only what grading leaves idle, while
 * its time limit, on the wall clock, is unchanged. Code that returns is
 * unaffected: the grader waits on it.
 */
export const SANDBOX_NICENESS = 10;

/** Kills the process group led by `pid` (the sandbox and anything it started), if it is still there. */
export function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Spawns the host on `codeDir` (an existing folder); `codeDir` in the result is its real path. */
export function spawnHost(opts: { codeDir: string; memoryMb: number }): { child: ChildProcess; codeDir: string } {
  let codeDir: string;
  try {
    codeDir = fs.realpathSync(opts.codeDir);
    fs.copyFileSync(HOST_SOURCE, path.join(codeDir, 'host.mjs'));
    for (const file of HOST_IMPORTS) fs.copyFileSync(file, path.join(codeDir, path.basename(file)));
  } catch (e) {
    throw new ReluLabError(
      'sandbox-unavailable',
      `cannot prepare the sandbox folder ${opts.codeDir}: ${(e as Error).message}; compile the submission into an existing, writable folder first`,
      { cause: e },
    );
  }
  const args = sandboxCommand({ codeDir, hostFile: path.join(codeDir, 'host.mjs'), memoryMb: opts.memoryMb });
  const child = spawn(process.execPath, args, {
    cwd: codeDir,
    env: {},
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    // JSON, not 'advanced': a third of the cost for arrays of numbers (see wire.mjs)
    serialization: 'json',
  });
  if (child.pid !== undefined) {
    try {
      os.setPriority(child.pid, SANDBOX_NICENESS);
    } catch {
      // a priority the system refuses leaves the sandbox as fast as the grader
    }
    try {
      fs.appendFileSync(pidsFile(codeDir), `${child.pid}\n`);
    } catch {
      // the record serves an outer deadline; the sandbox works without it
    }
  }
  return { child, codeDir };
}
