// The reference's gradients against an independent implementation: automatic
// differentiation in TensorFlow.js (CPU backend). The same loss is written
// with tf ops (matMul, tf.relu / tf.leakyRelu, square, sum), tf.grads
// differentiates it, and every entry must match backward().
//
// TensorFlow.js computes in float32, so inputs are multiples of 1/4 with
// small magnitudes: exact in float32, so both sides see the same network and
// the same pre-activations, and only the float32 rounding of sums and of the
// division by 2N separates them.
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
// tfjs-core's bundle registers no gradient functions, and registering all of
// them loads hundreds of modules: register only those of the ops used below.
import { addGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Add_grad.js';
import { batchMatMulGradConfig } from '@tensorflow/tfjs-core/dist/gradients/BatchMatMul_grad.js';
import { leakyReluGradConfig } from '@tensorflow/tfjs-core/dist/gradients/LeakyRelu_grad.js';
import { divGradConfig } from '@tensorflow/tfjs-core/dist/gradients/RealDiv_grad.js';
import { reluGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Relu_grad.js';
import { squareGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Square_grad.js';
import { subGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Sub_grad.js';
import { sumGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Sum_grad.js';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Activation, Gradients, Network, Vector } from '../exercises/types.ts';
import { backward } from './backprop.ts';
import { matrixOf, quarter, SEED, vectorOf } from './testing/arbitraries.ts';

const RUNS = 60;
/** float32 carries about 7 significant digits; sums and 1/(2N) lose a few ulps. */
const FLOAT32_TOLERANCE = 1e-5;

const activation: fc.Arbitrary<Activation | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.integer({ min: 0, max: 8 }).map((k) => ({ kind: 'leakyRelu' as const, alpha: k / 8 })),
);

/** sum_i w[i] x[i] */
const dot = (w: Vector, x: Vector): number => w.reduce((sum, wi, i) => sum + wi * x[i], 0);

/**
 * A network and data, where:
 * - 'away': hidden biases are shifted by 1/32; W1 x is a multiple of 1/16, so
 *   no pre-activation is ever within 1/32 of 0;
 * - 'onKinks': some units get the bias that puts sample 0 exactly on their
 *   kink, z1 = 0.
 */
function problem(where: 'away' | 'onKinks') {
  const bias = where === 'away' ? quarter().map((b) => b + 1 / 32) : quarter();
  return fc
    .record({
      inputs: fc.integer({ min: 1, max: 3 }),
      hidden: fc.integer({ min: 1, max: 4 }),
      outputs: fc.integer({ min: 1, max: 2 }),
      samples: fc.integer({ min: 1, max: 4 }),
    })
    .chain((d) =>
      fc.record({
        W1: matrixOf(d.hidden, d.inputs),
        b1: vectorOf(d.hidden, bias),
        onKink: fc.array(fc.boolean(), { minLength: d.hidden, maxLength: d.hidden }).map((flags) => flags.map((f) => f && where === 'onKinks')),
        W2: matrixOf(d.outputs, d.hidden),
        b2: vectorOf(d.outputs),
        activation,
        X: matrixOf(d.samples, d.inputs),
        Y: matrixOf(d.samples, d.outputs),
      }),
    )
    .map(({ activation: act, onKink, X, Y, ...params }) => {
      const b1 = params.b1.map((b, j) => (onKink[j] ? -dot(params.W1[j], X[0]) + 0 : b));
      const net: Network = { ...params, b1, ...(act ? { activation: act } : {}) };
      return { net, X, Y };
    });
}

/** The gradients of the course's loss by TensorFlow.js automatic differentiation. */
function tfGradients(net: Network, X: Vector[], Y: Vector[]): Gradients {
  return tf.tidy(() => {
    const inputs = tf.tensor2d(X); // N x inputs
    const targets = tf.tensor2d(Y); // N x outputs
    const act = net.activation;
    const loss = (W1: tf.Tensor, b1: tf.Tensor, W2: tf.Tensor, b2: tf.Tensor): tf.Tensor => {
      const z1 = tf.add(tf.matMul(inputs, W1, false, true), b1);
      const a1 = act?.kind === 'leakyRelu' ? tf.leakyRelu(z1, act.alpha) : tf.relu(z1);
      const yHat = tf.add(tf.matMul(a1, W2, false, true), b2);
      return tf.div(tf.sum(tf.square(tf.sub(yHat, targets))), 2 * X.length);
    };
    const params = [tf.tensor2d(net.W1), tf.tensor1d(net.b1), tf.tensor2d(net.W2), tf.tensor1d(net.b2)];
    const [dW1, db1, dW2, db2] = tf.grads(loss as (...args: tf.Tensor[]) => tf.Tensor)(params);
    return {
      dW1: dW1.arraySync() as number[][],
      db1: db1.arraySync() as number[],
      dW2: dW2.arraySync() as number[][],
      db2: db2.arraySync() as number[],
    };
  });
}

/** Every entry within FLOAT32_TOLERANCE, relative to the entry's size (absolute below 1). */
function expectFloat32Close(reference: Gradients, other: Gradients): void {
  for (const key of ['dW1', 'db1', 'dW2', 'db2'] as const) {
    const ours = reference[key].flat();
    const theirs = other[key].flat();
    expect(theirs).toHaveLength(ours.length);
    ours.forEach((value, i) => {
      const bound = FLOAT32_TOLERANCE * Math.max(1, Math.abs(value));
      expect(Math.abs(value - theirs[i]), `${key} entry ${i}: ${value} vs ${theirs[i]}`).toBeLessThanOrEqual(bound);
    });
  }
}

beforeAll(async () => {
  for (const config of [
    addGradConfig,
    batchMatMulGradConfig,
    leakyReluGradConfig,
    divGradConfig,
    reluGradConfig,
    squareGradConfig,
    subGradConfig,
    sumGradConfig,
  ]) {
    tf.registerGradient(config);
  }
  await tf.setBackend('cpu');
  await tf.ready();
});

describe('backward agrees with TensorFlow.js automatic differentiation', () => {
  test('away from kinks (every |z1| >= 1/32), for ReLU and Leaky ReLU networks', () => {
    fc.assert(
      fc.property(problem('away'), ({ net, X, Y }) => {
        expectFloat32Close(backward(net, X, Y), tfGradients(net, X, Y));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test('also at exact kinks z1 = 0, where TensorFlow uses the course convention (slope 0 for ReLU, alpha for Leaky)', () => {
    let sawKink = 0;
    fc.assert(
      fc.property(problem('onKinks'), ({ net, X, Y }) => {
        if (X.some((x) => net.W1.some((row, j) => dot(row, x) + net.b1[j] === 0))) sawKink++;
        expectFloat32Close(backward(net, X, Y), tfGradients(net, X, Y));
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // The property only means something if exact kinks were actually drawn.
    expect(sawKink).toBeGreaterThan(RUNS / 2);
  });
});
