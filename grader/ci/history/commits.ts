// The last commits of a repository, newest first, as history grades them.
import { ReluLabError } from '../../core/errors.ts';
import { safeGit } from '../git/safeGit.ts';

export interface CommitInfo {
  commit: string;
  author: string;
  /** author date, ISO 8601 */
  date: string;
  subject: string;
}

export async function lastCommits(root: string, count: number): Promise<CommitInfo[]> {
  let text: string;
  try {
    text = await safeGit(root).raw(['log', `-n${count}`, '--format=%H%x00%an%x00%aI%x00%s%x1e', 'HEAD']);
  } catch (e) {
    throw new ReluLabError('usage', `cannot read the commits of ${root}: ${(e as Error).message.trim()}; run history inside a git repository with at least one commit`, { cause: e });
  }
  return text
    .split('\x1e')
    .map((record) => record.trim())
    .filter(Boolean)
    .map((record) => {
      const [commit, author, date, subject] = record.split('\0');
      return { commit, author, date, subject: subject ?? '' };
    });
}
