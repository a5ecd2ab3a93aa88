// Gathers, student by student, what the class summary shows: the score
// distribution, where points were lost, which tests failed most and with
// which wrong answers, and whose grading went wrong. Only counts are kept,
// so a large class needs no more memory than a small one.
import { roundPoints } from '../../core/points.ts';
import { sanitiseText } from '../../core/sanitiseText.ts';
import type { Manifest } from '../../manifest/types.ts';
import { rootCauses } from '../../results/rootCause.ts';
import type { ResultsDocument } from '../../results/types.ts';
import type { GradebookRow, RowStatus } from '../types.ts';

/** Distinct wrong answers remembered per test; rarer ones beyond this are counted as "other". */
const MAX_ANSWERS_PER_TEST = 40;
const ANSWER_CHARS = 90;

export interface TestTally {
  id: string;
  name: string;
  task: string;
  failed: number;
  answers: Map<string, number>;
  otherAnswers: number;
}

export interface TaskTally {
  id: string;
  title: string;
  possible: number;
  lost: number;
  studentsLosing: number;
  graded: number;
}

/** A mistake counted once: students whose own wrong upstream function other checks were judged on (error carried forward). */
export interface RootCauseTally {
  /** the wrong upstream function: "forward" */
  upstream: string;
  students: number;
  /** the functions that kept their points on its values, and in how many students */
  kept: Map<string, number>;
}

export interface Problem {
  student: string;
  status: RowStatus;
  message: string;
  reportPath: string | null;
}

export class ClassSummary {
  readonly rows: GradebookRow[] = [];
  readonly tests = new Map<string, TestTally>();
  readonly rootCauses = new Map<string, RootCauseTally>();
  readonly tasks: Map<string, TaskTally>;
  readonly errored: Problem[] = [];
  readonly notGraded: Problem[] = [];
  /** entries no roster row matched, graded under their platform's id */
  readonly notOnRoster: { student: string; entry: string; lookedUpBy: string; reportPath: string | null }[] = [];

  constructor(readonly manifest: Manifest) {
    this.tasks = new Map(manifest.tasks.map((t) => [t.id, { id: t.id, title: t.title, possible: t.points, lost: 0, studentsLosing: 0, graded: 0 }]));
  }

  add(row: GradebookRow, results: ResultsDocument | null): void {
    this.rows.push(row);
    const problem = { student: row.student, status: row.status, message: row.message ?? row.status, reportPath: row.reportPath };
    if (row.status === 'grader-error' || row.status === 'deadline') this.errored.push(problem);
    else if (row.status !== 'graded') this.notGraded.push(problem);
    if (row.notOnRoster) this.notOnRoster.push({ student: row.student, ...row.notOnRoster, reportPath: row.reportPath });
    if (!results || row.status === 'grader-error') return;
    for (const task of results.tasks) {
      const tally = this.tasks.get(task.id);
      if (!tally) continue;
      tally.graded += 1;
      const lost = roundPoints(Math.max(0, task.possible - task.earned));
      tally.lost = roundPoints(tally.lost + lost);
      if (lost > 1e-9) tally.studentsLosing += 1;
    }
    this.addRootCauses(results);
    for (const test of results.tests) {
      if (test.status === 'passed') continue;
      let tally = this.tests.get(test.id);
      if (!tally) {
        tally = { id: test.id, name: test.name, task: test.task, failed: 0, answers: new Map(), otherAnswers: 0 };
        this.tests.set(test.id, tally);
      }
      tally.failed += 1;
      const answer = wrongAnswer(test);
      if (tally.answers.has(answer) || tally.answers.size < MAX_ANSWERS_PER_TEST) tally.answers.set(answer, (tally.answers.get(answer) ?? 0) + 1);
      else tally.otherAnswers += 1;
    }
  }

  /** Counts each wrong function at the root of a student's carried notes once, with the functions that kept their points on its values. */
  private addRootCauses(results: ResultsDocument): void {
    const mine = new Map<string, Set<string>>();
    const roots = rootCauses(results.tests);
    for (const test of results.tests) {
      const carried = test.status === 'passed' ? test.carriedForward : undefined;
      if (!carried) continue;
      const root = roots.get(carried.upstream) ?? carried.upstream;
      const kept = mine.get(root) ?? new Set<string>();
      kept.add(carried.function);
      mine.set(root, kept);
    }
    for (const [upstream, functions] of mine) {
      const tally = this.rootCauses.get(upstream) ?? { upstream, students: 0, kept: new Map<string, number>() };
      tally.students += 1;
      for (const fn of functions) tally.kept.set(fn, (tally.kept.get(fn) ?? 0) + 1);
      this.rootCauses.set(upstream, tally);
    }
  }
}

/** What the student answered, as one short line: their value when the test knows it, else the first line of the message. */
export function wrongAnswer(test: ResultsDocument['tests'][number]): string {
  if (test.status === 'not-run') return 'not run';
  if (test.observed) return clip(`got ${compact(test.observed.actual)}, expected ${compact(test.observed.expected)}`);
  if (test.status === 'timed-out') return 'timed out';
  const line = (test.message ?? test.status).split('\n')[0];
  // `f(args) returned X, expected Y`: the answer is what follows the call, the same for everyone given the same input
  const answer = /\)\s+((?:returned|threw|gave|changed|did not)\b.*)$/.exec(line);
  return clip(answer ? answer[1] : line);
}

function compact(value: unknown): string {
  if (value === undefined) return 'undefined';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** `text` sanitised to one line (results written by an older relu-lab may hold raw controls) and shortened. */
function clip(text: string): string {
  const s = sanitiseText(text, { singleLine: true });
  return s.length <= ANSWER_CHARS ? s : `${s.slice(0, ANSWER_CHARS - 1)}…`;
}
