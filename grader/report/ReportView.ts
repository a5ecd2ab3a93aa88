// The report as a prepared view: every string already worded, every number
// already rounded, every link already made relative. Templates and the
// terminal render only lay it out. Built by buildReportView.
import type { CarriedView } from './carriedViews.ts';
import type { SvgMarkup } from './svg/SvgMarkup.ts';

export type Audience = 'student' | 'instructor';

/** A piece of a hint: plain text, or a link to a lesson in the assignment's student guide. */
export type HintSegment =
  | { kind: 'text'; text: string; href: null; target: null }
  | {
      kind: 'link';
      text: string;
      /** relative from reports/<name>/, e.g. `../../exercises/README.md#training` */
      href: string;
      /** the same place relative to the project root, for the terminal */
      target: string;
    };

/** How grading went as a whole, when it did not simply run. */
export interface BannerView {
  kind: 'deadline' | 'grader-error';
  title: string;
  message: string;
}

/** The total as this audience may see it. */
export type ScoreView =
  | { kind: 'final'; earned: number; possible: number; percent: number; text: string; note: null }
  | {
      /** hidden tests remain: only the points of the shown tests, the total comes later */
      kind: 'partial';
      earned: number;
      possible: number;
      percent: number;
      text: string;
      note: string;
    };

/** Tests a student may not see yet, counted by why. */
export interface WithheldGroupView {
  visibility: 'hidden' | 'after_due_date' | 'after_published';
  count: number;
  points: number;
  text: string;
}

export interface ComparisonView {
  actual: string;
  expected: string;
  /** whose each value is: "yours" and "expected", or "your backward" and "your numericalGradient" when both are the student's */
  actualLabel: string;
  expectedLabel: string;
}

/** A replay of a failing check: a Vitest test to paste, or (when none can be written) its failing input as comments. */
export interface ReplayView {
  snippet: string;
  /** the snippet is a complete test that fails on the submission as it is */
  isTest: boolean;
}

export interface CounterexampleView {
  seed: number;
  path: string;
  value: string;
  /** `fc.assert(prop, { seed, path, endOnFailure: true })` as the grader gave it */
  replay: string;
}

export interface FailingTestView {
  id: string;
  name: string;
  status: 'failed' | 'errored' | 'timed-out' | 'not-run';
  statusLabel: string;
  pointsText: string;
  message: string | null;
  comparison: ComparisonView | null;
  counterexample: CounterexampleView | null;
  /** a replay of the failure: for property checks from the counterexample, for fixed calls from the recorded call */
  replay: ReplayView | null;
  hint: HintSegment[];
  /** the second hint, the formula behind the check, for the templates to keep collapsed; empty when the check declares none */
  formula: HintSegment[];
  durationText: string;
  /** instructors only: who may see this test, when not everyone */
  visibilityNote: string | null;
}

export interface PassedTestView {
  id: string;
  name: string;
  pointsText: string;
  visibilityNote: string | null;
}

export interface TaskView {
  id: string;
  title: string;
  file: string;
  earned: number;
  possible: number;
  percent: number;
  scoreText: string;
  /** every shown point earned */
  complete: boolean;
  /** students: points of this task in tests not shown yet */
  withheldNote: string | null;
  failing: FailingTestView[];
  /** when a compile error kept every failing test of the task from running: why; the tests are then listed briefly */
  blockedNote: string | null;
  passed: PassedTestView[];
  passedSummary: string;
}

export interface DiagnosticView {
  location: string;
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface InsightView {
  id: string;
  text: string;
}

/** One picture: an SVG from our svg module, or why there is none. */
export interface FigureView {
  id: string;
  title: string;
  caption: string;
  svg: SvgMarkup | null;
  /** e.g. `your function failed: RangeError: ...` when the student's data is missing */
  failure: string | null;
}

/** Evidence for one of the assignment's questions, from the student's own functions: a table (a picture beside it, maybe), or what to implement first. */
export interface ExperimentView {
  id: string;
  question: string;
  /** the network and data it uses */
  setup: string;
  /** what to compare (never which answer it supports) */
  lookAt: string;
  /** e.g. `uses your relu` */
  usesText: string;
  table: { columns: string[]; rows: string[][] } | null;
  svg: SvgMarkup | null;
  /** e.g. `implement train first (exercises/training.ts): ...` when it could not run */
  blocked: string | null;
}

export interface InstructorDetailsView {
  seed: number;
  numRuns: number;
  contentHash: string;
  timingsText: string;
  files: string[];
}

export interface ReportView {
  audience: Audience;
  title: string;
  submissionName: string;
  /** e.g. `abc1234 by Ada <ada@example.org> on main (uncommitted changes)` */
  commitLine: string | null;
  gradedAt: string;
  graderVersion: string;
  /** the assignment's student guide: its path from the project root and its link from reports/<name>/; null when it has none */
  guide: { path: string; href: string } | null;
  deadlineText: string | null;
  banner: BannerView | null;
  score: ScoreView;
  /** one sentence; never "all tests passed" while tests are withheld */
  summary: string;
  withheld: WithheldGroupView[];
  /** the groups listed one by one, when the summary counts them together (more than one group) */
  withheldBreakdown: WithheldGroupView[];
  tasks: TaskView[];
  failingCount: number;
  diagnostics: DiagnosticView[];
  /** mistakes charged once: checks that kept their points on a wrong upstream function's values */
  carried: CarriedView[];
  insights: InsightView[];
  figures: FigureView[];
  /** the assignment's experiments, one per question it asks */
  experiments: ExperimentView[];
  instructor: InstructorDetailsView | null;
}
