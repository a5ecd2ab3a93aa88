// Visible tests for lesson 1 (exercises/README.md#1-activations).
// Run them with `npm run check`. Each test name says what it expects.
import { describe, expect, test } from 'vitest';
import { leakyRelu, leakyReluGrad, relu, reluGrad } from './activations.ts';

/** Numbers are compared to this many decimal places, so -0 counts as 0. */
const DIGITS = 12;

describe('relu', () => {
  test('passes positive inputs through unchanged', () => {
    expect(relu(3)).toBeCloseTo(3, DIGITS);
    expect(relu(0.25)).toBeCloseTo(0.25, DIGITS);
  });

  test('turns negative inputs and 0 into 0', () => {
    expect(relu(-3)).toBeCloseTo(0, DIGITS);
    expect(relu(-0.001)).toBeCloseTo(0, DIGITS);
    expect(relu(0)).toBeCloseTo(0, DIGITS);
  });

  test('is NOT linear: relu(-1) + relu(1) differs from relu(-1 + 1), the bend at 0 breaks additivity', () => {
    const sumOfOutputs = relu(-1) + relu(1);
    const outputOfSum = relu(-1 + 1);
    expect(sumOfOutputs).toBeCloseTo(1, DIGITS);
    expect(outputOfSum).toBeCloseTo(0, DIGITS);
  });
});

describe('reluGrad', () => {
  test('is 1 where z > 0 (the identity piece) and 0 where z < 0 (the flat piece)', () => {
    expect(reluGrad(2)).toBe(1);
    expect(reluGrad(1e-9)).toBe(1);
    expect(reluGrad(-2)).toBeCloseTo(0, DIGITS);
  });

  test('is 0 at the kink z = 0 (the convention of PyTorch, TensorFlow and JAX): test z > 0, not z >= 0', () => {
    expect(reluGrad(0)).toBeCloseTo(0, DIGITS);
  });
});

describe('leakyRelu', () => {
  test('passes positive inputs through and multiplies negative ones by alpha', () => {
    expect(leakyRelu(3, 0.1)).toBeCloseTo(3, DIGITS);
    expect(leakyRelu(-3, 0.1)).toBeCloseTo(-0.3, DIGITS);
    expect(leakyRelu(0, 0.1)).toBeCloseTo(0, DIGITS);
  });

  test('uses alpha = 0.01 when no alpha is given', () => {
    expect(leakyRelu(-5)).toBeCloseTo(-0.05, DIGITS);
    expect(leakyRelu(5)).toBeCloseTo(5, DIGITS);
  });
});

describe('leakyReluGrad', () => {
  test('is 1 where z > 0 and alpha where z < 0', () => {
    expect(leakyReluGrad(2, 0.2)).toBe(1);
    expect(leakyReluGrad(-2, 0.2)).toBeCloseTo(0.2, DIGITS);
  });

  test('is alpha at the kink z = 0, and 0.01 by default: never 0, so a Leaky unit always passes some gradient back', () => {
    expect(leakyReluGrad(0, 0.2)).toBeCloseTo(0.2, DIGITS);
    expect(leakyReluGrad(0)).toBeCloseTo(0.01, DIGITS);
    expect(leakyReluGrad(-7)).toBeCloseTo(0.01, DIGITS);
  });
});
