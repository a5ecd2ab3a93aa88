import { describe, expect, test } from 'vitest';
import type { ExamplePlot, PlotsData } from '../PlotsData.ts';
import { sampleResults } from './fixtures/sample-results.ts';
import {
  activationAtZeroInsight,
  deadClaimInsight,
  kinksInside,
  linearExampleKinkInsight,
  linearExampleUnitsInsight,
  nonlinearExampleInsight,
  reluInsights,
  trainingInsight,
} from './insights.ts';

const xs = [-4, 0, 4];
const plots = (p: Partial<PlotsData>): PlotsData => ({ examples: [], activations: [], training: null, deadMap: null, ...p });
const example = (p: Partial<ExamplePlot>): ExamplePlot => ({
  id: 'linearExample',
  title: 'The linear example',
  student: null,
  reference: [],
  studentKinks: null,
  referenceKinks: [],
  ...p,
});
const texts = (xs: { text: string }[]): string[] => xs.map((i) => i.text);

describe('activationAtZeroInsight', () => {
  test('says when reluGrad(0) is 1 and what the convention is', () => {
    const out = activationAtZeroInsight(plots({ activations: [{ name: 'reluGrad', student: [], reference: [], studentAtZero: 1, referenceAtZero: 0 }] }));
    expect(texts(out)).toEqual(['Your reluGrad(0) is 1; the convention is 0 — at exactly z = 0 the unit gets no gradient, so a dead unit stays dead.']);
  });

  test('names alpha for leakyReluGrad, and is silent when the values agree or are unknown', () => {
    const out = activationAtZeroInsight(
      plots({
        activations: [
          { name: 'leakyReluGrad', student: [], reference: [], studentAtZero: 1, referenceAtZero: 0.01 },
          { name: 'relu', student: [], reference: [], studentAtZero: 0, referenceAtZero: 0 },
          { name: 'reluGrad', student: null, reference: [], studentAtZero: null, referenceAtZero: 0, error: 'boom' },
        ],
      }),
    );
    expect(texts(out)).toEqual([expect.stringMatching(/^Your leakyReluGrad\(0\) is 1; the convention is alpha .* \(0\.01 here\)\.$/)]);
  });
});

describe('the linear example', () => {
  test('a kink inside [-4, 4] is located', () => {
    expect(texts(linearExampleKinkInsight(plots({ examples: [example({ studentKinks: [-6, -1.5] })] })))[0]).toMatch(
      /^Your linearExample bends at x = -1\.5: /,
    );
    expect(linearExampleKinkInsight(plots({ examples: [example({ studentKinks: [-10, 10] })] }))).toEqual([]);
  });

  test('without the student kinks, bends are found in the sampled curve', () => {
    const curve: [number, number][] = [-4, -3, -2, -1, 0, 1, 2, 3, 4].map((x) => [x, Math.max(0, x - 1)]);
    expect(kinksInside(example({ student: curve }))).toEqual({ xs: [1], approximate: true });
    expect(texts(linearExampleKinkInsight(plots({ examples: [example({ student: curve })] })))[0]).toMatch(/bends at x ≈ 1:/);
  });

  test('unit 0 must be dead, units 1 and 2 always active: the worst sample is quoted', () => {
    const z1 = [
      [-10, -6, 14],
      [6, 10, 14],
      [-5, 3, 11],
    ];
    expect(texts(linearExampleUnitsInsight(plots({ examples: [example({ studentZ1: { xs, z1 } })] })))).toEqual([
      'Your linearExample should have unit 0 dead on [-4, 4], but its pre-activation at x = 4 is 14; it must be <= 0 for every x there.',
      'Your linearExample should keep unit 2 active on all of [-4, 4], but its pre-activation at x = -4 is -5, so it switches off there.',
    ]);
  });
});

