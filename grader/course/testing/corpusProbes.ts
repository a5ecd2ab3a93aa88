// Observations of a submission's behaviour, task by task, shared by the
// corpus's tests: a mistake must change its own task's observations, a
// correct alternative none. The modules are imported directly (these are our
// own fixtures, not untrusted code).
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as activations from '../../../exercises/activations.ts';
import type * as backprop from '../../../exercises/backprop.ts';
import type * as claims from '../../../exercises/claims.ts';
import type * as deadNeurons from '../../../exercises/dead-neurons.ts';
import type * as forward from '../../../exercises/forward.ts';
import type * as linearity from '../../../exercises/linearity.ts';
import type * as training from '../../../exercises/training.ts';
import type { Interval, Network } from '../../../exercises/types.ts';
import { referenceSubmission, type Fixture } from '../../corpus/fixtureCorpus.ts';
import { course, MODULES } from './corpusIndex.ts';
import { close } from '../../harness/tolerances.ts';
import { edgeGradientPairs, edgeProblems, edgeScalars, edgeScalarsWithAlpha } from '../edgeCases.ts';

// ---------------------------------------------------------------------------
// Behaviour. A battery of observations per task, run on the materialised
// submission's modules: a mistake must change its own task's battery, a
// correct alternative must change none.

/** A submission's modules, with the exports the exercise files declare (the corpus's fixtures are ours). */
export interface Mods {
  activations: typeof activations;
  forward: typeof forward;
  backprop: typeof backprop;
  'dead-neurons': typeof deadNeurons;
  linearity: typeof linearity;
  claims: typeof claims;
  training: typeof training;
}

/** The reference as a submission in a fresh folder under the work folder. */
export async function writeReference(workDir: string, prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(workDir, prefix));
  for (const [rel, text] of await referenceSubmission(course)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), text);
  }
  return dir;
}

export async function importSubmission(dir: string): Promise<Mods> {
  const mods: Record<string, unknown> = {};
  for (const m of MODULES) mods[m] = await import(pathToFileURL(path.join(dir, `${m}.ts`)).href);
  return mods as unknown as Mods;
}

/** Calls the export `name` of `module` with `args`, for calls listed as data; a missing function throws a TypeError, as calling it would. */
export function callExport(mods: Mods, module: string, name: string, args: unknown[]): unknown {
  const exports = (mods as unknown as Record<string, Record<string, unknown>>)[module];
  const fn = exports[name];
  if (typeof fn !== 'function') throw new TypeError(`${module}.${name} is not a function`);
  return fn.apply(exports, args);
}

export const clone = <T>(v: T): T => structuredClone(v);

/** The value, or the name of what was thrown. */
export function attempt(f: () => unknown): unknown {
  try {
    return { value: clone(f()) };
  } catch (e) {
    return { threw: e instanceof Error ? e.name : typeof e };
  }
}

/** Calls f on copies of args and reports the outcome and whether the copies changed. */
export function watched<A extends unknown[]>(args: [...A], f: (...a: A) => unknown): unknown {
  const copies = clone(args);
  const outcome = attempt(() => f(...copies));
  return { outcome, argumentsChanged: JSON.stringify(copies) !== JSON.stringify(args) };
}

