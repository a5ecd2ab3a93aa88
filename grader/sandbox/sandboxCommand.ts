// The command line of a sandbox process: Node with its permission model on,
// read access to the sandbox's code folder only, and a heap limit; around it,
// where the machine has them (see isolation.ts), prlimit's limits and
// bubblewrap's namespaces, and the user it runs as.
import { ReluLabError } from '../core/errors.ts';
import type { Isolation } from './isolation.ts';

export interface SandboxCommandOptions {
  /** absolute, symlink-free path of the folder holding host.mjs and the compiled modules */
  codeDir: string;
  hostFile: string;
  memoryMb: number;
  /** e.g. `20.20.2`; defaults to the running Node's */
  nodeVersion?: string;
  /** the scheduling priority host.mjs gives itself, passed as its one argument */
  niceness?: number;
}

/** The permission flag of a Node version: experimental before Node 22. */
export function permissionFlag(nodeVersion: string): string {
  const major = Number(nodeVersion.split('.')[0]);
  return major >= 22 ? '--permission' : '--experimental-permission';
}

/** True when this Node knows `--disable-warning` (20.11+, 21.3+). */
function knowsDisableWarning(nodeVersion: string): boolean {
  const [major, minor] = nodeVersion.split('.').map(Number);
  return major >= 22 || (major === 21 && minor >= 3) || (major === 20 && minor >= 11);
}

/**
 * V8 compiles no further than its baseline tier (Sparkplug) in a sandbox. A
 * sandbox lives for one submission, a few hundred milliseconds: optimising
 * compilers spent more than they saved there (measured on a replay of the
 * reference's calls: 470 ms of CPU with them, 210 ms without, and less wall time).
 */
export const SANDBOX_TIER = '--max-opt=1';

/**
 * A young generation of at most 1 MB a semi-space: V8 grows it up to 16 MB as
 * the calls allocate, and every page it grows into is a fresh page fault.
 * In a short-lived sandbox that cost more than the scavenges it saves
 * (measured on the benchmark's class: about 620 fewer page faults per
 * submission, and 3-8 % less CPU in alternating runs).
 */
export const SANDBOX_YOUNG_GENERATION = '--max-semi-space-size=1';

/** Arguments for `spawn(process.execPath, args)`. */
export function sandboxCommand(opts: SandboxCommandOptions): string[] {
  const version = opts.nodeVersion ?? process.versions.node;
  if (opts.codeDir.includes(',')) {
    // Node 20 reads a comma as a separator between several allowed paths.
    throw new ReluLabError('sandbox-unavailable', `the sandbox folder ${opts.codeDir} contains a comma: choose a folder without one`);
  }
  if (!Number.isInteger(opts.memoryMb) || opts.memoryMb < 16) {
    throw new ReluLabError('usage', `memoryMb must be a whole number of at least 16, got ${opts.memoryMb}`);
  }
  const args = [permissionFlag(version), `--allow-fs-read=${opts.codeDir}`, `--max-old-space-size=${opts.memoryMb}`, SANDBOX_TIER, SANDBOX_YOUNG_GENERATION];
  if (knowsDisableWarning(version)) args.push('--disable-warning=ExperimentalWarning');
  args.push(opts.hostFile);
  if (opts.niceness !== undefined) args.push(String(opts.niceness));
  return args;
}

/** Size of the private /tmp a sandbox sees inside bubblewrap: Node needs none, so it only has to exist and stay small. */
export const SANDBOX_TMPFS_BYTES = 1024 * 1024;
/** Largest file a sandbox may write (RLIMIT_FSIZE): the sandbox writes no file, so anything that gets past the other layers stays this small. */
export const SANDBOX_FILE_SIZE_BYTES = 1024 * 1024;
/**
 * Processes and threads of the sandbox's user (RLIMIT_NPROC counts every task
 * of the user, system-wide, and exempts root): bounds a fork bomb. One
 * sandbox is about a dozen tasks (Node's threads, bubblewrap's two
 * processes), so this leaves room for the sandboxes of many grading
 * processes at once.
 */
export const SANDBOX_MAX_PROCESSES = 512;

export interface BwrapOptions {
  /** shown read-only at the same path */
  codeDir: string;
  /** the working directory inside */
  cwd: string;
  /** Node's binary (a real path), shown read-only at the same path */
  nodePath: string;
  /** the libraries Node loads, as ldd names them, each shown read-only at that path */
  libraries: readonly string[];
  /** bubblewrap runs as root: drop every capability of the process it starts */
  dropCapabilities: boolean;
}

/**
 * bubblewrap's options, to be followed by Node's command line. A view of
 * nothing but the code folder, Node and its libraries (read-only), a small
 * private /tmp and a /proc of its own PID namespace; no network (its own,
 * empty, network namespace), no System V IPC shared with the host, no
 * controlling terminal (a new session: nothing to push keystrokes into),
 * and it dies with the process that started it. The permission model still
 * runs inside.
 */
export function bwrapArgs(opts: BwrapOptions): string[] {
  const args = ['--die-with-parent', '--new-session', '--unshare-net', '--unshare-pid', '--unshare-ipc', '--unshare-uts'];
  if (opts.dropCapabilities) args.push('--cap-drop', 'ALL');
  // /tmp first: the code folder is usually below it and must be bound over it
  args.push('--size', String(SANDBOX_TMPFS_BYTES), '--tmpfs', '/tmp');
  for (const library of opts.libraries) args.push('--ro-bind', library, library);
  args.push('--ro-bind', opts.nodePath, opts.nodePath);
  args.push('--ro-bind', opts.codeDir, opts.codeDir);
  args.push('--proc', '/proc', '--chdir', opts.cwd);
  return args;
}

/** How spawnHost starts a sandbox: the program, its arguments, and the user to run it as. */
export interface SandboxLaunch {
  file: string;
  args: string[];
  /** the working directory the sandbox gets */
  cwd: string;
  user: { uid: number; gid: number } | null;
}

/**
 * The sandbox's process, in `isolation`'s layers: prlimit (which execs the
 * rest, so the pid stays the same), then bubblewrap (whose pid is the
 * group's; Node runs two processes below it), then Node.
 * `emptyDir` is the working directory without bubblewrap: an empty folder
 * the sandbox cannot write, so files Node writes to the working directory
 * on its own cannot land anywhere.
 */
export function sandboxLaunch(opts: { isolation: Isolation; nodePath: string; nodeArgs: string[]; codeDir: string; emptyDir: string }): SandboxLaunch {
  const { isolation } = opts;
  const parts: string[] = [];
  if (isolation.prlimit !== null) {
    parts.push(isolation.prlimit, `--fsize=${SANDBOX_FILE_SIZE_BYTES}`);
    if (isolation.user !== null) parts.push(`--nproc=${SANDBOX_MAX_PROCESSES}`);
    parts.push('--');
  }
  if (isolation.bwrap !== null) {
    parts.push(
      isolation.bwrap,
      ...bwrapArgs({
        codeDir: opts.codeDir,
        cwd: opts.codeDir,
        nodePath: opts.nodePath,
        libraries: isolation.libraries,
        dropCapabilities: isolation.user === null,
      }),
      '--',
    );
  }
  parts.push(opts.nodePath, ...opts.nodeArgs);
  const [file, ...args] = parts;
  return { file, args, cwd: isolation.bwrap !== null ? opts.codeDir : opts.emptyDir, user: isolation.user };
}
