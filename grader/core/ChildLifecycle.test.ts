import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ChildLifecycle, describeExit, killProcessGroup, OutputTail } from './ChildLifecycle.ts';

/** A Node child running `script` (CommonJS), with stderr piped and an IPC channel. */
const node = (script: string, extra: { startTimeoutMs?: number; stderrTail?: number } = {}) =>
  ChildLifecycle.spawn({ file: process.execPath, args: ['-e', script], options: { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] }, ...extra });

/** Running (a zombie waiting to be reaped counts as gone), polled for up to a second. */
async function running(pid: number): Promise<boolean> {
  for (let i = 0; i < 20; i++) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
    if (stat === null || / Z /.test(stat)) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

const HANGS_WITH_GRANDCHILD = `
  const { spawn } = require('node:child_process');
  const grandchild = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  process.send({ grandchild: grandchild.pid });
  setInterval(() => {}, 1000);
`;

describe('OutputTail', () => {
  it('keeps everything below the limit', () => {
    const tail = new OutputTail(10);
    tail.push('abc');
    tail.push('def');
    expect(tail.text()).toBe('abcdef');
  });

  it('keeps only the most recent characters', () => {
    const tail = new OutputTail(10);
    for (let i = 0; i < 100; i++) tail.push(`${i % 10}`);
    tail.push('0123456789ABCDEF');
    expect(tail.text()).toBe('6789ABCDEF');
  });

  it('gives its last lines, and none for white space', () => {
    const tail = new OutputTail(100);
    tail.push('  \n');
    expect(tail.lastLines(3)).toEqual([]);
    tail.push('one\ntwo\nthree\nfour\n');
    expect(tail.lastLines(3)).toEqual(['two', 'three', 'four']);
  });
});

describe('ChildLifecycle', () => {
  it('kills the whole process group, the grandchildren too, and is then exited', async () => {
    const child = node(HANGS_WITH_GRANDCHILD);
    const grandchild = await new Promise<number>((resolve) => child.child.once('message', (m: { grandchild: number }) => resolve(m.grandchild)));
    child.markReady();
    expect(child.state).toBe('ready');
    expect(await readFile(`/proc/${grandchild}/stat`, 'utf8')).not.toMatch(/ Z /);
    child.kill();
    expect(child.state).toBe('closing');
    expect(await child.whenExited()).toEqual({ kind: 'exited', code: null, signal: 'SIGKILL' });
    expect(child.state).toBe('exited');
    expect(await running(grandchild)).toBe(false);
  });

  it('a child silent past its start time-out is killed, and its start says so', async () => {
    const child = node('setInterval(() => {}, 1000)', { startTimeoutMs: 300 });
    expect(await child.started()).toEqual({ kind: 'timed-out', ms: 300 });
    expect(await child.whenExited(2_000)).toEqual({ kind: 'exited', code: null, signal: 'SIGKILL' });
  });

  it('a child that ends while starting: its start says how, its stderr is kept', async () => {
    const child = node("process.stderr.write('first\\nsecond\\nthird\\n'); process.exit(3)", { startTimeoutMs: 5_000 });
    expect(await child.started()).toEqual({ kind: 'ended', code: 3, signal: null });
    expect(child.state).toBe('exited');
    expect(child.stderrLines(2)).toEqual(['second', 'third']);
    expect(child.stderrText()).toBe('first\nsecond\nthird\n');
  });

  it('keeps only the last stderrTail characters', async () => {
    const child = node("process.stderr.write('x'.repeat(10000) + 'END')", { stderrTail: 10 });
    await child.whenClosed();
    expect(child.stderrText()).toBe('xxxxxxxEND');
  });

  it('a program that cannot be run ends as not started', async () => {
    const child = ChildLifecycle.spawn({ file: '/nonexistent/program', args: [], options: { stdio: 'ignore' }, startTimeoutMs: 5_000 });
    expect(child.pid).toBeUndefined();
    const end = await child.whenExited();
    expect(end).toMatchObject({ kind: 'not-started', error: { code: 'ENOENT' } });
    expect((await child.started()).kind).toBe('ended');
    child.kill();
    await child.stop();
  });

  it('stop: a child that ends when asked is not killed', async () => {
    const child = node("process.on('message', () => process.exit(0)); setInterval(() => {}, 1000)");
    const started = performance.now();
    await child.stop({ ask: () => child.child.send('close'), graceMs: 5_000 });
    expect(performance.now() - started).toBeLessThan(4_000);
    expect(await child.whenExited()).toEqual({ kind: 'exited', code: 0, signal: null });
  });

  it('stop: a child that ignores the request is killed with its group after the grace period, and stopping again is harmless', async () => {
    const child = node(HANGS_WITH_GRANDCHILD);
    const grandchild = await new Promise<number>((resolve) => child.child.once('message', (m: { grandchild: number }) => resolve(m.grandchild)));
    const started = performance.now();
    await child.stop({ ask: () => child.child.send('close'), graceMs: 300, until: 'close' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(await child.whenExited()).toEqual({ kind: 'exited', code: null, signal: 'SIGKILL' });
    expect(await running(grandchild)).toBe(false);
    await child.stop({ waitMs: 100 });
    expect(child.state).toBe('exited');
  });

  it('killProcessGroup refuses pids that name no group of ours', () => {
    expect(killProcessGroup(undefined)).toBe(false);
    expect(killProcessGroup(1)).toBe(false);
    expect(killProcessGroup(0)).toBe(false);
  });

  it('describeExit', () => {
    expect(describeExit(3, null)).toBe('exit code 3');
    expect(describeExit(null, 'SIGKILL')).toBe('signal SIGKILL');
  });
});
