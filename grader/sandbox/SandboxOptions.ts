// How a sandbox is opened (Sandbox.open).

/**
 * The submission's own deadline, as the grading side keeps it: no call is
 * let run past it, whatever the sandbox reports meanwhile. `endsAt` is read
 * as each call is sent (a sandbox may be opened before the clock starts).
 */
export interface SubmissionDeadline {
  /** the whole budget, for messages */
  ms: number;
  /** when it runs out, on this thread's performance.now() clock */
  endsAt(): number;
}

export interface SandboxOptions {
  /** folder of the compiled modules (`<module>.mjs`); host.mjs is copied into it */
  codeDir: string;
  /** time limit of one call (of each call in a callMany) */
  callTimeoutMs: number;
  /**
   * time limit of a whole callMany, fixed when it is sent: progress the
   * sandbox reports moves each call's limit, never this one; default
   * DEFAULTS.batchTimeoutMs
   */
  batchTimeoutMs?: number;
  /** the submission's deadline; none: calls have only their own limits */
  deadline?: SubmissionDeadline;
  /** heap limit of the sandbox process */
  memoryMb: number;
  /** how long the process may take to start; default 10 s */
  startTimeoutMs?: number;
}
