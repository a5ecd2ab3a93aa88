// The students' visible tests (exercises/*.test.ts) each judge what their
// name says and nothing else. Run here, with Vitest in a child process,
// against the reference with planted changes:
// - wrong values that change no argument: every "leaves ... as it was" test
//   still passes (it fails on mutation only), and the tests of the values fail;
// - numericalGradient nudging the network it was given and restoring every
//   value exactly: accepted, as its test's name and the hidden check say;
// - dense checking x but not the bias: only the bias test fails;
// - the same functions writing into their arguments: each "as it was" test fails.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PACKAGE_ROOT } from '../core/defaults.ts';

const run = promisify(execFile);

const MODULES = ['activations', 'forward', 'backprop', 'dead-neurons', 'linearity', 'claims', 'training'];
const TEST_FILES = ['forward', 'backprop', 'training'];

/** Each planted module: the reference's module re-exported, with some exports replaced. */
type Plants = Record<string, string>;

/** Wrong values, no argument written. */
const WRONG_VALUES: Plants = {
  forward: `
import type { ForwardCache, Matrix, Network, Vector } from './types.ts';
import { forward as reference } from './forward.reference.ts';
export function dense(W: Matrix, b: Vector, x: Vector): Vector {
  for (const row of W) if (row.length !== x.length) throw new RangeError(\`weights of shape \${W.length}x\${row.length} do not fit an input of length \${x.length}\`);
  return W.map((row, j) => row.reduce((sum, w, i) => sum + w * x[i], b[j]));
}
export function forward(net: Network, x: Vector): ForwardCache {
  const right = reference(net, x);
  return { ...right, yHat: right.yHat.map((y) => y + 1) };
}
export function predict(net: Network, x: Vector): Vector {
  return forward(net, x).yHat;
}
`,
  backprop: `
export * from './backprop.reference.ts';
import type { Gradients, Network, Vector } from './types.ts';
import { mseLoss } from './backprop.reference.ts';
/** Nudges the network it was given and puts every value back exactly. */
export function numericalGradient(net: Network, X: Vector[], Y: Vector[], eps = 1e-5): Gradients {
  const slope = (p: number[], i: number): number => {
    const kept = p[i];
    p[i] = kept + eps;
    const up = mseLoss(net, X, Y);
    p[i] = kept - eps;
    const down = mseLoss(net, X, Y);
    p[i] = kept;
    return (up - down) / (2 * eps);
  };
  return {
    dW1: net.W1.map((row) => row.map((_, i) => slope(row, i))),
    db1: net.b1.map((_, i) => slope(net.b1, i)),
    dW2: net.W2.map((row) => row.map((_, i) => slope(row, i))),
    db2: net.b2.map((_, i) => slope(net.b2, i)),
  };
}
`,
  training: `
export * from './training.reference.ts';
import type { Gradients, Network } from './types.ts';
import { sgdStep as reference } from './training.reference.ts';
export function sgdStep(net: Network, grads: Gradients, lr: number): Network {
  return reference(net, grads, -lr);
}
`,
};

/** Right values, arguments written into. */
const MUTATING: Plants = {
  forward: `
export * from './forward.reference.ts';
import type { ForwardCache, Network, Vector } from './types.ts';
import { forward as reference } from './forward.reference.ts';
export function forward(net: Network, x: Vector): ForwardCache {
  const right = reference(net, x);
  Object.assign(net, { lastInput: x });
  return right;
}
`,
  backprop: `
export * from './backprop.reference.ts';
import type { Gradients, Network, Vector } from './types.ts';
import { backward as reference, mseLoss } from './backprop.reference.ts';
export function backward(net: Network, X: Vector[], Y: Vector[]): Gradients {
  const right = reference(net, X, Y);
  X.reverse();
  return right;
}
/** Nudges the network it was given and moves each value back by arithmetic, which rounds. */
export function numericalGradient(net: Network, X: Vector[], Y: Vector[], eps = 1e-5): Gradients {
  const slope = (p: number[], i: number): number => {
    p[i] += eps;
    const up = mseLoss(net, X, Y);
    p[i] -= 2 * eps;
    const down = mseLoss(net, X, Y);
    p[i] += eps;
    return (up - down) / (2 * eps);
  };
  return {
    dW1: net.W1.map((row) => row.map((_, i) => slope(row, i))),
    db1: net.b1.map((_, i) => slope(net.b1, i)),
    dW2: net.W2.map((row) => row.map((_, i) => slope(row, i))),
    db2: net.b2.map((_, i) => slope(net.b2, i)),
  };
}
`,
  training: `
export * from './training.reference.ts';
import type { Gradients, Network, Rng, Vector } from './types.ts';
import { reviveDeadNeurons as revive, sgdStep as step } from './training.reference.ts';
export function sgdStep(net: Network, grads: Gradients, lr: number): Network {
  const right = step(net, grads, lr);
  grads.db2[0] = 0;
  return right;
}
export function reviveDeadNeurons(net: Network, X: Vector[], rng: Rng): Network {
  const right = revive(net, X, rng);
  net.b1[1] = right.b1[1];
  return right;
}
`,
};

