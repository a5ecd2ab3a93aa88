// The sandbox that runs a submission's compiled code: a Node child process
// under the permission model (reads its own code folder only; no child
// processes, workers, file writes or addons), with an empty environment, a
// heap limit and its own process group. Calls cross the process boundary as
// plain data and run one at a time, each with a time limit. A time-out or a
// crash kills the process group; from then on every call resolves at once
// with `unavailable`, so nothing waits on a sandbox that is gone. No method
// throws for anything student code does.
//
// Requests and replies are lines of JSON on the child's descriptor 3, a
// pipe of its own (not Node's IPC channel). Replies are parsed here by
// ReplyReader: a line that is not JSON, or longer than
// REPLY_LIMITS.maxMessageBytes, breaks the protocol, fails the call under way
// as `crashed` and stops the sandbox, never the grader.
//
// Time is kept here, on the trusted side. Each request gets a hard end when
// it is sent: the call's limit for a single call, the call group's limit for a
// callMany, and never later than the submission's deadline. Progress a
// call group reports (which student code, sharing the process with host.mjs, can
// forge) only moves the current call's limit, and only within that end.
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { DEFAULTS } from '../core/defaults.ts';
import { type ChildLifecycle, OutputTail } from '../core/ChildLifecycle.ts';
import { ReluLabError } from '../core/errors.ts';
import type { CallGroupOutcome, CallOutcome, SandboxState } from './CallOutcome.ts';
import { describeCrash, OUT_OF_MEMORY } from './describeCrash.ts';
import { describeTimeout, type TimeLimitKind } from './describeTimeout.ts';
import { callInProgress } from './callInProgress.ts';
import { type Reply, checkReply } from './checkReply.ts';
import { spawnHost } from './spawnHost.ts';
import { encodeRequest } from './encodeRequest.ts';
import { type ChannelEvent, ReplyReader } from './ReplyReader.ts';
import { restoreSpecials } from './wire.mjs';

/**
 * The submission's own deadline, as the grading side keeps it: no call is
 * let run past it, whatever the sandbox reports meanwhile. `endsAt` is read
 * as each call is sent (a sandbox may be opened before the clock starts).
 */
export interface SubmissionDeadline {
  /** the whole budget, for messages */
  ms: number;
  /** when it runs out, on this thread's performance.now() clock */
  endsAt(): number;
}

export interface SandboxOptions {
  /** folder of the compiled modules (`<module>.mjs`); host.mjs is copied into it */
  codeDir: string;
  /** time limit of one call (of each call in a callMany) */
  callTimeoutMs: number;
  /**
   * time limit of a whole callMany, fixed when it is sent: progress the
   * sandbox reports moves each call's limit, never this one; default
   * DEFAULTS.groupTimeoutMs
   */
  groupTimeoutMs?: number;
  /** the submission's deadline; none: calls have only their own limits */
  deadline?: SubmissionDeadline;
  /** heap limit of the sandbox process */
  memoryMb: number;
  /** how long the process may take to start; default 10 s */
  startTimeoutMs?: number;
}

/** How long a sandbox may take to say it is ready, when `startTimeoutMs` is not given. */
const START_TIMEOUT_MS = 10_000;

/** Extra time a call group gets per progress report, for the report's own delay. */
const PROGRESS_SLACK_MS = 100;

/** A request made and not yet answered: one call, one load or read, or a callMany. */
interface PendingRequest {
  id: number;
  /** what is sent: its id and operation */
  body: Record<string, unknown>;
  label: string;
  groupSize: number | null;
  lastDone: number;
  started: number;
  /** fixed when the request is sent: the latest it may end, and the limit that sets it */
  hardEnd: number;
  hardLimit: TimeLimitKind;
  /** the limit the armed timer stands for */
  expiring: TimeLimitKind;
  timer?: NodeJS.Timeout;
  /** in a call group that ran out of memory: the call it was in, read as V8 said so */
  outOfMemoryAt?: number | null;
  resolve(outcome: CallOutcome): void;
}

export class Sandbox {
  /** stdout and stderr together, for people; stderr alone, where Node reports running out of memory, is the host's */
  private readonly tail = new OutputTail();
  private readonly queue: PendingRequest[] = [];
  private current: PendingRequest | null = null;
  private nextId = 1;
  private status: SandboxState = 'open';
  private failure: string | null = null;
  private lastLabel: string | null = null;
  private uncaught: { name: string; message: string } | null = null;
  /** requests out, replies in: the child's descriptor 3 */
  private readonly channel: Socket;
  private readonly reader = new ReplyReader();
  /** a callMany's own limit: the option, or the default */
  private readonly groupTimeoutMs: number;

