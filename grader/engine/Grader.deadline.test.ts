// The submission deadline inside a run: a submission whose calls never
// return within it is stopped, graded on what was decided, and the same
// Grader goes on to grade the next submission in a fresh run.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { assignment } from '../course/assignment.ts';
import { loadTestManifest } from '../manifest/testing/testManifest.ts';
import { loadFixtureCorpus, materialiseFixture } from '../corpus/fixtureCorpus.ts';
import { Grader } from './Grader.ts';

let grader: Grader;
let work: string;

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'relu-lab-deadline-test-'));
  const manifest = await loadTestManifest();
  // a call limit longer than the whole submission's time: only the deadline can stop the hang
  grader = await Grader.create({ ...manifest, limits: { ...manifest.limits, callTimeoutMs: 60_000, submissionDeadlineMs: 4_000 } }, assignment);
});

afterAll(async () => {
  await grader?.close();
  await fs.rm(work, { recursive: true, force: true });
});

async function fixture(name: string): Promise<string> {
  const found = (await loadFixtureCorpus(assignment)).find((f) => f.name === name)!;
  return materialiseFixture(found, path.join(work, name));
}

test('a hang is stopped at the submission deadline, and the next submission is graded afresh', async () => {
  const started = performance.now();
  const hung = await grader.grade(await fixture('hangs-forever'));
  expect(performance.now() - started).toBeLessThan(30_000);
  expect(hung.outcome).toMatchObject({ kind: 'deadline', message: expect.stringContaining('4000 ms') });
  expect(hung.tests.find((t) => t.id === 'activations.relu-matches-reference')?.status).toBe('passed');
  expect(hung.tests.some((t) => t.status === 'not-run')).toBe(true);

  const next = await grader.grade(await fixture('passes-all-functional'));
  expect(next.outcome).toEqual({ kind: 'graded' });
  expect(next.score.earned).toBe(next.score.possible);
}, 60_000);
