// Assertions that fail with a GradingFailure a student can read. Each failure
// records what a replay needs (results/types.ts, Observed): the student's
// value, the expected one, the call that returned it (its arguments when the
// caller gave them as a CallSite) and the tolerance they were compared with.
import { GradingFailure } from './GradingFailure.ts';
import { formatCall, formatValue } from '../core/formatValue.ts';
import { firstDifference, VALUE_TOLERANCE } from './tolerances.ts';
import type { StudentCode } from './StudentCode.ts';
import type { Observed, ObservedCall } from '../results/types.ts';

/** Characters a value may take in a failure message: enough for a network or a few dozen losses, not a flood. */
const MESSAGE_VALUE_CHARS = 400;

/** A call into student code, as data: a failure on its value records it, so the report can replay it. */
export interface CallSite {
  module: string;
  name: string;
  args: readonly unknown[];
}

/** What `expectClose` is told of the value it judges: the call that returned it, or words (a string, or a function that writes them). */
export type Subject = string | (() => string) | CallSite;

const CALL_TEXT = /^([A-Za-z_$][\w$]*)\(/;

/** The call a subject names: all of it for a CallSite, the function's name for words that start with a call (`relu(-1)`). */
function callOf(subject: Subject, text: string): ObservedCall | undefined {
  if (typeof subject === 'object') return { module: subject.module, name: subject.name, args: [...subject.args] };
  const name = CALL_TEXT.exec(text)?.[1];
  return name ? { name } : undefined;
}

/** Fails unless `actual` equals `expected` within `tol` everywhere; `subject` names the call. */
export function expectClose(subject: Subject, actual: unknown, expected: unknown, tol = VALUE_TOLERANCE): void {
  const diff = firstDifference(actual, expected, tol);
  if (diff === null) return;
  const what = typeof subject === 'object' ? formatCall(subject.name, subject.args) : typeof subject === 'function' ? subject() : subject;
  const where = diff === 'value' ? '' : ` (first difference at ${diff})`;
  const call = callOf(subject, what);
  throw new GradingFailure(`${what} returned ${formatValue(actual, MESSAGE_VALUE_CHARS)}, expected ${formatValue(expected, MESSAGE_VALUE_CHARS)}${where}`, {
    status: 'failed',
    observed: { actual, expected, ...(call ? { call } : {}), tolerance: tol },
  });
}

/** "your backward and your numericalGradient disagree…": the two values are the student's own, in that order. */
const BOTH_YOURS = /^your ([A-Za-z_$][\w$]*) and your ([A-Za-z_$][\w$]*)\b/;

/**
 * Fails with `message` unless `condition` holds. `observed` may say whose
 * value each is (actualLabel, expectedLabel); a message that compares two of
 * the student's functions ("your backward and your numericalGradient …")
 * labels them so when it does not.
 */
export function expectThat(condition: boolean, message: string, observed?: Observed): void {
  if (condition) return;
  const both = BOTH_YOURS.exec(message);
  const labelled: Observed | undefined =
    observed && both && observed.actualLabel === undefined && observed.expectedLabel === undefined
      ? { ...observed, actualLabel: `your ${both[1]}`, expectedLabel: `your ${both[2]}` }
      : observed;
  throw new GradingFailure(message, { status: 'failed', observed: labelled });
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
  expectClose({ module, name, args }, actual, expected, tol);
  return actual;
}

/** Fails unless the arguments a call left behind equal the ones it was given. */
export function expectUnchanged(name: string, after: unknown[], before: unknown[]): void {
  const diff = firstDifference(after, before, 0);
  if (diff === null) return;
  throw new GradingFailure(`${name} changed its arguments (first change at argument${diff}); build new arrays instead`, {
    status: 'failed',
    observed: { actual: after, expected: before, actualLabel: `the arguments after ${name}`, expectedLabel: `the arguments ${name} was given` },
  });
}
