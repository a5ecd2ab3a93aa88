// Properties of the reference's dead-unit analysis (solutions/dead-neurons.ts).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Network } from '../exercises/types.ts';
import { backward } from './backprop.ts';
import { activationPattern, alwaysActiveNeurons, deadNeurons } from './dead-neurons.ts';
import { forward } from './forward.ts';
import { activation, networkAndData, SEED } from './testing/arbitraries.ts';

const RUNS = 200;

/**
 * A network and data, pre-activations exactly 0 included (quarter steps hit
 * 0 often). Few samples, so dead units are common.
 */
const problem = networkAndData(activation, 5);

const isLeaky = (net: Network) => net.activation?.kind === 'leakyRelu' && net.activation.alpha !== 0;

describe('activationPattern', () => {
  test('is N x hidden and true exactly where forward gives z1 > 0', () => {
    fc.assert(
      fc.property(problem, ({ net, X }) => {
        expect(activationPattern(net, X)).toEqual(X.map((x) => forward(net, x).z1.map((z) => z > 0)));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe('deadNeurons', () => {
  test('every unit it lists has exactly zero dW1 row and db1 entry, whatever the targets', () => {
    let sawDead = 0;
    fc.assert(
      fc.property(problem, ({ net, X, Y }) => {
        const dead = deadNeurons(net, X);
        if (dead.length > 0) sawDead++;
        const grads = backward(net, X, Y);
        for (const j of dead) {
          expect(grads.dW1[j].every((g) => g === 0)).toBe(true);
          expect(grads.db1[j] === 0).toBe(true); // 0 or -0
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(sawDead).toBeGreaterThan(RUNS / 5);
  });

  test('for ReLU: exactly the units with z1 <= 0 on every sample, sorted; for Leaky ReLU with alpha != 0: none', () => {
    fc.assert(
      fc.property(problem, ({ net, X }) => {
        const expected = isLeaky(net) ? [] : net.b1.map((_, j) => j).filter((j) => X.every((x) => forward(net, x).z1[j] <= 0));
        expect(deadNeurons(net, X)).toEqual(expected);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test('a unit it does not list gets a gradient for some targets (it is not dead)', () => {
    fc.assert(
      fc.property(problem, ({ net, X }) => {
        const dead = new Set(deadNeurons(net, X));
        // Targets 1 below the outputs, and an output layer of ones, make dyHat = 1 / N:
        // every unit's blame is positive and its slope decides.
        const probe: Network = { ...net, W2: [net.b1.map(() => 1)], b2: [0] };
        const Y = X.map((x) => [forward(probe, x).yHat[0] - 1]);
        const grads = backward(probe, X, Y);
        net.b1.forEach((_, j) => {
          if (!dead.has(j)) expect(grads.db1[j]).not.toBe(0);
        });
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe('alwaysActiveNeurons', () => {
  test('lists exactly the units with z1 > 0 on every sample, sorted, and none of them is dead', () => {
    fc.assert(
      fc.property(problem, ({ net, X }) => {
        const expected = net.b1.map((_, j) => j).filter((j) => X.every((x) => forward(net, x).z1[j] > 0));
        const active = alwaysActiveNeurons(net, X);
        expect(active).toEqual(expected);
        const dead = deadNeurons(net, X);
        expect(active.filter((j) => dead.includes(j))).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe('empty data sets', () => {
  test('activationPattern, deadNeurons and alwaysActiveNeurons throw a RangeError', () => {
    fc.assert(
      fc.property(problem, ({ net }) => {
        expect(() => activationPattern(net, [])).toThrow(RangeError);
        expect(() => deadNeurons(net, [])).toThrow(RangeError);
        expect(() => alwaysActiveNeurons(net, [])).toThrow(RangeError);
      }),
      { seed: SEED, numRuns: RUNS / 4 },
    );
  });
});
