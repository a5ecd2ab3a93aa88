// Lesson 3: the loss and backpropagation (25 points). Guide: exercises/README.md#3-backpropagation
//
// WHAT TO BUILD
// - `mseLoss`: how wrong the network is on a data set X, Y (N samples).
// - `backward`: the exact gradient of that loss for every parameter.
// - `numericalGradient`: the same gradient by brute force, to check backward.
// - `relativeError`: how far apart two gradients are.
//
// THE LOSS
// The mean, over samples and outputs, of the squared error, halved: the half
// is there so that the 2 of the derivative cancels.
//
// THE BACKWARD PASS: forward, read backwards
// For each sample, run forward (keep z1 and a1), then walk back with the
// chain rule: the blame on each output; the output layer's gradients (it is
// linear); the blame passed back to each hidden unit; THE GATE, where that
// blame is multiplied by the activation's slope at z1 (for ReLU, 0 or 1); the
// hidden layer's gradients. Add up the contributions of all samples.
//
// The exact formulas, step by step, are in the guide, under "Show the
// formula" (exercises/README.md#3-backpropagation): try without them first.
//
// THE IDEA
// The gate is where "dead" comes from. In the discussion: "a neuron is dead
// when its gradients are always zero. If it is zero, it never learns." A ReLU
// unit whose z1 is <= 0 on a sample passes no blame back for that sample
// (slope 0). If that is so on EVERY sample, its row of dW1 and its db1 are
// exactly 0, however large the error: gradient descent will never move it.
//
// Checking with numbers: nudge one parameter a little up and a little down,
// recompute the loss each time, and see how fast it changes (central
// differences). It is slow, but it knows nothing about the chain rule, so
// when it agrees with backward (away from kinks) your backward is right.
//
// THE TRAPS
// - The loss is a MEAN, halved: not a sum, and not only halved.
// - A unit sitting exactly at z1 = 0 passes no gradient (lesson 1's convention).
// - Use the network's activation: Leaky ReLU's slope is alpha, not 0.
// - numericalGradient must not change `net`. Perturb a copy, or restore each
//   value exactly after nudging it. (Right at a kink it disagrees with
//   backward; that is expected, not a bug.)
// - Empty X, or X and Y of different lengths, or a target of the wrong
//   length: throw a RangeError that names both sizes.
// - relativeError is the largest relative difference over every entry, with
//   a small floor in the denominator so that two zeros agree; gradients of
//   different shapes throw a RangeError naming both shapes.
import type { Gradients, Network, Vector } from './types.ts';

/**
 * Mean squared error with a half, over every sample and output.
 * An empty `X`, or `X` and `Y` of different lengths, throws a `RangeError`.
 */
export function mseLoss(net: Network, X: Vector[], Y: Vector[]): number {
  throw new Error('not implemented: mseLoss — the mean squared error of the network on X, Y (lesson 3)');
}

/**
 * The exact gradients of `mseLoss` by the chain rule, with the same shapes as
 * the network's parameters: `{ dW1, db1, dW2, db2 }`.
 */
export function backward(net: Network, X: Vector[], Y: Vector[]): Gradients {
  throw new Error('not implemented: backward — the exact gradient of mseLoss for every parameter (lesson 3)');
}

/**
 * The same gradients by central differences: each parameter nudged by `eps`
 * up and down. Must leave `net` as it was.
 */
export function numericalGradient(net: Network, X: Vector[], Y: Vector[], eps = 1e-5): Gradients {
  throw new Error('not implemented: numericalGradient — the same gradient by central differences, leaving net as it was (lesson 3)');
}

/** The largest relative difference between matching entries of two gradients. */
export function relativeError(a: Gradients, b: Gradients): number {
  throw new Error('not implemented: relativeError — how far apart two gradients are, entry by entry (lesson 3)');
}
