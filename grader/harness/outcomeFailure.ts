// How a call into student code that did not return a value is reported: the
// GradingFailure a check throws, with the status the results will show.
import type { CallOutcome } from '../sandbox/CallOutcome.ts';
import { GradingFailure } from './GradingFailure.ts';

/** Why calls fail once a submission's time is up. */
export const DEADLINE_MESSAGE = (ms: number) => `not run: the submission's grading deadline of ${ms} ms had passed`;

/**
 * The failure for `outcome`; `what` writes out the call (only when a message
 * needs it), e.g. `relu(-1)`.
 */
export function outcomeFailure(
  outcome: Exclude<CallOutcome, { kind: 'returned' }>,
  what: () => string,
  limits: { callTimeoutMs: number; deadlineMs: number },
): GradingFailure {
  switch (outcome.kind) {
    case 'threw':
      return new GradingFailure(`${what()} threw ${outcome.error.name}: ${outcome.error.message}`, { status: 'errored' });
    case 'timed-out':
      // stopped by the submission's deadline: like every call after it
      if (outcome.limit === 'submission') return new GradingFailure(DEADLINE_MESSAGE(limits.deadlineMs), { status: 'errored', deadline: true });
      if (outcome.limit === 'group') return new GradingFailure(`${what()} could not finish: ${outcome.message}`, { status: 'timed-out' });
      if (outcome.loading) return new GradingFailure(`${what()} could not run: ${outcome.message}`, { status: 'timed-out' });
      return new GradingFailure(`${what()} did not return within ${limits.callTimeoutMs} ms (an endless loop?)`, { status: 'timed-out' });
    case 'crashed':
      return new GradingFailure(`${what()} stopped the process running your code: ${outcome.message}`, { status: 'errored' });
    case 'unavailable':
      if (outcome.message === DEADLINE_MESSAGE(limits.deadlineMs)) return new GradingFailure(outcome.message, { status: 'errored', deadline: true });
      return new GradingFailure(outcome.message, { status: 'errored' });
  }
}
