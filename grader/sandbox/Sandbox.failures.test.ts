// Student code that hangs, exits or crashes: the sandbox reports it once,
// kills the process group, and answers every later call at once.
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { useTestSandboxes } from './testing/openTestSandbox.ts';

const { sandboxWith } = useTestSandboxes();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntilGone(pid: number): Promise<boolean> {
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 20));
  return !isAlive(pid);
}

const HAZARDS = `
import { closeSync } from 'node:fs';
export const spin = () => { for (;;) {} };
export const never = () => new Promise(() => {});
export const exit0 = () => { process.exit(0); };
export const reallyExit0 = () => { (process as any).reallyExit(0); };
export const bomb = () => { const keep: number[][] = []; for (;;) keep.push(new Array(1e5).fill(Math.random())); };
export const timerThrows = () => { setTimeout(() => { throw new Error('late boom'); }, 1); return new Promise(() => {}); };
export const laterThrows = () => { setTimeout(() => { throw new Error('after return'); }, 1); return 1; };
export const slow = (ms: number) => { const end = performance.now() + ms; while (performance.now() < end) {} return ms; };
export const hangUp = () => { closeSync(3); return new Promise(() => {}); };
export const spinAt = (i: number, at: number) => { if (i === at) for (;;) {} return i; };
export const bombAt = (i: number, at: number) => { const keep: number[][] = []; if (i === at) for (;;) keep.push(new Array(1e5).fill(i)); return i; };
`;

describe('Sandbox time limits', () => {
  it('times out an infinite loop, kills the process, and answers later calls at once', async () => {
    const sb = await sandboxWith({ extra: HAZARDS, callTimeoutMs: 300 });
    const t0 = performance.now();
    const outcome = await sb.call('activations', 'spin', []);
    const elapsed = performance.now() - t0;
    expect(outcome).toMatchObject({ kind: 'timed-out', message: 'exercises/activations.ts spin timed out after 300 ms' });
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(2_000);
    expect(sb.state).toBe('broken');
    const t1 = performance.now();
    expect(await sb.call('activations', 'relu', [1])).toEqual({
      kind: 'unavailable',
      message: 'the sandbox stopped after exercises/activations.ts spin timed out after 300 ms; later calls were not run',
    });
    expect(await sb.callMany('activations', 'relu', [[1]])).toMatchObject({ kind: 'unavailable' });
    expect(performance.now() - t1).toBeLessThan(50);
    expect(await waitUntilGone(sb.pid)).toBe(true);
  });

  it('answers calls that were waiting behind the one that timed out', async () => {
    const sb = await sandboxWith({ extra: HAZARDS, callTimeoutMs: 300 });
    const [first, second] = await Promise.all([sb.call('activations', 'never', []), sb.call('activations', 'relu', [1])]);
    expect(first).toMatchObject({ kind: 'timed-out' });
    expect(second).toMatchObject({ kind: 'unavailable', message: expect.stringContaining('never timed out') });
  });

  it('times out a module that loops while loading', async () => {
    const sb = await sandboxWith({ files: { 'linearity.ts': 'for (;;) {}\nexport const kinks = 1;\n' }, callTimeoutMs: 300 });
    expect(await sb.call('linearity', 'kinks', [])).toMatchObject({ kind: 'timed-out' });
  });

  it('load() imports a module on its own: null once loaded, a time-out for one that never finishes', async () => {
    const sb = await sandboxWith({ files: { 'linearity.ts': 'for (;;) {}\nexport const kinks = 1;\n' }, callTimeoutMs: 300 });
    expect(await sb.load('activations')).toMatchObject({ kind: 'returned', value: null });
    expect(await sb.load('nonesuch')).toMatchObject({ kind: 'threw' });
    expect(await sb.load('linearity')).toMatchObject({ kind: 'timed-out', message: expect.stringContaining('exercises/linearity.ts') });
  });

  it('gives each call of a call group the time limit of one call', async () => {
    const sb = await sandboxWith({ extra: HAZARDS, callTimeoutMs: 300 });
    const outcome = await sb.callMany('activations', 'slow', [[150], [150], [150], [150]]);
    expect(outcome).toMatchObject({ kind: 'returned', value: [150, 150, 150, 150].map((value) => ({ kind: 'returned', value })) });
    const spun = await sb.callMany('activations', 'spinAt', [
      [0, 2],
      [1, 2],
      [2, 2],
      [3, 2],
    ]);
    // host.mjs names the call it is in through its process title (Linux)
    const at = process.platform === 'linux' ? { at: 2 } : {};
    expect(spun).toMatchObject({ kind: 'timed-out', message: 'exercises/activations.ts spinAt timed out after 300 ms (in a call group of 4 calls)', ...at });
    expect(sb.state).toBe('broken');
  });
});