  private constructor(
    /** the process: its group, state, start, stop and stderr */
    private readonly host: ChildLifecycle,
    private readonly opts: SandboxOptions,
  ) {
    const child = host.child;
    this.groupTimeoutMs = opts.groupTimeoutMs ?? DEFAULTS.groupTimeoutMs;
    this.channel = child.stdio[3] as Socket;
    for (const stream of [child.stdout, child.stderr]) {
      stream?.setEncoding('utf8');
      stream?.on('data', (text: string) => {
        this.tail.push(text);
        if (stream === child.stderr) this.noteOutOfMemory(text);
      });
    }
    this.channel.on('data', (chunk: Buffer) => this.onChannel(this.reader.push(chunk)));
    // writing to a sandbox that has gone fails here; its end is told by 'exit'
    this.channel.on('error', () => {});
    this.channel.once('close', () => {
      const unfinished = this.reader.end()[0];
      // the channel also closes when the process exits: let the exit tell why
      setTimeout(() => {
        if (this.host.state === 'exited') return;
        if (unfinished?.kind === 'violation') this.onEnd(null, null, `${unfinished.message}, which stops the sandbox`, true);
        else this.onEnd(null, null, 'closed its connection to the grader');
      }, 500).unref();
    });
    void host.whenExited().then(async (end) => {
      if (end === null) return;
      if (end.kind === 'not-started') return this.onEnd(null, null, `could not be started (${end.error.message})`);
      // stderr (where Node reports running out of memory) may still be arriving
      await host.whenClosed(200);
      this.onEnd(end.code, end.signal);
    });
  }

  /** Starts a sandbox process for the compiled modules in `opts.codeDir`. Throws ReluLabError `sandbox-unavailable` if it cannot start. */
  static async open(opts: SandboxOptions): Promise<Sandbox> {
    if (!(Number.isFinite(opts.callTimeoutMs) && opts.callTimeoutMs > 0)) {
      throw new ReluLabError('usage', `callTimeoutMs must be a positive number of milliseconds, got ${opts.callTimeoutMs}`);
    }
    if (opts.groupTimeoutMs !== undefined && !(Number.isFinite(opts.groupTimeoutMs) && opts.groupTimeoutMs > 0)) {
      throw new ReluLabError('usage', `groupTimeoutMs must be a positive number of milliseconds, got ${opts.groupTimeoutMs}`);
    }
    const { host, codeDir } = spawnHost({ ...opts, startTimeoutMs: opts.startTimeoutMs ?? START_TIMEOUT_MS });
    const sandbox = new Sandbox(host, { ...opts, codeDir });
    const start = await host.started();
    if (start.kind === 'ready') return sandbox;
    const why = start.kind === 'timed-out' ? `did not start within ${start.ms} ms` : `stopped while starting (exit code ${start.code}, signal ${start.signal})`;
    const printed = sandbox.output().trim();
    void sandbox.close();
    throw new ReluLabError(
      'sandbox-unavailable',
      `the sandbox process ${why}${printed ? `: ${printed}` : ''}. Check that Node ${process.versions.node} supports the permission model (Node 20 or later) and that the sandbox folder is readable`,
    );
  }

  /** The process id of the sandbox (also the id of its process group). */
  get pid(): number {
    return this.host.pid ?? -1;
  }

  get state(): SandboxState {
    return this.status;
  }

  /**
   * The last few kilobytes student code printed (stdout and stderr as they
   * arrived; the two pipes are not ordered with each other nor with replies).
   * For people to read, never for results.
   */
  output(): string {
    return this.tail.text();
  }

  /** Calls the export `name` of `module` with `args`. */
  call(module: string, name: string, args: unknown[]): Promise<CallOutcome> {
    return this.enqueue({ op: 'call', module, name, args }, `exercises/${module}.ts ${name}`, null);
  }

  /** Imports `module` (its top-level code runs), under the time limit of a call. Returns null once it has loaded. */
  load(module: string): Promise<CallOutcome> {
    return this.enqueue({ op: 'load', module }, `exercises/${module}.ts`, null);
  }

  /** Reads the non-function export `name` of `module` (a constant the assignment asks for). */
  value(module: string, name: string): Promise<CallOutcome> {
    return this.enqueue({ op: 'value', module, name }, `exercises/${module}.ts ${name}`, null);
  }

