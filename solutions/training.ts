// Gradient descent, and the cure of re-initialisation, the reference.
import type { Gradients, Matrix, Network, Rng, TrainOptions, TrainResult, Vector } from '../exercises/types.ts';
import { backward, mseLoss } from './backprop.ts';
import { deadNeurons } from './dead-neurons.ts';
import { forward } from './forward.ts';
import { shapeOf } from './internal/shapes.ts';

function step(name: string, p: Matrix, dp: Matrix, lr: number): Matrix {
  if (shapeOf(p) !== shapeOf(dp)) {
    throw new RangeError(`${name}: parameter of shape ${shapeOf(p)} and gradient of shape ${shapeOf(dp)} differ`);
  }
  return p.map((row, r) => row.map((v, c) => v - lr * dp[r][c]));
}

/**
 * One step downhill: every parameter p becomes `p - lr * dp`. Returns a new
 * network; the old one is untouched. A dead unit's gradients are exactly 0,
 * so this step leaves its incoming weights and bias exactly as they were.
 */
export function sgdStep(net: Network, grads: Gradients, lr: number): Network {
  const [b1] = step('b1', [net.b1], [grads.db1], lr);
  const [b2] = step('b2', [net.b2], [grads.db2], lr);
  return {
    ...net,
    W1: step('W1', net.W1, grads.dW1, lr),
    b1,
    W2: step('W2', net.W2, grads.dW2, lr),
    b2,
  };
}

/**
 * Full-batch gradient descent for `epochs` steps. `losses[e]` is the loss at
 * the start of epoch e, before its step. Training only lowers the cost: it
 * favours neither linear nor nonlinear networks, only ones that fit the data.
 */
export function train(net: Network, X: Vector[], Y: Vector[], options: TrainOptions): TrainResult {
  const { epochs, lr } = options;
  const losses: number[] = [];
  let current = net;
  for (let e = 0; e < epochs; e++) {
    losses.push(mseLoss(current, X, Y));
    current = sgdStep(current, backward(current, X, Y), lr);
  }
  return { net: current, losses };
}

/** How many draws a dead unit gets before reviving is declared impossible. */
const MAX_DRAWS = 10_000;

/**
 * Re-initialisation, the other cure for dead units: every unit dead on X gets
 * new incoming weights and bias, drawn uniformly from [-1, 1) using `rng`,
 * redrawn until the unit is on for at least one sample. Other units, and the
 * input network, are left exactly as they were.
 */
export function reviveDeadNeurons(net: Network, X: Vector[], rng: Rng): Network {
  const W1 = net.W1.map((row) => [...row]);
  const b1 = [...net.b1];
  const revived: Network = { ...net, W1, b1 };
  for (const j of deadNeurons(net, X)) {
    let draws = 0;
    do {
      if (draws++ === MAX_DRAWS) {
        throw new Error(`unit ${j} stayed dead after ${MAX_DRAWS} draws: does rng return varied numbers in [0, 1)?`);
      }
      W1[j] = W1[j].map(() => 2 * rng() - 1);
      b1[j] = 2 * rng() - 1;
    } while (!X.some((x) => forward(revived, x).z1[j] > 0));
  }
  return revived;
}
