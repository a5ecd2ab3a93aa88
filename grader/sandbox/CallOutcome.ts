// What a call into student code in the sandbox came to. Student code's own
// errors are data (`threw`); the sandbox itself failing is `timed-out` or
// `crashed` once, then `unavailable` for every later call.
import type { TimeLimitKind } from './describeTimeout.ts';

/** An error thrown by student code (or describing why its value could not be sent). */
export interface CallError {
  name: string;
  message: string;
}

export type CallOutcome =
  | { kind: 'returned'; value: unknown; ms: number }
  | { kind: 'threw'; error: CallError; ms: number }
  /**
   * `loading`: the module's top-level code, not the call, ran past the limit.
   * `at`: in a callMany, the index of the call that never returned, when known.
   * `limit`: which limit ran out (the call's own when absent): see describeTimeout.
   */
  | { kind: 'timed-out'; ms: number; message: string; loading?: boolean; at?: number; limit?: TimeLimitKind }
  /**
   * `at`: as for timed-out (a call that ran out of memory before its time limit).
   * `tampered`: student code wrote to the grader's channel itself (ReplyReader's
   * protocol violation); running its calls again would only let it try again.
   */
  | { kind: 'crashed'; message: string; ms: number; at?: number; tampered?: true }
  | { kind: 'unavailable'; message: string };

/** One call of a call group (a callMany). */
export type CallGroupEntry = { kind: 'returned'; value: unknown } | { kind: 'threw'; error: CallError };

/** The outcome of a call group (callMany): when it returned, one entry per argument list, in order. */
export type CallGroupOutcome = Exclude<CallOutcome, { kind: 'returned' }> | { kind: 'returned'; value: CallGroupEntry[]; ms: number };

/** The state of a sandbox: `open` takes calls; `broken` after a time-out or crash; `closed` after close(). */
export type SandboxState = 'open' | 'broken' | 'closed';
