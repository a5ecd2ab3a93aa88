// --resume keeps a student's earlier grade only when it would come out the
// same: same files, grader, manifest (points, seed, runs...) and hidden
// checks. Graded with the smallest assignment, `double`.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { assignment as double } from '../assignment/testing/double/assignment.ts';
import { loadManifest } from '../manifest/loadManifest.ts';
import type { Manifest } from '../manifest/types.ts';
import { runBulk } from './runBulk.ts';
import { readRecord } from './store/studentStore.ts';
import { CHECKS_UNAVAILABLE, hiddenChecksHash, runGradingKey, sameGradingKey } from './store/gradingKey.ts';

const DOUBLE = path.join(path.dirname(double.manifestPath), 'assignment.ts');
const work = await fs.mkdtemp(path.join(os.tmpdir(), 'relu-lab-resume-key-'));
afterAll(() => fs.rm(work, { recursive: true, force: true }));

/** double's manifest, changed by `change`, written to a file of its own and loaded. */
async function manifestWith(name: string, change: (m: Record<string, unknown>) => void): Promise<Manifest> {
  const data = JSON.parse(await fs.readFile(double.manifestPath, 'utf8')) as Record<string, unknown>;
  delete data.$schema;
  change(data);
  const file = path.join(work, 'manifests', name, 'assignment.json');
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, JSON.stringify(data, null, 2));
  return loadManifest(file);
}

const points = (n: number) => (m: Record<string, unknown>) => ((m.tasks as { points: number }[])[0].points = n);

describe('the grading key --resume compares', () => {
  test('is the same for the same manifest, wherever its file is and however it is laid out', async () => {
    const shipped = await loadManifest(double.manifestPath);
    const copy = await manifestWith('copy', () => {});
    const key = { contentHash: 'a'.repeat(64), ...(await runGradingKey(shipped, DOUBLE)) };
    expect(sameGradingKey(key, { contentHash: 'a'.repeat(64), ...(await runGradingKey(copy, DOUBLE)) })).toBe(true);
    expect(key.checksHash).toMatch(/^[0-9a-f]{64}$/);
  });

  test('changes with the points, the seed, the runs, the deadline, the limits, and the hidden checks', async () => {
    const base = { contentHash: 'a'.repeat(64), ...(await runGradingKey(await manifestWith('base', () => {}), DOUBLE)) };
    const changes: Record<string, (m: Record<string, unknown>) => void> = {
      points: points(12),
      seed: (m) => (m.fastCheck = { seed: 7 }),
      numRuns: (m) => (m.fastCheck = { numRuns: 50 }),
      deadline: (m) => (m.deadline = '2030-01-01T00:00:00Z'),
      limits: (m) => (m.limits = { callTimeoutMs: 1234 }),
    };
    for (const [name, change] of Object.entries(changes)) {
      const key = { contentHash: 'a'.repeat(64), ...(await runGradingKey(await manifestWith(name, change), DOUBLE)) };
      expect({ name, same: sameGradingKey(base, key) }).toEqual({ name, same: false });
    }
    expect(sameGradingKey(base, { ...base, checksHash: 'd'.repeat(64) })).toBe(false);
    expect(sameGradingKey(base, { ...base, graderVersion: '9.9.9' })).toBe(false);
  });

  test('a record written before the manifest and the checks were part of the key, or a hidden face that did not load, never matches', async () => {
    const key = { contentHash: 'a'.repeat(64), ...(await runGradingKey(await loadManifest(double.manifestPath), DOUBLE)) };
    const { manifestHash: _m, checksHash: _c, ...older } = key;
    expect(sameGradingKey(older, key)).toBe(false);
    expect(await hiddenChecksHash(path.join(work, 'no-such-assignment.ts'))).toBe(CHECKS_UNAVAILABLE);
    const unavailable = { ...key, checksHash: CHECKS_UNAVAILABLE };
    expect(sameGradingKey(unavailable, unavailable)).toBe(false);
  });
});

describe('relu-lab bulk --resume', () => {
  test('skips a student under an unchanged manifest and grades them again when the manifest changed', async () => {
    const classDir = path.join(work, 'class');
    await fs.cp(double.solutionsDir, path.join(classDir, 'ada'), { recursive: true });
    const outDir = path.join(work, 'out');
    const run = (manifest: Manifest) =>
      runBulk({
        submissionsDir: classDir,
        outDir,
        manifest,
        assignmentPath: DOUBLE,
        workers: 1,
        resume: true,
        shard: null,
        formats: [],
        deadline: null,
        late: 'last',
        progress: null,
      });
    const ten = await manifestWith('ten', points(10));
    expect(await run(ten)).toMatchObject({ graded: 1, skipped: 0 });
    expect(await run(ten)).toMatchObject({ graded: 0, skipped: 1 });

    const twenty = await manifestWith('twenty', points(20));
    expect(await run(twenty)).toMatchObject({ graded: 1, skipped: 0 });
    const gradebook = JSON.parse(await fs.readFile(path.join(outDir, 'gradebook.json'), 'utf8'));
    expect(gradebook.rows[0]).toMatchObject({ student: 'ada', score: 20, max: 20 });
    expect(await run(twenty)).toMatchObject({ graded: 0, skipped: 1 });

    const fewerRuns = await manifestWith('fewer-runs', (m) => {
      points(20)(m);
      m.fastCheck = { numRuns: 5 };
    });
    expect(await run(fewerRuns)).toMatchObject({ graded: 1, skipped: 0 });
    expect((await readRecord(outDir, 'ada'))?.key).toMatchObject({ numRuns: 5, checksHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  }, 180_000);
});
