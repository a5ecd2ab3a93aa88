// agrees and holds over a student that is a plain function: the values they
// always check come first in every run, whatever the seed, and a failure on
// one of them comes with a counterexample that replays it (fast-check's examples).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectThat } from './expectations.ts';
import { GradingFailure, readFailure } from './GradingFailure.ts';
import type { JobContext } from './job.ts';
import { agrees, holds } from './property.ts';
import { beginCheck } from './samples.ts';
import type { StudentCode } from './StudentCode.ts';

/** A student whose `m.f` is `f`, recording every argument it is called with. */
function studentOf(f: (x: number) => number, job: Partial<JobContext> = {}) {
  const seen: number[] = [];
  const student = {
    job: { seed: 1, numRuns: 1, ...job },
    breakage: null,
    prefetch: async () => {},
    clearPrefetched: () => {},
    failsForAnyInput: () => false,
    call: async (_module: string, _name: string, args: unknown[]) => {
      const x = args[0] as number;
      seen.push(x);
      return f(x);
    },
    outcome: async (module: string, name: string, args: unknown[]) => ({ kind: 'returned', value: await student.call(module, name, args), ms: 0 }),
    settle: (outcome: { value: unknown }) => outcome.value,
    carriedNotes: [],
    noteCarried: () => {},
  } as unknown as StudentCode;
  return { student, seen };
}

const relu = (z: number) => Math.max(0, z);
/** right everywhere except at -0, which a draw from this arbitrary never gives */
const wrongAtMinusZero = (z: number) => (Object.is(z, -0) ? 1 : relu(z));
const positive = fc.integer({ min: 1, max: 100 });

describe('agrees', () => {
  it('checks the values it always checks first, then the drawn ones', async () => {
    beginCheck('property.always-first');
    const { student, seen } = studentOf(relu, { numRuns: 3 });
    await agrees(student, positive, { module: 'm', name: 'f', args: (z) => [z], expected: relu, always: [0, -0] });
    expect(seen).toHaveLength(5);
    expect(Object.is(seen[0], 0) && Object.is(seen[1], -0)).toBe(true);
    expect(seen.slice(2).every((z) => z >= 1)).toBe(true);
  });

  it('catches a mistake on an always-checked value under every seed, with one run, with a counterexample that replays it', async () => {
    for (const seed of [1, 42, 31337, 20261126]) {
      beginCheck(`property.minus-zero-${seed}`);
      const { student } = studentOf(wrongAtMinusZero, { seed });
      const failure = await agrees(student, positive, { module: 'm', name: 'f', args: (z) => [z], expected: relu, always: [-0] }).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(GradingFailure);
      expect((failure as GradingFailure).message).toMatch(/^f\(-0\) returned 1, expected 0/);
      expect(readFailure(failure)?.counterexample).toMatchObject({ seed, value: '-0', replay: expect.stringContaining('examples: [[-0]]') });
    }
  });

  it('without values to always check, misses what the draw does not reach, as before', async () => {
    beginCheck('property.no-always');
    const { student } = studentOf(wrongAtMinusZero, { numRuns: 20 });
    await expect(agrees(student, positive, { module: 'm', name: 'f', args: (z) => [z], expected: relu })).resolves.toBeUndefined();
  });

  it('still shrinks a failure found on a drawn value and reports its counterexample', async () => {
    beginCheck('property.drawn-failure');
    const { student } = studentOf((z) => (z > 10 ? 0 : relu(z)), { numRuns: 50 });
    const failure = await agrees(student, positive, { module: 'm', name: 'f', args: (z) => [z], expected: relu, always: [0] }).catch((e: unknown) => e);
    expect((failure as GradingFailure).message).toMatch(/^f\(11\) returned 0, expected 11/);
    expect(readFailure(failure)?.counterexample?.value).toBe('11');
  });
});

describe('holds', () => {
  const nonNegative = (student: StudentCode) => async (z: number) => {
    const y = await student.call<number>('m', 'f', [z]);
    expectThat(y === relu(z), `f(${Object.is(z, -0) ? '-0' : z}) is ${y}`);
  };

  it('takes its share of the runs as a number, as before', async () => {
    beginCheck('property.holds-share');
    const { student, seen } = studentOf(relu, { numRuns: 40 });
    await holds(student, positive, nonNegative(student), undefined, 0.5);
    expect(seen).toHaveLength(20);
  });

  it('checks the values it always checks first and reports a failure on one with its counterexample', async () => {
    beginCheck('property.holds-always');
    const { student } = studentOf(wrongAtMinusZero, { numRuns: 40 });
    const failure = await holds(student, positive, nonNegative(student), undefined, { share: 0.5, always: [-0] }).catch((e: unknown) => e);
    expect((failure as GradingFailure).message).toBe('f(-0) is 1');
    expect(readFailure(failure)?.counterexample?.value).toBe('-0');
  });
});
