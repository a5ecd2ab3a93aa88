// The arithmetic of points: relu-lab keeps every score in hundredths of a
// point. A task's points are shared among its checks by largest remainder,
// so the shares add up to the task's points exactly, and sums add whole
// hundredths as integers: no 90.53219999999989 in any export.

/** Points are kept in hundredths: 2 decimals. */
const SCALE = 100;

/** `points` in whole hundredths. */
const hundredths = (points: number): number => Math.round(points * SCALE);

/**
 * `total` shared in proportion to `weights` by largest-remainder rounding in
 * hundredths: each share is its exact value rounded down to a hundredth, and
 * the hundredths left over go one each to the largest remainders (the earlier
 * share on a tie). The shares add up to `total` (rounded to a hundredth)
 * exactly. All weights 0 (or none) share nothing.
 */
export function splitPoints(total: number, weights: readonly number[]): number[] {
  const whole = hundredths(total);
  const weightSum = weights.reduce((sum, w) => sum + w, 0);
  if (weightSum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (whole * w) / weightSum);
  const shares = exact.map((e) => Math.floor(e + 1e-9));
  let left = whole - shares.reduce((sum, s) => sum + s, 0);
  const byRemainder = exact.map((e, i) => ({ i, remainder: e - shares[i] })).sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    shares[i] += 1;
    left -= 1;
  }
  return shares.map((s) => s / SCALE);
}

/** The sum of `points`, added in whole hundredths: exact, with no float noise. */
export function sumPoints(points: Iterable<number>): number {
  let sum = 0;
  for (const p of points) sum += hundredths(p);
  return sum / SCALE;
}

/** `points` rounded to a hundredth, the precision every score is kept to. */
export function roundPoints(points: number): number {
  return hundredths(points) / SCALE;
}
