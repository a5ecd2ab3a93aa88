// The engine end to end on three submissions: the reference, one planted
// mistake and one file that does not compile.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { assignment } from '../course/assignment.ts';
import type { PlotsData } from '../course/PlotsData.ts';
import { loadTestManifest } from '../manifest/testing/testManifest.ts';
import type { ResultsDocument } from '../results/types.ts';
import { validateResults } from '../results/validateResults.ts';
import { loadFixtureCorpus, materialiseFixture } from '../corpus/fixtureCorpus.ts';
import { Grader } from './Grader.ts';

let grader: Grader;
let work: string;
const graded = new Map<string, ResultsDocument>();

async function gradeFixture(name: string): Promise<ResultsDocument> {
  const fixture = (await loadFixtureCorpus(assignment)).find((f) => f.name === name);
  if (!fixture) throw new Error(`no fixture ${name}`);
  const doc = await grader.grade(await materialiseFixture(fixture, path.join(work, name)));
  graded.set(name, doc);
  return doc;
}

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'relu-lab-grader-test-'));
  grader = await Grader.create(await loadTestManifest(), assignment);
});

afterAll(async () => {
  await grader?.close();
  await fs.rm(work, { recursive: true, force: true });
});

describe('Grader', () => {
  test('a correct submission scores 100 %, with plot data from its own functions', async () => {
    const doc = await gradeFixture('passes-all-loops');
    expect(doc.outcome).toEqual({ kind: 'graded' });
    expect(doc.score).toEqual({ earned: 100, possible: 100 });
    expect(doc.tests.every((t) => t.status === 'passed')).toBe(true);
    const plots = doc.plots as PlotsData;
    expect(plots.activations.map((a) => a.studentAtZero)).toEqual([0, 0, 0, 0.01]);
    expect(plots.examples.every((e) => e.student !== null)).toBe(true);
    expect(() => validateResults(doc)).not.toThrow();
  });

  test('the reference run in-process, with no sandbox (the benchmark baseline), scores 100 % too', async () => {
    const fixture = (await loadFixtureCorpus(assignment)).find((f) => f.name === 'passes-all-functional')!;
    const doc = await grader.grade(await materialiseFixture(fixture, path.join(work, 'in-process')), { trustedInProcess: true });
    expect(doc.score).toEqual({ earned: 100, possible: 100 });
  });

  test('hands out each submission of a batch as soon as its checks end, while the next is graded', async () => {
    const corpus = await loadFixtureCorpus(assignment);
    const names = ['passes-all-functional', 'fails-relu-grad-at-zero', 'passes-all-vectorised'];
    const dirs = await Promise.all(
      names.map((n) =>
        materialiseFixture(
          corpus.find((f) => f.name === n)!,
          path.join(work, `early-${n}`),
        ),
      ),
    );
    const handed: { dir: string; at: number; score: number }[] = [];
    await grader.gradeBatch(dirs, async (dir, doc) => void handed.push({ dir, at: performance.now(), score: doc.score.earned }));
    expect(handed.map((h) => h.dir)).toEqual(dirs);
    expect(handed.map((h) => h.score)).toEqual([100, expect.any(Number), 100]);
    expect(handed[1].score).toBeLessThan(100);
    // each came when its own checks ended, not all together when the batch was over
    expect(handed[1].at - handed[0].at).toBeGreaterThan(50);
    expect(handed[2].at - handed[1].at).toBeGreaterThan(50);
  });

  test('a folder that cannot be prepared rejects with its reason, and the Grader goes on', async () => {
    await expect(grader.grade(path.join(work, 'no-such-submission'))).rejects.toMatchObject({ code: 'submission-missing' });
    const fixture = (await loadFixtureCorpus(assignment)).find((f) => f.name === 'passes-all-loops')!;
    const doc = await grader.grade(await materialiseFixture(fixture, path.join(work, 'after-missing')));
    expect(doc.score).toEqual({ earned: 100, possible: 100 });
  });

  test('a planted mistake loses points in its task, with a small replayable counterexample', async () => {
    const doc = await gradeFixture('fails-relu-grad-at-zero');
    const failing = doc.tests.filter((t) => t.status !== 'passed');
    expect(failing.map((t) => t.id)).toContain('activations.relu-grad-at-zero');
    const atZero = failing.find((t) => t.id === 'activations.relu-grad-at-zero')!;
    expect(atZero).toMatchObject({ status: 'failed', earned: 0, observed: { actual: 1, expected: 0 } });
    expect(atZero.message).toMatch(/reluGrad\(0\) returned 1, expected 0/);
    expect((doc.plots as PlotsData).activations.find((a) => a.name === 'reluGrad')?.studentAtZero).toBe(1);
    const property = doc.tests.find((t) => t.counterexample);
    if (property) expect(property.counterexample).toMatchObject({ seed: doc.seed, replay: expect.stringContaining('seed') });
    expect(() => validateResults(doc)).not.toThrow();
  });

  test('a file that does not compile fails its own checks with file:line:col, the others still count', async () => {
    const doc = await gradeFixture('fails-to-compile');
    expect(doc.diagnostics[0]).toMatchObject({ file: 'exercises/forward.ts', line: expect.any(Number), column: expect.any(Number) });
    // eslint-disable-next-line no-control-regex -- the compiler's colour codes (ESC[) must not reach the diagnostic
    expect(doc.diagnostics[0].message).not.toMatch(/\u001b\[/);
    expect(doc.tasks.find((t) => t.id === 'forward')?.earned).toBe(0);
    expect(doc.tasks.find((t) => t.id === 'activations')?.earned).toBe(10);
    const forward = doc.tests.find((t) => t.id === 'forward.dense-matches-reference');
    expect(forward).toMatchObject({ status: 'errored' });
    expect(forward?.message).toMatch(/exercises\/forward\.ts did not compile: exercises\/forward\.ts:\d+:\d+/);
  });
});
