// No function of the reference mutates its arguments. Every argument is deep
// frozen (a write into it throws in strict mode, even one that is undone
// later) and compared with a structured clone taken before the call.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Network, Rng, Vector } from '../exercises/types.ts';
import * as backprop from './backprop.ts';
import * as deadNeurons from './dead-neurons.ts';
import * as forward from './forward.ts';
import * as linearity from './linearity.ts';
import * as training from './training.ts';
import { matrixOf, SEED, vectorOf } from './testing/arbitraries.ts';

const RUNS = 50;

const size = fc.integer({ min: 1, max: 3 });

/** A network (ReLU or Leaky ReLU) and data that fits it. */
const problem = fc
  .record({ inputs: size, hidden: size, outputs: size, samples: size })
  .chain((d) =>
    fc.record({
      W1: matrixOf(d.hidden, d.inputs),
      b1: vectorOf(d.hidden),
      W2: matrixOf(d.outputs, d.hidden),
      b2: vectorOf(d.outputs),
      alpha: fc.option(fc.integer({ min: 0, max: 8 }).map((k) => k / 8)),
      X: matrixOf(d.samples, d.inputs),
      Y: matrixOf(d.samples, d.outputs),
    }),
  )
  .map(({ alpha, X, Y, ...params }) => ({
    net: (alpha === null ? params : { ...params, activation: { kind: 'leakyRelu', alpha } }) as Network,
    X,
    Y,
  }));

/** Freezes a value and everything inside it. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** Calls `run` on deep-frozen copies of `args` and checks they still equal the originals. */
function expectUntouched(name: string, args: unknown[], run: (...frozen: never[]) => unknown): void {
  const frozen = args.map((arg) => deepFreeze(structuredClone(arg)));
  try {
    run(...(frozen as never[]));
  } catch (error) {
    throw new Error(`${name} failed on frozen arguments (did it write into one?): ${String(error)}`, { cause: error });
  }
  expect(frozen, `${name} changed an argument`).toEqual(args);
}

/** A deterministic rng, so reviveDeadNeurons always terminates quickly. */
const rng = (): Rng => {
  let i = 0;
  return () => (((i++ * 0.618034) % 1) + 1) % 1;
};

describe('no function mutates its arguments', () => {
  test('the check itself catches a write, even one that is undone', () => {
    const sneaky = (v: number[]) => {
      const old = v[0];
      v[0] = old + 1;
      v[0] = old;
    };
    expect(() => expectUntouched('sneaky', [[1, 2]], sneaky)).toThrow(/sneaky failed on frozen arguments/);
  });

  test('forward.ts, backprop.ts, dead-neurons.ts, linearity.ts and training.ts', () => {
    fc.assert(
      fc.property(problem, ({ net, X, Y }) => {
        const x: Vector = X[0];
        expectUntouched('dense', [net.W1, net.b1, x], forward.dense);
        expectUntouched('forward', [net, x], forward.forward);
        expectUntouched('predict', [net, x], forward.predict);
        expectUntouched('mseLoss', [net, X, Y], backprop.mseLoss);
        expectUntouched('backward', [net, X, Y], backprop.backward);
        expectUntouched('numericalGradient', [net, X, Y], backprop.numericalGradient);
        const grads = backprop.backward(net, X, Y);
        const other = backprop.backward(
          net,
          X,
          X.map(() => Y[0]),
        );
        expectUntouched('relativeError', [grads, other], backprop.relativeError);
        expectUntouched('activationPattern', [net, X], deadNeurons.activationPattern);
        expectUntouched('deadNeurons', [net, X], deadNeurons.deadNeurons);
        expectUntouched('alwaysActiveNeurons', [net, X], deadNeurons.alwaysActiveNeurons);
        const oneInput: Network = { ...net, W1: net.W1.map((row) => [row[0]]) };
        expectUntouched('kinks', [oneInput, [-4, 4]], linearity.kinks);
        expectUntouched('isLinearOn', [oneInput, [-4, 4]], linearity.isLinearOn);
        expectUntouched('sgdStep', [net, grads, 0.1], training.sgdStep);
        expectUntouched('train', [net, X, Y, { epochs: 3, lr: 0.05 }], training.train);
        const revive = (n: Network, data: Vector[]) => training.reviveDeadNeurons(n, data, rng());
        expectUntouched('reviveDeadNeurons', [net, X], revive);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test('the networks returned by sgdStep, train and reviveDeadNeurons are new objects', () => {
    fc.assert(
      fc.property(problem, ({ net, X, Y }) => {
        const grads = backprop.backward(net, X, Y);
        for (const result of [
          training.sgdStep(net, grads, 0.1),
          training.train(net, X, Y, { epochs: 1, lr: 0.1 }).net,
          training.reviveDeadNeurons(net, X, rng()),
        ]) {
          expect(result).not.toBe(net);
          expect(result.W1).not.toBe(net.W1);
          expect(result.b1).not.toBe(net.b1);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
