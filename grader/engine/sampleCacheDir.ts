// Where the hidden suite keeps the values it draws and the reference's
// answers for them. They depend only on the checks (the assignment's hidden
// face and everything in its folder), the reference, the harness that draws
// them, fast-check and the seed, so they are kept between grading processes in
// a folder named by a hash of those sources: a changed check, arbitrary or
// reference gets a new folder and never reads stale answers. The folder is under the package's own
// node_modules/.cache (never a shared temporary folder, where another user
// could plant answers); where that is not writable, the private folder of
// the grading process is used instead.
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Assignment } from '../assignment/Assignment.ts';
import { PACKAGE_ROOT } from '../core/defaults.ts';

/** What the drawn values and answers of `assignment` depend on, as files or folders. */
export function sampleSources(assignment: Pick<Assignment, 'hiddenEntry' | 'solutionsDir'>): string[] {
  return [
    path.dirname(assignment.hiddenEntry),
    assignment.solutionsDir,
    path.join(PACKAGE_ROOT, 'grader/harness'),
    path.join(PACKAGE_ROOT, 'node_modules/fast-check/package.json'),
  ];
}

async function filesUnder(target: string): Promise<string[]> {
  const stat = await fs.stat(target).catch(() => null);
  if (!stat) return [];
  if (stat.isFile()) return [target];
  const entries = await fs.readdir(target, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && /\.(ts|mjs|json)$/.test(e.name) && !e.name.endsWith('.test.ts'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** A hash of the files of `sources` (absolute files or folders), their paths and contents. */
export async function sampleSourcesHash(sources: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const source of sources) {
    for (const file of await filesUnder(source)) {
      hash
        .update(path.relative(PACKAGE_ROOT, file))
        .update('\0')
        .update(await fs.readFile(file))
        .update('\0');
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/** The folder to keep drawn values in, created; `fallback` when the package's cache is not writable. */
export async function sampleCacheDir(assignment: Pick<Assignment, 'hiddenEntry' | 'solutionsDir'>, fallback: string): Promise<string> {
  const dir = path.join(PACKAGE_ROOT, 'node_modules/.cache/relu-lab/samples', await sampleSourcesHash(sampleSources(assignment)));
  try {
    await fs.mkdir(dir, { recursive: true });
    await fs.access(dir, fs.constants.W_OK);
    return dir;
  } catch {
    await fs.mkdir(fallback, { recursive: true });
    return fallback;
  }
}
