// The fixture corpus: it loads, its names say what grading must produce, its
// edits apply, and each fixture really is what its name claims. Mistakes are
// shown to change their own task's behaviour against the reference, the
// alternative correct submissions are compared with the reference on random
// inputs, and the misbehaving ones are run in a child process to see them
// hang, exit or crash.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { MODULES, PACKAGE_ROOT, type ModuleName } from '../core/defaults.ts';
import { isReluLabError } from '../core/errors.ts';
import {
  applyEdits,
  fixtureJsonProblems,
  loadFixtureCorpus,
  materialiseFixture,
  referenceSubmission,
  type Fixture,
} from './fixtureCorpus.ts';

const corpus = await loadFixtureCorpus();
const byName = new Map(corpus.map((f) => [f.name, f]));
const ofKind = (kind: Fixture['expect']['kind']) => corpus.filter((f) => f.expect.kind === kind);

let workDir: string;
beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'relu-lab-corpus-'));
});
afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

/** The prefix a fixture's name must have, by expectation. */
function nameFits(f: Fixture): boolean {
  switch (f.expect.kind) {
    case 'full':
      return /^passes-/.test(f.name);
    case 'zero':
      return f.name === 'stub' || f.name.startsWith('stub-') || f.name.endsWith('-stubs');
    case 'loses':
      return /^(fails-(?!to-compile)|forges-|reads-|prints-)/.test(f.name);
    case 'misbehaves':
      return f.expect.status === 'timed-out'
        ? /^hangs-/.test(f.name)
        : /^(exits-|crashes-|exhausts-|fails-to-compile)/.test(f.name);
  }
}

