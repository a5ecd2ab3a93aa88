import { expect, test } from 'vitest';
import { sampleSourcesHash } from './sampleCacheDir.ts';

test('the cache folder is named by a stable hash of the suite, the reference and fast-check', async () => {
  const first = await sampleSourcesHash();
  expect(first).toMatch(/^[0-9a-f]{16}$/);
  expect(await sampleSourcesHash()).toBe(first);
});
