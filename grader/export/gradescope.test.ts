import { describe, expect, test } from 'vitest';
import { sampleResults } from '../report/fixtures/sample-results.ts';
import type { ResultsDocument } from '../results/types.ts';
import { applyGradescopeLate, gradescopeFailure, gradescopeResults } from './gradescope.ts';
import { GRADESCOPE, shapeProblems } from './platformShapes.testHelper.ts';

// Checked against Gradescope's "Autograder Specifications"
// (https://gradescope-autograders.readthedocs.io/en/latest/specs/), as
// platformShapes.testHelper.ts's GRADESCOPE schema transcribes them.
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

describe('Gradescope results: late policy, traces, leaderboard', () => {
  const trace = 'TypeError: cannot read x\n    at backward (/autograder/source/relu-lab/grader/harness/call.ts:12:3)\n    at run (node:internal/x:1:1)';
  const crashed: ResultsDocument = {
    ...sampleResults,
    outcome: { kind: 'grader-error', code: 'grader-failed', message: trace },
    tests: sampleResults.tests.map((t, i) => (i === 0 ? { ...t, status: 'errored', earned: 0, message: trace } : t)),
  };

  test('no stack frame reaches what students read; the traces are kept in extra_data', () => {
    const out = gradescopeResults(crashed);
    expect(out.output).toContain('TypeError: cannot read x');
    expect(out.output).not.toMatch(/\n\s+at /);
    expect(out.tests[0].output).toContain('TypeError: cannot read x');
    expect(out.tests[0].output).not.toContain('call.ts');
    expect(out.extra_data.traces).toEqual({ outcome: trace, [crashed.tests[0].id]: trace });
    expect(shapeProblems(GRADESCOPE, out)).toEqual([]);
    const failure = gradescopeFailure(trace, 100, 'the whole log');
    expect(failure.output).not.toContain('call.ts');
    expect(failure.extra_data.log).toBe('the whole log');
  });

  test("the late policy's verdict is the score, said on the output's first line, and applying it twice changes nothing", () => {
    const late = { score: 0, late: { kind: 'late' as const, daysLate: 8, penaltyPercent: 100, accepted: false } };
    const out = gradescopeResults(sampleResults, { late });
    expect(out.score).toBe(0);
    expect(out.output.split('\n')[0]).toBe(
      `late: 8 days late: not accepted under the late policy; score 0 (${sampleResults.score.earned} before the late policy)`,
    );
    expect(out.extra_data).toMatchObject({ scoreBeforeLate: sampleResults.score.earned, late: late.late });
    expect(applyGradescopeLate(out, late)).toEqual(out);
    expect(shapeProblems(GRADESCOPE, out)).toEqual([]);
    const onTime = gradescopeResults(sampleResults, { late: { score: sampleResults.score.earned, late: { kind: 'on-time' } } });
    expect(onTime.score).toBe(sampleResults.score.earned);
    expect(onTime.output).toBe(gradescopeResults(sampleResults).output);
  });

  test('the leaderboard is optional and, when asked for, shows the score', () => {
    expect(gradescopeResults(sampleResults)).not.toHaveProperty('leaderboard');
    const out = gradescopeResults(sampleResults, { leaderboard: true });
    expect(out.leaderboard).toEqual([{ name: 'Score', value: sampleResults.score.earned }]);
    expect(shapeProblems(GRADESCOPE, out)).toEqual([]);
  });
});
