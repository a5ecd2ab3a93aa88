// The reference's claims (solutions/claims.ts) have the properties the
// contract asks of a student's, checked with the reference's own tools.
import { describe, expect, test } from 'vitest';
import type { Network } from '../exercises/types.ts';
import { answers, linearExample, nonlinearExample } from './claims.ts';
import { alwaysActiveNeurons, deadNeurons } from './dead-neurons.ts';
import { predict } from './forward.ts';
import { isLinearOn, kinks } from './linearity.ts';

/** Points of [-4, 4] in steps of 1/8. */
const DOMAIN = Array.from({ length: 65 }, (_, i) => [-4 + i / 8]);
/** Outputs within this distance of a line are on it. */
const LINE_TOLERANCE = 1e-9;

const shape = (net: Network) => [net.W1[0].length, net.W1.length, net.W2.length];
const isRelu = (net: Network) => net.activation === undefined || net.activation.kind === 'relu';

/** Largest distance of the outputs at xs from the line through the first and last. */
function offLine(net: Network, xs: number[]): number {
  const ys = xs.map((x) => predict(net, [x])[0]);
  const n = xs.length - 1;
  const slope = (ys[n] - ys[0]) / (xs[n] - xs[0]);
  return Math.max(...xs.map((x, i) => Math.abs(ys[i] - (ys[0] + slope * (x - xs[0])))));
}

describe('linearExample', () => {
  test('is 1-3-1 ReLU; on [-4, 4] unit 0 is dead, units 1 and 2 always on, the output a straight line', () => {
    expect(shape(linearExample)).toEqual([1, 3, 1]);
    expect(isRelu(linearExample)).toBe(true);
    expect(deadNeurons(linearExample, DOMAIN)).toEqual([0]);
    expect(alwaysActiveNeurons(linearExample, DOMAIN)).toEqual([1, 2]);
    expect(isLinearOn(linearExample, [-4, 4])).toBe(true);
    expect(
      offLine(
        linearExample,
        DOMAIN.map(([x]) => x),
      ),
    ).toBeLessThan(LINE_TOLERANCE);
  });
});

describe('nonlinearExample', () => {
  test('is 1-3-1 ReLU with no dead unit on [-4, 4], two or more kinks inside, five samples off one line', () => {
    expect(shape(nonlinearExample)).toEqual([1, 3, 1]);
    expect(isRelu(nonlinearExample)).toBe(true);
    expect(deadNeurons(nonlinearExample, DOMAIN)).toEqual([]);
    expect(kinks(nonlinearExample, [-4, 4]).length).toBeGreaterThanOrEqual(2);
    expect(offLine(nonlinearExample, [-4, -1, 0, 1, 4])).toBeGreaterThan(LINE_TOLERANCE);
  });

  test('gives the outputs its comment promises: 3.5, 2, 2.5, 3, 1 at x = -4, -1, 0, 1, 4', () => {
    expect([-4, -1, 0, 1, 4].map((x) => predict(nonlinearExample, [x])[0])).toEqual([3.5, 2, 2.5, 3, 1]);
  });
});

describe('answers', () => {
  test('are the conclusions of the discussion', () => {
    expect(answers).toEqual({
      reluIsLinear: false,
      reluGradAtZero: 0,
      deadMeans: 'gradient-always-zero',
      trainingFavoursLinear: false,
      leakyReluCanDie: false,
    });
  });
});
