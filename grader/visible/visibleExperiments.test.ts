// The course's experiments in a visible run: with the reference every one
// runs; on the untouched stubs each says which function to implement first,
// in one short line; a function that hangs is stopped at its time limit and
// not called again, the experiments that do not need it still run; a file
// that does not compile blocks only the experiments that need it.
import fs from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, test } from 'vitest';
import { PACKAGE_ROOT } from '../core/defaults.ts';
import { assignment } from '../course/assignment.ts';
import type { Experiment } from '../course/experiments/ExperimentsData.ts';
import { loadTestManifest } from '../manifest/testing/testManifest.ts';
import type { ManifestLimits } from '../manifest/types.ts';
import { compileSubmission } from '../sandbox/compileSubmission.ts';
import { makeSubmission, type TestSubmission } from '../sandbox/testing/makeSubmission.ts';
import { visibleExperiments } from './visibleExperiments.ts';

const MODULES = assignment.modules.map((m) => m.name);
const IDS = ['reluIsLinear', 'reluGradAtZero', 'deadMeans', 'trainingFavoursLinear', 'leakyReluCanDie'];

let submission: TestSubmission | null = null;
afterEach(async () => {
  await submission?.cleanup();
  submission = null;
});

/** The experiments of the submission in `dir` (compiled into `codeDir`), with the tests' manifest's limits changed by `limits`. */
async function experimentsOf(dir: string, codeDir: string, limits: Partial<ManifestLimits> = {}): Promise<Experiment[] | null> {
  const manifest = await loadTestManifest(MODULES);
  const compiled = await compileSubmission(dir, codeDir, MODULES);
  const all = { ...manifest.limits, ...limits };
  const ran = await visibleExperiments({
    experiments: (source) => assignment.experiments!(source),
    compiled,
    limits: all,
    endsAt: performance.now() + all.submissionDeadlineMs,
  });
  return ran as Experiment[] | null;
}

describe('visibleExperiments', () => {
  test("the reference's functions: all five experiments run", async () => {
    submission = await makeSubmission();
    const ran = await experimentsOf(submission.submissionDir, submission.codeDir);
    expect(ran?.map((e) => e.id)).toEqual(IDS);
    expect(ran?.map((e) => e.outcome.kind)).toEqual(IDS.map(() => 'ran'));
  }, 30_000);

  test('the untouched stubs: each experiment says which function to implement first, in one short line', async () => {
    submission = await makeSubmission();
    const ran = await experimentsOf(path.join(PACKAGE_ROOT, 'exercises'), submission.codeDir);
    expect(ran?.map((e) => e.id)).toEqual(IDS);
    for (const e of ran ?? []) {
      expect(e.outcome).toMatchObject({
        kind: 'blocked',
        message: expect.stringMatching(/^implement \w+ first \(exercises\/[\w-]+\.ts\): it still throws "not implemented"$/),
      });
      if (e.outcome.kind === 'blocked') expect(e.outcome.message.length).toBeLessThan(120);
    }
  }, 30_000);

  test('a function that hangs: stopped at its time limit and not called again; the experiments that do not need it still run', async () => {
    const hangs = 'export function reluGrad(z: number): number {\n  for (;;) {}\n}\n';
    submission = await makeSubmission();
    const file = path.join(submission.submissionDir, 'activations.ts');
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace(/export function reluGrad\(/, 'function reluGradWas(') + hangs);
    const started = performance.now();
    const ran = await experimentsOf(submission.submissionDir, submission.codeDir, { callTimeoutMs: 500 });
    // one time-out, not one per experiment that asks for reluGrad
    expect(performance.now() - started).toBeLessThan(10_000);
    const byId = new Map(ran?.map((e) => [e.id, e.outcome]));
    expect(byId.get('reluGradAtZero')).toMatchObject({ kind: 'blocked', needs: 'reluGrad', message: expect.stringMatching(/^implement reluGrad first/) });
    expect(byId.get('reluIsLinear')?.kind).toBe('ran');
  }, 30_000);

  test('a file that does not compile blocks the experiments that need it, saying so', async () => {
    submission = await makeSubmission({ 'linearity.ts': 'export function kinks( {\n' });
    const ran = await experimentsOf(submission.submissionDir, submission.codeDir);
    const byId = new Map(ran?.map((e) => [e.id, e.outcome]));
    expect(byId.get('trainingFavoursLinear')).toMatchObject({ kind: 'blocked', message: expect.stringContaining('exercises/linearity.ts does not compile') });
    expect(byId.get('reluIsLinear')?.kind).toBe('ran');
  }, 30_000);

  test('nothing compiled: no experiments at all', async () => {
    submission = await makeSubmission(Object.fromEntries(MODULES.map((m) => [`${m}.ts`, null])));
    expect(await experimentsOf(submission.submissionDir, submission.codeDir)).toBeNull();
  }, 30_000);
});
