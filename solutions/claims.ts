// The discussion's examples and answers, written as values: the reference.
import type { Answers, Network } from '../exercises/types.ts';

/**
 * The exactly linear example. On [-4, 4]: unit 0 has z = x - 10 < 0 (dead),
 * units 1 and 2 have z = x + 10 > 0 (always on, so they pass x + 10 through).
 * The output is (x + 10) + (x + 10) = 2x + 20: a straight line. Linear because
 * of these particular weights, not because ReLU is linear.
 */
export const linearExample: Network = {
  W1: [[1], [1], [1]],
  b1: [-10, 10, 10],
  W2: [[1, 1, 1]],
  b2: [0],
};

/**
 * A nonlinear example: units switch at x = -1 (unit 0), x = 2 (unit 1) and
 * x = 3 (unit 2), all inside [-4, 4], and each is on somewhere in it. Sampled
 * at x = -4, -1, 0, 1, 4 the output is 3.5, 2, 2.5, 3, 1: no line passes
 * through all five.
 */
export const nonlinearExample: Network = {
  W1: [[1], [1], [-1]],
  b1: [1, -2, 3],
  W2: [[1, -2, 0.5]],
  b2: [0],
};

/** What the discussion concludes. */
export const answers: Answers = {
  reluIsLinear: false,
  reluGradAtZero: 0,
  deadMeans: 'gradient-always-zero',
  trainingFavoursLinear: false,
  leakyReluCanDie: false,
};
