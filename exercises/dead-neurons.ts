// Lesson 4: dead neurons (20 points). Guide: exercises/README.md#4-dead-neurons
//
// WHAT TO BUILD
// - `activationPattern(net, X)`: for every sample n and hidden unit j, is the
//   unit on (z1 > 0)? An N x hidden table of booleans.
// - `deadNeurons(net, X)`: the units that can learn nothing from X.
// - `alwaysActiveNeurons(net, X)`: the units that are on for every sample.
//
// THE IDEA
// The question in the discussion was: "is a neuron dead after it outputs zero
// once, or after many epochs?" Neither. Dead is about the GRADIENT: a unit is
// dead on a data set when its gradients are zero for every sample, so gradient
// descent never changes it. For ReLU the slope is 0 exactly when z1 <= 0, so a
// ReLU unit is dead on X when z1 <= 0 on EVERY sample of X. Outputting zero
// for some samples is normal and healthy: that is the unit switching off,
// which is where the network bends.
//
// The opposite kind of unit is on for every sample. On that data it behaves
// like the identity, a purely linear piece. The discussion's linear example
// has unit 0 dead and units 1 and 2 always on over [-4, 4]: with no unit
// switching inside the data, the whole network is a straight line there.
//
// Leaky ReLU's slope is alpha on the negative side, never 0 (for alpha != 0),
// so a Leaky unit always receives some gradient: it has no dead units. With
// alpha = 0 it is plain ReLU again, and its units can die.
//
// THE TRAPS
// - Dead means z1 <= 0 on EVERY sample, not on some of them.
// - z1 = 0 exactly counts as off (reluGrad(0) = 0), so a unit whose z1 is 0
//   on every sample is dead.
// - Return indices in increasing order.
// - An empty X throws a RangeError: with no samples there is nothing to decide.
// - Do not mutate the network or X.
import type { Network, Vector } from './types.ts';

/** N x hidden: `true` where hidden unit j is on (z1 > 0) for sample n. An empty `X` throws a `RangeError`. */
export function activationPattern(net: Network, X: Vector[]): boolean[][] {
  throw new Error('not implemented: activationPattern — which hidden unit is on for which sample (lesson 4)');
}

/**
 * Sorted indices of the hidden units whose gradients are zero on every sample:
 * for ReLU those with z1 <= 0 on every sample; for Leaky ReLU with alpha != 0, none.
 * An empty `X` throws a `RangeError`.
 */
export function deadNeurons(net: Network, X: Vector[]): number[] {
  throw new Error('not implemented: deadNeurons — the hidden units that get no gradient from any sample (lesson 4)');
}

/** Sorted indices of the hidden units that are on (z1 > 0) for every sample. An empty `X` throws a `RangeError`. */
export function alwaysActiveNeurons(net: Network, X: Vector[]): number[] {
  throw new Error('not implemented: alwaysActiveNeurons — the hidden units that are on for every sample (lesson 4)');
}
