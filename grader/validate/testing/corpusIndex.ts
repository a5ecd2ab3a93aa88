// The fixture corpus as the corpus tests use it: loaded once, looked up by
// name or by expected outcome, and a temporary folder per test file to
// materialise fixtures into.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { loadFixtureCorpus, type Fixture } from '../fixtureCorpus.ts';

export const corpus = await loadFixtureCorpus();
export const byName = new Map(corpus.map((f) => [f.name, f]));
export const ofKind = (kind: Fixture['expect']['kind']) => corpus.filter((f) => f.expect.kind === kind);

/** A fresh temporary folder for the calling test file, removed after its tests; the getter is valid inside them. */
export function useWorkDir(): () => string {
  let dir: string | undefined;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'relu-lab-corpus-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return () => {
    if (!dir) throw new Error('the work folder is made in beforeAll; use it inside a test');
    return dir;
  };
}