describe('the corpus', () => {
  it('loads, with unique kebab-case names whose prefix states the expectation', () => {
    expect(corpus.length).toBeGreaterThan(0);
    expect(new Set(corpus.map((f) => f.name)).size).toBe(corpus.length);
    for (const f of corpus) {
      expect(f.name, f.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(nameFits(f), `${f.name} does not fit ${JSON.stringify(f.expect)}`).toBe(true);
    }
  });

  it('has at least 32 single mistakes covering every task, three correct alternatives and the stubs', () => {
    const mistakes = ofKind('loses').filter((f) => f.name.startsWith('fails-'));
    expect(mistakes.length).toBeGreaterThanOrEqual(32);
    for (const task of MODULES) {
      expect(mistakes.some((f) => f.expect.kind === 'loses' && f.expect.task === task), task).toBe(true);
    }
    expect(ofKind('full').length).toBeGreaterThanOrEqual(3);
    expect(ofKind('full').every((f) => f.source === 'files')).toBe(true);
    expect(ofKind('zero').map((f) => f.name)).toEqual(['untouched-stubs']);
  });

  it('has the misbehaving and cheating submissions', () => {
    const expected: Record<string, Fixture['expect']> = {
      'hangs-forever': { kind: 'misbehaves', status: 'timed-out', task: 'backprop' },
      'hangs-at-import': { kind: 'misbehaves', status: 'timed-out', task: 'training' },
      'exits-during-call': { kind: 'misbehaves', status: 'errored', task: 'backprop' },
      'exits-with-reallyexit': { kind: 'misbehaves', status: 'errored', task: 'linearity' },
      'crashes-at-import': { kind: 'misbehaves', status: 'errored', task: 'dead-neurons' },
      'fails-to-compile': { kind: 'misbehaves', status: 'errored', task: 'forward' },
      'exhausts-memory': { kind: 'misbehaves', status: 'errored', task: 'training' },
      'forges-by-reexporting-reference': { kind: 'loses', task: 'backprop' },
      'forges-from-exercises-folder': { kind: 'loses', task: 'backprop' },
      'reads-the-reference': { kind: 'loses', task: 'backprop' },
      'prints-fake-results': { kind: 'loses', task: 'backprop' },
    };
    for (const [name, expectation] of Object.entries(expected)) expect(byName.get(name)?.expect, name).toEqual(expectation);
  });

  it('applies every edit to text found exactly once, in order', async () => {
    const reference = await referenceSubmission();
    for (const f of corpus.filter((f) => f.source === 'edits')) {
      let files = reference;
      f.edits.forEach((edit, i) => {
        const text = files.get(edit.file);
        expect(text, `${f.name} edit ${i}: ${edit.file}`).toBeDefined();
        expect(text!.split(edit.find).length - 1, `${f.name} edit ${i} in ${edit.file}`).toBe(1);
        files = applyEdits(f.name, files, [edit]);
      });
    }
  });

  it('materialises every edited fixture as the reference with a difference only where the edits are', async () => {
    const reference = await referenceSubmission();
    for (const f of corpus.filter((f) => f.source === 'edits')) {
      const dir = await materialiseFixture(f, path.join(workDir, 'edited', f.name));
      const written = await filesIn(dir);
      expect([...written.keys()].sort(), f.name).toEqual([...reference.keys()].sort());
      const changed = [...written].filter(([rel, text]) => reference.get(rel) !== text).map(([rel]) => rel);
      expect(changed.sort(), f.name).toEqual([...new Set(f.edits.map((e) => e.file))].sort());
    }
  });

  it('materialises the reference with its type imports pointed at the copied types.ts', async () => {
    const reference = await referenceSubmission();
    expect([...reference.keys()]).toEqual(expect.arrayContaining([...MODULES.map((m) => `${m}.ts`), 'internal/shapes.ts', 'types.ts']));
    expect([...reference.keys()].some((rel) => rel.endsWith('.test.ts') || rel.endsWith('.check.ts'))).toBe(false);
    for (const [rel, text] of reference) expect(text, rel).not.toContain('exercises/types.ts');
    expect(reference.get('backprop.ts')).toContain("from './types.ts'");
    expect(reference.get('internal/shapes.ts')).toContain("from '../types.ts'");
  });

  it('materialises full-file fixtures as their own files plus types.ts', async () => {
    for (const f of corpus.filter((f) => f.source === 'files')) {
      const dir = await materialiseFixture(f, path.join(workDir, 'files', f.name));
      const written = await filesIn(dir);
      expect([...written.keys()].sort(), f.name).toEqual([...new Set([...f.files, 'types.ts'])].sort());
      expect(written.get('types.ts')).toBe(await readFile(path.join(PACKAGE_ROOT, 'exercises/types.ts'), 'utf8'));
    }
  });

  it('materialises untouched-stubs as a copy of exercises/ today', async () => {
    const dir = await materialiseFixture(byName.get('untouched-stubs')!, path.join(workDir, 'stubs'));
    const written = await filesIn(dir);
    for (const m of MODULES) {
      expect(written.get(`${m}.ts`), m).toBe(await readFile(path.join(PACKAGE_ROOT, 'exercises', `${m}.ts`), 'utf8'));
    }
    expect([...written.keys()].some((rel) => rel.endsWith('.test.ts'))).toBe(false);
  });
});

async function filesIn(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const out = new Map<string, string>();
  for (const e of entries.filter((e) => e.isFile())) {
    const file = path.join(e.parentPath, e.name);
    out.set(path.relative(dir, file).split(path.sep).join('/'), await readFile(file, 'utf8'));
  }
  return out;
}

describe('the loader refuses what it cannot use', () => {
  async function corpusWith(fixtures: Record<string, Record<string, string>>): Promise<string> {
    const root = await mkdtemp(path.join(workDir, 'bad-'));
    for (const [name, files] of Object.entries(fixtures)) {
      for (const [rel, text] of Object.entries(files)) {
        await mkdir(path.dirname(path.join(root, name, rel)), { recursive: true });
        await writeFile(path.join(root, name, rel), text);
      }
    }
    return root;
  }
  const json = (data: unknown) => JSON.stringify(data);
  const loses = { kind: 'loses', task: 'backprop' };

  async function refusal(root: string): Promise<string> {
    try {
      await loadFixtureCorpus(root);
    } catch (e) {
      expect(isReluLabError(e, 'internal'), String(e)).toBe(true);
      return (e as Error).message;
    }
    throw new Error('the corpus loaded');
  }

  it('an edit whose text is absent, naming fixture and file', async () => {
    const root = await corpusWith({ 'fails-x': { 'fixture.json': json({ description: 'd', expect: loses, edits: [{ file: 'backprop.ts', find: 'no such text', replace: 'x' }] }) } });
    expect(await refusal(root)).toMatch(/fixture fails-x: edit 0 .*backprop\.ts, found it 0 times/);
  });

  it('an edit whose text occurs twice', async () => {
    const root = await corpusWith({ 'fails-x': { 'fixture.json': json({ description: 'd', expect: loses, edits: [{ file: 'backprop.ts', find: 'mseLoss', replace: 'x' }] }) } });
    expect(await refusal(root)).toMatch(/fixture fails-x: .*backprop\.ts, found it \d+ times/);
  });

  it('an edit of a file the reference does not have', async () => {
    const root = await corpusWith({ 'fails-x': { 'fixture.json': json({ description: 'd', expect: loses, edits: [{ file: 'nowhere.ts', find: 'a', replace: 'b' }] }) } });
    expect(await refusal(root)).toMatch(/fixture fails-x: edit 0 names nowhere\.ts/);
  });

  it('a folder without fixture.json, or with broken JSON', async () => {
    expect(await refusal(await corpusWith({ 'fails-x': { 'note.txt': 'x' } }))).toMatch(/fixture fails-x: .*fixture\.json is missing/);
    expect(await refusal(await corpusWith({ 'fails-x': { 'fixture.json': '{ nope' } }))).toMatch(/fixture fails-x: fixture\.json is not valid JSON/);
  });

  it('a name that is not kebab-case', async () => {
    const root = await corpusWith({ Fails_X: { 'fixture.json': json({ description: 'd', expect: loses, edits: [{ file: 'backprop.ts', find: 'return sum / (2 * X.length);', replace: 'return 0;' }] }) } });
    expect(await refusal(root)).toMatch(/folder name "Fails_X" must be kebab-case/);
  });

  it('a full-file fixture that lacks modules', async () => {
    const root = await corpusWith({ 'passes-x': { 'fixture.json': json({ description: 'd', expect: { kind: 'full' } }), 'activations.ts': '' } });
    expect(await refusal(root)).toMatch(/fixture passes-x [\s\S]*missing forward\.ts, backprop\.ts/);
  });

  it('an edited fixture that also carries .ts files', async () => {
    const root = await corpusWith({ 'fails-x': { 'fixture.json': json({ description: 'd', expect: loses, edits: [{ file: 'backprop.ts', find: 'return sum / (2 * X.length);', replace: 'return 0;' }] }), 'backprop.ts': '' } });
    expect(await refusal(root)).toMatch(/has no \.ts files of its own, found backprop\.ts/);
  });

  it('fixture.json problems, each with its JSON path', () => {
    expect(fixtureJsonProblems([])).toEqual(['/: must be an object']);
    expect(fixtureJsonProblems({ description: '', expect: { kind: 'loses', task: 'nope' }, extra: 1 })).toEqual([
      '/extra: unknown property',
      '/description: must be a non-empty string',
      expect.stringMatching(/^\/expect\/task: must be one of activations, forward/),
    ]);
    expect(fixtureJsonProblems({ description: 'd', expect: { kind: 'misbehaves', task: 'forward', status: 'slow' } })).toEqual([
      '/expect/status: must be one of timed-out, errored, got "slow"',
    ]);
    expect(fixtureJsonProblems({ description: 'd', expect: { kind: 'full', task: 'forward' } })).toEqual(['/expect/task: not allowed for kind "full"']);
    expect(fixtureJsonProblems({ description: 'd', expect: { kind: 'sometimes' } })).toEqual([expect.stringMatching(/^\/expect\/kind: must be one of full, zero/)]);
    expect(fixtureJsonProblems({ description: 'd', expect: { kind: 'zero' }, edits: [] })).toEqual(['/edits: must be a non-empty array when present']);
    expect(
      fixtureJsonProblems({ description: 'd', expect: { kind: 'zero' }, edits: [{ file: '../x.ts', find: 'a', replace: 'a', why: 1 }] }),
    ).toEqual([
      '/edits/0/why: unknown property',
      '/edits/0/file: must be a relative .ts path inside the submission, got "../x.ts"',
      '/edits/0: replace equals find, the edit changes nothing',
    ]);
    expect(fixtureJsonProblems({ description: 'd', expect: { kind: 'zero' }, from: 'solutions' })).toEqual(['/from: must be "exercises" when present']);
  });

  it('materialising into a folder that is not empty', async () => {
    const dir = path.join(workDir, 'occupied');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'stale.ts'), '');
    await expect(materialiseFixture(byName.get('fails-relu-grad-at-zero')!, dir)).rejects.toThrow(/is not empty/);
  });
});

