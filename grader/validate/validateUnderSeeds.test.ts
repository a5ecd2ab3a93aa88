import { describe, expect, test } from 'vitest';
import { OTHER_SEEDS, seedsFor } from './validateUnderSeeds.ts';

describe('seedsFor', () => {
  test("the manifest's seed first, then 1, 42 and 31337, then seeds drawn from the first", () => {
    expect(seedsFor(20261126, 1)).toEqual([20261126]);
    expect(seedsFor(20261126, 4)).toEqual([20261126, ...OTHER_SEEDS]);
    const eight = seedsFor(20261126, 8);
    expect(eight.slice(0, 4)).toEqual([20261126, 1, 42, 31337]);
    expect(new Set(eight).size).toBe(8);
    for (const s of eight) expect(Number.isInteger(s) && s >= 0 && s < 2 ** 32).toBe(true);
  });

  test('is the same list every time, and never repeats a seed the manifest already uses', () => {
    expect(seedsFor(7, 6)).toEqual(seedsFor(7, 6));
    expect(seedsFor(42, 3)).toEqual([42, 1, 31337]);
  });
});
