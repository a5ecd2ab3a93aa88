import { expect, test } from 'vitest';
import { rootCauses } from './rootCause.ts';
import type { TestResult } from './types.ts';

const carried = (fn: string, upstream: string, status: TestResult['status'] = 'passed'): TestResult => ({
  id: `t.${fn}-${upstream}`,
  name: fn,
  task: 't',
  status,
  earned: 1,
  possible: 1,
  visibility: 'visible',
  hint: '',
  durationMs: 0,
  carriedForward: { function: fn, upstream, wrongAt: `${upstream}(1) returned 2, expected 1` },
});

test('follows a chain of functions right for their upstream values to the first one that is wrong', () => {
  const roots = rootCauses([
    carried('numericalGradient', 'mseLoss'),
    carried('mseLoss', 'forward'),
    carried('backward', 'forward'),
    carried('train', 'backward'),
    carried('reviveDeadNeurons', 'deadNeurons'),
  ]);
  expect(Object.fromEntries(roots)).toEqual({ mseLoss: 'forward', forward: 'forward', backward: 'forward', deadNeurons: 'deadNeurons' });
});

test('stops at a cycle, and ignores notes of checks that did not pass', () => {
  expect(Object.fromEntries(rootCauses([carried('a', 'b'), carried('b', 'a')]))).toEqual({ b: 'a', a: 'b' });
  expect(Object.fromEntries(rootCauses([carried('a', 'b', 'failed')]))).toEqual({});
});
