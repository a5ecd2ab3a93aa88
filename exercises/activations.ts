// Lesson 1: activations (10 points). Guide: exercises/README.md#1-activations
//
// WHAT TO BUILD
// Four tiny functions: ReLU, Leaky ReLU, and the slope (derivative) of each.
// Forward and backward live side by side: every activation you write for the
// forward pass needs its slope for the backward pass.
//
// THE IDEA
// "ReLU is max(0, z). The negative side is zero, the positive side is linear.
// Where is the nonlinearity?" In the bend. Each half of ReLU is a straight
// line, but the two halves meet at an angle at z = 0, and no linear function
// can do that. Try it: a linear f has f(a) + f(b) = f(a + b), yet
//     relu(-1) + relu(1) = 1   but   relu(-1 + 1) = relu(0) = 0.
// A hidden layer of ReLUs puts one such bend in every unit, each at a place
// chosen by the unit's weights. That is all the nonlinearity a ReLU network
// has, and it is enough.
//
// Leaky ReLU keeps a small slope `alpha` on the negative side instead of a
// flat zero. A flat zero has slope 0, and slope 0 is what kills units (see
// dead-neurons.ts); a slope of alpha never does.
//
// THE TRAPS
// - At z = 0 the slope of ReLU does not exist (the left slope is 0, the right
//   one is 1). Libraries pick a value; we follow PyTorch, TensorFlow and JAX:
//   reluGrad(0) = 0, leakyReluGrad(0) = alpha. So test `z > 0`, not `z >= 0`.
// - `alpha` has a default of 0.01: keep the default in the signature.
// - relu(-3) should be 0, and `-0` counts as 0 in the tests, so either
//   `Math.max(0, z)` or a comparison is fine.

/** `max(0, z)`: z itself when positive, 0 otherwise. */
export function relu(z: number): number {
  throw new Error('not implemented: relu — return z when z > 0, otherwise 0');
}

/**
 * The slope of `relu` at z: 1 where z > 0, 0 where z <= 0 (0 at the kink,
 * as in PyTorch, TensorFlow and JAX).
 */
export function reluGrad(z: number): number {
  throw new Error('not implemented: reluGrad — 1 if z > 0, else 0 (and reluGrad(0) = 0)');
}

/** `z` when positive, `alpha * z` otherwise: a ReLU whose negative side is not flat. */
export function leakyRelu(z: number, alpha = 0.01): number {
  throw new Error('not implemented: leakyRelu — z if z > 0, else alpha * z');
}

/**
 * The slope of `leakyRelu` at z: 1 where z > 0, `alpha` where z <= 0 (alpha
 * at the kink). Never 0 when alpha != 0: that is why Leaky units cannot die.
 */
export function leakyReluGrad(z: number, alpha = 0.01): number {
  throw new Error('not implemented: leakyReluGrad — 1 if z > 0, else alpha (also at z = 0)');
}
