// The alternative correct submissions agree with the reference on random inputs.
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, it } from 'vitest';
import { materialiseFixture } from '../corpus/fixtureCorpus.ts';
import { attempt, callExport, importSubmission, sameObservation, seededRng, writeReference, type Mods } from '../course/testing/corpusProbes.ts';
import { ofKind, useWorkDir } from '../course/testing/corpusIndex.ts';

const workDir = useWorkDir();

// ---------------------------------------------------------------------------
// The correct alternatives against the reference on random inputs.

const entry = fc.oneof(
  fc.integer({ min: -4, max: 4 }).map((v) => v / 2),
  fc.double({ min: -3, max: 3, noNaN: true }),
);
const matrix = (rows: number, cols: number) => fc.array(fc.array(entry, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });
const vector = (n: number) => fc.array(entry, { minLength: n, maxLength: n });
const activation = fc.oneof(
  fc.constant(undefined),
  fc.constant({ kind: 'relu' as const }),
  fc.constantFrom(0, 0.01, 0.2, 1).map((alpha) => ({ kind: 'leakyRelu' as const, alpha })),
);
const problem = fc
  .record({
    inputs: fc.integer({ min: 1, max: 3 }),
    hidden: fc.integer({ min: 0, max: 4 }),
    outputs: fc.integer({ min: 1, max: 2 }),
    samples: fc.integer({ min: 1, max: 4 }),
  })
  .chain(({ inputs, hidden, outputs, samples }) =>
    fc.record({
      net: fc.record({ W1: matrix(hidden, inputs), b1: vector(hidden), W2: matrix(outputs, hidden), b2: vector(outputs), activation }).map((n) => {
        if (n.activation === undefined) delete (n as { activation?: unknown }).activation;
        return n;
      }),
      X: fc.array(vector(inputs), { minLength: samples, maxLength: samples }),
      Y: fc.array(vector(outputs), { minLength: samples, maxLength: samples }),
      z: entry,
      interval: fc.tuple(entry, entry),
      seed: fc.nat(),
      lr: fc.constantFrom(0.01, 0.1, 0.5),
      epochs: fc.integer({ min: 0, max: 3 }),
    }),
  );

/** Deeply frozen, so any mutation throws a TypeError. */
function frozen<T>(v: T): T {
  const c = structuredClone(v);
  const freeze = (o: unknown) => {
    if (o && typeof o === 'object') {
      Object.values(o).forEach(freeze);
      Object.freeze(o);
    }
  };
  freeze(c);
  return c;
}

describe('the correct alternatives agree with the reference on random inputs', () => {
  let reference: Mods;
  beforeAll(async () => {
    reference = await importSubmission(await writeReference(workDir(), 'reference-random-'));
  });

  it.each(ofKind('full').map((f) => [f.name, f] as const))('%s', async (name, f) => {
    const s = await importSubmission(await materialiseFixture(f, path.join(workDir(), 'random', name)));
    fc.assert(
      fc.property(problem, ({ net, X, Y, z, interval, seed, lr, epochs }) => {
        const oneInput = { ...net, W1: net.W1.map((row) => [row[0]]) };
        const [lo, hi] = interval;
        const calls: [string, string, unknown[] | (() => unknown[])][] = [
          ['activations', 'relu', [z]],
          ['activations', 'reluGrad', [z]],
          ['activations', 'leakyRelu', [z]],
          ['activations', 'leakyRelu', [z, 0.3]],
          ['activations', 'leakyReluGrad', [z]],
          ['activations', 'leakyReluGrad', [z, 0.3]],
          ['forward', 'dense', [net.W1, net.b1, X[0]]],
          ['forward', 'dense', [net.W2, net.b2, X[0]]],
          ['forward', 'forward', [net, X[0]]],
          ['forward', 'predict', [net, X[0]]],
          ['backprop', 'mseLoss', [net, X, Y]],
          ['backprop', 'mseLoss', [net, X, Y.slice(1)]],
          ['backprop', 'backward', [net, X, Y]],
          ['backprop', 'numericalGradient', [net, X, Y]],
          ['backprop', 'relativeError', () => [reference.backprop.backward(net, X, Y), reference.backprop.numericalGradient(net, X, Y)]],
          ['dead-neurons', 'activationPattern', [net, X]],
          ['dead-neurons', 'deadNeurons', [net, X]],
          ['dead-neurons', 'alwaysActiveNeurons', [net, X]],
          ['linearity', 'kinks', [oneInput, [lo, hi]]],
          ['linearity', 'kinks', [oneInput, [Math.min(lo, hi), Math.max(lo, hi)]]],
          ['linearity', 'isLinearOn', [oneInput, [Math.min(lo, hi), Math.max(lo, hi)]]],
          ['linearity', 'kinks', [net, [-4, 4]]],
          ['training', 'sgdStep', () => [net, reference.backprop.backward(net, X, Y), lr]],
          ['training', 'train', [net, X, Y, { epochs, lr }]],
        ];
        for (const [module, fn, makeArgs] of calls) {
          const args = typeof makeArgs === 'function' ? makeArgs() : makeArgs;
          const mine = attempt(() => callExport(s, module, fn, frozen(args)));
          const theirs = attempt(() => callExport(reference, module, fn, frozen(args)));
          if (!sameObservation(mine, theirs)) {
            throw new Error(`${module}.${fn} differs: ${JSON.stringify(mine)} vs reference ${JSON.stringify(theirs)}`);
          }
        }
        const revived = attempt(() => s.training.reviveDeadNeurons(frozen(net), frozen(X), seededRng(seed)));
        const expected = attempt(() => reference.training.reviveDeadNeurons(frozen(net), frozen(X), seededRng(seed)));
        if (!sameObservation(revived, expected)) throw new Error(`reviveDeadNeurons differs: ${JSON.stringify(revived)} vs ${JSON.stringify(expected)}`);
      }),
      { seed: 20261126, numRuns: 150 },
    );
  });
});
