// The crash-safety promise of relu-lab bulk, end to end: a run killed with
// SIGKILL part-way loses no finished student, leaves no grading process
// behind, and --resume grades only who is left: nobody twice.
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { PACKAGE_ROOT } from '../core/defaults.ts';
import { assignment } from '../course/assignment.ts';
import { loadFixtureCorpus, materialiseFixture } from '../corpus/fixtureCorpus.ts';
import { EVENT_LOG } from './store/eventLog.ts';

const STUDENTS = ['passes-all-functional', 'fails-relu-grad-at-zero', 'untouched-stubs', 'fails-dense-forgets-bias'];
const BIN = path.join(PACKAGE_ROOT, 'bin/relu-lab.mjs');

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'relu-lab-resume-'));
  const corpus = await loadFixtureCorpus(assignment);
  for (const name of STUDENTS)
    await materialiseFixture(
      corpus.find((f) => f.name === name)!,
      path.join(root, 'class', name, 'exercises'),
    );
});
afterAll(() => rm(root, { recursive: true, force: true }));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
type Event = { event: string; id?: string };
const events = async (): Promise<Event[]> =>
  (await readFile(path.join(root, 'out', EVENT_LOG), 'utf8').catch(() => ''))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Event);

/** Processes whose TMPDIR lies in this test's folder: the run's grading processes and sandboxes. */
async function processesOfThisTest(): Promise<number[]> {
  const pids: number[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const environ = await readFile(`/proc/${name}/environ`, 'utf8').catch(() => '');
    if (environ.split('\0').some((v) => v.startsWith(`TMPDIR=${root}`))) pids.push(Number(name));
  }
  return pids;
}

test('SIGKILL part-way, then --resume: nothing lost, nobody graded twice, no process left behind', async () => {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: '1', TMPDIR: root };
  for (const name of Object.keys(env)) if (/^(VITEST|__VITEST|NODE_OPTIONS)/.test(name)) delete env[name];
  const args = [BIN, 'bulk', path.join(root, 'class'), '--out', path.join(root, 'out'), '--workers', '1', '--batch', '1', '--quiet'];

  const first = spawn(process.execPath, args, { env, stdio: 'ignore', detached: true });
  const deadline = Date.now() + 90_000;
  while (!(await events()).some((e) => e.event === 'graded') && Date.now() < deadline) await sleep(50);
  first.kill('SIGKILL');
  await new Promise((r) => first.once('exit', r));
  const gradedBeforeKill = (await events()).filter((e) => e.event === 'graded').map((e) => e.id);
  expect(gradedBeforeKill.length).toBeGreaterThanOrEqual(1);
  expect(gradedBeforeKill.length).toBeLessThan(STUDENTS.length);

  // orphaned grading processes notice their parent is gone and end
  for (let i = 0; i < 100 && (await processesOfThisTest()).length > 0; i++) await sleep(100);
  expect(await processesOfThisTest()).toEqual([]);

  const { stdout } = await promisify(execFile)(process.execPath, [...args, '--resume'], { env });
  expect(stdout).toMatch(/4 students: \d graded, 0 grading errors, 0 not graded, \d skipped/);

  const all = await events();
  const starts = all.flatMap((e, i) => (e.event === 'run-start' ? [i] : []));
  const resumed = all.slice(starts[starts.length - 1]);
  for (const id of STUDENTS) {
    const graded = all.filter((e) => e.event === 'graded' && e.id === id).length;
    const skipped = resumed.filter((e) => e.event === 'skipped' && e.id === id).length;
    expect({ id, graded: graded <= 1, once: graded + skipped >= 1 }).toEqual({ id, graded: true, once: true });
    // whoever was graded before the kill is skipped, not graded again
    if (gradedBeforeKill.includes(id)) expect(skipped).toBe(1);
  }
  const gradebook = JSON.parse(await readFile(path.join(root, 'out', 'gradebook.json'), 'utf8'));
  expect(gradebook.rows.map((r: { student: string; status: string }) => [r.student, r.status]).sort()).toEqual(STUDENTS.map((id) => [id, 'graded']).sort());
}, 180_000);
