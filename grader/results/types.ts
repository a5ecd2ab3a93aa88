// The results document: what grading a submission produced, as data.
// grader/schemas/results.schema.json is the published JSON Schema of this
// type; every document is validated against it before it is written.

/** Who may see a test's outcome, as on Gradescope. */
export type Visibility = 'visible' | 'hidden' | 'after_due_date' | 'after_published';

/** What happened to one test. */
export type TestStatus = 'passed' | 'failed' | 'errored' | 'timed-out' | 'not-run';

/** A property test's smallest failing input, with what it takes to replay it. */
export interface Counterexample {
  seed: number;
  path: string;
  /** the shrunk input, as fast-check prints it */
  value: string;
  /** how to replay: `fc.assert(prop, { seed, path, endOnFailure: true })` */
  replay: string;
}

/** The student call a failure is about: the function, and its module and arguments when they are known. */
export interface ObservedCall {
  module?: string;
  name: string;
  args?: unknown[];
}

/** The student's value beside the one it should equal. */
export interface Observed {
  actual: unknown;
  expected: unknown;
  /** the call that returned `actual` */
  call?: ObservedCall;
  /**
   * whose value each is, when `expected` is not the reference's: "your
   * backward" beside "your numericalGradient"; absent, `actual` is the
   * student's and `expected` the reference's
   */
  actualLabel?: string;
  expectedLabel?: string;
  /** the relative tolerance they were compared with: |a - b| <= tolerance * max(1, |a|, |b|) */
  tolerance?: number;
}

/**
 * A passed check whose answer was wrong against the reference but right for
 * the values the student's own upstream function computes (error carried
 * forward): the mistake costs points only where it is.
 */
export interface CarriedForward {
  /** the function the check judged: "backward" */
  function: string;
  /** the student's upstream function that is wrong: "forward" */
  upstream: string;
  /** where it is wrong, in words: "forward({…}, [1]) returned {…}, expected {…}" */
  wrongAt: string;
}

export interface TestResult {
  /** stable id, e.g. `parsing.round-trip`: `<task>.<kebab-name>` */
  id: string;
  /** what was checked, in a sentence */
  name: string;
  task: string;
  status: TestStatus;
  earned: number;
  possible: number;
  visibility: Visibility;
  /** why it did not pass (absent when passed) */
  message?: string;
  /** the student's value beside the expected one, when the test knows them */
  observed?: Observed;
  counterexample?: Counterexample;
  /** passed on the student's own upstream results (absent otherwise) */
  carriedForward?: CarriedForward;
  hint: string;
  /** the formula or rule behind the check: a second hint, shown collapsed under the first (absent when the check declares none) */
  formula?: string;
  durationMs: number;
}

export interface TaskResult {
  id: string;
  title: string;
  earned: number;
  possible: number;
  /** the exercise file the task lives in, e.g. `exercises/tables.ts` */
  file: string;
}

/** A compile error in one submitted file. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface GitIdentity {
  commit: string;
  author: string;
  email: string;
  date: string;
  branch: string | null;
  dirty: boolean;
}

export interface SubmissionIdentity {
  /** the folder as given */
  path: string;
  name: string;
  /** sha256 over the submitted files' names and contents */
  contentHash: string;
  files: string[];
  git: GitIdentity | null;
}

/**
 * How grading went as a whole. `graded`: the tests ran (the score may still
 * be 0). `grader-error`: relu-lab itself could not grade; the score is 0 and
 * `message` says why, so a document is written even then.
 */
export type Outcome = { kind: 'graded' } | { kind: 'deadline'; message: string } | { kind: 'grader-error'; code: string; message: string };

export interface ResultsDocument {
  schemaVersion: 1;
  grader: { name: 'relu-lab'; version: string };
  submission: SubmissionIdentity;
  gradedAt: string;
  seed: number;
  numRuns: number;
  outcome: Outcome;
  /** per-file compile errors; a file that did not compile fails its tests */
  diagnostics: Diagnostic[];
  timings: { compileMs: number; testsMs: number; totalMs: number };
  score: { earned: number; possible: number };
  tasks: TaskResult[];
  tests: TestResult[];
  /**
   * `visible`: graded by the submission's own visible tests (feedback from
   * the student edition and CI without a hidden bundle), not by the graded
   * checks; the checks withheld from students are in `tests` as not-run,
   * counted, and graded later. Absent: graded by the assignment's checks.
   */
  suite?: 'visible';
  /**
   * Data an assignment's hidden face collected from the student's functions
   * for its own report (its figures and insights): plain JSON, checked by the
   * schema to be an object and bounded like every document; its shape is the
   * assignment's, so whoever reads it checks that shape first.
   */
  plots?: unknown;
}
