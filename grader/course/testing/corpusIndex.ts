// The fixture corpus as the corpus tests use it: loaded once, looked up by
// name or by expected outcome, and a temporary folder per test file to
// materialise fixtures into. The corpus is the ReLU course's.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { assignment } from '../assignment.ts';
import { loadFixtureCorpus, type Fixture } from '../../corpus/fixtureCorpus.ts';

/** the course the corpus grades, and its modules in order */
export const course = assignment;
export const MODULES = assignment.modules.map((m) => m.name);

export const corpus = await loadFixtureCorpus(course);
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
