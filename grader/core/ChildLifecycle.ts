// One owner for the life of a child process relu-lab starts: the sandbox that
// runs student code, a bulk run's grading processes, the visible-test worker.
// Each runs code that may hang or spawn processes of its own, so each is
// started detached, leading a process group of its own, and stopped by
// killing that whole group. The owner speaks its own protocol with the child
// (a pipe of JSON lines, Node's IPC channel) and says when the child is ready;
// this class keeps everything else: the state, the start time-out, a graceful
// stop that ends in SIGKILL of the group, the end as Node reported it, and the
// last few kilobytes of stderr for messages.
import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';

/** starting → ready (the owner said so) → closing (a stop or kill began) → exited; `exited` can follow any of them. */
export type ChildState = 'starting' | 'ready' | 'closing' | 'exited';

/** How the child ended: its exit code or signal, or it never started (the program could not be run). */
export type ChildEnd = { kind: 'exited'; code: number | null; signal: NodeJS.Signals | null } | { kind: 'not-started'; error: Error };

/** How starting went: ready, no word within the start time-out (the group is then killed), or the child closed first. */
export type StartOutcome = { kind: 'ready' } | { kind: 'timed-out'; ms: number } | { kind: 'ended'; code: number | null; signal: NodeJS.Signals | null };

export interface ChildLaunch {
  file: string;
  args: readonly string[];
  /** as for `spawn`, but always detached: the child leads its own process group */
  options: Omit<SpawnOptions, 'detached'>;
  /** characters of stderr kept for messages (default 4096); stderr must be a pipe for any to be kept */
  stderrTail?: number;
  /** a child not ready within this long is killed, and `started()` says `timed-out`; none: it may take as long as it likes */
  startTimeoutMs?: number;
  /**
   * once ready, the child no longer keeps this process alive (nor do its pipes):
   * for children this process only serves while it has other work
   */
  unrefWhenReady?: boolean;
  /**
   * kill the group when this process exits. For children that may be stuck in
   * a loop and would outlive it (the sandbox); not for a child that cleans up
   * after itself when its channel closes (a grading process stops its own
   * sandboxes then, which a kill would prevent)
   */
  killWithParent?: boolean;
}

/**
 * Sends SIGKILL to the process group led by `pid`. True when it was sent,
 * false when no such group is left (or `pid` is not a usable one).
 */
export function killProcessGroup(pid: number | undefined): boolean {
  if (pid === undefined || !Number.isInteger(pid) || pid <= 1) return false;
  try {
    process.kill(-pid, 'SIGKILL');
    return true;
  } catch {
    return false;
  }
}

/** `signal SIGKILL` or `exit code 3`: how a process ended, for messages. */
export function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `signal ${signal}` : `exit code ${code}`;
}

/** The last `limit` characters of a stream of text: enough to say why a process stopped, never a memory cost. */
export class OutputTail {
  private chunks: string[] = [];
  private length = 0;

  constructor(private readonly limit = 4096) {}

  /** Adds text, dropping the oldest beyond the limit. */
  push(text: string): void {
    this.chunks.push(text);
    this.length += text.length;
    while (this.length - this.chunks[0].length >= this.limit) {
      this.length -= this.chunks[0].length;
      this.chunks.shift();
    }
  }

  /** At most `limit` characters: the most recent text. */
  text(): string {
    const all = this.chunks.join('');
    return all.length > this.limit ? all.slice(all.length - this.limit) : all;
  }

  /** The last `n` lines, white space trimmed from both ends first; none when only white space was written. */
  lastLines(n: number): string[] {
    const text = this.text().trim();
    return text === '' ? [] : text.split('\n').slice(-n);
  }
}

/** Children to kill when this process exits (`killWithParent`), while they run. */
const killedWithParent = new Set<ChildLifecycle>();
let exitHookInstalled = false;

export class ChildLifecycle {
  private current: ChildState = 'starting';
  private readonly stderr: OutputTail;
  private markStarted: ((outcome: StartOutcome) => void) | null = null;
  private readonly startOutcome = new Promise<StartOutcome>((resolve) => (this.markStarted = resolve));
  private startTimer: NodeJS.Timeout | undefined;
  private readonly exit: Promise<ChildEnd>;
  private readonly close: Promise<void>;

