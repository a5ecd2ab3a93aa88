// The one error the hidden tests throw on purpose. It carries the outcome as
// data (status, observed values, counterexample) in a single JSON string
// property, so it survives Vitest's error serialisation from the test worker
// to the reporter in the main process unchanged.
import type { Counterexample, Observed, TestStatus } from '../results/types.ts';

export interface FailureDetails {
  status: Extract<TestStatus, 'failed' | 'errored' | 'timed-out'>;
  /** the student's value beside the expected one, with the call that returned it when known (results/types.ts) */
  observed?: Observed;
  counterexample?: Counterexample;
  /** the check did not run to its end because the submission's deadline had passed */
  deadline?: true;
}

export const FAILURE_PROPERTY = 'reluLabFailure';

export class GradingFailure extends Error {
  override name = 'GradingFailure';
  readonly [FAILURE_PROPERTY]: string;
  constructor(
    message: string,
    readonly details: FailureDetails,
  ) {
    // No stack frames: where in the grader a check failed helps no one who
    // reads the results, and without frames Vitest has nothing to map through
    // source maps for each failed check (shrinking makes many of these).
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
    this.stack = `GradingFailure: ${message}`;
    this[FAILURE_PROPERTY] = JSON.stringify({ ...details, message }, jsonSafe);
  }
}

/** JSON cannot hold -0, NaN or Infinity; spell them so they show as they were. */
export function jsonSafe(_key: string, value: unknown): unknown {
  if (typeof value !== 'number') return value;
  if (Object.is(value, -0)) return 0;
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  return value;
}

/** Reads the details back from a serialised error (in the main process). */
export function readFailure(error: unknown): (FailureDetails & { message: string }) | null {
  if (typeof error !== 'object' || error === null) return null;
  const raw = (error as Record<string, unknown>)[FAILURE_PROPERTY];
  if (typeof raw !== 'string') return null;
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}
