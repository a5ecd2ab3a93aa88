// What the orchestrator hands the hidden tests: plain data only, one entry
// per submission, sent through the job feed (grader/engine/suite/feed.ts).
export interface JobContext {
  /** names the submission's describe block, so results can be told apart */
  id: string;
  /** absolute path of the module whose `hidden` export holds the checks to run (the assignment's hiddenEntry) */
  hiddenEntry: string;
  /** folder of the compiled submission (one self-contained .mjs per module) */
  codeDir: string;
  /**
   * modules that did not compile or are missing, with the reason; empty when
   * the job is handed over, filled in as its compilation ends (FeedPrepared)
   */
  unavailable: Record<string, string>;
  callTimeoutMs: number;
  /** all the calls of one call group, in all (absent: DEFAULTS.groupTimeoutMs) */
  groupTimeoutMs?: number;
  memoryMb: number;
  /** the whole grading of this submission; later calls fail at once */
  deadlineMs: number;
  seed: number;
  numRuns: number;
  /** draw the report's plot data after the checks */
  plots: boolean;
  /** a folder of the grading process (not readable from the sandbox) for values drawn once per process */
  memoDir: string | null;
  /** run the code in the grading process, with no sandbox: for the trusted reference only (the benchmark's baseline) */
  trustedInProcess?: boolean;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** the name of the BroadcastChannel the hidden suite asks for jobs on */
    reluLabFeed: string;
  }
}

export const FEED_KEY = 'reluLabFeed' as const;

/** A slot's request for its batch, on the feed. */
export interface FeedRequest {
  type: 'want';
  slot: number;
}

/**
 * The batch for a slot (no jobs: the run is winding down). It is sent before
 * the submissions are compiled, so the slot can start their sandboxes
 * meanwhile; a FeedPrepared per job follows.
 */
export interface FeedReply {
  type: 'jobs';
  slot: number;
  jobs: JobContext[];
}

/** A slot has loaded its checks (sent after it took its batch). */
export interface FeedSuiteReady {
  type: 'ready';
  slot: number;
}

/**
 * A submission's checks begin (its sandbox open, its code compiled): the
 * grading process starts that submission's own deadline timer.
 */
export interface FeedJobBegins {
  type: 'begin';
  jobId: string;
}

/** A job's compilation is over: what did not compile, or why it could not be prepared at all. */
export interface FeedPrepared {
  type: 'prepared';
  jobId: string;
  unavailable: Record<string, string>;
  failed: string | null;
}
