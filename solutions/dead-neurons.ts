// Which hidden units are on, which are dead, the reference.
//
// A unit is dead on a data set when its gradients are zero for every sample:
// it cannot learn from this data, however wrong the network is. For ReLU that
// happens exactly when its pre-activation z1 is <= 0 on every sample (slope 0
// everywhere, including the kink at 0). Outputting zero once is not death;
// Leaky ReLU's slope alpha is never 0, so its units never die.
import type { Network, Vector } from '../exercises/types.ts';
import { forward } from './forward.ts';

/** Throws the contract's RangeError for an empty data set. */
function assertSamples(X: Vector[]): void {
  if (X.length === 0) throw new RangeError('the data set is empty: X has 0 samples');
}

/** N x hidden: `true` where unit j is on (z1 > 0) for sample n. */
export function activationPattern(net: Network, X: Vector[]): boolean[][] {
  assertSamples(X);
  return X.map((x) => forward(net, x).z1.map((z) => z > 0));
}

/**
 * Sorted indices of the units whose gradients are zero on every sample. For
 * ReLU (and Leaky ReLU with alpha = 0) those are the units never on; a Leaky
 * unit with alpha != 0 always has slope alpha or 1, so none is dead.
 */
export function deadNeurons(net: Network, X: Vector[]): number[] {
  const pattern = activationPattern(net, X);
  const act = net.activation;
  if (act?.kind === 'leakyRelu' && act.alpha !== 0) return [];
  return net.b1.map((_, j) => j).filter((j) => pattern.every((row) => !row[j]));
}

/** Sorted indices of the units on (z1 > 0) for every sample: on this data they act linearly. */
export function alwaysActiveNeurons(net: Network, X: Vector[]): number[] {
  const pattern = activationPattern(net, X);
  return net.b1.map((_, j) => j).filter((j) => pattern.every((row) => row[j]));
}
