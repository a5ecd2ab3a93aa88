// Which submission was graded: its folder, a name for its reports, the files
// graded with a hash of their contents, and its git commit when it has one.
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULTS } from '../core/defaults.ts';
import { ReluLabError } from '../core/errors.ts';
import { findWorkTree } from './findWorkTree.ts';
import { withUntrustedRepo } from './untrustedRepo.ts';
import type { GitIdentity, SubmissionIdentity } from '../results/types.ts';

/**
 * Identifies the submission in `dir`.
 *
 * - `path`: `dir` exactly as given.
 * - `name`: the folder's name, made safe as one path segment (letters, digits,
 *   `.`, `_`, `-`), so reports go to `reports/<name>/`. A folder called
 *   `exercises` (every student's folder is) takes its parent's name instead:
 *   `submissions/alice/exercises` is `alice`, like `submissions/alice`.
 * - `files`: the `.ts` files graded, relative to `dir` with `/` separators,
 *   sorted; tests (`*.test.ts`), symbolic links, `node_modules` and dot-folders
 *   are left out.
 * - `contentHash`: sha256 (hex) over, for each of `files` in order, its
 *   relative path, a NUL, its size in bytes as a decimal, a NUL, its bytes.
 * - `git`: see {@link gitIdentity}.
 */
export async function submissionIdentity(dir: string): Promise<SubmissionIdentity> {
  const absolute = path.resolve(dir);
  await requireFolder(dir, absolute);
  const files = await tsFiles(absolute);
  return {
    path: dir,
    name: submissionName(absolute),
    contentHash: await contentHash(absolute, files),
    files,
    git: await gitIdentity(absolute),
  };
}

async function requireFolder(dir: string, absolute: string): Promise<void> {
  const info = await stat(absolute).catch(() => null);
  if (!info?.isDirectory()) {
    throw new ReluLabError(
      'submission-missing',
      `No submission folder at ${dir}${info ? ' (it is a file)' : ''}. Pass the folder that holds the exercise files, e.g. ${DEFAULTS.submissionDir}.`,
    );
  }
}

function submissionName(absolute: string): string {
  const own = path.basename(absolute);
  const generic = own.toLowerCase() === path.basename(DEFAULTS.submissionDir).toLowerCase();
  const candidates = generic ? [path.basename(path.dirname(absolute)), own] : [own];
  for (const candidate of candidates) {
    const safe = candidate.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+|[.-]+$/g, '');
    if (safe) return safe;
  }
  return 'submission';
}

async function tsFiles(root: string, sub = ''): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(path.join(root, sub), { withFileTypes: true })) {
    const relative = sub ? `${sub}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && entry.name !== 'node_modules') found.push(...(await tsFiles(root, relative)));
    } else if (entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
      found.push(relative);
    }
  }
  // code-unit order, the same in every locale
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

async function contentHash(root: string, files: string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const file of files) {
    const bytes = await readFile(path.join(root, file));
    hash.update(`${file}\0${bytes.length}\0`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

/**
 * The commit checked out where `dir` lives: HEAD's hash, author, author date
 * (ISO 8601), branch (null when HEAD is detached) and whether `dir` itself
 * has changes not committed: a tracked file in it that differs or is missing,
 * or a `.ts` file that would be graded but is not tracked (see
 * workTreeChanges). The repository is read through a private copy of its
 * refs and objects (UntrustedRepo): none of its configuration, hooks,
 * filters or attributes plays a part. Null when `dir` is not in a git work
 * tree, the repository has no commit yet or cannot be read, or git cannot be
 * run: the identity is informational, never fatal.
 */
async function gitIdentity(dir: string): Promise<GitIdentity | null> {
  // most folders graded in bulk are private copies outside any repository: no git process for them
  const workTree = await findWorkTree(dir);
  if (!workTree) return null;
  try {
    const outcome = await withUntrustedRepo(workTree, {}, async (repo): Promise<GitIdentity | null> => {
      const head = await repo.head();
      if (!head) return null;
      const changes = await repo.changes(path.relative(workTree, dir));
      return { commit: head.commit, author: head.author, email: head.email, date: head.authorDate, branch: repo.branch, dirty: changes?.dirty ?? false };
    });
    return outcome.kind === 'opened' ? outcome.value : null;
  } catch {
    return null;
  }
}
