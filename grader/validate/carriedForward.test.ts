// A mistake costs points once, in the task where it is (error carried
// forward). Planted one-line mistakes in forward.ts and activations.ts, graded
// as students' submissions: every point lost outside the mistake's own task
// is in a check declared about the whole pipeline, the checks downstream pass
// on the student's own values and name the wrong function, and a mistake
// downstream (backward's own) still costs backward.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Grader } from '../engine/Grader.ts';
import { catalogOf } from '../engine/catalog.ts';
import { loadHiddenFace } from '../assignment/loadAssignment.ts';
import { loadTestManifest } from '../manifest/testing/testManifest.ts';
import type { ResultsDocument } from '../results/types.ts';
import { materialiseFixture, type Fixture } from '../corpus/fixtureCorpus.ts';
import { byName, course } from '../course/testing/corpusIndex.ts';

/** one-line mistakes upstream, each with the function the downstream checks must name */
const UPSTREAM: Record<string, string> = {
  'fails-dense-forgets-bias': 'forward',
  'fails-forward-ignores-leaky': 'forward',
  'fails-forward-leaky-default-alpha': 'forward',
  'fails-relu-grad-at-zero': 'reluGrad',
  'fails-leaky-slope-on-positive-side': 'leakyRelu',
};
/** a mistake in backward itself */
const OWN = 'fails-db1-missing-gate';
/** a degenerate forward (zeros of the right shapes) that would make every downstream expectation trivial */
const DEGENERATE = 'forges-credit-with-zero-forward';

let work: string;
let pipeline: Set<string>;
const graded = new Map<string, { fixture: Fixture; doc: ResultsDocument }>();

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'relu-lab-carried-'));
  const manifest = await loadTestManifest();
  pipeline = new Set(
    catalogOf(await loadHiddenFace(course.hiddenEntry), manifest)
      .filter((c) => c.pipeline)
      .map((c) => c.id),
  );
  const dirs = new Map<string, Fixture>();
  for (const name of [...Object.keys(UPSTREAM), OWN, DEGENERATE])
    dirs.set(await materialiseFixture(byName.get(name)!, path.join(work, name)), byName.get(name)!);
  const grader = await Grader.create(manifest, course);
  try {
    await grader.gradeBatch([...dirs.keys()], async (dir, doc) => void graded.set(dirs.get(dir)!.name, { fixture: dirs.get(dir)!, doc }), { plots: false });
  } finally {
    await grader.close();
  }
}, 180_000);

afterAll(async () => {
  if (work) await fs.rm(work, { recursive: true, force: true });
});

describe('error carried forward', () => {
  test('the whole-pipeline checks are few and small', () => {
    expect([...pipeline]).toEqual(['backprop.numerical-gradient-agrees-with-own-backward']);
  });

  test.each(Object.keys(UPSTREAM))('%s loses points outside its own task only in whole-pipeline checks', (name) => {
    const { fixture, doc } = graded.get(name)!;
    const own = fixture.expect.kind === 'loses' ? fixture.expect.task : '';
    const elsewhere = doc.tests.filter((t) => t.task !== own && t.status !== 'passed').map((t) => t.id);
    expect(elsewhere.filter((id) => !pipeline.has(id))).toEqual([]);
    expect(doc.tests.filter((t) => t.task === own && t.status !== 'passed').length).toBeGreaterThan(0);
    const carried = doc.tests.filter((t) => t.carriedForward);
    expect(carried.length).toBeGreaterThan(0);
    expect(carried.every((t) => t.status === 'passed' && t.task !== own)).toBe(true);
    expect(carried.some((t) => t.carriedForward!.upstream === UPSTREAM[name])).toBe(true);
    expect(carried[0].carriedForward!.wrongAt).toMatch(/^\w+\(.*\) (returned .*, expected .*|threw .*)$/);
  });

  test('a forward that does its work nowhere (zeros of the right shapes) carries nothing: the checks downstream are judged against the reference', () => {
    const { doc } = graded.get(DEGENERATE)!;
    expect(doc.tests.filter((t) => t.carriedForward).map((t) => t.id)).toEqual([]);
    for (const task of ['backprop', 'dead-neurons', 'training']) {
      const mine = doc.tasks.find((t) => t.id === task)!;
      expect(mine.earned, task).toBeLessThan(mine.possible / 2);
    }
  });

  test('a mistake in backward itself is not forgiven: backward loses its points, with no carried note', () => {
    const { doc } = graded.get(OWN)!;
    expect(doc.tests.find((t) => t.id === 'backprop.backward-matches-reference')?.status).toBe('failed');
    expect(doc.tests.some((t) => t.task === 'backprop' && t.carriedForward)).toBe(false);
  });
});
