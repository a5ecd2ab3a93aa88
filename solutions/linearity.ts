// Where a one-input ReLU network bends, the reference.
//
// Hidden unit j switches on or off where its pre-activation crosses 0:
// W1[j][0] x + b1[j] = 0, at x = -b1[j] / W1[j][0]. Between two such points
// every unit keeps its state, so the output is an affine function of x there.
// A network is nonlinear on a domain exactly when one of these switches
// happens inside it and actually bends the output.
import type { Interval, Network } from '../exercises/types.ts';

/**
 * Sorted distinct x in the open interval (lo, hi) where a unit switches and
 * the switch bends the output: the unit's weight is not 0 (else it never
 * switches), some outgoing weight W2[k][j] is not 0 (else nobody sees it),
 * and for Leaky ReLU alpha != 1 (else both sides have slope 1).
 *
 * The test is per unit: when two units switch at the same x and their bends
 * cancel exactly (relu(x) - relu(-x) = x), that x is still reported, as the
 * contract defines kinks by switches.
 */
export function kinks(net: Network, domain: Interval): number[] {
  const [lo, hi] = domain;
  if (net.W1.some((row) => row.length !== 1)) {
    throw new RangeError(`kinks needs a network with one input; W1 has rows of length ${net.W1.map((r) => r.length).join(', ')}`);
  }
  if (!(lo <= hi)) throw new RangeError(`the interval [${lo}, ${hi}] needs lo <= hi`);
  const act = net.activation;
  if (act?.kind === 'leakyRelu' && act.alpha === 1) return [];
  const found = new Set<number>();
  net.W1.forEach(([w], j) => {
    if (w === 0 || !net.W2.some((row) => row[j] !== 0)) return;
    const x = -net.b1[j] / w + 0; // + 0 turns -0 into 0
    if (x > lo && x < hi) found.add(x);
  });
  return [...found].sort((a, b) => a - b);
}

/** `true` when no kink lies inside (lo, hi): then the output is affine on [lo, hi]. */
export function isLinearOn(net: Network, interval: Interval): boolean {
  return kinks(net, interval).length === 0;
}
