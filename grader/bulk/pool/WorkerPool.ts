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
// removed once it has exited. Each process's life (its group, the kill, its
// stderr) is a ChildLifecycle's; a seat is the pool's place for one such
// process at a time, restarted as needed.
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ChildLifecycle } from '../../core/ChildLifecycle.ts';
import { ReluLabError } from '../../core/errors.ts';
import { killSandboxesUnder } from '../../sandbox/killSandboxes.ts';
import type { FromWorker, GradedSummary, GradeItem, ToWorker } from './protocol.ts';
import { workerEnvironment } from './workerEnvironment.ts';

export const WORKER_MODULE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'worker.mjs');

export interface PoolOptions {
  size: number;
  /** the manifest the workers load (undefined: the default) */
  manifestPath: string | undefined;
  /** the module of the assignment the workers grade (undefined: the default) */
  assignmentPath?: string;
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

/** One of the pool's `size` places: the grading process that holds it now (if any), its folder and its batch. */
interface WorkerSeat {
  index: number;
  worker: ChildLifecycle | null;
  /** the seat's scheduling: no process, one starting, one waiting for a batch, one grading */
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
  startFailures: number;
}

/**
 * A young generation capped at 4 MB a semi-space: V8's default (up to 16 MB)
 * costs page faults and memory, a 1 MB cap makes scavenges promote
 * short-lived data and costs garbage collection. And no optimising compiler
 * past Maglev (TurboFan off): each Vitest run starts a fresh worker thread
 * whose code never gets hot enough to repay TurboFan's background compiles.
 * Both measured, with how: docs/performance.md.
 */
const WORKER_NODE_ARGS = ['--max-semi-space-size=4', '--max-opt=2'];
/** Workers that die this often in a row before getting ready mean the grader cannot start. */
const MAX_START_FAILURES = 3;
const STDERR_TAIL = 4000;
/** How long a worker asked to close may take to finish its batch and exit before it is killed. */
const CLOSE_GRACE_MS = 15_000;
/** The longest a killed worker's exit is waited for before its folder is removed regardless. */
const EXIT_WAIT_MS = 5_000;

export class WorkerPool {
  private readonly queue: Pending[] = [];
  private readonly seats: WorkerSeat[] = [];
  private batches = 0;
  private generations = 0;
  private closing = false;
  private broken: Error | null = null;

  constructor(private readonly options: PoolOptions) {
    for (let i = 0; i < options.size; i++) {
      this.seats.push({ index: i, worker: null, state: 'stopped', tmpDir: '', batch: null, startFailures: 0 });
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
      this.seats.map(async (seat) => {
        // asked to close, a worker ends once its batch is done; one that does not within CLOSE_GRACE_MS is killed
        await seat.worker?.stop({ ask: () => this.send(seat, { type: 'close' }), graceMs: CLOSE_GRACE_MS });
        await this.cleanTmp(seat);
      }),
    );
  }

  /** Stops every worker at once (on SIGINT or an error); students not graded yet are settled as failed. */
  async kill(): Promise<void> {
    this.closing = true;
    const interrupted: ItemOutcome = { kind: 'failed', message: 'grading was interrupted' };
    for (const p of this.queue.splice(0)) p.resolve(interrupted);
    for (const seat of this.seats) {
      if (seat.batch?.timer) clearTimeout(seat.batch.timer);
      for (const p of seat.batch?.pending.values() ?? []) p.resolve(interrupted);
      seat.batch = null;
      seat.worker?.kill();
      await seat.worker?.whenExited(EXIT_WAIT_MS);
      await this.cleanTmp(seat);
    }
  }

  private pump(): void {
    if (this.closing || this.broken) return;
    for (const seat of this.seats) {
      if (this.queue.length === 0) return;
      if (seat.state === 'stopped') void this.spawn(seat);
      if (seat.state !== 'idle') continue;
      this.dispatch(seat);
    }
  }

  private dispatch(seat: WorkerSeat): void {
    const busyOrStarting = this.seats.filter((s) => s.state !== 'stopped').length || 1;
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
    seat.batch = { id, pending: new Map(taken.map((p) => [p.item.id, p])), order, current: order[0] ?? null, timer: null };
    seat.state = 'busy';
    this.arm(seat);
    this.send(seat, { type: 'grade', batch: id, items: taken.map((p) => p.item) });
  }

  /** (Re)starts the hard deadline, for the batch's current student alone. */
  private arm(seat: WorkerSeat): void {
    const batch = seat.batch;
    if (!batch) return;
    if (batch.timer) clearTimeout(batch.timer);
    const charged = batch.current;
    batch.timer = setTimeout(() => {
      const seconds = Math.round(this.options.hardDeadlineMs / 1000);
      this.fail(seat, `grading overran the hard limit of ${seconds} s per submission; its grading process was killed and restarted`, true, charged);
    }, this.options.hardDeadlineMs);
    batch.timer.unref?.();
  }

