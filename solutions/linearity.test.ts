// Properties of the reference's kink finder (solutions/linearity.ts), checked
// against the network's actual outputs: where kinks() sees none, the output is
// affine; at a kink of a single unit, it bends.
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

  test("count a switch, not a net bend: relu(x) - relu(-x) = x is affine, yet 0 is a kink (the contract's definition)", () => {
    const cancelling: Network = { W1: [[1], [-1]], b1: [0, 0], W2: [[1, -1]], b2: [0] };
    expect(kinks(cancelling, [-1, 1])).toEqual([0]);
    expect(offChord(cancelling, -1, 1)).toBe(0);
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
      fc.property(oneInputNet, interval, fractions, (net, [lo, hi], [t1, t2]) => {
        fc.pre(isLinearOn(net, [lo, hi]));
        const [x1, x2] = [lo + t1 * (hi - lo), lo + t2 * (hi - lo)];
        expect(offChord(net, x1, x2)).toBeLessThanOrEqual(CHORD_TOLERANCE * scale(net, [x1, x2]));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test('where there is a kink of a single unit, the output is not affine: it bends across the kink', () => {
    fc.assert(
      fc.property(oneInputNet, interval, fc.nat(), (net, [lo, hi], pick) => {
        const points = switchPoints(net);
        // Kinks where exactly one unit switches: two units at the same x could cancel out.
        const single = kinks(net, [lo, hi]).filter((k) => points.filter((x) => x === k).length === 1);
        fc.pre(single.length > 0);
        const k = single[pick % single.length];
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
