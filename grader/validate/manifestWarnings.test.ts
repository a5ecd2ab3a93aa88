import { describe, expect, test } from 'vitest';
import { DEFAULTS } from '../core/defaults.ts';
import type { Manifest } from '../manifest/types.ts';
import { manifestWarnings } from './manifestWarnings.ts';

const manifest = (numRuns: number, points: number[]): Manifest => ({
  path: '/m/assignment.json',
  title: 'm',
  version: 1,
  tasks: points.map((p, i) => ({ id: `t${i}`, title: `t${i}`, points: p, file: `exercises/t${i}.ts` })),
  deadline: null,
  latePolicy: { kind: 'none' },
  defaultVisibility: 'visible',
  limits: { callTimeoutMs: 1, groupTimeoutMs: 1, submissionDeadlineMs: 1, sandboxMemoryMb: 1 },
  fastCheck: { seed: 1, numRuns },
});

describe('manifestWarnings', () => {
  test('none at the runs the corpus was validated at, or more, with every task and check worth something', () => {
    expect(manifestWarnings(manifest(DEFAULTS.validatedNumRuns, [10, 5]), [{ id: 't0.a', task: 't0', points: 10 }])).toEqual([]);
    expect(manifestWarnings(manifest(DEFAULTS.validatedNumRuns * 2, [10]))).toEqual([]);
  });

  test('fewer runs than the corpus was validated at', () => {
    expect(manifestWarnings(manifest(DEFAULTS.validatedNumRuns - 1, [10]))).toEqual([
      expect.stringMatching(
        new RegExp(`^warning: /m/assignment.json asks for fastCheck.numRuns ${DEFAULTS.validatedNumRuns - 1}, fewer than the ${DEFAULTS.validatedNumRuns} `),
      ),
    ]);
  });

  test('a task worth 0 points, and a check whose share is 0, once each', () => {
    const warnings = manifestWarnings(manifest(DEFAULTS.validatedNumRuns, [0, 0.01]), [
      { id: 't0.a', task: 't0', points: 0 },
      { id: 't1.a', task: 't1', points: 0.01 },
      { id: 't1.b', task: 't1', points: 0 },
    ]);
    expect(warnings).toEqual([
      expect.stringMatching(/^warning: task "t0" of \/m\/assignment.json is worth 0 points/),
      expect.stringMatching(/^warning: check t1.b is worth 0 points/),
    ]);
  });
});
