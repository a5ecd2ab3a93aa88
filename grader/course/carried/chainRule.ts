// The loss and the chain rule from values a forward pass has already
// computed: the formulas of the reference's mseLoss and backward
// (solutions/backprop.ts) with the forward pass taken as given. The grader
// applies them to a student's own forward passes, to judge a backward that is
// right for the values its forward computes (error carried forward). The
// reference keeps its formulas inline, where the planted mistakes of the
// fixture corpus edit them; chainRule.test.ts holds the two in step.
import type { ForwardCache, Gradients, Network, Vector } from '../../../exercises/types.ts';
import { zerosLike } from '../../../solutions/internal/shapes.ts';

/** `1/(2N) * sum_n sum_k (yHat_nk - y_nk)^2` of outputs already computed, one per sample. */
export function lossOfOutputs(yHats: readonly Vector[], Y: readonly Vector[]): number {
  let sum = 0;
  yHats.forEach((yHat, n) => {
    yHat.forEach((v, k) => {
      sum += (v - Y[n][k]) ** 2;
    });
  });
  return sum / (2 * yHats.length);
}

/**
 * The gradients of the mean loss by the chain rule, from each sample's
 * forward pass and each hidden unit's gate `gates[n][j]` (the activation's
 * slope at z1[n][j]):
 * - dyHat = (yHat - y) / N; dW2 += dyHat a1^T; db2 += dyHat
 * - dz1 = (W2^T dyHat) * gate; dW1 += dz1 x^T; db1 += dz1
 */
export function gradientsOfPasses(
  net: Network,
  X: readonly Vector[],
  Y: readonly Vector[],
  passes: readonly ForwardCache[],
  gates: readonly (readonly number[])[],
): Gradients {
  const N = X.length;
  const dW1 = zerosLike(net.W1);
  const db1 = net.b1.map(() => 0);
  const dW2 = zerosLike(net.W2);
  const db2 = net.b2.map(() => 0);
  X.forEach((x, n) => {
    const { z1, a1, yHat } = passes[n];
    const dyHat = yHat.map((v, k) => (v - Y[n][k]) / N);
    dyHat.forEach((d, k) => {
      db2[k] += d;
      a1.forEach((a, j) => {
        dW2[k][j] += d * a;
      });
    });
    z1.forEach((_z, j) => {
      const da = dyHat.reduce((sum, d, k) => sum + net.W2[k][j] * d, 0);
      const dz = da * gates[n][j];
      db1[j] += dz;
      x.forEach((xi, i) => {
        dW1[j][i] += dz * xi;
      });
    });
  });
  return { dW1, db1, dW2, db2 };
}
