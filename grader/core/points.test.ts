import { describe, expect, test } from 'vitest';
import { roundPoints, splitPoints, sumPoints } from './points.ts';

describe('splitPoints and sumPoints', () => {
  test('shares add up to the total for awkward totals and weights', () => {
    for (const total of [1, 7, 10, 33.33, 98, 105, 0.01]) {
      for (const weights of [
        [1, 1, 1],
        [3, 2, 1, 1, 1],
        [2, 5, 7, 1],
        [1, 1, 1, 1, 1, 1, 1],
        [0.3, 0.7],
      ]) {
        const shares = splitPoints(total, weights);
        shares.forEach((s) => expect(roundPoints(s)).toBe(s));
        expect(sumPoints(shares)).toBe(total);
      }
    }
  });

  test('no weight, nothing shared', () => {
    expect(splitPoints(10, [])).toEqual([]);
    expect(splitPoints(10, [0, 0])).toEqual([0, 0]);
  });

  test('sums carry no float noise', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumPoints([0.1, 0.2])).toBe(0.3);
    expect(sumPoints([32.67, 32.67, 32.66, 2.63, 1.75, 0.88, 0.87, 0.87])).toBe(105);
  });
});