describe('Sandbox crashes', () => {
  for (const [name, call] of [
    ['exit0', 'process.exit(0)'],
    ['reallyExit0', 'process.reallyExit(0)'],
  ] as const) {
    it(`answers ${call} in a call with an error in that call, and stays open`, async () => {
      const sb = await sandboxWith({ extra: HAZARDS });
      expect(await sb.call('activations', name, [])).toMatchObject({
        kind: 'threw',
        error: { name: 'Error', message: `${call} was called: graded code may not end the process that runs it (return a value or throw an error instead)` },
      });
      expect(sb.state).toBe('open');
      expect(await sb.call('activations', 'relu', [1])).toMatchObject({ kind: 'returned', value: 1 });
    });
  }

  for (const exit of ['process.exit(0)', '(process as any).reallyExit(0)']) {
    it(`reports ${exit} while loading as the module throwing`, async () => {
      const sb = await sandboxWith({ files: { 'claims.ts': `${exit};\nexport const answers = {};\n` } });
      expect(await sb.value('claims', 'answers')).toMatchObject({
        kind: 'threw',
        error: { message: expect.stringContaining('exercises/claims.ts threw while loading: process.') },
      });
      expect(sb.state).toBe('open');
    });
  }

  it('still reports a process that ends itself by a signal as crashed', async () => {
    const sb = await sandboxWith({ files: { 'claims.ts': `process.kill(process.pid, 'SIGKILL');\nexport const answers = {};\n` } });
    expect(await sb.value('claims', 'answers')).toMatchObject({ kind: 'crashed', message: expect.stringContaining('SIGKILL') });
  });

  it('reports a memory bomb as running out of memory, quickly', async () => {
    const sb = await sandboxWith({ extra: HAZARDS, memoryMb: 64, callTimeoutMs: 20_000 });
    const t0 = performance.now();
    const outcome = await sb.call('activations', 'bomb', []);
    expect(outcome).toMatchObject({ kind: 'crashed', message: 'exercises/activations.ts bomb ran out of memory (limit 64 MB)' });
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(await waitUntilGone(sb.pid)).toBe(true);
  });

  it('names the call of a call group that ran out of memory, read as V8 says so (Linux)', async () => {
    const sb = await sandboxWith({ extra: HAZARDS, memoryMb: 64, callTimeoutMs: 20_000 });
    const outcome = await sb.callMany('activations', 'bombAt', [
      [0, 2],
      [1, 2],
      [2, 2],
      [3, 2],
    ]);
    expect(outcome).toMatchObject({ kind: 'crashed', message: 'exercises/activations.ts bombAt ran out of memory (limit 64 MB)' });
    if (process.platform === 'linux') expect(outcome).toMatchObject({ at: 2 });
  });

  it('reports an exception thrown in a timer during a call', async () => {
    const sb = await sandboxWith({ extra: HAZARDS });
    expect(await sb.call('activations', 'timerThrows', [])).toMatchObject({
      kind: 'crashed',
      message: 'exercises/activations.ts timerThrows threw Error: late boom outside any call (in a timer or callback?), which stops the sandbox',
    });
  });

  it('reports an exception thrown after a call returned on the next call', async () => {
    const sb = await sandboxWith({ extra: HAZARDS });
    expect(await sb.call('activations', 'laterThrows', [])).toMatchObject({ kind: 'returned', value: 1 });
    await new Promise((r) => setTimeout(r, 200));
    expect(sb.state).toBe('broken');
    expect(await sb.call('activations', 'relu', [1])).toEqual({
      kind: 'unavailable',
      message:
        'the sandbox stopped after student code threw Error: after return outside any call (in a timer or callback?), which stops the sandbox (after exercises/activations.ts laterThrows); later calls were not run',
    });
  });

  it('reports student code that closes the connection to the grader', async () => {
    const sb = await sandboxWith({ extra: HAZARDS });
    expect(await sb.call('activations', 'hangUp', [])).toMatchObject({
      kind: 'crashed',
      message: 'exercises/activations.ts hangUp closed its connection to the grader',
    });
    expect(await waitUntilGone(sb.pid)).toBe(true);
  });

  it('close() stops a sandbox that is busy', async () => {
    const sb = await sandboxWith({ extra: HAZARDS, callTimeoutMs: 10_000 });
    const pending = sb.call('activations', 'spin', []);
    await new Promise((r) => setTimeout(r, 100));
    await sb.close();
    expect(await pending).toEqual({ kind: 'unavailable', message: 'the sandbox was closed before this call finished' });
    expect(await waitUntilGone(sb.pid)).toBe(true);
  });
});
