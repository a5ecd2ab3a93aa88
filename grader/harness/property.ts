// Runs fast-check properties against student code with the job's fixed seed.
// A property that holds is decided from answers fetched in one round trip;
// only a failure runs fc.check, to shrink it to a small counterexample that
// is reported with its seed and path so it can be replayed.
import fc from 'fast-check';
import { acceptsCarriedThrow, CARRIED_THROW, type CarryFor, judgeCarrying, UpstreamThrew } from './carried.ts';
import { expectClose } from './expectations.ts';
import { GradingFailure, type FailureDetails } from './GradingFailure.ts';
import { expectedFor, nextPropertyKey, plannedFor, samplesFor } from './samples.ts';
import type { PlannedCall } from './plannedCall.ts';
import type { StudentCode } from './StudentCode.ts';
import { formatCall } from '../core/formatValue.ts';

/** A differential property: the student's `module.name` against the reference on generated inputs. */
export interface Agreement<T> {
  module: string;
  name: string;
  args: (value: T) => unknown[];
  expected: (value: T) => unknown;
  tolerance?: number;
  /** share of the job's runs this property needs (default 1) */
  share?: number;
  /**
   * values checked first in every run, whatever the seed (the edge cases a
   * correct function must handle and a draw may miss); the drawn ones follow
   */
  always?: readonly T[];
  /**
   * error carried forward (carried.ts): for a value whose answer differs from
   * the reference, the expectation rebuilt from the student's own upstream
   * results; an answer equal to it passes
   */
  carried?: CarryFor<T>;
}

/** How `holds` runs: its share of the job's runs and the values it always checks first (see Agreement). */
export interface HoldsOptions<T> {
  share?: number;
  always?: readonly T[];
}

/** How many runs a property with `share` of the job's runs gets: at least 10. */
export function runsFor(numRuns: number, share = 1): number {
  return Math.max(Math.min(10, numRuns), Math.round(numRuns * share));
}

/** Checks that the student's function returns what the reference does on every generated value. */
export async function agrees<T>(student: StudentCode, arbitrary: fc.Arbitrary<T>, a: Agreement<T>): Promise<void> {
  const { seed } = student.job;
  const numRuns = runsFor(student.job.numRuns, a.share);
  const always = a.always ?? [];
  const key = nextPropertyKey(seed, numRuns, always);
  const values = samplesFor(key, arbitrary, seed, numRuns, always);
  const expected = expectedFor(key, values, a.expected);
  const argsList = plannedFor(key, () => values.map(a.args));
  await student.prefetch(plannedFor(`${key} calls`, () => argsList.map((args) => ({ module: a.module, name: a.name, args }))));
  // whether any value found the student's upstream wrong; if none did, shrinking a failure leaves carrying out, as it would change nothing
  let upstreamWrong = false;
  const carryFor = (value: T) => async () => {
    try {
      const carried = await a.carried!(value, student);
      if (carried?.wrongAt != null) upstreamWrong = true;
      return carried;
    } catch (e) {
      upstreamWrong ||= e instanceof UpstreamThrew;
      throw e;
    }
  };
  /** judges one value: 'threw' when the answer was accepted as the error the student's upstream throws (carried.ts) */
  const judge = async (value: T, args: unknown[], want: unknown, carrying = true): Promise<'value' | 'threw'> => {
    const outcome = await student.outcome(a.module, a.name, args);
    const carry = a.carried && carrying ? carryFor(value) : undefined;
    if (outcome.kind === 'threw' && carry && (await acceptsCarriedThrow(student, a.name, outcome.error, carry))) return 'threw';
    const answer = student.settle(outcome, () => formatCall(a.name, args));
    await judgeCarrying(student, a.name, answer, () => expectClose({ module: a.module, name: a.name, args }, answer, want, a.tolerance), carry, a.tolerance);
    return 'value';
  };
  let judgedOnValues = 0;
  const failure = await firstFailure(values, async (value, i) => {
    if ((await judge(value, argsList[i], expected[i])) === 'value') judgedOnValues++;
  });
  student.clearPrefetched();
  if (failure === null && judgedOnValues === 0 && values.length > 0) throw nothingJudged(student, a.name);
  if (failure === null) return;
  if (isNotImplemented(failure) || student.failsForAnyInput(failure)) throw failure;
  await shrink(
    student,
    arbitrary,
    async (value) => {
      await judge(value, a.args(value), a.expected(value), upstreamWrong);
    },
    numRuns,
    always,
  );
}

