// Lesson 6: your answers, written as values (10 points). Guide: exercises/README.md#6-your-claims
//
// WHAT TO BUILD
// No functions this time. Replace each `notImplementedValue(...)` below with
// a value, then delete the import of './not-implemented.ts'.
//
// 1. `linearExample`: a network with 1 input, 3 hidden ReLU units, 1 output
//    that is EXACTLY linear on [-4, 4], with unit 0 dead there and units 1 and
//    2 always on. The discussion's example does it (hidden weights 1, biases
//    -10, 10, 10), but any network with these properties earns the points.
//
// 2. `nonlinearExample`: 1 input, 3 hidden ReLU units, 1 output, with no dead
//    unit on [-4, 4] (each unit is on somewhere in it), at least two kinks
//    inside (-4, 4), and the five outputs at x = -4, -1, 0, 1, 4 NOT on one
//    line. Draw it first, as the discussion asks: choose where each unit
//    switches, then pick output weights. It is judged by these properties
//    alone: there is no network of ours to match, and your report draws yours
//    alone.
//
// 3. `answers`: what you now believe. Each field is a question:
//    - reluIsLinear: is the function relu itself linear?
//    - reluGradAtZero: the value our convention gives reluGrad(0).
//    - deadMeans: what makes a unit dead: it output zero once
//      ('output-zero-once'), its gradient is zero on every sample
//      ('gradient-always-zero'), or its weights are negative
//      ('negative-weights')?
//    - trainingFavoursLinear: does training prefer linear networks like the
//      first example over nonlinear ones like the second?
//    - leakyReluCanDie: can a Leaky ReLU unit (alpha != 0) die?
//
// THE IDEA
// One architecture, two sets of weights: one gives a straight line, the other
// a bent one. Linearity is a property of particular weights, not of ReLU.
// Training does not aim for either; it only lowers the cost. If the data is
// linear it drifts towards something like the first example; if not, towards
// something like the second (unless units die on the way).
//
// THE TRAPS
// - z1 is a straight line in x, so on [-4, 4] its sign is decided at the two
//   ends (the guide's "Show the formula" under lesson 6 says how).
// - A kink counts only strictly inside (-4, 4), and only if the unit's output
//   weight is not 0.
// - Leave out `activation` (ReLU is the default) or write { kind: 'relu' }.
import type { Answers, Network } from './types.ts';
import { notImplementedValue } from './not-implemented.ts';

/** 1-3-1 ReLU network, exactly linear on [-4, 4]: unit 0 dead, units 1 and 2 always on. */
export const linearExample: Network = notImplementedValue<Network>('linearExample', 'a 1-3-1 ReLU network that is exactly linear on [-4, 4] (lesson 6)');

/** 1-3-1 ReLU network with no dead unit on [-4, 4], two or more kinks inside, five samples off one line. */
export const nonlinearExample: Network = notImplementedValue<Network>('nonlinearExample', 'a 1-3-1 ReLU network that bends inside (-4, 4) (lesson 6)');

/** What the discussion concludes, in your words (as values). */
export const answers: Answers = notImplementedValue<Answers>('answers', 'your five answers, as values (lesson 6)');
