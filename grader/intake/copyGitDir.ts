// Finds a work tree's git directory and copies the part of it that is data
// into a private directory with a configuration relu-lab writes. What is
// copied: HEAD, refs/ (without refs/replace/), packed-refs (without replace
// refs), shallow (CI checkouts are shallow) and the objects (loose objects and
// packs only). What never is: config, config.worktree, anything an include
// names, info/ (attributes, grafts, excludes), hooks/, the index,
// objects/info/ (alternates, http-alternates, commit graphs), modules/, and
// anything that is a symbolic link. Object files are hard-linked when the
// private directory is on the same file system (git never writes to an
// object file, and our git only reads), copied otherwise.
import { constants } from 'node:fs';
import { copyFile, link, lstat, mkdir, readdir, readFile, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface RepoLimits {
  /** the most files the copy may hold */
  maxFiles: number;
  /** the most bytes the copied files may add up to */
  maxBytes: number;
}

/** A repository of a course (a few hundred commits of small files) is far below these. */
export const DEFAULT_REPO_LIMITS: RepoLimits = { maxFiles: 100_000, maxBytes: 512 * 1024 * 1024 };

export type LocatedGitDir =
  /** `gitDir` holds HEAD; `commonDir` holds refs and objects (the same folder except in a linked worktree) */
  { kind: 'found'; gitDir: string; commonDir: string } | { kind: 'none'; reason: string } | { kind: 'refused'; reason: string };

export type CopiedGitDir = { kind: 'copied'; objectFormat: 'sha1' | 'sha256'; files: number; bytes: number } | { kind: 'refused'; reason: string };

const SMALL_FILE = 64 * 1024;
const HEX = /^[0-9a-f]{40}$|^[0-9a-f]{64}$/;

/** Reads a small regular file (not through a link), or null. */
async function smallText(file: string): Promise<string | null> {
  const info = await lstat(file).catch(() => null);
  if (!info?.isFile() || info.size > SMALL_FILE) return null;
  return readFile(file, 'utf8');
}

function inside(dir: string, root: string): boolean {
  const relative = path.relative(root, dir);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * The git directory of the work tree `workTree`: its `.git` folder, or the
 * folder a `.git` file's `gitdir:` line names (a linked worktree or a
 * submodule), with the `commondir` a linked worktree's points to. With
 * `within`, a git directory outside that folder is refused: a handed-in
 * entry may not point relu-lab at another repository on the machine.
 */
export async function locateGitDir(workTree: string, within: string | null): Promise<LocatedGitDir> {
  const dotGit = path.join(workTree, '.git');
  const info = await lstat(dotGit).catch(() => null);
  if (!info) return { kind: 'none', reason: `${workTree} has no .git` };
  if (info.isSymbolicLink()) return { kind: 'refused', reason: 'its .git is a symbolic link' };
  let gitDir: string;
  if (info.isDirectory()) gitDir = dotGit;
  else if (info.isFile()) {
    const pointer = /^gitdir: *(.+?)\s*$/m.exec((await smallText(dotGit)) ?? '');
    if (!pointer) return { kind: 'none', reason: 'its .git file names no git directory (a line "gitdir: PATH")' };
    gitDir = path.resolve(workTree, pointer[1]);
  } else return { kind: 'none', reason: 'its .git is neither a folder nor a file' };
  const realGitDir = await realpath(gitDir).catch(() => null);
  if (!realGitDir || !(await lstat(realGitDir)).isDirectory()) return { kind: 'none', reason: `its git directory ${gitDir} does not exist` };
  let commonDir = realGitDir;
  const common = await smallText(path.join(realGitDir, 'commondir'));
  if (common !== null) {
    const resolved = await realpath(path.resolve(realGitDir, common.trim())).catch(() => null);
    if (!resolved) return { kind: 'none', reason: `the common git directory ${common.trim()} of ${realGitDir} does not exist` };
    commonDir = resolved;
  }
  if (within !== null) {
    const root = await realpath(within);
    for (const dir of [realGitDir, commonDir]) {
      if (!inside(dir, root))
        return { kind: 'refused', reason: `its .git points outside it, to ${dir}: hand in the repository itself (a clone), not a linked worktree` };
    }
  }
  return { kind: 'found', gitDir: realGitDir, commonDir };
}

/** HEAD as written in the copy: a symbolic ref to a branch, or a commit id. Null when it is neither. */
function cleanHead(text: string): string | null {
  const trimmed = text.trim();
  const ref = /^ref: *(refs\/[^\0\s]+)$/.exec(trimmed)?.[1];
  if (ref !== undefined) return ref.split('/').includes('..') ? null : `ref: ${ref}\n`;
  return HEX.test(trimmed) ? `${trimmed}\n` : null;
}

/** packed-refs without replace refs (and the peeled lines that belong to them). */
function withoutReplaceRefs(text: string): string {
  const kept: string[] = [];
  let dropping = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('^')) {
      if (!dropping) kept.push(line);
      continue;
    }
    dropping = / refs\/replace\//.test(line);
    if (!dropping) kept.push(line);
  }
  return kept.join('\n');
}

