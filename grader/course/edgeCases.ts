// The edge cases every run checks, whatever the seed: the hidden checks put
// them before the drawn values (`always` in agrees and holds), so a grade
// never depends on whether a draw happened to reach z exactly 0 or -0, zero
// weights, duplicate, cancelling or end-point kinks, the default alpha, a
// relative error below its floor, one-sample and wide data sets, or Leaky
// networks. All numbers are exact in binary.
import type { Gradients, Interval, Network, Vector } from '../../exercises/types.ts';
import { forward } from '../../solutions/forward.ts';
import type { Problem } from './arbitraries.ts';

/** Scalars: 0 and -0, the tiniest and huge values, and both sides of the kink. */
export const edgeScalars: number[] = [0, -0, 5e-324, -5e-324, 1e-12, -1e-12, 2.5, -2.5, 1e300, -1e300];

/** Scalars with a leaky slope; `undefined` omits alpha, so the default 0.01 applies. */
export const edgeScalarsWithAlpha: [number, number | undefined][] = [
  [0, undefined],
  [-0, undefined],
  [-2, undefined],
  [2, undefined],
  [-1e-12, undefined],
  [0, 0.25],
  [-0, 0.5],
  [-2, 0.25],
  [3, 0.25],
  [-1, 0],
  [-1, 1],
];

/** Layers [W, b, x]: all-zero weights, wide and tall (non-square) ones, a single unit. */
export const edgeLayers: [number[][], Vector, Vector][] = [
  [
    [
      [0, 0, 0],
      [0, 0, 0],
    ],
    [1, -2],
    [3, 4, 5],
  ],
  [
    [
      [1, 2, 3],
      [4, -5, 6],
    ],
    [0.5, -1],
    [1, 0, -1],
  ],
  [
    [
      [1, -1],
      [2, 0.5],
      [0, 3],
    ],
    [1, 2, 3],
    [2, -1],
  ],
  [[[-0.5]], [0.25], [2]],
];

/**
 * A ReLU network (1 input, 5 hidden, 1 output) whose units' pre-activations
 * over EDGE_X are: unit 0 exactly 0 on every sample (dead), unit 1 -0 or 0
 * (dead), unit 2 0 once, positive otherwise (alive, not always active), unit
 * 3 negative, then positive (alive), unit 4 positive (always active).
 */
const kinkNet: Network = {
  W1: [[0], [0], [1], [1], [0.5]],
  b1: [0, -0, 1, -0.5, 4],
  W2: [[1, -1, 2, -0.5, 0.25]],
  b2: [0.5],
};
const EDGE_X: Vector[] = [[-1], [0], [2]];

/** A wide network: 3 inputs, 4 hidden units (unit 1 with all-zero weights, unit 3 dead on WIDE_X), 2 outputs (output 1 with all-zero weights). */
const wideNet = (activation?: Network['activation']): Network => ({
  W1: [
    [1, -1, 0.5],
    [0, 0, 0],
    [-2, 0.25, 1],
    [-1, -1, -1],
  ],
  b1: [0.25, 0, -0.5, -10],
  W2: [
    [1, -2, 0.5, 3],
    [0, 0, 0, 0],
  ],
  b2: [0.5, -1],
  ...(activation ? { activation } : {}),
});
const WIDE_X: Vector[] = [
  [1, 2, 3],
  [-1, 0.5, 2],
  [2, -2, 0],
  [0, 0, 0],
  [-3, 1, -1],
  [0.5, 0.25, -0.75],
];
const WIDE_Y: Vector[] = [
  [1, 0],
  [0, 1],
  [-1, 2],
  [2, -2],
  [0.5, 0.5],
  [3, -1],
];

/** A Leaky network with two outputs whose units are negative on some samples (and never exactly 0). */
const leakyNet = (alpha: number): Network => ({
  W1: [[1], [-2], [0.5]],
  b1: [-1.5, 0.5, 3],
  W2: [
    [1, -1, 0.5],
    [2, 0.25, -1],
  ],
  b2: [0, 1],
  activation: { kind: 'leakyRelu', alpha },
});
const LEAKY_X: Vector[] = [[-2], [0], [1], [3]];
const LEAKY_Y: Vector[] = [
  [1, -1],
  [0, 2],
  [-2, 0.5],
  [3, 1],
];

/** A one-sample data set whose unit 0 is at exactly 0 and unit 1 positive. */
const oneSample: Problem = { net: { W1: [[1], [2]], b1: [-1, 0.5], W2: [[1, -2]], b2: [0.5] }, X: [[1]], Y: [[2]] };

/** Problems (network and data): one sample, z1 exactly 0 and -0, dead units, wide shapes, Leaky networks with alpha 0.25, 0.5, 0 (dead units again) and 1. */
export const edgeProblems: Problem[] = [
  oneSample,
  { net: kinkNet, X: EDGE_X, Y: [[1], [-1], [0.5]] },
  { net: wideNet(), X: WIDE_X, Y: WIDE_Y },
  { net: { ...wideNet(), b1: [0.25, -0.25, -0.5, -10] }, X: WIDE_X, Y: WIDE_Y },
  { net: leakyNet(0.25), X: LEAKY_X, Y: LEAKY_Y },
  { net: wideNet({ kind: 'leakyRelu', alpha: 0.5 }), X: WIDE_X, Y: WIDE_Y },
  { net: leakyNet(0), X: LEAKY_X, Y: LEAKY_Y },
  { net: wideNet({ kind: 'leakyRelu', alpha: 0 }), X: WIDE_X, Y: WIDE_Y },
  { net: leakyNet(1), X: LEAKY_X.slice(0, 1), Y: LEAKY_Y.slice(0, 1) },
];

