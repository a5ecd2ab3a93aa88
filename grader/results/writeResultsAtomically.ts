// Writes results.json so that a reader (or a crash) never sees half a file:
// validate, write a temporary file beside it, fsync, rename over the target.
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { ResultsDocument } from './types.ts';
import { validateResults } from './validateResults.ts';

/**
 * Validates `doc` as it will be read back (after JSON serialisation, so NaN
 * or a stray undefined is caught) and writes it to `file`, creating the
 * folder. The file is either the old one or the complete new one, never a
 * part. Throws ReluLabError('results-invalid') and writes nothing when the
 * document is not valid.
 */
export async function writeResultsAtomically(file: string, doc: ResultsDocument): Promise<void> {
  const text = `${JSON.stringify(doc, null, 2)}\n`;
  validateResults(JSON.parse(text));
  const folder = path.dirname(path.resolve(file));
  await mkdir(folder, { recursive: true });
  const temporary = `${file}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
  try {
    const handle = await open(temporary, 'wx', 0o644);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (e) {
    await rm(temporary, { force: true });
    throw e;
  }
  await syncFolder(folder);
}

/** Makes the rename itself durable. Not every platform can open a folder (Windows cannot): best effort. */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r').catch(() => null);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    // some file systems refuse fsync on a folder; the data itself is synced
  } finally {
    await handle.close();
  }
}
