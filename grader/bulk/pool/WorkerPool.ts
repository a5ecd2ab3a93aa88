// The grading processes of a bulk run. Each is a long-lived child (its own
// process group, so it can be killed with everything it started) running
// one Grader; batches go to whichever is idle. The parent keeps a hard
// deadline per submission, its own, never summed over a batch: one timer per
// grading process, for the student whose checks are running (the process
// says when each begins). A process that overruns it is killed and replaced,
// and that student alone is recorded as failed; the others of its batch are
// graded again, one by one. A process that dies has its batch retried one by
// one, and a student whose process dies again alone is recorded as failed.
// A killed process's TMPDIR (compiled student code, Vitest's files) is
// removed once it has exited.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ReluLabError } from '../../core/errors.ts';
import { killSandboxesUnder } from '../../engine/killSandboxes.ts';
import type { FromWorker, GradedSummary, GradeItem, ToWorker } from './protocol.ts';
import { workerEnvironment } from './workerEnvironment.ts';

export const WORKER_MODULE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'worker.mjs');

export interface PoolOptions {
  size: number;
  /** the manifest the workers load (undefined: the default) */
  manifestPath: string | undefined;
  /** a private folder; each worker gets a TMPDIR inside it */
  tmpRoot: string;
  /** per submission, measured from when its checks begin (for a batch's first, from when the batch is sent) */
  hardDeadlineMs: number;
  /** most submissions sent at once to one worker */
  maxBatch: number;
  workerModule?: string;
  /** told whenever a worker is killed or died */
  onRestart?: (info: { worker: number; reason: string }) => void;
}

export type ItemOutcome = { kind: 'graded'; summary: GradedSummary } | { kind: 'failed'; message: string };

interface Pending {
  item: GradeItem;
  solo: boolean;
  resolve: (outcome: ItemOutcome) => void;
  reject: (error: Error) => void;
}

interface Slot {
  index: number;
  child: ChildProcess | null;
  state: 'starting' | 'idle' | 'busy' | 'stopped';
  tmpDir: string;
  batch: {
    id: number;
    pending: Map<string, Pending>;
    /** the items in the order the worker grades them */
    order: string[];
    /** the student whose time the timer measures: the last whose checks began, or the next to begin */
    current: string | null;
    timer: NodeJS.Timeout | null;
  } | null;
  stderr: string;
  startFailures: number;
}

/**
 * A young generation capped at 4 MB a semi-space instead of V8's default (up
 * to 16 MB): with the default, the two grading processes' peak RSS was about
 * 620 MB. A 1 MB cap kept them near 400 MB, but its scavenges promote so
 * much short-lived data that a grading process spent about 58 ms of garbage
 * collection per submission; at 4 MB, 39 ms, with the same peak RSS of the
 * whole bulk run (827–890 MB at n = 200, against 853–865 MB at 1 MB) and
 * 12–20 % less CPU per submission in alternating runs of the benchmark's class.
 * And no optimising compiler past Maglev (TurboFan off): each Vitest run
 * starts a fresh worker thread whose code never gets hot enough to repay
 * TurboFan's background compiles; a grading process used a quarter less CPU
 * per submission without them, in the same wall time.
 */
const WORKER_NODE_ARGS = ['--max-semi-space-size=4', '--max-opt=2'];
/** Workers that die this often in a row before getting ready mean the grader cannot start. */
const MAX_START_FAILURES = 3;
const STDERR_TAIL = 4000;

export class WorkerPool {
  private readonly queue: Pending[] = [];
  private readonly slots: Slot[] = [];
  private batches = 0;
  private generations = 0;
  private closing = false;
  private broken: Error | null = null;

  constructor(private readonly options: PoolOptions) {
    for (let i = 0; i < options.size; i++) {
      this.slots.push({ index: i, child: null, state: 'stopped', tmpDir: '', batch: null, stderr: '', startFailures: 0 });
    }
  }

  /** Grades `item` on some worker; resolves once its results are on disk (or it failed). */
  submit(item: GradeItem): Promise<ItemOutcome> {
    if (this.broken) return Promise.reject(this.broken);
    return new Promise<ItemOutcome>((resolve, reject) => {
      this.queue.push({ item, solo: false, resolve, reject });
      this.pump();
    });
  }

