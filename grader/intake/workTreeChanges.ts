// Whether a work tree differs from HEAD, decided by hashing its files the way
// git names blobs (sha1 or sha256 of "blob SIZE\0" and the bytes), never by
// `git status` in the student's tree: that would read their index, run their
// clean filters and fsmonitor, and apply their attributes.
//
// What counts, within `scope` (a folder of the work tree, or all of it):
// - a tracked regular file that is missing, is no longer a regular file, or
//   whose bytes differ from the committed blob (no filter or end-of-line
//   conversion is applied: a file checked out through one differs);
// - an untracked file that would be graded: a `.ts` file that is not a test
//   (`*.test.ts`), outside `node_modules` and dot-folders, not a link.
//   Ignore files are not consulted: an ignored file that is graded is still
//   work the commit does not hold.
// Tracked links and submodules are left out, as they are never graded.
import { createHash } from 'node:crypto';
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { TreeFile } from './listTree.ts';

export interface WorkTreeChanges {
  dirty: boolean;
  /** relative to the work tree, `/`-separated, sorted */
  changed: string[];
  missing: string[];
  untracked: string[];
}

/** The id git gives a blob with these bytes. */
export function blobId(bytes: Buffer, objectFormat: 'sha1' | 'sha256'): string {
  return createHash(objectFormat === 'sha256' ? 'sha256' : 'sha1')
    .update(`blob ${bytes.length}\0`)
    .update(bytes)
    .digest('hex');
}

/** The files a submission's identity lists: `.ts` but not `*.test.ts` (folders are filtered on the way down). */
const gradedName = (name: string) => name.endsWith('.ts') && !name.endsWith('.test.ts');

async function gradedFiles(root: string, sub: string, found: string[]): Promise<void> {
  const entries = await readdir(path.join(root, sub), { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const relative = sub ? `${sub}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && entry.name !== 'node_modules') await gradedFiles(root, relative, found);
    } else if (entry.isFile() && gradedName(entry.name)) found.push(relative);
  }
}

const within = (file: string, scope: string) => scope === '' || file === scope || file.startsWith(`${scope}/`);

/**
 * Compares the work tree at `workTree` with `tracked` (HEAD's regular files)
 * inside `scope` (relative, `/`-separated; '' for the whole tree).
 */
export async function workTreeChanges(
  workTree: string,
  tracked: readonly TreeFile[],
  scope: string,
  objectFormat: 'sha1' | 'sha256',
): Promise<WorkTreeChanges> {
  const changes: WorkTreeChanges = { dirty: false, changed: [], missing: [], untracked: [] };
  const known = new Set<string>();
  for (const file of tracked) {
    if (!within(file.path, scope)) continue;
    known.add(file.path);
    const full = path.join(workTree, file.path);
    const info = await lstat(full).catch(() => null);
    if (!info?.isFile()) changes.missing.push(file.path);
    // a different size settles it without reading the file
    else if (info.size !== file.size || blobId(await readFile(full), objectFormat) !== file.oid) changes.changed.push(file.path);
  }
  const present: string[] = [];
  await gradedFiles(workTree, scope, present);
  changes.untracked = present.filter((file) => !known.has(file));
  for (const list of [changes.changed, changes.missing, changes.untracked]) list.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  changes.dirty = changes.changed.length + changes.missing.length + changes.untracked.length > 0;
  return changes;
}
