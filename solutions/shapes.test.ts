// The reference's guards: shapes that do not fit throw a RangeError naming
// both shapes, and empty data sets throw a RangeError, in every module.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Gradients, Network, Vector } from '../exercises/types.ts';
import { backward, mseLoss, numericalGradient, relativeError } from './backprop.ts';
import { activationPattern, alwaysActiveNeurons, deadNeurons } from './dead-neurons.ts';
import { dense, forward } from './forward.ts';
import { reviveDeadNeurons, sgdStep, train } from './training.ts';
import { matrixOf, SEED, vectorOf } from './testing/arbitraries.ts';

const RUNS = 100;

const size = fc.integer({ min: 1, max: 4 });
/** A size other than `n` (one to three more, or fewer when possible). */
const otherThan = (n: number) => fc.integer({ min: Math.max(0, n - 3), max: n + 3 }).filter((m) => m !== n);

/** A ReLU network, data that fits it, and its dimensions. */
const problem = fc.record({ inputs: size, hidden: size, outputs: size, samples: size }).chain((d) =>
  fc.record({
    d: fc.constant(d),
    net: fc.record({ W1: matrixOf(d.hidden, d.inputs), b1: vectorOf(d.hidden), W2: matrixOf(d.outputs, d.hidden), b2: vectorOf(d.outputs) }),
    X: matrixOf(d.samples, d.inputs),
    Y: matrixOf(d.samples, d.outputs),
  }),
);

/**
 * Expects `run` to throw a RangeError whose message contains every part: a
 * string literally (a shape such as "3x2"), a number as a word of its own.
 */
function expectRangeError(run: () => unknown, ...parts: (string | number)[]): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(RangeError);
  const message = (caught as Error).message;
  for (const part of parts) {
    if (typeof part === 'string') expect(message).toContain(part);
    else expect(message).toMatch(new RegExp(`(^|[^\\w.])${part}(?![\\w.])`));
  }
}

const zerosOf = (rows: number, cols: number) => Array.from({ length: rows }, () => Array<number>(cols).fill(0));

describe('shapes that do not fit throw a RangeError naming both shapes', () => {
  test("dense: an x whose length is not W's row length, a b whose length is not W's row count", () => {
    fc.assert(
      fc.property(
        problem.chain((p) => fc.tuple(fc.constant(p), otherThan(p.d.inputs), otherThan(p.d.hidden))),
        ([{ d, net }, m, s]) => {
          const W = `${d.hidden}x${d.inputs}`;
          expectRangeError(() => dense(net.W1, net.b1, Array(m).fill(1)), W, m);
          expectRangeError(() => dense(net.W1, Array(s).fill(0), Array(d.inputs).fill(1)), W, s);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test('forward: an input that does not fit W1, a W2 that does not fit the hidden layer', () => {
    fc.assert(
      fc.property(
        problem.chain((p) => fc.tuple(fc.constant(p), otherThan(p.d.inputs))),
        ([{ d, net, X }, m]) => {
          expectRangeError(() => forward(net, Array(m).fill(1)), `${d.hidden}x${d.inputs}`, m);
          const h = d.hidden + 1;
          const wide: Network = { ...net, W2: zerosOf(d.outputs, h) };
          expectRangeError(() => forward(wide, X[0]), `${d.outputs}x${h}`, d.hidden);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test('mseLoss, backward, numericalGradient: X and Y of different lengths; mseLoss, backward: a target of the wrong length', () => {
    fc.assert(
      fc.property(problem, ({ d, net, X, Y }) => {
        const short = Y.slice(1);
        for (const f of [mseLoss, backward, numericalGradient]) expectRangeError(() => f(net, X, short), d.samples, d.samples - 1);
        const k = d.outputs + 1;
        const wrong = Y.map((y, n) => (n === 0 ? [...y, 0] : y));
        for (const f of [mseLoss, backward]) expectRangeError(() => f(net, X, wrong), k, d.outputs);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test('sgdStep: a gradient whose shape differs from its parameter', () => {
    fc.assert(
      fc.property(problem, ({ d, net }) => {
        const grads: Gradients = {
          dW1: zerosOf(d.hidden, d.inputs + 1),
          db1: Array(d.hidden).fill(0),
          dW2: zerosOf(d.outputs, d.hidden),
          db2: Array(d.outputs).fill(0),
        };
        expectRangeError(() => sgdStep(net, grads, 0.1), `${d.hidden}x${d.inputs}`, `${d.hidden}x${d.inputs + 1}`);
        const shortBias = { ...grads, dW1: zerosOf(d.hidden, d.inputs), db2: Array(d.outputs + 1).fill(0) };
        expectRangeError(() => sgdStep(net, shortBias, 0.1), `1x${d.outputs}`, `1x${d.outputs + 1}`);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test('relativeError: two gradients of different shapes', () => {
    fc.assert(
      fc.property(problem, ({ d, net, X, Y }) => {
        const a = backward(net, X, Y);
        const b: Gradients = { ...a, dW2: zerosOf(d.outputs + 1, d.hidden) };
        expectRangeError(() => relativeError(a, b), `${d.outputs}x${d.hidden}`, `${d.outputs + 1}x${d.hidden}`);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe('empty data sets throw a RangeError', () => {
  test('in every function that takes a data set (train with at least one epoch)', () => {
    fc.assert(
      fc.property(problem, fc.integer({ min: 1, max: 3 }), ({ net }, epochs) => {
        const none: Vector[] = [];
        expectRangeError(() => mseLoss(net, none, none));
        expectRangeError(() => backward(net, none, none));
        expectRangeError(() => numericalGradient(net, none, none));
        expectRangeError(() => activationPattern(net, none));
        expectRangeError(() => deadNeurons(net, none));
        expectRangeError(() => alwaysActiveNeurons(net, none));
        expectRangeError(() => train(net, none, none, { epochs, lr: 0.1 }));
        expectRangeError(() => reviveDeadNeurons(net, none, () => 0.5));
      }),
      { seed: SEED, numRuns: RUNS / 4 },
    );
  });
});