// ---------------------------------------------------------------------------
// Behaviour. A battery of observations per task, run on the materialised
// submission's modules: a mistake must change its own task's battery, a
// correct alternative must change none.

type Mods = Record<ModuleName, Record<string, any>>;

/** The reference as a submission in a fresh folder under the work folder. */
async function writeReference(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(workDir, prefix));
  for (const [rel, text] of await referenceSubmission()) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), text);
  }
  return dir;
}

async function importSubmission(dir: string): Promise<Mods> {
  const mods = {} as Mods;
  for (const m of MODULES) mods[m] = await import(pathToFileURL(path.join(dir, `${m}.ts`)).href);
  return mods;
}

const clone = <T>(v: T): T => structuredClone(v);

/** The value, or the name of what was thrown. */
function attempt(f: () => unknown): unknown {
  try {
    return { value: clone(f()) };
  } catch (e) {
    return { threw: e instanceof Error ? e.name : typeof e };
  }
}

/** Calls f on copies of args and reports the outcome and whether the copies changed. */
function watched(args: unknown[], f: (...a: any[]) => unknown): unknown {
  const copies = clone(args);
  const outcome = attempt(() => f(...copies));
  return { outcome, argumentsChanged: JSON.stringify(copies) !== JSON.stringify(args) };
}

