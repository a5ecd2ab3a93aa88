import { expect, test } from 'vitest';
import type { TestResult } from '../results/types.ts';
import { carriedViews } from './carriedViews.ts';

const base = { task: 'backprop', possible: 6, visibility: 'visible', hint: '', durationMs: 1 } as const;
const passed = (id: string, fn: string, upstream: string, earned: number): TestResult => ({
  ...base,
  id,
  name: `${id} name`,
  status: 'passed',
  earned,
  carriedForward: { function: fn, upstream, wrongAt: `${upstream}(1) returned 2, expected 1` },
});

test('groups the checks passed on carried values by the wrong function at their root and counts the points they kept', () => {
  const views = carriedViews([
    passed('backprop.backward', 'backward', 'forward', 6),
    passed('backprop.loss', 'mseLoss', 'forward', 4),
    passed('training.train', 'train', 'backward', 2),
    { ...base, id: 'backprop.plain', name: 'plain', status: 'passed', earned: 6 },
    { ...base, id: 'backprop.failed', name: 'failed', status: 'failed', earned: 0 },
  ]);
  // train is right for the values of the student's backward, itself right for their forward's: one root
  expect(views.map((v) => v.upstream)).toEqual(['forward']);
  expect(views[0].sentence).toBe(
    'Your backward, mseLoss and train are right for the values your forward computes (some through your backward, right for those values too), so their 12 points stand: the mistake is charged once, where it is. forward itself is wrong:',
  );
  expect(views[0].wrongAt).toBe('forward(1) returned 2, expected 1');
  expect(views[0].kept).toEqual(['backprop.backward name', 'backprop.loss name', 'training.train name']);
});

test('no carried values, no view', () => {
  expect(carriedViews([{ ...base, id: 'a.b', name: 'x', status: 'passed', earned: 6 }])).toEqual([]);
});

test('a check right for the values of a function itself right for a wrong one counts under the wrong one', () => {
  const views = carriedViews([passed('backprop.numerical', 'numericalGradient', 'mseLoss', 4), passed('backprop.loss', 'mseLoss', 'forward', 4)]);
  expect(views).toHaveLength(1);
  expect(views[0].upstream).toBe('forward');
  expect(views[0].sentence).toMatch(
    /^Your numericalGradient and mseLoss are right for the values your forward computes \(some through your mseLoss, right for those values too\), so their 8 points stand/,
  );
  expect(views[0].wrongAt).toBe('forward(1) returned 2, expected 1');
});
