// Where a one-input ReLU network bends, the reference.
//
// Hidden unit j switches on or off where its pre-activation crosses 0:
// W1[j][0] x + b1[j] = 0, at x = -b1[j] / W1[j][0]. Between two such points
// every unit keeps its state, so the output is an affine function of x there.
//
// A switch is not yet a bend. Crossing its switch point from left to right,
// unit j's slope changes by (1 - alpha) |W1[j][0]| (from alpha to 1 times
// |W1[j][0]| when W1[j][0] > 0, the other way round when it is < 0, and
// either way the output of the unit turns upwards), so output k's slope
// jumps by (1 - alpha) W2[k][j] |W1[j][0]|. Units switching at the same x add
// their jumps, and those can cancel: relu(x) - relu(-x) = x is a straight
// line although two units switch at 0.
import type { Interval, Network } from '../exercises/types.ts';

/** A slope jump at most this fraction of the sum of its terms' sizes is rounding, not a bend. */
const BEND_TOLERANCE = 1e-9;

/**
 * Whether the units of one group, switching at the same x, bend some output:
 * its slope jumps by (1 - alpha) * Σ W2[k][j] * |W1[j][0]| over the group,
 * which must exceed BEND_TOLERANCE * Σ |W2[k][j] * W1[j][0]|.
 */
function bends(net: Network, units: number[], alpha: number): boolean {
  return net.W2.some((row) => {
    let jump = 0;
    let size = 0;
    for (const j of units) {
      const term = row[j] * Math.abs(net.W1[j][0]);
      jump += term;
      size += Math.abs(term);
    }
    return Math.abs((1 - alpha) * jump) > BEND_TOLERANCE * size;
  });
}

/**
 * Sorted distinct x in the open interval (lo, hi) where the output actually
 * bends: the units switching at x (those with W1[j][0] != 0 and
 * -b1[j] / W1[j][0] = x as computed) change some output's slope. A unit whose
 * output weights are all 0 bends nothing, Leaky ReLU with alpha = 1 has the
 * same slope on both sides, and bends of one group may cancel.
 */
export function kinks(net: Network, domain: Interval): number[] {
  const [lo, hi] = domain;
  if (net.W1.some((row) => row.length !== 1)) {
    throw new RangeError(`kinks needs a network with one input; W1 has rows of length ${net.W1.map((r) => r.length).join(', ')}`);
  }
  if (!(lo <= hi)) throw new RangeError(`the interval [${lo}, ${hi}] needs lo <= hi`);
  const act = net.activation;
  const alpha = act?.kind === 'leakyRelu' ? act.alpha : 0;
  // + 0 turns -0 into 0
  const switches = net.W1.flatMap(([w], j) => (w === 0 ? [] : [{ j, x: -net.b1[j] / w + 0 }]));
  const inside = switches.filter(({ x }) => x > lo && x < hi);
  const found = new Set<number>();
  for (const { x } of inside) {
    const group = inside.filter((s) => s.x === x).map((s) => s.j);
    if (bends(net, group, alpha)) found.add(x);
  }
  return [...found].sort((a, b) => a - b);
}

/** `true` exactly when no kink lies inside (lo, hi): then the output is affine on [lo, hi], and otherwise it is not. */
export function isLinearOn(net: Network, interval: Interval): boolean {
  return kinks(net, interval).length === 0;
}
