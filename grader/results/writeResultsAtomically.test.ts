import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isReluLabError } from '../core/errors.ts';
import type { ResultsDocument } from './types.ts';
import { writeResultsAtomically } from './writeResultsAtomically.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'relu-lab-write-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function doc(earned = 10): ResultsDocument {
  return {
    schemaVersion: 1,
    grader: { name: 'relu-lab', version: '0.1.0' },
    submission: { path: 'exercises', name: 'main', contentHash: '0'.repeat(64), files: ['adding.ts'], git: null },
    gradedAt: '2026-11-26T22:00:00.000Z',
    seed: 1,
    numRuns: 100,
    outcome: { kind: 'graded' },
    diagnostics: [],
    timings: { compileMs: 1, testsMs: 2, totalMs: 3 },
    score: { earned, possible: 10 },
    tasks: [{ id: 'adding', title: 'Adding', earned, possible: 10, file: 'exercises/adding.ts' }],
    tests: [],
  };
}

describe('writeResultsAtomically', () => {
  it('creates the folder and writes the document as JSON', async () => {
    const file = path.join(dir, 'reports/main/results.json');
    await writeResultsAtomically(file, doc());
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(doc());
    expect(await readdir(path.dirname(file))).toEqual(['results.json']);
  });

  it('replaces an earlier document whole, leaving no temporary file', async () => {
    const file = path.join(dir, 'replace/results.json');
    await writeResultsAtomically(file, doc(10));
    await writeResultsAtomically(file, doc(4));
    expect(JSON.parse(await readFile(file, 'utf8')).score).toEqual({ earned: 4, possible: 10 });
    expect(await readdir(path.dirname(file))).toEqual(['results.json']);
  });

  it('writes nothing, and keeps the old file, when the document is not valid', async () => {
    const file = path.join(dir, 'invalid/results.json');
    await writeResultsAtomically(file, doc());
    const bad = { ...doc(), score: { earned: Number.NaN, possible: 10 } };
    const e = await writeResultsAtomically(file, bad).catch((err: unknown) => err);
    expect(isReluLabError(e, 'results-invalid')).toBe(true);
    expect((e as Error).message).toContain('/score/earned');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(doc());
    expect(await readdir(path.dirname(file))).toEqual(['results.json']);
  });

  it('validates before creating anything', async () => {
    const folder = path.join(dir, 'never');
    await expect(writeResultsAtomically(path.join(folder, 'r.json'), { ...doc(), schemaVersion: 2 } as never)).rejects.toThrow(/schemaVersion/);
    await expect(readdir(folder)).rejects.toThrow();
  });

  it('cleans up its temporary file when the rename fails', async () => {
    const folder = path.join(dir, 'blocked');
    const target = path.join(folder, 'results.json');
    await writeResultsAtomically(path.join(target, 'inner.json'), doc());
    // `target` is now a folder that is not empty: renaming a file onto it fails
    await expect(writeResultsAtomically(target, doc())).rejects.toThrow();
    expect((await readdir(folder)).sort()).toEqual(['results.json']);
  });

  it('lets concurrent writers race without tearing the file', async () => {
    const file = path.join(dir, 'race/results.json');
    await Promise.all(Array.from({ length: 8 }, (_, i) => writeResultsAtomically(file, doc(i))));
    const written = JSON.parse(await readFile(file, 'utf8')) as ResultsDocument;
    expect(written.score.earned).toBeGreaterThanOrEqual(0);
    expect(written.score.earned).toBeLessThan(8);
    expect(await readdir(path.dirname(file))).toEqual(['results.json']);
  });
});