/**
 * Checks that `predicate` holds for every generated value. The predicate
 * throws a GradingFailure (a mismatch or a failing student call) otherwise.
 * `plan` lists the student calls the predicate will make for a value, so
 * they can be fetched in one round trip first. `options` is the property's
 * share of the job's runs (a number, as before) or { share, always }.
 */
export async function holds<T>(
  student: StudentCode,
  arbitrary: fc.Arbitrary<T>,
  predicate: (value: T) => Promise<void | typeof CARRIED_THROW>,
  plan?: (value: T) => PlannedCall[],
  options: number | HoldsOptions<T> = 1,
): Promise<void> {
  const { share = 1, always = [] } = typeof options === 'number' ? { share: options } : options;
  const { seed } = student.job;
  const numRuns = runsFor(student.job.numRuns, share);
  const key = nextPropertyKey(seed, numRuns, always);
  const values = samplesFor(key, arbitrary, seed, numRuns, always);
  if (plan) await student.prefetch(plannedFor(key, () => values.flatMap(plan)));
  let judgedOnValues = 0;
  const failure = await firstFailure(values, async (value) => {
    if ((await predicate(value)) !== CARRIED_THROW) judgedOnValues++;
  });
  student.clearPrefetched();
  if (failure === null && judgedOnValues === 0 && values.length > 0) throw nothingJudged(student, undefined);
  if (failure === null) return;
  if (isNotImplemented(failure) || student.failsForAnyInput(failure)) throw failure;
  await shrink(
    student,
    arbitrary,
    async (value) => {
      await predicate(value);
    },
    numRuns,
    always,
  );
}

/**
 * The failure of a property whose every value was accepted as the error the
 * student's upstream function throws (carried.ts): carried, but the function
 * itself was never seen working.
 */
function nothingJudged(student: StudentCode, name: string | undefined): GradingFailure {
  const note = student.carriedNotes.find((n) => name === undefined || n.function === name);
  const fn = name ?? note?.function ?? 'your function';
  const upstream = note?.upstream ?? 'upstream function';
  return new GradingFailure(
    `every call of ${fn} threw the error your ${upstream} throws, so ${fn} itself could not be judged: fix ${upstream} first${note ? ` (${note.wrongAt})` : ''}`,
    { status: 'failed' },
  );
}

/** The first failure of `predicate` over `values` (given each value and its index), or null when it holds for all. */
async function firstFailure<T>(values: T[], predicate: (value: T, at: number) => Promise<void>): Promise<unknown> {
  for (let at = 0; at < values.length; at++) {
    try {
      await predicate(values[at], at);
    } catch (e) {
      return e;
    }
  }
  return null;
}

/** A stub still throwing "not implemented": shrinking it would only repeat the message. */
function isNotImplemented(e: unknown): boolean {
  return e instanceof GradingFailure && e.details.status === 'errored' && /threw Error: not implemented/.test(e.message);
}

/**
 * Runs the failing property under fc.check, the values it always checks
 * first (fast-check's examples), and throws its shrunk failure.
 */
async function shrink<T>(
  student: StudentCode,
  arbitrary: fc.Arbitrary<T>,
  predicate: (value: T) => Promise<void>,
  numRuns: number,
  always: readonly T[],
): Promise<void> {
  const { seed } = student.job;
  const brokenBefore = student.breakage;
  const examples = always.map((v): [T] => [v]);
  const details = await fc.check(fc.asyncProperty(arbitrary, predicate), { seed, numRuns, examples });
  // A hang or crash during this property: report the call that caused it,
  // not the input shrinking reached while every later call failed at once.
  if (student.breakage && student.breakage !== brokenBefore) throw student.breakage;
  if (!details.failed) {
    throw new GradingFailure('your code gave different answers to the same inputs on a second run (does it keep state between calls?)', { status: 'failed' });
  }
  const cause = details.errorInstance;
  const value = fc.stringify(details.counterexample?.[0]);
  const path = details.counterexamplePath ?? '';
  const counterexample = {
    seed: details.seed,
    path,
    value,
    replay: `fc.assert(property, { seed: ${details.seed}, path: ${JSON.stringify(path)}, endOnFailure: true${examples.length ? `, examples: ${fc.stringify(examples)}` : ''} })`,
  };
  if (cause instanceof GradingFailure) {
    const merged: FailureDetails = { ...cause.details, counterexample };
    throw new GradingFailure(cause.message, merged);
  }
  const message = cause instanceof Error ? cause.message : String(cause);
  throw new GradingFailure(`the check itself failed on ${value}: ${message}`, { status: 'errored', counterexample });
}
