// The files of a commit's tree, as `git ls-tree -r -l -z` lists them, with
// each path checked: it must be a relative path of ordinary names that stays
// inside the folder it is written to (no empty, `.` or `..` segment, no
// `.git` folder or file, no NUL or backslash). Only regular files are kept:
// symbolic links (mode 120000) and submodules (160000) are never graded.
import { runGit, type GitPlace } from './runGit.ts';

export interface TreeFile {
  /** relative, `/`-separated */
  path: string;
  /** the blob id */
  oid: string;
  size: number;
  executable: boolean;
}

export interface ListedTree {
  files: TreeFile[];
  /** entries left out, with why (symbolic links, submodules, unsafe paths) */
  skipped: { path: string; reason: string }[];
}

const COMMIT_ID = /^[0-9a-f]{40}$|^[0-9a-f]{64}$/;

/** Why `relative` may not be written inside a folder, or null when it may. */
export function unsafePath(relative: string): string | null {
  if (relative === '' || relative.includes('\0') || relative.includes('\\')) return 'it is empty or holds a NUL or a backslash';
  for (const segment of relative.split('/')) {
    if (segment === '' || segment === '.' || segment === '..') return 'it climbs out of the folder or has an empty name';
    if (segment.toLowerCase() === '.git') return 'it writes into a .git';
  }
  return null;
}

/** The regular files of `commit`'s tree (a full commit id). */
export async function listTree(place: GitPlace, commit: string): Promise<ListedTree> {
  if (!COMMIT_ID.test(commit)) throw new TypeError(`listTree needs a full commit id, got ${JSON.stringify(commit)}`);
  const text = (await runGit(place, ['ls-tree', '-r', '-l', '-z', '--full-tree', commit])).toString('utf8');
  const listed: ListedTree = { files: [], skipped: [] };
  for (const record of text.split('\0')) {
    if (record === '') continue;
    const tab = record.indexOf('\t');
    const [mode, type, oid, size] = record.slice(0, tab).split(/ +/);
    const path = record.slice(tab + 1);
    if (mode === '120000') listed.skipped.push({ path, reason: 'a symbolic link' });
    else if (mode === '160000') listed.skipped.push({ path, reason: 'a submodule' });
    else if (type !== 'blob' || (mode !== '100644' && mode !== '100755')) listed.skipped.push({ path, reason: `an entry of mode ${mode}` });
    else {
      const unsafe = unsafePath(path);
      if (unsafe) listed.skipped.push({ path, reason: unsafe });
      else listed.files.push({ path, oid, size: Number(size), executable: mode === '100755' });
    }
  }
  return listed;
}
