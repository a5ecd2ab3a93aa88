// Lesson 7: training, and reviving dead units (10 points). Guide: exercises/README.md#7-training-and-revival
//
// WHAT TO BUILD
// - `sgdStep(net, grads, lr)`: one step downhill, every parameter moved
//   against its gradient, scaled by lr. A NEW network; the old one stays as
//   it was.
// - `train(net, X, Y, { epochs, lr })`: full-batch gradient descent. Each
//   epoch: record the loss, compute backward on the whole data set, step.
// - `reviveDeadNeurons(net, X, rng)`: re-initialise every dead unit.
//
// THE IDEA
// Training only ever asks one thing: which way does the cost go down? It has
// no taste for linear or nonlinear networks, as the discussion says: "the
// training algorithm tries to minimize the cost ... to match the model's
// outputs with the labels". If the data is bent, training bends the network,
// by moving the places where units switch.
//
// But look at sgdStep with a dead unit j: its row of dW1 and its db1 are
// exactly 0 (lesson 3), so W1[j] and b1[j] come out of the step exactly as
// they went in. Its z1 on the data is then unchanged, so it is still dead at
// the next step, and the next: a dead unit stays dead forever. Training
// cannot revive it; it can only get stuck, as the discussion warns.
//
// Two cures:
// - Leaky ReLU: the slope alpha is never 0, the gradient never vanishes, the
//   unit keeps moving and can find its way back.
// - Re-initialisation: throw away a dead unit's incoming weights and bias and
//   draw new ones, until the unit is on for at least one sample. That is
//   `reviveDeadNeurons`: draw each new weight and bias from your `rng` (it
//   gives numbers in [0, 1); spread them over an interval around 0), check the
//   unit is on for some sample of X, redraw if not. Leave every other unit,
//   W2 and b2 alone. The exact formulas are in the guide, under "Show the
//   formula" (exercises/README.md#7-training-and-revival).
//
// THE TRAPS
// - losses[e] is the loss at the START of epoch e, recorded BEFORE that
//   epoch's step. So losses[0] is the loss of the network you were given, and
//   losses has exactly `epochs` entries.
// - Do not mutate: sgdStep, train and reviveDeadNeurons return new networks
//   and leave their arguments (and the arrays inside them) untouched. Keep
//   the network's `activation` in what you return.
// - A gradient whose shape differs from its parameter is a RangeError naming
//   both shapes.
// - Give the redraw loop a limit, and throw an Error if it is reached (an rng
//   that always returns the same number might never revive anything).
import type { Gradients, Network, Rng, TrainOptions, TrainResult, Vector } from './types.ts';

/** A new network, every parameter moved one step of size `lr` against its gradient. */
export function sgdStep(net: Network, grads: Gradients, lr: number): Network {
  throw new Error('not implemented: sgdStep — one step of gradient descent, as a new network (lesson 7)');
}

/**
 * Full-batch gradient descent, options = { epochs, lr }: `epochs` steps. `losses[e]` is the loss at
 * the start of epoch e, before its step.
 */
export function train(net: Network, X: Vector[], Y: Vector[], options: TrainOptions): TrainResult {
  throw new Error('not implemented: train — full-batch gradient descent, recording the loss of every epoch (lesson 7)');
}

/**
 * A new network in which every unit dead on X has its incoming weights and
 * bias redrawn from `rng` until it is on for at least one sample; every other
 * parameter unchanged.
 */
export function reviveDeadNeurons(net: Network, X: Vector[], rng: Rng): Network {
  throw new Error('not implemented: reviveDeadNeurons — new incoming weights for every dead unit, until it is on somewhere (lesson 7)');
}
