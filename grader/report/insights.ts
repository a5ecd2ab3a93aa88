// Ideas tied to the student's own results: a few sentences drawn from the
// outcomes of the tests this audience may see, and what the assignment's
// report hooks notice in its own data (results.plots), in that order: compile
// errors first (nothing else matters until they are fixed), the assignment's
// ideas, time-outs last.
import type { Diagnostic, TaskResult, TestResult } from '../results/types.ts';
import { compileBlocked } from './compileBlocked.ts';
import { formatNumber } from '../core/formatValue.ts';
import type { ReportHooks } from './ReportAssignment.ts';
import type { InsightView } from './ReportView.ts';

export interface InsightInput {
  /** results.plots as the document has it: the hooks check its shape */
  plots: unknown;
  /** only the tests this audience may see */
  shownTests: TestResult[];
  tasks: TaskResult[];
  diagnostics: Diagnostic[];
  hooks?: ReportHooks;
}

export function insights(input: InsightInput): InsightView[] {
  return [
    ...compileInsight(input.diagnostics, input.shownTests, input.tasks),
    ...(input.hooks?.insights?.({ plots: input.plots, shownTests: input.shownTests }) ?? []),
    ...timedOutInsight(input.shownTests),
  ];
}

/** Tests stopped at the time limit. */
export function timedOutInsight(shownTests: TestResult[]): InsightView[] {
  const slow = shownTests.filter((t) => t.status === 'timed-out');
  if (slow.length === 0) return [];
  const names = slow
    .slice(0, 2)
    .map((t) => `“${t.name}”`)
    .join(' and ');
  return [
    {
      id: 'timed-out',
      text: `${slow.length === 1 ? 'One test' : `${slow.length} tests`} stopped at the time limit (${names}${slow.length > 2 ? ' and more' : ''}). Look for a loop whose condition never changes, such as an epoch counter that is never incremented.`,
    },
  ];
}

/** Files that did not compile, what that cost, and where to start. */
export function compileInsight(diagnostics: Diagnostic[], shownTests: TestResult[], tasks: TaskResult[]): InsightView[] {
  if (diagnostics.length === 0) return [];
  const files = [...new Set(diagnostics.map((d) => d.file))];
  const first = [...diagnostics].sort((a, b) => files.indexOf(a.file) - files.indexOf(b.file) || a.line - b.line || a.column - b.column)[0];
  const blocked = [...compileBlocked(tasks, shownTests, diagnostics).values()].flatMap((b) => b.tests);
  const what = files.length === 1 ? `${files[0]} did not compile` : `${files.length} files did not compile (${files.join(', ')})`;
  const cost =
    blocked.length > 0
      ? `, so ${blocked.length} ${blocked.length === 1 ? 'test' : 'tests'} (${formatNumber(blocked.reduce((a, t) => a + t.possible, 0))} points) could not run`
      : '';
  const where = files.length === 1 ? `at line ${first.line}, column ${first.column}` : `in ${first.file}, line ${first.line}, column ${first.column}`;
  return [{ id: 'compile', text: `${what}${cost}. Start with the first error, ${where}: “${first.message}” Later errors often follow from it.` }];
}
