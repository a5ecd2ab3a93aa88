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
// - At z = 0 the slope of ReLU does not exist (the left slope differs from
//   the right one). Libraries pick a value; we follow PyTorch, TensorFlow and
//   JAX: at the kink each function takes the slope of its negative side.
// - `alpha` has a default of 0.01: keep the default in the signature.
// - `-0` counts as 0 in the tests.
//
// The exact formulas are in the guide, under "Show the formula"
// (exercises/README.md#1-activations): try without them first.

/** ReLU: keeps a positive z, flattens the rest to zero. */
export function relu(z: number): number {
  throw new Error('not implemented: relu — the ReLU activation of z (lesson 1)');
}

/** The slope of `relu` at z, with the value at the kink of PyTorch, TensorFlow and JAX. */
export function reluGrad(z: number): number {
  throw new Error("not implemented: reluGrad — the slope of relu at z, with the course's value at the kink (lesson 1)");
}

/** Leaky ReLU: a ReLU whose negative side has the small slope `alpha` instead of being flat. */
export function leakyRelu(z: number, alpha = 0.01): number {
  throw new Error('not implemented: leakyRelu — the Leaky ReLU activation of z (lesson 1)');
}

/** The slope of `leakyRelu` at z. Never 0 when alpha != 0: that is why Leaky units cannot die. */
export function leakyReluGrad(z: number, alpha = 0.01): number {
  throw new Error('not implemented: leakyReluGrad — the slope of leakyRelu at z (lesson 1)');
}
