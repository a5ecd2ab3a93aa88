import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { extractZip } from './extractZip.ts';
import { writeZip, type ZipItem } from './writeZip.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'relu-lab-zip-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function extract(name: string, items: ZipItem[], limits?: Parameters<typeof extractZip>[2]) {
  const file = path.join(dir, `${name}.zip`);
  await writeZip(file, items);
  const target = path.join(dir, name);
  return { result: await extractZip(file, target, limits), target };
}

describe('extractZip', () => {
  test('unpacks files and folders, compressed or stored', async () => {
    const { result, target } = await extract('good', [
      { name: 'alice-main/' },
      { name: 'alice-main/exercises/activations.ts', data: 'export const a = 1;\n'.repeat(50) },
      { name: 'alice-main/exercises/forward.ts', data: 'export const b = 2;\n', store: true },
    ]);
    expect(result).toEqual({ kind: 'extracted', files: 2, bytes: 1000 + 20 });
    expect(await readFile(path.join(target, 'alice-main/exercises/forward.ts'), 'utf8')).toBe('export const b = 2;\n');
  });

  test.each([
    ['climbs out with ..', '../evil.ts'],
    ['climbs out deeper', 'a/../../evil.ts'],
    ['is absolute', '/tmp/evil.ts'],
    ['names a drive', 'C:/evil.ts'],
    ['climbs out with backslashes', 'a\\..\\..\\evil.ts'],
  ])('refuses an entry that %s (zip-slip), writing nothing', async (_what, name) => {
    const slug = `slip-${Buffer.from(name).toString('hex')}`;
    const { result, target } = await extract(slug, [
      { name: 'ok.ts', data: 'x' },
      { name, data: 'pwned' },
    ]);
    expect(result.kind).toBe('refused');
    expect(await readdir(target).catch(() => 'absent')).toBe('absent');
    expect(await readdir(dir)).not.toContain('evil.ts');
  });

  test('refuses symbolic links', async () => {
    const { result } = await extract('link', [{ name: 'activations.ts', data: '/etc/passwd', mode: 0o120777 }]);
    expect(result).toMatchObject({ kind: 'refused', reason: expect.stringContaining('symbolic link') });
  });

  test('refuses archives past the size limit before writing, and past the entry limit', async () => {
    const big = await extract('bomb', [{ name: 'zeros.ts', data: Buffer.alloc(200_000) }], { maxEntries: 10, maxTotalBytes: 100_000 });
    expect(big.result).toMatchObject({ kind: 'refused', reason: expect.stringContaining('more than 100000 bytes') });
    expect(await readdir(big.target).catch(() => 'absent')).toBe('absent');
    const many = await extract(
      'many',
      Array.from({ length: 12 }, (_, i) => ({ name: `f${i}.ts`, data: 'x' })),
      { maxEntries: 10, maxTotalBytes: 100_000 },
    );
    expect(many.result).toMatchObject({ kind: 'refused', reason: expect.stringContaining('12 entries') });
  });

  test('says why a file that is not a zip is refused', async () => {
    const file = path.join(dir, 'fake.zip');
    await writeFile(file, 'this is not a zip');
    expect(await extractZip(file, path.join(dir, 'fake'))).toMatchObject({ kind: 'refused', reason: expect.stringContaining('not a readable zip') });
  });
});
