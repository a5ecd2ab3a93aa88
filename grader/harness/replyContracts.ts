// What each exercise function may return, by type and size, derived from the
// arguments it was called with (exercises/types.ts): `relu` a number,
// `forward` vectors of the network's sizes, `train` at most one loss per
// epoch. Every reply is held to its contract before anything uses it (the
// checks, the plots and through them the results and reports), so a value
// too large or of the wrong kind is that call's failure with a clear
// message, not a stalled report. Shorter arrays than the network's sizes
// are left to the checks, whose messages show the difference.
import { PROBE_MODULE } from './plannedCall.ts';

/** What a value must be: a leaf type, an array of at most `max` items, or an object with these keys. */
export type Shape =
  | 'number'
  | 'boolean'
  | 'string'
  | { array: Shape; max: number; why?: string }
  | { object: Record<string, Shape>; optional?: readonly string[] }
  /** any plain data of at most this many values (what a call left in its arguments) */
  | { within: number };

/** The error name of a reply outside its contract (StudentCode reports it as a failed check). */
export const OUT_OF_CONTRACT = 'ReplyOutOfContract';

/** A network a student writes as a value (claims' examples): one input in this assignment, a few units; generous bounds. */
const MAX_FREE_UNITS = 1_000;
const MAX_FREE_INPUTS = 100;
/** Extra keys an object may carry beyond its contract's, and what they may hold in all. */
const MAX_EXTRA_ENTRIES = 64;

const num: Shape = 'number';
const vector = (max: number, why?: string): Shape => (why === undefined ? { array: num, max } : { array: num, max, why });
const matrix = (rows: number, cols: number): Shape => ({ array: vector(cols), max: rows });
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

/** The contract of each function, from its arguments. */
const CONTRACTS: Record<string, (args: unknown[]) => Shape> = {
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
  'training.train': ([net, , , options]) => ({ object: { net: sameNetwork(net), losses: vector(epochsOf(options), `one loss per epoch, ${epochsOf(options)} epochs`) } }),
  'training.reviveDeadNeurons': ([net]) => sameNetwork(net),
};

/** The arguments as a call may leave them: changed, perhaps, but not grown past twice their size. */
function argumentsLike(args: unknown): Shape {
  return { within: 2 * entriesUpTo(args, Number.MAX_SAFE_INTEGER) + MAX_EXTRA_ENTRIES };
}

/** The contract of a probe helper (grader/harness/probe.mjs): the wrapped function's value, and the arguments it changed. */
function probeContract(name: string, args: unknown[]): Shape | null {
  if (name === 'argumentsAfter') {
    const [module, fn, inner] = args as [string, string, unknown[]];
    const value = contractOf(module, fn, Array.isArray(inner) ? inner : []);
    return value === null ? null : { object: { value, args: argumentsLike(inner) } };
  }
  if (name === 'reviveSeeded') {
    const [, net, X] = args;
    return { object: { value: sameNetwork(net), args: argumentsLike({ net, X }), draws: num } };
  }
  return null;
}

/** The contract of `module.name` called with `args`, or null when it has none. */
export function contractOf(module: string, name: string, args: unknown[]): Shape | null {
  if (module === PROBE_MODULE) return probeContract(name, args);
  const contract = CONTRACTS[`${module}.${name}`];
  return contract ? contract(args) : null;
}

const describeType = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : typeof v === 'undefined' ? 'undefined' : `a ${typeof v}`);
const wanted = (s: Shape): string => (typeof s === 'string' ? `a ${s}` : 'array' in s ? 'an array' : 'an object');
const at = (path: string): string => (path === '' ? '' : ` at ${path}`);

/** How many values `v` holds, counting up to `limit` (the walk stops there). */
function entriesUpTo(v: unknown, limit: number): number {
  const stack = [v];
  let n = 0;
  while (stack.length > 0 && n <= limit) {
    const x = stack.pop();
    n += 1;
    if (x !== null && typeof x === 'object') {
      const values = Object.values(x as object);
      for (let i = 0; i < values.length && stack.length <= limit; i++) stack.push(values[i]);
    }
  }
  return n;
}

/**
 * Why `value` is outside `shape`, said as what follows "returned" (e.g.
 * `600000 items at .losses, where train returns at most 40 (one loss per
 * epoch, 40 epochs)`), or null when it fits. `what` names the function.
 * Iterative: a reply is at most REPLY_LIMITS deep, but nothing here relies on it.
 */
export function contractProblem(shape: Shape, value: unknown, what: string): string | null {
  const todo: [Shape, unknown, string][] = [[shape, value, '']];
  while (todo.length > 0) {
    const [s, v, path] = todo.pop()!;
    if (typeof s === 'string') {
      if (typeof v !== s) return `${describeType(v)}${at(path)}, where ${what} returns ${wanted(s)}`;
      continue;
    }
    if ('within' in s) {
      const n = entriesUpTo(v, s.within);
      if (n > s.within) return `more than ${s.within} values${at(path)}, where ${what} leaves its arguments about as large as it was given them`;
      continue;
    }
    if ('array' in s) {
      if (!Array.isArray(v)) return `${describeType(v)}${at(path)}, where ${what} returns an array`;
      if (v.length > s.max) return `${v.length} items${at(path)}, where ${what} returns at most ${s.max}${s.why ? ` (${s.why})` : ''}`;
      for (let i = v.length - 1; i >= 0; i--) todo.push([s.array, v[i], `${path}[${i}]`]);
      continue;
    }
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return `${describeType(v)}${at(path)}, where ${what} returns an object`;
    const record = v as Record<string, unknown>;
    let extra = 0;
    for (const key of Object.keys(record)) {
      if (Object.hasOwn(s.object, key)) continue;
      extra += entriesUpTo(record[key], MAX_EXTRA_ENTRIES);
      if (extra > MAX_EXTRA_ENTRIES) return `more than ${MAX_EXTRA_ENTRIES} values under keys ${what} does not return${at(path)} (such as ${JSON.stringify(key.slice(0, 40))})`;
    }
    for (const [key, inner] of Object.entries(s.object)) {
      const present = Object.hasOwn(record, key) && record[key] !== undefined;
      if (!present) {
        if (s.optional?.includes(key)) continue;
        return `an object without ${key}${at(path)}, where ${what} returns one with it`;
      }
      todo.push([inner, record[key], `${path}.${key}`]);
    }
  }
  return null;
}
