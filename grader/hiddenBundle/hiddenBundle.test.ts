import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PACKAGE_ROOT } from '../core/defaults.ts';
import { hidden } from '../course/hidden.ts';
import { TEST_MANIFEST_PATH } from '../manifest/testing/testManifest.ts';
import { BUNDLE_INFO_FILE, type HiddenBundleInfo } from './bundleFormat.ts';
import { loadHiddenBundle } from './loadHiddenBundle.ts';
import { packHidden, type PackedHidden } from './packHidden.ts';

let tmp: string;
let folder: PackedHidden;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'relu-lab-hidden-test-'));
  // packed with the tests' copy of the course's manifest, so an instructor's edits to grader/assignment.json change nothing here
  folder = await packHidden(path.join(tmp, 'bundle'), { manifestPath: TEST_MANIFEST_PATH });
}, 60_000);

afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('packHidden', () => {
  test('describes the bundle: version, checks, points, files and their hash', async () => {
    const info = JSON.parse(await fs.readFile(path.join(folder.path, BUNDLE_INFO_FILE), 'utf8')) as HiddenBundleInfo;
    expect(info).toEqual(folder.info);
    expect(info).toMatchObject({
      format: 'relu-lab-hidden',
      formatVersion: 2,
      checks: hidden.checks.length,
      points: 100,
      publicFace: 'grader/course/assignment.ts',
    });
    expect(info.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  test('holds the engine, the public and hidden faces, the slot files, the reference they import and what the engine reads', () => {
    const { files } = folder.info;
    for (const file of [
      'engine.mjs',
      'typescriptHooks.mjs',
      'package.json',
      'grader/assignment.json',
      'grader/course/assignment.ts',
      'grader/course/hidden.ts',
      'grader/course/checks/backprop.ts',
      'grader/engine/suite/slots/slot-01.hidden.ts',
      'grader/engine/suite/serveSlot.ts',
      'grader/harness/probe.mjs',
      'grader/sandbox/host.mjs',
      'solutions/backprop.ts',
      'exercises/types.ts',
      'exercises/backprop.ts',
    ]) {
      expect(files).toContain(file);
    }
    expect(files.filter((f) => f.endsWith('.test.ts') || f.startsWith('grader/fixtures/') || f.startsWith('node_modules/'))).toEqual([]);
  });

  test('refuses to overwrite a folder that is not a hidden bundle', async () => {
    const other = path.join(tmp, 'other');
    await fs.mkdir(other);
    await fs.writeFile(path.join(other, 'notes.txt'), 'mine');
    await expect(packHidden(other)).rejects.toMatchObject({ code: 'usage' });
  });
});

describe('loadHiddenBundle', () => {
  test("grades the reference to full marks with the bundle's own engine", async () => {
    const submission = path.join(tmp, 'reference');
    await fs.cp(path.join(PACKAGE_ROOT, 'solutions'), submission, { recursive: true, filter: (src) => !/\.(test|check)\.ts$/.test(src) });
    const bundle = await loadHiddenBundle(folder.path);
    try {
      expect(bundle.info.hash).toBe(folder.info.hash);
      const session = await bundle.engine.openEngine(bundle.publicFace);
      try {
        expect(session.functionOfCheck('backprop.backward-matches-reference')).toBe('backward');
        expect(session.functionOfCheck('no.such-check')).toBeNull();
        const doc = await session.grade(submission);
        expect(doc.outcome).toEqual({ kind: 'graded' });
        expect(doc.score).toEqual({ earned: 100, possible: 100 });
      } finally {
        await session.close();
      }
    } finally {
      await bundle.dispose();
    }
  }, 90_000);

  test('reads a .tgz of the bundle', async () => {
    const tarball = await packHidden(path.join(tmp, 'hidden.tgz'), { manifestPath: TEST_MANIFEST_PATH });
    expect(tarball.kind).toBe('tarball');
    const bundle = await loadHiddenBundle(tarball.path);
    expect(bundle.info.hash).toBe(folder.info.hash);
    await bundle.dispose();
  }, 60_000);

  test('refuses a bundle whose files changed after packing', async () => {
    const copy = path.join(tmp, 'tampered');
    await fs.cp(folder.path, copy, { recursive: true });
    await fs.appendFile(path.join(copy, 'grader/course/hidden.ts'), '\n// changed\n');
    await expect(loadHiddenBundle(copy)).rejects.toMatchObject({ code: 'grader-failed', message: expect.stringMatching(/does not match/) });
  });

  test('refuses what is not a hidden bundle', async () => {
    await expect(loadHiddenBundle(path.join(PACKAGE_ROOT, 'exercises'))).rejects.toMatchObject({ code: 'usage' });
    await expect(loadHiddenBundle(path.join(tmp, 'nothing-here'))).rejects.toMatchObject({ code: 'usage' });
  });
});