/** Numbers compared by the hidden checks' own rule (close: relative, -0 equals 0, NaN and infinities only themselves), the rest structurally. */
export function sameObservation(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return close(a, b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameObservation(v, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    return sameObservation(ka, kb) && ka.every((k) => sameObservation((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return a === b;
}

/** A seeded source of numbers in [0, 1) that starts with `first`. */
export function seededRng(seed: number, first: number[] = []): () => number {
  let s = seed >>> 0;
  let i = 0;
  return () => {
    if (i < first.length) return first[i++];
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export const net = {
  W1: [
    [1, -2],
    [0.5, 1],
    [-1, 0.3],
  ],
  b1: [0.1, -0.2, 0.3],
  W2: [
    [1, -1, 2],
    [0.5, 0.25, -1],
  ],
  b2: [0.5, -0.5],
};
export const X = [
  [1, 2],
  [-1, 0.5],
  [0.3, -0.7],
];
export const Y = [
  [1, 0],
  [0, 1],
  [-1, 0.5],
];
export const leaky = (alpha: number) => ({ ...net, activation: { kind: 'leakyRelu' as const, alpha } });
/** Unit 0 sits exactly at 0 on every sample, unit 1 is on for one sample only, unit 2 always on. */
export const atZero = {
  W1: [
    [0, 0],
    [1, 0],
    [0, 1],
  ],
  b1: [0, 0, -1],
  W2: [[1, 1, 1]],
  b2: [0],
};
export const atZeroX = [
  [1, 2],
  [0, 3],
];
/** One input; units switch at 1, 1, -2, -1, 9, 10, 3 (unit 6 unseen: its outgoing weight is 0). */
export const oneInput = {
  W1: [[1], [2], [1], [-1], [1], [0.5], [1]],
  b1: [-1, -2, 2, -1, -9, -5, -3],
  W2: [
    [1, -1, 2, 1, 1, 1, 0],
    [0.5, 0.5, 0, 0, 1, 1, 0],
  ],
  b2: [0, 0],
};
export const deadForRevival = {
  W1: [
    [1, 1],
    [-1, -1],
    [0.5, -0.5],
  ],
  b1: [0, -5, 0.1],
  W2: [[1, 1, 1]],
  b2: [0],
};
export const grid = Array.from({ length: 81 }, (_, i) => [-4 + i / 10]);

export const batteries: Record<string, (s: Mods, ref: Mods) => Record<string, unknown>> = {
  activations: ({ activations: a }) => {
    const zs = [-2, -0.5, 0, 0.5, 2];
    return {
      relu: zs.map((z) => attempt(() => a.relu(z))),
      reluGrad: zs.map((z) => attempt(() => a.reluGrad(z))),
      leakyRelu: zs.map((z) => [attempt(() => a.leakyRelu(z)), attempt(() => a.leakyRelu(z, 0.2))]),
      leakyReluGrad: zs.map((z) => [attempt(() => a.leakyReluGrad(z)), attempt(() => a.leakyReluGrad(z, 0.2))]),
      // the edge cases the hidden checks always check: -0, tiny and huge values, alpha omitted
      edge: edgeScalars.map((z) => [attempt(() => a.relu(z)), attempt(() => a.reluGrad(z))]),
      edgeLeaky: edgeScalarsWithAlpha.map(([z, alpha]) => [attempt(() => a.leakyRelu(z, alpha)), attempt(() => a.leakyReluGrad(z, alpha))]),
    };
  },
  forward: ({ forward: f }) => ({
    square: attempt(() =>
      f.dense(
        [
          [1, 2],
          [3, 4],
        ],
        [0.5, -0.5],
        [1, -1],
      ),
    ),
    wide: attempt(() =>
      f.dense(
        [
          [1, 2, 3],
          [4, 5, 6],
        ],
        [1, 1],
        [1, 0, -1],
      ),
    ),
    misfitInput: attempt(() => f.dense([[1, 2]], [0], [1])),
    misfitBias: attempt(() => f.dense([[1, 2]], [0, 1], [1, 1])),
    relu: X.map((x) => attempt(() => f.forward(net, x))),
    leaky: X.map((x) => attempt(() => f.forward(leaky(0.2), x))),
    predict: X.map((x) => attempt(() => f.predict(net, x))),
    misfitNetwork: attempt(() => f.forward(net, [1])),
    calls: watched([net, X[0]], f.forward),
    edge: edgeProblems.map((p) => p.X.map((x) => [attempt(() => f.forward(p.net, x)), attempt(() => f.predict(p.net, x))])),
  }),
  backprop: ({ backprop: b }, ref) => {
    const g = ref.backprop.backward(net, X, Y);
    const gDead = ref.backprop.backward(atZero, atZeroX, [[1], [2]]);
    const onlyBiases = { ...clone(g), db2: g.db2.map((v: number) => v + 1) };
    const scaled = { dW1: g.dW1.map((r: number[]) => r.map((v) => 3 * v)), db1: g.db1, dW2: g.dW2, db2: g.db2 };
    return {
      loss: attempt(() => b.mseLoss(net, X, Y)),
      lossEmpty: attempt(() => b.mseLoss(net, [], [])),
      lossMisfitTargets: attempt(() => b.mseLoss(net, X, [[1], [2], [3]])),
      backward: attempt(() => b.backward(net, X, Y)),
      backwardLeaky: attempt(() => b.backward(leaky(0.2), X, Y)),
      backwardDead: attempt(() => b.backward(atZero, atZeroX, [[1], [2]])),
      numerical: attempt(() => b.numericalGradient(net, X, Y)),
      numericalEps: attempt(() => b.numericalGradient(leaky(0.2), X, Y, 1e-4)),
      numericalCall: watched([net, X, Y], b.numericalGradient),
      backwardCall: watched([net, X, Y], b.backward),
      errorSelf: attempt(() => b.relativeError(g, g)),
      errorZeros: attempt(() => b.relativeError(gDead, gDead)),
      errorBiases: attempt(() => b.relativeError(g, onlyBiases)),
      errorScaled: attempt(() => b.relativeError(g, scaled)),
      errorShapes: attempt(() => b.relativeError(g, { ...g, dW1: [[1]] })),
      // the edge cases the hidden checks always check: one sample, wide data, Leaky networks, errors below the floor
      edgeLoss: edgeProblems.map((p) => attempt(() => b.mseLoss(p.net, p.X, p.Y))),
      edgeBackward: edgeProblems.map((p) => attempt(() => b.backward(p.net, p.X, p.Y))),
      edgeErrors: edgeGradientPairs.map(([x, y]) => attempt(() => b.relativeError(x, y))),
    };
  },
  'dead-neurons': ({ 'dead-neurons': d }) => ({
    pattern: attempt(() => d.activationPattern(atZero, atZeroX)),
    patternNet: attempt(() => d.activationPattern(net, X)),
    dead: attempt(() => d.deadNeurons(atZero, atZeroX)),
    deadNet: attempt(() => d.deadNeurons(net, X)),
    deadOneSample: attempt(() => d.deadNeurons(net, [X[0]])),
    deadLeaky: attempt(() => d.deadNeurons({ ...atZero, activation: { kind: 'leakyRelu', alpha: 0.01 } }, atZeroX)),
    deadLeakyAlphaZero: attempt(() => d.deadNeurons({ ...atZero, activation: { kind: 'leakyRelu', alpha: 0 } }, atZeroX)),
    active: attempt(() => d.alwaysActiveNeurons(atZero, atZeroX)),
    activeOneSample: attempt(() => d.alwaysActiveNeurons(net, [X[1]])),
    empty: [d.activationPattern, d.deadNeurons, d.alwaysActiveNeurons].map((fn) => attempt(() => fn(net, []))),
  }),
  linearity: ({ linearity: l }) => {
    const endpoint = { W1: [[1], [1]], b1: [-2, 5], W2: [[1, 1]], b2: [0] };
    const cancelling = { W1: [[1], [-1], [2]], b1: [0, 0, -2], W2: [[1, -1, 1]], b2: [0] };
    return {
      wide: attempt(() => l.kinks(oneInput, [-20, 20])),
      domain: attempt(() => l.kinks(oneInput, [-4, 4])),
      aroundEndpoint: (
        [
          [2, 4],
          [-4, 2],
          [2, 2],
        ] satisfies Interval[]
      ).map((iv) => [attempt(() => l.kinks(endpoint, iv)), attempt(() => l.isLinearOn(endpoint, iv))]),
      // units 0 and 1 switch at 0 and their bends cancel there, or add up; unit 2 bends at 1
      cancelling: (
        [
          [-4, 4],
          [-1, 0.5],
        ] satisfies Interval[]
      ).map((iv) => [
        attempt(() => l.kinks(cancelling, iv)),
        attempt(() => l.isLinearOn(cancelling, iv)),
        attempt(() => l.kinks({ ...cancelling, W2: [[1, 1, 1]] }, iv)),
      ]),
      leakyIdentity: attempt(() => l.kinks({ ...oneInput, activation: { kind: 'leakyRelu', alpha: 1 } }, [-20, 20])),
      leakyBent: attempt(() => l.kinks({ ...oneInput, activation: { kind: 'leakyRelu', alpha: 0.5 } }, [-20, 20])),
      linearOn: (
        [
          [-20, 20],
          [3.5, 8],
          [-0.5, 0.5],
          [4, 9],
        ] satisfies Interval[]
      ).map((iv) => attempt(() => l.isLinearOn(oneInput, iv))),
      twoInputs: attempt(() => l.kinks(net, [-1, 1])),
      reversed: attempt(() => l.kinks(oneInput, [1, -1])),
    };
  },
  claims: ({ claims: c }, ref) => {
    const verdicts = (ex: Network) => {
      const shape = attempt(() => ({
        hidden: ex.W1.length,
        inputs: ex.W1.map((r: number[]) => r.length),
        outputs: ex.W2.length,
        activation: ex.activation?.kind ?? 'relu',
      }));
      const dead = attempt(() => ref['dead-neurons'].deadNeurons(ex, grid));
      const active = attempt(() => ref['dead-neurons'].alwaysActiveNeurons(ex, grid));
      const kinkCount = attempt(() => ref.linearity.kinks(ex, [-4, 4]).length >= 2);
      const collinear = attempt(() => {
        const ys = [-4, -1, 0, 1, 4].map((x) => ref.forward.predict(ex, [x])[0]);
        const slope = (ys[4] - ys[0]) / 8;
        return ys.every((y, i) => Math.abs(y - (ys[0] + slope * ([-4, -1, 0, 1, 4][i] + 4))) < 1e-9);
      });
      return { shape, dead, active, kinkCount, collinear };
    };
    const lin = verdicts(c.linearExample);
    const non = verdicts(c.nonlinearExample);
    return {
      linearShape: lin.shape,
      linearDead: lin.dead,
      linearActive: lin.active,
      linearLinear: attempt(() => ref.linearity.isLinearOn(c.linearExample, [-4, 4])),
      nonlinearShape: non.shape,
      nonlinearDead: non.dead,
      nonlinearKinks: non.kinkCount,
      nonlinearCollinear: non.collinear,
      answers: attempt(() => ({ ...c.answers })),
    };
  },
  training: ({ training: t }, ref) => {
    const g = ref.backprop.backward(net, X, Y);
    return {
      step: watched([net, g, 0.1], t.sgdStep),
      stepMisfit: attempt(() => t.sgdStep(net, { ...g, db1: [1] }, 0.1)),
      train: watched([net, X, Y, { epochs: 3, lr: 0.05 }], t.train),
      trainLeaky: attempt(() => t.train(leaky(0.1), X, Y, { epochs: 2, lr: 0.1 })),
      trainNone: attempt(() => t.train(net, X, Y, { epochs: 0, lr: 0.1 })),
      revive: watched([deadForRevival, X], (n, x) => t.reviveDeadNeurons(n, x, seededRng(7, [0.1, 0.1, 0.1]))),
      reviveNothing: attempt(() => t.reviveDeadNeurons(net, X, seededRng(3))),
      reviveEmpty: attempt(() => t.reviveDeadNeurons(net, [], seededRng(3))),
    };
  },
};

export function differingObservations(task: string, s: Mods, ref: Mods): string[] {
  const mine = batteries[task](s, ref);
  const theirs = batteries[task](ref, ref);
  return Object.keys(theirs).filter((k) => !sameObservation(mine[k], theirs[k]));
}

/** Cheats whose loss comes from the grader refusing them; run here they would simply work. */
export const refusedByTheGrader = (f: Fixture) => /^(forges-|reads-)/.test(f.name);
