import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isReluLabError } from '../core/errors.ts';
import * as activations from '../../solutions/activations.ts';
import * as backprop from '../../solutions/backprop.ts';
import * as claims from '../../solutions/claims.ts';
import * as forward from '../../solutions/forward.ts';
import type { CallOutcome } from './CallOutcome.ts';
import { Sandbox } from './Sandbox.ts';
import { useTestSandboxes } from './testing/openTestSandbox.ts';

const { sandboxWith, testSandbox } = useTestSandboxes();

function returned(outcome: CallOutcome): unknown {
  if (outcome.kind !== 'returned') throw new Error(`expected returned, got ${JSON.stringify(outcome)}`);
  return outcome.value;
}

const net = {
  W1: [
    [1, -2],
    [0.5, 1],
    [-1, 0],
  ],
  b1: [0.1, -0.2, 0.3],
  W2: [[1, -1, 2]],
  b2: [0.5],
};
const X = [
  [1, 2],
  [-1, 0.5],
  [0, 0],
];
const Y = [[1], [0], [-1]];

describe('Sandbox.open', () => {
  it('records the pid beside the code folder, for an outer deadline', async () => {
    const t = await testSandbox();
    const pids = fs.readFileSync(path.join(t.submission.root, 'sandbox.pids'), 'utf8');
    expect(pids).toBe(`${t.sandbox.pid}\n`);
    expect(fs.existsSync(path.join(t.submission.codeDir, 'host.mjs'))).toBe(true);
  });

  it('refuses a time limit that is not a positive number', async () => {
    const error = await Sandbox.open({ codeDir: '/tmp', callTimeoutMs: 0, memoryMb: 64 }).catch((e: unknown) => e);
    expect(isReluLabError(error, 'usage')).toBe(true);
  });

  it('throws sandbox-unavailable for a code folder that does not exist', async () => {
    const error = await Sandbox.open({ codeDir: '/nonexistent/relu-lab/code', callTimeoutMs: 100, memoryMb: 64 }).catch((e: unknown) => e);
    expect(isReluLabError(error, 'sandbox-unavailable')).toBe(true);
  });
});

describe('Sandbox with the reference', () => {
  it('returns what the reference returns', async () => {
    const sb = await sandboxWith();
    expect(sb.state).toBe('open');
    expect(sb.pid).toBeGreaterThan(0);
    expect(returned(await sb.call('activations', 'relu', [3]))).toBe(activations.relu(3));
    expect(returned(await sb.call('forward', 'forward', [net, [1, 2]]))).toEqual(forward.forward(net, [1, 2]));
    expect(returned(await sb.call('backprop', 'backward', [net, X, Y]))).toEqual(backprop.backward(net, X, Y));
    expect(returned(await sb.value('claims', 'linearExample'))).toEqual(claims.linearExample);
    expect(returned(await sb.value('claims', 'answers'))).toEqual(claims.answers);
  });

  it('keeps -0, NaN, Infinity and undefined', async () => {
    const sb = await sandboxWith({ extra: 'export const odd = () => ({ negZero: -0, nan: NaN, inf: [Infinity, -Infinity], u: undefined, nested: [[-0]] });' });
    expect(Object.is(returned(await sb.call('activations', 'leakyRelu', [-0])), -0)).toBe(true);
    expect(Object.is(returned(await sb.call('activations', 'relu', [-0])), 0)).toBe(true);
    const odd = returned(await sb.call('activations', 'odd', [])) as Record<string, unknown>;
    expect(Object.is(odd.negZero, -0)).toBe(true);
    expect(odd.nan).toBeNaN();
    expect(odd.inf).toEqual([Infinity, -Infinity]);
    expect('u' in odd && odd.u === undefined).toBe(true);
    expect(Object.is((odd.nested as number[][])[0][0], -0)).toBe(true);
  });

  it('passes -0 and NaN as arguments', async () => {
    const sb = await sandboxWith({ extra: 'export const echo = (x: unknown) => [x, Object.is(x, -0)];' });
    expect(returned(await sb.call('activations', 'echo', [-0]))).toEqual([-0, true]);
  });

  it('runs a call group in one round trip, one outcome per call', async () => {
    const sb = await sandboxWith();
    const argsList = [
      [net, [1, 2]],
      [net, [0, 0]],
      [net, [1]],
    ];
    const outcome = await sb.callMany('forward', 'forward', argsList);
    expect(outcome.kind).toBe('returned');
    if (outcome.kind !== 'returned') return;
    expect(outcome.value[0]).toEqual({ kind: 'returned', value: forward.forward(net, [1, 2]) });
    expect(outcome.value[1]).toEqual({ kind: 'returned', value: forward.forward(net, [0, 0]) });
    expect(outcome.value[2]).toMatchObject({ kind: 'threw', error: { name: 'RangeError', message: expect.stringContaining('input of length 1') } });
  });

  it('sends a call group sent before (encoded once) with its -0, NaN and undefined intact', async () => {
    const sb = await sandboxWith({ extra: 'export const echo = (x: unknown) => [x, Object.is(x, -0)];' });
    const argsList = [[-0], [Number.NaN], [undefined], [[1, -Infinity]]];
    const expected = [
      [-0, true],
      [Number.NaN, false],
      [undefined, false],
      [[1, -Infinity], false],
    ].map((value) => ({ kind: 'returned', value }));
    for (let i = 0; i < 2; i++) {
      const outcome = await sb.callMany('activations', 'echo', argsList);
      expect(outcome).toMatchObject({ kind: 'returned' });
      if (outcome.kind === 'returned') expect(outcome.value).toEqual(expected);
    }
    // arguments that are not plain data never reach the sandbox
    expect(await sb.callMany('activations', 'echo', [[() => 1]])).toMatchObject({
      kind: 'unavailable',
      message: expect.stringContaining('a function at [0][0] cannot be sent'),
    });
  });

  it('reports a student error with its name and message', async () => {
    const sb = await sandboxWith();
    const outcome = await sb.call('dead-neurons', 'deadNeurons', [net, []]);
    expect(outcome).toMatchObject({ kind: 'threw', error: { name: 'RangeError', message: 'the data set is empty: X has 0 samples' } });
  });

  it('runs calls made at the same time one after another', async () => {
    const sb = await sandboxWith();
    const outcomes = await Promise.all([1, -2, 3, -4].map((z) => sb.call('activations', 'relu', [z])));
    expect(outcomes.map(returned)).toEqual([1, 0, 3, 0]);
  });
});

