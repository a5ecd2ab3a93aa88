// A git repository relu-lab does not trust (a student's), read without
// letting git see anything the repository brought except its data. Opening it
// copies HEAD, refs, packed-refs, shallow and the objects into a private git
// directory with a configuration relu-lab writes (copyGitDir); every question
// is then asked of that copy, with an environment that pins everything else
// (runGit). Configuration, includes, config.worktree, attributes, hooks,
// alternates, grafts and replace refs of the student's repository are never
// read, so none of the programs they could name (filters, fsmonitor, gpg,
// textconv, pager, hooks) ever runs. Checking out writes blobs into a new
// folder (writeTree) and whether the work tree is dirty is decided by hashing
// its files (workTreeChanges): the student's repository is never written to.
// `close()` removes the copy; withUntrustedRepo always does.
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { copyGitDir, DEFAULT_REPO_LIMITS, locateGitDir, type RepoLimits } from './copyGitDir.ts';
import { listTree } from './listTree.ts';
import { runGit, type GitPlace } from './runGit.ts';
import { workTreeChanges, type WorkTreeChanges } from './workTreeChanges.ts';
import { writeTree, type WrittenTree } from './writeTree.ts';

export interface RepoOptions {
  /** refuse a repository whose git directory lies outside this folder (a handed-in entry: the entry itself) */
  within?: string | null;
  limits?: RepoLimits;
  /** where the private copy is made (default: the system's temporary folder) */
  tmpDir?: string;
  /** the time limit of each git call */
  timeoutMs?: number;
}

/** A commit as relu-lab records it. */
export interface CommitInfo {
  commit: string;
  author: string;
  email: string;
  /** author date, ISO 8601 */
  authorDate: string;
  /** committer date, ISO 8601: the one deadlines are judged by */
  committedAt: string;
  subject: string;
}

export type RepoOpening =
  | { kind: 'opened'; repo: UntrustedRepo }
  /** no `.git`, or one that is not a git directory: grade the folder as files */
  | { kind: 'not-a-repository'; reason: string }
  /** a repository relu-lab will not read: too large, linked, or pointing elsewhere */
  | { kind: 'refused'; reason: string };

export type RepoOutcome<T> = { kind: 'opened'; value: T } | Exclude<RepoOpening, { kind: 'opened' }>;

export const DEFAULT_GIT_TIMEOUT_MS = 60_000;
/** what one git call may print (commit lists and trees; blobs are bounded by the repository limits) */
const MAX_LISTING_BYTES = 64 * 1024 * 1024;
const FORMAT = '--format=%H%x00%an%x00%ae%x00%aI%x00%cI%x00%s%x1e';

function parseCommits(text: string): CommitInfo[] {
  return text
    .split('\x1e')
    .map((record) => record.replace(/^\n/, ''))
    .filter((record) => record.trim() !== '')
    .map((record) => {
      const [commit, author, email, authorDate, committedAt, subject] = record.split('\0');
      return { commit, author, email, authorDate, committedAt, subject: subject ?? '' };
    })
    .filter((c) => /^[0-9a-f]{40,64}$/.test(c.commit) && c.committedAt !== undefined);
}

export class UntrustedRepo {
  private constructor(
    /** the student's work tree */
    readonly workTree: string,
    private readonly place: GitPlace,
    /** the private folder: the git copy and an empty home */
    private readonly privateDir: string,
    readonly objectFormat: 'sha1' | 'sha256',
    /** HEAD's branch, null when detached */
    readonly branch: string | null,
    /** what the private copy holds */
    readonly copied: { files: number; bytes: number },
    private readonly limits: RepoLimits,
  ) {}

