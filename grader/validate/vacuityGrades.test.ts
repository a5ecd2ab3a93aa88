// Code that does no work earns nothing from the hidden checks. The four
// submissions in which every export does nothing one way, and the one that
// answers only the printed examples, between them reach every check that
// once paid for nothing (a RangeError check passed by always throwing, "every
// reported dead unit has zero gradient" by [], no mutation by a constant, the
// printed examples by a lookup table, ...); the one points they keep are a
// quiz guessed right and the discussion's linear example copied from the guide.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Grader } from '../engine/Grader.ts';
import { loadTestManifest } from '../manifest/testing/testManifest.ts';
import type { ResultsDocument } from '../results/types.ts';
import { generatedFixture, materialiseFixture, type Fixture } from '../corpus/fixtureCorpus.ts';
import { byName, course } from '../course/testing/corpusIndex.ts';
import { vacuityCorpus } from '../course/vacuityCorpus.ts';
import { judgeFixture } from './judgeFixture.ts';

const NAMES = [
  'vacuous-every-export-constant',
  'vacuous-every-export-empty',
  'vacuous-every-export-throws',
  'vacuous-every-export-identity',
  'vacuous-lookup-table',
];
/** what each may keep, and why: the quiz's false/0 answers are right on four questions; the linear example is a right answer */
const KEPT: Record<string, string[]> = {
  'vacuous-every-export-constant': [
    'claims.answer-relu-is-linear',
    'claims.answer-relu-grad-at-zero',
    'claims.answer-training-favours-linear',
    'claims.answer-leaky-relu-can-die',
  ],
  'vacuous-lookup-table': ['claims.linear-example'],
};

let work: string;
const graded = new Map<string, { fixture: Fixture; doc: ResultsDocument }>();

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'relu-lab-vacuity-'));
  const all = new Map([...vacuityCorpus().map((made) => generatedFixture(course, made)), ...byName.values()].map((f) => [f.name, f]));
  const dirs = new Map<string, Fixture>();
  for (const name of NAMES) dirs.set(await materialiseFixture(all.get(name)!, path.join(work, name)), all.get(name)!);
  const grader = await Grader.create(await loadTestManifest(), course);
  try {
    await grader.gradeBatch([...dirs.keys()], async (dir, doc) => void graded.set(dirs.get(dir)!.name, { fixture: dirs.get(dir)!, doc }), { plots: false });
  } finally {
    await grader.close();
  }
}, 120_000);

afterAll(async () => {
  if (work) await fs.rm(work, { recursive: true, force: true });
});

describe('code that does no work', () => {
  test.each(NAMES)('%s earns points only where it is right, and at most its per cent', (name) => {
    const { fixture, doc } = graded.get(name)!;
    expect(doc.outcome.kind).toBe('graded');
    const earning = doc.tests.filter((t) => t.earned > 0).map((t) => t.id);
    expect(earning).toEqual(KEPT[name] ?? []);
    expect(judgeFixture(fixture.expect, doc)).toMatchObject({ ok: true });
  });

  test('a failure says why the check costs it, with the counterexample to replay', () => {
    const throws = graded.get('vacuous-every-export-throws')!.doc.tests.find((t) => t.id === 'forward.dense-shape-mismatch')!;
    expect(throws.message).toMatch(/threw RangeError: .* \(this check pays only when dense also computes W x \+ b on layers that fit\)$/);
    expect(throws.counterexample).toMatchObject({ seed: expect.any(Number), path: expect.any(String) });
    const empty = graded.get('vacuous-every-export-empty')!.doc.tests.find((t) => t.id === 'dead-neurons.dead-units-have-zero-gradient')!;
    expect(empty.message).toMatch(/did not report unit \d+, which is dead/);
    expect(empty.counterexample).toMatchObject({ seed: expect.any(Number), path: expect.any(String) });
  });
});
