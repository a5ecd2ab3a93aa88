// Which operating-system layers this machine gives the sandbox, beside Node's
// permission model: bubblewrap (own network, PID and IPC namespaces, a
// read-only view of only the code folder and Node), an unprivileged user when
// the grader runs as root, and resource limits (prlimit). Probed once per
// process; RELU_LAB_ISOLATION narrows the choice (for tests, or to compare).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ReluLabError } from '../core/errors.ts';
import { bwrapArgs, permissionFlag } from './sandboxCommand.ts';

/**
 * `auto`: every layer the machine has; `no-bwrap`: all but bubblewrap;
 * `permission-only`: Node's permission model and host.mjs's guards alone,
 * as the sandbox had before the OS layers.
 */
export type IsolationMode = 'auto' | 'no-bwrap' | 'permission-only';
export const ISOLATION_MODES: readonly IsolationMode[] = ['auto', 'no-bwrap', 'permission-only'];

/** The user a sandbox runs as when the grader is root: nobody/nogroup on Debian. */
export const SANDBOX_USER = { uid: 65534, gid: 65534 } as const;

/** What this machine offers, whatever the mode. */
export interface HostFacts {
  /** the grader's effective uid is 0 */
  root: boolean;
  /** Node's binary, as the sandbox runs it */
  nodePath: string;
  /** the shared libraries Node loads (ldd), with the program interpreter; null when ldd could not tell */
  libraries: string[] | null;
  /** bwrap's path when it ran Node in the sandbox's namespaces; `asNobody` when it did so started as SANDBOX_USER */
  bwrap: { path: string; asNobody: boolean } | null;
  /** why bwrap is not usable, when it is not */
  bwrapMissing: string | null;
  /** SANDBOX_USER can run Node (its binary and the folders above it can be read and searched) */
  nobodyRunsNode: boolean;
  prlimit: string | null;
  permissionFlag: string;
}

/** The layers a sandbox gets. */
export interface Isolation {
  mode: IsolationMode;
  /** run inside bubblewrap, started by this path */
  bwrap: string | null;
  /** the user to run as (spawn's uid and gid), when the grader is root and can hand the sandbox to an unprivileged user */
  user: { uid: number; gid: number } | null;
  /** prlimit's path, when the sandbox gets file-size (and, under `user`, process-count) limits */
  prlimit: string | null;
  /** the shared libraries to show inside bubblewrap */
  libraries: string[];
  permissionFlag: string;
}

/** RELU_LAB_ISOLATION's value, `auto` when unset. */
export function isolationMode(env: NodeJS.ProcessEnv = process.env): IsolationMode {
  const value = env.RELU_LAB_ISOLATION;
  if (value === undefined || value === '') return 'auto';
  if ((ISOLATION_MODES as readonly string[]).includes(value)) return value as IsolationMode;
  throw new ReluLabError('usage', `RELU_LAB_ISOLATION=${value} is not a mode: use one of ${ISOLATION_MODES.join(', ')}, or leave it unset`);
}

/** The layers `mode` gets on a machine with `facts`. */
export function chooseIsolation(facts: HostFacts, mode: IsolationMode): Isolation {
  const bwrap = mode === 'auto' && facts.bwrap !== null && facts.libraries !== null ? facts.bwrap : null;
  const osLayers = mode !== 'permission-only';
  // Under bwrap the sandbox becomes nobody only if bwrap works so started;
  // otherwise bwrap runs as root and drops every capability instead.
  const user = osLayers && facts.root && (bwrap ? bwrap.asNobody : facts.nobodyRunsNode) ? { ...SANDBOX_USER } : null;
  return {
    mode,
    bwrap: bwrap?.path ?? null,
    user,
    prlimit: osLayers ? facts.prlimit : null,
    libraries: bwrap ? (facts.libraries ?? []) : [],
    permissionFlag: facts.permissionFlag,
  };
}

/** `name`'s path on PATH (or in the usual system folders, for a grader started with an empty PATH), or null. */
export function findProgram(name: string, searchPath = process.env.PATH ?? ''): string | null {
  const dirs = [...searchPath.split(':').filter(Boolean), '/usr/bin', '/bin', '/usr/sbin', '/sbin'];
  for (const dir of dirs) {
    const file = path.join(dir, name);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      if (fs.statSync(file).isFile()) return file;
    } catch {
      // not here
    }
  }
  return null;
}

