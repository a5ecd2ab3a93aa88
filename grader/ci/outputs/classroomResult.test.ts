import { describe, expect, test } from 'vitest';
import { sampleDoc, sampleView } from '../testing/sampleView.ts';
import { classroomResult, encodeClassroomResult } from './classroomResult.ts';

describe('classroomResult', () => {
  test("has GitHub Classroom's shape, with the shown tests' points", () => {
    const result = classroomResult(sampleView());
    expect(result).toMatchObject({ version: 1, status: 'fail' });
    expect(result.tests.map((t) => [t.status, t.score, t.filename, t.line_no])).toEqual([
      ['pass', 2, 'exercises/activations.ts', 2],
      ['fail', 0, 'exercises/activations.ts', 6],
      ['error', 0, 'exercises/backprop.ts', 3],
    ]);
    expect(result.max_score).toBe(sampleView().score.possible);
    expect(JSON.stringify(result)).not.toContain('secret');
  });

  test('is an error when grading failed, a pass when every shown test passed', () => {
    const failed = sampleDoc();
    failed.outcome = { kind: 'grader-error', code: 'internal', message: 'boom' };
    expect(classroomResult(sampleView({ kind: 'visible' }, failed)).status).toBe('error');
    const passing = sampleDoc();
    passing.tests = passing.tests.filter((t) => t.status === 'passed');
    expect(classroomResult(sampleView({ kind: 'visible' }, passing)).status).toBe('pass');
  });

  test('encodes as base64 JSON', () => {
    const result = classroomResult(sampleView());
    expect(JSON.parse(Buffer.from(encodeClassroomResult(result), 'base64').toString('utf8'))).toEqual(result);
  });
});
