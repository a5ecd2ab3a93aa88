// Properties of the reference's forward pass (solutions/forward.ts).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Matrix, Network, Vector } from '../exercises/types.ts';
import { leakyRelu, relu } from './activations.ts';
import { dense, forward, predict } from './forward.ts';
import { matrixOf, SEED, vectorOf } from './testing/arbitraries.ts';

const RUNS = 200;
/** Sums of quarter-step products are exact, so results are compared exactly (-0 = 0). */
const EXACT = 0;

const dims = fc.record({
  inputs: fc.integer({ min: 1, max: 4 }),
  hidden: fc.integer({ min: 1, max: 4 }),
  outputs: fc.integer({ min: 1, max: 3 }),
});

/** A network (ReLU, or Leaky ReLU with alpha in eighths) and an input that fits it. */
const netAndInput = dims.chain((d) =>
  fc
    .record({
      W1: matrixOf(d.hidden, d.inputs),
      b1: vectorOf(d.hidden),
      W2: matrixOf(d.outputs, d.hidden),
      b2: vectorOf(d.outputs),
      alpha: fc.option(fc.integer({ min: 0, max: 8 }).map((k) => k / 8)),
      x: vectorOf(d.inputs),
    })
    .map(({ alpha, x, ...params }) => ({
      net: (alpha === null ? params : { ...params, activation: { kind: 'leakyRelu', alpha } }) as Network,
      x,
    })),
);

/** `W x + b`, written the other way round: a sum of columns of W weighted by x. */
function byColumns(W: Matrix, b: Vector, x: Vector): Vector {
  return x.reduce((acc, xi, i) => acc.map((v, j) => v + W[j][i] * xi), [...b]);
}

/** Element-wise equal within `tolerance`, with -0 equal to 0. */
function expectClose(actual: Vector, expected: Vector, tolerance = EXACT): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((v, i) => expect(Math.abs(v - expected[i])).toBeLessThanOrEqual(tolerance));
}

describe('dense', () => {
  test('equals W x + b computed column by column', () => {
    fc.assert(
      fc.property(
        fc
          .record({ rows: fc.integer({ min: 1, max: 4 }), cols: fc.integer({ min: 1, max: 4 }) })
          .chain(({ rows, cols }) => fc.tuple(matrixOf(rows, cols), vectorOf(rows), vectorOf(cols))),
        ([W, b, x]) => expectClose(dense(W, b, x), byColumns(W, b, x)),
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test('is affine in x: dense(W, b, x + y) - dense(W, b, y) = dense(W, 0, x)', () => {
    fc.assert(
      fc.property(
        fc
          .record({ rows: fc.integer({ min: 1, max: 4 }), cols: fc.integer({ min: 1, max: 4 }) })
          .chain(({ rows, cols }) => fc.tuple(matrixOf(rows, cols), vectorOf(rows), vectorOf(cols), vectorOf(cols))),
        ([W, b, x, y]) => {
          const sum = dense(
            W,
            b,
            x.map((v, i) => v + y[i]),
          );
          const shifted = dense(W, b, y);
          expectClose(
            sum.map((v, j) => v - shifted[j]),
            dense(
              W,
              b.map(() => 0),
              x,
            ),
          );
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe('forward and predict', () => {
  test("z1 = W1 x + b1, a1 = act(z1) with the network's activation, yHat = W2 a1 + b2", () => {
    fc.assert(
      fc.property(netAndInput, ({ net, x }) => {
        const { z1, a1, yHat } = forward(net, x);
        const act = net.activation;
        expectClose(z1, byColumns(net.W1, net.b1, x));
        expectClose(
          a1,
          z1.map((z) => (act?.kind === 'leakyRelu' ? leakyRelu(z, act.alpha) : relu(z))),
        );
        expectClose(yHat, byColumns(net.W2, net.b2, a1));
        expectClose(predict(net, x), yHat);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test('an explicit { kind: "relu" } behaves like no activation at all', () => {
    fc.assert(
      fc.property(netAndInput, ({ net, x }) => {
        const { activation: _, ...plain } = net;
        expect(forward({ ...plain, activation: { kind: 'relu' } }, x)).toEqual(forward(plain, x));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test('between switches the output is affine: with every unit on, yHat = W2 (W1 x + b1) + b2', () => {
    fc.assert(
      fc.property(netAndInput, ({ net, x }) => {
        const { z1 } = forward(net, x);
        fc.pre(z1.every((z) => z > 0));
        expectClose(predict(net, x), byColumns(net.W2, net.b2, byColumns(net.W1, net.b1, x)));
      }),
      { seed: SEED, numRuns: RUNS / 4 },
    );
  });
});
