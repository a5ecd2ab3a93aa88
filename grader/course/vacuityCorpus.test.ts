// The vacuity corpus does what its names say: each generated submission's
// chosen exports do no work in their mode and the rest are the stubs, the
// table covers every export of the seven modules, and vacuous-lookup-table
// answers the printed examples as the reference does and nothing else.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixtureJsonProblems, generatedFixture, materialiseFixture } from '../corpus/fixtureCorpus.ts';
import { attempt, callExport, importSubmission, sameObservation } from './testing/corpusProbes.ts';
import { byName, course, MODULES, useWorkDir } from './testing/corpusIndex.ts';
import { VACUITY_TABLE, vacuityCorpus, type VacuousSpec } from './vacuityCorpus.ts';
import * as activations from '../../solutions/activations.ts';
import * as backprop from '../../solutions/backprop.ts';
import * as deadNeurons from '../../solutions/dead-neurons.ts';
import * as forward from '../../solutions/forward.ts';
import * as linearity from '../../solutions/linearity.ts';
import * as training from '../../solutions/training.ts';

const workDir = useWorkDir();
const vacuityFixtures = () => vacuityCorpus().map((made) => ({ ...generatedFixture(course, made), spec: made.spec }));
const reference: Record<string, (...args: unknown[]) => unknown> = {
  ...activations,
  ...forward,
  ...backprop,
  ...deadNeurons,
  ...linearity,
  ...training,
} as never;

const net = { W1: [[1], [-2]], b1: [0.5, 1], W2: [[1, -1]], b2: [0.25] };
const other = {
  W1: [
    [2, 1],
    [0, -1],
    [1, 1],
  ],
  b1: [0, 1, -1],
  W2: [[1, 0, 2]],
  b2: [0],
};
const grads = { dW1: [[1], [0]], db1: [1, 0], dW2: [[0.5, 0]], db2: [1] };
const rng = () => 0.75;

/** Two different valid calls of each function: a constant answers both alike. */
const CALLS: Record<string, [unknown[], unknown[]]> = {
  relu: [[2], [-3]],
  reluGrad: [[2], [-3]],
  leakyRelu: [[2, 0.1], [-3]],
  leakyReluGrad: [[2, 0.1], [-3]],
  dense: [
    [[[1, 2]], [0], [1, 1]],
    [[[1], [2]], [1, 1], [3]],
  ],
  forward: [
    [net, [1]],
    [other, [1, 2]],
  ],
  predict: [
    [net, [1]],
    [other, [1, 2]],
  ],
  mseLoss: [
    [net, [[1]], [[0]]],
    [other, [[1, 2]], [[3]]],
  ],
  backward: [
    [net, [[1]], [[0]]],
    [other, [[1, 2]], [[3]]],
  ],
  numericalGradient: [
    [net, [[1]], [[0]]],
    [other, [[1, 2]], [[3]]],
  ],
  relativeError: [
    [grads, grads],
    [grads, { ...grads, db2: [3] }],
  ],
  activationPattern: [
    [net, [[1]]],
    [
      other,
      [
        [1, 2],
        [0, 0],
      ],
    ],
  ],
  deadNeurons: [
    [net, [[1]]],
    [
      other,
      [
        [1, 2],
        [0, 0],
      ],
    ],
  ],
  alwaysActiveNeurons: [
    [net, [[1]]],
    [
      other,
      [
        [1, 2],
        [0, 0],
      ],
    ],
  ],
  kinks: [
    [net, [-4, 4]],
    [net, [0, 1]],
  ],
  isLinearOn: [
    [net, [-4, 4]],
    [net, [1, 2]],
  ],
  sgdStep: [
    [net, grads, 0.1],
    [net, grads, 1],
  ],
  train: [
    [net, [[1]], [[0]], { epochs: 2, lr: 0.1 }],
    [net, [[2]], [[1]], { epochs: 1, lr: 0.5 }],
  ],
  reviveDeadNeurons: [
    [net, [[1]], rng],
    [other, [[1, 2]], rng],
  ],
};

/** [], {}, 0, false, or an object whose fields are all such. */
const isEmpty = (v: unknown): boolean =>
  v === 0 ||
  v === false ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every(isEmpty));

const chosen = (spec: VacuousSpec, module: string, name: string) => ('every' in spec ? true : spec.module === module && spec.name === name);

describe('the vacuity table', () => {
  it('covers every export of every module of the course, each with a constant and an empty answer', () => {
    for (const m of MODULES) {
      const table = VACUITY_TABLE.filter((e) => e.module === m).map((e) => e.name);
      expect(table, m).toEqual(course.modules.find((spec) => spec.name === m)!.exports.map((e) => e.name));
    }
    for (const e of VACUITY_TABLE) expect(Object.keys(e.gives), e.name).toEqual(expect.arrayContaining(['constant', 'empty']));
  });

  it('expects nothing of a single export but what the table explains, and at most 5 % of all at once', () => {
    for (const f of vacuityFixtures()) {
      expect(f.name).toMatch(/^vacuous-[a-z0-9-]+-(constant|empty|throws|identity)$/);
      expect(f.expect.kind).toBe('at-most');
      const percent = (f.expect as { percent: number }).percent;
      if (f.name.startsWith('vacuous-every-export-')) expect(percent).toBe(5);
      else if (percent > 0) expect(f.description).toMatch(/may earn up to \d+ %: ./);
    }
    expect(
      vacuityFixtures()
        .filter((f) => (f.expect as { percent: number }).percent > 0 && !f.name.startsWith('vacuous-every-'))
        .map((f) => f.name),
    ).toEqual(['vacuous-claims-answers-constant']);
  });

  it('accepts "at-most" with a percent in fixture.json, and refuses it without one', () => {
    expect(fixtureJsonProblems({ description: 'd', expect: { kind: 'at-most', percent: 5 } }, MODULES)).toEqual([]);
    expect(fixtureJsonProblems({ description: 'd', expect: { kind: 'at-most' } }, MODULES)).toEqual([
      '/expect/percent: must be a number from 0 up to (not including) 100, got undefined',
    ]);
    expect(fixtureJsonProblems({ description: 'd', expect: { kind: 'at-most', percent: 5, task: 'forward' } }, MODULES)).toEqual([
      '/expect/task: not allowed for kind "at-most"',
    ]);
  });
});

