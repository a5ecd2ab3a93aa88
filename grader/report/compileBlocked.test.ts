import { expect, test } from 'vitest';
import type { TaskResult, TestResult } from '../results/types.ts';
import { compileBlocked } from './compileBlocked.ts';
import { compileInsight } from './insights.ts';

const task = (id: string): TaskResult => ({ id, title: id, earned: 0, possible: 10, file: `exercises/${id}.ts` });
const t = (task: string, p: Partial<TestResult>): TestResult => ({
  id: `${task}.${Math.random()}`,
  name: 'n',
  task,
  status: 'errored',
  earned: 0,
  possible: 2,
  visibility: 'visible',
  hint: '',
  durationMs: 0,
  ...p,
});
const tasks = ['signs', 'parsing', 'tables', 'ranges'].map(task);
const diagnostics = [{ file: 'exercises/parsing.ts', line: 11, column: 75, message: 'Expected ")" but found ";"' }];
const tests = [
  t('signs', { status: 'passed', earned: 2 }),
  t('parsing', { message: 'exercises/parsing.ts did not compile: exercises/parsing.ts:11:75 Expected ")"' }),
  t('tables', { message: 'exercises/tables.ts did not compile: exercises/parsing.ts:11:75 Expected ")"' }),
  t('tables', { message: 'exercises/tables.ts did not compile: exercises/parsing.ts:11:75 Expected ")"' }),
  t('ranges', { status: 'failed', message: 'bounds returned [1]' }),
];

test('the broken file and the tasks that import it are blocked; a task failing for its own reasons is not', () => {
  const blocks = compileBlocked(tasks, tests, diagnostics);
  expect([...blocks.keys()]).toEqual(['parsing', 'tables']);
  expect(blocks.get('tables')).toMatchObject({ files: ['exercises/parsing.ts'] });
  expect(blocks.get('tables')?.tests).toHaveLength(2);
});

test('no compile errors, no blocks', () => {
  expect(compileBlocked(tasks, tests, []).size).toBe(0);
});

test('the insight counts every blocked test and points at the first error', () => {
  expect(compileInsight(diagnostics, tests, tasks).map((i) => i.text)).toEqual([
    'exercises/parsing.ts did not compile, so 3 tests (6 points) could not run. Start with the first error, at line 11, column 75: “Expected ")" but found ";"” Later errors often follow from it.',
  ]);
  const many = compileInsight(
    [
      { file: 'exercises/b.ts', line: 1, column: 1, message: 'exercises/b.ts is missing' },
      { file: 'exercises/a.ts', line: 4, column: 2, message: 'x' },
    ],
    [],
    [],
  );
  expect(many.map((i) => i.text)).toEqual([
    '2 files did not compile (exercises/b.ts, exercises/a.ts). Start with the first error, in exercises/b.ts, line 1, column 1: “exercises/b.ts is missing” Later errors often follow from it.',
  ]);
});
