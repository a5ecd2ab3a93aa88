import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findWorkTree } from './findWorkTree.ts';
import { unsafePath } from './listTree.ts';
import { makeHostileRepository, type HostileRepository } from './testing/hostileRepository.ts';
import { UntrustedRepo, withUntrustedRepo, type RepoOpening } from './untrustedRepo.ts';

let base: string;
let tmpDir: string;
let hostile: HostileRepository;
const first = new Map([
  ['exercises/activations.ts', 'export const a = 1;\n'],
  ['README.md', 'read me\n'],
]);
const second = new Map([
  ['exercises/activations.ts', 'export const a = 2;\n'],
  ['exercises/forward.ts', 'export const f = 2;\n'],
]);
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: base, GIT_CONFIG_NOSYSTEM: '1' },
  }).trim();

function opened(opening: RepoOpening): UntrustedRepo {
  if (opening.kind !== 'opened') throw new Error(`not opened: ${opening.kind} ${opening.reason}`);
  return opening.repo;
}

async function plainRepository(name: string, files: Map<string, string>): Promise<string> {
  const dir = path.join(base, name);
  await mkdir(dir, { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  for (const [file, text] of files) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  git(dir, 'add', '--all');
  git(dir, 'commit', '-q', '-m', 'first');
  return dir;
}

beforeAll(async () => {
  base = await realpath(await mkdtemp(path.join(os.tmpdir(), 'relu-lab-untrusted-')));
  tmpDir = path.join(base, 'private');
  await mkdir(tmpDir);
  hostile = await makeHostileRepository(path.join(base, 'hostile'), {
    commits: [
      { files: first, date: '2026-02-01T10:00:00Z', message: 'one' },
      { files: second, date: '2026-02-03T10:00:00Z', message: 'two' },
    ],
  });
});
afterAll(() => rm(base, { recursive: true, force: true }));

describe('UntrustedRepo on a repository whose metadata names programs and other data', () => {
  test('reads HEAD, the branch, the commit before a deadline and the later commits: the committed ones, with no program run', async () => {
    const repo = opened(await UntrustedRepo.open(hostile.dir, { tmpDir }));
    try {
      // not the forged commit the replace ref and alternates would show
      expect(await repo.head()).toEqual({
        commit: hostile.head,
        author: 'Ada Honest',
        email: 'ada@example.com',
        authorDate: '2026-02-03T10:00:00+00:00',
        committedAt: '2026-02-03T10:00:00+00:00',
        subject: 'two',
      });
      expect(repo.branch).toBe('main');
      expect((await repo.atOrBefore(new Date('2026-02-02T00:00:00Z')))?.commit).toBe(hostile.commits[0]);
      expect(await repo.commitsAfter(hostile.commits[0])).toBe(1);
      expect((await repo.lastCommits(10)).map((c) => [c.commit, c.author])).toEqual([
        [hostile.head, 'Ada Honest'],
        [hostile.commits[0], 'Ada Honest'],
      ]);
    } finally {
      await repo.close();
    }
    expect(await hostile.ran()).toEqual([]);
  });

  test('checks a commit out into a new folder with the committed bytes (no smudge filter), leaving the repository as it was', async () => {
    const before = await readdir(path.join(hostile.dir, '.git'), { recursive: true });
    const target = path.join(base, 'checkout-one');
    const outcome = await withUntrustedRepo(hostile.dir, { tmpDir }, (repo) => repo.checkout(hostile.commits[0], target));
    expect(outcome).toMatchObject({ kind: 'opened', value: { files: 3, skipped: [] } });
    expect((await readdir(target, { recursive: true })).sort()).toEqual(['.gitattributes', 'README.md', 'exercises', 'exercises/activations.ts']);
    expect(await readFile(path.join(target, 'exercises/activations.ts'), 'utf8')).toBe('export const a = 1;\n');
    expect(await readFile(path.join(target, 'README.md'), 'utf8')).toBe('read me\n');
    expect(await readdir(path.join(hostile.dir, '.git'), { recursive: true })).toEqual(before);
    expect(await hostile.ran()).toEqual([]);
  });

  test('is clean although every file looks touched to git, and dirty by what is changed, missing or added to be graded', async () => {
    const changes = () => withUntrustedRepo(hostile.dir, { tmpDir }, async (repo) => [await repo.changes(''), await repo.changes('exercises')]);
    expect(await changes()).toEqual({
      kind: 'opened',
      value: [
        { dirty: false, changed: [], missing: [], untracked: [] },
        { dirty: false, changed: [], missing: [], untracked: [] },
      ],
    });
    await writeFile(path.join(hostile.dir, 'README.md'), 'edited\n');
    await writeFile(path.join(hostile.dir, 'exercises/claims.ts'), 'export {};\n');
    await writeFile(path.join(hostile.dir, 'exercises/claims.test.ts'), 'not graded\n');
    await mkdir(path.join(hostile.dir, 'exercises/node_modules'), { recursive: true });
    await writeFile(path.join(hostile.dir, 'exercises/node_modules/x.ts'), 'not graded\n');
    await rm(path.join(hostile.dir, 'exercises/forward.ts'));
    try {
      expect(await changes()).toEqual({
        kind: 'opened',
        value: [
          { dirty: true, changed: ['README.md'], missing: ['exercises/forward.ts'], untracked: ['exercises/claims.ts'] },
          { dirty: true, changed: [], missing: ['exercises/forward.ts'], untracked: ['exercises/claims.ts'] },
        ],
      });
    } finally {
      await writeFile(path.join(hostile.dir, 'README.md'), 'read me\n');
      await writeFile(path.join(hostile.dir, 'exercises/forward.ts'), 'export const f = 2;\n');
      for (const extra of ['exercises/claims.ts', 'exercises/claims.test.ts', 'exercises/node_modules'])
        await rm(path.join(hostile.dir, extra), { recursive: true });
    }
    expect(await hostile.ran()).toEqual([]);
  });

  test('leaves no private copy behind, also when the work on it throws', async () => {
    await expect(withUntrustedRepo(hostile.dir, { tmpDir }, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await readdir(tmpDir)).toEqual([]);
  });

  test("ignores git settings in relu-lab's own environment", async () => {
    const saved = { ...process.env };
    Object.assign(process.env, {
      GIT_DIR: path.join(base, 'nowhere'),
      GIT_CONFIG_COUNT: '2',
      GIT_CONFIG_KEY_0: 'log.showSignature',
      GIT_CONFIG_VALUE_0: 'true',
      GIT_CONFIG_KEY_1: 'gpg.program',
      GIT_CONFIG_VALUE_1: path.join(path.dirname(hostile.markers), 'bin/gpg'),
    });
    try {
      const outcome = await withUntrustedRepo(hostile.dir, { tmpDir }, (repo) => repo.head());
      expect(outcome).toMatchObject({ kind: 'opened', value: { commit: hostile.head } });
    } finally {
      for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
      Object.assign(process.env, saved);
    }
    expect(await hostile.ran()).toEqual([]);
  });
});

describe('UntrustedRepo: what it copies and what it refuses', () => {
  test('objects only reachable through objects/info/alternates are not read', async () => {
    const lender = await plainRepository('lender', new Map([['a.ts', 'lent\n']]));
    const borrower = await plainRepository('borrower', new Map([['b.ts', 'own\n']]));
    const lent = git(lender, 'rev-parse', 'HEAD');
    await writeFile(path.join(borrower, '.git/objects/info/alternates'), `${path.join(lender, '.git/objects')}\n`);
    git(borrower, 'update-ref', 'refs/heads/main', lent);
    expect(git(borrower, 'log', '-1', '--format=%H')).toBe(lent);
    expect(await withUntrustedRepo(borrower, { tmpDir }, (repo) => repo.head())).toEqual({ kind: 'opened', value: null });
  });

  test('a shallow clone (packs, packed-refs, shallow) and a SHA-256 repository are read', async () => {
    const origin = await plainRepository('origin', new Map([['a.ts', 'one\n']]));
    await writeFile(path.join(origin, 'a.ts'), 'two\n');
    git(origin, 'commit', '-q', '-am', 'second');
    const clone = path.join(base, 'shallow-clone');
    git(base, 'clone', '-q', '--depth', '1', `file://${origin}`, clone);
    const fromClone = await withUntrustedRepo(clone, { tmpDir }, async (repo) => ({
      head: (await repo.head())?.commit,
      commits: (await repo.lastCommits(10)).length,
      changes: await repo.changes(''),
    }));
    expect(fromClone).toEqual({
      kind: 'opened',
      value: { head: git(origin, 'rev-parse', 'HEAD'), commits: 1, changes: { dirty: false, changed: [], missing: [], untracked: [] } },
    });

    const sha256 = path.join(base, 'sha256');
    await mkdir(sha256);
    git(sha256, 'init', '-q', '--object-format=sha256', '-b', 'main');
    await writeFile(path.join(sha256, 'a.ts'), 'x\n');
    git(sha256, 'add', 'a.ts');
    git(sha256, 'commit', '-q', '-m', 'first');
    const target = path.join(base, 'sha256-out');
    const fromSha256 = await withUntrustedRepo(sha256, { tmpDir }, async (repo) => ({
      format: repo.objectFormat,
      changes: await repo.changes(''),
      written: await repo.checkout((await repo.head())!.commit, target),
    }));
    expect(fromSha256).toMatchObject({ kind: 'opened', value: { format: 'sha256', changes: { dirty: false }, written: { files: 1 } } });
    expect(await readFile(path.join(target, 'a.ts'), 'utf8')).toBe('x\n');
  });

  test('a checkout writes regular files only: links and submodules are skipped', async () => {
    const dir = await plainRepository('links', new Map([['exercises/activations.ts', 'x\n']]));
    await symlink('/etc/passwd', path.join(dir, 'exercises/link.ts'));
    const sub = git(dir, 'rev-parse', 'HEAD');
    git(dir, 'update-index', '--add', '--cacheinfo', `160000,${sub},vendor`);
    git(dir, 'add', 'exercises');
    git(dir, 'commit', '-q', '-m', 'links');
    const target = path.join(base, 'links-out');
    const outcome = await withUntrustedRepo(dir, { tmpDir }, async (repo) => repo.checkout((await repo.head())!.commit, target));
    expect(outcome).toMatchObject({
      kind: 'opened',
      value: {
        files: 1,
        skipped: [
          { path: 'exercises/link.ts', reason: 'a symbolic link' },
          { path: 'vendor', reason: 'a submodule' },
        ],
      },
    });
    expect(await readdir(target, { recursive: true })).toEqual(['exercises', 'exercises/activations.ts']);
  });

  test('paths that climb out or write into a .git are refused', () => {
    for (const bad of ['../x.ts', 'a/../../x', '/etc/passwd', 'a//b', '.git/config', 'sub/.GIT/hooks/post-checkout', './a'])
      expect(unsafePath(bad)).not.toBeNull();
    for (const good of ['a.ts', 'exercises/forward.ts', '.gitattributes', 'a/.github/x.yml', '..a']) expect(unsafePath(good)).toBeNull();
  });

  test('a repository past the size limits is refused, with how to fix it, and nothing is left behind', async () => {
    expect(await UntrustedRepo.open(hostile.dir, { tmpDir, limits: { maxFiles: 3, maxBytes: 1e9 } })).toMatchObject({
      kind: 'refused',
      reason: expect.stringMatching(/more than 3 files; run git gc/),
    });
    expect(await UntrustedRepo.open(hostile.dir, { tmpDir, limits: { maxFiles: 1e6, maxBytes: 100 } })).toMatchObject({
      kind: 'refused',
      reason: expect.stringMatching(/more than 100 bytes/),
    });
    expect(await readdir(tmpDir)).toEqual([]);
  });

  test('links in the git directory are not followed', async () => {
    const dir = await plainRepository('linked-ref', new Map([['a.ts', 'x\n']]));
    const commit = git(dir, 'rev-parse', 'HEAD');
    await writeFile(path.join(base, 'outside-ref'), `${commit}\n`);
    await rm(path.join(dir, '.git/refs/heads/main'));
    await symlink(path.join(base, 'outside-ref'), path.join(dir, '.git/refs/heads/main'));
    expect(await withUntrustedRepo(dir, { tmpDir }, (repo) => repo.head())).toEqual({ kind: 'opened', value: null });
    const aliased = path.join(base, 'aliased');
    await mkdir(aliased);
    await symlink(path.join(dir, '.git'), path.join(aliased, '.git'));
    expect(await UntrustedRepo.open(aliased, { tmpDir })).toMatchObject({ kind: 'refused', reason: 'its .git is a symbolic link' });
  });

  test('a linked worktree (a .git file with commondir) is read, unless it must stay inside its folder', async () => {
    const main = await plainRepository('main-repo', new Map([['a.ts', 'one\n']]));
    git(main, 'branch', 'feature');
    const linked = path.join(base, 'linked-worktree');
    git(main, 'worktree', 'add', '-q', linked, 'feature');
    const outcome = await withUntrustedRepo(linked, { tmpDir }, async (repo) => ({ branch: repo.branch, head: (await repo.head())?.commit }));
    expect(outcome).toEqual({ kind: 'opened', value: { branch: 'feature', head: git(main, 'rev-parse', 'HEAD') } });
    expect(await UntrustedRepo.open(linked, { tmpDir, within: linked })).toMatchObject({
      kind: 'refused',
      reason: expect.stringContaining('points outside it'),
    });
    expect(await UntrustedRepo.open(path.join(base, 'lender', '..', 'private'), { tmpDir })).toMatchObject({ kind: 'not-a-repository' });
  });
});

describe('findWorkTree', () => {
  test('finds the folder holding .git above a folder, and stops at GIT_CEILING_DIRECTORIES', async () => {
    const dir = path.join(hostile.dir, 'exercises');
    expect(await findWorkTree(dir)).toBe(hostile.dir);
    const saved = process.env.GIT_CEILING_DIRECTORIES;
    process.env.GIT_CEILING_DIRECTORIES = hostile.dir;
    try {
      expect(await findWorkTree(dir)).toBeNull();
      expect(await findWorkTree(hostile.dir)).toBe(hostile.dir);
    } finally {
      if (saved === undefined) delete process.env.GIT_CEILING_DIRECTORIES;
      else process.env.GIT_CEILING_DIRECTORIES = saved;
    }
  });
});