describe('each vacuous submission does no work where its name says, and the rest is the stubs', () => {
  it.each(vacuityFixtures().map((f) => [f.name, f] as const))('%s', async (name, f) => {
    const spec = f.spec;
    const dir = await materialiseFixture(f, path.join(workDir(), name));
    for (const m of MODULES) {
      const entries = VACUITY_TABLE.filter((e) => e.module === m);
      const inMode = entries.filter((e) => chosen(spec, m, e.name) && (spec.mode === 'throws' || e.gives[spec.mode as 'constant'] !== undefined));
      const url = pathToFileURL(path.join(dir, `${m}.ts`)).href;
      if (m === 'claims' && spec.mode === 'throws' && inMode.length > 0) {
        // a value cannot throw: the module throws as it loads
        await expect(import(url)).rejects.toThrow(RangeError);
        continue;
      }
      const mod = await import(url);
      for (const e of entries) {
        const doing = inMode.includes(e);
        if (m === 'claims') {
          if (!doing) expect(() => Object.keys(mod[e.name]), `${m}.${e.name}`).toThrow(/^not implemented/);
          else if (spec.mode === 'empty') expect(isEmpty(mod[e.name]), `${m}.${e.name}`).toBe(true);
          else expect(typeof mod[e.name], `${m}.${e.name}`).toBe('object');
          continue;
        }
        const [a, b] = CALLS[e.name].map((args) => attempt(() => mod[e.name](...args)));
        if (!doing) {
          expect(() => mod[e.name](...CALLS[e.name][0]), `${m}.${e.name}`).toThrow(/^not implemented/);
        } else if (spec.mode === 'throws') {
          expect([a, b], `${m}.${e.name}`).toEqual([{ threw: 'RangeError' }, { threw: 'RangeError' }]);
        } else if (spec.mode === 'identity') {
          const given = CALLS[e.name][0][0];
          const value = (a as { value: unknown }).value as Record<string, unknown>;
          expect(e.name === 'train' ? value.net : value, `${m}.${e.name}`).toEqual(given);
        } else {
          expect(a, `${m}.${e.name} answers both calls alike`).toEqual(b);
          if (spec.mode === 'empty') expect(isEmpty((a as { value: unknown }).value), `${m}.${e.name}`).toBe(true);
        }
      }
    }
  });
});

describe('vacuous-lookup-table', () => {
  const fixture = byName.get('vacuous-lookup-table')!;

  /** Every printed example of a module's table, as [function, args, answer]. */
  async function printedExamples(module: string): Promise<[string, unknown[], Record<string, unknown>][]> {
    const text = await readFile(path.join(fixture.dir, `${module}.ts`), 'utf8');
    const out: [string, unknown[], Record<string, unknown>][] = [];
    for (const block of text.split(/^const PRINTED_/m).slice(1)) {
      const constant = /^([A-Z_]+):/.exec(block)![1];
      const name = constant.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
      const table = JSON.parse(block.slice(block.indexOf('{'), block.indexOf('\n};') + 2)) as Record<string, Record<string, unknown>>;
      for (const [key, answer] of Object.entries(table)) out.push([name, JSON.parse(key), answer]);
    }
    return out;
  }

  it('is expected to earn at most 5 %', () => {
    expect(fixture.expect).toEqual({ kind: 'at-most', percent: 5 });
  });

  it("answers each printed example as the reference does, and its tables hold the checks' fixed inputs", async () => {
    const mods = await importSubmission(await materialiseFixture(fixture, path.join(workDir(), 'lookup')));
    let examples = 0;
    for (const m of MODULES.filter((m) => m !== 'claims')) {
      for (const [name, args, answer] of await printedExamples(m)) {
        const mine = attempt(() => callExport(mods, m, name, args));
        const theirs = attempt(() => reference[name](...args));
        expect(sameObservation(mine, theirs), `${m}.${name}(${JSON.stringify(args)})`).toBe(true);
        expect(sameObservation(mine, 'throws' in answer ? { threw: answer.throws } : { value: answer.returns })).toBe(true);
        examples++;
      }
    }
    expect(examples).toBeGreaterThan(150);
    // the fixed inputs of the hidden checks, among them
    expect(mods['dead-neurons'].deadNeurons({ W1: [[0], [1], [1]], b1: [0, 0, 1], W2: [[1, 1, 1]], b2: [0] }, [[-1], [0]])).toEqual([0, 1]);
    expect(mods.linearity.kinks({ W1: [[1], [2], [-0.5]], b1: [1, 2, -0.5], W2: [[1, 1, 1]], b2: [0] }, [-4, 4])).toEqual([-1]);
  });

  it('does no work on anything else', async () => {
    const mods = await importSubmission(await materialiseFixture(fixture, path.join(workDir(), 'lookup-else')));
    expect(mods.activations.relu(7)).toBe(0);
    expect(mods['dead-neurons'].deadNeurons(other, [[-5, -5]])).toEqual([]);
    expect(() => mods.forward.dense([[1]], [0], [7])).toThrow(RangeError);
    expect(mods.training.sgdStep(other, grads, 0.1)).toBe(other);
    expect(mods.linearity.isLinearOn(net, [-0.5, 3.5])).toBe(false);
  });
});
