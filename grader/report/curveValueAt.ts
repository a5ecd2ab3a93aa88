// A sampled curve's value at x, interpolated linearly between samples.
import type { Curve } from './boundedSeries.ts';

/** The value at x (exact at a sample, linear between two); null outside the curve. */
export function curveValueAt(curve: Curve, x: number): number | null {
  for (let i = 0; i < curve.length; i++) {
    const [x0, y0] = curve[i];
    if (x0 === x) return y0;
    const next = curve[i + 1];
    if (next && x0 < x && x < next[0]) return y0 + ((x - x0) / (next[0] - x0)) * (next[1] - y0);
  }
  return null;
}
