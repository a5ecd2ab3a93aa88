// Properties of the reference's kink finder (solutions/linearity.ts), checked
// against the network's actual outputs: where kinks() sees none, the output is
// affine; at every kink it lists, it bends.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Interval, Network } from '../exercises/types.ts';
import { predict } from './forward.ts';
import { isLinearOn, kinks } from './linearity.ts';
import { SEED, vectorOf } from './testing/arbitraries.ts';

const RUNS = 200;
/** A midpoint off its chord by less than this (times the outputs' size) is on it. */
const CHORD_TOLERANCE = 1e-9;

/** A one-input network: ReLU, or Leaky ReLU with alpha in [0, 1] (alpha = 1 has no kinks at all). */
const oneInputNet: fc.Arbitrary<Network> = fc
  .record({ hidden: fc.integer({ min: 1, max: 4 }), outputs: fc.integer({ min: 1, max: 2 }) })
  .chain(({ hidden, outputs }) =>
    fc.record({
      W1: fc.array(vectorOf(1), { minLength: hidden, maxLength: hidden }),
      b1: vectorOf(hidden),
      W2: fc.array(vectorOf(hidden), { minLength: outputs, maxLength: outputs }),
      b2: vectorOf(outputs),
      alpha: fc.option(fc.integer({ min: 0, max: 8 }).map((k) => k / 8)),
    }),
  )
  .map(({ alpha, ...params }) => (alpha === null ? params : { ...params, activation: { kind: 'leakyRelu', alpha } }));

/** [lo, hi] with lo < hi, quarter steps in [-8, 8]. */
const interval: fc.Arbitrary<Interval> = fc
  .tuple(fc.integer({ min: -32, max: 32 }), fc.integer({ min: 1, max: 32 }))
  .map(([lo, width]) => [lo / 4, (lo + width) / 4]);

/** Two points of [lo, hi], as fractions of the way across. */
const fractions = fc.tuple(fc.integer({ min: 0, max: 64 }), fc.integer({ min: 0, max: 64 })).map(([a, b]) => [a / 64, b / 64]);

/** Where each unit switches, for every unit whose input weight is not 0. */
const switchPoints = (net: Network): number[] => net.W1.flatMap(([w], j) => (w !== 0 ? [-net.b1[j] / w] : []));

/**
 * Networks in which unit 1 switches where unit 0 does (its weight and bias k
 * times unit 0's) and its output weights undo unit 0's bend: W2[.][1] =
 * -W2[.][0] / |k|, exact in binary for these k.
 */
const cancellingNet: fc.Arbitrary<Network> = oneInputNet
  .filter((net) => net.W1.length >= 2 && net.W1[0][0] !== 0)
  .chain((net) =>
    fc.constantFrom(2, -1, 0.5, -0.5, 1).map((k) => ({
      ...net,
      W1: net.W1.map((row, j) => (j === 1 ? [k * net.W1[0][0]] : row)),
      b1: net.b1.map((b, j) => (j === 1 ? k * net.b1[0] : b)),
      W2: net.W2.map((row) => row.map((v, j) => (j === 1 ? -row[0] / Math.abs(k) : v))),
    })),
  );

/** The largest distance, over outputs, of f at the midpoint of x1, x2 from the chord. */
function offChord(net: Network, x1: number, x2: number): number {
  const [y1, y2, ym] = [predict(net, [x1]), predict(net, [x2]), predict(net, [(x1 + x2) / 2])];
  return Math.max(...ym.map((y, k) => Math.abs(y - (y1[k] + y2[k]) / 2)));
}

/** A scale for the tolerance: the size of the outputs at the points used. */
const scale = (net: Network, xs: number[]) => 1 + Math.max(...xs.flatMap((x) => predict(net, [x]).map(Math.abs)));

