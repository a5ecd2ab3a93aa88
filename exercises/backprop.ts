// Lesson 3: the loss and backpropagation (25 points). Guide: exercises/README.md#3-backpropagation
//
// WHAT TO BUILD
// - `mseLoss`: how wrong the network is on a data set X, Y (N samples).
// - `backward`: the exact gradient of that loss for every parameter.
// - `numericalGradient`: the same gradient by brute force, to check backward.
// - `relativeError`: how far apart two gradients are.
//
// THE LOSS
//     L = 1/(2N) * sum over samples n and outputs k of (yHat[n][k] - Y[n][k])^2
// The 1/2 is there so that the 2 of the derivative cancels:
//     dL/dyHat[n][k] = (yHat[n][k] - Y[n][k]) / N.
//
// THE BACKWARD PASS: forward, read backwards
// For each sample, run forward (keep z1 and a1), then walk back:
//     dyHat = (yHat - y) / N                 blame on each output
//     dW2  += dyHat a1^T,  db2 += dyHat      the output layer is linear
//     da1   = W2^T dyHat                     blame passed to each hidden unit
//     dz1   = da1 * act'(z1)                 THE GATE: ReLU's slope, 0 or 1
//     dW1  += dz1 x^T,     db1 += dz1        the hidden layer
// Sum the contributions of all samples (the 1/N is already inside dyHat).
//
// THE IDEA
// The gate is where "dead" comes from. In the discussion: "a neuron is dead
// when its gradients are always zero. If it is zero, it never learns." A ReLU
// unit whose z1 is <= 0 on a sample passes no blame back for that sample
// (slope 0). If that is so on EVERY sample, its row of dW1 and its db1 are
// exactly 0, however large the error: gradient descent will never move it.
//
// Checking with numbers: nudge one parameter by +eps and by -eps, recompute
// the loss, and take (L(p + eps) - L(p - eps)) / (2 eps). It is slow, but it
// knows nothing about the chain rule, so when it agrees with backward (away
// from kinks) your backward is right.
//
// THE TRAPS
// - 1/(2N), not 1/N and not 1/2: the gradient is of the MEAN loss.
// - reluGrad(0) = 0: a unit sitting exactly at z1 = 0 passes no gradient.
// - Use the network's activation: Leaky ReLU's slope is alpha, not 0.
// - numericalGradient must not change `net`. Perturb a copy, or restore each
//   value exactly after nudging it. (Right at a kink it disagrees with
//   backward; that is expected, not a bug.)
// - Empty X, or X and Y of different lengths, or a target of the wrong
//   length: throw a RangeError that names both sizes.
// - relativeError is the max over every entry of
//   |a - b| / max(1e-8, |a| + |b|); gradients of different shapes throw a
//   RangeError naming both shapes.
import type { Gradients, Network, Vector } from './types.ts';

/**
 * Mean squared error with a half: `1/(2N) * sum_n sum_k (yHat_nk - y_nk)^2`.
 * An empty `X`, or `X` and `Y` of different lengths, throws a `RangeError`.
 */
export function mseLoss(net: Network, X: Vector[], Y: Vector[]): number {
  throw new Error('not implemented: mseLoss — sum (yHat - y)^2 over samples and outputs, divide by 2N');
}

/**
 * The exact gradients of `mseLoss` by the chain rule, with the same shapes as
 * the network's parameters: `{ dW1, db1, dW2, db2 }`.
 */
export function backward(net: Network, X: Vector[], Y: Vector[]): Gradients {
  throw new Error('not implemented: backward — per sample: dyHat = (yHat - y) / N, then dW2, da1 = W2^T dyHat, dz1 = da1 * slope(z1), dW1');
}

/**
 * The same gradients by central differences: for every parameter p,
 * `(L(p + eps) - L(p - eps)) / (2 eps)`. Must leave `net` unchanged.
 */
export function numericalGradient(net: Network, X: Vector[], Y: Vector[], eps = 1e-5): Gradients {
  throw new Error('not implemented: numericalGradient — nudge each parameter of a copy by +eps and -eps, (L+ - L-) / (2 eps)');
}

/** Max over every entry of `|a - b| / max(1e-8, |a| + |b|)`. */
export function relativeError(a: Gradients, b: Gradients): number {
  throw new Error('not implemented: relativeError — max over all entries of |a - b| / max(1e-8, |a| + |b|)');
}
