import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
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
    const pool = new WorkerPool({
      size: 2,
      manifestPath: undefined,
      tmpRoot: path.join(dir, 'tmp'),
      hardDeadlineMs: 1500,
      maxBatch: 3,
      workerModule: FAKE,
      onRestart: (r) => restarts.push(r.reason),
    });
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

  test("a student's hard deadline is its own: the two who overrun it are charged, the one behind them is graded, nothing is summed over the batch", async () => {
    const pool = new WorkerPool({ size: 1, manifestPath: undefined, tmpRoot: path.join(dir, 'tmp3'), hardDeadlineMs: 1000, maxBatch: 3, workerModule: FAKE });
    const ids = ['slow-1600-a', 'slow-1600-b', 'honest'];
    const outcomes = await Promise.all(ids.map((id) => pool.submit(item(id))));
    await pool.close();
    // with one limit summed over the batch (3 s, re-armed as each answered), both would have passed as graded
    expect(outcomes[0]).toMatchObject({ kind: 'failed', message: expect.stringContaining('hard limit of 1 s') });
    expect(outcomes[1]).toMatchObject({ kind: 'failed', message: expect.stringContaining('hard limit of 1 s') });
    expect(outcomes[2]).toMatchObject({ kind: 'graded', summary: { earned: 1 } });
  }, 30_000);

  test('a grading process killed at the hard deadline has its TMPDIR removed once it is gone, while the run goes on', async () => {
    const tmpRoot = path.join(dir, 'tmp4');
    const restarted: string[] = [];
    const pool = new WorkerPool({
      size: 1,
      manifestPath: undefined,
      tmpRoot,
      hardDeadlineMs: 800,
      maxBatch: 1,
      workerModule: FAKE,
      onRestart: (r) => restarted.push(r.reason),
    });
    expect(await pool.submit(item('hang-writes'))).toMatchObject({ kind: 'failed' });
    // the next student starts a new process with a new folder; the killed one's is gone
    expect(await pool.submit(item('after'))).toMatchObject({ kind: 'graded' });
    let left: string[] = [];
    for (let i = 0; i < 40; i++) {
      left = await readdir(tmpRoot);
      if (left.length === 1) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(restarted).toHaveLength(1);
    expect(left).toEqual(['worker-0-2']);
    await pool.close();
    expect(await readdir(tmpRoot)).toEqual([]);
  }, 30_000);

  test('a grader that cannot start stops the run with a coded error instead of failing every student', async () => {
    const pool = new WorkerPool({
      size: 1,
      manifestPath: undefined,
      tmpRoot: path.join(dir, 'tmp2'),
      hardDeadlineMs: 5000,
      maxBatch: 1,
      workerModule: path.join(dir, 'missing-worker.mjs'),
    });
    await expect(pool.submit(item('a'))).rejects.toMatchObject({ code: 'grader-failed' });
    await pool.kill();
  }, 30_000);
});
