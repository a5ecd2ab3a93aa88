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
      ['pass', 0, '', 0],
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

  test('names what is graded later in an entry of its own, worth nothing, so its total is never a bare one', () => {
    const withheld = classroomResult(sampleView()).tests.at(-1)!;
    expect(withheld.name).toBe('1 hidden check (2 points) is graded when your work is graded');
    expect(withheld.message).toMatch(/^Not run here: /);
    const hidden = classroomResult(sampleView({ kind: 'hidden', bundle: { hash: 'e'.repeat(64), graderVersion: '0.1.0', checks: 48 } as never }));
    expect(hidden.tests.at(-1)!.name).toBe('1 hidden test (2 points): not shown');
    expect(hidden.tests.at(-1)!.message).toMatch(/^Graded, and not shown yet/);
  });

  test('encodes as base64 JSON', () => {
    const result = classroomResult(sampleView());
    expect(JSON.parse(Buffer.from(encodeClassroomResult(result), 'base64').toString('utf8'))).toEqual(result);
  });
});
