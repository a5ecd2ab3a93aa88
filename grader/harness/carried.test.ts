// Error carried forward over a student made of plain functions: `f` depends on
// an upstream `u`, as backward depends on forward. A right `f` on a wrong `u`
// passes and is noted; a wrong `f` fails with the reference's value; a throw
// is right only where `u` throws the same, and never for every value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptsCarriedThrow, type Carried, type CarriedNote, judgeCarrying, UpstreamThrew } from './carried.ts';
import { expectClose } from './expectations.ts';
import { GradingFailure, readFailure } from './GradingFailure.ts';
import { agrees } from './property.ts';
import { beginCheck } from './samples.ts';
import type { StudentCode } from './StudentCode.ts';
import type { CallOutcome } from '../sandbox/CallOutcome.ts';

type Fn = (x: number) => number;

/** A student with functions m.f and m.u; a function throws `Error` objects as the sandbox reports them. */
function studentOf(fns: { f: Fn; u: Fn }) {
  const notes: CarriedNote[] = [];
  const outcome = async (_module: string, name: string, args: unknown[]): Promise<CallOutcome> => {
    try {
      return { kind: 'returned', value: fns[name as 'f' | 'u'](args[0] as number), ms: 0 };
    } catch (e) {
      const error = e as Error;
      return { kind: 'threw', error: { name: error.name, message: error.message }, ms: 0 };
    }
  };
  const settle = (o: CallOutcome) => {
    if (o.kind === 'returned') return o.value;
    if (o.kind === 'threw') throw new GradingFailure(`threw ${o.error.name}: ${o.error.message}`, { status: 'errored' });
    throw new GradingFailure('did not return', { status: 'errored' });
  };
  const student = {
    job: { seed: 7, numRuns: 20 },
    breakage: null,
    prefetch: async () => {},
    clearPrefetched: () => {},
    failsForAnyInput: () => false,
    outcome,
    settle,
    call: async (module: string, name: string, args: unknown[]) => settle(await outcome(module, name, args)),
    noteCarried: (n: CarriedNote) => notes.push(n),
    get carriedNotes() {
      return notes;
    },
  } as unknown as StudentCode;
  return { student, notes };
}

/** the reference: u(x) = x + 1 and f(x) = 2 u(x) */
const refU: Fn = (x) => x + 1;
const refF: Fn = (x) => 2 * refU(x);

/** f's expectation from the student's own u, as a course builds it: the reference's formula on the student's value */
const carryF = async (x: number, student: StudentCode): Promise<Carried> => {
  const o = await student.outcome('m', 'u', [x]);
  if (o.kind === 'threw') throw new UpstreamThrew('u', `u(${x})`, o.error);
  const mine = student.settle<number>(o, `u(${x})`);
  return { expected: 2 * mine, upstream: 'u', wrongAt: mine === refU(x) ? null : `u(${x}) returned ${mine}, expected ${refU(x)}` };
};

const ints = fc.integer({ min: -50, max: 50 });
const agreement = { module: 'm', name: 'f', args: (x: number) => [x], expected: refF, carried: carryF, always: [0, -1] };

