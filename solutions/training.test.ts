// Properties of the reference's training and re-initialisation (solutions/training.ts).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Activation, Network, Rng, Vector } from '../exercises/types.ts';
import { backward, mseLoss } from './backprop.ts';
import { deadNeurons } from './dead-neurons.ts';
import { forward } from './forward.ts';
import { reviveDeadNeurons, sgdStep, train } from './training.ts';
import { networkAndData, SEED } from './testing/arbitraries.ts';

const RUNS = 200;
/** sgdStep's arithmetic is one multiply and one subtract per entry. */
const STEP_TOLERANCE = 1e-12;
/** Gradients smaller than this could vanish below a parameter's last bit after `lr *`. */
const VISIBLE_GRADIENT = 1e-9;

/** Small learning rates (1/64 to 1/8), so a few epochs never overflow. */
const lr = fc.integer({ min: 1, max: 8 }).map((k) => k / 64);
const epochs = fc.integer({ min: 1, max: 5 });

/** A network with the given activation, and data with few samples (so dead units are common). */
function problem(kind: 'relu' | 'leaky') {
  const leaky = fc.integer({ min: 1, max: 8 }).map((k): Activation => ({ kind: 'leakyRelu', alpha: k / 8 }));
  return networkAndData(kind === 'relu' ? fc.constant(undefined) : leaky);
}

/** Units with z1 <= 0 on every sample: what ReLU would call dead. */
const offEverywhere = (net: Network, X: Vector[]) => net.b1.map((_, j) => j).filter((j) => X.every((x) => forward(net, x).z1[j] <= 0));

/** A seeded source of uniform numbers in [0, 1) (mulberry32). */
function seeded(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

describe('sgdStep', () => {
  test('moves every parameter to p - lr * dp and keeps the activation', () => {
    fc.assert(
      fc.property(fc.oneof(problem('relu'), problem('leaky')), lr, ({ net, X, Y }, rate) => {
        const grads = backward(net, X, Y);
        const next = sgdStep(net, grads, rate);
        const close = (a: number[], b: number[]) => a.every((v, i) => Math.abs(v - b[i]) <= STEP_TOLERANCE);
        expect(
          close(
            next.W1.flat(),
            net.W1.flat().map((p, i) => p - rate * grads.dW1.flat()[i]),
          ),
        ).toBe(true);
        expect(
          close(
            next.b1,
            net.b1.map((p, i) => p - rate * grads.db1[i]),
          ),
        ).toBe(true);
        expect(
          close(
            next.W2.flat(),
            net.W2.flat().map((p, i) => p - rate * grads.dW2.flat()[i]),
          ),
        ).toBe(true);
        expect(
          close(
            next.b2,
            net.b2.map((p, i) => p - rate * grads.db2[i]),
          ),
        ).toBe(true);
        expect(next.activation).toEqual(net.activation);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe('train', () => {
  test('returns one loss per epoch, each recorded before its step, and ends where repeated sgdSteps end', () => {
    fc.assert(
      fc.property(problem('relu'), epochs, lr, ({ net, X, Y }, n, rate) => {
        const { net: trained, losses } = train(net, X, Y, { epochs: n, lr: rate });
        let current = net;
        const expected: number[] = [];
        for (let e = 0; e < n; e++) {
          expected.push(mseLoss(current, X, Y));
          current = sgdStep(current, backward(current, X, Y), rate);
        }
        expect(losses).toEqual(expected);
        expect(trained).toEqual(current);
      }),
      { seed: SEED, numRuns: RUNS / 2 },
    );
  });

  test("never moves a dead ReLU unit's incoming weights and bias, however many epochs", () => {
    let sawDead = 0;
    fc.assert(
      fc.property(problem('relu'), epochs, lr, ({ net, X, Y }, n, rate) => {
        const dead = deadNeurons(net, X);
        if (dead.length > 0) sawDead++;
        const { net: trained } = train(net, X, Y, { epochs: n, lr: rate });
        const stepped = sgdStep(net, backward(net, X, Y), rate);
        for (const j of dead) {
          expect(trained.W1[j]).toEqual(net.W1[j]);
          expect(trained.b1[j]).toBe(net.b1[j]);
          expect(stepped.W1[j]).toEqual(net.W1[j]);
          expect(stepped.b1[j]).toBe(net.b1[j]);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(sawDead).toBeGreaterThan(RUNS / 5);
  });

  test('does move a Leaky ReLU unit that ReLU would leave dead, when blame reaches it', () => {
    fc.assert(
      fc.property(problem('leaky'), lr, ({ net, X, Y }, rate) => {
        const grads = backward(net, X, Y);
        const movable = offEverywhere(net, X).filter((j) => Math.abs(grads.db1[j]) > VISIBLE_GRADIENT);
        fc.pre(movable.length > 0);
        const stepped = sgdStep(net, grads, rate);
        const { net: trained } = train(net, X, Y, { epochs: 1, lr: rate });
        for (const j of movable) {
          expect(stepped.b1[j]).not.toBe(net.b1[j]);
          expect(trained.b1[j]).not.toBe(net.b1[j]);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe('reviveDeadNeurons', () => {
  test('revives every dead unit and leaves every other parameter exactly as it was', () => {
    let sawDead = 0;
    fc.assert(
      fc.property(fc.oneof(problem('relu'), problem('leaky')), fc.integer(), ({ net, X }, seed) => {
        const dead = deadNeurons(net, X);
        if (dead.length > 0) sawDead++;
        const revived = reviveDeadNeurons(net, X, seeded(seed));
        expect(deadNeurons(revived, X)).toEqual([]);
        for (const j of dead) expect(X.some((x) => forward(revived, x).z1[j] > 0)).toBe(true);
        net.b1.forEach((b, j) => {
          if (dead.includes(j)) return;
          expect(revived.W1[j]).toEqual(net.W1[j]);
          expect(revived.b1[j]).toBe(b);
        });
        expect(revived.W2).toEqual(net.W2);
        expect(revived.b2).toEqual(net.b2);
        expect(revived.activation).toEqual(net.activation);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(sawDead).toBeGreaterThan(RUNS / 10);
  });

  test('draws from the rng it is given: the same rng sequence gives the same network', () => {
    fc.assert(
      fc.property(problem('relu'), fc.integer(), ({ net, X }, seed) => {
        expect(reviveDeadNeurons(net, X, seeded(seed))).toEqual(reviveDeadNeurons(net, X, seeded(seed)));
      }),
      { seed: SEED, numRuns: RUNS / 4 },
    );
  });

  test('throws an Error, not an endless loop, when the rng can never revive a unit', () => {
    const net: Network = { W1: [[1]], b1: [-1], W2: [[1]], b2: [0] };
    // rng() = 0 always draws w = b = -1: z1 = -x - 1 <= 0 for x = 0.
    expect(() => reviveDeadNeurons(net, [[0]], () => 0)).toThrow(Error);
  });
});
