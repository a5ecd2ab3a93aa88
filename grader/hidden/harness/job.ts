// What the orchestrator hands the hidden tests, through Vitest's
// provide/inject: plain data only, one entry per submission in the run.
export interface JobContext {
  /** names the submission's describe block, so results can be told apart */
  id: string;
  /** folder of the compiled submission (one self-contained .mjs per module) */
  codeDir: string;
  /** modules that did not compile or are missing, with the reason */
  unavailable: Record<string, string>;
  callTimeoutMs: number;
  memoryMb: number;
  /** the whole grading of this submission; later calls fail at once */
  deadlineMs: number;
  seed: number;
  numRuns: number;
  /** draw the report's plot data after the checks */
  plots: boolean;
  /** a folder of the grading process (not readable from the sandbox) for values drawn once per process */
  memoDir: string | null;
}

declare module 'vitest' {
  export interface ProvidedContext {
    reluLabJobs: JobContext[];
  }
}

export const JOBS_KEY = 'reluLabJobs' as const;
