// Checks a commit out into a temporary worktree (git worktree add --detach),
// runs `use` on it and removes it again. The student's own checkout, index
// and branches are never touched. The worktree sits one folder below a
// temporary parent whose node_modules points at the packages the tests need.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ReluLabError } from '../../core/errors.ts';
import { safeGit } from '../git/safeGit.ts';

export async function withWorktree<T>(root: string, commit: string, nodeModules: string | null, use: (dir: string) => Promise<T>): Promise<T> {
  const parent = await fs.mkdtemp(path.join(os.tmpdir(), 'relu-lab-history-'));
  const dir = path.join(parent, 'repo');
  const git = safeGit(root);
  try {
    if (nodeModules) await fs.symlink(nodeModules, path.join(parent, 'node_modules'), 'dir');
    try {
      await git.raw(['worktree', 'add', '--detach', '--quiet', dir, commit]);
    } catch (e) {
      throw new ReluLabError('grader-failed', `cannot check out ${commit.slice(0, 7)} into a temporary worktree: ${(e as Error).message.trim()}`, { cause: e });
    }
    return await use(dir);
  } finally {
    await git.raw(['worktree', 'remove', '--force', dir]).catch(() => undefined);
    await fs.rm(parent, { recursive: true, force: true });
    await git.raw(['worktree', 'prune']).catch(() => undefined);
  }
}
