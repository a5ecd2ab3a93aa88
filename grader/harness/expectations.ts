// Assertions that fail with a GradingFailure a student can read.
import { GradingFailure } from './GradingFailure.ts';
import { formatCall, formatValue } from '../core/formatValue.ts';
import { firstDifference, VALUE_TOLERANCE } from './tolerances.ts';
import type { StudentCode } from './StudentCode.ts';

/** Characters a value may take in a failure message: enough for a network or a few dozen losses, not a flood. */
const MESSAGE_VALUE_CHARS = 400;

/** Fails unless `actual` equals `expected` within `tol` everywhere; `what` names the call. */
export function expectClose(what: string | (() => string), actual: unknown, expected: unknown, tol = VALUE_TOLERANCE): void {
  const diff = firstDifference(actual, expected, tol);
  if (diff === null) return;
  if (typeof what === 'function') what = what();
  const where = diff === 'value' ? '' : ` (first difference at ${diff})`;
  throw new GradingFailure(`${what} returned ${formatValue(actual, MESSAGE_VALUE_CHARS)}, expected ${formatValue(expected, MESSAGE_VALUE_CHARS)}${where}`, {
    status: 'failed',
    observed: { actual, expected },
  });
}

/** Fails with `message` unless `condition` holds. */
export function expectThat(condition: boolean, message: string, observed?: { actual: unknown; expected: unknown }): void {
  if (!condition) throw new GradingFailure(message, { status: 'failed', observed });
}

/** Calls student code and fails unless it throws a RangeError. */
export async function expectRangeError(student: StudentCode, module: string, name: string, args: unknown[], why: string): Promise<void> {
  const outcome = await student.outcome(module, name, args);
  if (outcome.kind === 'threw' && outcome.error.name === 'RangeError') return;
  if (outcome.kind === 'returned') {
    throw new GradingFailure(`${name} returned ${formatValue(outcome.value, MESSAGE_VALUE_CHARS)} ${why}; it should throw a RangeError`, { status: 'failed' });
  }
  if (outcome.kind === 'threw') {
    throw new GradingFailure(`${name} threw ${outcome.error.name}: ${outcome.error.message} ${why}; it should throw a RangeError`, { status: 'failed' });
  }
  // timed out, crashed or unavailable: let the student layer phrase it
  await student.call(module, name, args);
}

/** Calls `module.name(...args)` in student code and fails unless it returns `expected` (within `tol`). */
export async function expectCall(
  student: StudentCode,
  module: string,
  name: string,
  args: unknown[],
  expected: unknown,
  tol = VALUE_TOLERANCE,
): Promise<unknown> {
  const actual = await student.call(module, name, args);
  expectClose(() => formatCall(name, args), actual, expected, tol);
  return actual;
}

/** Fails unless the arguments a call left behind equal the ones it was given. */
export function expectUnchanged(name: string, after: unknown[], before: unknown[]): void {
  const diff = firstDifference(after, before, 0);
  if (diff === null) return;
  throw new GradingFailure(`${name} changed its arguments (first change at argument${diff}); build new arrays instead`, {
    status: 'failed',
    observed: { actual: after, expected: before },
  });
}
