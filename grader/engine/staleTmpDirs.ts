// A grading process's private TMPDIR holds compiled student code and
// Vitest's transformed modules. The process removes it on close; one that is
// killed cannot, so each marks its folder with who owns it, and the next
// Grader to start removes the folders whose owner is gone (stopping any
// sandbox they still list first).
import fs from 'node:fs/promises';
import path from 'node:path';
import { killSandboxesUnder } from '../sandbox/killSandboxes.ts';

/** The name every grading process's TMPDIR starts with. */
export const GRADING_TMP_PREFIX = 'relu-lab-grading-';
const OWNER_FILE = 'owner.json';

interface Owner {
  pid: number;
  /** the process's start time, in clock ticks since boot (Linux), so a reused pid is not taken for the owner */
  started: string | null;
}

/** When process `pid` started (field 22 of /proc/<pid>/stat), or null where that cannot be read. */
async function startTicks(pid: number): Promise<string | null> {
  try {
    const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) may hold spaces and parentheses: count from its closing one
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

/** Marks `dir` as this process's. */
export async function claimTmpDir(dir: string): Promise<void> {
  const owner: Owner = { pid: process.pid, started: await startTicks(process.pid) };
  await fs.writeFile(path.join(dir, OWNER_FILE), JSON.stringify(owner));
}

async function ownerAlive(owner: Owner): Promise<boolean> {
  try {
    process.kill(owner.pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  const started = await startTicks(owner.pid);
  return owner.started === null || started === null || started === owner.started;
}

/**
 * Removes the grading TMPDIRs in `parent` whose owner has gone, if this
 * user's; returns their paths. A folder without an owner file, or one this
 * process cannot read, is left alone.
 */
export async function removeStaleTmpDirs(parent: string): Promise<string[]> {
  const removed: string[] = [];
  const entries = await fs.readdir(parent, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isDirectory() || !entry.name.startsWith(GRADING_TMP_PREFIX)) continue;
    const dir = path.join(parent, entry.name);
    try {
      const stat = await fs.stat(dir);
      if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) continue;
      const owner = JSON.parse(await fs.readFile(path.join(dir, OWNER_FILE), 'utf8')) as Owner;
      if (!Number.isInteger(owner.pid) || (await ownerAlive(owner))) continue;
      await killSandboxesUnder(dir);
      await fs.rm(dir, { recursive: true, force: true, maxRetries: 3 });
      removed.push(dir);
    } catch {
      // not ours to judge (no owner file yet, or it is being written): left alone
    }
  }
  return removed;
}
