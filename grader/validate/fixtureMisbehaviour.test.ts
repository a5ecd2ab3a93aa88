// The misbehaving fixtures really hang, exit or crash, run in a child process.
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { materialiseFixture } from '../corpus/fixtureCorpus.ts';
import { PACKAGE_ROOT } from '../core/defaults.ts';
import { net, writeReference, X, Y } from '../course/testing/corpusProbes.ts';
import { byName, ofKind, useWorkDir } from '../course/testing/corpusIndex.ts';

const workDir = useWorkDir();

// ---------------------------------------------------------------------------
// The misbehaving fixtures, run for real in a child process (tsx), next to the
// same call on the reference.

const RUNNER = `
import path from 'node:path';
import { pathToFileURL } from 'node:url';
const [dir, module, fn, args] = process.argv.slice(2);
// a channel to the grader, as the sandbox has: forged messages go nowhere
if (typeof process.send !== 'function') process.send = () => true;
console.log('STARTED');
const mod = await import(pathToFileURL(path.join(dir, module + '.ts')).href);
if (fn) mod[fn](...JSON.parse(args));
console.log('RETURNED');
`;

interface Run {
  outcome: 'returned' | 'timed-out' | 'exited-silently' | 'crashed';
  stderr: string;
  /** from the runner's start to its end */
  ms: number;
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
    let startedAt = 0;
    const kill = () => {
      timedOut = true;
      child.kill('SIGKILL');
    };
    const hardLimit = setTimeout(kill, 60_000);
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (!budget && stdout.includes('STARTED')) {
        startedAt = performance.now();
        budget = setTimeout(kill, BUDGET_MS);
      }
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => {
      clearTimeout(hardLimit);
      clearTimeout(budget);
      const ms = startedAt ? performance.now() - startedAt : 0;
      if (stdout.includes('RETURNED')) resolve({ outcome: 'returned', stderr, ms });
      else if (timedOut) resolve({ outcome: 'timed-out', stderr, ms });
      else if (code === 0) resolve({ outcome: 'exited-silently', stderr, ms });
      else resolve({ outcome: 'crashed', stderr, ms });
    });
  });
}

describe('the misbehaving fixtures misbehave', () => {
  // minMs: a call that returns, but only after burning at least this long
  const calls: Record<string, { module: string; fn?: string; args?: unknown[]; outcome: Run['outcome']; stderr?: RegExp; minMs?: number }> = {
    'hangs-forever': { module: 'backprop', fn: 'backward', args: [net, X, Y], outcome: 'timed-out' },
    'hangs-at-import': { module: 'training', outcome: 'timed-out' },
    'hangs-by-forging-progress': { module: 'backprop', fn: 'backward', args: [net, X, Y], outcome: 'timed-out' },
    'hangs-by-burning-just-under-the-call-limit': { module: 'backprop', fn: 'backward', args: [net, X, Y], outcome: 'returned', minMs: 1_800 },
    'exits-during-call': { module: 'backprop', fn: 'mseLoss', args: [net, X, Y], outcome: 'exited-silently' },
    'exits-with-reallyexit': { module: 'linearity', outcome: 'exited-silently' },
    'crashes-at-import': { module: 'dead-neurons', outcome: 'crashed', stderr: /dead-neurons\.ts is not finished yet/ },
    'fails-to-compile': { module: 'forward', outcome: 'crashed', stderr: /Expected|SyntaxError|Transform failed/ },
    'exhausts-memory': { module: 'training', fn: 'train', args: [net, X, Y, { epochs: 1, lr: 0.1 }], outcome: 'crashed', stderr: /heap|memory/i },
  };
  let runner: string;
  let control: string;
  beforeAll(async () => {
    runner = path.join(workDir(), 'runner.mts');
    await writeFile(runner, RUNNER);
    control = await writeReference(workDir(), 'reference-child-');
  });

  it('covers every misbehaving fixture', () => {
    expect(Object.keys(calls).sort()).toEqual(
      ofKind('misbehaves')
        .map((f) => f.name)
        .sort(),
    );
  });

  it.each(Object.entries(calls))('%s', async (name, call) => {
    const dir = await materialiseFixture(byName.get(name)!, path.join(workDir(), 'child', name));
    const [run, controlRun] = await Promise.all([
      runInChild(runner, dir, call.module, call.fn, call.args),
      runInChild(runner, control, call.module, call.fn, call.args),
    ]);
    expect(controlRun.outcome, controlRun.stderr).toBe('returned');
    expect(run.outcome, run.stderr).toBe(call.outcome);
    if (call.stderr) expect(run.stderr).toMatch(call.stderr);
    if (call.minMs) expect(run.ms).toBeGreaterThanOrEqual(call.minMs);
  });
});
