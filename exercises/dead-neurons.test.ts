// Visible tests for lesson 4 (exercises/README.md#4-dead-neurons).
// Run them with `npm run check`. Each test name says what it expects.
import { describe, expect, test } from 'vitest';
import { backward } from './backprop.ts';
import { activationPattern, alwaysActiveNeurons, deadNeurons } from './dead-neurons.ts';
import { forward } from './forward.ts';
import type { Network, Vector } from './types.ts';

/**
 * Two hidden units. z1 = (2x - 1, 1 - x):
 * - x = 1: z1 = (1, 0)   unit 1 sits exactly at 0, which counts as off
 * - x = 2: z1 = (3, -1)
 * - x = -2: z1 = (-5, 3)
 */
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

/** x from -4 to 4 in steps of 1/4, as samples. */
const domain: Vector[] = Array.from({ length: 33 }, (_, i) => [-4 + i / 4]);

describe('activationPattern', () => {
  test('is an N x hidden table, true exactly where z1 > 0 (z1 = 0 is off)', () => {
    expect(activationPattern(small, [[1], [2], [-2]])).toEqual([
      [true, false],
      [true, false],
      [false, true],
    ]);
  });

  test('throws a RangeError on an empty data set, and not on one sample', () => {
    expect(() => activationPattern(small, [[2]])).not.toThrow();
    expect(() => activationPattern(small, [])).toThrow(RangeError);
  });
});

describe('deadNeurons', () => {
  test('lists a unit whose z1 is <= 0 on EVERY sample (here 0 and -1): it is dead on this data', () => {
    expect(deadNeurons(small, [[1], [2]])).toEqual([1]);
  });

  test('does not list a unit that is on for a single sample: outputting zero sometimes is not death', () => {
    expect(deadNeurons(small, [[1], [2], [-2]])).toEqual([]);
  });

  test('returns sorted indices', () => {
    const allOff: Network = { W1: [[1], [1], [1]], b1: [-10, 10, -10], W2: [[1, 1, 1]], b2: [0] };
    expect(deadNeurons(allOff, [[-1], [1]])).toEqual([0, 2]);
  });

  test('is empty for Leaky ReLU (alpha != 0): its slope is never 0, so its units cannot die', () => {
    const leaky: Network = { ...small, activation: { kind: 'leakyRelu', alpha: 0.1 } };
    expect(deadNeurons(leaky, [[1], [2]])).toEqual([]);
  });

  test('lists the units of a Leaky ReLU with alpha = 0 like plain ReLU', () => {
    const flat: Network = { ...small, activation: { kind: 'leakyRelu', alpha: 0 } };
    expect(deadNeurons(flat, [[1], [2]])).toEqual([1]);
  });

  test('a dead unit really gets exactly zero gradients: its dW1 row and db1 entry are 0', () => {
    const X: Vector[] = [[1], [2]];
    const Y: Vector[] = [[2], [1]];
    const dead = deadNeurons(small, X);
    expect(dead).toEqual([1]);
    const grads = backward(small, X, Y);
    for (const j of dead) {
      expect(grads.dW1[j].every((g) => g === 0)).toBe(true);
      expect(grads.db1[j] === 0).toBe(true);
    }
  });

  test('throws a RangeError on an empty data set ("dead on every sample" means nothing without samples), and not on one sample', () => {
    expect(() => deadNeurons(small, [[2]])).not.toThrow();
    expect(() => deadNeurons(small, [])).toThrow(RangeError);
  });
});

describe('alwaysActiveNeurons', () => {
  test('lists the units with z1 > 0 on every sample', () => {
    expect(alwaysActiveNeurons(small, [[1], [2]])).toEqual([0]);
    expect(alwaysActiveNeurons(small, [[1], [2], [-2]])).toEqual([]);
  });

  test('throws a RangeError on an empty data set, and not on one sample', () => {
    expect(() => alwaysActiveNeurons(small, [[2]])).not.toThrow();
    expect(() => alwaysActiveNeurons(small, [])).toThrow(RangeError);
  });
});

describe("the discussion's linear example on [-4, 4]", () => {
  test('unit 0 (z1 = x - 10) is dead and units 1 and 2 (z1 = x + 10) are always active', () => {
    expect(deadNeurons(discussionLinear, domain)).toEqual([0]);
    expect(alwaysActiveNeurons(discussionLinear, domain)).toEqual([1, 2]);
    for (const [x] of domain) expect(forward(discussionLinear, [x]).z1[0]).toBeLessThan(0);
  });

  test('on [-12, 12] the same units switch inside the data: none is dead or always active any more', () => {
    const wider: Vector[] = Array.from({ length: 25 }, (_, i) => [-12 + i]);
    expect(deadNeurons(discussionLinear, wider)).toEqual([]);
    expect(alwaysActiveNeurons(discussionLinear, wider)).toEqual([]);
  });
});
