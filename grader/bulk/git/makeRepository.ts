// Builds a git repository with a given history: for the sample class, the
// benchmark and tests (each commit at a chosen date, as a student's would be).
import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface CommitSpec {
  /** files to write (path inside the repository -> contents); files not named stay as they were */
  files: ReadonlyMap<string, string>;
  /** removed before writing */
  remove?: readonly string[];
  /** author and committer date, ISO 8601 */
  date: string;
  message: string;
}

export interface RepositorySpec {
  author: string;
  email: string;
  commits: readonly CommitSpec[];
}

export async function makeRepository(dir: string, spec: RepositorySpec): Promise<void> {
  await mkdir(dir, { recursive: true });
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' };
  const git = (args: string[], extra: Record<string, string> = {}) => run('git', args, { cwd: dir, env: { ...env, ...extra } });
  await git(['init', '--quiet', '--initial-branch=main']);
  for (const commit of spec.commits) {
    for (const file of commit.remove ?? []) await rm(path.join(dir, file), { force: true, recursive: true });
    for (const [file, text] of commit.files) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), text);
    }
    await git(['add', '--all']);
    await git(
      ['-c', `user.name=${spec.author}`, '-c', `user.email=${spec.email}`, 'commit', '--quiet', '--allow-empty', '--no-gpg-sign', '-m', commit.message],
      {
        GIT_AUTHOR_DATE: commit.date,
        GIT_COMMITTER_DATE: commit.date,
      },
    );
  }
}
