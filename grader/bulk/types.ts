// What bulk grading works with: the entries of a class folder, what became
// of each one (a gradebook row), and how late it was.

/** How a student's entry was handed in. */
export type EntryKind = 'folder' | 'git' | 'zip' | 'files' | 'other';

/** What made the class folder: which platform's download, or plain folders (one per student). */
export type IntakeSource = 'canvas' | 'gradescope' | 'classroom' | 'folders';

/**
 * Who an entry belongs to, as the platform's download and the roster say.
 * Everything but `source` comes from file names, Gradescope's metadata or
 * the roster: sanitised text, never used as a path.
 */
export interface StudentIdentity {
  source: IntakeSource;
  name: string | null;
  email: string | null;
  /** Canvas's user id (from the file name or the roster) */
  canvasId: string | null;
  githubLogin: string | null;
  gradescopeSid: string | null;
  sisUserId: string | null;
  sisLoginId: string | null;
  section: string | null;
  /** the roster row joined (its id); null without a roster or when no row matched */
  rosterId: string | null;
  /** the platform marked the work late (Canvas's `_LATE_`) */
  platformLate: boolean;
  /** when the platform recorded the submission (Gradescope's `:created_at:`), ISO 8601 */
  submittedAt: string | null;
}

/** A student's identity with nothing known but where it came from. */
export const unknownIdentity = (source: IntakeSource): StudentIdentity => ({
  source,
  name: null,
  email: null,
  canvasId: null,
  githubLogin: null,
  gradescopeSid: null,
  sisUserId: null,
  sisLoginId: null,
  section: null,
  rosterId: null,
  platformLate: false,
  submittedAt: null,
});

/** One item of the SUBMISSIONS folder: a student's folder, repository or archive. */
export interface BulkEntry {
  /** the student id: the entry's name without extension, made safe as one path segment */
  id: string;
  /** the entry's name as found (`alice.zip`) */
  name: string;
  /** absolute path */
  path: string;
  kind: EntryKind;
  /** for `files` (Canvas's loose files): each file of the submission with the name it is graded under */
  files?: { path: string; name: string }[];
  /** who it belongs to; absent for plain folders read without a roster */
  identity?: StudentIdentity;
  /** the other members of a group submission (Gradescope): each gets this entry's grade in a row of their own */
  members?: GroupMember[];
}

export interface GroupMember {
  id: string;
  identity: StudentIdentity;
}

/**
 * What became of one student. `graded`: the hidden tests ran (whatever the
 * score). `deadline`: grading stopped at the submission's time limit; checks
 * decided before it keep their points. `grader-error`: relu-lab could not
 * grade (the worker crashed or overran the hard deadline). `id-collision`:
 * two or more entries have this id (ignoring case), so none was graded.
 * `missing`: the roster has the student but the class folder has nothing of
 * theirs (the row scores 0). The others mean there was nothing to grade, and say why.
 */
export type RowStatus =
  | 'graded'
  | 'deadline'
  | 'grader-error'
  | 'unrecognised'
  | 'refused'
  | 'no-commit-before-deadline'
  | 'id-collision'
  /** a roster row no entry of the class folder belongs to: scored 0 */
  | 'missing';

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

/**
 * Which state of a git repository `--late` grades: `last` its work tree
 * (HEAD and any uncommitted changes, judged by HEAD's date), `on-time` the
 * last commit at or before the deadline, `best` both when HEAD is past the
 * deadline, keeping the better score after the late policy.
 */
export type LateChoice = 'best' | 'last' | 'on-time';

export const LATE_CHOICES: readonly LateChoice[] = ['best', 'last', 'on-time'];

/** Which of a repository's states a row's grade is of: the one handed in on time, or a late one. */
export type Taken = 'on-time' | 'late';

/** With `--late best`, the state graded but not taken: what it scored, so the choice can be checked (and --resume need not grade it again). */
export interface PassedOver {
  taken: Taken;
  commit: GradedCommit | null;
  late: LateInfo;
  /** null when nothing was graded */
  key: GradingKey | null;
  status: RowStatus;
  /** before the late policy */
  earned: number;
  possible: number;
}

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
  /** who the student is, as the platform and the roster say (absent in records of older runs) */
  identity?: StudentIdentity;
  /** for a member of a group submission: the id under which the group's submission was graded */
  gradedAs?: string;
  /** with `--late best`, when both an on-time and a late state were graded: the one not taken */
  passedOver?: PassedOver;
  /** with a roster: the entry matched no row of it and was graded under its platform's id */
  notOnRoster?: { entry: string; lookedUpBy: string };
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
  /** the commit graded: a git repository's HEAD, or its last commit at or before the deadline; null for folders and zips */
  commit: string | null;
  /** whether the grade is of work handed in on time or late; null when unknown (no deadline, or no time of submission) */
  taken: Taken | null;
  /** uncommitted changes were graded with the commit; null when no commit was graded */
  dirty: boolean | null;
  /** with `--late best`, the state graded but not taken, with its score after the late policy */
  passedOver: (PassedOver & { score: number }) | null;
  /** with a roster: the entry matched no row of it (graded under its platform's id) */
  notOnRoster: { entry: string; lookedUpBy: string } | null;
  entryKind: EntryKind;
  /** where the student's reports are, relative to the output folder; null when none */
  reportPath: string | null;
  /** who the student is (name, platform ids, roster row); null in records of older runs */
  identity: StudentIdentity | null;
  /** for a member of a group submission: the id under which the group's submission was graded */
  gradedAs: string | null;
}
