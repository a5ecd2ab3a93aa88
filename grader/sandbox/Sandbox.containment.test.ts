// What student code cannot do from inside the sandbox.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../core/defaults.ts';
import type { CallOutcome } from './CallOutcome.ts';
import type { Sandbox } from './Sandbox.ts';
import { openTestSandbox, type TestSandbox } from './testing/openTestSandbox.ts';

const ATTEMPTS = `
const fsOf = () => (process as any).getBuiltinModule('fs');
export const readSync = (file: string) => fsOf().readFileSync(file, 'utf8').length;
export const readAsync = async (file: string) => { const fs = await import('node:fs/promises'); return (await fs.readFile(file, 'utf8')).length; };
export const importFile = async (file: string) => Object.keys(await import(file));
export const requireFile = (file: string) => { const m = (process as any).getBuiltinModule('module'); return Object.keys(m.createRequire(import.meta.url)(file)); };
export const listDir = (dir: string) => fsOf().readdirSync(dir);
export const writeHere = () => { fsOf().writeFileSync(new URL('./planted.mjs', import.meta.url), 'export const x = 1'); return 'written'; };
export const writeTmp = () => { fsOf().writeFileSync('/tmp/relu-lab-planted.txt', 'x'); return 'written'; };
export const spawnChild = async () => { const cp = await import('node:child_process'); return String(cp.execSync('id')); };
export const startWorker = async () => { const { Worker } = await import('node:worker_threads'); new Worker('1', { eval: true }); return 'started'; };
export const env = () => ({ ...process.env });
export const signalParent = () => { process.kill(process.ppid, 0); return 'signalled'; };
export const connect = async () => { const net = await import('node:net'); net.connect(9, '127.0.0.1'); return 'connected'; };
export const inspect = async () => { const inspector = await import('node:inspector'); inspector.open(0); return 'opened'; };
export const readOwn = () => fsOf().readFileSync(new URL('./activations.mjs', import.meta.url), 'utf8').length > 0;
`;

let t: TestSandbox;
let sb: Sandbox;
const SECRET = 'RELU_LAB_SANDBOX_TEST_SECRET';

beforeAll(async () => {
  process.env[SECRET] = 'visible-to-the-grader-only';
  t = await openTestSandbox({ extra: ATTEMPTS });
  sb = t.sandbox;
});
afterAll(async () => {
  delete process.env[SECRET];
  await t.dispose();
});

const reference = path.join(PACKAGE_ROOT, 'solutions/backprop.ts');

function deniedOutcome(outcome: CallOutcome): void {
  expect(outcome.kind, JSON.stringify(outcome)).toBe('threw');
  if (outcome.kind === 'threw') expect(outcome.error.message).toMatch(/Access to this API has been restricted|ERR_ACCESS_DENIED|may not/);
}

describe('inside the sandbox, student code', () => {
  it('can read its own compiled code', async () => {
    expect(await sb.call('activations', 'readOwn', [])).toMatchObject({ kind: 'returned', value: true });
  });

  it('cannot read the reference, by fs, fs/promises, import or require', async () => {
    deniedOutcome(await sb.call('activations', 'readSync', [reference]));
    deniedOutcome(await sb.call('activations', 'readAsync', [reference]));
    deniedOutcome(await sb.call('activations', 'importFile', [path.join(PACKAGE_ROOT, 'grader/core/errors.ts')]));
    deniedOutcome(await sb.call('activations', 'requireFile', [reference]));
  });

  it('cannot read the submission sources, the folder above, or /etc', async () => {
    deniedOutcome(await sb.call('activations', 'readSync', [path.join(t.submission.submissionDir, 'backprop.ts')]));
    deniedOutcome(await sb.call('activations', 'readSync', [path.join(t.submission.root, 'sandbox.pids')]));
    deniedOutcome(await sb.call('activations', 'readSync', ['/etc/passwd']));
    deniedOutcome(await sb.call('activations', 'listDir', [t.submission.root]));
  });

  it('cannot write files, even in its own folder', async () => {
    deniedOutcome(await sb.call('activations', 'writeHere', []));
    deniedOutcome(await sb.call('activations', 'writeTmp', []));
  });

  it('cannot start processes, workers or the inspector', async () => {
    deniedOutcome(await sb.call('activations', 'spawnChild', []));
    deniedOutcome(await sb.call('activations', 'startWorker', []));
    deniedOutcome(await sb.call('activations', 'inspect', []));
  });

  it('sees an empty environment', async () => {
    expect(process.env[SECRET]).toBeDefined();
    expect(await sb.call('activations', 'env', [])).toMatchObject({ kind: 'returned', value: {} });
  });

  it('cannot signal the grader or open network connections', async () => {
    deniedOutcome(await sb.call('activations', 'signalParent', []));
    deniedOutcome(await sb.call('activations', 'connect', []));
  });

  it('is still usable after all these attempts', async () => {
    expect(sb.state).toBe('open');
    expect(await sb.call('activations', 'relu', [5])).toMatchObject({ kind: 'returned', value: 5 });
  });
});
