// Properties of the reference's activations (solutions/activations.ts).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { leakyRelu, leakyReluGrad, relu, reluGrad } from './activations.ts';
import { SEED } from './testing/arbitraries.ts';

const RUNS = 200;
/** Slopes by finite differences are compared to the derivative with this tolerance. */
const SLOPE_TOLERANCE = 1e-9;

/** Finite doubles, including 0, -0, tiny and huge values. */
const z = fc.double({ noNaN: true, noDefaultInfinity: true });
/** A Leaky slope in [0, 1], in eighths. */
const alpha = fc.integer({ min: 0, max: 8 }).map((k) => k / 8);

/** Same value, with -0 counted as 0 (the contract's equality). */
const same = (a: number, b: number) => a + 0 === b + 0;

describe('relu and reluGrad', () => {
  test('relu(z) = max(0, z) and relu(z) - relu(-z) = z', () => {
    fc.assert(
      fc.property(z, (v) => {
        expect(same(relu(v), Math.max(0, v))).toBe(true);
        expect(same(relu(v) - relu(-v), v)).toBe(true);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test('is not additive: relu(a) + relu(b) = relu(a + b) fails whenever a and b have opposite signs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 }), (a, b) => {
        expect(relu(a) + relu(-b)).not.toBe(relu(a - b));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test('reluGrad is 1 for z > 0 and 0 for z <= 0, including 0 and -0 (the kink convention)', () => {
    fc.assert(
      fc.property(z, (v) => {
        expect(reluGrad(v)).toBe(v > 0 ? 1 : 0);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(reluGrad(0)).toBe(0);
    expect(reluGrad(-0)).toBe(0);
  });

  test('reluGrad is the slope of relu away from 0 (one-sided differences)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -64, max: 64 }).filter((k) => k !== 0),
        (k) => {
          const v = k / 8;
          const h = 1 / 1024;
          expect(Math.abs((relu(v + h) - relu(v)) / h - reluGrad(v))).toBeLessThan(SLOPE_TOLERANCE);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe('leakyRelu and leakyReluGrad', () => {
  test('leakyRelu is z for z > 0 and alpha * z otherwise; alpha = 0 is relu, alpha = 1 the identity', () => {
    fc.assert(
      fc.property(z, alpha, (v, a) => {
        expect(same(leakyRelu(v, a), v > 0 ? v : a * v)).toBe(true);
        expect(same(leakyRelu(v, 0), relu(v))).toBe(true);
        expect(same(leakyRelu(v, 1), v)).toBe(true);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test('alpha defaults to 0.01', () => {
    fc.assert(
      fc.property(z, (v) => {
        expect(same(leakyRelu(v), leakyRelu(v, 0.01))).toBe(true);
        expect(leakyReluGrad(v)).toBe(leakyReluGrad(v, 0.01));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test('leakyReluGrad is 1 for z > 0 and alpha for z <= 0, including the kink: never 0 when alpha != 0', () => {
    fc.assert(
      fc.property(z, alpha, (v, a) => {
        expect(leakyReluGrad(v, a)).toBe(v > 0 ? 1 : a);
        if (a !== 0) expect(leakyReluGrad(v, a)).not.toBe(0);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(leakyReluGrad(0, 0.25)).toBe(0.25);
  });
});
