import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { assignment } from '../course/assignment.ts';
import { discoverEntries } from './discoverEntries.ts';
import { makeRepository } from './git/makeRepository.ts';
import { prepareEntry, type PrepareOptions } from './prepareEntry.ts';
import type { BulkEntry } from './types.ts';
import { writeZip } from './zip/writeZip.ts';

const files = (tag: string) =>
  new Map([
    ['exercises/activations.ts', `export const v = '${tag}';\n`],
    ['exercises/types.ts', 'export type T = number;\n'],
  ]);
const deadline = new Date('2026-03-01T12:00:00Z');

let root: string;
let classDir: string;
let entries: BulkEntry[];
const options = (): PrepareOptions => ({
  workDir: path.join(root, 'work'),
  deadline,
  late: 'last',
  latePolicy: { kind: 'percent-per-day', percentPerDay: 10, maxDaysLate: 5 },
  moduleNames: assignment.modules.map((m) => m.name),
});
const entry = (id: string) => entries.find((e) => e.id === id)!;
const git = (dir: string, ...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'relu-lab-prepare-'));
  classDir = path.join(root, 'class');
  await mkdir(path.join(classDir, 'nested/exercises'), { recursive: true });
  await writeFile(path.join(classDir, 'nested/exercises/activations.ts'), 'export const v = 1;\n');
  await writeFile(path.join(classDir, 'nested/exercises/secret.ts'), 'x');
  await symlink('/etc/passwd', path.join(classDir, 'nested/exercises/link.ts'));
  await mkdir(path.join(classDir, 'flat'), { recursive: true });
  await writeFile(path.join(classDir, 'flat/forward.ts'), 'export const f = 1;\n');
  await mkdir(path.join(classDir, 'empty'));
  await writeFile(path.join(classDir, 'notes.txt'), 'not a submission');
  await writeFile(path.join(classDir, '.DS_Store'), '');
  await writeZip(path.join(classDir, 'zipped.zip'), [
    { name: 'zipped-main/exercises/activations.ts', data: 'export const z = 1;\n' },
    { name: 'zipped-main/.git/config', data: '[core]\n\tfsmonitor = evil\n' },
  ]);
  await writeZip(path.join(classDir, 'slip.zip'), [{ name: '../../escaped.ts', data: 'x' }]);
  await makeRepository(path.join(classDir, 'repo'), {
    author: 'Ada',
    email: 'ada@example.com',
    commits: [
      { files: files('first'), date: '2026-02-27T10:00:00Z', message: 'start' },
      { files: files('on-time'), date: '2026-03-01T11:59:00Z', message: 'done' },
      { files: files('late'), date: '2026-03-02T13:00:00Z', message: 'fix after the deadline' },
    ],
  });
  await makeRepository(path.join(classDir, 'toolate'), {
    author: 'Bo',
    email: 'bo@example.com',
    commits: [{ files: files('x'), date: '2026-03-09T00:00:00Z', message: 'late' }],
  });
  entries = await discoverEntries(classDir);
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('discoverEntries', () => {
  test('one entry per student, sorted, hidden files left out, ids without extensions', () => {
    expect(entries.map((e) => [e.id, e.kind])).toEqual([
      ['empty', 'folder'],
      ['flat', 'folder'],
      ['nested', 'folder'],
      ['notes', 'other'],
      ['repo', 'git'],
      ['slip', 'zip'],
      ['toolate', 'git'],
      ['zipped', 'zip'],
    ]);
  });
});

