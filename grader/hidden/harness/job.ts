// What the orchestrator hands the hidden tests for one submission, through
// Vitest's provide/inject: plain data only.
export interface JobContext {
  /** folder of the compiled submission (one self-contained .mjs per module) */
  codeDir: string;
  /** modules that did not compile or are missing, with the reason */
  unavailable: Record<string, string>;
  callTimeoutMs: number;
  memoryMb: number;
  seed: number;
  numRuns: number;
  /** a folder of the grading process (not readable from the sandbox) for values drawn once per process */
  memoDir: string | null;
}

declare module 'vitest' {
  export interface ProvidedContext {
    reluLabJob: JobContext;
  }
}

export const JOB_KEY = 'reluLabJob' as const;
