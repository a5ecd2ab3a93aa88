import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Io } from '../../core/Io.ts';
import { TEST_MANIFEST_PATH } from '../../manifest/testing/testManifest.ts';
import { main } from '../main.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'relu-lab-bulk-cli-'));
  await mkdir(path.join(dir, 'class'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function captured(): Io & { stderr: () => string } {
  let err = '';
  return { out: () => undefined, err: (t) => void (err += t), color: false, env: {}, cwd: dir, stderr: () => err };
}

async function run(...args: string[]): Promise<{ code: number; stderr: string }> {
  const io = captured();
  return { code: await main(args, io), stderr: io.stderr() };
}

describe('relu-lab bulk and merge: usage', () => {
  test.each([
    [['bulk', '--out', 'o'], /exactly one SUBMISSIONS folder/],
    [['bulk', 'class'], /--out DIR is required/],
    [['bulk', 'class', '--out', 'o', '--shard', '3/2'], /--shard needs i\/n/],
    [['bulk', 'class', '--out', 'o', '--format', 'moodle'], /--format must be one of gradescope, prairielearn, classroom, canvas/],
    [['bulk', 'class', '--out', 'o', '--workers', '0'], /--workers needs a number/],
    [['bulk', 'class', '--out', 'o', '--jobs', '0'], /--jobs needs a number/],
    [['bulk', 'class', '--out', 'o', '--workers', '2', '--jobs', '2'], /--workers and --jobs are the same setting/],
    [['bulk', 'class', '--out', 'o', '--deadline', 'next tuesday'], /--deadline needs an ISO 8601 date-time/],
    [['bulk', 'class', '--out', 'o', '--manifest', TEST_MANIFEST_PATH, '--at-deadline'], /--at-deadline needs a deadline/],
    [['bulk', 'class', '--out', 'o', '--from', 'moodle'], /--from takes one of canvas, gradescope, classroom, folders/],
    [['bulk', 'class', '--out', 'o', '--canvas-assignment', 'ReLU'], /--canvas-assignment takes Canvas's assignment id/],
    [['bulk', 'class', '--out', 'o', '--roster', 'no-such-roster.csv'], /--roster: cannot read no-such-roster.csv/],
    [['bulk', 'class', '--out', 'o', '--late', 'soon'], /--late takes best \(.*\), last \(.*\) or on-time \(.*\), got "soon"/],
    [['bulk', 'class', '--out', 'o', '--manifest', TEST_MANIFEST_PATH, '--late', 'best'], /--late best needs a deadline/],
    [['bulk', 'class', '--out', 'o', '--at-deadline', '--late', 'best'], /--at-deadline is --late on-time/],
    [['merge', '--out', 'o'], /the output folders of the bulk runs/],
    [['merge', 'class', '--out', 'o', '--canvas-assignment', 'ReLU'], /--canvas-assignment takes Canvas's assignment id/],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    const { code, stderr } = await run(...args);
    expect(stderr).toMatch(message);
    expect(code).toBe(2);
  });

  test('the sample class not built yet says how to build it', async () => {
    const { code, stderr } = await run('bulk', 'examples/class', '--out', 'o');
    expect(stderr).toMatch(/npm run example:class/);
    expect(code).toBe(2);
  });

  test('merging a folder without graded students says what to pass', async () => {
    const { code, stderr } = await run('merge', 'class', '--out', 'o');
    expect(stderr).toMatch(/holds no graded students/);
    expect(code).toBe(2);
  });
});
