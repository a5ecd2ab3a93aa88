// PrairieLearn's external grader results (/grade/results/results.json):
// score from 0 to 1, points per test, and a message. `gradable: false` when
// relu-lab itself could not grade (the student is not charged an attempt).
// PrairieLearn rejects results over 1 MB: feedback is shortened to fit.
import type { ResultsDocument } from '../results/types.ts';
import { outcomeLine, testOutput } from './testOutput.ts';

export interface PrairieLearnTest {
  name: string;
  description: string;
  points: number;
  max_points: number;
  message: string;
  output: string;
}

export interface PrairieLearnResults {
  gradable: boolean;
  score: number;
  message: string;
  output: string;
  format_errors?: string[];
  tests: PrairieLearnTest[];
}

/** PrairieLearn's limit is 1 MB; stay well below it. */
export const PRAIRIELEARN_MAX_BYTES = 900_000;

export function prairieLearnResults(doc: ResultsDocument): PrairieLearnResults {
  if (doc.outcome.kind === 'grader-error') return prairieLearnFailure(doc.outcome.message);
  for (const perTest of [4000, 1000, 200, 0]) {
    const results: PrairieLearnResults = {
      gradable: true,
      score: doc.score.possible > 0 ? Math.min(1, Math.max(0, doc.score.earned / doc.score.possible)) : 0,
      message: outcomeLine(doc),
      output: doc.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`).join('\n'),
      tests: doc.tests.map((test) => ({
        name: test.name,
        description: `${test.task} · ${test.id}`,
        points: test.earned,
        max_points: test.possible,
        message: test.status === 'passed' ? '' : (test.message ?? test.status).slice(0, Math.max(200, perTest)),
        output: perTest > 0 ? testOutput(test, perTest) : '',
      })),
    };
    if (Buffer.byteLength(JSON.stringify(results)) <= PRAIRIELEARN_MAX_BYTES) return results;
  }
  return {
    ...prairieLearnFailure('the feedback was too large to send'),
    gradable: true,
    score: doc.score.possible > 0 ? doc.score.earned / doc.score.possible : 0,
  };
}

export function prairieLearnFailure(message: string): PrairieLearnResults {
  return { gradable: false, score: 0, message: `relu-lab could not grade this submission: ${message}`, output: '', format_errors: [message], tests: [] };
}
