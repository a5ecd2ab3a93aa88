import { describe, expect, it } from 'vitest';
import { downsampleCurve, downsampleSeries, finiteExtent, MAX_CURVE_POINTS } from './boundedSeries.ts';

describe('boundedSeries', () => {
  it('finds the finite extent of 600,000 values in one pass, skipping NaN and Infinity', () => {
    const values = Array.from({ length: 600_000 }, (_, i) => Math.sin(i / 1000));
    values[5] = Number.NaN;
    values[7] = Number.POSITIVE_INFINITY;
    values[123_456] = -3;
    expect(finiteExtent(values)).toEqual({ min: -3, max: expect.closeTo(1, 6) });
    expect(finiteExtent([Number.NaN])).toBeNull();
    expect(finiteExtent([])).toBeNull();
  });

  it('brings a loss curve of 600,000 points down to a few hundred, keeping first, last, lowest and highest', () => {
    const losses = Array.from({ length: 600_000 }, (_, i) => 1 / (1 + i));
    losses[300_000] = 50;
    losses[400_000] = -2;
    losses[450_000] = Number.NaN;
    const curve = downsampleSeries(losses);
    expect(curve.length).toBeLessThanOrEqual(MAX_CURVE_POINTS);
    expect(curve[0]).toEqual([0, 1]);
    expect(curve[curve.length - 1]).toEqual([599_999, 1 / 600_000]);
    expect(curve).toContainEqual([300_000, 50]);
    expect(curve).toContainEqual([400_000, -2]);
    expect(curve.some(([, y]) => Number.isNaN(y))).toBe(false);
    // in order of x
    expect(curve.every(([x], i) => i === 0 || x > curve[i - 1][0])).toBe(true);
  });

  it('leaves short series as they are', () => {
    expect(downsampleSeries([3, 2, 1])).toEqual([
      [0, 3],
      [1, 2],
      [2, 1],
    ]);
    const curve: [number, number][] = [
      [0, 1],
      [1, 2],
    ];
    expect(downsampleCurve(curve)).toBe(curve);
  });

  it('downsamples [x, y] curves the same way', () => {
    const curve = Array.from({ length: 10_000 }, (_, i): [number, number] => [i / 100, i === 5_000 ? 99 : 0]);
    const small = downsampleCurve(curve, 50);
    expect(small.length).toBeLessThanOrEqual(50);
    expect(small).toContainEqual([50, 99]);
  });
});