type Statuses = Map<string, string>;

/** A folder with the reference as exercises/, the planted modules and the visible tests of TEST_FILES; the status of each test by its full name. */
async function runVisible(root: string, plants: Plants): Promise<Statuses> {
  const exercises = path.join(root, 'exercises');
  await fs.mkdir(path.join(exercises, 'internal'), { recursive: true });
  const fromSolutions = (text: string): string =>
    text.replaceAll("'../exercises/types.ts'", "'./types.ts'").replaceAll("'../../exercises/types.ts'", "'../types.ts'");
  for (const m of MODULES) {
    const text = fromSolutions(await fs.readFile(path.join(PACKAGE_ROOT, 'solutions', `${m}.ts`), 'utf8'));
    await fs.writeFile(path.join(exercises, m in plants ? `${m}.reference.ts` : `${m}.ts`), text);
    if (m in plants) await fs.writeFile(path.join(exercises, `${m}.ts`), plants[m]);
  }
  for (const file of await fs.readdir(path.join(PACKAGE_ROOT, 'solutions/internal'))) {
    await fs.writeFile(path.join(exercises, 'internal', file), fromSolutions(await fs.readFile(path.join(PACKAGE_ROOT, 'solutions/internal', file), 'utf8')));
  }
  await fs.copyFile(path.join(PACKAGE_ROOT, 'exercises/types.ts'), path.join(exercises, 'types.ts'));
  for (const t of TEST_FILES) await fs.copyFile(path.join(PACKAGE_ROOT, `exercises/${t}.test.ts`), path.join(exercises, `${t}.test.ts`));
  await fs.writeFile(path.join(root, 'vitest.config.mjs'), "export default { test: { include: ['exercises/*.test.ts'] } };\n");
  await fs.symlink(path.join(PACKAGE_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  const out = path.join(root, 'results.json');
  const vitest = path.join(PACKAGE_ROOT, 'node_modules/vitest/vitest.mjs');
  // failing tests make Vitest exit with 1: the statuses are in the JSON either way
  await run(process.execPath, [vitest, 'run', '--root', root, '--reporter=json', `--outputFile=${out}`], { cwd: root }).catch(() => undefined);
  const json = JSON.parse(await fs.readFile(out, 'utf8')) as { testResults: { assertionResults: { fullName: string; status: string }[] }[] };
  return new Map(json.testResults.flatMap((f) => f.assertionResults.map((a): [string, string] => [a.fullName, a.status])));
}

let dir: string;
let wrongValues: Statuses;
let mutating: Statuses;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'relu-lab-visible-plants-'));
  [wrongValues, mutating] = await Promise.all([runVisible(path.join(dir, 'wrong-values'), WRONG_VALUES), runVisible(path.join(dir, 'mutating'), MUTATING)]);
}, 120_000);

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** The statuses of the tests whose full name matches `pattern`; fails when there is none. */
function statusesOf(statuses: Statuses, pattern: RegExp): Record<string, string> {
  const found = Object.fromEntries([...statuses].filter(([name]) => pattern.test(name)));
  expect(Object.keys(found).length, `no visible test matches ${pattern}`).toBeGreaterThan(0);
  return found;
}

const AS_IT_WAS = /^\w+ leaves the network/;

describe('the visible tests that an argument is left as it was', () => {
  test('pass when the values are wrong but nothing is written', () => {
    const found = statusesOf(wrongValues, AS_IT_WAS);
    expect(Object.keys(found)).toHaveLength(5);
    expect(
      Object.values(found).every((s) => s === 'passed'),
      JSON.stringify(found),
    ).toBe(true);
  });

  test('while the tests of the values do fail on those plants', () => {
    expect(wrongValues.get('forward returns z1 = W1 x + b1, a1 = relu(z1) and yHat = W2 a1 + b2 (a unit with z1 < 0 contributes 0)')).toBe('failed');
    expect(wrongValues.get('sgdStep moves every parameter against its gradient: p - lr * dp')).toBe('failed');
  });

  test('accept a numericalGradient that nudges the network it was given and restores every value exactly', () => {
    expect(Object.values(statusesOf(wrongValues, /^numericalGradient leaves the network as it was/))).toEqual(['passed']);
  });

  test('fail when a function writes into an argument, even when its value is right', () => {
    const found = statusesOf(mutating, AS_IT_WAS);
    expect(Object.keys(found)).toHaveLength(5);
    expect(
      Object.values(found).every((s) => s === 'failed'),
      JSON.stringify(found),
    ).toBe(true);
    expect(mutating.get('sgdStep moves every parameter against its gradient: p - lr * dp')).toBe('passed');
  });
});

describe("dense's shape tests", () => {
  test('each fails only on the shape its name gives: a dense that checks x but not b fails the bias test alone', () => {
    expect(statusesOf(wrongValues, /^dense throws a RangeError when x does not fit/)).toEqual({
      'dense throws a RangeError when x does not fit the rows of W, and not when it fits': 'passed',
    });
    expect(Object.values(statusesOf(wrongValues, /^dense throws a RangeError when b does not/))).toEqual(['failed']);
  });
});
