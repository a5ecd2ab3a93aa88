// relu-lab bulk --assignment DIR grades a class with another assignment than
// the ReLU course: its grading processes load the assignment the run names
// (through their environment), so a class of `double` submissions is graded
// on double's two checks and its one task, not on the course's.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { assignment as double } from '../../assignment/testing/double/assignment.ts';
import { PACKAGE_ROOT } from '../../core/defaults.ts';
import { main } from '../main.ts';

const DOUBLE = path.relative(PACKAGE_ROOT, path.dirname(double.manifestPath));
const work = await fs.mkdtemp(path.join(os.tmpdir(), 'relu-lab-bulk-assignment-'));
afterAll(() => fs.rm(work, { recursive: true, force: true }));

describe('relu-lab bulk --assignment', () => {
  test("grades every student with the named assignment's checks, tasks and points", async () => {
    const classDir = path.join(work, 'class');
    await fs.cp(double.solutionsDir, path.join(classDir, 'ada'), { recursive: true });
    await fs.cp(double.exercisesDir, path.join(classDir, 'bo'), { recursive: true });
    const out = path.join(work, 'out');
    let stderr = '';
    const io = { out: () => undefined, err: (t: string) => void (stderr += t), color: false, env: {}, cwd: PACKAGE_ROOT };
    const code = await main(['bulk', classDir, '--out', out, '--assignment', DOUBLE, '--workers', '1', '--quiet'], io);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const [header, ...rows] = (await fs.readFile(path.join(out, 'gradebook.csv'), 'utf8'))
      .trim()
      .split(/\r?\n/)
      .map((line) => line.split(','));
    expect(header.slice(0, 4)).toEqual(['student', 'score', 'max', 'double']);
    expect(rows.map((r) => r.slice(0, 4))).toEqual([
      ['ada', '10', '10', '10'],
      ['bo', '0', '10', '0'],
    ]);
    const results = JSON.parse(await fs.readFile(path.join(out, 'ada', 'results.json'), 'utf8'));
    expect(results.tests.map((t: { id: string }) => t.id)).toEqual(['double.matches-reference', 'double.zero-and-odd']);
  }, 120_000);
});
