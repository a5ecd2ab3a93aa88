import { describe, expect, test } from 'vitest';
import { sampleResults } from '../report/fixtures/sample-results.ts';
import { classroomFailure, classroomResult, encodeClassroom } from './classroom.ts';
import { CLASSROOM, shapeProblems } from './platformShapes.testHelper.ts';

describe('GitHub Classroom grader output', () => {
  test('is base64 of the documented JSON', () => {
    const encoded = encodeClassroom(classroomResult(sampleResults));
    expect(encoded).toMatch(/^[A-Za-z0-9+/]+=*$/);
    const decoded = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'));
    expect(shapeProblems(CLASSROOM, decoded)).toEqual([]);
    expect(shapeProblems(CLASSROOM, classroomFailure('no submission', 100))).toEqual([]);
  });

  test("the reporter's sum of test scores is relu-lab's score, out of its maximum", () => {
    const out = classroomResult(sampleResults);
    expect(out.tests.reduce((s, t) => s + t.score, 0)).toBeCloseTo(sampleResults.score.earned, 6);
    expect(out.max_score).toBe(sampleResults.score.possible);
    expect(out.status).toBe('fail');
  });

  test('timed-out and errored tests are errors; each names its exercise file', () => {
    const out = classroomResult(sampleResults);
    sampleResults.tests.forEach((t, i) => {
      if (t.status === 'timed-out' || t.status === 'errored') expect(out.tests[i].status).toBe('error');
      expect(out.tests[i].filename).toMatch(/^exercises\/.+\.ts$/);
    });
  });
});