/** The configuration of every private copy: bare, nothing that could run or reach out. */
function privateConfig(objectFormat: 'sha1' | 'sha256'): string {
  const lines = [
    '[core]',
    `\trepositoryformatversion = ${objectFormat === 'sha256' ? 1 : 0}`,
    '\tbare = true',
    '\thooksPath = /dev/null',
    '\tfsmonitor = false',
    '\tpager = cat',
    '\tattributesFile = /dev/null',
    '\texcludesFile = /dev/null',
    '\tcommitGraph = false',
    '\tmultiPackIndex = false',
    '[gc]',
    '\tauto = 0',
    '[log]',
    '\tshowSignature = false',
    '\tmailmap = false',
    '[protocol]',
    '\tallow = never',
  ];
  if (objectFormat === 'sha256') lines.push('[extensions]', '\tobjectFormat = sha256');
  return `${lines.join('\n')}\n`;
}

class Budget {
  files = 0;
  bytes = 0;
  constructor(private readonly limits: RepoLimits) {}
  /** Counts a file; the reason to refuse when the copy grows past a limit. */
  take(bytes: number): string | null {
    this.files += 1;
    this.bytes += bytes;
    if (this.files > this.limits.maxFiles)
      return `its git directory holds more than ${this.limits.maxFiles} files; run git gc in it (packs are a few files) or hand in a smaller repository`;
    if (this.bytes > this.limits.maxBytes)
      return `its git directory holds more than ${this.limits.maxBytes} bytes; remove large files from its history or hand in a smaller repository`;
    return null;
  }
}

/** Copies one regular file (hard link when possible). The reason to refuse, or null. */
async function copyOne(from: string, to: string, budget: Budget): Promise<string | null> {
  const info = await lstat(from);
  if (!info.isFile()) return null;
  const refused = budget.take(info.size);
  if (refused) return refused;
  try {
    await link(from, to);
  } catch {
    // another file system, or a file we may not link: a copy, never through a link
    await copyFile(from, to, constants.COPYFILE_EXCL);
  }
  return null;
}

async function copyObjects(objects: string, target: string, budget: Budget): Promise<string | null> {
  await mkdir(target, { recursive: true });
  for (const entry of await readdir(objects, { withFileTypes: true })) {
    // loose objects live in objects/xx/, packs in objects/pack/; objects/info/ and the rest stay behind
    const loose = /^[0-9a-f]{2}$/.test(entry.name);
    if (!entry.isDirectory() || (!loose && entry.name !== 'pack')) continue;
    const from = path.join(objects, entry.name);
    const to = path.join(target, entry.name);
    await mkdir(to);
    for (const file of await readdir(from, { withFileTypes: true })) {
      const wanted = loose ? /^[0-9a-f]{38}$|^[0-9a-f]{62}$/.test(file.name) : /^pack-[0-9a-f]{40,64}\.(pack|idx|rev)$/.test(file.name);
      if (!wanted || !file.isFile()) continue;
      const refused = await copyOne(path.join(from, file.name), path.join(to, file.name), budget);
      if (refused) return refused;
    }
  }
  return null;
}