describe('prepareEntry', () => {
  test('a folder with exercises/ becomes a private copy without links', async () => {
    const p = await prepareEntry(entry('nested'), options());
    expect(p.kind).toBe('ready');
    if (p.kind !== 'ready') return;
    expect(path.basename(p.gradeDir)).toBe('nested');
    expect((await readdir(p.gradeDir)).sort()).toEqual(['activations.ts', 'secret.ts']);
    expect(p.late).toMatchObject({ kind: 'unknown' });
    await p.cleanup();
  });

  test('the seven files directly, an empty folder, something else', async () => {
    expect((await prepareEntry(entry('flat'), options())).kind).toBe('ready');
    expect(await prepareEntry(entry('empty'), options())).toMatchObject({
      kind: 'rejected',
      status: 'unrecognised',
      message: expect.stringContaining('empty'),
    });
    expect(await prepareEntry(entry('notes'), options())).toMatchObject({
      kind: 'rejected',
      status: 'unrecognised',
      message: expect.stringContaining('not a folder'),
    });
  });

  test('a zip is unpacked (its .git left behind); a zip-slip archive is refused', async () => {
    const p = await prepareEntry(entry('zipped'), options());
    expect(p.kind).toBe('ready');
    if (p.kind === 'ready') expect(await readdir(p.gradeDir)).toEqual(['activations.ts']);
    expect(await prepareEntry(entry('slip'), options())).toMatchObject({ kind: 'rejected', status: 'refused' });
    expect(await readdir(root)).not.toContain('escaped.ts');
  });

  test('a repository: HEAD graded and judged late by the policy', async () => {
    const p = await prepareEntry(entry('repo'), options());
    expect(p).toMatchObject({
      kind: 'ready',
      commit: { author: 'Ada', email: 'ada@example.com', atDeadline: false, branch: 'main', dirty: false },
      late: { kind: 'late', daysLate: 2, penaltyPercent: 20, accepted: true },
    });
    if (p.kind === 'ready') expect(await readFile(path.join(p.gradeDir, 'activations.ts'), 'utf8')).toContain('late');
  });

  test('--at-deadline grades the last commit before the deadline, written into a temporary folder, and leaves the repository as it was', async () => {
    const repo = entry('repo').path;
    const before = { head: git(repo, 'rev-parse', 'HEAD'), status: git(repo, 'status', '--porcelain'), worktrees: git(repo, 'worktree', 'list') };
    const p = await prepareEntry(entry('repo'), { ...options(), late: 'on-time' });
    expect(p).toMatchObject({
      kind: 'ready',
      commit: { atDeadline: true, committedAt: '2026-03-01T11:59:00Z'.replace('Z', '+00:00') },
      late: { kind: 'on-time', laterCommitsIgnored: 1 },
    });
    if (p.kind === 'ready') expect(await readFile(path.join(p.gradeDir, 'activations.ts'), 'utf8')).toContain('on-time');
    expect({ head: git(repo, 'rev-parse', 'HEAD'), status: git(repo, 'status', '--porcelain'), worktrees: git(repo, 'worktree', 'list') }).toEqual(before);
    expect(await readdir(path.join(root, 'work', 'scratch'))).toEqual([]);
  });

  test('a repository on a detached HEAD with uncommitted work: no branch, and dirty', async () => {
    const dir = path.join(root, 'other', 'detached');
    await makeRepository(dir, {
      author: 'Cy',
      email: 'cy@example.com',
      commits: [
        { files: files('one'), date: '2026-02-20T10:00:00Z', message: 'one' },
        { files: files('two'), date: '2026-02-21T10:00:00Z', message: 'two' },
      ],
    });
    git(dir, 'checkout', '--quiet', '--detach', 'HEAD~1');
    await writeFile(path.join(dir, 'exercises', 'forward.ts'), 'export const f = 2;\n');
    const p = await prepareEntry({ id: 'detached', name: 'detached', kind: 'git', path: dir }, options());
    expect(p).toMatchObject({ kind: 'ready', commit: { author: 'Cy', branch: null, dirty: true } });
    if (p.kind === 'ready') await p.cleanup();
  });

  test('--late best: the last commit at the deadline and the work tree, each in a private copy of its own', async () => {
    const p = await prepareEntry(entry('repo'), { ...options(), late: 'best' });
    expect(p).toMatchObject({
      kind: 'choice',
      states: {
        'on-time': { commit: { atDeadline: true }, late: { kind: 'on-time', laterCommitsIgnored: 1 } },
        late: { commit: { atDeadline: false, branch: 'main', dirty: false }, late: { kind: 'late', daysLate: 2, penaltyPercent: 20 } },
      },
    });
    if (p.kind !== 'choice') return;
    expect(p.states['on-time'].gradeDir).not.toBe(p.states.late.gradeDir);
    expect(path.basename(p.states['on-time'].gradeDir)).toBe('repo');
    expect(await readFile(path.join(p.states['on-time'].gradeDir, 'activations.ts'), 'utf8')).toContain('on-time');
    expect(await readFile(path.join(p.states.late.gradeDir, 'activations.ts'), 'utf8')).toContain('late');
    await p.cleanup();
    expect(await readdir(path.join(root, 'work', 'graded-on-time'))).toEqual([]);
  });

  test('--late best with nothing before the deadline grades the late work; a folder has one state', async () => {
    expect(await prepareEntry(entry('toolate'), { ...options(), late: 'best' })).toMatchObject({
      kind: 'ready',
      late: { kind: 'late', accepted: false },
    });
    expect(await prepareEntry(entry('nested'), { ...options(), late: 'best' })).toMatchObject({ kind: 'ready', commit: null, late: { kind: 'unknown' } });
  });

  test('--at-deadline with no commit before it is a row that says so', async () => {
    expect(await prepareEntry(entry('toolate'), { ...options(), late: 'on-time' })).toMatchObject({
      kind: 'rejected',
      status: 'no-commit-before-deadline',
      late: { kind: 'late', accepted: false },
    });
  });
});
