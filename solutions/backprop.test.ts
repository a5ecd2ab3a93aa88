// Properties of the reference's loss and gradients (solutions/backprop.ts).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Gradients, Network, Vector } from '../exercises/types.ts';
import { backward, mseLoss, numericalGradient, relativeError } from './backprop.ts';
import { forward } from './forward.ts';
import { activation, matrixOf, quarter, SEED, vectorOf } from './testing/arbitraries.ts';

const RUNS = 200;
/** backward and central differences agree to this relative error away from kinks. */
const GRADIENT_AGREEMENT = 1e-7;
/**
 * Entries smaller than this (but not exactly 0) are left out of the check:
 * central differences carry an absolute rounding error of about 1e-11 * L,
 * which relativeError's floor of 1e-8 would blow up on a vanishing entry.
 */
const SMALLEST_CHECKED_ENTRY = 1e-2;
/** How far the hidden biases are shifted off the grid of W1 x (multiples of 1/16). */
const KINK_MARGIN = 1 / 32;
/** Tolerance for mseLoss against a loss written out by hand. */
const LOSS_TOLERANCE = 1e-12;

/** A network and data; with `awayFromKinks` every |z1| >= KINK_MARGIN on every sample. */
function problem(awayFromKinks: boolean) {
  const bias = awayFromKinks ? quarter().map((b) => b + KINK_MARGIN) : quarter();
  return fc
    .record({
      inputs: fc.integer({ min: 1, max: 3 }),
      hidden: fc.integer({ min: 1, max: 4 }),
      outputs: fc.integer({ min: 1, max: 2 }),
      samples: fc.integer({ min: 1, max: 4 }),
    })
    .chain((d) =>
      fc.record({
        W1: matrixOf(d.hidden, d.inputs),
        b1: vectorOf(d.hidden, bias),
        W2: matrixOf(d.outputs, d.hidden),
        b2: vectorOf(d.outputs),
        activation,
        X: matrixOf(d.samples, d.inputs),
        Y: matrixOf(d.samples, d.outputs),
      }),
    )
    .map(({ activation: act, X, Y, ...params }) => ({ net: { ...params, ...(act ? { activation: act } : {}) } as Network, X, Y }));
}

type Key = keyof Gradients;
const KEYS: Key[] = ['dW1', 'db1', 'dW2', 'db2'];
const PARAM: Record<Key, 'W1' | 'b1' | 'W2' | 'b2'> = { dW1: 'W1', db1: 'b1', dW2: 'W2', db2: 'b2' };

/** The network with one entry (entry `i` of the flattened parameter) moved by `delta`. */
function nudged(net: Network, key: Key, i: number, delta: number): Network {
  const copy = structuredClone(net);
  const param = copy[PARAM[key]];
  if (Array.isArray(param[0])) {
    const cols = (param[0] as number[]).length;
    (param as number[][])[Math.floor(i / cols)][i % cols] += delta;
  } else {
    (param as number[])[i] += delta;
  }
  return copy;
}

/**
 * True when every gradient entry is either comfortably large or an exact zero
 * of a parameter the loss does not depend on at all (nudging it by 1/128
 * either way leaves the loss bit-for-bit the same: a dead unit, a zero input).
 * Cases where live contributions cancel to (almost) nothing are skipped.
 */
function noVanishingLiveEntry(net: Network, X: Vector[], Y: Vector[], grads: Gradients): boolean {
  const loss = mseLoss(net, X, Y);
  return KEYS.every((key) =>
    (grads[key].flat() as number[]).every((g, i) => {
      if (Math.abs(g) >= SMALLEST_CHECKED_ENTRY) return true;
      if (g !== 0) return false;
      return [1 / 128, -1 / 128].every((delta) => mseLoss(nudged(net, key, i, delta), X, Y) === loss);
    }),
  );
}

describe('mseLoss', () => {
  test('is 1/(2N) times the sum of squared errors over samples and outputs', () => {
    fc.assert(
      fc.property(problem(false), ({ net, X, Y }) => {
        const squares = X.flatMap((x, n) => forward(net, x).yHat.map((y, k) => (y - Y[n][k]) ** 2));
        const expected = squares.reduce((a, b) => a + b, 0) / (2 * X.length);
        expect(Math.abs(mseLoss(net, X, Y) - expected)).toBeLessThanOrEqual(LOSS_TOLERANCE * (1 + expected));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe('backward', () => {
  test(`agrees with numericalGradient away from kinks (relative error < ${GRADIENT_AGREEMENT})`, () => {
    let checked = 0;
    fc.assert(
      fc.property(problem(true), ({ net, X, Y }) => {
        const grads = backward(net, X, Y);
        fc.pre(noVanishingLiveEntry(net, X, Y, grads));
        checked++;
        expect(relativeError(grads, numericalGradient(net, X, Y))).toBeLessThan(GRADIENT_AGREEMENT);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(checked).toBe(RUNS);
  });

  test('returns gradients with exactly the shapes of the parameters', () => {
    fc.assert(
      fc.property(problem(false), ({ net, X, Y }) => {
        const grads = backward(net, X, Y);
        expect(grads.dW1.map((row) => row.length)).toEqual(net.W1.map((row) => row.length));
        expect(grads.db1).toHaveLength(net.b1.length);
        expect(grads.dW2.map((row) => row.length)).toEqual(net.W2.map((row) => row.length));
        expect(grads.db2).toHaveLength(net.b2.length);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test('is exactly zero everywhere when the network fits the data exactly', () => {
    fc.assert(
      fc.property(problem(false), ({ net, X }) => {
        const fitted = X.map((x) => forward(net, x).yHat);
        const grads = backward(net, X, fitted);
        for (const key of KEYS) expect((grads[key].flat() as number[]).every((g) => g === 0)).toBe(true);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe('relativeError', () => {
  test('is 0 for a gradient and its copy, symmetric, and at most 1', () => {
    fc.assert(
      fc.property(problem(false), ({ net, X, Y }) => {
        const a = backward(net, X, Y);
        expect(relativeError(a, structuredClone(a))).toBe(0);
        const b = backward(
          net,
          X,
          Y.map((y) => y.map((v) => v + 1)),
        );
        const ab = relativeError(a, b);
        expect(ab).toBe(relativeError(b, a));
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab).toBeLessThanOrEqual(1);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test('uses the floor 1e-8: 0 against 1e-9 is 0.1, not 1', () => {
    const zero: Gradients = { dW1: [[0]], db1: [0], dW2: [[0]], db2: [0] };
    const tiny: Gradients = { dW1: [[0]], db1: [0], dW2: [[0]], db2: [1e-9] };
    expect(relativeError(zero, tiny)).toBeCloseTo(0.1, 12);
  });
});
