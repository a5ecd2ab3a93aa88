// relu-lab history: the score of each of the last N commits. Each commit's
// files are written from the repository's objects into a temporary folder
// and graded there (or read from the cache under reports/history/), with the
// visible tests or a hidden bundle. The repository is read through
// UntrustedRepo: its configuration, hooks and filters play no part.
import path from 'node:path';
import { DEFAULTS } from '../../core/defaults.ts';
import { ReluLabError } from '../../core/errors.ts';
import { type UntrustedRepo, withUntrustedRepo } from '../../intake/untrustedRepo.ts';
import type { ResultsDocument } from '../../results/types.ts';
import { graderVersion } from '../../engine/graderVersion.ts';
import { modeKey, type GradingMode } from '../GradingSession.ts';
import { nodeModulesOfVitest } from '../../hiddenBundle/loadHiddenBundle.ts';
import { openSession } from '../openSession.ts';
import { ciView } from '../outputs/ciView.ts';
import { type CommitInfo, lastCommits } from './commits.ts';
import { historyCacheDir, readCached, writeCached } from './historyCache.ts';
import { withCheckout } from './withCheckout.ts';

export interface HistoryRow {
  commit: CommitInfo;
  /** the score the student may see, or null when grading failed */
  score: { earned: number; possible: number } | null;
  cached: boolean;
  doc: ResultsDocument;
}

export interface HistoryOptions {
  /** the repository root */
  root: string;
  count: number;
  hidden?: string;
  manifestPath?: string;
  /** the submission folder, relative to the repository root */
  submission?: string;
  /** where the cache lives (default <root>/reports/history/cache) */
  cacheDir?: string;
}

export interface HistoryResult {
  mode: GradingMode;
  /** oldest first */
  rows: HistoryRow[];
}

export async function runHistory(opts: HistoryOptions, onRow: (row: HistoryRow) => void = () => {}): Promise<HistoryResult> {
  const outcome = await withUntrustedRepo(opts.root, {}, (repo) => historyOf(repo, opts, onRow));
  if (outcome.kind !== 'opened')
    throw new ReluLabError('usage', `cannot read the repository at ${opts.root}: ${outcome.reason}; run history inside a git repository`);
  return outcome.value;
}

async function historyOf(repo: UntrustedRepo, opts: HistoryOptions, onRow: (row: HistoryRow) => void): Promise<HistoryResult> {
  const commits = await lastCommits(repo, opts.count);
  const cacheDir = opts.cacheDir ?? historyCacheDir(opts.root);
  const submission = opts.submission ?? DEFAULTS.submissionDir;
  const session = await openSession({ hidden: opts.hidden, manifestPath: opts.manifestPath });
  const rows: HistoryRow[] = [];
  try {
    const version = await graderVersion();
    const nodeModules = nodeModulesOfVitest();
    const now = new Date();
    const deadline = session.manifest.deadline ? new Date(session.manifest.deadline) : null;
    for (const commit of [...commits].reverse()) {
      const key = { commit: commit.commit, graderVersion: version, seed: session.manifest.fastCheck.seed, mode: modeKey(session.mode) };
      let doc = await readCached(cacheDir, key);
      const cached = doc !== null;
      if (!doc) {
        doc = await withCheckout(repo, commit.commit, nodeModules, (dir) => session.grade(path.join(dir, submission)));
        // the temporary folder is no work tree: the commit graded is this one, as it was committed
        doc.submission.git = { commit: commit.commit, author: commit.author, email: commit.email, date: commit.date, branch: null, dirty: false };
        await writeCached(cacheDir, key, doc);
      }
      const view = ciView({ doc, mode: session.mode, functionOf: () => null, submissionPath: submission, sources: {}, now, deadline });
      const row: HistoryRow = { commit, score: doc.outcome.kind === 'grader-error' ? null : view.score, cached, doc };
      rows.push(row);
      onRow(row);
    }
  } finally {
    await session.close();
  }
  return { mode: session.mode, rows };
}
