import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { assignment as double } from '../assignment/testing/double/assignment.ts';
import { sampleSources, sampleSourcesHash } from './sampleCacheDir.ts';

test("the cache folder is named by a stable hash of the assignment's checks, its reference, the harness and fast-check", async () => {
  const sources = sampleSources(double);
  expect(sources).toContain(path.dirname(double.hiddenEntry));
  expect(sources).toContain(double.solutionsDir);
  const first = await sampleSourcesHash(sources);
  expect(first).toMatch(/^[0-9a-f]{16}$/);
  expect(await sampleSourcesHash(sources)).toBe(first);
});

test('a changed or added file in any source gives another folder', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'relu-lab-samples-hash-'));
  try {
    await fs.mkdir(path.join(dir, 'checks'));
    await fs.writeFile(path.join(dir, 'checks', 'a.ts'), 'export const a = 1;');
    const before = await sampleSourcesHash([dir]);
    await fs.writeFile(path.join(dir, 'checks', 'a.ts'), 'export const a = 2;');
    const changed = await sampleSourcesHash([dir]);
    await fs.writeFile(path.join(dir, 'checks', 'b.ts'), '');
    const added = await sampleSourcesHash([dir]);
    expect(new Set([before, changed, added]).size).toBe(3);
    // tests do not count: they draw nothing the suite keeps
    await fs.writeFile(path.join(dir, 'checks', 'a.test.ts'), 'whatever');
    expect(await sampleSourcesHash([dir])).toBe(added);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
