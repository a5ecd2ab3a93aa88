// Visible tests for lesson 6 (exercises/README.md#6-your-claims).
// Run them with `npm run check`. Each test name says what it expects.
//
// These tests judge your examples by their PROPERTIES, not by particular
// numbers: any network with the right properties passes. They do not use your
// own forward or kinks (a bug there could hide a bug here); the few lines of
// arithmetic they need are written out below.
import { describe, expect, test } from 'vitest';
import { answers, linearExample, nonlinearExample } from './claims.ts';
import type { Network } from './types.ts';

/** The domain of both examples. */
const LO = -4;
const HI = 4;
/** How far the middle samples may be from a line and still count as on it. */
const LINE_TOLERANCE = 1e-9;

/** z1[j] = W1[j][0] * x + b1[j], by hand. */
function z1(net: Network, x: number): number[] {
  return net.W1.map((row, j) => row[0] * x + net.b1[j]);
}

/** The (single) output, by hand: sum_j W2[0][j] * max(0, z1[j]) + b2[0]. */
function output(net: Network, x: number): number {
  return z1(net, x).reduce((sum, z, j) => sum + net.W2[0][j] * Math.max(0, z), net.b2[0]);
}

/** [inputs, hidden units, outputs], and whether the hidden layer is plain ReLU. */
function describeNet(net: Network): { shape: number[]; relu: boolean } {
  const shape = [net.W1[0]?.length ?? 0, net.W1.length, net.W2.length];
  return { shape, relu: net.activation === undefined || net.activation.kind === 'relu' };
}

/** Largest distance of the points (xs[i], ys[i]) from the line through the first and last. */
function distanceFromChord(xs: number[], ys: number[]): number {
  const n = xs.length - 1;
  const slope = (ys[n] - ys[0]) / (xs[n] - xs[0]);
  return Math.max(...xs.map((x, i) => Math.abs(ys[i] - (ys[0] + slope * (x - xs[0])))));
}

/** Switch points -b1[j] / W1[j][0] strictly inside (LO, HI) of units the output sees. */
function switchesInside(net: Network): number[] {
  const xs = net.W1.flatMap((row, j) => (row[0] !== 0 && net.W2[0][j] !== 0 ? [-net.b1[j] / row[0]] : []));
  return [...new Set(xs.filter((x) => x > LO && x < HI))];
}

describe('linearExample', () => {
  test('has 1 input, 3 hidden ReLU units and 1 output', () => {
    expect(describeNet(linearExample)).toEqual({ shape: [1, 3, 1], relu: true });
  });

  test('has unit 0 dead on [-4, 4]: z1 <= 0 at both ends (z1 is a straight line in x, so everywhere between)', () => {
    expect(z1(linearExample, LO)[0]).toBeLessThanOrEqual(0);
    expect(z1(linearExample, HI)[0]).toBeLessThanOrEqual(0);
  });

  test('has units 1 and 2 always active on [-4, 4]: z1 > 0 at both ends', () => {
    for (const x of [LO, HI]) {
      const [, z1a, z1b] = z1(linearExample, x);
      expect(z1a).toBeGreaterThan(0);
      expect(z1b).toBeGreaterThan(0);
    }
  });

  test('is exactly linear on [-4, 4]: 33 samples all lie on one line', () => {
    const xs = Array.from({ length: 33 }, (_, i) => LO + i / 4);
    const ys = xs.map((x) => output(linearExample, x));
    expect(distanceFromChord(xs, ys)).toBeLessThan(LINE_TOLERANCE);
  });
});

describe('nonlinearExample', () => {
  test('has 1 input, 3 hidden ReLU units and 1 output', () => {
    expect(describeNet(nonlinearExample)).toEqual({ shape: [1, 3, 1], relu: true });
  });

  test('has no dead unit on [-4, 4]: each unit has z1 > 0 at one end at least', () => {
    const atLo = z1(nonlinearExample, LO);
    const atHi = z1(nonlinearExample, HI);
    atLo.forEach((z, j) => expect(z > 0 || atHi[j] > 0, `unit ${j} is on somewhere in [-4, 4]`).toBe(true));
  });

  test('has at least two kinks strictly inside (-4, 4), at units with a nonzero output weight', () => {
    expect(switchesInside(nonlinearExample).length).toBeGreaterThanOrEqual(2);
  });

  test('sampled at x = -4, -1, 0, 1, 4 (draw it!), gives five outputs that are NOT on one line', () => {
    const xs = [-4, -1, 0, 1, 4];
    const ys = xs.map((x) => output(nonlinearExample, x));
    expect(distanceFromChord(xs, ys)).toBeGreaterThan(LINE_TOLERANCE);
  });
});

describe('answers', () => {
  // Whether each answer is right is graded by the hidden tests (shown after
  // the due date). Here we only check that every answer is there, in the
  // right form. Think each one through with exercises/README.md.
  test('has exactly the five fields reluIsLinear, reluGradAtZero, deadMeans, trainingFavoursLinear, leakyReluCanDie', () => {
    expect(Object.keys(answers).sort()).toEqual(['deadMeans', 'leakyReluCanDie', 'reluGradAtZero', 'reluIsLinear', 'trainingFavoursLinear']);
  });

  test('answers the yes/no questions with booleans and reluGradAtZero with a finite number', () => {
    expect(typeof answers.reluIsLinear).toBe('boolean');
    expect(typeof answers.trainingFavoursLinear).toBe('boolean');
    expect(typeof answers.leakyReluCanDie).toBe('boolean');
    expect(Number.isFinite(answers.reluGradAtZero)).toBe(true);
  });

  test("picks deadMeans from 'output-zero-once', 'gradient-always-zero' and 'negative-weights'", () => {
    expect(['output-zero-once', 'gradient-always-zero', 'negative-weights']).toContain(answers.deadMeans);
  });
});
