// Submissions that stall, ahead of an honest one in the same batch: each is
// stopped within its own limits, and the honest one behind them is graded in
// full, not stopped at a deadline the stallers used up.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { assignment } from '../course/assignment.ts';
import { loadTestManifest } from '../manifest/testing/testManifest.ts';
import type { ResultsDocument } from '../results/types.ts';
import { loadFixtureCorpus, materialiseFixture } from '../corpus/fixtureCorpus.ts';
import { Grader } from './Grader.ts';

// a call group limit of three call limits; a deadline the stallers' call groups, one call limit after another, would overrun
const LIMITS = { callTimeoutMs: 400, groupTimeoutMs: 1_200, submissionDeadlineMs: 6_000 };
let grader: Grader;
let work: string;

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'relu-lab-stalling-test-'));
  const manifest = await loadTestManifest();
  grader = await Grader.create({ ...manifest, limits: { ...manifest.limits, ...LIMITS } }, assignment);
});

afterAll(async () => {
  await grader?.close();
  await fs.rm(work, { recursive: true, force: true });
});

/** The fixture, with its stalling scaled from the default 2 s call limit to this test's 400 ms. */
async function fixture(name: string, scale: [string, string] | null = null): Promise<string> {
  const found = (await loadFixtureCorpus(assignment)).find((f) => f.name === name)!;
  const dir = await materialiseFixture(found, path.join(work, name));
  if (scale) {
    const file = path.join(dir, 'backprop.ts');
    const text = await fs.readFile(file, 'utf8');
    expect(text).toContain(scale[0]);
    await fs.writeFile(file, text.replace(scale[0], scale[1]));
  }
  return dir;
}

test('two stalling submissions ahead of an honest one: each staller is stopped by its own limits, the honest one gets full marks', async () => {
  const dirs = [
    await fixture('hangs-by-forging-progress', ['Date.now() + 1500', 'Date.now() + 300']),
    await fixture('hangs-by-burning-just-under-the-call-limit', ['Date.now() + 1900', 'Date.now() + 350']),
    await fixture('passes-all-functional'),
  ];
  const docs = new Map<string, ResultsDocument>();
  const started = performance.now();
  await grader.gradeBatch(dirs, async (dir, doc) => void docs.set(dir, doc));
  const elapsed = performance.now() - started;

  const honest = docs.get(dirs[2])!;
  expect(honest.outcome).toEqual({ kind: 'graded' });
  expect(honest.score.earned).toBe(honest.score.possible);
  for (const dir of dirs.slice(0, 2)) {
    const doc = docs.get(dir)!;
    // stopped in backprop by the call group limit, long before their deadline: graded on the rest
    expect(doc.outcome).toEqual({ kind: 'graded' });
    const backprop = doc.tests.filter((t) => t.task === 'backprop' && t.status === 'timed-out');
    expect(backprop.length).toBeGreaterThan(0);
    expect(backprop[0].message).toContain("was stopped when its call group's time limit (1200 ms for all");
    expect(doc.tasks.find((t) => t.id === 'activations')?.earned).toBe(10);
  }
  // the forger alone would have held its call group for 100 forged reports of 300 ms each
  expect(elapsed).toBeLessThan(25_000);
}, 90_000);