describe('agrees with a carried expectation', () => {
  it('passes a right f on top of a wrong u, and notes where u is wrong', async () => {
    beginCheck('carried.right-on-wrong');
    const u: Fn = (x) => x; // forgets the + 1
    const { student, notes } = studentOf({ u, f: (x) => 2 * u(x) });
    await agrees(student, ints, agreement);
    expect(notes[0]).toEqual({ function: 'f', upstream: 'u', wrongAt: 'u(0) returned 0, expected 1' });
  });

  it("fails a wrong f on top of a wrong u, with the reference's value", async () => {
    beginCheck('carried.wrong-on-wrong');
    const u: Fn = (x) => x;
    const { student, notes } = studentOf({ u, f: (x) => 3 * u(x) + 2 });
    const failure = await agrees(student, ints, agreement).catch((e: unknown) => e);
    expect(readFailure(failure)?.message).toMatch(/^f\(-?\d+\) returned -?\d+, expected -?\d+$/);
    expect(notes).toEqual([]);
  });

  it('fails a wrong f on top of a right u: there is nothing to carry', async () => {
    beginCheck('carried.wrong-on-right');
    const { student } = studentOf({ u: refU, f: (x) => 2 * x });
    await expect(agrees(student, ints, agreement)).rejects.toBeInstanceOf(GradingFailure);
  });

  it('accepts a throw exactly where u throws the same error, judging f on the other values', async () => {
    beginCheck('carried.throws-where-u-throws');
    const u: Fn = (x) => {
      if (x < 0) throw new TypeError('u cannot take negatives');
      return refU(x);
    };
    const { student, notes } = studentOf({ u, f: (x) => 2 * u(x) });
    await agrees(student, ints, agreement);
    expect(notes[0]).toEqual({ function: 'f', upstream: 'u', wrongAt: 'u(-1) threw TypeError: u cannot take negatives' });
    // a throw of its own where u returns is f's mistake
    const { student: own } = studentOf({
      u,
      f: (x) => {
        if (x > 10) throw new TypeError('u cannot take negatives');
        return 2 * u(x);
      },
    });
    await expect(agrees(own, ints, agreement)).rejects.toBeInstanceOf(GradingFailure);
  });

  it('fails when every value threw what u throws: f itself was never seen working', async () => {
    beginCheck('carried.only-throws');
    const u: Fn = () => {
      throw new RangeError('no');
    };
    const { student } = studentOf({ u, f: (x) => 2 * u(x) });
    const failure = await agrees(student, ints, agreement).catch((e: unknown) => e);
    expect(readFailure(failure)?.message).toMatch(/^every call of f threw the error your u throws, so f itself could not be judged: fix u first/);
  });
});

describe('judgeCarrying and acceptsCarriedThrow', () => {
  const judge = (answer: number, expected: number) => () => expectClose('f(1)', answer, expected);

  it('rethrows the original failure when the carried value differs, or the failure is not a wrong value', async () => {
    const { student, notes } = studentOf({ u: refU, f: refF });
    const carried = async (): Promise<Carried> => ({ expected: 5, upstream: 'u', wrongAt: 'u(1) returned 1.5, expected 2' });
    await judgeCarrying(student, 'f', 5, judge(5, 4), carried);
    expect(notes).toHaveLength(1);
    await expect(judgeCarrying(student, 'f', 6, judge(6, 4), carried)).rejects.toThrow('f(1) returned 6, expected 4');
    const errored = () => {
      throw new GradingFailure('f(1) hung', { status: 'timed-out' });
    };
    await expect(judgeCarrying(student, 'f', 5, errored, carried)).rejects.toThrow('f(1) hung');
    expect(notes).toHaveLength(1);
  });

  it('accepts a throw only with the same name and message as the upstream one', async () => {
    const { student } = studentOf({ u: refU, f: refF });
    const threw = async (): Promise<Carried> => {
      throw new UpstreamThrew('u', 'u(1)', { name: 'TypeError', message: 'x' });
    };
    expect(await acceptsCarriedThrow(student, 'f', { name: 'TypeError', message: 'x' }, threw)).toBe(true);
    expect(await acceptsCarriedThrow(student, 'f', { name: 'TypeError', message: 'y' }, threw)).toBe(false);
    expect(await acceptsCarriedThrow(student, 'f', { name: 'RangeError', message: 'x' }, threw)).toBe(false);
    const returned = async (): Promise<Carried> => ({ expected: 1, upstream: 'u', wrongAt: 'u(1) returned 0, expected 2' });
    expect(await acceptsCarriedThrow(student, 'f', { name: 'TypeError', message: 'x' }, returned)).toBe(false);
  });
});
