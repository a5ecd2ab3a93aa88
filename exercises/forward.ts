// Lesson 2: the forward pass (15 points). Guide: exercises/README.md#2-the-forward-pass
//
// WHAT TO BUILD
// A network with one input vector x, one hidden layer and a linear output:
// an affine step to the hidden units' pre-activations z1, the activation
// (ReLU, or Leaky ReLU) entry by entry to a1, and an affine step again to the
// output yHat, a plain linear mix of the units.
//
// `dense(W, b, x)` is the affine step, used twice; `forward` returns all three
// vectors, because the backward pass (backprop.ts) walks the same path in
// reverse and needs z1 and a1; `predict` returns only yHat. The exact
// formulas are in the guide, under "Show the formula"
// (exercises/README.md#2-the-forward-pass).
//
// THE IDEA
// Look at yHat for one input x and ask which units are on (z1 > 0). Every unit
// that is on passes its z1 straight through (slope 1); every unit that is off
// contributes 0. As long as no unit changes state, yHat is an affine function
// of x: a straight line (or flat plane). The network only bends where some
// unit switches on or off. That is the discussion's whole answer: the
// nonlinearity lives at the switches, not inside the pieces.
//
// The discussion's "exactly linear" network makes this concrete: one input in
// [-4, 4], hidden weights all 1, biases -10, 10, 10, output weights 1, 1, 1.
// Unit 0 sees x - 10 < 0 (always off), units 1 and 2 see x + 10 > 0 (always
// on), so yHat = (x + 10) + (x + 10) = 2x + 20. Linear, because of those
// particular weights, not because ReLU is linear.
//
// THE TRAPS
// - Index order. `W1[j][i]` is the weight from input i to hidden unit j, so
//   row j of W dotted with x gives output j. (Matrices are hidden x inputs.)
// - `net.activation` may be missing: that means ReLU. For
//   `{ kind: 'leakyRelu', alpha }` use leakyRelu with that alpha.
// - Shapes that do not fit (a row of W whose length is not x.length, a bias of
//   the wrong length, a W2 whose rows do not match the hidden size) throw a
//   `RangeError` whose message names both shapes, e.g.
//   "weights of shape 3x2 do not fit an input of length 4".
// - Do not change the arrays you are given; build new ones (`map` is your
//   friend).
import type { ForwardCache, Matrix, Network, Vector } from './types.ts';

/** An affine layer, where `W[j][i]` connects input i to output j and `b[j]` is output j's bias. */
export function dense(W: Matrix, b: Vector, x: Vector): Vector {
  throw new Error('not implemented: dense — the affine layer with weights W and bias b, applied to x (lesson 2)');
}

/**
 * One pass through the network: the hidden pre-activations z1, their
 * activations a1 (ReLU unless `net.activation` says Leaky ReLU), the output yHat.
 */
export function forward(net: Network, x: Vector): ForwardCache {
  throw new Error('not implemented: forward — one pass through the network, keeping z1, a1 and yHat (lesson 2)');
}

/** The network's output for one input (the last of what `forward` computes). */
export function predict(net: Network, x: Vector): Vector {
  throw new Error("not implemented: predict — the network's output for x (lesson 2)");
}
