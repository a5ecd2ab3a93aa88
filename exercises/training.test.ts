// Visible tests for lesson 7 (exercises/README.md#7-training-and-revival).
// Run them with `npm run check`. Each test name says what it expects.
import { describe, expect, test } from 'vitest';
import { reviveDeadNeurons, sgdStep, train } from './training.ts';
import type { Gradients, Network, Rng, Vector } from './types.ts';

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

/** A small deterministic source of numbers in [0, 1) (a linear congruential generator). */
function lcg(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * z1 = (2x - 1, 1 - x). On X = [1], [2] unit 1 has z1 = 0 and -1: it is dead.
 * Loss 1.625; gradients dW1 = [[2.25], [0]], db1 = [1, 0], dW2 = [[3.5, 0]], db2 = [1].
 */
const small: Network = {
  W1: [[2], [-1]],
  b1: [-1, 1],
  W2: [[1, 3]],
  b2: [0.5],
};
const X: Vector[] = [[1], [2]];
const Y: Vector[] = [[2], [1]];
const grads: Gradients = { dW1: [[2.25], [0]], db1: [1, 0], dW2: [[3.5, 0]], db2: [1] };

/** `small` after one step of size 0.1 against `grads`. */
const stepped: Network = {
  W1: [[1.775], [-1]],
  b1: [-1.1, 1],
  W2: [[0.65, 3]],
  b2: [0.4],
};

/**
 * Copies of the values above, taken before any test runs: a function that
 * writes into what it is given cannot change what it is compared with.
 */
const original = structuredClone({ small, grads });

describe('sgdStep', () => {
  test('moves every parameter against its gradient: p - lr * dp', () => {
    expect(sgdStep(small, grads, 0.1)).toEqual(approx(stepped));
  });

  test("returns a new network and keeps the network's activation", () => {
    const leaky: Network = { ...small, activation: { kind: 'leakyRelu', alpha: 0.1 } };
    const next = sgdStep(leaky, grads, 0.1);
    expect(next).not.toBe(leaky);
    expect(next.activation).toEqual({ kind: 'leakyRelu', alpha: 0.1 });
  });

  test('leaves the network and the gradients as they were (compared value by value after the call; the step is judged above)', () => {
    const { small: net, grads: g } = structuredClone(original);
    sgdStep(net, g, 0.1);
    expect(net, 'sgdStep changed the network it was given').toEqual(original.small);
    expect(g, 'sgdStep changed the gradients it was given').toEqual(original.grads);
  });
});

describe('train', () => {
  test("records one loss per epoch, each BEFORE that epoch's step: losses[0] is the untrained loss 1.625", () => {
    const { net, losses } = train(small, X, Y, { epochs: 1, lr: 0.1 });
    expect(losses).toEqual(approx([1.625]));
    expect(net).toEqual(approx(stepped));
  });

  test('lowers the loss when fitting a straight line y = 2x + 1', () => {
    const start: Network = { W1: [[0.5], [-0.5]], b1: [0.25, 0.25], W2: [[0.5, -0.5]], b2: [0] };
    const xs: Vector[] = [[-1], [-0.5], [0], [0.5], [1]];
    const ys: Vector[] = xs.map(([x]) => [2 * x + 1]);
    const { losses } = train(start, xs, ys, { epochs: 200, lr: 0.1 });
    expect(losses).toHaveLength(200);
    expect(losses[199]).toBeLessThan(losses[0] / 10);
  });

  test("never moves a dead ReLU unit's incoming weights and bias: its gradients are exactly 0", () => {
    const { net } = train(small, X, Y, { epochs: 25, lr: 0.05 });
    expect(net.W1[1]).toEqual(small.W1[1]);
    expect(net.b1[1]).toBe(small.b1[1]);
    expect(net.W1[0]).not.toEqual(small.W1[0]);
  });

  test('does move the same unit with Leaky ReLU: slope alpha lets gradient through', () => {
    const leaky: Network = { ...small, activation: { kind: 'leakyRelu', alpha: 0.1 } };
    const { net } = train(leaky, X, Y, { epochs: 25, lr: 0.05 });
    expect(net.b1[1]).not.toBe(leaky.b1[1]);
  });
});

describe('reviveDeadNeurons', () => {
  test('redraws a dead unit until it is on (z1 > 0) for at least one sample', () => {
    const revived = reviveDeadNeurons(small, X, lcg(7));
    const z1 = X.map(([x]) => revived.W1[1][0] * x + revived.b1[1]);
    expect(z1.some((z) => z > 0)).toBe(true);
  });

  test('leaves live units, the output layer and the activation exactly as they were', () => {
    const revived = reviveDeadNeurons(small, X, lcg(11));
    expect(revived.W1[0]).toEqual(small.W1[0]);
    expect(revived.b1[0]).toBe(small.b1[0]);
    expect(revived.W2).toEqual(small.W2);
    expect(revived.b2).toEqual(small.b2);
    expect(revived.activation).toBe(small.activation);
  });

  test('changes nothing when no unit is dead', () => {
    const alive: Vector[] = [[1], [2], [-2]];
    expect(reviveDeadNeurons(small, alive, lcg(3))).toEqual(small);
  });

  test('leaves the network it was given as it was (compared value by value after the call)', () => {
    const net = structuredClone(original.small);
    reviveDeadNeurons(net, X, lcg(5));
    expect(net, 'reviveDeadNeurons changed the network it was given').toEqual(original.small);
  });
});
