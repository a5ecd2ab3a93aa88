// The command line of a sandbox process: Node with its permission model on,
// read access to the sandbox's code folder only, and a heap limit.
import { ReluLabError } from '../core/errors.ts';

export interface SandboxCommandOptions {
  /** absolute, symlink-free path of the folder holding host.mjs and the compiled modules */
  codeDir: string;
  hostFile: string;
  memoryMb: number;
  /** e.g. `20.20.2`; defaults to the running Node's */
  nodeVersion?: string;
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
  return args;
}
