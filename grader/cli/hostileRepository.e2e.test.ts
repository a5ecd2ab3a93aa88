// End to end: a student's repository whose own metadata would copy the
// reference over the work (a clean filter reached through include.path, a
// filter in config.worktree), forge the commit (a replace ref to a commit in
// an alternate object store whose tree is the reference) and run programs
// (gpg, fsmonitor, hooks, textconv, pager). The work committed is the
// untouched stubs. Graded by `relu-lab grade`, `ci`, `history`, `bulk
// --at-deadline` and templates/run_autograder, it must score what the stubs
// earn (nothing), be identified by the honest commit, and no program it
// names may run.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PACKAGE_ROOT } from '../core/defaults.ts';
import { assignment } from '../course/assignment.ts';
import { packHidden } from '../hiddenBundle/packHidden.ts';
import { main } from './main.ts';
import type { Io } from '../core/Io.ts';
import { validateResults } from '../results/validateResults.ts';
import type { ResultsDocument } from '../results/types.ts';
import { makeHostileRepository, type HostileRepository } from '../intake/testing/hostileRepository.ts';

const MODULES = assignment.modules.map((m) => m.name);

let root: string;
let hostile: HostileRepository;
let bundle: string;
const stubs = new Map<string, string>();
const SUBMITTED = '2026-02-01T10:00:00Z';

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'relu-lab-hostile-e2e-'));
  for (const file of await readdir(path.join(PACKAGE_ROOT, 'exercises'))) {
    if (file.endsWith('.ts') && !file.endsWith('.test.ts')) stubs.set(`exercises/${file}`, await readFile(path.join(PACKAGE_ROOT, 'exercises', file), 'utf8'));
  }
  const reference = new Map<string, string>();
  for (const module of MODULES) reference.set(`exercises/${module}.ts`, await readFile(path.join(PACKAGE_ROOT, 'solutions', `${module}.ts`), 'utf8'));
  hostile = await makeHostileRepository(path.join(root, 'hostile'), {
    commits: [{ files: new Map([...stubs, ['README.md', '# my work\n']]), date: SUBMITTED, message: 'my work' }],
    // git runs filters at the top of the work tree, wherever the repository was copied to
    onClean: `cp ${MODULES.map((m) => `"${path.join(PACKAGE_ROOT, 'solutions', `${m}.ts`)}"`).join(' ')} exercises/ 2>/dev/null`,
    forgedFiles: reference,
  });
  bundle = path.join(root, 'hidden.tgz');
  await packHidden(bundle);
}, 120_000);
afterAll(() => rm(root, { recursive: true, force: true }));

/** A copy of the hostile repository at `dir` (as a clone, a download or Gradescope's upload would make it: new file times). */
async function copyTo(dir: string): Promise<string> {
  await mkdir(path.dirname(dir), { recursive: true });
  await cp(hostile.dir, dir, { recursive: true });
  return dir;
}

function io(cwd: string): Io & { text: () => string } {
  let text = '';
  return { out: (t) => void (text += t), err: (t) => void (text += t), color: false, env: {}, cwd, text: () => text };
}

async function results(file: string): Promise<ResultsDocument> {
  return validateResults(JSON.parse(await readFile(file, 'utf8')));
}

/** The stubs' honest score, the honest commit, the stubs still in place, and no program run. */
async function expectHonest(doc: ResultsDocument, copy: string | null): Promise<void> {
  expect(doc.outcome.kind).toBe('graded');
  expect(doc.score.earned).toBe(0);
  expect(doc.submission.git).toMatchObject({ commit: hostile.head, author: 'Ada Honest' });
  if (copy) for (const [file, text] of stubs) expect(await readFile(path.join(copy, file), 'utf8')).toBe(text);
  expect(await hostile.ran()).toEqual([]);
}

describe('a repository whose metadata would copy the reference over the work and forge its commit', () => {
  test('relu-lab grade', async () => {
    const copy = await copyTo(path.join(root, 'grade', 'alice'));
    const out = path.join(root, 'grade-out');
    const run = io(PACKAGE_ROOT);
    expect(await main(['grade', '--submission', path.join(copy, 'exercises'), '--out', out], run), run.text()).toBe(0);
    await expectHonest(await results(path.join(out, 'results.json')), copy);
  }, 60_000);

  test('relu-lab ci with the hidden bundle', async () => {
    const copy = await copyTo(path.join(root, 'ci', 'alice'));
    const out = path.join(root, 'ci-out');
    const run = io(copy);
    expect(await main(['ci', '--hidden', bundle, '--audience', 'instructor', '--out', out], run), run.text()).toBe(0);
    const doc = await results(path.join(out, 'results.json'));
    await expectHonest(doc, copy);
    expect(doc.submission.git?.dirty).toBe(false);
  }, 60_000);

  test('relu-lab history', async () => {
    const copy = await copyTo(path.join(root, 'history', 'alice'));
    const run = io(copy);
    expect(await main(['history', '-n', '5', '--hidden', bundle, '--out', path.join(root, 'history-out')], run), run.text()).toBe(0);
    const cache = path.join(copy, 'reports/history/cache');
    const cached = await readdir(cache);
    expect(cached).toHaveLength(1);
    await expectHonest(await results(path.join(cache, cached[0])), copy);
  }, 60_000);

  test('relu-lab bulk --at-deadline', async () => {
    await copyTo(path.join(root, 'class', 'alice'));
    const out = path.join(root, 'bulk-out');
    const run = io(root);
    const code = await main(
      ['bulk', path.join(root, 'class'), '--out', out, '--workers', '1', '--deadline', '2026-02-02T00:00:00Z', '--at-deadline', '--quiet'],
      run,
    );
    expect(code, run.text()).toBe(0);
    const doc = await results(path.join(out, 'alice', 'results.json'));
    await expectHonest(doc, path.join(root, 'class', 'alice'));
    expect(doc.submission.git).toMatchObject({ branch: null, dirty: false });
  }, 90_000);

  test('templates/run_autograder', async () => {
    const autograder = path.join(root, 'autograder');
    await copyTo(path.join(autograder, 'submission'));
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, AUTOGRADER: autograder, RELU_LAB: PACKAGE_ROOT, CI: '1' };
    await promisify(execFile)('bash', [path.join(PACKAGE_ROOT, 'templates/run_autograder')], { env });
    const gradescope = JSON.parse(await readFile(path.join(autograder, 'results', 'results.json'), 'utf8')) as {
      score: number;
      extra_data?: { commit?: string };
    };
    expect(gradescope.score).toBe(0);
    expect(gradescope.extra_data?.commit).toBe(hostile.head);
    expect(await hostile.ran()).toEqual([]);
  }, 120_000);
});
