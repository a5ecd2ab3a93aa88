// The results document as one audience may see it, worded and rounded for
// the templates. Pure: the same document and options give the same view.
//
// Visibility (as on Gradescope): a student sees `visible` tests, tests
// `after_due_date` once `now` is past the deadline, `after_published` ones
// once grades are published, and of `hidden` tests only how many there are
// and what they are worth. While any test is withheld the student sees the
// points of the visible tests only, and is told the total comes later.
//
// What is the assignment's own (its pictures and insights, the exports a
// failing call is replayed with, the guide hints link to) comes from the
// assignment given in the options, never from the report itself.
import type { ResultsDocument, TaskResult, TestResult } from '../results/types.ts';
import { compileBlocked, type CompileBlock } from './compileBlocked.ts';
import { formatDuration, formatUtc } from '../core/formatTime.ts';
import { formatNumber, formatValue } from '../core/formatValue.ts';
import { guideOf, hintSegments, type Guide } from './hintSegments.ts';
import { insights } from './insights.ts';
import { carriedViews } from './carriedViews.ts';
import { isShownTo, type VisibilityContext } from './isShownTo.ts';
import { replaySnippet } from './replaySnippet.ts';
import type { ReportAssignment } from './ReportAssignment.ts';
import type { BannerView, FailingTestView, PassedTestView, ReplayView, ReportView, ScoreView, TaskView } from './ReportView.ts';
import { summarySentence } from './summarySentence.ts';
import { withheldGroups } from './withheldGroups.ts';

export interface ReportViewOptions extends VisibilityContext {
  /** the assignment graded (its public face): its report hooks, its modules' exports, its guide */
  assignment: ReportAssignment;
}

export function buildReportView(doc: ResultsDocument, opts: ReportViewOptions): ReportView {
  const shown = doc.tests.filter((t) => isShownTo(t, opts));
  const withheldTests = doc.tests.filter((t) => !isShownTo(t, opts));
  const withheld = withheldGroups(withheldTests, opts.deadline);
  const instructor = opts.audience === 'instructor';
  const git = doc.submission.git;
  const blocks = compileBlocked(doc.tasks, shown, doc.diagnostics);
  const { assignment } = opts;
  const guide = guideOf(assignment);
  const hooks = assignment.report;
  return {
    audience: opts.audience,
    title: `relu-lab report: ${doc.submission.name}`,
    submissionName: doc.submission.name,
    commitLine: git
      ? `${git.commit.slice(0, 7)} by ${git.author}${instructor ? ` <${git.email}>` : ''} on ${git.branch ?? 'a detached HEAD'}${git.dirty ? ' (with uncommitted changes)' : ''}`
      : null,
    gradedAt: formatUtc(doc.gradedAt),
    graderVersion: doc.grader.version,
    guide,
    deadlineText: opts.deadline ? formatUtc(opts.deadline) : null,
    banner: banner(doc),
    score: score(doc, shown, withheldTests),
    summary: summarySentence({ audience: opts.audience, outcome: doc.outcome, shown, withheld }),
    withheld,
    withheldBreakdown: withheld.length > 1 ? withheld : [],
    tasks: taskList(doc).map((task) =>
      taskView(task, doc, shown, withheldTests, instructor, blocks.get(task.id) ?? null, { guide, modules: assignment.modules }),
    ),
    failingCount: shown.filter((t) => t.status !== 'passed').length,
    diagnostics: [...doc.diagnostics]
      .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column)
      .map((d) => ({ ...d, location: `${d.file}:${d.line}:${d.column}` })),
    carried: carriedViews(shown),
    insights: insights({ plots: doc.plots, shownTests: shown, tasks: doc.tasks, diagnostics: doc.diagnostics, hooks }),
    figures: doc.plots !== undefined && hooks?.figures ? hooks.figures(doc.plots) : [],
    experiments: doc.plots !== undefined && hooks?.experiments ? hooks.experiments(doc.plots) : [],
    instructor: instructor
      ? {
          seed: doc.seed,
          numRuns: doc.numRuns,
          contentHash: doc.submission.contentHash,
          timingsText: `compile ${formatDuration(doc.timings.compileMs)} · tests ${formatDuration(doc.timings.testsMs)} · total ${formatDuration(doc.timings.totalMs)}`,
          files: doc.submission.files,
        }
      : null,
  };
}

function banner(doc: ResultsDocument): BannerView | null {
  const o = doc.outcome;
  if (o.kind === 'deadline') {
    return { kind: 'deadline', title: 'Grading stopped at the time limit', message: `${o.message} Tests that had not finished count as not passed.` };
  }
  if (o.kind === 'grader-error') {
    return {
      kind: 'grader-error',
      title: `relu-lab could not grade this submission (${o.code})`,
      message: `${o.message} The score of 0 is not a judgement of the work; ask the course staff to look at it.`,
    };
  }
  return null;
}

const sum = (tests: TestResult[], key: 'earned' | 'possible'): number => tests.reduce((a, t) => a + t[key], 0);
const percent = (earned: number, possible: number): number => (possible > 0 ? Math.round((1000 * earned) / possible) / 10 : 0);
const points = (earned: number, possible: number): string => `${formatNumber(earned)} / ${formatNumber(possible)}`;

