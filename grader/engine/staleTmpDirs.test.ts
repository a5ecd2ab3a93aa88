import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { claimTmpDir, GRADING_TMP_PREFIX, removeStaleTmpDirs } from './staleTmpDirs.ts';

let parent: string;
beforeAll(async () => {
  parent = await fs.mkdtemp(path.join(os.tmpdir(), 'relu-lab-stale-test-'));
});
afterAll(() => fs.rm(parent, { recursive: true, force: true }));

async function tmpDir(name: string, owner: object | null): Promise<string> {
  const dir = path.join(parent, name);
  await fs.mkdir(path.join(dir, 'job-1', 'code'), { recursive: true });
  await fs.writeFile(path.join(dir, 'job-1', 'code', 'backprop.mjs'), 'export const backward = () => 1;\n');
  if (owner) await fs.writeFile(path.join(dir, 'owner.json'), JSON.stringify(owner));
  return dir;
}

test('removes the grading TMPDIRs of processes that are gone, and only those', async () => {
  // a process that has ended: its pid is free
  const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  const stale = await tmpDir(`${GRADING_TMP_PREFIX}killed`, { pid: Number(gone.stdout), started: '1' });
  const reused = await tmpDir(`${GRADING_TMP_PREFIX}reused-pid`, { pid: process.pid, started: 'not-this-process' });
  const live = await tmpDir(`${GRADING_TMP_PREFIX}live`, null);
  await claimTmpDir(live);
  const unmarked = await tmpDir(`${GRADING_TMP_PREFIX}starting`, null);
  const other = await tmpDir('relu-lab-bulk-other', { pid: Number(gone.stdout), started: '1' });

  expect((await removeStaleTmpDirs(parent)).sort()).toEqual([stale, ...(process.platform === 'linux' ? [reused] : [])].sort());
  for (const kept of [live, unmarked, other]) await expect(fs.stat(kept)).resolves.toBeTruthy();
  await expect(fs.stat(stale)).rejects.toMatchObject({ code: 'ENOENT' });
});
