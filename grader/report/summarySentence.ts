// The report's one-sentence summary. It never says every test passed while
// tests are withheld from the reader: then it speaks of the visible tests and
// says what is still to come.
import { sumPoints } from '../core/points.ts';
import type { Outcome, TestResult } from '../results/types.ts';
import { formatNumber } from '../core/formatValue.ts';
import type { Audience, WithheldGroupView } from './ReportView.ts';

export interface SummaryInput {
  audience: Audience;
  outcome: Outcome;
  shown: TestResult[];
  withheld: WithheldGroupView[];
}

export function summarySentence({ audience, outcome, shown, withheld }: SummaryInput): string {
  if (outcome.kind === 'grader-error') return 'relu-lab could not grade this submission, so no test results are available.';
  const failing = shown.filter((t) => t.status !== 'passed').length;
  const tests = (k: number): string => (k === 1 ? 'test' : 'tests');
  const stopped = outcome.kind === 'deadline' ? 'Grading stopped at the time limit. ' : '';
  if (withheld.length === 0) {
    if (shown.length === 0) return `${stopped}No tests were run.`;
    if (failing === 0) return `${stopped}All ${shown.length} ${tests(shown.length)} passed.`;
    const unseen = audience === 'instructor' ? shown.filter((t) => t.status !== 'passed' && t.visibility !== 'visible').length : 0;
    const note = unseen > 0 ? ` (${unseen} of them not visible to students now)` : '';
    return `${stopped}${failing} of ${shown.length} ${tests(shown.length)} did not pass${note}.`;
  }
  const later = withheld.length === 1 ? withheld[0].text : laterTogether(withheld);
  if (shown.length === 0) return `${stopped}No test results are visible yet; ${later}.`;
  const head =
    failing === 0 ? `All ${shown.length} visible ${tests(shown.length)} passed` : `${failing} of ${shown.length} visible ${tests(shown.length)} did not pass`;
  return `${stopped}${head}; ${later}.`;
}

/** Several groups in one clause; the report lists them one by one below the summary. */
function laterTogether(groups: WithheldGroupView[]): string {
  const count = groups.reduce((a, g) => a + g.count, 0);
  const points = sumPoints(groups.map((g) => g.points));
  return `${count} hidden tests (${formatNumber(points)} points) are not shown yet`;
}

/** Checks withheld from students, counted by why (the report's WithheldGroupView carries these). */
export interface WithheldCount {
  visibility: 'hidden' | 'after_due_date' | 'after_published';
  count: number;
  points: number;
}

/** When withheld checks of a visible run are graded: "5 hidden checks (4 points) are graded after the deadline". */
export function gradedLaterClause(g: WithheldCount): string {
  const checks = `${g.count} hidden ${g.count === 1 ? 'check' : 'checks'} (${formatNumber(g.points)} ${g.points === 1 ? 'point' : 'points'})`;
  const are = g.count === 1 ? 'is' : 'are';
  if (g.visibility === 'after_due_date') return `${checks} ${are} graded after the deadline`;
  if (g.visibility === 'after_published') return `${checks} ${are} graded and shown when grades are published`;
  return `${checks} ${are} graded when your work is graded`;
}

/**
 * The score of a run of the visible tests, never bare: the visible tests'
 * points, then what is graded later ("visible tests 96 / 96 · 5 hidden
 * checks (4 points) are graded after the deadline").
 */
export function visibleScoreText(score: { earned: number; possible: number }, withheld: readonly WithheldCount[]): string {
  return [`visible tests ${formatNumber(score.earned)} / ${formatNumber(score.possible)}`, ...withheld.map(gradedLaterClause)].join(' · ');
}
