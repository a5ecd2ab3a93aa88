// Shared types of the relu-lab assignment. Both exercises/ and solutions/
// import them, so a student's function and the reference always speak the
// same language. Nothing here needs editing.

/** A column of numbers. Plain JavaScript numbers, no typed arrays. */
export type Vector = number[];

/** A row-major matrix: `M[row][column]`. */
export type Matrix = number[][];

/**
 * The hidden layer's nonlinearity. `relu` is the default when a network
 * has no `activation`. `leakyRelu` keeps a slope `alpha` for z <= 0.
 */
export type Activation = { kind: 'relu' } | { kind: 'leakyRelu'; alpha: number };

/**
 * One hidden layer, a linear output layer.
 * - `W1[j][i]`: weight from input i to hidden unit j (hidden x inputs)
 * - `b1[j]`: bias of hidden unit j
 * - `W2[k][j]`: weight from hidden unit j to output k (outputs x hidden)
 * - `b2[k]`: bias of output k
 */
export interface Network {
  W1: Matrix;
  b1: Vector;
  W2: Matrix;
  b2: Vector;
  activation?: Activation;
}

/** What `forward` remembers for the backward pass. */
export interface ForwardCache {
  /** pre-activations of the hidden units: W1 x + b1 */
  z1: Vector;
  /** activations of the hidden units: act(z1) */
  a1: Vector;
  /** the network's output: W2 a1 + b2 */
  yHat: Vector;
}

/** Gradients of the loss, one entry per parameter, same shapes as the network. */
export interface Gradients {
  dW1: Matrix;
  db1: Vector;
  dW2: Matrix;
  db2: Vector;
}

/** Full-batch gradient descent settings. */
export interface TrainOptions {
  epochs: number;
  lr: number;
}

/** What `train` returns: the trained network and the loss at the start of every epoch. */
export interface TrainResult {
  net: Network;
  losses: number[];
}

/** An interval of the (single) input: `[lo, hi]`. */
export type Interval = [number, number];

/** A source of uniform random numbers in [0, 1). */
export type Rng = () => number;

/** What a student believes, written as values (see claims.ts). */
export interface Answers {
  reluIsLinear: boolean;
  reluGradAtZero: number;
  deadMeans: 'output-zero-once' | 'gradient-always-zero' | 'negative-weights';
  trainingFavoursLinear: boolean;
  leakyReluCanDie: boolean;
}
