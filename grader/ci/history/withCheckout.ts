// Writes a commit's files into a temporary folder (from the repository's
// objects, through UntrustedRepo: no worktree, no checkout, nothing written
// to the student's repository and none of its hooks or filters run), runs
// `use` on it and removes it again. The files sit one folder below a
// temporary parent whose node_modules points at the packages the tests need.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ReluLabError } from '../../core/errors.ts';
import type { UntrustedRepo } from '../../intake/untrustedRepo.ts';

export async function withCheckout<T>(repo: UntrustedRepo, commit: string, nodeModules: string | null, use: (dir: string) => Promise<T>): Promise<T> {
  const parent = await fs.mkdtemp(path.join(os.tmpdir(), 'relu-lab-history-'));
  const dir = path.join(parent, 'repo');
  try {
    if (nodeModules) await fs.symlink(nodeModules, path.join(parent, 'node_modules'), 'dir');
    try {
      await repo.checkout(commit, dir);
    } catch (e) {
      throw new ReluLabError('grader-failed', `cannot write the files of ${commit.slice(0, 7)} into a temporary folder: ${(e as Error).message.trim()}`, {
        cause: e,
      });
    }
    return await use(dir);
  } finally {
    await fs.rm(parent, { recursive: true, force: true });
  }
}
