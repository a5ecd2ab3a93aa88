import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { GradeItem } from './protocol.ts';
import { WorkerPool } from './WorkerPool.ts';

const FAKE = path.join(import.meta.dirname, 'testing/fakeWorker.mjs');
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'relu-lab-pool-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const item = (id: string): GradeItem => ({ id, gradeDir: `/nowhere/${id}`, outDir: `/nowhere/out/${id}`, originalPath: id, git: null });
/** Running (a zombie waiting to be reaped counts as gone), polled for up to a second. */
async function stillRunning(pid: number): Promise<boolean> {
  for (let i = 0; i < 20; i++) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
    if (stat === null || / Z /.test(stat)) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

describe('WorkerPool', () => {
  test('grades on every worker; a hang is killed at the hard deadline and a crash replaced; their batch-mates are retried alone', async () => {
    const fakeLog = path.join(dir, 'fake.log');
    process.env.FAKE_LOG = fakeLog;
    const restarts: string[] = [];
    const pool = new WorkerPool({ size: 2, manifestPath: undefined, tmpRoot: path.join(dir, 'tmp'), hardDeadlineMs: 1500, maxBatch: 3, workerModule: FAKE, onRestart: (r) => restarts.push(r.reason) });
    const ids = ['a', 'hang-1', 'b', 'c', 'crash-1', 'd', 'e', 'f'];
    const outcomes = await Promise.all(ids.map((id) => pool.submit(item(id))));
    await pool.close();
    delete process.env.FAKE_LOG;
    const byId = Object.fromEntries(ids.map((id, i) => [id, outcomes[i]]));
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f']) expect(byId[id]).toMatchObject({ kind: 'graded' });
    expect(byId['hang-1']).toMatchObject({ kind: 'failed', message: expect.stringContaining('hard limit of 2 s') });
    expect(byId['crash-1']).toMatchObject({ kind: 'failed', message: expect.stringContaining('exited unexpectedly (code 3)') });
    expect(restarts.length).toBeGreaterThanOrEqual(2);
    // everyone was graded exactly once, and every process that ran is gone
    const lines = (await readFile(fakeLog, 'utf8')).trim().split('\n');
    const graded = lines.map((l) => l.split(' ')[1]).sort();
    expect(graded).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    for (const pid of new Set(lines.map((l) => Number(l.split(' ')[0])))) expect(await stillRunning(pid)).toBe(false);
  }, 30_000);

  test('a grader that cannot start stops the run with a coded error instead of failing every student', async () => {
    const pool = new WorkerPool({ size: 1, manifestPath: undefined, tmpRoot: path.join(dir, 'tmp2'), hardDeadlineMs: 5000, maxBatch: 1, workerModule: path.join(dir, 'missing-worker.mjs') });
    await expect(pool.submit(item('a'))).rejects.toMatchObject({ code: 'grader-failed' });
    await pool.kill();
  }, 30_000);
});
