// Points live in one place, the manifest: a task's points are shared among
// its checks in proportion to their weights, in hundredths of a point, so
// that the checks of a task add up to its points exactly and the tasks to
// the total. Sums of points go through sumPoints, which adds hundredths as
// integers: no 90.53219999999989.
import type { CheckDeclaration } from './check.ts';

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

/** Each check's points: its task's points split among the task's checks by weight (splitPoints). */
export function checkPoints(checks: readonly CheckDeclaration[], taskPoints: (task: string) => number): Map<string, number> {
  const byTask = new Map<string, CheckDeclaration[]>();
  for (const c of checks) byTask.set(c.task, [...(byTask.get(c.task) ?? []), c]);
  const points = new Map<string, number>();
  for (const [task, mine] of byTask) {
    const shares = splitPoints(
      taskPoints(task),
      mine.map((c) => c.weight),
    );
    mine.forEach((c, i) => points.set(c.id, shares[i]));
  }
  return new Map(checks.map((c) => [c.id, points.get(c.id) ?? 0]));
}
