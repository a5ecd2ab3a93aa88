import { describe, expect, test } from 'vitest';
import { sampleResults } from '../report/fixtures/sample-results.ts';
import type { ResultsDocument } from '../results/types.ts';
import { PRAIRIELEARN, shapeProblems } from './platformShapes.testHelper.ts';
import { PRAIRIELEARN_MAX_BYTES, prairieLearnFailure, prairieLearnResults } from './prairielearn.ts';

describe('PrairieLearn results', () => {
  test('has the documented shape, with the score as a fraction', () => {
    const out = prairieLearnResults(sampleResults);
    expect(shapeProblems(PRAIRIELEARN, out)).toEqual([]);
    expect(out.gradable).toBe(true);
    expect(out.score).toBeCloseTo(sampleResults.score.earned / sampleResults.score.possible, 9);
    expect(out.tests.map((t) => t.max_points)).toEqual(sampleResults.tests.map((t) => t.possible));
  });

  test('a grading error is not gradable, so no attempt is charged', () => {
    const crashed: ResultsDocument = {
      ...sampleResults,
      outcome: { kind: 'grader-error', code: 'grader-failed', message: 'the worker died' },
      score: { earned: 0, possible: 100 },
    };
    expect(prairieLearnResults(crashed)).toMatchObject({ gradable: false, message: expect.stringContaining('the worker died') });
    expect(shapeProblems(PRAIRIELEARN, prairieLearnFailure('x'))).toEqual([]);
  });

  test('stays under 1 MB however long the feedback', () => {
    const huge = 'x'.repeat(200_000);
    const doc: ResultsDocument = {
      ...sampleResults,
      tests: sampleResults.tests.map((t) => ({ ...t, status: 'failed', earned: 0, message: huge, observed: { actual: huge, expected: 1 } })),
    };
    const text = JSON.stringify(prairieLearnResults(doc));
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(PRAIRIELEARN_MAX_BYTES);
    expect(shapeProblems(PRAIRIELEARN, JSON.parse(text))).toEqual([]);
  });
});
