// Visible tests for lesson 3 (exercises/README.md#3-backpropagation).
// Run them with `npm run check`. Each test name says what it expects.
import { describe, expect, test } from 'vitest';
import { backward, mseLoss, numericalGradient, relativeError } from './backprop.ts';
import type { Gradients, Network, Vector } from './types.ts';

/** Numbers are compared to this many decimal places, so -0 counts as 0. */
const DIGITS = 9;
/** Central differences are good to about 6 digits on these small numbers. */
const NUMERICAL_DIGITS = 6;
/** Below this relative error, two gradients agree (the grader uses the same bound). */
const GRADIENT_CHECK = 1e-6;

/** `expected` with every number replaced by "close to it", for toEqual. */
function approx(expected: unknown, digits = DIGITS): unknown {
  if (typeof expected === 'number') return expect.closeTo(expected, digits);
  if (Array.isArray(expected)) return expected.map((value) => approx(value, digits));
  if (expected !== null && typeof expected === 'object') {
    return Object.fromEntries(Object.entries(expected).map(([key, value]) => [key, approx(value, digits)]));
  }
  return expected;
}

/**
 * Two samples worked by hand:
 * - x = 1: z1 = (1, 0), a1 = (1, 0), yHat = 1.5, error -0.5
 * - x = 2: z1 = (3, -1), a1 = (3, 0), yHat = 3.5, error 2.5
 * Unit 1 never has z1 > 0 (it sits exactly at 0 for x = 1): it gets no gradient.
 */
const small: Network = {
  W1: [[2], [-1]],
  b1: [-1, 1],
  W2: [[1, 3]],
  b2: [0.5],
};
const X: Vector[] = [[1], [2]];
const Y: Vector[] = [[2], [1]];

/** The gradients of `small` on X, Y, by hand (dyHat = (-0.25, 1.25)). */
const expected: Gradients = {
  dW1: [[2.25], [0]],
  db1: [1, 0],
  dW2: [[3.5, 0]],
  db2: [1],
};

/** One-input data on which no pre-activation of `small` is 0 (kinks at x = 0.5 and x = 1). */
const offKinkX: Vector[] = [[0], [0.75], [3], [-2]];
const offKinkY: Vector[] = [[1], [0], [2], [-1]];

/** Two inputs, three hidden units, two outputs; no pre-activation is near 0 on `wideX`. */
const wide: Network = {
  W1: [
    [1, -0.5],
    [-0.75, 0.25],
    [0.5, 0.5],
  ],
  b1: [0.25, 0.5, -0.25],
  W2: [
    [1, -1, 0.5],
    [0.25, 2, -0.5],
  ],
  b2: [0.1, -0.2],
};
const wideX: Vector[] = [
  [1, 2],
  [-1, 0.5],
  [2, -1],
];
const wideY: Vector[] = [
  [0.5, -1],
  [1, 1],
  [-2, 0.5],
];

/**
 * Copies of the values above, taken before any test runs: a function that
 * writes into what it is given cannot change what it is compared with.
 */
const original = structuredClone({ small, X, Y, wide });

describe('mseLoss', () => {
  test('is 1/(2N) times the sum of squared errors: (0.25 + 6.25) / (2 * 2) = 1.625', () => {
    expect(mseLoss(small, X, Y)).toBeCloseTo(1.625, DIGITS);
  });

  test('is 0 when the network predicts every target exactly', () => {
    expect(mseLoss(small, X, [[1.5], [3.5]])).toBeCloseTo(0, DIGITS);
  });

  test('throws a RangeError on an empty data set, or when X and Y differ in length, and not on a fitting one', () => {
    expect(() => mseLoss(small, [[1]], [[1.5]])).not.toThrow();
    expect(() => mseLoss(small, [], [])).toThrow(RangeError);
    expect(() => mseLoss(small, X, [[2]])).toThrow(RangeError);
  });
});

