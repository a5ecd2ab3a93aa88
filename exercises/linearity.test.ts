// Visible tests for lesson 5 (exercises/README.md#5-where-the-nonlinearity-lives).
// Run them with `npm run check`. Each test name says what it expects.
import { describe, expect, test } from 'vitest';
import { isLinearOn, kinks } from './linearity.ts';
import type { Network } from './types.ts';

/** Numbers are compared to this many decimal places, so -0 counts as 0. */
const DIGITS = 9;

/** `expected` with every number replaced by "close to it", for toEqual. */
function approx(expected: number[]): unknown {
  return expected.map((x) => expect.closeTo(x, DIGITS));
}

/** The discussion's exactly linear example: units switch at x = 10, -10, -10. */
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

/** Builds a one-input ReLU network from per-unit weights, biases and output weights. */
function oneInput(w: number[], b: number[], out: number[]): Network {
  return { W1: w.map((v) => [v]), b1: b, W2: [out], b2: [0] };
}

describe('kinks', () => {
  test('are the points x = -b1[j] / W1[j][0] where a unit switches, here -1 and 1', () => {
    expect(kinks(bent, [-4, 4])).toEqual(approx([-1, 1]));
  });

  test('lie in the OPEN interval: a switch exactly at lo or hi does not count', () => {
    expect(kinks(bent, [-1, 1])).toEqual([]);
    expect(kinks(bent, [-1, 4])).toEqual(approx([1]));
  });

  test('are sorted, and two units switching at the same x give that x once', () => {
    const net = oneInput([1, 2, -1], [-2, 6, 2], [1, 1, 1]); // switches at 2, -3, 2
    expect(kinks(net, [-4, 4])).toEqual(approx([-3, 2]));
  });

  test('skip a unit with input weight 0 (its z1 is constant, it never switches)', () => {
    const net = oneInput([0, 1], [1, -2], [1, 1]);
    expect(kinks(net, [-4, 4])).toEqual(approx([2]));
  });

  test('skip a unit whose outgoing weights are all 0 (it switches, but the output does not see it)', () => {
    const net = oneInput([1, 1], [1, -2], [0, 1]);
    expect(kinks(net, [-4, 4])).toEqual(approx([2]));
    const unseen: Network = { W1: [[1]], b1: [1], W2: [[0], [0]], b2: [1, 2] };
    expect(kinks(unseen, [-4, 4])).toEqual([]);
    expect(isLinearOn(unseen, [-4, 4])).toBe(true);
  });

  test('leave out a point where bends cancel: relu(x) - relu(-x) = x is a straight line', () => {
    const cancelling = oneInput([1, -1], [0, 0], [1, -1]); // both switch at 0, bends 1 * |1| and -1 * |-1|
    expect(kinks(cancelling, [-4, 4])).toEqual([]);
    expect(isLinearOn(cancelling, [-4, 4])).toBe(true);
  });

  test('add up the bends of units switching at the same x: relu(x) + relu(-x) = |x| bends at 0', () => {
    const vee = oneInput([1, -1], [0, 0], [1, 1]);
    expect(kinks(vee, [-4, 4])).toEqual(approx([0]));
    expect(isLinearOn(vee, [-4, 4])).toBe(false);
    // 2 relu(x - 1) - relu(2x - 2) switches twice at x = 1, bends 2 * 1 - 1 * 2 = 0
    expect(kinks(oneInput([1, 2], [-1, -2], [2, -1]), [-4, 4])).toEqual([]);
  });

  test('do not exist for Leaky ReLU with alpha = 1 (both sides have slope 1), but do for alpha = 0.5', () => {
    expect(kinks({ ...bent, activation: { kind: 'leakyRelu', alpha: 0.5 } }, [-4, 4])).toEqual(approx([-1, 1]));
    expect(kinks({ ...bent, activation: { kind: 'leakyRelu', alpha: 1 } }, [-4, 4])).toEqual([]);
    expect(isLinearOn({ ...bent, activation: { kind: 'leakyRelu', alpha: 1 } }, [-4, 4])).toBe(true);
  });

  test('throw a RangeError for a network with more than one input, and not for one with one input', () => {
    expect(() => kinks(bent, [0, 4])).not.toThrow();
    const twoInputs: Network = { W1: [[1, 1]], b1: [0], W2: [[1]], b2: [0] };
    expect(() => kinks(twoInputs, [-4, 4])).toThrow(RangeError);
  });
});

describe('isLinearOn', () => {
  test("is true for the discussion's linear example on [-4, 4]: no unit switches there", () => {
    expect(isLinearOn(discussionLinear, [-4, 4])).toBe(true);
    expect(kinks(discussionLinear, [-4, 4])).toEqual([]);
  });

  test('is false for the same network on [-12, 12]: units switch at -10 and 10 inside it', () => {
    expect(isLinearOn(discussionLinear, [-12, 12])).toBe(false);
    expect(kinks(discussionLinear, [-12, 12])).toEqual(approx([-10, 10]));
  });

  test('is false for the nonlinear example on [-4, 4], whose kinks -1 and 1 lie inside', () => {
    expect(isLinearOn(bent, [-4, 4])).toBe(false);
    for (const x of kinks(bent, [-4, 4])) {
      expect(x).toBeGreaterThan(-4);
      expect(x).toBeLessThan(4);
    }
  });

  test('is true between two kinks: on [-1, 1] the nonlinear example is the straight line 2 - x', () => {
    expect(isLinearOn(bent, [-1, 1])).toBe(true);
    expect(isLinearOn(bent, [1.5, 4])).toBe(true);
  });
});
