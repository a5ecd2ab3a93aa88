// Runs the visible tests in a worker process of their own (its own process
// group, a minimal environment, a private TMPDIR) and gathers what its
// reporter said. A test that never finishes (an endless loop in student
// code) stops the run once nothing else progresses; the group is killed and
// every outcome already reported is kept.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ChildLifecycle, describeExit } from '../core/ChildLifecycle.ts';
import { ReluLabError } from '../core/errors.ts';
import type { CollectedTest, ParentMessage, VisibleJob, WorkerMessage } from './protocol.ts';
import { workerArgs } from './workerCommand.ts';

export type VisibleStatus = 'passed' | 'failed' | 'skipped' | 'timed-out' | 'not-run';

export interface VisibleOutcome {
  test: CollectedTest;
  status: VisibleStatus;
  message: string | null;
  durationMs: number;
}

export interface VisibleRun {
  /** every collected test, in file order then declaration order */
  tests: VisibleOutcome[];
  /** test files that did not run as a whole (an import that failed, a run stopped before them) */
  fileErrors: { file: string; message: string }[];
  /** errors outside any test (a worker that died, for instance) */
  unhandled: string[];
  /** why the run was stopped early, or null when it completed */
  stopped: StopReason | null;
  ms: number;
}

/** Why a run ended before Vitest said it was done. */
export type StopReason = { kind: 'deadline'; message: string } | { kind: 'stalled'; message: string } | { kind: 'worker-ended'; message: string };

export interface VisibleRunOptions {
  /** the repository root */
  root: string;
  /** the test files, relative to root with `/` */
  files: string[];
  testTimeoutMs?: number;
  /** how long past testTimeoutMs a run may go without any progress before it is stopped (default 5 s) */
  stallGraceMs?: number;
  /** the whole run */
  deadlineMs: number;
  memoryMb?: number;
  maxWorkers?: number;
  /** node arguments that start the worker (see workerCommand.ts) */
  worker?: string[];
}

/** Variables the worker (and so the student's code) may see: nothing that names a CI file or holds a token. */
const PASSED_VARIABLES = ['PATH', 'HOME', 'USERPROFILE', 'SYSTEMROOT', 'LANG', 'LC_ALL', 'NODE_PATH'];

const GRACE_MS = 5_000;
/** before the worker's first message: starting Node, Vitest and the first test file */
const STARTUP_MS = 20_000;
/** what the worker wrote to stderr, kept for a message when it ends early */
const STDERR_TAIL = 2_000;