describe('backward', () => {
  test('returns the hand-computed gradients of the mean loss, with the shapes of the parameters', () => {
    expect(backward(small, X, Y)).toEqual(approx(expected));
  });

  test('passes no gradient through a unit at exactly z1 = 0 (reluGrad(0) = 0): unit 1 gets a zero row and bias', () => {
    const grads = backward(small, X, Y);
    expect(grads.dW1[1]).toEqual(approx([0]));
    expect(grads.db1[1]).toBeCloseTo(0, DIGITS);
  });

  test('uses the Leaky slope alpha on a Leaky network (also at z1 = 0), so unit 1 does get a gradient', () => {
    // alpha = 0.1: x = 2 now gives a1 = (3, -0.1), yHat = 3.2, and dyHat = (-0.25, 1.1).
    const leaky: Network = { ...small, activation: { kind: 'leakyRelu', alpha: 0.1 } };
    expect(backward(leaky, X, Y)).toEqual(approx({ dW1: [[1.95], [0.585]], db1: [0.85, 0.255], dW2: [[3.05, -0.11]], db2: [0.85] }));
  });

  test('uses the Leaky slope on data away from the kinks too: backward agrees with numericalGradient', () => {
    const leaky: Network = { ...small, activation: { kind: 'leakyRelu', alpha: 0.1 } };
    const grads = backward(leaky, offKinkX, offKinkY);
    expect(relativeError(grads, numericalGradient(leaky, offKinkX, offKinkY))).toBeLessThan(GRADIENT_CHECK);
  });

  test('agrees with numericalGradient on a network whose pre-activations are all away from 0', () => {
    const grads = backward(wide, wideX, wideY);
    expect(relativeError(grads, numericalGradient(wide, wideX, wideY))).toBeLessThan(GRADIENT_CHECK);
  });

  test('leaves the network and the data as they were (compared value by value after the call; the gradients are judged above)', () => {
    const { small: net, X: x, Y: y } = structuredClone(original);
    backward(net, x, y);
    expect(net, 'backward changed the network it was given').toEqual(original.small);
    expect(x, 'backward changed X').toEqual(original.X);
    expect(y, 'backward changed Y').toEqual(original.Y);
  });
});

describe('numericalGradient', () => {
  test('matches the exact gradient where no nudge crosses a kink (here: the output layer)', () => {
    const grads = numericalGradient(small, X, Y);
    expect(grads.dW2).toEqual(approx(expected.dW2, NUMERICAL_DIGITS));
    expect(grads.db2).toEqual(approx(expected.db2, NUMERICAL_DIGITS));
    expect(grads.dW1[0]).toEqual(approx(expected.dW1[0], NUMERICAL_DIGITS));
  });

  test("right at a kink averages the two sides: unit 1 (z1 = 0 for x = 1) gets -0.375, not backward's 0", () => {
    const grads = numericalGradient(small, X, Y);
    // Nudging b1[1] up switches unit 1 on (slope -0.75), nudging it down changes nothing (slope 0).
    // One-sided, the loss also curves (by 1.125 eps here), so only 4 digits agree.
    expect(grads.db1[1]).toBeCloseTo(-0.375, 4);
  });

  test('leaves the network as it was: nudge a copy, or restore every value exactly (compared value by value after the call)', () => {
    const net = structuredClone(original.wide);
    numericalGradient(net, wideX, wideY, 1e-4);
    expect(net, 'numericalGradient left a parameter of the network changed').toEqual(original.wide);
  });
});

describe('relativeError', () => {
  test('is 0 for two equal gradients, including all-zero ones (the floor 1e-8 avoids 0 / 0)', () => {
    expect(relativeError(expected, structuredClone(expected))).toBeCloseTo(0, DIGITS);
    const zeros: Gradients = { dW1: [[0], [0]], db1: [0, 0], dW2: [[0, 0]], db2: [0] };
    expect(relativeError(zeros, structuredClone(zeros))).toBeCloseTo(0, DIGITS);
  });

  test('is the largest |a - b| / max(1e-8, |a| + |b|) over all entries: |1 - 3| / 4 = 0.5', () => {
    const other: Gradients = { ...structuredClone(expected), db2: [3] };
    expect(relativeError(expected, other)).toBeCloseTo(0.5, DIGITS);
  });

  test('throws a RangeError when the two gradients have different shapes, and not when they have the same', () => {
    expect(() => relativeError(expected, structuredClone(expected))).not.toThrow();
    const bigger: Gradients = {
      ...structuredClone(expected),
      dW1: [
        [2.25, 0],
        [0, 0],
      ],
    };
    expect(() => relativeError(expected, bigger)).toThrow(RangeError);
  });
});
