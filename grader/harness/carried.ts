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
import { firstDifference } from './tolerances.ts';
import type { StudentCode } from './StudentCode.ts';
import type { CarriedForward } from '../results/types.ts';

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
}

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
    if (carried === null || carried.wrongAt === null) throw e;
    if (firstDifference(answer, carried.expected, tolerance) !== null) throw e;
    student.noteCarried({ function: fn, upstream: carried.upstream, wrongAt: carried.wrongAt });
  }
}

/** `carry()`, or null when one of its calls failed (the student's upstream function threw, hung or answered out of contract). */
async function carriedOrNull(carry: () => Promise<Carried | null>): Promise<Carried | null> {
  try {
    return await carry();
  } catch (e) {
    if (e instanceof GradingFailure) return null;
    throw e;
  }
}
