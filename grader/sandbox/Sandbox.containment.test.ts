// What student code cannot do from inside the sandbox: first what Node's
// permission model and host.mjs refuse everywhere, then what the operating
// system's layers (isolation.ts) add where this machine has them.
import dgram from 'node:dgram';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../core/defaults.ts';
import { killSandboxes } from './killSandboxes.ts';
import type { CallOutcome } from './CallOutcome.ts';
import { currentIsolation, type IsolationMode } from './isolation.ts';
import type { Sandbox } from './Sandbox.ts';
import { SANDBOX_FILE_SIZE_BYTES, SANDBOX_MAX_PROCESSES } from './sandboxCommand.ts';
import { emptyDirOf, sandboxNodePid } from './spawnHost.ts';
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
  // under bubblewrap a file outside the code folder is not there at all, and import says so before the permission model is asked
  if (outcome.kind === 'threw') expect(outcome.error.message).toMatch(/Access to this API has been restricted|ERR_ACCESS_DENIED|may not|Cannot find module/);
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

// Ways past Node 20's permission model, and what tells the sandbox's own state.
const ESCAPES = `
const builtin = (name: string) => (process as any).getBuiltinModule(name);
const burn = () => { const keep: object[] = []; for (let i = 0; i < 200000; i++) keep.push({ i, s: String(i) }); return keep.length; };
export const traceByImport = async () => { const te = await import('node:trace_events'); const t = te.createTracing({ categories: ['node', 'v8'] }); t.enable(); burn(); await new Promise((r) => setTimeout(r, 200)); t.disable(); return 'traced'; };
export const traceByBuiltin = async () => { const t = builtin('trace_events').createTracing({ categories: ['node.perf', 'v8'] }); t.enable(); burn(); await new Promise((r) => setTimeout(r, 200)); t.disable(); return 'traced'; };
export const traceAfterUndo = async () => {
  const te = builtin('trace_events');
  try { delete te.createTracing; } catch {}
  try { Object.defineProperty(te, 'createTracing', { value: () => null }); } catch {}
  const t = te.createTracing({ categories: ['node', 'v8'] }); t.enable(); burn(); await new Promise((r) => setTimeout(r, 200)); t.disable(); return 'traced';
};
export const pathExists = (file: string) => { try { builtin('fs').realpathSync(file); return 'exists'; } catch (e) { return (e as any).code; } };
export const lookupLocalhost = async () => (await builtin('dns').promises.lookup('localhost')).address;
export const queryServer = async (server: string) => { const r = new (builtin('dns').promises.Resolver)({ timeout: 300, tries: 1 }); r.setServers([server]); return r.resolve4('leak.example'); };
export const uid = () => process.getuid!();
export const cwd = () => process.cwd();
`;

/** Files named like trace output anywhere in `dirs` (one level deep), with their sizes. */
function traceFiles(dirs: string[]): string[] {
  const found: string[] = [];
  for (const dir of dirs) {
    for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
      if (name.startsWith('node_trace')) found.push(`${path.join(dir, name)} (${fs.statSync(path.join(dir, name)).size} bytes)`);
    }
  }
  return found;
}