/** Same rule as the hidden tests: |a - b| <= 1e-9 * max(1, |a|, |b|), -0 equals 0, NaN only equals NaN. */
function sameObservation(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  }
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameObservation(v, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    return sameObservation(ka, kb) && ka.every((k) => sameObservation((a as any)[k], (b as any)[k]));
  }
  return a === b;
}

/** A seeded source of numbers in [0, 1) that starts with `first`. */
function seededRng(seed: number, first: number[] = []): () => number {
  let s = seed >>> 0;
  let i = 0;
  return () => {
    if (i < first.length) return first[i++];
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const net = {
  W1: [[1, -2], [0.5, 1], [-1, 0.3]],
  b1: [0.1, -0.2, 0.3],
  W2: [[1, -1, 2], [0.5, 0.25, -1]],
  b2: [0.5, -0.5],
};
const X = [[1, 2], [-1, 0.5], [0.3, -0.7]];
const Y = [[1, 0], [0, 1], [-1, 0.5]];
const leaky = (alpha: number) => ({ ...net, activation: { kind: 'leakyRelu' as const, alpha } });
/** Unit 0 sits exactly at 0 on every sample, unit 1 is on for one sample only, unit 2 always on. */
const atZero = { W1: [[0, 0], [1, 0], [0, 1]], b1: [0, 0, -1], W2: [[1, 1, 1]], b2: [0] };
const atZeroX = [[1, 2], [0, 3]];
/** One input; units switch at 1, 1, -2, -1, 9, 10, 3 (unit 6 unseen: its outgoing weight is 0). */
const oneInput = {
  W1: [[1], [2], [1], [-1], [1], [0.5], [1]],
  b1: [-1, -2, 2, -1, -9, -5, -3],
  W2: [[1, -1, 2, 1, 1, 1, 0], [0.5, 0.5, 0, 0, 1, 1, 0]],
  b2: [0, 0],
};
const deadForRevival = { W1: [[1, 1], [-1, -1], [0.5, -0.5]], b1: [0, -5, 0.1], W2: [[1, 1, 1]], b2: [0] };
const grid = Array.from({ length: 81 }, (_, i) => [-4 + i / 10]);

const batteries: Record<ModuleName, (s: Mods, ref: Mods) => Record<string, unknown>> = {
  activations: ({ activations: a }) => {
    const zs = [-2, -0.5, 0, 0.5, 2];
    return {
      relu: zs.map((z) => attempt(() => a.relu(z))),
      reluGrad: zs.map((z) => attempt(() => a.reluGrad(z))),
      leakyRelu: zs.map((z) => [attempt(() => a.leakyRelu(z)), attempt(() => a.leakyRelu(z, 0.2))]),
      leakyReluGrad: zs.map((z) => [attempt(() => a.leakyReluGrad(z)), attempt(() => a.leakyReluGrad(z, 0.2))]),
    };
  },
  forward: ({ forward: f }) => ({
    square: attempt(() => f.dense([[1, 2], [3, 4]], [0.5, -0.5], [1, -1])),
    wide: attempt(() => f.dense([[1, 2, 3], [4, 5, 6]], [1, 1], [1, 0, -1])),
    misfitInput: attempt(() => f.dense([[1, 2]], [0], [1])),
    misfitBias: attempt(() => f.dense([[1, 2]], [0, 1], [1, 1])),
    relu: X.map((x) => attempt(() => f.forward(net, x))),
    leaky: X.map((x) => attempt(() => f.forward(leaky(0.2), x))),
    predict: X.map((x) => attempt(() => f.predict(net, x))),
    misfitNetwork: attempt(() => f.forward(net, [1])),
    calls: watched([net, X[0]], f.forward),
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
    return {
      wide: attempt(() => l.kinks(oneInput, [-20, 20])),
      domain: attempt(() => l.kinks(oneInput, [-4, 4])),
      aroundEndpoint: [[2, 4], [-4, 2], [2, 2]].map((iv) => [attempt(() => l.kinks(endpoint, iv)), attempt(() => l.isLinearOn(endpoint, iv))]),
      leakyIdentity: attempt(() => l.kinks({ ...oneInput, activation: { kind: 'leakyRelu', alpha: 1 } }, [-20, 20])),
      leakyBent: attempt(() => l.kinks({ ...oneInput, activation: { kind: 'leakyRelu', alpha: 0.5 } }, [-20, 20])),
      linearOn: [[-20, 20], [3.5, 8], [-0.5, 0.5], [4, 9]].map((iv) => attempt(() => l.isLinearOn(oneInput, iv))),
      twoInputs: attempt(() => l.kinks(net, [-1, 1])),
      reversed: attempt(() => l.kinks(oneInput, [1, -1])),
    };
  },
  claims: ({ claims: c }, ref) => {
    const verdicts = (ex: any) => {
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

function differingObservations(task: ModuleName, s: Mods, ref: Mods): string[] {
  const mine = batteries[task](s, ref);
  const theirs = batteries[task](ref, ref);
  return Object.keys(theirs).filter((k) => !sameObservation(mine[k], theirs[k]));
}

/** Cheats whose loss comes from the grader refusing them; run here they would simply work. */
const refusedByTheGrader = (f: Fixture) => /^(forges-|reads-)/.test(f.name);

describe('what each fixture does', () => {
  let reference: Mods;
  let printed: string[];
  beforeAll(async () => {
    reference = await importSubmission(await writeReference('reference-'));
  });
  // prints-fake-results writes a fake test report; keep it out of this run's own output
  beforeEach(() => {
    printed = [];
    const keep = (...parts: unknown[]) => void printed.push(parts.join(' '));
    vi.spyOn(console, 'log').mockImplementation(keep);
    vi.spyOn(console, 'error').mockImplementation(keep);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('prints-fake-results prints a passing report and a full score, and its backward still throws', async () => {
    const mods = await importSubmission(await materialiseFixture(byName.get('prints-fake-results')!, path.join(workDir, 'printing')));
    expect(printed.join('\n')).toMatch(/Tests +\d+ passed/);
    expect(printed.join('\n')).toContain('"score":100');
    expect(() => mods.backprop.backward(net, X, Y)).toThrow(/^not implemented/);
  });

  it('the batteries see nothing wrong in the reference', () => {
    for (const task of MODULES) expect(differingObservations(task, reference, reference), task).toEqual([]);
  });

  const mistakes = ofKind('loses').filter((f) => !refusedByTheGrader(f));
  it.each(mistakes.map((f) => [f.name, f] as const))('%s changes the behaviour of its own task', async (name, f) => {
    const mods = await importSubmission(await materialiseFixture(f, path.join(workDir, 'run', name)));
    const task = (f.expect as { task: ModuleName }).task;
    expect(differingObservations(task, mods, reference), `${name} behaves like the reference in ${task}`).not.toEqual([]);
  });

  it.each(ofKind('full').map((f) => [f.name, f] as const))('%s behaves like the reference in every task', async (name, f) => {
    const mods = await importSubmission(await materialiseFixture(f, path.join(workDir, 'run', name)));
    for (const task of MODULES) expect(differingObservations(task, mods, reference), task).toEqual([]);
  });
});

// ---------------------------------------------------------------------------
// The correct alternatives against the reference on random inputs.

const entry = fc.oneof(fc.integer({ min: -4, max: 4 }).map((v) => v / 2), fc.double({ min: -3, max: 3, noNaN: true }));
const matrix = (rows: number, cols: number) => fc.array(fc.array(entry, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });
const vector = (n: number) => fc.array(entry, { minLength: n, maxLength: n });
const activation = fc.oneof(
  fc.constant(undefined),
  fc.constant({ kind: 'relu' as const }),
  fc.constantFrom(0, 0.01, 0.2, 1).map((alpha) => ({ kind: 'leakyRelu' as const, alpha })),
);
const problem = fc
  .record({ inputs: fc.integer({ min: 1, max: 3 }), hidden: fc.integer({ min: 0, max: 4 }), outputs: fc.integer({ min: 1, max: 2 }), samples: fc.integer({ min: 1, max: 4 }) })
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
  const freeze = (o: any) => {
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
    reference = await importSubmission(await writeReference('reference-random-'));
  });

  it.each(ofKind('full').map((f) => [f.name, f] as const))('%s', async (name, f) => {
    const s = await importSubmission(await materialiseFixture(f, path.join(workDir, 'random', name)));
    fc.assert(
      fc.property(problem, ({ net, X, Y, z, interval, seed, lr, epochs }) => {
        const oneInput = { ...net, W1: net.W1.map((row) => [row[0]]) };
        const [lo, hi] = interval;
        const calls: [ModuleName, string, unknown[] | (() => unknown[])][] = [
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
          const mine = attempt(() => s[module][fn](...frozen(args)));
          const theirs = attempt(() => reference[module][fn](...frozen(args)));
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

// ---------------------------------------------------------------------------
// The misbehaving fixtures, run for real in a child process (tsx), next to the
// same call on the reference.

const RUNNER = `
import path from 'node:path';
import { pathToFileURL } from 'node:url';
const [dir, module, fn, args] = process.argv.slice(2);
console.log('STARTED');
const mod = await import(pathToFileURL(path.join(dir, module + '.ts')).href);
if (fn) mod[fn](...JSON.parse(args));
console.log('RETURNED');
`;

interface Run {
  outcome: 'returned' | 'timed-out' | 'exited-silently' | 'crashed';
  stderr: string;
}

/** Seconds the module gets to load and answer once the runner has started (tsx is slow to start on a busy machine). */
const BUDGET_MS = 8_000;

function runInChild(runner: string, dir: string, module: string, fn = '', args: unknown[] = []): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--max-old-space-size=96', '--import', 'tsx', runner, dir, module, fn, JSON.stringify(args)], {
      cwd: PACKAGE_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let budget: NodeJS.Timeout | undefined;
    const kill = () => {
      timedOut = true;
      child.kill('SIGKILL');
    };
    const hardLimit = setTimeout(kill, 60_000);
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (!budget && stdout.includes('STARTED')) budget = setTimeout(kill, BUDGET_MS);
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => {
      clearTimeout(hardLimit);
      clearTimeout(budget);
      if (stdout.includes('RETURNED')) resolve({ outcome: 'returned', stderr });
      else if (timedOut) resolve({ outcome: 'timed-out', stderr });
      else if (code === 0) resolve({ outcome: 'exited-silently', stderr });
      else resolve({ outcome: 'crashed', stderr });
    });
  });
}

describe('the misbehaving fixtures misbehave', () => {
  const calls: Record<string, { module: ModuleName; fn?: string; args?: unknown[]; outcome: Run['outcome']; stderr?: RegExp }> = {
    'hangs-forever': { module: 'backprop', fn: 'backward', args: [net, X, Y], outcome: 'timed-out' },
    'hangs-at-import': { module: 'training', outcome: 'timed-out' },
    'exits-during-call': { module: 'backprop', fn: 'mseLoss', args: [net, X, Y], outcome: 'exited-silently' },
    'exits-with-reallyexit': { module: 'linearity', outcome: 'exited-silently' },
    'crashes-at-import': { module: 'dead-neurons', outcome: 'crashed', stderr: /dead-neurons\.ts is not finished yet/ },
    'fails-to-compile': { module: 'forward', outcome: 'crashed', stderr: /Expected|SyntaxError|Transform failed/ },
    'exhausts-memory': { module: 'training', fn: 'train', args: [net, X, Y, { epochs: 1, lr: 0.1 }], outcome: 'crashed', stderr: /heap|memory/i },
  };
  let runner: string;
  let control: string;
  beforeAll(async () => {
    runner = path.join(workDir, 'runner.mts');
    await writeFile(runner, RUNNER);
    control = await writeReference('reference-child-');
  });

  it('covers every misbehaving fixture', () => {
    expect(Object.keys(calls).sort()).toEqual(ofKind('misbehaves').map((f) => f.name).sort());
  });

  it.each(Object.entries(calls))('%s', async (name, call) => {
    const dir = await materialiseFixture(byName.get(name)!, path.join(workDir, 'child', name));
    const [run, controlRun] = await Promise.all([
      runInChild(runner, dir, call.module, call.fn, call.args),
      runInChild(runner, control, call.module, call.fn, call.args),
    ]);
    expect(controlRun.outcome, controlRun.stderr).toBe('returned');
    expect(run.outcome, run.stderr).toBe(call.outcome);
    if (call.stderr) expect(run.stderr).toMatch(call.stderr);
  });
});
