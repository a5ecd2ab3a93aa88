// Error carried forward: a mistake costs points once, in the task where it
// is. When a check's function depends on another of the student's functions
// (backward on forward, deadNeurons on forward's z1, train on backward), an
// answer that is wrong against the reference is judged again against the
// reference's formulas applied to the student's *own* upstream results. The
// trusted side computes that expectation from plain values the student's code
// returned; no reference code reaches the sandbox. When the answer matches
// it, the check passes and says so in words, naming the upstream call that is
// wrong, so the report and the class summary name the root cause.
import { GradingFailure } from './GradingFailure.ts';
import { expectClose } from './expectations.ts';
import { formatCall } from '../core/formatValue.ts';
import { firstDifference } from './tolerances.ts';
import type { StudentCode } from './StudentCode.ts';
import type { CarriedForward } from '../results/types.ts';
import type { CallError } from '../sandbox/CallOutcome.ts';

/** What an answer should be, given the student's own upstream results. */
export interface Carried {
  /** the expected answer built from the student's upstream results */
  expected: unknown;
  /** the upstream function whose results were used, as the student knows it: "forward" */
  upstream: string;
  /**
   * the first upstream call whose result differs from the reference's, in
   * words ("forward({…}, [1]) returned {…}, expected {…}"); null when every
   * upstream result agrees with the reference (then carrying changes nothing)
   */
  wrongAt: string | null;
  /** the error the student's upstream call threw: a correct function on top of it throws the same (then `expected` is unused) */
  threw?: CallError;
}

/**
 * Thrown by a carry function when one of the student's upstream calls threw
 * where the reference returns: a function right for the values its upstream
 * computes throws that same error there.
 */
export class UpstreamThrew extends Error {
  constructor(
    readonly upstream: string,
    readonly call: string,
    readonly error: CallError,
  ) {
    super(`${call} threw ${error.name}: ${error.message}`);
  }
}

/** What callCarrying gives for a call that threw exactly what its upstream throws; a `holds` predicate returns it for a value so judged. */
export const CARRIED_THROW = Symbol('carried throw');

/** A check passed on carried values: what the results record about it. */
export type CarriedNote = CarriedForward;

/** Builds the carried expectation of one value; resolves null when it cannot be carried (an upstream call failed or returned a value of the wrong shape). */
export type CarryFor<T> = (value: T, student: StudentCode) => Promise<Carried | null>;

/**
 * Runs `judge`, which throws a GradingFailure when `answer` differs from the
 * reference. A `failed` one is forgiven when `carry` builds an expectation
 * from wrong upstream results and `answer` equals it within `tolerance`: the
 * check is then noted as passed on carried values. Any other outcome (a
 * throw, a hang, no wrong upstream, a different answer) throws the original
 * failure, so the report still speaks of the reference's value.
 */
export async function judgeCarrying(
  student: StudentCode,
  fn: string,
  answer: unknown,
  judge: () => void | Promise<void>,
  carry: (() => Promise<Carried | null>) | undefined,
  tolerance?: number,
): Promise<void> {
  try {
    await judge();
  } catch (e) {
    if (carry === undefined || !(e instanceof GradingFailure) || e.details.status !== 'failed') throw e;
    const carried = await carriedOrNull(carry);
    if (carried === null || carried.wrongAt === null || carried.threw !== undefined) throw e;
    if (firstDifference(answer, carried.expected, tolerance) !== null) throw e;
    student.noteCarried({ function: fn, upstream: carried.upstream, wrongAt: carried.wrongAt });
  }
}

/**
 * Whether `error`, which the student's `fn` threw, is the error its upstream
 * throws for the same value (UpstreamThrew): then it is noted as carried and
 * the answer is accepted.
 */
export async function acceptsCarriedThrow(student: StudentCode, fn: string, error: CallError, carry: () => Promise<Carried | null>): Promise<boolean> {
  const carried = await carriedOrNull(carry);
  if (carried?.threw === undefined || carried.wrongAt === null) return false;
  if (carried.threw.name !== error.name || carried.threw.message !== error.message) return false;
  student.noteCarried({ function: fn, upstream: carried.upstream, wrongAt: carried.wrongAt });
  return true;
}

/** `carry()`: null when one of its calls failed (hung, crashed, answered out of contract), a carried throw when an upstream call threw. */
async function carriedOrNull(carry: () => Promise<Carried | null>): Promise<Carried | null> {
  try {
    return await carry();
  } catch (e) {
    if (e instanceof UpstreamThrew) return { upstream: e.upstream, wrongAt: e.message, expected: undefined, threw: e.error };
    if (e instanceof GradingFailure) return null;
    throw e;
  }
}

/**
 * Calls `module.name(...args)` and fails unless it returns `expected` (within
 * `tolerance`) or, when its upstream results are wrong, what `carry` builds
 * from them, or throws the error its upstream throws for these arguments
 * (then it resolves undefined). Use it where drawn values also judge the
 * function, as a lone example judged only by a carried throw shows nothing.
 */
export async function expectCallCarrying(
  student: StudentCode,
  module: string,
  name: string,
  args: unknown[],
  expected: unknown,
  carry: () => Promise<Carried | null>,
  tolerance?: number,
): Promise<unknown> {
  const outcome = await student.outcome(module, name, args);
  if (outcome.kind === 'threw' && (await acceptsCarriedThrow(student, name, outcome.error, carry))) return undefined;
  const answer = student.settle(outcome, () => formatCall(name, args));
  await judgeCarrying(student, name, answer, () => expectClose({ module, name, args }, answer, expected, tolerance), carry, tolerance);
  return answer;
}

/**
 * The value of `module.name(...args)`, or CARRIED_THROW when it threw exactly
 * the error its upstream throws for these arguments (noted as carried). A
 * `holds` predicate returns CARRIED_THROW for such a value, so a property
 * judged on no value at all still fails.
 */
export async function callCarrying<T = unknown>(
  student: StudentCode,
  module: string,
  name: string,
  args: unknown[],
  carry: () => Promise<Carried | null>,
): Promise<T | typeof CARRIED_THROW> {
  const outcome = await student.outcome(module, name, args);
  if (outcome.kind === 'threw' && (await acceptsCarriedThrow(student, name, outcome.error, carry))) return CARRIED_THROW;
  return student.settle<T>(outcome, () => formatCall(name, args));
}