export async function runVisibleTests(opts: VisibleRunOptions): Promise<VisibleRun> {
  const started = performance.now();
  const testTimeoutMs = opts.testTimeoutMs ?? 10_000;
  const stallMs = testTimeoutMs + (opts.stallGraceMs ?? GRACE_MS);
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'relu-lab-visible-'));
  const env: NodeJS.ProcessEnv = { TMPDIR: tmp, NO_COLOR: '1', FORCE_COLOR: '0', CI: 'true' };
  for (const name of PASSED_VARIABLES) if (process.env[name] !== undefined) env[name] = process.env[name];

  const collected = new Map<string, CollectedTest>();
  const order: string[] = [];
  const finished = new Map<string, { state: 'passed' | 'failed' | 'skipped'; message: string | null; durationMs: number }>();
  const running = new Map<string, number>();
  const fileErrors = new Map<string, string>();
  const endedFiles = new Set<string>();
  const unhandled: string[] = [];
  // set from callbacks, so kept in an object (narrowing does not see those writes)
  const halt: { reason: StopReason | null } = { reason: null };

  const job: VisibleJob = {
    root: opts.root,
    include: opts.files,
    testTimeoutMs,
    memoryMb: opts.memoryMb ?? 512,
    maxWorkers: opts.maxWorkers ?? 2,
    cacheDir: path.join(tmp, 'vite'),
  };

  const worker = ChildLifecycle.spawn({
    file: process.execPath,
    args: opts.worker ?? workerArgs(),
    // what the tests print is never read as results; stderr is only kept for a crash message
    options: { cwd: opts.root, env, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] },
    stderrTail: STDERR_TAIL,
  });
  const child = worker.child;
  // the group: the worker and the Vitest processes that run the tests (and the student's code)
  const killGroup = () => worker.kill();

  let lastProgress = performance.now();
  let heard = false;
  try {
    await new Promise<void>((resolve, reject) => {
      let settled = false;
      const finish = () => {
        if (settled) return;
        settled = true;
        clearInterval(watchdog);
        resolve();
      };
      const stop = (reason: StopReason) => {
        if (halt.reason === null) halt.reason = reason;
        killGroup();
        finish();
      };
      const watchdog = setInterval(() => {
        const now = performance.now();
        if (now - started > opts.deadlineMs) {
          stop({ kind: 'deadline', message: `the visible tests were stopped at the time limit of ${Math.round(opts.deadlineMs / 1000)} s` });
        } else if (now - lastProgress > stallMs + (heard ? 0 : STARTUP_MS)) {
          stop({ kind: 'stalled', message: `the visible tests stopped making progress for ${Math.round(stallMs / 1000)} s` });
        }
      }, 200);
      child.on('error', (e) => {
        clearInterval(watchdog);
        settled = true;
        reject(new ReluLabError('grader-failed', `could not start the visible-test worker: ${e.message}`, { cause: e }));
      });
      void worker.whenExited().then((end) => {
        if (end?.kind !== 'exited') return;
        if (!settled && halt.reason === null) {
          const lines = worker.stderrLines(3);
          const tail = lines.length > 0 ? `: ${lines.join(' ')}` : '';
          halt.reason = { kind: 'worker-ended', message: `the visible-test worker ended early (${describeExit(end.code, end.signal)})${tail}` };
        }
        finish();
      });
      child.on('message', (message: WorkerMessage) => {
        lastProgress = performance.now();
        heard = true;
        switch (message.type) {
          case 'ready':
            worker.markReady();
            child.send({ type: 'run', job } satisfies ParentMessage);
            break;
          case 'collected':
            for (const t of message.tests) {
              if (!collected.has(t.id)) order.push(t.id);
              collected.set(t.id, t);
            }
            break;
          case 'started':
            running.set(message.id, performance.now());
            break;
          case 'finished':
            running.delete(message.id);
            finished.set(message.id, { state: message.state, message: message.message, durationMs: message.durationMs });
            break;
          case 'module-end':
            endedFiles.add(message.file);
            if (message.errors.length > 0) fileErrors.set(message.file, message.errors.join('\n'));
            break;
          case 'unhandled':
            unhandled.push(message.message);
            break;
          case 'done':
            finish();
            killGroup();
            break;
        }
      });
    });
  } finally {
    killGroup();
    await fs.rm(tmp, { recursive: true, force: true });
  }

  const byFile = (a: CollectedTest, b: CollectedTest) => opts.files.indexOf(a.file) - opts.files.indexOf(b.file);
  const all = order.map((id) => collected.get(id)!).sort(byFile);
  // In a file that never ended, the test that hung is the one started and not
  // finished, or else (its start may not have been flushed) the first without a result.
  const stopped = halt.reason;
  const culprits = new Map<string, CollectedTest>();
  if (stopped !== null) {
    for (const test of all) {
      if (endedFiles.has(test.file) || finished.has(test.id)) continue;
      const current = culprits.get(test.file);
      if (!current || (running.has(test.id) && !running.has(current.id))) culprits.set(test.file, test);
    }
  }
  const limit = Math.round(stallMs / 1000);
  const tests: VisibleOutcome[] = all.map((test) => {
    const done = finished.get(test.id);
    if (done) return { test, status: done.state, message: done.message, durationMs: done.durationMs };
    const culprit = culprits.get(test.file);
    if (culprit === test) {
      const cause = stopped?.kind === 'worker-ended' ? 'did not finish: the process running it ended' : 'did not finish (look for an endless loop)';
      const message = `${cause}; ${stopped?.message}. Results of the tests just before it may have been lost with it.`;
      const startedAt = running.get(test.id);
      return { test, status: 'timed-out', message, durationMs: startedAt === undefined ? limit * 1000 : Math.round(performance.now() - startedAt) };
    }
    const why = culprit ? `"${culprit.path.join(' > ')}" did not finish, and the run was stopped` : (stopped?.message ?? 'the test never reported a result');
    return { test, status: 'not-run', message: `not run: ${why}`, durationMs: 0 };
  });
  for (const file of opts.files) {
    const seen = tests.some((t) => t.test.file === file);
    if (!seen && !fileErrors.has(file)) {
      fileErrors.set(file, stopped ? `not run: ${stopped.message}` : endedFiles.has(file) ? `${file} has no tests` : `${file} did not run`);
    }
  }
  return {
    tests,
    fileErrors: opts.files.filter((f) => fileErrors.has(f)).map((file) => ({ file, message: fileErrors.get(file)! })),
    unhandled,
    stopped,
    ms: Math.round(performance.now() - started),
  };
}
