// The report's one-sentence summary. It never says every test passed while
// tests are withheld from the reader: then it speaks of the visible tests and
// says what is still to come.
import type { Outcome, TestResult } from '../results/types.ts';
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
    const note = unseen > 0 ? ` (${unseen} of them not yet visible to students)` : '';
    return `${stopped}${failing} of ${shown.length} ${tests(shown.length)} did not pass${note}.`;
  }
  const later = withheld.map((g) => g.text).join('; ');
  if (shown.length === 0) return `${stopped}No test results are visible yet; ${later}.`;
  const head =
    failing === 0
      ? `All ${shown.length} visible ${tests(shown.length)} passed`
      : `${failing} of ${shown.length} visible ${tests(shown.length)} did not pass`;
  return `${stopped}${head}; ${later}.`;
}
