// The entries of a SUBMISSIONS folder, one per student: folders (git
// repositories among them), zip archives, and anything else (which becomes
// a gradebook row saying it was not recognised). Hidden files and the
// `__MACOSX` folders of Mac archives are not students and are left out.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { ReluLabError } from '../core/errors.ts';
import { studentId } from './studentId.ts';
import type { BulkEntry, EntryKind } from './types.ts';

/** Not students: Mac archives' resource folders and Windows' folder files. */
export const IGNORED_NAMES: ReadonlySet<string> = new Set(['__MACOSX', 'Thumbs.db', 'desktop.ini']);

/**
 * Every entry of `submissionsDir`, sorted by name. Entries whose ids
 * coincide (`alice/` and `alice.zip`, or `alice/` and `Alice.zip`) are all
 * returned; planEntries reports them as a collision and grades none of them.
 */
export async function discoverEntries(submissionsDir: string): Promise<BulkEntry[]> {
  const root = path.resolve(submissionsDir);
  const info = await stat(root).catch(() => null);
  if (!info?.isDirectory()) {
    throw new ReluLabError(
      'submission-missing',
      `No submissions folder at ${submissionsDir}${info ? ' (it is a file)' : ''}. Pass a folder with one entry per student: a folder, a git repository or a .zip.`,
    );
  }
  const names = (await readdir(root)).filter((n) => !n.startsWith('.') && !IGNORED_NAMES.has(n)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const entries: BulkEntry[] = [];
  for (const name of names) {
    const full = path.join(root, name);
    const kind = await entryKind(full, name);
    entries.push({ id: studentId(name, kind !== 'folder' && kind !== 'git'), name, path: full, kind });
  }
  return entries;
}

/** What an item of a class folder is: a folder, a repository, a zip, or something else. */
export async function entryKind(full: string, name: string): Promise<EntryKind> {
  const info = await stat(full).catch(() => null);
  if (!info) return 'other';
  if (info.isDirectory()) {
    const git = await stat(path.join(full, '.git')).catch(() => null);
    return git ? 'git' : 'folder';
  }
  if (info.isFile() && name.toLowerCase().endsWith('.zip')) return 'zip';
  return 'other';
}
