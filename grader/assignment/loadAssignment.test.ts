import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { assignment as course } from '../course/assignment.ts';
import { hidden as courseHidden } from '../course/hidden.ts';
import { assignmentProblems, hiddenProblems, loadAssignment, loadHiddenFace } from './loadAssignment.ts';
import { assignment as double } from './testing/double/assignment.ts';

const work = await fs.mkdtemp(path.join(os.tmpdir(), 'relu-lab-load-assignment-'));
afterAll(() => fs.rm(work, { recursive: true, force: true }));

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as { code: string; message: string },
  );

describe('loadAssignment', () => {
  test('a folder holding assignment.ts, or the module itself, gives its public face', async () => {
    expect(await loadAssignment(path.dirname(double.manifestPath))).toBe(double);
    const loaded = await loadAssignment(path.join(path.dirname(course.hiddenEntry), 'assignment.ts'));
    expect(loaded.modules.map((m) => m.name)).toEqual(['activations', 'forward', 'backprop', 'dead-neurons', 'linearity', 'claims', 'training']);
    expect(await loadHiddenFace(double.hiddenEntry)).toMatchObject({ checks: [{ id: 'double.matches-reference' }, { id: 'double.zero-and-odd' }] });
  });

  test('a path with no assignment says to pass a folder holding assignment.ts', async () => {
    expect(await failure(loadAssignment(work))).toMatchObject({
      code: 'assignment-not-found',
      message: expect.stringContaining(`${work} has no assignment.ts`),
    });
    expect(await failure(loadAssignment(path.join(work, 'nowhere')))).toMatchObject({ code: 'assignment-not-found' });
  });

  test('a module that exports no sound assignment is refused, each problem named', async () => {
    const file = path.join(work, 'assignment.ts');
    await fs.writeFile(
      file,
      "export const assignment = { id: 'Not Ok', title: 't', modules: [{ name: 'a', title: 'A', exports: [] }, { name: 'a', title: 'A', exports: [] }], manifestPath: 'relative.json' };\n",
    );
    const e = await failure(loadAssignment(work));
    expect(e?.code).toBe('assignment-invalid');
    expect(e?.message).toContain('id: must be short');
    expect(e?.message).toContain('modules/1/name: "a" is listed twice');
    expect(e?.message).toContain('manifestPath: must be an absolute path');
    expect(e?.message).toContain('hiddenEntry: must be an absolute path');
  });

  test('a hidden face that is missing, or whose checks have no body or weight, is refused', async () => {
    expect(await failure(loadHiddenFace(path.join(work, 'no-hidden.ts')))).toMatchObject({
      code: 'assignment-invalid',
      message: expect.stringContaining('does not exist'),
    });
    expect(hiddenProblems(courseHidden)).toEqual([]);
    expect(
      hiddenProblems({
        checks: [
          { id: 'a.x', task: 'a', weight: 0 },
          { id: 'a.x', task: 'a', weight: 1, run: async () => {} },
        ],
      }),
    ).toEqual(['a.x: weight must be a positive number', 'a.x: has no body (declare it with check(declaration, run))', 'checks/1/id: "a.x" is declared twice']);
    expect(assignmentProblems(course)).toEqual([]);
    expect(assignmentProblems(double)).toEqual([]);
  });
});
