// The files a submission consists of: every .ts file below its folder
// (tests, node_modules and hidden folders excepted), as sorted relative paths.
import fs from 'node:fs/promises';
import path from 'node:path';

const SKIPPED_DIRS = new Set(['node_modules']);

/** Sorted paths relative to `submissionDir`, with `/` separators, e.g. `tables.ts`, `internal/shapes.ts`. */
export async function listSubmittedFiles(submissionDir: string): Promise<string[]> {
  const found: string[] = [];
  async function walk(dir: string, prefix: string): Promise<void> {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) await walk(path.join(dir, entry.name), relative);
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
        found.push(relative);
      }
    }
  }
  await walk(submissionDir, '');
  return found.sort();
}