describe('deadClaimInsight', () => {
  const z1 = [
    [-14, -10, -6],
    [6, 10, 14],
    [-2, 2, 6],
  ];
  const pattern = xs.map((_, s) => z1.map((row) => row[s] > 0));

  test('quotes the pre-activation when the dead-unit map is of an example network', () => {
    const out = deadClaimInsight(
      plots({
        examples: [example({ studentZ1: { xs, z1 } })],
        deadMap: { xs, pattern, referencePattern: pattern, studentDead: [0, 1], referenceDead: [0] },
      }),
    );
    expect(texts(out)).toEqual(['You reported unit 1 dead on the linear example, but its pre-activation at x = 4 is 14.']);
  });

  test('otherwise says where the unit is on, and that dead means off on every sample', () => {
    const out = deadClaimInsight(plots({ deadMap: { xs, pattern, referencePattern: pattern, studentDead: [2], referenceDead: [0] } }));
    expect(texts(out)).toEqual([
      'Your deadNeurons reported unit 2 dead, but it is on (z > 0) at x = 0, so its gradient is not always zero. A unit is dead only when it is off for every sample, not just for some.',
      'Unit 0 is off (z <= 0) for every sample, so it never gets a gradient: it is dead, but your deadNeurons left it out.',
    ]);
  });

  test('is silent when the claim is right or unknown', () => {
    expect(deadClaimInsight(plots({ deadMap: { xs, pattern, referencePattern: pattern, studentDead: [0], referenceDead: [0] } }))).toEqual([]);
    expect(deadClaimInsight(plots({ deadMap: { xs, pattern: null, referencePattern: pattern, studentDead: null, referenceDead: [0], error: 'x' } }))).toEqual(
      [],
    );
  });
});

describe('nonlinearExampleInsight', () => {
  test('asks for two kinks and no dead unit', () => {
    const out = nonlinearExampleInsight(
      plots({
        examples: [
          example({
            id: 'nonlinearExample',
            studentKinks: [1],
            studentZ1: {
              xs,
              z1: [
                [1, 2, 3],
                [-1, -2, 0],
              ],
            },
          }),
        ],
      }),
    );
    expect(texts(out)).toEqual([
      "Your nonlinearExample has only one kink inside [-4, 4] (at x = 1); it needs at least two, so place two units' switch points x = -b1[j] / W1[j][0] inside the interval.",
      'Unit 1 of your nonlinearExample is off for every x in [-4, 4], so it is dead there; the example asks for no dead unit.',
    ]);
  });
});

describe('trainingInsight', () => {
  const reference = [1, 0.5, 0.1];
  test('a rising loss points at the sign of the step', () => {
    expect(texts(trainingInsight(plots({ training: { student: [1, 2, 4], reference } })))[0]).toMatch(
      /rises from 1 to 4\. The reference's falls from 1 to 0\.1\. .*p - lr \* dp/,
    );
  });
  test('a flat loss while the reference falls, and a NaN loss, are named', () => {
    expect(texts(trainingInsight(plots({ training: { student: [1, 1, 1], reference } })))[0]).toMatch(/^Your training loss stays at 1\./);
    expect(texts(trainingInsight(plots({ training: { student: [1, Infinity, NaN], reference } })))[0]).toMatch(
      /^Your training loss becomes Infinity at epoch 1/,
    );
  });
  test('a falling loss is fine', () => {
    expect(trainingInsight(plots({ training: { student: [1, 0.6, 0.2], reference } }))).toEqual([]);
  });
});

test('the sample results give the ideas a student should read', () => {
  const ids = reluInsights({ plots: sampleResults.plots }).map((i) => i.id);
  expect(ids).toEqual(['reluGrad-at-zero', 'linear-example-kink', 'linear-example-unit-1', 'dead-claim-1']);
});

test("plots not of the course's shape give no insight, and no crash", () => {
  for (const forged of [undefined, null, 42, [], { examples: [], activations: [] }, { ...sampleResults.plots, examples: [{ id: 'linearExample' }] }]) {
    expect(reluInsights({ plots: forged })).toEqual([]);
  }
});

test('values lost on the way (null where a number was) produce no claims', () => {
  const z1 = [[null, null, null]] as unknown as number[][];
  expect(linearExampleUnitsInsight(plots({ examples: [example({ studentZ1: { xs, z1 } })] }))).toEqual([]);
  expect(nonlinearExampleInsight(plots({ examples: [example({ id: 'nonlinearExample', studentKinks: [1, 2], studentZ1: { xs, z1 } })] }))).toEqual([]);
  const curve = [
    [-1, 0],
    [0, null],
    [1, 1],
  ] as unknown as [number, number][];
  expect(kinksInside(example({ student: curve }))).toEqual({ xs: [], approximate: true });
});
