// Gradescope's autograder results (/autograder/results/results.json), as
// Gradescope's "Autograder Specifications" define them
// (https://gradescope-autograders.readthedocs.io/en/latest/specs/): the
// score, and one entry per test with its points, status, feedback and
// visibility (relu-lab's visibilities are Gradescope's).
//
// What students read (`output`, each test's `output`) holds no stack trace:
// a crash reads as its message, and the full text goes to `extra_data.traces`
// and to run_autograder's stdout, which Gradescope shows instructors only
// (`stdout_visibility: "hidden"`).
//
// The score is the one the gradebook has: with the course's late policy
// applied (`late`), so a submission 8 days past a 7-day limit exports 0, not
// its raw 100; the output says so on its first line.
import type { ResultsDocument, Visibility } from '../results/types.ts';
import { hasStackTrace, outcomeLine, studentText, testOutput } from './testOutput.ts';

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

/** A leaderboard column: Gradescope shows `value`, sorted `order` (desc unless asc). */
export interface GradescopeLeaderboardEntry {
  name: string;
  value: number | string;
  order?: 'asc' | 'desc';
}

export interface GradescopeResults {
  /** overrides the sum of the tests' scores: the score after the late policy */
  score: number;
  execution_time: number;
  output: string;
  output_format: 'text';
  visibility: Visibility;
  stdout_visibility: 'hidden';
  extra_data: Record<string, unknown>;
  tests: GradescopeTest[];
  leaderboard?: GradescopeLeaderboardEntry[];
}

/**
 * Lateness as relu-lab's gradebook records it (the `late` of a gradebook row,
 * grader/bulk/late/lateInfo.ts): only what the output needs to say it.
 */
export type GradescopeLateInfo =
  { kind: 'unknown'; reason?: string } | { kind: 'on-time' } | { kind: 'late'; daysLate: number; penaltyPercent: number; accepted: boolean; policy?: string };

/** The late policy's verdict: the score after it (the gradebook's `score`) and how late. */
export interface GradescopeLate {
  score: number;
  late: GradescopeLateInfo;
}

export interface GradescopeOptions {
  /** the late policy's verdict; absent, the score is relu-lab's as graded */
  late?: GradescopeLate;
  /** add a leaderboard with the score (Gradescope's leaderboard must be turned on for the assignment) */
  leaderboard?: boolean;
}

export function gradescopeResults(doc: ResultsDocument, opts: GradescopeOptions = {}): GradescopeResults {
  const taskIndex = new Map(doc.tasks.map((t, i) => [t.id, i + 1]));
  const perTask = new Map<string, number>();
  const traces: Record<string, string> = {};
  if (doc.outcome.kind !== 'graded' && hasStackTrace(doc.outcome.message)) traces.outcome = doc.outcome.message;
  for (const test of doc.tests) if (test.message && hasStackTrace(test.message)) traces[test.id] = test.message;
  const results: GradescopeResults = {
    score: doc.score.earned,
    execution_time: Math.round(doc.timings.totalMs / 1000),
    output: [outcomeLine(doc), ...doc.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${studentText(d.message)}`)].join('\n'),
    output_format: 'text',
    visibility: 'visible',
    stdout_visibility: 'hidden',
    extra_data: {
      grader: `relu-lab ${doc.grader.version}`,
      contentHash: doc.submission.contentHash,
      commit: doc.submission.git?.commit ?? null,
      seed: doc.seed,
      ...(Object.keys(traces).length > 0 ? { traces } : {}),
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
  const withLate = opts.late ? applyGradescopeLate(results, opts.late) : results;
  return opts.leaderboard ? { ...withLate, leaderboard: [{ name: 'Score', value: withLate.score }] } : withLate;
}

/** A few words on lateness for the output's first line; empty when on time or unknown. */
export function lateNote(late: GradescopeLateInfo): string {
  if (late.kind !== 'late') return '';
  const days = `${late.daysLate} day${late.daysLate === 1 ? '' : 's'} late`;
  if (!late.accepted) return `${days}: not accepted under the late policy`;
  return late.penaltyPercent > 0 ? `${days}: -${late.penaltyPercent} % under the late policy` : `${days} (no penalty)`;
}

/**
 * `results` with the late policy's verdict: `score` is the gradebook's, the
 * output's first line says how late and what it cost, and `extra_data` keeps
 * the score before the policy. Applying the same verdict twice changes nothing.
 */
export function applyGradescopeLate(results: GradescopeResults, verdict: GradescopeLate): GradescopeResults {
  const rawScore = typeof results.extra_data.scoreBeforeLate === 'number' ? results.extra_data.scoreBeforeLate : results.score;
  const note = lateNote(verdict.late);
  const firstLine = `late: ${note}; score ${verdict.score} (${rawScore} before the late policy)`;
  const lines = results.output.split('\n').filter((line) => !line.startsWith('late: '));
  return {
    ...results,
    score: verdict.score,
    output: note ? [firstLine, ...lines].join('\n') : lines.join('\n'),
    extra_data: { ...results.extra_data, scoreBeforeLate: rawScore, late: verdict.late },
  };
}

/**
 * What to write when there is nothing to grade or grading crashed: Gradescope
 * needs a file either way. Students read a short `message`; `trace` (a log,
 * a stack trace) goes to `extra_data.log`, never to `output`.
 */
export function gradescopeFailure(message: string, maxScore: number, trace?: string): GradescopeResults {
  return {
    score: 0,
    execution_time: 0,
    output: `relu-lab could not grade this submission: ${studentText(message)}`,
    output_format: 'text',
    visibility: 'visible',
    stdout_visibility: 'hidden',
    extra_data: { maxScore, ...(trace ? { log: trace } : {}) },
    tests: [],
  };
}
