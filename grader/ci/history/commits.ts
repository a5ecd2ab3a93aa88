// The last commits of a repository, newest first, as history grades them.
import { ReluLabError } from '../../core/errors.ts';
import type { UntrustedRepo } from '../../intake/untrustedRepo.ts';

export interface CommitInfo {
  commit: string;
  author: string;
  email: string;
  /** author date, ISO 8601 */
  date: string;
  subject: string;
}

export async function lastCommits(repo: UntrustedRepo, count: number): Promise<CommitInfo[]> {
  try {
    const commits = await repo.lastCommits(count);
    return commits.map(({ commit, author, email, authorDate, subject }) => ({ commit, author, email, date: authorDate, subject }));
  } catch (e) {
    throw new ReluLabError(
      'usage',
      `cannot read the commits of ${repo.workTree}: ${(e as Error).message.trim()}; run history inside a git repository with at least one commit`,
      { cause: e },
    );
  }
}