function score(doc: ResultsDocument, shown: TestResult[], withheld: TestResult[]): ScoreView {
  if (withheld.length === 0) {
    const { earned, possible } = doc.score;
    return { kind: 'final', earned, possible, percent: percent(earned, possible), text: `${points(earned, possible)} points`, note: null };
  }
  const earned = sum(shown, 'earned');
  const possible = sum(shown, 'possible');
  return {
    kind: 'partial',
    earned,
    possible,
    percent: percent(earned, possible),
    text: `${points(earned, possible)} points on visible tests`,
    note: `Your total is shown once every test is visible: ${formatNumber(sum(withheld, 'possible'))} more points are in hidden tests.`,
  };
}

/** The document's tasks, plus any task a test names that the list lacks. */
function taskList(doc: ResultsDocument): TaskResult[] {
  const known = new Set(doc.tasks.map((t) => t.id));
  const extra = [...new Set(doc.tests.map((t) => t.task).filter((id) => !known.has(id)))];
  return [...doc.tasks, ...extra.map((id) => ({ id, title: id, earned: 0, possible: 0, file: `exercises/${id}.ts` }))];
}

/** What a failing test's view needs of the assignment. */
interface AssignmentContext {
  guide: Guide | null;
  modules: ReportAssignment['modules'];
}

function taskView(
  task: TaskResult,
  doc: ResultsDocument,
  shown: TestResult[],
  withheld: TestResult[],
  instructor: boolean,
  block: CompileBlock | null,
  context: AssignmentContext,
): TaskView {
  const mine = shown.filter((t) => t.task === task.id);
  const hidden = withheld.filter((t) => t.task === task.id);
  const known = doc.tests.some((t) => t.task === task.id);
  // with tests withheld, the task's points come from the shown tests only
  const earned = hidden.length > 0 || !known ? sum(mine, 'earned') : task.earned;
  const possible = hidden.length > 0 || !known ? sum(mine, 'possible') : task.possible;
  const passed = mine.filter((t) => t.status === 'passed');
  return {
    id: task.id,
    title: task.title,
    file: task.file,
    earned,
    possible,
    percent: percent(earned, possible),
    complete: possible > 0 && earned >= possible,
    scoreText: possible === 0 && hidden.length > 0 ? 'not shown yet' : points(earned, possible),
    withheldNote:
      hidden.length > 0 ? `+ ${formatNumber(sum(hidden, 'possible'))} points in ${hidden.length} hidden ${hidden.length === 1 ? 'test' : 'tests'}` : null,
    failing: mine.filter((t) => t.status !== 'passed').map((t) => failingView(t, task, instructor, context)),
    blockedNote: block
      ? block.files.includes(task.file)
        ? `${task.file} did not compile, so these tests could not run. Fix the compile errors above first.`
        : `These tests could not run because ${block.files.join(', ')} did not compile (${task.file} depends on it). Fix the compile errors above first.`
      : null,
    passed: passed.map((t) => passedView(t, instructor)),
    passedSummary: `${passed.length} of ${mine.length} ${mine.length === 1 ? 'test' : 'tests'} passed`,
  };
}

const STATUS_LABEL = { failed: 'failed', errored: 'error', 'timed-out': 'timed out', 'not-run': 'not run' } as const;

const VISIBILITY_NOTE = {
  visible: null,
  hidden: 'hidden from students',
  after_due_date: 'students see it after the deadline',
  after_published: 'students see it once grades are published',
} as const;

function failingView(t: TestResult, task: TaskResult, instructor: boolean, context: AssignmentContext): FailingTestView {
  const status = t.status === 'passed' ? 'failed' : t.status;
  const ce = t.counterexample;
  return {
    id: t.id,
    name: t.name,
    status,
    statusLabel: STATUS_LABEL[status],
    pointsText: points(t.earned, t.possible),
    message: t.message ?? null,
    comparison: t.observed
      ? {
          actual: formatValue(t.observed.actual),
          expected: formatValue(t.observed.expected),
          actualLabel: t.observed.actualLabel ?? 'yours',
          expectedLabel: t.observed.expectedLabel ?? 'expected',
        }
      : null,
    counterexample: ce ? { seed: ce.seed, path: ce.path, value: ce.value, replay: ce.replay } : null,
    replay: replayView(t, task, context),
    hint: hintSegments(t.hint, context.guide),
    formula: t.formula === undefined ? [] : hintSegments(t.formula, context.guide),
    durationText: formatDuration(t.durationMs),
    visibilityNote: instructor ? VISIBILITY_NOTE[t.visibility] : null,
  };
}

function passedView(t: TestResult, instructor: boolean): PassedTestView {
  return { id: t.id, name: t.name, pointsText: points(t.earned, t.possible), visibilityNote: instructor ? VISIBILITY_NOTE[t.visibility] : null };
}

/** The failure's replay: from its counterexample, or from the call it recorded (a check of fixed calls); null when there is neither. */
function replayView(t: TestResult, task: TaskResult, context: AssignmentContext): ReplayView | null {
  if (!t.counterexample && t.observed?.call?.args === undefined) return null;
  const snippet = replaySnippet({ test: t, counterexample: t.counterexample, file: task.file, modules: context.modules });
  return { snippet, isTest: snippet.includes('\ntest(') || snippet.startsWith('test(') };
}
