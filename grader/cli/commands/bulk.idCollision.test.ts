// relu-lab bulk with entries whose student ids collide: `alice .zip` and
// `alice.zip` (both `alice`), `Carol/` and `carol.zip` (one folder on a
// case-insensitive file system). Neither of a pair is graded under the shared
// id, not even when an earlier run graded one of them there; the gradebook,
// the summary, the Canvas/Moodle export and the run's output all say so and
// name both entries; once one is renamed, --resume grades it instead of
// taking the old collision for a grading. No entry here reaches a grading
// process (garbage archives are refused, empty folders unrecognised), so the
// test is quick.
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { GradebookJson } from '../../bulk/gradebook/writeGradebook.ts';
import { writeRecord } from '../../bulk/store/studentStore.ts';
import type { GradebookRow } from '../../bulk/types.ts';
import type { Io } from '../../core/Io.ts';
import { TEST_MANIFEST_PATH } from '../../manifest/testing/testManifest.ts';
import { main } from '../main.ts';

let dir: string;
const classDir = () => path.join(dir, 'class');
const outDir = () => path.join(dir, 'out');

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'relu-lab-bulk-ids-'));
  await mkdir(path.join(classDir(), 'Carol'), { recursive: true });
  await writeFile(path.join(classDir(), 'alice .zip'), 'not a zip');
  await writeFile(path.join(classDir(), 'alice.zip'), 'not a zip either');
  await writeFile(path.join(classDir(), 'carol.zip'), 'not a zip');
  // an earlier run graded alice.zip alone under the id alice
  await writeRecord(outDir(), {
    recordVersion: 1,
    id: 'alice',
    entry: { name: 'alice.zip', kind: 'zip' },
    status: 'graded',
    message: null,
    key: { contentHash: 'a'.repeat(64), graderVersion: '0.1.0', manifestHash: 'b'.repeat(64), checksHash: 'c'.repeat(64), seed: 1, numRuns: 1 },
    commit: null,
    late: { kind: 'unknown', reason: 'a zip has no commit dates' },
    finishedAt: '2026-01-01T00:00:00.000Z',
  });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function bulk(...extra: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { out: (t) => void (stdout += t), err: (t) => void (stderr += t), color: false, env: { CI: '1' }, cwd: dir };
  const code = await main(['bulk', 'class', '--out', 'out', '--manifest', TEST_MANIFEST_PATH, '--jobs', '1', '--format', 'canvas', ...extra], io);
  return { code, stdout, stderr };
}

const rows = async (): Promise<Map<string, GradebookRow>> => {
  const json = JSON.parse(await readFile(path.join(outDir(), 'gradebook.json'), 'utf8')) as GradebookJson;
  return new Map(json.rows.map((r) => [r.student, r]));
};

describe('relu-lab bulk: ids that collide', () => {
  test('neither entry of a pair is graded under the shared id; every output names both and says to rename one', async () => {
    const run = await bulk('--resume');
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.code).toBe(0);

    const byId = await rows();
    expect(byId.get('alice')).toMatchObject({ status: 'id-collision', reportPath: null });
    expect(byId.get('alice')!.message).toMatch(/^2 entries map to the student id "alice": "alice \.zip" and "alice\.zip"\. Neither was graded/);
    expect(byId.get('alice')!.message).toMatch(/Rename all but one/);
    expect(byId.get('Carol')).toMatchObject({ status: 'id-collision' });
    expect(byId.get('Carol')!.message).toMatch(/the student ids "Carol", "carol", which differ only in case.*: "Carol" and "carol\.zip"/);
    expect(byId.has('carol')).toBe(false);
    expect([...byId.values()].filter((r) => r.status === 'graded')).toEqual([]);

    const csv = await readFile(path.join(outDir(), 'gradebook.csv'), 'utf8');
    expect(csv).toMatch(/^alice,0,\d+,.*,id-collision,.*"alice \.zip"" and ""alice\.zip""/m);
    // Moodle clears a grade on an empty cell and aborts on a user it cannot place: no row, and the run names who is left out
    expect(await readFile(path.join(outDir(), 'moodle.csv'), 'utf8')).not.toMatch(/^alice,/m);
    expect(run.stderr).toMatch(/note: moodle\.csv has no row for \d+ students .*alice \(2 entries map/);
    expect(await readFile(path.join(outDir(), 'summary.html'), 'utf8')).toContain('&quot;alice .zip&quot; and &quot;alice.zip&quot;');

    expect(run.stdout).toContain('id collision: "alice .zip", "alice.zip" all map to the student id "alice"; none was graded. Rename all but one');
    expect(run.stdout).toContain('id collision: "Carol", "carol.zip" all map to the student id "Carol"');
    // the progress lines (no terminal) name the collision too
    expect(run.stderr).toMatch(/alice not-graded: 2 entries map to the student id "alice"/);
  });

  test('after one of them is renamed, --resume grades both instead of taking the collision for a grading', async () => {
    await rename(path.join(classDir(), 'alice .zip'), path.join(classDir(), 'alice2.zip'));
    const run = await bulk('--resume');
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('"alice');
    const byId = await rows();
    // both archives are garbage, so grading them ends in `refused`: what matters is that each was looked at
    expect(byId.get('alice')).toMatchObject({ status: 'refused' });
    expect(byId.get('alice2')).toMatchObject({ status: 'refused' });
    expect(byId.get('Carol')).toMatchObject({ status: 'id-collision' });
  });
});
