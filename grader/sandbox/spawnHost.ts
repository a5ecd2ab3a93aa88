// Starts the sandbox's child process: host.mjs copied into the code folder
// (the only folder it may read), run by this Node under the permission model
// with an empty environment, in a process group of its own, with its pid
// recorded beside the code folder for an outer deadline to find; inside
// bubblewrap, as an unprivileged user and with resource limits where the
// machine allows (isolation.ts). Its life (state, start time-out, the group
// kill, stderr) is a ChildLifecycle's.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ChildLifecycle } from '../core/ChildLifecycle.ts';
import { ReluLabError } from '../core/errors.ts';
import { currentIsolation, hostFacts, type Isolation } from './isolation.ts';
import { sandboxCommand, sandboxLaunch } from './sandboxCommand.ts';

const HOST_SOURCE = fileURLToPath(new URL('./host.mjs', import.meta.url));
/** host.mjs's imports: how results become plain data, and how values JSON cannot carry travel */
const HOST_IMPORTS = [fileURLToPath(new URL('./plainData.mjs', import.meta.url)), fileURLToPath(new URL('./wire.mjs', import.meta.url))];

/** The file, beside codeDir, that lists (one per line) the pids of the sandboxes started on it. */
export function pidsFile(codeDir: string): string {
  return path.join(codeDir, '..', 'sandbox.pids');
}

/** The empty folder, beside codeDir, that is a sandbox's working directory when it does not run in bubblewrap. */
export function emptyDirOf(codeDir: string): string {
  return path.join(codeDir, '..', 'sandbox-cwd');
}

/**
 * The sandbox's scheduling priority (nice value). Student code that loops or
 * thrashes the garbage collector until its time limit burns a core for
 * nothing; at a lower priority it gets only what grading leaves idle, while
 * its time limit, on the wall clock, is unchanged. Code that returns is
 * unaffected: the grader waits on it.
 */
export const SANDBOX_NICENESS = 10;

/**
 * The pid of the Node process of the sandbox whose process (and group) is
 * `pid`: `pid` itself, or under bubblewrap the process two levels below
 * bwrap's (bwrap, then bwrap as the PID namespace's first process, then
 * Node). What /proc tells of Node (its title, its memory) is read there.
 * `pid` itself where /proc cannot tell (not Linux, or already gone).
 */
export function sandboxNodePid(pid: number): number {
  let current = pid;
  try {
    for (let depth = 0; depth < 2; depth++) {
      const program = fs.readFileSync(`/proc/${current}/cmdline`, 'utf8').split('\0')[0];
      if (path.basename(program) !== 'bwrap') break;
      const children = fs.readFileSync(`/proc/${current}/task/${current}/children`, 'utf8').trim().split(' ');
      if (children.length !== 1 || children[0] === '') break;
      current = Number(children[0]);
    }
  } catch {
    // gone, or not Linux
  }
  return current;
}

/**
 * Lets the sandbox's unprivileged user search every folder above `dir` and
 * read `dir` itself: the grader's private temporary folders are made for its
 * own user only (mkdtemp gives 700). Adds
 * search (o+x, not listing) to each folder above that lacks it, and read to
 * `dir` and its files; reading anything outside the code folder stays
 * forbidden by the permission model.
 */
function openTo(dir: string): void {
  const parts = dir.split('/').filter(Boolean);
  for (let i = 0; i < parts.length; i++) {
    const above = `/${parts.slice(0, i).join('/')}`;
    const mode = fs.statSync(above).mode;
    if ((mode & 0o001) === 0) fs.chmodSync(above, (mode & 0o7777) | 0o001);
  }
  fs.chmodSync(dir, 0o755);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile()) fs.chmodSync(path.join(dir, entry.name), 0o644);
    else if (entry.isDirectory()) openTo(path.join(dir, entry.name));
  }
}

/**
 * Spawns the host on `codeDir` (an existing folder); `codeDir` in the result
 * is its real path. `isolation` defaults to this process's (isolation.ts).
 * The host is ready once the caller hears host.mjs say so (`markReady`);
 * after that it keeps the grader alive no longer, and it is killed if the
 * grader's process exits first.
 */
export function spawnHost(opts: { codeDir: string; memoryMb: number; startTimeoutMs: number; isolation?: Isolation }): {
  host: ChildLifecycle;
  codeDir: string;
} {
  const isolation = opts.isolation ?? currentIsolation();
  let codeDir: string;
  let emptyDir: string;
  try {
    codeDir = fs.realpathSync(opts.codeDir);
    fs.copyFileSync(HOST_SOURCE, path.join(codeDir, 'host.mjs'));
    for (const file of HOST_IMPORTS) fs.copyFileSync(file, path.join(codeDir, path.basename(file)));
    // read-only for everyone, its owner included (who is the sandbox, when the grader is not root)
    emptyDir = emptyDirOf(codeDir);
    fs.mkdirSync(emptyDir, { recursive: true, mode: 0o555 });
    fs.chmodSync(emptyDir, 0o555);
    if (isolation.user !== null) openTo(codeDir);
  } catch (e) {
    throw new ReluLabError(
      'sandbox-unavailable',
      `cannot prepare the sandbox folder ${opts.codeDir}: ${(e as Error).message}; compile the submission into an existing, writable folder first`,
      { cause: e },
    );
  }
  const nodeArgs = sandboxCommand({ codeDir, hostFile: path.join(codeDir, 'host.mjs'), memoryMb: opts.memoryMb, niceness: SANDBOX_NICENESS });
  const launch = sandboxLaunch({ isolation, nodePath: hostFacts().nodePath, nodeArgs, codeDir, emptyDir });
  // its own process group, led by child.pid: under bubblewrap that is bwrap,
  // and killing it kills Node too (--die-with-parent, then the PID
  // namespace ends with its first process)
  const host = ChildLifecycle.spawn({
    file: launch.file,
    args: launch.args,
    options: {
      cwd: launch.cwd,
      ...(launch.user ?? {}),
      env: {},
      // descriptor 3 is the channel: a socket both ways, lines of JSON that
      // the grader parses itself (ReplyReader.ts), not Node's IPC channel,
      // whose parser throws in the grader on a line student code wrote
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    },
    startTimeoutMs: opts.startTimeoutMs,
    unrefWhenReady: true,
    // a sandbox stuck in a loop would outlive the grader: its channel closing does not reach it
    killWithParent: true,
  });
  const child = host.child;
  if (isolation.bwrap !== null) reportSignalsAsSignals(child);
  if (child.pid !== undefined) {
    try {
      // host.mjs lowers its own priority too (under bubblewrap, Node is not child.pid)
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
  return { host, codeDir };
}

/**
 * bubblewrap reports a command killed by signal N as exit code 128 + N (as a
 * shell would). The sandbox's child is bwrap, so its 'exit' event is given
 * back the signal, and a crash reads the same with or without bubblewrap.
 */
function reportSignalsAsSignals(child: ChildProcess): void {
  const emit = child.emit.bind(child);
  const names = new Map(Object.entries(os.constants.signals).map(([name, number]) => [128 + number, name as NodeJS.Signals]));
  child.emit = ((event: string | symbol, ...args: unknown[]) => {
    if ((event === 'exit' || event === 'close') && args[1] === null && typeof args[0] === 'number' && names.has(args[0])) {
      return emit(event, null, names.get(args[0]));
    }
    return emit(event, ...args);
  }) as ChildProcess['emit'];
}