describe('Sandbox reports what cannot be called', () => {
  it('names a missing export', async () => {
    const sb = await sandboxWith();
    expect(await sb.call('backprop', 'backwards', [])).toMatchObject({ kind: 'threw', error: { message: 'exercises/backprop.ts must export backwards' } });
    expect(await sb.callMany('backprop', 'backwards', [[]])).toMatchObject({
      kind: 'threw',
      error: { message: 'exercises/backprop.ts must export backwards' },
    });
    expect(await sb.call('claims', 'answers', [])).toMatchObject({
      kind: 'threw',
      error: { message: 'exercises/claims.ts exports answers, but it is not a function' },
    });
  });

  it('reports a module that did not compile on each call', async () => {
    const sb = await sandboxWith({ files: { 'linearity.ts': 'export const = ;' } });
    expect(await sb.call('linearity', 'kinks', [])).toMatchObject({
      kind: 'threw',
      error: { message: 'exercises/linearity.ts was not compiled: see its compile errors' },
    });
    expect(returned(await sb.call('activations', 'relu', [2]))).toBe(2);
  });

  it('reports a module that throws while loading, on each call to it', async () => {
    const sb = await sandboxWith({ files: { 'training.ts': "throw new TypeError('broken at import');\nexport const train = 1;\n" } });
    const expected = { kind: 'threw', error: { name: 'TypeError', message: 'exercises/training.ts threw while loading: broken at import' } };
    expect(await sb.call('training', 'train', [])).toMatchObject(expected);
    expect(await sb.call('training', 'sgdStep', [])).toMatchObject(expected);
    expect(sb.state).toBe('open');
  });

  it('refuses a returned function, class instance, typed array or cycle, saying where it is', async () => {
    const sb = await sandboxWith({
      extra: [
        'export const fn = () => ({ net: { W1: () => 1 } });',
        'class Box { v = 1 }',
        'export const inst = () => [1, new Box()];',
        'export const typed = () => ({ z1: new Float64Array(2) });',
        'export const cyc = () => { const a: any = { b: [] }; a.b.push(a); return a; };',
        'export const map = () => new Map();',
      ].join('\n'),
    });
    const cannot = (what: string) => ({ kind: 'threw', error: { name: 'UnsendableValue', message: `returned a value that cannot be sent: ${what}` } });
    expect(await sb.call('activations', 'fn', [])).toMatchObject(cannot('function at .net.W1'));
    expect(await sb.call('activations', 'inst', [])).toMatchObject(cannot('Box instance at [1]'));
    expect(await sb.call('activations', 'typed', [])).toMatchObject(cannot('typed array (use a plain array) at .z1'));
    expect(await sb.call('activations', 'cyc', [])).toMatchObject(cannot('a cycle at .b[0]'));
    expect(await sb.call('activations', 'map', [])).toMatchObject(cannot('Map instance at the top level'));
    expect(await sb.value('activations', 'relu')).toMatchObject(cannot('function at the top level'));
  });

  it('reports a Proxy or getter that throws as the error it threw', async () => {
    const sb = await sandboxWith({
      extra: [
        "export const trap = () => new Proxy({}, { ownKeys() { throw new Error('not implemented: trap'); } });",
        "export const getter = () => ({ get W1() { throw new RangeError('no W1'); } });",
        'export const fine = () => ({ get x() { return 2; }, ["__proto__"]: 5 });',
      ].join('\n'),
    });
    expect(await sb.call('activations', 'trap', [])).toMatchObject({ kind: 'threw', error: { name: 'Error', message: 'not implemented: trap' } });
    expect(await sb.call('activations', 'getter', [])).toMatchObject({ kind: 'threw', error: { name: 'RangeError', message: 'no W1' } });
    const fine = returned(await sb.call('activations', 'fine', [])) as Record<string, unknown>;
    expect(fine.x).toBe(2);
    expect(Object.getOwnPropertyDescriptor(fine, '__proto__')?.value).toBe(5);
  });

  it('refuses a value too large to send', async () => {
    const sb = await sandboxWith({ extra: 'export const big = () => Array.from({ length: 1_200_000 }, () => 0);', callTimeoutMs: 30_000 });
    expect(await sb.call('activations', 'big', [])).toMatchObject({ kind: 'threw', error: { message: expect.stringContaining('more than 1000000 entries') } });
  });

  it('reports non-Error throws and awaits returned promises', async () => {
    const sb = await sandboxWith({
      extra:
        "export const str = () => { throw 'plain'; };\nexport const later = async (x: number) => { await new Promise((r) => setTimeout(r, 5)); return x * 2; };",
    });
    expect(await sb.call('activations', 'str', [])).toMatchObject({ kind: 'threw', error: { name: 'NonError', message: 'threw string plain' } });
    expect(returned(await sb.call('activations', 'later', [21]))).toBe(42);
  });

  it('keeps the tail of what student code prints, apart from results', async () => {
    const sb = await sandboxWith({
      extra:
        "export const noisy = (n: number) => { for (let i = 0; i < n; i++) console.log('line ' + i); return n; };\nexport const oops = () => { console.error('to stderr'); return 0; };",
    });
    // printed text travels through pipes, apart from the reply: wait for it
    const printed = async (text: string) => {
      for (let i = 0; i < 100 && !sb.output().includes(text); i++) await new Promise((r) => setTimeout(r, 20));
      return sb.output();
    };
    expect(returned(await sb.call('activations', 'noisy', [2000]))).toBe(2000);
    const output = await printed('line 1999');
    expect(output.length).toBeLessThanOrEqual(4096);
    expect(output).toContain('line 1999');
    expect(output).not.toContain('line 1\n');
    expect(returned(await sb.call('activations', 'oops', []))).toBe(0);
    expect(await printed('to stderr')).toContain('to stderr');
  });

  it('answers `unavailable` for arguments that cannot be sent, and stays open', async () => {
    const sb = await sandboxWith();
    const outcome = await sb.call('activations', 'relu', [() => 1]);
    expect(outcome).toMatchObject({ kind: 'unavailable', message: expect.stringContaining('cannot be sent to the sandbox') });
    expect(sb.state).toBe('open');
    expect(returned(await sb.call('activations', 'relu', [1]))).toBe(1);
  });

  it('answers `unavailable` after close', async () => {
    const sb = await sandboxWith();
    await sb.close();
    expect(sb.state).toBe('closed');
    expect(await sb.call('activations', 'relu', [1])).toEqual({ kind: 'unavailable', message: 'the sandbox was closed; later calls were not run' });
    expect(() => process.kill(sb.pid, 0)).toThrow();
  });
});
