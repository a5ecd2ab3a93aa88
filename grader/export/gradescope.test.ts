import { describe, expect, test } from 'vitest';
import { sampleResults } from '../report/fixtures/sample-results.ts';
import { gradescopeFailure, gradescopeResults } from './gradescope.ts';
import { GRADESCOPE, shapeProblems } from './platformShapes.testHelper.ts';

describe('Gradescope results', () => {
  const out = gradescopeResults(sampleResults);

  test('has the documented shape', () => {
    expect(shapeProblems(GRADESCOPE, out)).toEqual([]);
    expect(shapeProblems(GRADESCOPE, gradescopeFailure('it crashed', 100))).toEqual([]);
  });

  test("the score is relu-lab's, and the tests add up to it", () => {
    expect(out.score).toBe(sampleResults.score.earned);
    expect(out.tests.reduce((s, t) => s + t.score, 0)).toBeCloseTo(sampleResults.score.earned, 6);
    expect(out.tests.reduce((s, t) => s + t.max_score, 0)).toBeCloseTo(sampleResults.score.possible, 6);
  });

  test('one entry per test with its visibility, status and feedback', () => {
    expect(out.tests).toHaveLength(sampleResults.tests.length);
    const failing = sampleResults.tests.findIndex((t) => t.status === 'failed' && t.observed);
    expect(out.tests[failing]).toMatchObject({ status: 'failed', visibility: sampleResults.tests[failing].visibility });
    expect(out.tests[failing].output).toContain('expected:');
    const hidden = sampleResults.tests.findIndex((t) => t.visibility !== 'visible');
    expect(out.tests[hidden].visibility).toBe(sampleResults.tests[hidden].visibility);
    expect(new Set(out.tests.map((t) => t.number)).size).toBe(out.tests.length);
  });

  test('a failure is still a file Gradescope accepts, scoring 0 and saying why', () => {
    expect(gradescopeFailure('the archive was refused', 100)).toMatchObject({ score: 0, output: expect.stringContaining('the archive was refused') });
  });
});