/** The absolute paths in `ldd` output: each library Node loads and the program interpreter. */
export function parseLdd(output: string): string[] {
  const found = new Set<string>();
  for (const line of output.split('\n')) {
    const match = /(?:=>\s*)?(\/\S+)\s+\(0x[0-9a-f]+\)/.exec(line);
    if (match) found.add(match[1]);
  }
  return [...found];
}

/** True when uid/gid can search every folder above `file` and execute it (by the permission bits, as the kernel would judge). */
export function canExecute(file: string, who: { uid: number; gid: number }): boolean {
  const allowed = (stat: fs.Stats, bit: number) =>
    stat.uid === who.uid ? (stat.mode & (bit << 6)) !== 0 : stat.gid === who.gid ? (stat.mode & (bit << 3)) !== 0 : (stat.mode & bit) !== 0;
  try {
    const real = fs.realpathSync(file);
    const parts = real.split('/').filter(Boolean);
    for (let i = 0; i < parts.length; i++) {
      if (!allowed(fs.statSync(`/${parts.slice(0, i).join('/')}`), 1)) return false;
    }
    const stat = fs.statSync(real);
    return allowed(stat, 1) && allowed(stat, 4);
  } catch {
    return false;
  }
}

function lddOf(nodePath: string): string[] | null {
  const ldd = findProgram('ldd');
  if (ldd === null) return null;
  const run = spawnSync(ldd, [nodePath], { encoding: 'utf8', timeout: 10_000 });
  if (run.status !== 0) return null;
  const found = parseLdd(run.stdout);
  return found.length > 0 ? found : null;
}

/** Runs `node --version` inside bwrap as the sandbox would be run; the error's words when it fails. */
function probeBwrap(bwrap: string, nodePath: string, libraries: string[], user: { uid: number; gid: number } | null): string | null {
  const codeDir = path.dirname(nodePath);
  const args = [...bwrapArgs({ codeDir, cwd: codeDir, nodePath, libraries, dropCapabilities: user === null }), nodePath, '--version'];
  const run = spawnSync(bwrap, args, { encoding: 'utf8', env: {}, timeout: 10_000, ...(user ?? {}) });
  if (run.status === 0 && run.stdout.trim() === `v${process.versions.node}`) return null;
  return (run.stderr || run.error?.message || `exit code ${run.status}`).trim().split('\n')[0];
}

/** Probes this machine (bwrap is run once or twice: about 30 ms). */
export function detectHost(): HostFacts {
  const root = process.geteuid?.() === 0;
  const nodePath = fs.realpathSync(process.execPath);
  const nobodyRunsNode = root && canExecute(nodePath, SANDBOX_USER);
  const libraries = lddOf(nodePath);
  const bwrapPath = findProgram('bwrap');
  let bwrap: HostFacts['bwrap'] = null;
  let bwrapMissing: string | null = null;
  if (bwrapPath === null) bwrapMissing = 'bwrap is not installed';
  else if (libraries === null) bwrapMissing = `ldd could not list the libraries of ${nodePath}`;
  else {
    const asNobody = nobodyRunsNode ? probeBwrap(bwrapPath, nodePath, libraries, SANDBOX_USER) === null : false;
    const failure = asNobody ? null : probeBwrap(bwrapPath, nodePath, libraries, null);
    if (failure === null) bwrap = { path: bwrapPath, asNobody };
    else bwrapMissing = `bwrap could not run Node: ${failure}`;
  }
  return {
    root,
    nodePath,
    libraries,
    bwrap,
    bwrapMissing,
    nobodyRunsNode,
    prlimit: findProgram('prlimit'),
    permissionFlag: permissionFlag(process.versions.node),
  };
}

let facts: HostFacts | undefined;
const chosen = new Map<IsolationMode, Isolation>();

/** This machine's facts, probed on first use. */
export function hostFacts(): HostFacts {
  facts ??= detectHost();
  return facts;
}

/** The layers sandboxes of this process get, for the mode RELU_LAB_ISOLATION names now. */
export function currentIsolation(env: NodeJS.ProcessEnv = process.env): Isolation {
  const mode = isolationMode(env);
  let isolation = chosen.get(mode);
  if (isolation === undefined) {
    isolation = chooseIsolation(hostFacts(), mode);
    chosen.set(mode, isolation);
  }
  return isolation;
}
