// The top of the git work tree a folder is in, found by looking for `.git`
// (a folder, or a file as linked worktrees and submodules have) in the folder
// and above it, without running git there. Like git, it does not climb into a
// folder named in GIT_CEILING_DIRECTORIES (absolute paths, `:`-separated).
import { lstat } from 'node:fs/promises';
import path from 'node:path';

function ceilings(): Set<string> {
  const value = process.env.GIT_CEILING_DIRECTORIES ?? '';
  return new Set(
    value
      .split(path.delimiter)
      .filter((dir) => path.isAbsolute(dir))
      .map((dir) => path.resolve(dir)),
  );
}

/** The folder holding `.git` at or above `dir`, or null when there is none. */
export async function findWorkTree(dir: string): Promise<string | null> {
  const stop = ceilings();
  for (let at = path.resolve(dir); ;) {
    if (await lstat(path.join(at, '.git')).catch(() => null)) return at;
    const parent = path.dirname(at);
    if (parent === at || stop.has(parent)) return null;
    at = parent;
  }
}
