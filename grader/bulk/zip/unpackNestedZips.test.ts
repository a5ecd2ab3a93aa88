// A student who zipped their zip: prepareEntry unpacks archives inside
// archives (and inside Canvas's loose files) within the outer archive's
// limits, refusing what it refuses at the top: names that leave the folder,
// links, too many entries or bytes, and nesting past MAX_ZIP_NESTING.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { prepareEntry, type PrepareOptions, safeSegment } from '../prepareEntry.ts';
import { type BulkEntry, unknownIdentity } from '../types.ts';
import { MAX_ZIP_NESTING } from './unpackNestedZips.ts';
import { zipBuffer, type ZipItem } from './writeZip.ts';

let root: string;
const options = (): PrepareOptions => ({
  workDir: path.join(root, 'work'),
  deadline: null,
  late: 'last',
  latePolicy: { kind: 'none' },
  moduleNames: ['activations', 'forward'],
  zipLimits: { maxEntries: 20, maxTotalBytes: 4096 },
});
const activations = { name: 'exercises/activations.ts', data: 'export const nested = true;\n' };
/** `items` zipped `levels` times, each level holding the one before as `level-N.zip`. */
const nested = (items: ZipItem[], levels: number): Buffer => {
  let data = zipBuffer(items);
  for (let n = 1; n < levels; n += 1) data = zipBuffer([{ name: `level-${n}.zip`, data }]);
  return data;
};
const zipEntry = async (id: string, data: Buffer): Promise<BulkEntry> => {
  const file = path.join(root, 'class', `${id}.zip`);
  await writeFile(file, data);
  return { id, name: `${id}.zip`, path: file, kind: 'zip' };
};

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'relu-lab-nested-'));
  await mkdir(path.join(root, 'class'), { recursive: true });
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('zips inside zips', () => {
  test('a zip holding a zip is unpacked and graded', async () => {
    const prepared = await prepareEntry(await zipEntry('twice', nested([activations], 2)), options());
    expect(prepared.kind).toBe('ready');
    if (prepared.kind !== 'ready') return;
    expect(await readFile(path.join(prepared.gradeDir, 'activations.ts'), 'utf8')).toContain('nested');
    await prepared.cleanup();
  });

  test(`nesting up to ${MAX_ZIP_NESTING} archives inside the outer one is unpacked, one more is refused`, async () => {
    expect((await prepareEntry(await zipEntry('deep', nested([activations], MAX_ZIP_NESTING + 1)), options())).kind).toBe('ready');
    const tooDeep = await prepareEntry(await zipEntry('deeper', nested([activations], MAX_ZIP_NESTING + 2)), options());
    expect(tooDeep).toMatchObject({ kind: 'rejected', status: 'refused', message: expect.stringMatching(/nested more than/) });
  });

  test('an inner archive that climbs out of its folder, or holds a link, is refused', async () => {
    const slip = await prepareEntry(await zipEntry('slip', nested([activations, { name: '../../escaped.ts', data: 'x' }], 2)), options());
    expect(slip).toMatchObject({ kind: 'rejected', status: 'refused', message: expect.stringMatching(/archive inside it/) });
    expect(await readdir(root)).not.toContain('escaped.ts');
    const link = await prepareEntry(
      await zipEntry('link', nested([activations, { name: 'exercises/l.ts', data: '/etc/passwd', mode: 0o120777 }], 2)),
      options(),
    );
    expect(link).toMatchObject({ kind: 'rejected', status: 'refused', message: expect.stringMatching(/symbolic link/) });
  });

  test('the limits count every level together: small archives cannot add up to a bomb', async () => {
    // each inner archive is within the limit alone; together they pass it
    const big = { name: 'big.txt', data: 'x'.repeat(1500) };
    const outer = zipBuffer([activations, ...[1, 2, 3].map((n) => ({ name: `part-${n}.zip`, data: zipBuffer([big]), store: true }))]);
    const refused = await prepareEntry(await zipEntry('bomb', outer), options());
    expect(refused).toMatchObject({
      kind: 'rejected',
      status: 'refused',
      message: expect.stringMatching(
        /part-\d\.zip, was refused: it expands to more than \d+ bytes \(all its archives together may hold 20 entries and 4096 bytes\)/,
      ),
    });
  });
});

describe("Canvas's loose files", () => {
  const filesEntry = (id: string, files: { name: string; data: string | Buffer }[]): Promise<BulkEntry> =>
    (async () => {
      const dir = path.join(root, 'canvas', id);
      await mkdir(dir, { recursive: true });
      const list = [];
      for (const [n, f] of files.entries()) {
        const file = path.join(dir, `${id}_1_${700 + n}_x`);
        await writeFile(file, f.data);
        list.push({ path: file, name: f.name });
      }
      return { id, name: id, path: dir, kind: 'files' as const, files: list, identity: { ...unknownIdentity('canvas'), canvasId: '1' } };
    })();

  test('are graded under their original names, a zip among them unpacked with them', async () => {
    const entry = await filesEntry('ada', [
      { name: 'forward.ts', data: 'export const f = 1;\n' },
      { name: 'more.zip', data: zipBuffer([{ name: 'inner.zip', data: zipBuffer([activations]) }]) },
    ]);
    const prepared = await prepareEntry(entry, options());
    expect(prepared.kind).toBe('ready');
  });

  test('an original name is one safe path segment whatever the file was called', async () => {
    expect(safeSegment('..')).toBe('file');
    expect(safeSegment('../../etc/passwd')).toBe('etc-passwd');
    expect(safeSegment('.hidden.ts')).toBe('hidden.ts');
    expect(safeSegment('a\u001b[2Jb.ts')).toBe('a-2Jb.ts');
    const entry = await filesEntry('mallory', [
      { name: '..', data: 'x' },
      { name: '../forward.ts', data: 'export const f = 1;\n' },
    ]);
    const prepared = await prepareEntry(entry, options());
    if (prepared.kind !== 'ready') throw new Error(prepared.kind === 'rejected' ? prepared.message : prepared.kind);
    // both stay inside the private copy: `..` as `file`, `../forward.ts` as `forward.ts`
    expect((await readdir(prepared.gradeDir)).sort()).toEqual(['file', 'forward.ts']);
    expect(await readdir(path.join(root, 'work'))).not.toContain('forward.ts');
    await prepared.cleanup();
  });
});
