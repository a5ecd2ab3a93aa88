// The loss and its gradients, the reference. backward() is forward() run in
// reverse with the chain rule, one sample at a time, averaged over the data.
import type { Gradients, Matrix, Network, Vector } from '../exercises/types.ts';
import { leakyReluGrad, reluGrad } from './activations.ts';
import { forward } from './forward.ts';
import { assertDataSet, shapeOf, zerosLike } from './internal/shapes.ts';

/** Checks that every target has as many entries as the network has outputs. */
function assertTargets(net: Network, Y: Vector[]): void {
  const outputs = net.W2.length;
  Y.forEach((y, n) => {
    if (y.length !== outputs) {
      throw new RangeError(`Y[${n}] has length ${y.length} but the network has ${outputs} outputs`);
    }
  });
}

/**
 * Mean squared error with a half: `L = 1/(2N) * sum_n sum_k (yHat_nk - y_nk)^2`.
 * The 1/2 cancels the 2 of the derivative, so dL/dyHat = (yHat - y) / N.
 */
export function mseLoss(net: Network, X: Vector[], Y: Vector[]): number {
  assertDataSet(X, Y);
  assertTargets(net, Y);
  let sum = 0;
  X.forEach((x, n) => {
    forward(net, x).yHat.forEach((yHat, k) => {
      sum += (yHat - Y[n][k]) ** 2;
    });
  });
  return sum / (2 * X.length);
}

/**
 * Exact gradients of `mseLoss` by the chain rule.
 *
 * Per sample, from the output back:
 * - dyHat = (yHat - y) / N                     (the loss)
 * - dW2 += dyHat a1^T, db2 += dyHat            (the output layer is linear)
 * - da1 = W2^T dyHat                           (blame sent to each hidden unit)
 * - dz1 = da1 * act'(z1)                       (the gate: ReLU's slope is 0 or 1)
 * - dW1 += dz1 x^T, db1 += dz1                 (the hidden layer)
 *
 * The gate is where units die: if z1[j] <= 0 on every sample, act'(z1[j]) is 0
 * on every sample, so dz1[j], the row dW1[j] and db1[j] are exactly 0 however
 * large the error is. Gradient descent then never changes that unit.
 */
export function backward(net: Network, X: Vector[], Y: Vector[]): Gradients {
  assertDataSet(X, Y);
  assertTargets(net, Y);
  const N = X.length;
  const act = net.activation;
  const slope = act?.kind === 'leakyRelu' ? (z: number) => leakyReluGrad(z, act.alpha) : reluGrad;
  const dW1 = zerosLike(net.W1);
  const db1 = net.b1.map(() => 0);
  const dW2 = zerosLike(net.W2);
  const db2 = net.b2.map(() => 0);
  X.forEach((x, n) => {
    const { z1, a1, yHat } = forward(net, x);
    const dyHat = yHat.map((v, k) => (v - Y[n][k]) / N);
    dyHat.forEach((d, k) => {
      db2[k] += d;
      a1.forEach((a, j) => {
        dW2[k][j] += d * a;
      });
    });
    z1.forEach((z, j) => {
      const da = dyHat.reduce((sum, d, k) => sum + net.W2[k][j] * d, 0);
      const dz = da * slope(z);
      db1[j] += dz;
      x.forEach((xi, i) => {
        dW1[j][i] += dz * xi;
      });
    });
  });
  return { dW1, db1, dW2, db2 };
}

/**
 * The same gradients by central differences, the check every backward pass
 * deserves: nudge one parameter by +eps and -eps and see how the loss moves,
 * `(L(p + eps) - L(p - eps)) / (2 eps)`. Slow (two losses per parameter) and
 * wrong right at a kink, but independent of the chain rule.
 */
export function numericalGradient(net: Network, X: Vector[], Y: Vector[], eps = 1e-5): Gradients {
  assertDataSet(X, Y);
  const probe: Network = {
    ...net,
    W1: net.W1.map((row) => [...row]),
    b1: [...net.b1],
    W2: net.W2.map((row) => [...row]),
    b2: [...net.b2],
  };
  const slopeAt = (vector: Vector, i: number): number => {
    const original = vector[i];
    vector[i] = original + eps;
    const up = mseLoss(probe, X, Y);
    vector[i] = original - eps;
    const down = mseLoss(probe, X, Y);
    vector[i] = original;
    return (up - down) / (2 * eps);
  };
  return {
    dW1: probe.W1.map((row) => row.map((_, i) => slopeAt(row, i))),
    db1: probe.b1.map((_, j) => slopeAt(probe.b1, j)),
    dW2: probe.W2.map((row) => row.map((_, j) => slopeAt(row, j))),
    db2: probe.b2.map((_, k) => slopeAt(probe.b2, k)),
  };
}

/**
 * The largest relative difference between two gradient objects:
 * max over every entry of `|a - b| / max(1e-8, |a| + |b|)`. Below about 1e-7
 * the two agree to the precision central differences allow.
 */
export function relativeError(a: Gradients, b: Gradients): number {
  const keys = ['dW1', 'db1', 'dW2', 'db2'] as const;
  const flat = (g: Gradients) => keys.map((key) => g[key].flat() as number[]);
  const left = flat(a);
  const right = flat(b);
  let worst = 0;
  keys.forEach((key, p) => {
    const shapeA = key.startsWith('dW') ? shapeOf(a[key] as Matrix) : String(a[key].length);
    const shapeB = key.startsWith('dW') ? shapeOf(b[key] as Matrix) : String(b[key].length);
    if (shapeA !== shapeB) {
      throw new RangeError(`${key} has shape ${shapeA} in one gradient and ${shapeB} in the other`);
    }
    left[p].forEach((x, i) => {
      const y = right[p][i];
      worst = Math.max(worst, Math.abs(x - y) / Math.max(1e-8, Math.abs(x) + Math.abs(y)));
    });
  });
  return worst;
}