async function copyRefs(from: string, to: string, budget: Budget, hashes: string[]): Promise<string | null> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    if (entry.isDirectory()) {
      const refused = await copyRefs(source, path.join(to, entry.name), budget, hashes);
      if (refused) return refused;
    } else if (entry.isFile()) {
      const text = await smallText(source);
      if (text === null) continue;
      const refused = budget.take(text.length);
      if (refused) return refused;
      hashes.push(text.trim());
      await writeFile(path.join(to, entry.name), text, { flag: 'wx' });
    }
  }
  return null;
}

/** Copies the data of `located` into `target` (which must not exist) and writes its configuration. */
export async function copyGitDir(
  located: { gitDir: string; commonDir: string },
  target: string,
  limits: RepoLimits = DEFAULT_REPO_LIMITS,
): Promise<CopiedGitDir> {
  const head = cleanHead((await smallText(path.join(located.gitDir, 'HEAD'))) ?? '');
  if (head === null) return { kind: 'refused', reason: 'its HEAD is not a branch name or a commit id' };
  const objects = path.join(located.commonDir, 'objects');
  if (!(await lstat(objects).catch(() => null))?.isDirectory()) return { kind: 'refused', reason: 'its git directory has no objects folder' };
  await mkdir(target);
  const budget = new Budget(limits);
  const hashes = [head.trim()];
  const refs = path.join(located.commonDir, 'refs');
  if ((await lstat(refs).catch(() => null))?.isDirectory()) {
    for (const entry of await readdir(refs, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name === 'replace') continue;
      const refused = await copyRefs(path.join(refs, entry.name), path.join(target, 'refs', entry.name), budget, hashes);
      if (refused) return { kind: 'refused', reason: refused };
    }
  }
  await mkdir(path.join(target, 'refs', 'heads'), { recursive: true });
  await mkdir(path.join(target, 'refs', 'tags'), { recursive: true });
  const packed = await boundedText(path.join(located.commonDir, 'packed-refs'), budget);
  if (packed !== null && typeof packed === 'object') return packed;
  if (packed !== null) {
    const kept = withoutReplaceRefs(packed);
    hashes.push(...kept.split('\n').map((line) => line.split(' ')[0]));
    await writeFile(path.join(target, 'packed-refs'), kept, { flag: 'wx' });
  }
  const shallow = await boundedText(path.join(located.commonDir, 'shallow'), budget);
  if (shallow !== null && typeof shallow === 'object') return shallow;
  if (shallow !== null) await writeFile(path.join(target, 'shallow'), shallow, { flag: 'wx' });
  const refused = await copyObjects(objects, path.join(target, 'objects'), budget);
  if (refused) return { kind: 'refused', reason: refused };
  // a SHA-256 repository says so in its config, which is not read: its ids say so too
  const objectFormat = hashes.some((hash) => /^[0-9a-f]{64}$/.test(hash)) ? 'sha256' : 'sha1';
  await writeFile(path.join(target, 'HEAD'), head, { flag: 'wx' });
  await writeFile(path.join(target, 'config'), privateConfig(objectFormat), { flag: 'wx' });
  return { kind: 'copied', objectFormat, files: budget.files, bytes: budget.bytes };
}

/** A regular file counted against the budget, as text; null when there is none; refused past the budget. */
async function boundedText(file: string, budget: Budget): Promise<string | null | { kind: 'refused'; reason: string }> {
  const info = await lstat(file).catch(() => null);
  if (!info?.isFile()) return null;
  const refused = budget.take(info.size);
  if (refused) return { kind: 'refused', reason: refused };
  return readFile(file, 'utf8');
}
