// Lesson 5: where the nonlinearity lives (10 points). Guide: exercises/README.md#5-where-the-nonlinearity-lives
// Networks with ONE input here, so W1 is hidden x 1.
//
// WHAT TO BUILD
// - `kinks(net, [lo, hi])`: the x values inside (lo, hi) where the output bends.
// - `isLinearOn(net, [lo, hi])`: true when there is no kink inside (lo, hi).
//
// THE IDEA
// Hidden unit j switches where its pre-activation W1[j][0] * x + b1[j]
// crosses zero. Between two switches every unit keeps its state, so the output is a
// straight line there (lesson 2). So the output of a one-input ReLU network
// is a chain of straight segments joined at these points: piecewise linear.
// On an interval with no switch inside, it is exactly affine; on one with a
// switch inside, it usually bends (not always: see below). Sample the discussion's nonlinear example at
// x = -4, -1, 0, 1, 4 and the five points do not lie on one line.
//
// Not every switch bends the output. Follow one unit across its switch
// point, left to right: its output changes slope from that of one side of the
// activation to that of the other, and seen from left to right it always
// turns upwards, by an amount set by its input weight and the activation.
// Output k sees that turn times the unit's output weight W2[k][j].
// - W1[j][0] = 0: the unit's z1 is the constant b1[j]; it never switches.
// - W2[k][j] = 0 for every output k: the unit switches, but nobody sees it.
// - Leaky ReLU with alpha = 1: both sides have slope 1, there is no bend.
//
// Bends can cancel. Units whose switch points are equal (as you compute
// them) switch together, and their jumps ADD UP. Take two units switching at
// 0, relu(x) and relu(-x), with output weights 1 and -1:
//     relu(x) - relu(-x) = x          a straight line, no kink at 0
// (one turns up, the other down by as much). So an x is a kink when the sum
// is not zero for at least one output; sums of floating-point numbers that
// cancel may leave rounding behind, so "not zero" has a small relative
// tolerance. The exact formulas are in the guide, under "Show the formula"
// (exercises/README.md#5-where-the-nonlinearity-lives).
//
// THE TRAPS
// - The interval is OPEN: a switch exactly at lo or at hi is not inside.
//   (On [-4, 4] a unit switching at x = 4 is on or off throughout, except at
//   the single end point, so the output is still affine on [-4, 4].)
// - Two units may switch at the same x: judge them together, and report
//   that x once ("distinct") if it bends.
// - Sort the result in increasing order.
// - A network with more than one input, or an interval with lo > hi, is a
//   RangeError.
import type { Interval, Network } from './types.ts';

/**
 * With domain = [lo, hi]: the sorted distinct x in the OPEN interval (lo, hi)
 * where the output bends: some units switch there, and together they change
 * the slope of at least one output.
 */
export function kinks(net: Network, domain: Interval): number[] {
  throw new Error('not implemented: kinks — where the output bends inside (lo, hi) (lesson 5)');
}

/**
 * `true` exactly when no kink lies inside (lo, hi): then the output is affine
 * on [lo, hi], and otherwise it is not.
 */
export function isLinearOn(net: Network, interval: Interval): boolean {
  throw new Error('not implemented: isLinearOn — whether the output is one straight line on the interval (lesson 5)');
}
