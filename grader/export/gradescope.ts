// Gradescope's autograder results (/autograder/results/results.json): the
// score, and one entry per test with its points, status, feedback and
// visibility (relu-lab's visibilities are Gradescope's).
import type { ResultsDocument, Visibility } from '../results/types.ts';
import { outcomeLine, testOutput } from './testOutput.ts';

export interface GradescopeTest {
  score: number;
  max_score: number;
  status: 'passed' | 'failed';
  name: string;
  number: string;
  output: string;
  output_format: 'text';
  tags: string[];
  visibility: Visibility;
}

export interface GradescopeResults {
  /** overrides the sum of the tests' scores */
  score: number;
  execution_time: number;
  output: string;
  output_format: 'text';
  visibility: Visibility;
  stdout_visibility: 'hidden';
  extra_data: Record<string, unknown>;
  tests: GradescopeTest[];
}

export function gradescopeResults(doc: ResultsDocument): GradescopeResults {
  const taskIndex = new Map(doc.tasks.map((t, i) => [t.id, i + 1]));
  const perTask = new Map<string, number>();
  return {
    score: doc.score.earned,
    execution_time: Math.round(doc.timings.totalMs / 1000),
    output: [outcomeLine(doc), ...doc.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`)].join('\n'),
    output_format: 'text',
    visibility: 'visible',
    stdout_visibility: 'hidden',
    extra_data: {
      grader: `relu-lab ${doc.grader.version}`,
      contentHash: doc.submission.contentHash,
      commit: doc.submission.git?.commit ?? null,
      seed: doc.seed,
    },
    tests: doc.tests.map((test) => {
      const n = (perTask.get(test.task) ?? 0) + 1;
      perTask.set(test.task, n);
      return {
        score: test.earned,
        max_score: test.possible,
        status: test.status === 'passed' ? 'passed' : 'failed',
        name: test.name,
        number: `${taskIndex.get(test.task) ?? 0}.${n}`,
        output: testOutput(test),
        output_format: 'text',
        tags: [test.task],
        visibility: test.visibility,
      };
    }),
  };
}

/** What to write when there is nothing to grade or grading crashed: Gradescope needs a file either way. */
export function gradescopeFailure(message: string, maxScore: number): GradescopeResults {
  return {
    score: 0,
    execution_time: 0,
    output: `relu-lab could not grade this submission: ${message}`,
    output_format: 'text',
    visibility: 'visible',
    stdout_visibility: 'hidden',
    extra_data: { maxScore },
    tests: [],
  };
}