  /** Lets running batches finish, then stops every worker. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(
      this.slots.map(async (slot) => {
        const child = slot.child;
        if (!child || child.exitCode !== null || child.signalCode !== null) return this.cleanTmp(slot);
        const exited = new Promise<void>((r) => child.once('exit', () => r()));
        this.send(slot, { type: 'close' });
        const timer = setTimeout(() => this.killGroup(slot), 15_000);
        await exited;
        clearTimeout(timer);
        await this.cleanTmp(slot);
      }),
    );
  }

  /** Stops every worker at once (on SIGINT or an error); students not graded yet are settled as failed. */
  async kill(): Promise<void> {
    this.closing = true;
    const interrupted: ItemOutcome = { kind: 'failed', message: 'grading was interrupted' };
    for (const p of this.queue.splice(0)) p.resolve(interrupted);
    for (const slot of this.slots) {
      if (slot.batch?.timer) clearTimeout(slot.batch.timer);
      for (const p of slot.batch?.pending.values() ?? []) p.resolve(interrupted);
      slot.batch = null;
      const child = slot.child;
      this.killGroup(slot);
      await this.whenExited(child);
      await this.cleanTmp(slot);
    }
  }

  private pump(): void {
    if (this.closing || this.broken) return;
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.state === 'stopped') void this.spawn(slot);
      if (slot.state !== 'idle') continue;
      this.dispatch(slot);
    }
  }

  private dispatch(slot: Slot): void {
    const busyOrStarting = this.slots.filter((s) => s.state !== 'stopped').length || 1;
    const size = Math.max(1, Math.min(this.options.maxBatch, Math.ceil(this.queue.length / busyOrStarting)));
    const taken: Pending[] = [];
    while (this.queue.length > 0 && taken.length < size) {
      const next = this.queue[0];
      if (next.solo && taken.length > 0) break;
      taken.push(this.queue.shift()!);
      if (next.solo) break;
    }
    const id = ++this.batches;
    const order = taken.map((p) => p.item.id);
    slot.batch = { id, pending: new Map(taken.map((p) => [p.item.id, p])), order, current: order[0] ?? null, timer: null };
    slot.state = 'busy';
    this.arm(slot);
    this.send(slot, { type: 'grade', batch: id, items: taken.map((p) => p.item) });
  }

  /** (Re)starts the hard deadline, for the batch's current student alone. */
  private arm(slot: Slot): void {
    const batch = slot.batch;
    if (!batch) return;
    if (batch.timer) clearTimeout(batch.timer);
    const charged = batch.current;
    batch.timer = setTimeout(() => {
      const seconds = Math.round(this.options.hardDeadlineMs / 1000);
      this.fail(slot, `grading overran the hard limit of ${seconds} s per submission; its grading process was killed and restarted`, true, charged);
    }, this.options.hardDeadlineMs);
    batch.timer.unref?.();
  }

  private async spawn(slot: Slot): Promise<void> {
    slot.state = 'starting';
    slot.stderr = '';
    slot.tmpDir = path.join(this.options.tmpRoot, `worker-${slot.index}-${++this.generations}`);
    await mkdir(slot.tmpDir, { recursive: true });
    const child = fork(this.options.workerModule ?? WORKER_MODULE, [], {
      detached: true,
      execArgv: WORKER_NODE_ARGS,
      env: workerEnvironment(slot.tmpDir, this.options.manifestPath),
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'json',
    });
    slot.child = child;
    child.stderr?.on('data', (chunk: Buffer) => {
      slot.stderr = (slot.stderr + chunk.toString('utf8')).slice(-STDERR_TAIL);
    });
    child.on('message', (message: FromWorker) => this.onMessage(slot, child, message));
    child.on('error', (e) => this.onGone(slot, child, `the grading process failed: ${e.message}`));
    child.on('exit', (code, signal) => this.onGone(slot, child, `the grading process exited unexpectedly (${signal ?? `code ${code}`})`));
  }

  private onMessage(slot: Slot, child: ChildProcess, message: FromWorker): void {
    if (slot.child !== child) return;
    switch (message.type) {
      case 'ready':
        slot.state = 'idle';
        slot.startFailures = 0;
        this.pump();
        return;
      case 'started': {
        const batch = slot.batch;
        if (batch?.id !== message.batch || !batch.pending.has(message.id)) return;
        batch.current = message.id;
        this.arm(slot);
        return;
      }
      case 'graded':
      case 'item-failed': {
        const batch = slot.batch;
        const pending = batch?.pending.get(message.id);
        if (!batch || !pending || batch.id !== message.batch) return;
        batch.pending.delete(message.id);
        pending.resolve(message.type === 'graded' ? { kind: 'graded', summary: message.summary } : { kind: 'failed', message: message.message });
        // an answer for the student being timed: the time of the next one starts
        if (batch.current === message.id) {
          batch.current = batch.order.find((id) => batch.pending.has(id)) ?? null;
          this.arm(slot);
        }
        return;
      }
      case 'batch-done':
        if (slot.batch?.id !== message.batch) return;
        if (slot.batch.timer) clearTimeout(slot.batch.timer);
        // anything the worker did not answer for is retried alone
        this.requeue([...slot.batch.pending.values()], 'the grading process gave no result');
        slot.batch = null;
        slot.state = 'idle';
        this.pump();
        return;
      case 'fatal':
        this.fail(slot, message.message, false);
        return;
    }
  }

  private onGone(slot: Slot, child: ChildProcess, reason: string): void {
    if (slot.child !== child) return;
    const tail = slot.stderr.trim().split('\n').slice(-3).join(' | ');
    this.fail(slot, tail ? `${reason}: ${tail}` : reason, false);
  }

  /**
   * The slot's worker is finished with: kill it, settle its batch, start
   * another. `charged`: the student who overran, recorded as failed; the
   * rest of the batch is graded again.
   */
  private fail(slot: Slot, reason: string, killed: boolean, charged: string | null = null): void {
    const wasStarting = slot.state === 'starting';
    const batch = slot.batch;
    if (batch?.timer) clearTimeout(batch.timer);
    slot.batch = null;
    const child = slot.child;
    this.killGroup(slot);
    // its folder goes once the process is gone, so nothing it was writing lands after the removal
    const oldTmp = slot.tmpDir;
    void this.whenExited(child).then(() => this.cleanTmpDir(oldTmp));
    slot.child = null;
    slot.state = 'stopped';
    if (this.closing) return;
    this.options.onRestart?.({ worker: slot.index, reason });
    if (wasStarting && !killed) {
      slot.startFailures += 1;
      if (slot.startFailures >= MAX_START_FAILURES) return this.breakPool(new ReluLabError('grader-failed', `grading processes could not start: ${reason}`));
    }
    if (batch) {
      const overran = charged === null ? undefined : batch.pending.get(charged);
      overran?.resolve({ kind: 'failed', message: reason });
      const rest = [...batch.pending.values()].filter((p) => p !== overran);
      // the others did not overrun: they are graded again, however many they are
      if (overran) this.queue.unshift(...rest.map((p) => ({ ...p, solo: true })));
      else this.requeue(rest, reason);
    }
    this.pump();
  }

  /** Resolves once `child` has exited (at once if it has, or if there is none; at most 5 s). */
  private whenExited(child: ChildProcess | null): Promise<void> {
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, 5_000);
      timer.unref?.();
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** A batch's unanswered students: each tried once more alone; one that fails alone is settled as failed. */
  private requeue(pending: Pending[], reason: string): void {
    const retry: Pending[] = [];
    for (const p of pending) {
      if (p.solo || pending.length === 1) p.resolve({ kind: 'failed', message: reason });
      else retry.push({ ...p, solo: true });
    }
    this.queue.unshift(...retry);
  }

  private breakPool(error: Error): void {
    this.broken = error;
    for (const p of this.queue.splice(0)) p.reject(error);
    for (const slot of this.slots) {
      for (const p of slot.batch?.pending.values() ?? []) p.reject(error);
      slot.batch = null;
    }
    void this.kill();
  }

  private send(slot: Slot, message: ToWorker): void {
    try {
      slot.child?.send(message);
    } catch {
      // the exit handler settles the batch
    }
  }

  private killGroup(slot: Slot): void {
    const pid = slot.child?.pid;
    if (!pid) return;
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }

  private async cleanTmp(slot: Slot): Promise<void> {
    if (slot.tmpDir) await this.cleanTmpDir(slot.tmpDir);
  }

  /** Sandboxes run in their own process groups: stop them by their pid files, then remove the folder. Never rejects. */
  private async cleanTmpDir(dir: string): Promise<void> {
    if (!dir) return;
    try {
      await killSandboxesUnder(dir);
      await rm(dir, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // the run's own temporary folder, which holds this one, is removed at its end
    }
  }
}
