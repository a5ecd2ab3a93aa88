// What bulk grading works with: the entries of a class folder, what became
// of each one (a gradebook row), and how late it was.

/** How a student's entry was handed in. */
export type EntryKind = 'folder' | 'git' | 'zip' | 'other';

/** One item of the SUBMISSIONS folder: a student's folder, repository or archive. */
export interface BulkEntry {
  /** the student id: the entry's name without extension, made safe as one path segment */
  id: string;
  /** the entry's name as found (`alice.zip`) */
  name: string;
  /** absolute path */
  path: string;
  kind: EntryKind;
}

/**
 * What became of one student. `graded`: the hidden tests ran (whatever the
 * score). `deadline`: grading stopped at the submission's time limit; checks
 * decided before it keep their points. `grader-error`: relu-lab could not
 * grade (the worker crashed or overran the hard deadline). `id-collision`:
 * two or more entries have this id (ignoring case), so none was graded. The
 * others mean there was nothing to grade, and say why.
 */
export type RowStatus = 'graded' | 'deadline' | 'grader-error' | 'unrecognised' | 'refused' | 'no-commit-before-deadline' | 'id-collision';

/** Statuses for which a results.json exists. */
export const GRADED_STATUSES: readonly RowStatus[] = ['graded', 'deadline', 'grader-error'];

/** Lateness of a submission against the deadline, with the late policy applied. */
export type LateInfo =
  /** no deadline, or no way to know when it was handed in (a plain folder or a zip) */
  | { kind: 'unknown'; reason: string }
  | { kind: 'on-time'; submittedAt: string; deadline: string; laterCommitsIgnored: number }
  | {
      kind: 'late';
      submittedAt: string;
      deadline: string;
      /** started days after the deadline (1 for a minute late) */
      daysLate: number;
      /** 0-100, taken off the score */
      penaltyPercent: number;
      /** false when the policy refuses work this late: the score counts as 0 */
      accepted: boolean;
      policy: string;
    };

/** What identifies a grading, for --resume: the same files, grader and seed need no regrading. */
export interface GradingKey {
  contentHash: string;
  graderVersion: string;
  /** manifest/manifestHash.ts: points, tasks, deadline, late policy, limits, seed, runs */
  manifestHash: string;
  /** store/gradingKey.ts: the hidden checks' declarations */
  checksHash: string;
  seed: number;
  numRuns: number;
}

/** The commit graded, when the entry is a git repository. */
export interface GradedCommit {
  commit: string;
  author: string;
  email: string;
  /** author date, ISO 8601 */
  authorDate: string;
  /** committer date, ISO 8601: the one deadlines are judged by */
  committedAt: string;
  /** true when it is not HEAD but the last commit at or before the deadline */
  atDeadline: boolean;
  /** HEAD's branch (null when detached or when the commit graded is not HEAD) */
  branch: string | null;
  /** uncommitted changes were graded with it (never when graded at the deadline) */
  dirty: boolean;
}

/**
 * The per-student record written beside results.json (`<id>/student.json`)
 * once the student is done. The gradebook is rebuilt from these and the
 * results files, never kept in memory only.
 */
export interface StudentRecord {
  recordVersion: 1;
  id: string;
  entry: { name: string; kind: EntryKind };
  status: RowStatus;
  /** why, for every status but `graded` */
  message: string | null;
  /** null when nothing was graded */
  key: GradingKey | null;
  commit: GradedCommit | null;
  late: LateInfo;
  finishedAt: string;
}

/** One line of the gradebook. */
export interface GradebookRow {
  student: string;
  /** after the late policy */
  score: number;
  max: number;
  /** before the late policy */
  rawScore: number;
  /** earned per task id, in the manifest's order */
  tasks: Record<string, number>;
  status: RowStatus;
  message: string | null;
  late: LateInfo;
  commit: string | null;
  entryKind: EntryKind;
  /** where the student's reports are, relative to the output folder; null when none */
  reportPath: string | null;
}
