// A student's git repository, read without trusting it: its own config may
// name programs to run (hooks, filter drivers, an fsmonitor, a gpg program),
// so every call overrides those, and the environment git sees is minimal.
// Grading an older commit happens in a temporary worktree; the student's
// working tree, index and HEAD are never changed.
import { rm } from 'node:fs/promises';
import { simpleGit, type SimpleGit } from 'simple-git';
import type { GradedCommit } from '../types.ts';

const PASSED_VARIABLES = ['PATH', 'HOME', 'USERPROFILE', 'SYSTEMROOT', 'LANG', 'LC_ALL'];
const ALLOWED_GIT_VARIABLES = ['GIT_OPTIONAL_LOCKS', 'GIT_TERMINAL_PROMPT', 'GIT_CONFIG_NOSYSTEM'];

/** `git -c` settings that stop a repository's config from running anything. */
const SAFE_CONFIG = ['core.hooksPath=/dev/null', 'core.fsmonitor=false', 'log.showSignature=false', 'core.pager=cat'];

function environment(): Record<string, string> {
  const env: Record<string, string> = { GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', GIT_CONFIG_NOSYSTEM: '1' };
  for (const name of PASSED_VARIABLES) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}

const FORMAT = '--format=%H%x00%an%x00%ae%x00%aI%x00%cI';

/**
 * simple-git refuses `-c` settings of these kinds unless told otherwise,
 * because a caller could point them at a program. Ours point them at
 * nothing (`/dev/null`, `false`, `cat`), which is the point of setting them.
 */
const UNSAFE_BUT_INERT = { allowUnsafeHooksPath: true, allowUnsafeFsMonitor: true, allowUnsafeFilter: true, allowUnsafePager: true };

function client(dir: string, config: string[]): SimpleGit {
  return simpleGit({ baseDir: dir, allowEnvironment: ALLOWED_GIT_VARIABLES, config, unsafe: UNSAFE_BUT_INERT, timeout: { block: 60_000 } }).env(environment());
}

export class StudentRepo {
  private constructor(
    readonly dir: string,
    private readonly git: SimpleGit,
  ) {}

  /** The repository whose work tree is `dir`, or null when `dir` is not the top of one. */
  static async open(dir: string): Promise<StudentRepo | null> {
    const probe = client(dir, [...SAFE_CONFIG, `safe.directory=${dir}`]);
    try {
      if ((await probe.raw(['rev-parse', '--is-inside-work-tree'])).trim() !== 'true') return null;
      // filter drivers named in the repository's own config run on checkout: neutralise each one
      const names = await probe.raw(['config', '--local', '--name-only', '--get-regexp', '^filter\\.']).catch(() => '');
      const filters = [...new Set(names.split('\n').map((n) => /^filter\.(.+)\.[^.]+$/.exec(n.trim())?.[1]).filter((n): n is string => !!n))];
      const config = [...SAFE_CONFIG, `safe.directory=${dir}`, ...filters.flatMap((f) => [`filter.${f}.smudge=cat`, `filter.${f}.clean=cat`, `filter.${f}.process=`, `filter.${f}.required=false`])];
      return new StudentRepo(dir, client(dir, config));
    } catch {
      return null;
    }
  }

  /** HEAD's commit with its branch and whether the work tree has changes, or null when the repository has no commit. */
  async head(): Promise<GradedCommit | null> {
    const head = await this.commit(['log', '-1', FORMAT, 'HEAD'], false);
    if (!head) return null;
    const branch = (await this.git.raw(['rev-parse', '--abbrev-ref', 'HEAD']).catch(() => 'HEAD')).trim();
    const status = await this.git.raw(['status', '--porcelain']).catch(() => '');
    return { ...head, branch: branch === 'HEAD' ? null : branch, dirty: status.trim() !== '' };
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
