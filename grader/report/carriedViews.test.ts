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

test('groups the checks passed on carried values by the wrong upstream function and counts the points they kept', () => {
  const views = carriedViews([
    passed('backprop.backward', 'backward', 'forward', 6),
    passed('backprop.loss', 'mseLoss', 'forward', 4),
    passed('training.train', 'train', 'backward', 2),
    { ...base, id: 'backprop.plain', name: 'plain', status: 'passed', earned: 6 },
    { ...base, id: 'backprop.failed', name: 'failed', status: 'failed', earned: 0 },
  ]);
  expect(views.map((v) => v.upstream)).toEqual(['forward', 'backward']);
  expect(views[0].sentence).toBe(
    'Your backward and mseLoss are right for the values your forward computes, so their 10 points stand: the mistake is charged once, where it is. forward itself is wrong:',
  );
  expect(views[0].wrongAt).toBe('forward(1) returned 2, expected 1');
  expect(views[0].kept).toEqual(['backprop.backward name', 'backprop.loss name']);
  expect(views[1].sentence).toContain('Your train is right for the values your backward computes, so its 2 points stand');
});

test('no carried values, no view', () => {
  expect(carriedViews([{ ...base, id: 'a.b', name: 'x', status: 'passed', earned: 6 }])).toEqual([]);
});
