import { readFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { PACKAGE_ROOT } from '../../core/defaults.ts';
import { assignment } from '../../course/assignment.ts';
import { discoverEntries } from '../discoverEntries.ts';
import { buildClass, type ClassPlan } from './buildClass.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'relu-lab-sample-class-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

test('the sample class plan builds, with each student handed in the way it says', async () => {
  const plan = JSON.parse(await readFile(path.join(PACKAGE_ROOT, 'examples/class-src/class.json'), 'utf8')) as ClassPlan;
  await buildClass(path.join(dir, 'class'), plan, assignment);
  const entries = await discoverEntries(path.join(dir, 'class'));
  const kinds = Object.fromEntries(entries.map((e) => [e.id, e.kind]));
  const expected = Object.fromEntries(
    plan.students.map((s) => [s.id, s.as === 'git' ? 'git' : s.as.endsWith('zip') || s.as === 'zip-slip' ? 'zip' : s.as === 'text' ? 'other' : 'folder']),
  );
  expect(kinds).toEqual(expected);
  expect(plan.students.length).toBeGreaterThanOrEqual(12);
}, 30_000);
