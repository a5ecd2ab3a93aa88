// The forward pass, the reference: input -> hidden pre-activations z1 ->
// hidden activations a1 -> output yHat. The backward pass (backprop.ts) walks
// the same path in reverse, so forward keeps z1 and a1 for it.
import type { ForwardCache, Matrix, Network, Vector } from '../exercises/types.ts';
import { leakyRelu, relu } from './activations.ts';
import { assertLayer, assertNetwork } from './internal/shapes.ts';

/** An affine layer: `W x + b`, where `W[j][i]` connects input i to output j. */
export function dense(W: Matrix, b: Vector, x: Vector): Vector {
  assertLayer('dense', W, b, x.length);
  return W.map((row, j) => row.reduce((sum, w, i) => sum + w * x[i], b[j]));
}

/**
 * One pass through the network. `z1 = W1 x + b1` says where each hidden unit
 * is on its own ReLU; `a1` applies the activation (ReLU unless the network
 * says Leaky ReLU); `yHat = W2 a1 + b2` mixes the units linearly. Between two
 * kinks every unit keeps its on/off state, so yHat is affine there.
 */
export function forward(net: Network, x: Vector): ForwardCache {
  assertNetwork(net, x.length);
  const z1 = dense(net.W1, net.b1, x);
  const act = net.activation;
  const a1 = act?.kind === 'leakyRelu' ? z1.map((z) => leakyRelu(z, act.alpha)) : z1.map(relu);
  const yHat = dense(net.W2, net.b2, a1);
  return { z1, a1, yHat };
}

/** The network's output for one input. */
export function predict(net: Network, x: Vector): Vector {
  return forward(net, x).yHat;
}
