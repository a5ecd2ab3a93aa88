// The outer defence: every sandbox a job started wrote its pid to
// <jobDir>/sandbox.pids; killing their process groups stops any student code
// still running, whatever state the tests are in, even when the process that
// started them is gone.
import fs from 'node:fs/promises';
import path from 'node:path';
import { killProcessGroup } from '../core/ChildLifecycle.ts';

const PIDS_FILE = 'sandbox.pids';

export async function killSandboxes(jobDir: string): Promise<number> {
  let text = '';
  try {
    text = await fs.readFile(path.join(jobDir, PIDS_FILE), 'utf8');
  } catch {
    return 0;
  }
  let killed = 0;
  for (const line of text.split('\n')) {
    // a line that is not a pid (a torn write, an edited file) names no group and is skipped
    if (killProcessGroup(Number.parseInt(line, 10))) killed += 1;
  }
  return killed;
}

/** The folders under `root` (a grading process's TMPDIR: its job folders) that hold a sandbox.pids file. */
async function jobDirsUnder(root: string, depth = 4): Promise<string[]> {
  const found: string[] = [];
  const entries = await fs.readdir(root, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const full = path.join(root, entry.name);
    if (entry.isFile() && entry.name === PIDS_FILE) found.push(root);
    else if (entry.isDirectory() && depth > 0 && entry.name !== 'vite' && entry.name !== 'node_modules') found.push(...(await jobDirsUnder(full, depth - 1)));
  }
  return found;
}

/** Kills every sandbox listed anywhere under `root`; returns how many process groups were signalled. */
export async function killSandboxesUnder(root: string): Promise<number> {
  let killed = 0;
  for (const jobDir of await jobDirsUnder(root)) killed += await killSandboxes(jobDir);
  return killed;
}
