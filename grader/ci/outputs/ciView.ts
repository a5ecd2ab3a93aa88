// What the CI outputs (annotations, JUnit, Classroom, the step summary) show:
// the tests the audience may see, each placed at the student's function.
// For students, tests withheld from them (hidden, or shown after the
// deadline) are only counted, exactly as the student's report does.
import { sumPoints } from '../../core/points.ts';
import path from 'node:path';
import { isShownTo } from '../../report/isShownTo.ts';
import type { Audience } from '../../report/ReportView.ts';
import type { WithheldCount } from '../../report/summarySentence.ts';
import type { ResultsDocument, TaskResult, TestResult } from '../../results/types.ts';
import type { GradingMode } from '../GradingSession.ts';
import { exportedNames } from './locateExport.ts';

export interface LocatedTest {
  test: TestResult;
  task: TaskResult;
  /** the student's file, relative to the repository root with `/` */
  file: string;
  /** the line of the exported function the test exercises, when found */
  line: number | null;
  fn: string | null;
  /** the test's points in the task's weight (the manifest's task points split as the checks' points are) */
  earned: number;
  possible: number;
}

export interface CiView {
  mode: GradingMode;
  doc: ResultsDocument;
  shown: LocatedTest[];
  withheld: { count: number; possible: number };
  /** the withheld tests counted by why (hidden, after the deadline, once published), in that order */
  withheldGroups: WithheldCount[];
  /** the score over the shown tests when some are withheld, else the document's */
  score: { earned: number; possible: number };
}

export interface CiViewInput {
  doc: ResultsDocument;
  mode: GradingMode;
  functionOf: (test: TestResult) => string | null;
  /** the submission folder, relative to the repository root (e.g. `exercises`) */
  submissionPath: string;
  /** the student's sources by module id (`backprop` → its text); missing files are absent */
  sources: Record<string, string>;
  now: Date;
  deadline: Date | null;
  /** who reads the outputs (default student: tests withheld from students are only counted) */
  audience?: Audience;
}

const words = (text: string) => new Set(text.split(/[^A-Za-z0-9_$]+/));

export function ciView(input: CiViewInput): CiView {
  const { doc } = input;
  const ctx = { audience: input.audience ?? 'student', now: input.now, deadline: input.deadline };
  const visible = doc.tests.filter((t) => isShownTo(t, ctx));
  const withheld = doc.tests.filter((t) => !isShownTo(t, ctx));
  const shown = visible.map((test): LocatedTest => {
    const task = doc.tasks.find((t) => t.id === test.task) ?? { id: test.task, title: test.task, earned: 0, possible: 0, file: `exercises/${test.task}.ts` };
    const file = path.posix.join(input.submissionPath.split(path.sep).join('/'), path.posix.basename(task.file));
    const exports = exportedNames(input.sources[test.task] ?? '');
    const named = input.functionOf(test);
    const mentioned = words(test.name);
    const hit = exports.find((e) => e.name === named) ?? exports.find((e) => mentioned.has(e.name));
    // a test's points are its share of its task's, and add up to the task's exactly (core/points.ts)
    return { test, task, file, line: hit?.line ?? null, fn: hit?.name ?? named, earned: test.earned, possible: test.possible };
  });
  const sum = (tests: { earned: number; possible: number }[], key: 'earned' | 'possible') => sumPoints(tests.map((t) => t[key]));
  const withheldPossible = sumPoints(withheld.map((t) => t.possible));
  return {
    mode: input.mode,
    doc,
    shown,
    withheld: { count: withheld.length, possible: withheldPossible },
    withheldGroups: (['hidden', 'after_due_date', 'after_published'] as const).flatMap((visibility) => {
      const mine = withheld.filter((t) => t.visibility === visibility);
      return mine.length > 0 ? [{ visibility, count: mine.length, points: sumPoints(mine.map((t) => t.possible)) }] : [];
    }),
    score: withheld.length > 0 ? { earned: sum(shown, 'earned'), possible: sum(shown, 'possible') } : doc.score,
  };
}
