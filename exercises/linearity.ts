// Lesson 5: where the nonlinearity lives (10 points). Guide: exercises/README.md#5-where-the-nonlinearity-lives
// Networks with ONE input here, so W1 is hidden x 1.
//
// WHAT TO BUILD
// - `kinks(net, [lo, hi])`: the x values inside (lo, hi) where the output bends.
// - `isLinearOn(net, [lo, hi])`: true when there is no kink inside (lo, hi).
//
// THE IDEA
// Hidden unit j switches where its pre-activation crosses zero:
//     W1[j][0] * x + b1[j] = 0   =>   x = -b1[j] / W1[j][0]
// Between two switches every unit keeps its state, so the output is a
// straight line there (lesson 2). So the output of a one-input ReLU network
// is a chain of straight segments joined at these points: piecewise linear.
// On an interval with no switch inside, it is exactly affine; on one with a
// switch inside, it bends. Sample the discussion's nonlinear example at
// x = -4, -1, 0, 1, 4 and the five points do not lie on one line.
//
// Not every switch bends the output:
// - W1[j][0] = 0: the unit's z1 is the constant b1[j]; it never switches.
// - W2[k][j] = 0 for every output k: the unit switches, but nobody sees it.
// - Leaky ReLU with alpha = 1: both sides have slope 1, there is no bend.
//
// THE TRAPS
// - The interval is OPEN: a switch exactly at lo or at hi is not inside.
//   (On [-4, 4] a unit switching at x = 4 is on or off throughout, except at
//   the single end point, so the output is still affine on [-4, 4].)
// - Two units may switch at the same x: report that x once ("distinct").
// - Sort the result in increasing order.
// - A network with more than one input, or an interval with lo > hi, is a
//   RangeError.
import type { Interval, Network } from './types.ts';

/**
 * With domain = [lo, hi]: the sorted distinct x in the OPEN interval (lo, hi)
 * where a hidden unit switches
 * (x = -b1[j] / W1[j][0], W1[j][0] != 0) and the switch bends the output
 * (some W2[k][j] != 0; for Leaky ReLU also alpha != 1).
 */
export function kinks(net: Network, domain: Interval): number[] {
  throw new Error('not implemented: kinks — collect -b1[j] / W1[j][0] strictly inside (lo, hi) for units that bend the output');
}

/** `true` when no kink lies inside (lo, hi): then the output is affine on [lo, hi]. */
export function isLinearOn(net: Network, interval: Interval): boolean {
  throw new Error('not implemented: isLinearOn — true when kinks(net, interval) is empty');
}
