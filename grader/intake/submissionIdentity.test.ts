import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isReluLabError } from '../core/errors.ts';
import { submissionIdentity } from './submissionIdentity.ts';

let base: string;
const ceiling = process.env.GIT_CEILING_DIRECTORIES;

beforeAll(async () => {
  base = await realpath(await mkdtemp(path.join(os.tmpdir(), 'relu-lab-identity-')));
  // even when the temporary folder lies inside some repository, git must not look above `base`
  process.env.GIT_CEILING_DIRECTORIES = base;
});
afterAll(async () => {
  if (ceiling === undefined) delete process.env.GIT_CEILING_DIRECTORIES;
  else process.env.GIT_CEILING_DIRECTORIES = ceiling;
  await rm(base, { recursive: true, force: true });
});

async function folder(relative: string, files: Record<string, string>): Promise<string> {
  const dir = path.join(base, relative);
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  await mkdir(dir, { recursive: true });
  return dir;
}

function git(cwd: string, ...args: string[]): string {
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (/^GIT_(DIR|WORK_TREE|INDEX_FILE|PREFIX)$/.test(name)) delete env[name];
  return execFileSync('git', args, { cwd, env, encoding: 'utf8' }).trim();
}

async function repository(name: string): Promise<string> {
  const repo = await folder(name, { 'README.md': 'x\n', 'exercises/adding.ts': 'export const a = 1;\n' });
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'config', 'user.name', 'Alice Example');
  git(repo, 'config', 'user.email', 'alice@example.org');
  git(repo, 'config', 'commit.gpgsign', 'false');
  return repo;
}

describe('submissionIdentity: files and hash', () => {
  it('lists the graded .ts files, sorted, and hashes names and contents', async () => {
    const dir = await folder('plain/bob', {
      'totals.ts': 'export const t = 1;\n',
      'adding.ts': 'export const a = 1;\n',
      'adding.test.ts': 'test',
      'lib/helpers.ts': 'export {};\n',
      'notes.md': '# notes',
      'node_modules/x/index.ts': '',
      '.cache/y.ts': '',
    });
    const id = await submissionIdentity(dir);
    expect(id.path).toBe(dir);
    expect(id.name).toBe('bob');
    expect(id.files).toEqual(['adding.ts', 'lib/helpers.ts', 'totals.ts']);
    const expected = createHash('sha256');
    for (const [file, text] of [
      ['adding.ts', 'export const a = 1;\n'],
      ['lib/helpers.ts', 'export {};\n'],
      ['totals.ts', 'export const t = 1;\n'],
    ]) {
      expected.update(`${file}\0${Buffer.byteLength(text)}\0${text}`);
    }
    expect(id.contentHash).toBe(expected.digest('hex'));
    expect(id.git).toBeNull();
  });

  it('keeps the folder as given, and hashes the same files the same wherever they are', async () => {
    const a = await folder('same/one', { 'forward.ts': 'x' });
    const b = await folder('same/two', { 'forward.ts': 'x' });
    const relative = path.relative(process.cwd(), a);
    const idA = await submissionIdentity(relative);
    expect(idA.path).toBe(relative);
    expect(idA.contentHash).toBe((await submissionIdentity(b)).contentHash);
  });

  it('changes the hash when a file changes or is renamed, not when a test does', async () => {
    const dir = await folder('changes', { 'forward.ts': 'x', 'forward.test.ts': 'a' });
    const before = (await submissionIdentity(dir)).contentHash;
    await writeFile(path.join(dir, 'forward.test.ts'), 'b');
    expect((await submissionIdentity(dir)).contentHash).toBe(before);
    await writeFile(path.join(dir, 'forward.ts'), 'y');
    const edited = (await submissionIdentity(dir)).contentHash;
    expect(edited).not.toBe(before);
    await rm(path.join(dir, 'forward.ts'));
    await writeFile(path.join(dir, 'backprop.ts'), 'y');
    expect((await submissionIdentity(dir)).contentHash).not.toBe(edited);
  });

  it('names an `exercises` folder after its parent, and makes names safe for a path', async () => {
    expect((await submissionIdentity(await folder('class/alice/exercises', {}))).name).toBe('alice');
    expect((await submissionIdentity(await folder('class/Ann Lee (2)', {}))).name).toBe('Ann-Lee-2');
    expect((await submissionIdentity(await folder('class/...', {}))).name).toBe('submission');
  });

  it('says submission-missing for a folder that is not there or is a file', async () => {
    for (const dir of [path.join(base, 'absent'), (await folder('f', { 'a.ts': '' })) + '/a.ts']) {
      const e = await submissionIdentity(dir).catch((err: unknown) => err);
      expect(isReluLabError(e, 'submission-missing')).toBe(true);
    }
  });
});

describe('submissionIdentity: git', () => {
  it('is null in a repository without commits', async () => {
    const repo = await repository('empty-repo');
    expect((await submissionIdentity(path.join(repo, 'exercises'))).git).toBeNull();
  });

  it('gives HEAD, author, date, branch and whether the folder is dirty', async () => {
    const repo = await repository('repo');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'first');
    const dir = path.join(repo, 'exercises');
    const id = await submissionIdentity(dir);
    expect(id.name).toBe('repo');
    expect(id.git).toEqual({
      commit: git(repo, 'rev-parse', 'HEAD'),
      author: 'Alice Example',
      email: 'alice@example.org',
      date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}([+-]\d{2}:\d{2}|Z)$/),
      branch: 'main',
      dirty: false,
    });
    expect(Date.parse(id.git!.date)).not.toBeNaN();

    await writeFile(path.join(repo, 'README.md'), 'changed outside the submission\n');
    expect((await submissionIdentity(dir)).git?.dirty).toBe(false);
    await writeFile(path.join(dir, 'forward.ts'), 'export {};\n');
    expect((await submissionIdentity(dir)).git?.dirty).toBe(true);
  });

  it('has no branch on a detached HEAD', async () => {
    const repo = await repository('detached');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'first');
    git(repo, 'checkout', '-q', '--detach');
    const id = await submissionIdentity(path.join(repo, 'exercises'));
    expect(id.git?.branch).toBeNull();
    expect(id.git?.commit).toMatch(/^[0-9a-f]{40}$/);
  });
});