  /** Makes the private copy of the repository whose work tree is `workTree`. */
  static async open(workTree: string, options: RepoOptions = {}): Promise<RepoOpening> {
    const located = await locateGitDir(workTree, options.within ?? null);
    if (located.kind !== 'found') return located.kind === 'none' ? { kind: 'not-a-repository', reason: located.reason } : located;
    const limits = options.limits ?? DEFAULT_REPO_LIMITS;
    const privateDir = await mkdtemp(path.join(options.tmpDir ?? os.tmpdir(), 'relu-lab-repo-'));
    try {
      const gitDir = path.join(privateDir, 'git');
      const home = path.join(privateDir, 'home');
      await mkdir(home);
      const copied = await copyGitDir(located, gitDir, limits);
      if (copied.kind === 'refused') {
        await rm(privateDir, { recursive: true, force: true });
        return copied;
      }
      const branch = /^ref: refs\/heads\/(.+)$/.exec((await readFile(path.join(gitDir, 'HEAD'), 'utf8')).trim())?.[1] ?? null;
      const place: GitPlace = { gitDir, home, timeoutMs: options.timeoutMs ?? DEFAULT_GIT_TIMEOUT_MS, maxOutputBytes: MAX_LISTING_BYTES };
      return {
        kind: 'opened',
        repo: new UntrustedRepo(path.resolve(workTree), place, privateDir, copied.objectFormat, branch, { files: copied.files, bytes: copied.bytes }, limits),
      };
    } catch (e) {
      await rm(privateDir, { recursive: true, force: true });
      throw e;
    }
  }

  /** the copy's HEAD never moves: asked once */
  private headCommit: Promise<CommitInfo | null> | null = null;

  /** HEAD's commit, or null when the repository has none (or git cannot read it). */
  head(): Promise<CommitInfo | null> {
    this.headCommit ??= this.log(['-1', 'HEAD']).then((commits) => commits[0] ?? null);
    return this.headCommit;
  }

  /** The last commit of HEAD's history committed at or before `deadline`, or null. */
  async atOrBefore(deadline: Date): Promise<CommitInfo | null> {
    return (await this.log(['-1', `--before=${deadline.toISOString()}`, 'HEAD']))[0] ?? null;
  }

  /** How many commits HEAD has that `commit` does not: the work after it. */
  async commitsAfter(commit: string): Promise<number> {
    const text = await runGit(this.place, ['rev-list', '--count', `${commit}..HEAD`]).catch(() => Buffer.from('0'));
    return Number.parseInt(text.toString('utf8').trim(), 10) || 0;
  }

  /** The last `count` commits of HEAD's history, newest first. Throws when HEAD cannot be read. */
  async lastCommits(count: number): Promise<CommitInfo[]> {
    return parseCommits((await runGit(this.place, ['log', `-n${count}`, FORMAT, 'HEAD'])).toString('utf8'));
  }

  /** Writes `commit`'s regular files into `target`, a new folder. The repository is not touched. */
  async checkout(commit: string, target: string): Promise<WrittenTree> {
    return writeTree(this.place, commit, target, this.limits.maxBytes);
  }

  /** How the work tree differs from HEAD within `scope` (a folder relative to the work tree; '' for all). Null without a commit. */
  async changes(scope = ''): Promise<WorkTreeChanges | null> {
    const head = await this.head();
    if (!head) return null;
    const tree = await listTree(this.place, head.commit);
    return workTreeChanges(this.workTree, tree.files, scope.split(path.sep).join('/').replace(/\/+$/, ''), this.objectFormat);
  }

  /** Removes the private copy. */
  async close(): Promise<void> {
    await rm(this.privateDir, { recursive: true, force: true });
  }

  private async log(args: string[]): Promise<CommitInfo[]> {
    try {
      return parseCommits((await runGit(this.place, ['log', FORMAT, ...args])).toString('utf8'));
    } catch {
      return [];
    }
  }
}

/** Opens the repository at `workTree`, runs `use` on it and removes the private copy, also when `use` throws. */
export async function withUntrustedRepo<T>(workTree: string, options: RepoOptions, use: (repo: UntrustedRepo) => Promise<T>): Promise<RepoOutcome<T>> {
  const opening = await UntrustedRepo.open(workTree, options);
  if (opening.kind !== 'opened') return opening;
  try {
    return { kind: 'opened', value: await use(opening.repo) };
  } finally {
    await opening.repo.close();
  }
}