  /**
   * Calls `name` once per argument list, in one round trip. When it returns,
   * `value` holds one entry per call, each `returned` or `threw`. Each call
   * has the time limit of a single call, and the call group as a whole
   * `groupTimeoutMs`. If the module or export is missing the whole call group `threw`.
   */
  callMany(module: string, name: string, argsList: unknown[][]): Promise<CallGroupOutcome> {
    return this.enqueue({ op: 'callMany', module, name, argsList }, `exercises/${module}.ts ${name}`, argsList.length) as Promise<CallGroupOutcome>;
  }

  /** Stops the sandbox process (its whole process group). Calls still waiting resolve `unavailable`. */
  async close(): Promise<void> {
    if (this.status !== 'closed') {
      this.status = 'closed';
      this.failure ??= 'the sandbox was closed';
      this.drain('the sandbox was closed before this call finished');
    }
    // every process of the group gone, pipes closed; a group that will not go is not waited on for long
    await this.host.stop({ until: 'close', waitMs: 2_000 });
  }

  private enqueue(request: Record<string, unknown>, label: string, groupSize: number | null): Promise<CallOutcome> {
    if (this.status !== 'open') return Promise.resolve(this.unavailable());
    return new Promise((resolve) => {
      const id = this.nextId++;
      this.queue.push({ id, body: { id, ...request }, label, groupSize, lastDone: 0, started: 0, hardEnd: 0, hardLimit: 'call', expiring: 'call', resolve });
      this.pump();
    });
  }

  private unavailable(): CallOutcome {
    if (this.status === 'closed' && this.failure === 'the sandbox was closed') {
      return { kind: 'unavailable', message: 'the sandbox was closed; later calls were not run' };
    }
    return { kind: 'unavailable', message: `the sandbox stopped after ${this.failure}; later calls were not run` };
  }

  private pump(): void {
    if (this.current || this.status !== 'open') return;
    const request = this.queue.shift();
    if (!request) return;
    this.current = request;
    this.lastLabel = request.label;
    request.started = performance.now();
    try {
      this.channel.write(encodeRequest(request.body));
    } catch (e) {
      // arguments that cannot be cloned are the caller's mistake, not the sandbox's
      this.current = null;
      const why = (e as Error).message;
      request.resolve({ kind: 'unavailable', message: `the arguments of ${request.label} cannot be sent to the sandbox (${why}); pass plain data` });
      this.pump();
      return;
    }
    this.fixHardEnd(request);
    this.arm(request, request.started + this.opts.callTimeoutMs);
  }

  /** The request's latest end, fixed as it is sent: nothing the sandbox sends moves it. */
  private fixHardEnd(request: PendingRequest): void {
    const own = request.groupSize === null ? this.opts.callTimeoutMs : this.groupTimeoutMs;
    request.hardEnd = request.started + own;
    request.hardLimit = request.groupSize === null ? 'call' : 'group';
    const deadline = this.opts.deadline?.endsAt();
    if (deadline !== undefined && deadline < request.hardEnd) {
      request.hardEnd = deadline;
      request.hardLimit = 'submission';
    }
  }

  /** Arms the current call's limit at `at`, or the request's hard end if that comes first. */
  private arm(request: PendingRequest, at: number): void {
    clearTimeout(request.timer);
    const end = Math.min(at, request.hardEnd);
    request.expiring = at < request.hardEnd ? 'call' : request.hardLimit;
    request.timer = setTimeout(() => this.onTimeout(request), Math.max(0, end - performance.now()));
  }

  private finish(request: PendingRequest, outcome: CallOutcome): void {
    clearTimeout(request.timer);
    if (this.current === request) this.current = null;
    request.resolve(outcome);
    this.pump();
  }

  private onTimeout(request: PendingRequest): void {
    if (this.current !== request || this.status !== 'open') return;
    const ms = performance.now() - request.started;
    const { label, groupSize } = request;
    const { callTimeoutMs, memoryMb } = this.opts;
    const limit = this.limitOf(request.expiring);
    const described = describeTimeout({ label, pid: this.host.pid, callTimeoutMs, memoryMb, groupSize, ...(limit ? { limit } : {}) });
    // read before the kill: the title goes with the process
    const at = groupSize === null ? null : callInProgress(this.host.pid, request.id, groupSize);
    this.breakWith(described.message);
    const outcome: CallOutcome =
      described.kind === 'crashed'
        ? { kind: 'crashed', message: described.message, ms }
        : { kind: 'timed-out', message: described.message, ms, ...(described.limit === 'call' ? {} : { limit: described.limit }) };
    this.finish(request, at === null ? outcome : { ...outcome, at });
  }

