// Generators shared by the reference's property tests. Quarter steps are
// exact in binary, so pre-activations land exactly on 0 often and a failure
// shrinks to small, readable numbers.
import fc from 'fast-check';
import type { Activation, Network } from '../../exercises/types.ts';

/** fast-check seed of every property of the reference's tests (a failure prints it too). */
export const SEED = 20261126;

/** k / 4 for an integer k in [-max, max]: exact in binary, shrinks towards 0. */
export const quarter = (max = 8) => fc.integer({ min: -max, max }).map((k) => k / 4);

export const vectorOf = (n: number, entry = quarter()) => fc.array(entry, { minLength: n, maxLength: n });

export const matrixOf = (rows: number, cols: number) => fc.array(vectorOf(cols), { minLength: rows, maxLength: rows });

/** No activation (ReLU by default), explicit ReLU, or Leaky ReLU with alpha in eighths from 0 to 1. */
export const activation: fc.Arbitrary<Activation | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant({ kind: 'relu' as const }),
  fc.integer({ min: 0, max: 8 }).map((k) => ({ kind: 'leakyRelu' as const, alpha: k / 8 })),
);

/**
 * A network with the given activation and a data set of 1 to 4 samples that
 * fits it; few samples, so dead units are common.
 */
export function networkAndData(act: fc.Arbitrary<Activation | undefined>, maxHidden = 4) {
  return fc
    .record({
      inputs: fc.integer({ min: 1, max: 3 }),
      hidden: fc.integer({ min: 1, max: maxHidden }),
      outputs: fc.integer({ min: 1, max: 2 }),
      samples: fc.integer({ min: 1, max: 4 }),
    })
    .chain((d) =>
      fc.record({
        W1: matrixOf(d.hidden, d.inputs),
        b1: vectorOf(d.hidden),
        W2: matrixOf(d.outputs, d.hidden),
        b2: vectorOf(d.outputs),
        activation: act,
        X: matrixOf(d.samples, d.inputs),
        Y: matrixOf(d.samples, d.outputs),
      }),
    )
    .map(({ activation: a, X, Y, ...params }) => ({ net: { ...params, ...(a ? { activation: a } : {}) } as Network, X, Y }));
}
