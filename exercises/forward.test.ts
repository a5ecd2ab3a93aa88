// Visible tests for lesson 2 (exercises/README.md#2-the-forward-pass).
// Run them with `npm run check`. Each test name says what it expects.
import { describe, expect, test } from 'vitest';
import { dense, forward, predict } from './forward.ts';
import type { Network } from './types.ts';

/** Numbers are compared to this many decimal places, so -0 counts as 0. */
const DIGITS = 9;

/** `expected` with every number replaced by "close to it", for toEqual. */
function approx(expected: unknown): unknown {
  if (typeof expected === 'number') return expect.closeTo(expected, DIGITS);
  if (Array.isArray(expected)) return expected.map(approx);
  if (expected !== null && typeof expected === 'object') {
    return Object.fromEntries(Object.entries(expected).map(([key, value]) => [key, approx(value)]));
  }
  return expected;
}

/** Two hidden units, one input, one output. At x = 2: z1 = (3, -1), unit 1 is off. */
const small: Network = {
  W1: [[2], [-1]],
  b1: [-1, 1],
  W2: [[1, 3]],
  b2: [0.5],
};

/** The discussion's exactly linear example: weights 1, biases -10, 10, 10. */
const discussionLinear: Network = {
  W1: [[1], [1], [1]],
  b1: [-10, 10, 10],
  W2: [[1, 1, 1]],
  b2: [0],
};

/** A nonlinear network: f(x) = relu(x + 1) + 2 relu(1 - x) - 1, switching at x = -1 and x = 1. */
const bent: Network = {
  W1: [[1], [-1]],
  b1: [1, 1],
  W2: [[1, 2]],
  b2: [-1],
};

/** x from -4 to 4 in steps of 1/4. */
const domain = Array.from({ length: 33 }, (_, i) => -4 + i / 4);

/**
 * Copies of the values above, taken before any test runs: a function that
 * writes into what it is given cannot change what it is compared with.
 */
const original = structuredClone({ small });

describe('dense', () => {
  test('computes W x + b, where row j of W holds the weights into output j', () => {
    const W = [
      [1, 2],
      [3, 4],
      [5, 6],
    ];
    expect(dense(W, [1, 0, -1], [1, -1])).toEqual(approx([0, -1, -2]));
  });

  test('throws a RangeError when x does not fit the rows of W, and not when it fits', () => {
    const W = [
      [1, 2],
      [3, 4],
      [5, 6],
    ];
    expect(() => dense(W, [0, 0, 0], [1, 1])).not.toThrow();
    expect(() => dense(W, [0, 0, 0], [1, 2, 3])).toThrow(RangeError);
  });

  test('throws a RangeError when b does not have one entry per row of W, and not when it has', () => {
    const W = [
      [1, 2],
      [3, 4],
      [5, 6],
    ];
    expect(() => dense(W, [0, 0, 0], [1, 2])).not.toThrow();
    expect(() => dense(W, [0, 0], [1, 2])).toThrow(RangeError);
  });
});

describe('forward', () => {
  test('returns z1 = W1 x + b1, a1 = relu(z1) and yHat = W2 a1 + b2 (a unit with z1 < 0 contributes 0)', () => {
    expect(forward(small, [2])).toEqual(approx({ z1: [3, -1], a1: [3, 0], yHat: [3.5] }));
  });

  test('uses ReLU when the network has no activation, and Leaky ReLU with its alpha when it says so', () => {
    expect(forward({ ...small, activation: { kind: 'relu' } }, [2])).toEqual(approx({ z1: [3, -1], a1: [3, 0], yHat: [3.5] }));
    const leaky: Network = { ...small, activation: { kind: 'leakyRelu', alpha: 0.1 } };
    expect(forward(leaky, [2])).toEqual(approx({ z1: [3, -1], a1: [3, -0.1], yHat: [3.2] }));
  });

  test('leaves the network and the input as they were (compared value by value after the call; the value it returns is judged above)', () => {
    const net = structuredClone(original.small);
    const x = [2];
    forward(net, x);
    expect(net, 'forward changed the network it was given').toEqual(original.small);
    expect(x, 'forward changed the input it was given').toEqual([2]);
  });

  test('throws a RangeError when the input length does not fit W1, and not when it fits', () => {
    expect(() => forward(small, [1])).not.toThrow();
    expect(() => forward(small, [1, 2])).toThrow(RangeError);
  });
});

describe('predict', () => {
  test('returns forward(net, x).yHat', () => {
    expect(predict(small, [2])).toEqual(approx([3.5]));
    expect(predict(small, [-3])).toEqual(approx(forward(small, [-3]).yHat));
  });
});

describe('the discussion, through forward', () => {
  test('linear example: on [-4, 4] unit 0 outputs 0 and the network outputs exactly 2x + 20', () => {
    for (const x of domain) {
      const { a1, yHat } = forward(discussionLinear, [x]);
      expect(a1).toEqual(approx([0, x + 10, x + 10]));
      expect(yHat).toEqual(approx([2 * x + 20]));
    }
  });

  test('nonlinear example: sampled at x = -4, -1, 0, 1, 4 the five outputs are not on one line', () => {
    const xs = [-4, -1, 0, 1, 4];
    const ys = xs.map((x) => predict(bent, [x])[0]);
    expect(ys).toEqual(approx([9, 3, 2, 1, 4]));
    // The line through the two end points, (-4, 9) and (4, 4), misses the middle points.
    const slope = (ys[4] - ys[0]) / (xs[4] - xs[0]);
    const offLine = xs.map((x, i) => Math.abs(ys[i] - (ys[0] + slope * (x - xs[0]))));
    expect(Math.max(...offLine)).toBeGreaterThan(1);
  });
});
