// The sandbox.pids files under a grading process's TMPDIR: each job folder
// of a Grader lists the sandboxes it started, so they can be stopped even
// when the process that started them is gone.
import { readdir } from 'node:fs/promises';
import path from 'node:path';

export async function findSandboxPidFiles(root: string, depth = 4): Promise<string[]> {
  const found: string[] = [];
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const full = path.join(root, entry.name);
    if (entry.isFile() && entry.name === 'sandbox.pids') found.push(full);
    else if (entry.isDirectory() && depth > 0 && entry.name !== 'vite' && entry.name !== 'node_modules') found.push(...(await findSandboxPidFiles(full, depth - 1)));
  }
  return found;
}
