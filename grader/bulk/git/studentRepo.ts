// A student's git repository, read without trusting it: its own config may
// name programs to run (hooks, filter drivers, an fsmonitor, a gpg program),
// so every call overrides those, and the environment git sees is minimal.
// Grading an older commit happens in a temporary worktree; the student's
// working tree, index and HEAD are never changed.
import { rm } from 'node:fs/promises';
import type { SimpleGit } from 'simple-git';
import { safeGit } from '../../core/safeGit.ts';
import type { GradedCommit } from '../types.ts';

const FORMAT = '--format=%H%x00%an%x00%ae%x00%aI%x00%cI';
/** the line of `git status --porcelain=v2 --branch` that names the branch ("(detached)" when none) */
const BRANCH_HEAD = '# branch.head ';

export class StudentRepo {
  private constructor(
    readonly dir: string,
    private readonly git: SimpleGit,
  ) {}

  /** The repository whose work tree is `dir`, or null when `dir` is not the top of one. */
  static async open(dir: string): Promise<StudentRepo | null> {
    const probe = safeGit(dir, [`safe.directory=${dir}`]);
    try {
      if ((await probe.raw(['rev-parse', '--is-inside-work-tree'])).trim() !== 'true') return null;
      // filter drivers named in the repository's own config run on checkout: neutralise each one
      const names = await probe.raw(['config', '--local', '--name-only', '--get-regexp', '^filter\\.']).catch(() => '');
      const filters = [...new Set(names.split('\n').map((n) => /^filter\.(.+)\.[^.]+$/.exec(n.trim())?.[1]).filter((n): n is string => !!n))];
      const config = [`safe.directory=${dir}`, ...filters.flatMap((f) => [`filter.${f}.smudge=cat`, `filter.${f}.clean=cat`, `filter.${f}.process=`, `filter.${f}.required=false`])];
      return new StudentRepo(dir, safeGit(dir, config));
    } catch {
      return null;
    }
  }

  /** HEAD's commit with its branch and whether the work tree has changes, or null when the repository has no commit. */
  async head(): Promise<GradedCommit | null> {
    const head = await this.commit(['log', '-1', FORMAT, 'HEAD'], false);
    if (!head) return null;
    // one git process for both: porcelain v2 heads its list of changes with the branch
    const status = await this.git.raw(['status', '--porcelain=v2', '--branch']).catch(() => '');
    const lines = status.split('\n').filter((line) => line.trim() !== '');
    const branch = lines.find((line) => line.startsWith(BRANCH_HEAD))?.slice(BRANCH_HEAD.length).trim() ?? null;
    return { ...head, branch: branch === null || branch === '(detached)' ? null : branch, dirty: lines.some((line) => !line.startsWith('#')) };
  }

  /** The last commit of HEAD's history committed at or before `deadline` (by committer date), or null. */
  async atOrBefore(deadline: Date): Promise<GradedCommit | null> {
    return this.commit(['log', '-1', FORMAT, `--before=${deadline.toISOString()}`, 'HEAD'], true);
  }

  /** How many commits HEAD has that `commit` does not: the work after the graded commit. */
  async commitsAfter(commit: string): Promise<number> {
    const text = await this.git.raw(['rev-list', '--count', `${commit}..HEAD`]).catch(() => '0');
    return Number.parseInt(text.trim(), 10) || 0;
  }

  /** Checks `commit` out into a new detached worktree at `dir` (which must not exist). */
  async addWorktree(commit: string, dir: string): Promise<void> {
    await this.git.raw(['worktree', 'add', '--detach', '--force', dir, commit]);
  }

  /** Removes the worktree at `dir` and its record in the repository. Never throws. */
  async removeWorktree(dir: string): Promise<void> {
    await this.git.raw(['worktree', 'remove', '--force', '--force', dir]).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
    await this.git.raw(['worktree', 'prune']).catch(() => undefined);
  }

  private async commit(args: string[], atDeadline: boolean): Promise<GradedCommit | null> {
    try {
      const [commit, author, email, authorDate, committedAt] = (await this.git.raw(args)).trim().split('\0');
      if (!commit || committedAt === undefined) return null;
      return { commit, author, email, authorDate, committedAt, atDeadline, branch: null, dirty: false };
    } catch {
      return null;
    }
  }
}
