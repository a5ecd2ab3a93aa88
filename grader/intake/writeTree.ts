// Writes a commit's files into a new folder from the objects alone: no
// checkout, no worktree, no index, so no filter, hook, attribute or
// configuration of the repository plays any part, and the repository itself
// is not touched. Blobs come from one `git cat-file --batch`; each is written
// as a new regular file (never through an existing path), inside the target.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ReluLabError } from '../core/errors.ts';
import { listTree, type ListedTree } from './listTree.ts';
import { runGit, type GitPlace } from './runGit.ts';

export interface WrittenTree {
  files: number;
  bytes: number;
  skipped: ListedTree['skipped'];
}

/** Splits `git cat-file --batch` output into blobs by id. */
export function parseBatch(out: Buffer): Map<string, Buffer> {
  const blobs = new Map<string, Buffer>();
  let at = 0;
  while (at < out.length) {
    const newline = out.indexOf(0x0a, at);
    if (newline < 0) break;
    const [oid, type, size] = out.subarray(at, newline).toString('utf8').split(' ');
    if (type === 'missing' || size === undefined)
      throw new ReluLabError('grader-failed', `the repository lacks the object ${oid}: it may be shallow or partial; hand in a full clone`);
    const start = newline + 1;
    const end = start + Number(size);
    blobs.set(oid, out.subarray(start, end));
    at = end + 1;
  }
  return blobs;
}

/** Writes `commit`'s regular files into `target` (created; it must not exist), at most `maxBytes` of them. */
export async function writeTree(place: GitPlace, commit: string, target: string, maxBytes: number): Promise<WrittenTree> {
  const tree = await listTree(place, commit);
  const bytes = tree.files.reduce((sum, file) => sum + file.size, 0);
  if (bytes > maxBytes)
    throw new ReluLabError(
      'grader-failed',
      `commit ${commit.slice(0, 12)} holds ${bytes} bytes of files, more than the limit of ${maxBytes}: remove large files from it`,
    );
  const oids = [...new Set(tree.files.map((file) => file.oid))];
  const out =
    oids.length === 0
      ? Buffer.alloc(0)
      : await runGit({ ...place, maxOutputBytes: bytes + 200 * oids.length + 1024 }, ['cat-file', '--batch'], `${oids.join('\n')}\n`);
  const blobs = parseBatch(out);
  const root = path.resolve(target);
  await mkdir(root);
  for (const file of tree.files) {
    const destination = path.resolve(root, file.path);
    // listTree refused climbing paths already; this holds whatever a path looks like
    if (!destination.startsWith(root + path.sep)) throw new ReluLabError('grader-failed', `refusing to write ${file.path} outside ${root}`);
    const blob = blobs.get(file.oid);
    if (!blob) throw new ReluLabError('grader-failed', `git did not give the blob ${file.oid} of ${file.path}`);
    await mkdir(path.dirname(destination), { recursive: true });
    await writeFile(destination, blob, { flag: 'wx', mode: file.executable ? 0o755 : 0o644 });
  }
  return { files: tree.files.length, bytes, skipped: tree.skipped };
}
