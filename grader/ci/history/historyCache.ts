// Results of earlier history runs, one results.json per commit, keyed by
// commit, grader version, seed and mode (visible, or the hidden bundle's
// hash): the same key always means the same grading.
import fs from 'node:fs/promises';
import path from 'node:path';
import { DEFAULTS } from '../../core/defaults.ts';
import type { ResultsDocument } from '../../results/types.ts';
import { validateResults } from '../../results/validateResults.ts';
import { writeResultsAtomically } from '../../results/writeResultsAtomically.ts';

export interface CacheKey {
  commit: string;
  graderVersion: string;
  seed: number;
  mode: string;
}

/** Where a repository's cache lives: reports/history/cache. */
export function historyCacheDir(root: string): string {
  return path.join(root, DEFAULTS.reportsDir, 'history', 'cache');
}

export function cacheFile(dir: string, key: CacheKey): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '_');
  return path.join(dir, `${safe(key.commit)}.${safe(key.graderVersion)}.${key.seed}.${safe(key.mode)}.json`);
}

/** The cached document for `key`, or null when there is none (or it is unreadable). */
export async function readCached(dir: string, key: CacheKey): Promise<ResultsDocument | null> {
  try {
    return validateResults(JSON.parse(await fs.readFile(cacheFile(dir, key), 'utf8')));
  } catch {
    return null;
  }
}

export async function writeCached(dir: string, key: CacheKey, doc: ResultsDocument): Promise<void> {
  await writeResultsAtomically(cacheFile(dir, key), doc);
}
