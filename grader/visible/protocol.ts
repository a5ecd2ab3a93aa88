// What the visible-test worker process and the CLI say to each other over
// their IPC channel. Results travel only here: nothing the tests print is read.

/** The job the CLI hands the worker in its first message. */
export interface VisibleJob {
  /** the repository root, Vitest's root */
  root: string;
  /** globs of the visible tests, relative to root */
  include: string[];
  /** Vitest's per-test limit (asynchronous hangs) */
  testTimeoutMs: number;
  /** heap of each process that runs the tests (and so the student's code) */
  memoryMb: number;
  maxWorkers: number;
  /** a private folder for Vite's cache */
  cacheDir: string;
}

/** One test as collected, before it runs. */
export interface CollectedTest {
  id: string;
  /** the test file, relative to root with `/` */
  file: string;
  /** suite titles and the test's own, outermost first */
  path: string[];
  line: number | null;
}

export type WorkerMessage =
  /** the worker listens: send the job */
  | { type: 'ready' }
  | { type: 'collected'; file: string; tests: CollectedTest[] }
  | { type: 'started'; id: string }
  | { type: 'finished'; id: string; state: 'passed' | 'failed' | 'skipped'; message: string | null; durationMs: number }
  | { type: 'module-end'; file: string; errors: string[] }
  | { type: 'unhandled'; message: string }
  | { type: 'done' };

/** The CLI's one message to the worker, sent when it says it is ready. */
export type ParentMessage = { type: 'run'; job: VisibleJob };
