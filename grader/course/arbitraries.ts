// Generators for the hidden tests. They draw quarter steps (exact in binary,
// so pre-activations hit exactly 0 often and counterexamples shrink to small,
// readable numbers) and force in the edge cases a generator rarely hits.
import fc from 'fast-check';
import type { Activation, Network, Vector } from '../../exercises/types.ts';
import { forward } from '../../solutions/forward.ts';

/** Multiples of 1/4 in [-4, 4]; shrinks towards 0. */
export const quarter = fc.integer({ min: -16, max: 16 }).map((n) => n / 4);

/** Any finite number a student might meet, with 0, -0, tiny and huge forced in. */
export const scalar = fc.oneof(
  { arbitrary: quarter, weight: 4 },
  { arbitrary: fc.constantFrom(0, -0, 5e-324, -5e-324, 1e-12, -1e-12, 1e300, -1e300), weight: 2 },
  { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), weight: 1 },
);

/** Leaky slopes, including the degenerate 0 (ReLU again) and 1 (no bend). */
export const alpha = fc.constantFrom(0.01, 0.1, 0.25, 0.5, 0, 1);

export const vector = (n: number) => fc.array(quarter, { minLength: n, maxLength: n });
export const matrix = (rows: number, cols: number) => fc.array(vector(cols), { minLength: rows, maxLength: rows });

export interface Dims {
  inputs: number;
  hidden: number;
  outputs: number;
}

export const dims: fc.Arbitrary<Dims> = fc.record({
  inputs: fc.integer({ min: 1, max: 3 }),
  hidden: fc.integer({ min: 1, max: 4 }),
  outputs: fc.integer({ min: 1, max: 2 }),
});

export type ActivationChoice = 'relu' | 'leaky' | 'any';

const activationOf = (choice: ActivationChoice): fc.Arbitrary<Activation | undefined> => {
  const relu = fc.constantFrom<Activation | undefined>(undefined, { kind: 'relu' });
  const leaky = alpha.map((a): Activation => ({ kind: 'leakyRelu', alpha: a }));
  return choice === 'relu' ? relu : choice === 'leaky' ? leaky : fc.oneof(relu, leaky);
};

/** A network of the given shape. */
export function networkOf(d: Dims, choice: ActivationChoice = 'relu'): fc.Arbitrary<Network> {
  return fc
    .record({
      W1: matrix(d.hidden, d.inputs),
      b1: vector(d.hidden),
      W2: matrix(d.outputs, d.hidden),
      b2: vector(d.outputs),
      activation: activationOf(choice),
    })
    .map(({ activation, ...net }) => (activation ? { ...net, activation } : net));
}

export const network = (choice: ActivationChoice = 'relu') => dims.chain((d) => networkOf(d, choice));

export interface Problem {
  net: Network;
  X: Vector[];
  Y: Vector[];
}

/** A network with a data set of 1 to 4 samples that fits it. */
export function problem(choice: ActivationChoice = 'relu', maxSamples = 4): fc.Arbitrary<Problem> {
  return dims.chain((d) =>
    fc
      .record({
        net: networkOf(d, choice),
        samples: fc.array(fc.tuple(vector(d.inputs), vector(d.outputs)), { minLength: 1, maxLength: maxSamples }),
      })
      .map(({ net, samples }) => ({ net, X: samples.map(([x]) => x), Y: samples.map(([, y]) => y) })),
  );
}

/** Problems in which no pre-activation is exactly 0, so central differences are exact enough. */
export const problemAwayFromKinks = (choice: ActivationChoice = 'relu') =>
  problem(choice).filter(({ net, X }) => X.every((x) => forward(net, x).z1.every((z) => z !== 0)));

/** One-input networks for the linearity checks, with kinks often on the interval's ends or shared. */
export const oneInputNetwork = (choice: ActivationChoice = 'any') =>
  fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 2 })).chain(([hidden, outputs]) => networkOf({ inputs: 1, hidden, outputs }, choice));

/** Intervals [lo, hi] with lo < hi in quarter steps. */
export const interval = fc
  .tuple(quarter, quarter)
  .filter(([a, b]) => a !== b)
  .map(([a, b]): [number, number] => (a < b ? [a, b] : [b, a]));

/** A problem as the arguments of mseLoss, backward and numericalGradient. */
export const problemArgs = ({ net, X, Y }: Problem): unknown[] => [net, X, Y];
