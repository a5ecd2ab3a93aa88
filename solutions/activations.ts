// Activations and their derivatives, the reference.
//
// ReLU is two straight pieces joined at z = 0. Each piece is linear, but the
// joint is a bend, and a bend is what no stack of linear maps can make:
// relu(-1) + relu(1) = 1 while relu(-1 + 1) = 0. That single bend, repeated in
// every hidden unit at a place set by its weights, is all the nonlinearity a
// ReLU network has, and all it needs.

/** `max(0, z)`: the identity for positive z, zero otherwise. */
export function relu(z: number): number {
  return z > 0 ? z : 0;
}

/**
 * The slope of `relu` at z: 1 where z > 0, 0 where z < 0. At the kink z = 0
 * the derivative does not exist; like PyTorch, TensorFlow and JAX we use 0.
 * This is why a unit whose pre-activation is never positive gets no gradient.
 */
export function reluGrad(z: number): number {
  return z > 0 ? 1 : 0;
}

/** `z` for positive z, `alpha * z` otherwise: a ReLU that never goes completely flat. */
export function leakyRelu(z: number, alpha = 0.01): number {
  return z > 0 ? z : alpha * z;
}

/**
 * The slope of `leakyRelu`: 1 where z > 0, `alpha` otherwise (including at the
 * kink z = 0). Because the slope is never 0 (for alpha != 0), a Leaky unit
 * always passes some gradient back: it cannot die.
 */
export function leakyReluGrad(z: number, alpha = 0.01): number {
  return z > 0 ? 1 : alpha;
}
