// Runs a fast-check property against student code with the job's fixed seed
// and turns a failure into a GradingFailure that carries the shrunk
// counterexample and how to replay it.
import fc from 'fast-check';
import { GradingFailure, type FailureDetails } from './GradingFailure.ts';
import { expectCall } from './expectations.ts';
import type { PlannedCall, StudentCode } from './StudentCode.ts';

/** A differential property: the student's `module.name` against the reference on generated inputs. */
export interface Agreement<T> {
  module: string;
  name: string;
  args: (value: T) => unknown[];
  expected: (value: T) => unknown;
  tolerance?: number;
}

/** Checks that the student's function returns what the reference does on every generated value. */
export function agrees<T>(student: StudentCode, arbitrary: fc.Arbitrary<T>, a: Agreement<T>): Promise<void> {
  return holds(
    student,
    arbitrary,
    async (value) => {
      await expectCall(student, a.module, a.name, a.args(value), a.expected(value), a.tolerance);
    },
    (value) => [{ module: a.module, name: a.name, args: a.args(value) }],
  );
}

/**
 * Checks that `predicate` holds for every generated value. The predicate
 * throws a GradingFailure (a mismatch or a failing student call) otherwise.
 */
export async function holds<T>(
  student: StudentCode,
  arbitrary: fc.Arbitrary<T>,
  predicate: (value: T) => Promise<void>,
  plan?: (value: T) => PlannedCall[],
): Promise<void> {
  const { seed, numRuns } = student.job;
  const brokenBefore = student.breakage;
  // fc.sample with the same seed draws the values fc.check will: fetch the
  // student's answers for all of them in one round trip first.
  if (plan) {
    const values = fc.sample(arbitrary, { seed, numRuns });
    await student.prefetch(values.flatMap(plan));
    // The usual case, a property that holds, is decided here from the
    // prefetched answers; fc.check runs only to shrink a failure.
    if (await everyHolds(values, predicate)) {
      student.clearPrefetched();
      return;
    }
  }
  const details = await fc.check(fc.asyncProperty(arbitrary, predicate), { seed, numRuns });
  student.clearPrefetched();
  // A hang or crash during this property: report the call that caused it,
  // not the input shrinking reached while every later call failed at once.
  if (student.breakage && student.breakage !== brokenBefore) throw student.breakage;
  if (!details.failed) return;
  const cause = details.errorInstance;
  const value = fc.stringify(details.counterexample?.[0]);
  const counterexample = {
    seed: details.seed,
    path: details.counterexamplePath ?? '',
    value,
    replay: `fc.assert(property, { seed: ${details.seed}, path: ${JSON.stringify(details.counterexamplePath ?? '')}, endOnFailure: true })`,
  };
  if (cause instanceof GradingFailure) {
    const merged: FailureDetails = { ...cause.details, counterexample };
    throw new GradingFailure(cause.message, merged);
  }
  const message = cause instanceof Error ? cause.message : String(cause);
  throw new GradingFailure(`the check itself failed on ${value}: ${message}`, { status: 'errored', counterexample });
}

async function everyHolds<T>(values: T[], predicate: (value: T) => Promise<void>): Promise<boolean> {
  for (const value of values) {
    try {
      await predicate(value);
    } catch {
      return false;
    }
  }
  return true;
}