  private async spawn(seat: WorkerSeat): Promise<void> {
    seat.state = 'starting';
    seat.tmpDir = path.join(this.options.tmpRoot, `worker-${seat.index}-${++this.generations}`);
    await mkdir(seat.tmpDir, { recursive: true });
    // what fork does, with the Node arguments given rather than inherited
    const worker = ChildLifecycle.spawn({
      file: process.execPath,
      args: [...WORKER_NODE_ARGS, this.options.workerModule ?? WORKER_MODULE],
      options: {
        env: workerEnvironment(seat.tmpDir, this.options.manifestPath, this.options.assignmentPath),
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        serialization: 'json',
      },
      stderrTail: STDERR_TAIL,
    });
    seat.worker = worker;
    worker.child.on('message', (message: FromWorker) => this.onMessage(seat, worker, message));
    worker.child.on('error', (e) => this.onGone(seat, worker, `the grading process failed: ${e.message}`));
    void worker.whenExited().then((end) => {
      if (end?.kind === 'exited') this.onGone(seat, worker, `the grading process exited unexpectedly (${end.signal ?? `code ${end.code}`})`);
    });
  }

  private onMessage(seat: WorkerSeat, worker: ChildLifecycle, message: FromWorker): void {
    if (seat.worker !== worker) return;
    switch (message.type) {
      case 'ready':
        worker.markReady();
        seat.state = 'idle';
        seat.startFailures = 0;
        this.pump();
        return;
      case 'started': {
        const batch = seat.batch;
        if (batch?.id !== message.batch || !batch.pending.has(message.id)) return;
        batch.current = message.id;
        this.arm(seat);
        return;
      }
      case 'graded':
      case 'item-failed': {
        const batch = seat.batch;
        const pending = batch?.pending.get(message.id);
        if (!batch || !pending || batch.id !== message.batch) return;
        batch.pending.delete(message.id);
        pending.resolve(message.type === 'graded' ? { kind: 'graded', summary: message.summary } : { kind: 'failed', message: message.message });
        // an answer for the student being timed: the time of the next one starts
        if (batch.current === message.id) {
          batch.current = batch.order.find((id) => batch.pending.has(id)) ?? null;
          this.arm(seat);
        }
        return;
      }
      case 'batch-done':
        if (seat.batch?.id !== message.batch) return;
        if (seat.batch.timer) clearTimeout(seat.batch.timer);
        // anything the worker did not answer for is retried alone
        this.requeue([...seat.batch.pending.values()], 'the grading process gave no result');
        seat.batch = null;
        seat.state = 'idle';
        this.pump();
        return;
      case 'fatal':
        this.fail(seat, message.message, false);
        return;
    }
  }

  private onGone(seat: WorkerSeat, worker: ChildLifecycle, reason: string): void {
    if (seat.worker !== worker) return;
    const tail = worker.stderrLines(3).join(' | ');
    this.fail(seat, tail ? `${reason}: ${tail}` : reason, false);
  }

  /**
   * The seat's worker is finished with: kill it, settle its batch, start
   * another. `charged`: the student who overran, recorded as failed; the
   * rest of the batch is graded again.
   */
  private fail(seat: WorkerSeat, reason: string, killed: boolean, charged: string | null = null): void {
    const wasStarting = seat.state === 'starting';
    const batch = seat.batch;
    if (batch?.timer) clearTimeout(batch.timer);
    seat.batch = null;
    const worker = seat.worker;
    // the group, even when its leader has exited: what the process started may not have
    worker?.kill();
    // its folder goes once the process is gone, so nothing it was writing lands after the removal
    const oldTmp = seat.tmpDir;
    void (worker?.whenExited(EXIT_WAIT_MS) ?? Promise.resolve()).then(() => this.cleanTmpDir(oldTmp));
    seat.worker = null;
    seat.state = 'stopped';
    if (this.closing) return;
    this.options.onRestart?.({ worker: seat.index, reason });
    if (wasStarting && !killed) {
      seat.startFailures += 1;
      if (seat.startFailures >= MAX_START_FAILURES) return this.breakPool(new ReluLabError('grader-failed', `grading processes could not start: ${reason}`));
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
    for (const seat of this.seats) {
      for (const p of seat.batch?.pending.values() ?? []) p.reject(error);
      seat.batch = null;
    }
    void this.kill();
  }

  private send(seat: WorkerSeat, message: ToWorker): void {
    try {
      seat.worker?.child.send(message);
    } catch {
      // the exit handler settles the batch
    }
  }

  private async cleanTmp(seat: WorkerSeat): Promise<void> {
    if (seat.tmpDir) await this.cleanTmpDir(seat.tmpDir);
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
