// The messages between the bulk run and its grading processes (Node's IPC
// channel, JSON). The parent sends batches; the worker answers once per
// student, after that student's results.json and reports are on disk.
import type { GitIdentity } from '../../results/types.ts';

/**
 * The environment variable naming the assignment a grading process grades
 * (the path of its assignment.ts or folder; empty: the default assignment). It is
 * read once, as the process starts its Grader, before any message.
 */
export const ASSIGNMENT_ENV = 'RELU_LAB_ASSIGNMENT';

/** One student to grade. */
export interface GradeItem {
  id: string;
  /** the private copy to grade */
  gradeDir: string;
  /** where results.json and the reports go */
  outDir: string;
  /** the entry as given, recorded as the submission's path */
  originalPath: string;
  /** the commit graded, recorded instead of whatever git says about the private copy */
  git: GitIdentity | null;
  /** where the reports link the student guide, relative from the student's folder of the output (its copy there); absent: the project's */
  guideHref?: string | null;
}

/** What the parent needs to know about a graded student; the rest is in results.json. */
export interface GradedSummary {
  outcome: 'graded' | 'deadline' | 'grader-error';
  earned: number;
  possible: number;
  contentHash: string;
  message: string | null;
  ms: number;
}

export type ToWorker = { type: 'grade'; batch: number; items: GradeItem[] } | { type: 'close' };

export type FromWorker =
  | { type: 'ready'; pid: number }
  /** this student's checks begin: the parent's timer for them starts */
  | { type: 'started'; batch: number; id: string }
  | { type: 'graded'; batch: number; id: string; summary: GradedSummary }
  /** results for this student could not be written: the parent records the error */
  | { type: 'item-failed'; batch: number; id: string; message: string }
  | { type: 'batch-done'; batch: number }
  /** the grader itself failed; the worker exits after sending this */
  | { type: 'fatal'; message: string };