  private constructor(
    readonly child: ChildProcess,
    private readonly launch: ChildLaunch,
  ) {
    this.stderr = new OutputTail(launch.stderrTail ?? 4096);
    if (child.stderr) {
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (text: string) => this.stderr.push(text));
    }
    this.exit = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.ended();
        resolve({ kind: 'exited', code, signal });
      });
      // after a start, an 'error' is about a signal or a message that could not be sent; the owner hears it on `child`
      child.on('error', (error) => {
        if (child.pid !== undefined) return;
        this.ended();
        resolve({ kind: 'not-started', error });
      });
    });
    this.close = new Promise((resolve) =>
      child.once('close', (code: number | null, signal: NodeJS.Signals | null) => {
        // stderr is complete now, for whoever words why the start failed
        this.settleStart({ kind: 'ended', code, signal });
        resolve();
      }),
    );
    if (launch.startTimeoutMs !== undefined) {
      const ms = launch.startTimeoutMs;
      this.startTimer = setTimeout(() => {
        this.kill();
        this.settleStart({ kind: 'timed-out', ms });
      }, ms);
    }
    if (launch.killWithParent && child.pid !== undefined) {
      killedWithParent.add(this);
      if (!exitHookInstalled) {
        exitHookInstalled = true;
        process.on('exit', () => killedWithParent.forEach((c) => killProcessGroup(c.pid)));
      }
    }
  }

  /** Starts `launch.file` detached, in a process group of its own. Throws only what `spawn` throws synchronously. */
  static spawn(launch: ChildLaunch): ChildLifecycle {
    return new ChildLifecycle(spawn(launch.file, launch.args, { ...launch.options, detached: true }), launch);
  }

  /** The child's pid, which is also its process group's id; undefined when it never started. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  get state(): ChildState {
    return this.current;
  }

  /** The end of what the child wrote to stderr. */
  stderrText(): string {
    return this.stderr.text();
  }

  /** The last `n` lines of stderr, for a one-line message. */
  stderrLines(n: number): string[] {
    return this.stderr.lastLines(n);
  }

  /** The owner heard the child say it is ready (its own protocol's word for it). */
  markReady(): void {
    if (this.current !== 'starting') return;
    this.current = 'ready';
    this.settleStart({ kind: 'ready' });
    if (this.launch.unrefWhenReady) {
      this.child.unref();
      // stdout, stderr and any other pipe (a channel on descriptor 3)
      for (const stream of this.child.stdio) (stream as { unref?(): void } | null)?.unref?.();
    }
  }

  /** Settles once: ready, timed out (the group has been killed), or closed first. */
  started(): Promise<StartOutcome> {
    return this.startOutcome;
  }

  /** Resolves when the child has exited (Node's 'exit'), or `waitMs` from now at the latest. */
  whenExited(waitMs?: number): Promise<ChildEnd | null> {
    return within(this.exit, waitMs);
  }

  /** Resolves when the child has exited and its pipes have closed (Node's 'close'), or `waitMs` from now at the latest. */
  async whenClosed(waitMs?: number): Promise<void> {
    await within(this.close, waitMs);
  }

  /**
   * SIGKILL to the whole group, now. The group can outlive its leader (a
   * grading process's own children; Node inside bubblewrap a moment after
   * bwrap), so it is signalled whatever state the leader is in.
   */
  kill(): void {
    if (this.current !== 'exited') this.current = 'closing';
    killedWithParent.delete(this);
    killProcessGroup(this.child.pid);
  }

  /**
   * Stops the child: `ask` it to end (its protocol's word for it) and give it
   * `graceMs`, then kill the group if it is still running; resolves once it
   * has exited (or closed, with `until: 'close'`), or `waitMs` after that at
   * most. Safe to call again, or after the child ended.
   */
  async stop(opts: { ask?: () => void; graceMs?: number; waitMs?: number; until?: 'exit' | 'close' } = {}): Promise<void> {
    if (this.current !== 'exited') {
      this.current = 'closing';
      if (opts.ask && opts.graceMs !== undefined && opts.graceMs > 0) {
        opts.ask();
        await within(this.exit, opts.graceMs);
      }
      if (this.state !== 'exited') this.kill();
    }
    await within<unknown>(opts.until === 'close' ? this.close : this.exit, opts.waitMs);
  }

  private ended(): void {
    this.current = 'exited';
    killedWithParent.delete(this);
    // the start timer stays: a start fails on 'close', which a grandchild holding the pipes can delay
  }

  private settleStart(outcome: StartOutcome): void {
    clearTimeout(this.startTimer);
    this.markStarted?.(outcome);
    this.markStarted = null;
  }
}

/** `promise`, or null once `ms` have passed first (no limit when `ms` is undefined). */
function within<T>(promise: Promise<T>, ms: number | undefined): Promise<T | null> {
  if (ms === undefined) return promise;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
