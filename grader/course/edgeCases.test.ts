// The edge cases every run checks hold each regime a correct implementation
// must handle, so no planted mistake depends on the seed to be caught.
import { describe, expect, it } from 'vitest';
import { forward } from '../../solutions/forward.ts';
import { kinks } from '../../solutions/linearity.ts';
import { edgeGradientPairs, edgeKinkCases, edgeProblems, edgeProblemsAwayFromKinks, edgeScalars, edgeScalarsWithAlpha } from './edgeCases.ts';

const alphaOf = (net: { activation?: { kind: string; alpha?: number } }) => (net.activation?.kind === 'leakyRelu' ? net.activation.alpha : undefined);
const preActivations = edgeProblems.flatMap(({ net, X }) => X.flatMap((x) => forward(net, x).z1));

describe('edge cases', () => {
  it('scalars: 0 and -0, and calls that omit alpha', () => {
    expect(edgeScalars.some((z) => Object.is(z, 0)) && edgeScalars.some((z) => Object.is(z, -0))).toBe(true);
    expect(edgeScalarsWithAlpha.some(([z, a]) => Object.is(z, -0) && a === undefined)).toBe(true);
    expect(edgeScalarsWithAlpha.some(([z, a]) => z < 0 && a === undefined)).toBe(true);
  });

  it('problems: z1 exactly 0 and -0, one sample, wide data, zero weights and output weights, Leaky alpha 0, 1 and others', () => {
    expect(preActivations.some((z) => Object.is(z, 0)) && preActivations.some((z) => Object.is(z, -0))).toBe(true);
    expect(edgeProblems.some(({ X }) => X.length === 1)).toBe(true);
    expect(edgeProblems.some(({ net, X }) => X.length >= 6 && net.W1[0].length >= 3 && net.W2.length >= 2)).toBe(true);
    expect(edgeProblems.some(({ net }) => net.W1.some((row) => row.every((w) => w === 0)))).toBe(true);
    expect(edgeProblems.some(({ net }) => net.W2.some((row) => row.every((w) => w === 0)))).toBe(true);
    const alphas = new Set(edgeProblems.map(({ net }) => alphaOf(net)));
    for (const a of [undefined, 0, 1, 0.25]) expect(alphas.has(a)).toBe(true);
    expect(edgeProblemsAwayFromKinks.length).toBeGreaterThan(0);
  });

  it('relative errors: entries below the 1e-8 floor, all zeros', () => {
    const entries = edgeGradientPairs.flatMap(([a, b]) => {
      const flat = (g: typeof a) => [...g.dW1.flat(), ...g.db1, ...g.dW2.flat(), ...g.db2];
      const fb = flat(b);
      return flat(a).map((x, i) => Math.abs(x) + Math.abs(fb[i]));
    });
    expect(entries.some((s) => s > 0 && s < 1e-8)).toBe(true);
    expect(edgeGradientPairs.some(([a, b]) => [a, b].every((g) => [...g.dW1.flat(), ...g.db1, ...g.dW2.flat(), ...g.db2].every((v) => v === 0)))).toBe(true);
  });

  it('kinks: on the ends, shared, cancelling, unseen units, alpha 1', () => {
    const switches = (net: (typeof edgeKinkCases)[number][0]) => net.W1.flatMap(([w], j) => (w === 0 ? [] : [-net.b1[j] / w + 0]));
    expect(edgeKinkCases.some(([net, [lo, hi]]) => switches(net).includes(lo) && switches(net).includes(hi))).toBe(true);
    expect(edgeKinkCases.some(([net, range]) => new Set(switches(net)).size < switches(net).length && kinks(net, range).length > 0)).toBe(true);
    expect(edgeKinkCases.some(([net, [lo, hi]]) => switches(net).some((x) => x > lo && x < hi) && kinks(net, [lo, hi]).length === 0)).toBe(true);
    expect(edgeKinkCases.some(([net]) => net.W1.some(([w], j) => w !== 0 && net.W2.every((row) => row[j] === 0)))).toBe(true);
    expect(edgeKinkCases.some(([net]) => alphaOf(net) === 1)).toBe(true);
  });
});
