// relu-lab's runners through GitHub Classroom's own reporter
// (classroom-resources/autograding-grading-reporter at commit
// 43c2d9f524d3c7926caf7cb4fee34200b40b8c26, re-implemented exactly in
// classroomReporter.testHelper.ts since it is not on npm): the notice
// Classroom records and the table students read both say relu-lab's score,
// to the hundredth, where one runner of fractional checks would not.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { sampleResults } from '../report/fixtures/sample-results.ts';
import { classroomResult, encodeClassroom } from './classroom.ts';
import { runReporter } from './classroomReporter.testHelper.ts';
import { classroomRunnerNames, classroomRunnerOutputs, classroomRunners, classroomRunnersOf, fitAddend } from './classroomRunners.ts';
import { CLASSROOM, shapeProblems } from './platformShapes.testHelper.ts';

/** The reporter's run on `runners`, given to it as the workflow does: `<RUNNER>_RESULTS` from the step's outputs. */
function report(runners: ReturnType<typeof classroomRunners>) {
  const outputs = Object.fromEntries(
    classroomRunnerOutputs(runners)
      .trim()
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  const env = Object.fromEntries(Object.entries(outputs).map(([runner, value]) => [`${runner.toUpperCase()}_RESULTS`, value]));
  return runReporter(runners.map((r) => r.runner).join(','), env);
}

describe("GitHub Classroom's reporter on relu-lab's runners", () => {
  test('one runner per task and one for the points missed, each a grader output of the documented shape', () => {
    const runners = classroomRunnersOf(sampleResults);
    expect(runners.map((r) => r.runner)).toEqual(classroomRunnerNames(sampleResults.tasks.map((t) => t.id)));
    for (const r of runners) {
      expect(r.runner).toMatch(/^[a-z0-9]+$/);
      expect(shapeProblems(CLASSROOM, r.result)).toEqual([]);
      expect(r.result.tests).toHaveLength(1);
    }
  });

  test("its notice and its table both announce relu-lab's score, and the job fails as a check failed", () => {
    const run = report(classroomRunnersOf(sampleResults));
    const { earned, possible } = sampleResults.score;
    expect(run.notices[0]).toEqual({ title: 'Autograding complete', text: `Points ${earned}/${possible}` });
    expect(JSON.parse(run.notices[1].text)).toEqual({ totalPoints: earned, maxPoints: possible });
    expect(run.table.at(-1)).toEqual(['Total: ', `${earned}`, `${possible}`]);
    expect(run.failed).toBe('Some tests failed.');
  });

  test('a full score passes the job', () => {
    const perfect = { ...sampleResults, tests: sampleResults.tests.map((t) => ({ ...t, status: 'passed' as const, earned: t.possible })) };
    const graded = classroomResult(perfect);
    const run = report(classroomRunners(graded, perfect.tasks));
    expect(run.failed).toBeNull();
    expect(run.notices[0].text).toBe(`Points ${perfect.score.possible}/${perfect.score.possible}`);
  });

  test('where a single runner of the checks disagrees with itself (the reason for the split)', () => {
    const single = classroomResult(sampleResults);
    const run = runReporter('feedback', { FEEDBACK_RESULTS: encodeClassroom(single) });
    const tableTotal = Number(run.table.at(-1)![1]);
    const noticeTotal = Number(/Points ([^/]+)\//.exec(run.notices[0].text)![1]);
    expect(tableTotal).not.toBeCloseTo(noticeTotal, 2);
  });

  /** Tasks of checks with points in hundredths, as a grader output, and the reporter's run on their runners. */
  const graded = fc.array(
    fc.array(fc.record({ earned: fc.integer({ min: 0, max: 1000 }), missed: fc.integer({ min: 0, max: 1000 }) }), { minLength: 1, maxLength: 6 }),
    {
      minLength: 1,
      maxLength: 9,
    },
  );
  function run(tasks: { earned: number; missed: number }[][], wholeMaximum: boolean) {
    const files = tasks.map((_, i) => `exercises/t${i}.ts`);
    const checks = tasks.flat();
    const earned = checks.reduce((s, c) => s + c.earned, 0);
    const exact = checks.reduce((s, c) => s + c.earned + c.missed, 0);
    const possible = wholeMaximum ? Math.ceil(exact / 100) * 100 : exact;
    const tests = tasks.flatMap((t, i) =>
      t.map((c, j) => ({
        name: `check ${i}.${j}`,
        status: c.missed === 0 ? ('pass' as const) : ('fail' as const),
        score: c.earned / 100,
        message: '',
        test_code: '',
        filename: files[i],
        line_no: 0,
        duration: 0,
      })),
    );
    const runners = classroomRunners(
      { version: 1, status: 'fail', max_score: possible / 100, tests },
      files.map((file, i) => ({ id: `task-${i}`, title: `Task ${i}`, file })),
    );
    return { reporter: report(runners), earned: earned / 100, possible: possible / 100 };
  }

  test('for any points in hundredths and a whole maximum, notice and table print exactly the two-decimal score and maximum', () => {
    fc.assert(
      fc.property(graded, (tasks) => {
        const { reporter, earned, possible } = run(tasks, true);
        if (possible === 0) return reporter.notices.length === 0;
        return (
          reporter.notices[0].text === `Points ${earned}/${possible}` &&
          reporter.table.at(-1)![1] === `${earned}` &&
          reporter.table.at(-1)![2] === `${possible}`
        );
      }),
      { numRuns: 500, seed: 20261204 },
    );
  });

  test('for any maximum in hundredths, notice and table print the same totals, the score exactly, the maximum to the hundredth', () => {
    fc.assert(
      fc.property(graded, (tasks) => {
        const { reporter, earned, possible } = run(tasks, false);
        if (possible === 0) return reporter.notices.length === 0;
        const [, score, max] = reporter.table.at(-1)!;
        return reporter.notices[0].text === `Points ${score}/${max}` && score === `${earned}` && Math.round(Number(max) * 100) === Math.round(possible * 100);
      }),
      { numRuns: 500, seed: 20261204 },
    );
  });

  test('fitAddend finds the addend that makes a float sum land on its target', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    const b = fitAddend(0.1, 0.3);
    expect(0.1 + b).toBe(0.3);
  });
});
