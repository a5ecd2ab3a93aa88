// Errors relu-lab raises on purpose carry a stable `code` (for scripts and
// tests) and a message that says how to fix the problem.

export type ErrorCode =
  | 'usage'
  | 'assignment-not-found'
  | 'assignment-invalid'
  | 'manifest-invalid'
  | 'manifest-missing'
  | 'submission-missing'
  | 'submission-export-missing'
  | 'results-invalid'
  | 'compile-failed'
  | 'sandbox-unavailable'
  | 'grader-failed'
  | 'report-invalid'
  | 'internal';

export class ReluLabError extends Error {
  override name = 'ReluLabError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** True when `e` is a ReluLabError, optionally with the given code. */
export function isReluLabError(e: unknown, code?: ErrorCode): e is ReluLabError {
  return e instanceof ReluLabError && (code === undefined || e.code === code);
}