describe('kinks', () => {
  test('are sorted, distinct, strictly inside (lo, hi), and each is a switch point of some unit', () => {
    fc.assert(
      fc.property(oneInputNet, interval, (net, [lo, hi]) => {
        const found = kinks(net, [lo, hi]);
        expect([...found].sort((a, b) => a - b)).toEqual(found);
        expect(new Set(found).size).toBe(found.length);
        for (const x of found) {
          expect(x > lo && x < hi).toBe(true);
          expect(switchPoints(net)).toContain(x);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test('leave out a switch whose bends cancel: relu(x) - relu(-x) = x is a straight line', () => {
    const cancelling: Network = { W1: [[1], [-1]], b1: [0, 0], W2: [[1, -1]], b2: [0] };
    expect(kinks(cancelling, [-1, 1])).toEqual([]);
    expect(isLinearOn(cancelling, [-1, 1])).toBe(true);
    expect(offChord(cancelling, -1, 1)).toBe(0);
    // the same two units with output weights that add up bend at 0
    expect(kinks({ ...cancelling, W2: [[1, 1]] }, [-1, 1])).toEqual([0]);
  });

  test('leave out a unit whose output weights are all 0, and every switch of Leaky ReLU with alpha = 1', () => {
    const unseen: Network = {
      W1: [[1], [2]],
      b1: [-1, 2],
      W2: [
        [0, 3],
        [0, -1],
      ],
      b2: [0, 0],
    };
    expect(kinks(unseen, [-4, 4])).toEqual([-1]);
    expect(kinks({ ...unseen, activation: { kind: 'leakyRelu', alpha: 1 } }, [-4, 4])).toEqual([]);
    expect(kinks({ ...unseen, activation: { kind: 'leakyRelu', alpha: 0.5 } }, [-4, 4])).toEqual([-1]);
  });

  test('judge units switching at one x together: a kink when some output bends there', () => {
    // units 0 and 1 switch at -1: output 0 sees 1 * 1 - 0.5 * 2 = 0, output 1 sees 1 * 1 + 1 * 2 = 3
    const shared: Network = {
      W1: [[1], [2]],
      b1: [1, 2],
      W2: [
        [1, -0.5],
        [1, 1],
      ],
      b2: [0, 0],
    };
    expect(kinks(shared, [-4, 4])).toEqual([-1]);
    expect(kinks({ ...shared, W2: [[1, -0.5]], b2: [0] }, [-4, 4])).toEqual([]);
  });

  test('drawn networks with a cancelling pair: the pair leaves no kink, and the output is affine around its switch point', () => {
    fc.assert(
      fc.property(cancellingNet, (net) => {
        const at = -net.b1[0] / net.W1[0][0] + 0;
        const others = switchPoints(net).filter((x) => x !== at);
        // a third unit switching there could bend the output on its own
        fc.pre(others.length === switchPoints(net).length - 2);
        const d = Math.min(1, ...others.map((x) => Math.abs(x - at))) / 2;
        expect(kinks(net, [at - d, at + d])).toEqual([]);
        expect(offChord(net, at - d, at + d)).toBeLessThanOrEqual(CHORD_TOLERANCE * scale(net, [at - d, at + d]));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe('isLinearOn', () => {
  test('is true on the interval between two neighbouring switch points (ends excluded), and the output is affine there', () => {
    fc.assert(
      fc.property(oneInputNet, fc.nat(), fractions, (net, pick, [t1, t2]) => {
        const edges = [...new Set([-8, 8, ...switchPoints(net).filter((x) => x > -8 && x < 8)])].sort((a, b) => a - b);
        const i = pick % (edges.length - 1);
        const [lo, hi] = [edges[i], edges[i + 1]];
        expect(isLinearOn(net, [lo, hi])).toBe(true);
        const [x1, x2] = [lo + t1 * (hi - lo), lo + t2 * (hi - lo)];
        expect(offChord(net, x1, x2)).toBeLessThanOrEqual(CHORD_TOLERANCE * scale(net, [x1, x2]));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test('wherever it says true, the midpoint of any two sample outputs lies on their chord', () => {
    fc.assert(
      fc.property(fc.oneof(oneInputNet, cancellingNet), interval, fractions, (net, [lo, hi], [t1, t2]) => {
        fc.pre(isLinearOn(net, [lo, hi]));
        const [x1, x2] = [lo + t1 * (hi - lo), lo + t2 * (hi - lo)];
        expect(offChord(net, x1, x2)).toBeLessThanOrEqual(CHORD_TOLERANCE * scale(net, [x1, x2]));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test('where there is a kink, the output is not affine: it bends across the kink', () => {
    fc.assert(
      fc.property(fc.oneof(oneInputNet, cancellingNet), interval, fc.nat(), (net, [lo, hi], pick) => {
        const points = switchPoints(net);
        const found = kinks(net, [lo, hi]);
        fc.pre(found.length > 0);
        const k = found[pick % found.length];
        const others = points.filter((x) => x !== k);
        const d = Math.min(k - lo, hi - k, ...others.map((x) => Math.abs(x - k))) / 2;
        expect(isLinearOn(net, [lo, hi])).toBe(false);
        expect(offChord(net, k - d, k + d)).toBeGreaterThan(CHORD_TOLERANCE * scale(net, [k - d, k + d]));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test('agrees with kinks: true exactly when kinks is empty', () => {
    fc.assert(
      fc.property(oneInputNet, interval, (net, range) => {
        expect(isLinearOn(net, range)).toBe(kinks(net, range).length === 0);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe('shapes', () => {
  test('a network with more than one input, or an interval with lo > hi, is a RangeError', () => {
    const twoInputs: Network = { W1: [[1, 1]], b1: [0], W2: [[1]], b2: [0] };
    expect(() => kinks(twoInputs, [-1, 1])).toThrow(RangeError);
    expect(() => kinks(twoInputs, [-1, 1])).toThrow(/\b2\b/);
    const one: Network = { W1: [[1]], b1: [0], W2: [[1]], b2: [0] };
    expect(() => kinks(one, [1, -1])).toThrow(RangeError);
  });
});
