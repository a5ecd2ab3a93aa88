// Plot data brought down to what a picture can show. A results document may
// hold a series of any length (a train that returned 600,000 losses, a
// hand-edited file): charts draw at most MAX_CURVE_POINTS points, and no
// array is ever spread into Math.min or Math.max, whose arguments live on
// the stack and overflow it at a few hundred thousand.

/** A curve as [x, y] points, as the charts take it. */
export type Curve = [number, number][];

/** Points a chart draws per curve: a few per pixel of its width is all the eye can tell apart. */
export const MAX_CURVE_POINTS = 400;

/** The smallest and largest finite value of `values` (null when there is none), in one pass. */
export function finiteExtent(values: Iterable<number>): { min: number; max: number } | null {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (typeof v !== 'number' || !Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min <= max ? { min, max } : null;
}

/**
 * Which of `length` samples to keep for at most `maxPoints`: all when few
 * enough; otherwise the first and the last, and in each of the buckets
 * between them the lowest and the highest finite sample, in their order, so
 * every peak and dip still shows. Samples that are not finite are dropped
 * from the buckets (the first and the last stay, so a series that ends in
 * NaN is still seen to).
 */
function keptIndices(length: number, finiteAt: (i: number) => boolean, yAt: (i: number) => number, maxPoints: number): number[] {
  if (length <= maxPoints) return Array.from({ length }, (_, i) => i);
  const kept = [0];
  const buckets = Math.max(1, Math.floor((maxPoints - 2) / 2));
  const inner = length - 2;
  for (let b = 0; b < buckets; b++) {
    const from = 1 + Math.floor((b * inner) / buckets);
    const to = 1 + Math.floor(((b + 1) * inner) / buckets);
    let low = -1;
    let high = -1;
    for (let i = from; i < to; i++) {
      if (!finiteAt(i)) continue;
      if (low === -1 || yAt(i) < yAt(low)) low = i;
      if (high === -1 || yAt(i) > yAt(high)) high = i;
    }
    if (low === -1) continue;
    if (low === high) kept.push(low);
    else kept.push(Math.min(low, high), Math.max(low, high));
  }
  kept.push(length - 1);
  return kept;
}

/** `curve` with at most `maxPoints` points (see keptIndices). */
export function downsampleCurve(curve: Curve, maxPoints = MAX_CURVE_POINTS): Curve {
  if (curve.length <= maxPoints) return curve;
  const finiteAt = (i: number) => Number.isFinite(curve[i][0]) && Number.isFinite(curve[i][1]);
  return keptIndices(curve.length, finiteAt, (i) => curve[i][1], maxPoints).map((i) => curve[i]);
}

/** A series by index (losses per epoch) as a curve of at most `maxPoints` points, [index, value]. */
export function downsampleSeries(values: readonly number[], maxPoints = MAX_CURVE_POINTS): Curve {
  const finiteAt = (i: number) => Number.isFinite(values[i]);
  return keptIndices(values.length, finiteAt, (i) => values[i], maxPoints).map((i): [number, number] => [i, values[i]]);
}