/** The edge problems with ReLU networks (no activation, or kind relu). */
export const edgeReluProblems = edgeProblems.filter(({ net }) => net.activation === undefined || net.activation.kind === 'relu');
/** The edge problems with Leaky networks. */
export const edgeLeakyProblems = edgeProblems.filter(({ net }) => net.activation?.kind === 'leakyRelu');
/** The edge problems without a pre-activation exactly 0, where central differences are exact enough. */
export const edgeProblemsAwayFromKinks = edgeProblems.filter(({ net, X }) => X.every((x) => forward(net, x).z1.every((z) => z !== 0)));

/** Gradient pairs for relativeError: a difference only in the biases, entries below the 1e-8 floor, all zeros, a wide pair. */
export const edgeGradientPairs: [Gradients, Gradients][] = [
  // only db2 differs: 0.25 / 0.25
  [
    { dW1: [[0.5, 0]], db1: [0], dW2: [[1]], db2: [0] },
    { dW1: [[0.5, 0]], db1: [0], dW2: [[1]], db2: [0.25] },
  ],
  // |a - b| / (|a| + |b|) = 0.5 / 1.5, not 0.5 / max(|a|, |b|)
  [
    { dW1: [[1, 2]], db1: [3], dW2: [[0.5]], db2: [-1] },
    { dW1: [[0.5, 2]], db1: [3], dW2: [[0.5]], db2: [-1] },
  ],
  // every entry 0: 0 / 1e-8 = 0
  [
    { dW1: [[0], [0]], db1: [0, 0], dW2: [[0, 0]], db2: [0] },
    { dW1: [[0], [-0]], db1: [0, 0], dW2: [[0, 0]], db2: [-0] },
  ],
  // |a| + |b| below the floor: 2e-9 / 1e-8 = 0.2, not 2e-9 / 4e-9
  [
    { dW1: [[3e-9]], db1: [0], dW2: [[0]], db2: [1e-9] },
    { dW1: [[1e-9]], db1: [0], dW2: [[0]], db2: [1e-9] },
  ],
  // wide: 2 hidden units, 2 outputs, the largest error in db1
  [
    {
      dW1: [
        [1, -1],
        [0.5, 0],
      ],
      db1: [0.25, -0.75],
      dW2: [
        [2, 1],
        [0, -1],
      ],
      db2: [1, 0],
    },
    {
      dW1: [
        [1, -0.5],
        [0.5, 0],
      ],
      db1: [0.25, 0.75],
      dW2: [
        [2, 1.5],
        [0, -1],
      ],
      db2: [1, 0],
    },
  ],
];

/** One-input networks on intervals: kinks on the ends, duplicate, cancelling and unseen units, alpha 1, kinks that sort wrongly as strings. */
export const edgeKinkCases: [Network, Interval][] = [
  // switches at -1 and 2: on the ends of [-1, 2], inside [-2, 3]
  [{ W1: [[1], [1]], b1: [1, -2], W2: [[1, -1]], b2: [0] }, [-1, 2]],
  [{ W1: [[1], [1]], b1: [1, -2], W2: [[1, -1]], b2: [0] }, [-2, 3]],
  // no switch inside [3, 4]
  [{ W1: [[1], [1]], b1: [1, -2], W2: [[1, -1]], b2: [0] }, [3, 4]],
  // three units switch at -1: one kink
  [{ W1: [[1], [2], [-0.5]], b1: [1, 2, -0.5], W2: [[1, 1, 1]], b2: [0] }, [-4, 4]],
  // relu(x) - relu(-x) = x: bends cancel, for ReLU and for Leaky ReLU
  [{ W1: [[1], [-1]], b1: [0, 0], W2: [[1, -1]], b2: [0] }, [-4, 4]],
  [{ W1: [[2], [-2]], b1: [1, -1], W2: [[1, -1]], b2: [3], activation: { kind: 'leakyRelu', alpha: 0.5 } }, [-4, 4]],
  // cancelling on output 0, bending output 1
  [
    {
      W1: [[1], [-1]],
      b1: [0, 0],
      W2: [
        [1, -1],
        [1, 1],
      ],
      b2: [0, 0],
    },
    [-4, 4],
  ],
  // unit 0's output weights are all 0: it bends nothing
  [{ W1: [[1], [1]], b1: [-1, 1], W2: [[0, 2]], b2: [0] }, [-4, 4]],
  // Leaky ReLU with alpha 1 bends nothing; with alpha 0.25 it does
  [{ W1: [[1], [-1]], b1: [1, 1], W2: [[1, 2]], b2: [-1], activation: { kind: 'leakyRelu', alpha: 1 } }, [-4, 4]],
  [{ W1: [[1], [-1]], b1: [1, 1], W2: [[1, 2]], b2: [-1], activation: { kind: 'leakyRelu', alpha: 0.25 } }, [-4, 4]],
  // kinks at -1, -0.5, 2 and 10: sorted as strings they would be -0.5, -1, 10, 2
  [{ W1: [[1], [2], [1], [1], [0]], b1: [1, 1, -2, -10, 3], W2: [[1, 1, -1, 1, 5]], b2: [0] }, [-4, 12]],
];

/** The ReLU networks of edgeKinkCases (for properties of ReLU kinks). */
export const edgeReluKinkCases = edgeKinkCases.filter(([net]) => net.activation === undefined);
