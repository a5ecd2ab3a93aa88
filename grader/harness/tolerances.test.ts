import { describe, expect, test } from 'vitest';
import { close, firstDifference } from './tolerances.ts';

describe('close', () => {
  test('is relative to the size of the numbers, absolute below 1', () => {
    expect(close(1e12, 1e12 + 1)).toBe(true);
    expect(close(1e-3, 1.1e-3)).toBe(false);
    expect(close(0, 1e-10)).toBe(true);
    expect(close(-0, 0)).toBe(true);
  });

  test('NaN equals only NaN', () => {
    expect(close(Number.NaN, Number.NaN)).toBe(true);
    expect(close(Number.NaN, 0)).toBe(false);
  });

  test('an infinity equals only the same infinity: a relative tolerance of an infinite size would take any value', () => {
    expect(close(Infinity, Infinity)).toBe(true);
    expect(close(-Infinity, -Infinity)).toBe(true);
    expect(close(Infinity, 0)).toBe(false);
    expect(close(0, Infinity)).toBe(false);
    expect(close(Infinity, 1e6)).toBe(false);
    expect(close(-Infinity, Infinity)).toBe(false);
    expect(close(Number.MAX_VALUE, Infinity)).toBe(false);
    expect(firstDifference([Infinity], [1e6])).toBe('[0]');
  });
});

describe('firstDifference', () => {
  test('names the path of the first difference', () => {
    const a = { dW1: [[1, 2]], db1: [0] };
    expect(firstDifference(a, { dW1: [[1, 2]], db1: [0] })).toBeNull();
    expect(firstDifference({ dW1: [[1, 3]], db1: [0] }, a)).toBe('dW1[0][1]');
    expect(firstDifference([1], [1, 2])).toBe('value (length 1, expected 2)');
    expect(firstDifference(null, { a: 1 })).toBe('value (not an object)');
    expect(firstDifference([true], [false])).toBe('[0]');
  });
});