  /** The length of a limit other than a call's own, for messages. */
  private limitOf(kind: TimeLimitKind): { kind: 'group' | 'submission'; ms: number } | null {
    if (kind === 'group') return { kind, ms: this.groupTimeoutMs };
    if (kind === 'submission' && this.opts.deadline) return { kind, ms: this.opts.deadline.ms };
    return null;
  }

  private onChannel(events: ChannelEvent[]): void {
    for (const event of events) {
      if (event.kind === 'message') this.onMessage(event.value);
      // a broken protocol: nothing after it can be believed
      else this.onEnd(null, null, `${event.message}, which stops the sandbox`, true);
    }
  }

  private onMessage(raw: unknown): void {
    const reply: Reply | null = checkReply(raw);
    if (reply === null) return;
    if (reply.kind === 'ready') {
      this.host.markReady();
      return;
    }
    if (reply.kind === 'fatal') {
      this.uncaught = reply.error;
      this.onEnd(null, null);
      return;
    }
    const request = this.current;
    if (!request || reply.id !== request.id || this.status !== 'open') return;
    if (reply.kind === 'progress') {
      // a progress report may be forged: it moves the next call's limit, never the hard end fixed at sending
      if (request.groupSize !== null && reply.done > request.lastDone && reply.done <= request.groupSize) {
        request.lastDone = reply.done;
        this.arm(request, performance.now() + this.opts.callTimeoutMs + PROGRESS_SLACK_MS);
      }
      return;
    }
    const ms = performance.now() - request.started;
    if (reply.kind === 'threw') return this.finish(request, { kind: 'threw', error: reply.error, ms });
    const value = reply.specials === undefined ? reply.value : restoreSpecials(reply.value, reply.specials);
    if (
      request.groupSize !== null &&
      !(Array.isArray(value) && value.length === request.groupSize && value.every((e) => e !== null && typeof e === 'object'))
    ) {
      return this.finish(request, {
        kind: 'threw',
        error: { name: 'SandboxError', message: `${request.label}: the sandbox sent a malformed reply to a call group` },
        ms,
      });
    }
    this.finish(request, { kind: 'returned', value, ms });
  }

  /** V8 says it ran out of memory a moment before it aborts: the title still names the call group's call then. */
  private noteOutOfMemory(text: string): void {
    const request = this.current;
    if (!request || request.groupSize === null || request.outOfMemoryAt !== undefined || !OUT_OF_MEMORY.test(text)) return;
    request.outOfMemoryAt = callInProgress(this.host.pid, request.id, request.groupSize);
  }

  /** The process ended, reported a fatal error, closed its channel or broke its protocol: the sandbox is broken. */
  private onEnd(code: number | null, signal: NodeJS.Signals | null, why?: string, tampered = false): void {
    if (this.status !== 'open') return;
    const reason = why ?? describeCrash({ code, signal, uncaught: this.uncaught, stderr: this.host.stderrText(), memoryMb: this.opts.memoryMb });
    const request = this.current;
    const message = request ? `${request.label} ${reason}` : `student code ${reason}${this.lastLabel ? ` (after ${this.lastLabel})` : ''}`;
    this.breakWith(message);
    if (!request) return;
    const ms = performance.now() - request.started;
    const at = request.outOfMemoryAt;
    const crashed: Extract<CallOutcome, { kind: 'crashed' }> =
      at === undefined || at === null ? { kind: 'crashed', message, ms } : { kind: 'crashed', message, ms, at };
    this.finish(request, tampered ? { ...crashed, tampered: true } : crashed);
  }

  private breakWith(message: string): void {
    this.status = 'broken';
    this.failure = message;
    this.host.kill();
    this.drain(null);
  }

  /** Resolves every waiting call (but the current one, unless `message`) as unavailable. */
  private drain(message: string | null): void {
    const waiting = this.queue.splice(0);
    if (message !== null && this.current) {
      waiting.unshift(this.current);
      clearTimeout(this.current.timer);
      this.current = null;
    }
    for (const request of waiting) {
      request.resolve(message === null ? this.unavailable() : { kind: 'unavailable', message });
    }
  }
}