/** Max file size and max processes of a process, from /proc/<pid>/limits (soft limits). */
function limitsOf(pid: number): { fileSize: string; processes: string } {
  const text = fs.readFileSync(`/proc/${pid}/limits`, 'utf8');
  const soft = (name: string) => new RegExp(`^${name}\\s+(\\S+)`, 'm').exec(text)?.[1] ?? '?';
  return { fileSize: soft('Max file size'), processes: soft('Max processes') };
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function inMode<T>(mode: IsolationMode, body: (t: TestSandbox) => Promise<T>): Promise<T> {
  const before = process.env.RELU_LAB_ISOLATION;
  process.env.RELU_LAB_ISOLATION = mode;
  let t: TestSandbox | undefined;
  try {
    t = await openTestSandbox({ extra: ESCAPES });
  } finally {
    if (before === undefined) delete process.env.RELU_LAB_ISOLATION;
    else process.env.RELU_LAB_ISOLATION = before;
  }
  try {
    return await body(t);
  } finally {
    await t.dispose();
  }
}

const layers = currentIsolation({});
const noBwrap = currentIsolation({ RELU_LAB_ISOLATION: 'no-bwrap' });
const WITHOUT_BWRAP = 'bubblewrap does not work on this machine (see relu-lab doctor)';
const NOT_ROOT = 'the grader does not run as root here, so the sandbox keeps its user (or prlimit is missing; see relu-lab doctor)';

describe.each<IsolationMode>(['auto', 'no-bwrap', 'permission-only'])('trace events (isolation %s)', (mode) => {
  it('cannot write a trace file anywhere: working directory, code folder, TMPDIR', async () => {
    await inMode(mode, async (t) => {
      const sb = t.sandbox;
      for (const name of ['traceByImport', 'traceByBuiltin', 'traceAfterUndo']) {
        deniedOutcome(await sb.call('activations', name, []));
      }
      expect(sb.state).toBe('open');
      const places = [t.submission.codeDir, emptyDirOf(t.submission.codeDir), t.submission.root, os.tmpdir(), process.cwd()];
      expect(traceFiles(places)).toEqual([]);
    });
  });
});

describe.skipIf(layers.bwrap === null)(`inside bubblewrap${layers.bwrap === null ? ` (skipped: ${WITHOUT_BWRAP})` : ''}`, () => {
  let server: dgram.Socket;
  let packets = 0;
  beforeAll(async () => {
    server = dgram.createSocket('udp4');
    server.on('message', () => (packets += 1));
    await new Promise<void>((resolve) => server.bind(0, '127.0.0.1', () => resolve()));
  });
  afterAll(() => server.close());
  afterEach(() => {
    packets = 0;
  });

  it("cannot resolve names or reach a socket on the grader's loopback", async () => {
    await inMode('auto', async ({ sandbox }) => {
      expect(await sandbox.call('activations', 'lookupLocalhost', [])).toMatchObject({ kind: 'threw' });
      const port = (server.address() as { port: number }).port;
      expect(await sandbox.call('activations', 'queryServer', [`127.0.0.1:${port}`])).toMatchObject({ kind: 'threw' });
      await new Promise((r) => setTimeout(r, 100));
      expect(packets).toBe(0);
    });
  });

  it('cannot tell whether /etc/passwd or the reference exists', async () => {
    await inMode('auto', async ({ sandbox }) => {
      const missing = await sandbox.call('activations', 'pathExists', ['/no/such/file']);
      expect(await sandbox.call('activations', 'pathExists', ['/etc/passwd'])).toMatchObject({
        kind: 'returned',
        value: (missing as { value: unknown }).value,
      });
      expect(await sandbox.call('activations', 'pathExists', [reference])).toMatchObject({ kind: 'returned', value: (missing as { value: unknown }).value });
      expect(missing).toMatchObject({ kind: 'returned' });
      expect((missing as { value: unknown }).value).not.toBe('exists');
    });
  });

  it('runs in a read-only working directory, with a file-size limit', async () => {
    await inMode('auto', async ({ sandbox, submission }) => {
      expect(await sandbox.call('activations', 'cwd', [])).toMatchObject({ kind: 'returned', value: submission.codeDir });
      const node = sandboxNodePid(sandbox.pid);
      expect(node).not.toBe(sandbox.pid);
      if (layers.prlimit !== null) expect(limitsOf(node).fileSize).toBe(String(SANDBOX_FILE_SIZE_BYTES));
    });
  });

  it('is stopped entirely by killing its process group through the pids file, as the outer deadline does', async () => {
    await inMode('auto', async ({ sandbox, submission }) => {
      const node = sandboxNodePid(sandbox.pid);
      expect(isAlive(node)).toBe(true);
      expect(await killSandboxes(submission.root)).toBeGreaterThan(0);
      for (let i = 0; i < 100 && isAlive(node); i++) await new Promise((r) => setTimeout(r, 20));
      expect(isAlive(node)).toBe(false);
    });
  });
});

describe.skipIf(noBwrap.user === null || noBwrap.prlimit === null)(
  `without bubblewrap, as root${noBwrap.user === null || noBwrap.prlimit === null ? ` (skipped: ${NOT_ROOT})` : ''}`,
  () => {
    it('runs as an unprivileged user, in an empty folder it cannot write, with file-size and process-count limits', async () => {
      await inMode('no-bwrap', async ({ sandbox, submission }) => {
        expect(await sandbox.call('activations', 'uid', [])).toMatchObject({ kind: 'returned', value: noBwrap.user?.uid });
        const cwd = emptyDirOf(submission.codeDir);
        expect(await sandbox.call('activations', 'cwd', [])).toMatchObject({ kind: 'returned', value: fs.realpathSync(cwd) });
        expect(fs.readdirSync(cwd)).toEqual([]);
        expect(limitsOf(sandbox.pid)).toEqual({ fileSize: String(SANDBOX_FILE_SIZE_BYTES), processes: String(SANDBOX_MAX_PROCESSES) });
        // the sandbox's own folders are the grader's: nobody may write them
        expect(await sandbox.call('activations', 'writeHere', [])).toMatchObject({ kind: 'threw' });
        expect(fs.readdirSync(submission.codeDir)).not.toContain('planted.mjs');
      });
    });
  },
);
