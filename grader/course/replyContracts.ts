// What each function of the ReLU course may return, by type and size, from
// the arguments it was called with (exercises/types.ts): `relu` a number,
// `forward` vectors of the network's sizes, `train` at most one loss per
// epoch. The harness holds every reply to these (grader/harness/replyContracts.ts).
import { matrix, type ReplyContracts, type Shape, vector } from '../harness/replyContracts.ts';

/** A network a student writes as a value (claims' examples): one input in this course, a few units; generous bounds. */
const MAX_FREE_UNITS = 1_000;
const MAX_FREE_INPUTS = 100;

const num: Shape = 'number';
const ACTIVATION: Shape = { object: { kind: 'string', alpha: num }, optional: ['alpha'] };

/** Sizes of a network argument, read defensively (the arguments may be deliberately malformed). */
function sizesOf(net: unknown): { hidden: number; inputs: number; outputs: number } {
  const n = (net ?? {}) as Record<string, unknown>;
  const len = (v: unknown): number => (Array.isArray(v) ? v.length : 0);
  const widest = (m: unknown): number => (Array.isArray(m) ? m.reduce((w: number, row) => Math.max(w, len(row)), 0) : 0);
  return { hidden: Math.max(len(n.W1), len(n.b1), widest(n.W2)), inputs: widest(n.W1), outputs: Math.max(len(n.W2), len(n.b2)) };
}

function network(s: { hidden: number; inputs: number; outputs: number }): Shape {
  return {
    object: { W1: matrix(s.hidden, s.inputs), b1: vector(s.hidden), W2: matrix(s.outputs, s.hidden), b2: vector(s.outputs), activation: ACTIVATION },
    optional: ['activation'],
  };
}

const sameNetwork = (net: unknown): Shape => network(sizesOf(net));
const FREE_NETWORK = network({ hidden: MAX_FREE_UNITS, inputs: MAX_FREE_INPUTS, outputs: MAX_FREE_INPUTS });

function gradients(net: unknown): Shape {
  const s = sizesOf(net);
  return { object: { dW1: matrix(s.hidden, s.inputs), db1: vector(s.hidden), dW2: matrix(s.outputs, s.hidden), db2: vector(s.outputs) } };
}

const count = (v: unknown): number => (Array.isArray(v) ? v.length : 0);
const epochsOf = (options: unknown): number => {
  const epochs = (options as { epochs?: unknown } | null)?.epochs;
  return typeof epochs === 'number' && Number.isFinite(epochs) ? Math.max(0, Math.floor(epochs)) : 0;
};

/** The contract of each function of the course, from its arguments. */
export const replyContracts: ReplyContracts = {
  'activations.relu': () => num,
  'activations.reluGrad': () => num,
  'activations.leakyRelu': () => num,
  'activations.leakyReluGrad': () => num,
  'forward.dense': ([W, b]) => vector(Math.max(count(W), count(b)), 'one per row of W'),
  'forward.forward': ([net]) => {
    const s = sizesOf(net);
    return { object: { z1: vector(s.hidden, 'one per hidden unit'), a1: vector(s.hidden, 'one per hidden unit'), yHat: vector(s.outputs, 'one per output') } };
  },
  'forward.predict': ([net]) => vector(sizesOf(net).outputs, 'one per output'),
  'backprop.mseLoss': () => num,
  'backprop.backward': ([net]) => gradients(net),
  'backprop.numericalGradient': ([net]) => gradients(net),
  'backprop.relativeError': () => num,
  'dead-neurons.activationPattern': ([net, X]) => ({ array: { array: 'boolean', max: sizesOf(net).hidden }, max: count(X) }),
  'dead-neurons.deadNeurons': ([net]) => vector(sizesOf(net).hidden),
  'dead-neurons.alwaysActiveNeurons': ([net]) => vector(sizesOf(net).hidden),
  'linearity.kinks': ([net]) => vector(sizesOf(net).hidden),
  'linearity.isLinearOn': () => 'boolean',
  'claims.linearExample': () => FREE_NETWORK,
  'claims.nonlinearExample': () => FREE_NETWORK,
  'claims.answers': () => ({
    object: { reluIsLinear: 'boolean', reluGradAtZero: num, deadMeans: 'string', trainingFavoursLinear: 'boolean', leakyReluCanDie: 'boolean' },
  }),
  'training.sgdStep': ([net]) => sameNetwork(net),
  'training.train': ([net, , , options]) => ({
    object: { net: sameNetwork(net), losses: vector(epochsOf(options), `one loss per epoch, ${epochsOf(options)} epochs`) },
  }),
  'training.reviveDeadNeurons': ([net]) => sameNetwork(net),
};
