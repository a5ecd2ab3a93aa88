// What a submission's calls have shown about the calls to come. A function
// that hung is not run into its time limit again, a module whose top-level
// code never finished is not imported again, a function that flooded the
// channel is not asked again, and after the deadline nothing runs: each such
// call fails at once, saying why. It also marks the outcomes and failures
// that say something about the function rather than about one input, so a
// property does not shrink them.
import type { CallOutcome } from '../sandbox/CallOutcome.ts';
import type { GradingFailure } from './GradingFailure.ts';
import type { JobContext } from './job.ts';
import { DEADLINE_MESSAGE } from './outcomeFailure.ts';
import { type FunctionKey, moduleOfKey, nameOfKey } from './plannedCall.ts';

type Threw = Extract<CallOutcome, { kind: 'threw' }>;

/** Why every call of one function fails at once. */
type FunctionFailure =
  /** it hung or ran out of memory: `why` says which */
  | { kind: 'stopped'; why: string }
  /** its whole call group threw (its module does not load, or lacks it), or it flooded: each call gives this outcome */
  | { kind: 'alike'; outcome: Threw };

/** What is known of a module that cannot be used as it is. */
interface ModuleFailure {
  /** its top-level code never finished (or ended the process): every call into it fails with this */
  neverLoads?: string;
  /** how importing it failed when a prefetch tried, for the next call into it to report (once) */
  pending?: CallOutcome;
}

/** What a failure or outcome says beyond its own call. */
type Mark =
  /** a returned value turned into a failure because it was outside its function's contract: a wrong answer */
  | 'out-of-contract'
  /** any input would have given it (see StudentCode.failsForAnyInput) */
  | 'any-input';

export class FailureMemory {
  private readonly functions = new Map<FunctionKey, FunctionFailure>();
  private readonly modules = new Map<string, ModuleFailure>();
  private readonly marks = new WeakMap<object, Mark>();
  /** why no sandbox could be started for this submission, while that lasts */
  private cannotStart: string | null = null;
  /** when this submission's checks started: after job.deadlineMs every call fails at once */
  private started = performance.now();
  /** the failure of the call that stopped the sandbox in the current check, if any */
  breakage: GradingFailure | null = null;

  constructor(private readonly job: Pick<JobContext, 'deadlineMs' | 'callTimeoutMs' | 'unavailable'>) {}

  /** Starts the deadline clock. */
  begin(): void {
    this.started = performance.now();
  }

  /** The sandbox's deadline: the moment after which no call runs. */
  endsAt(): number {
    return this.started + this.job.deadlineMs;
  }

  /** Records whether the latest attempt to start a sandbox failed (null: it started). */
  startFailed(message: string | null): void {
    this.cannotStart = message;
  }

  /** Why no code of `module` can run now (the deadline, no sandbox, not compiled, never loads), or null. */
  unavailable(module: string): string | null {
    if (performance.now() > this.endsAt()) return DEADLINE_MESSAGE(this.job.deadlineMs);
    if (this.cannotStart) return `student code could not be started: ${this.cannotStart}`;
    return this.job.unavailable[module] ?? this.modules.get(module)?.neverLoads ?? null;
  }

  /**
   * The outcome a call of `fn` gets without being made, or null when it
   * must be made: first a pending import failure of its module (reported
   * once), then anything that makes its module unavailable, then what is
   * known of the function itself.
   */
  instead(fn: FunctionKey): CallOutcome | null {
    const module = moduleOfKey(fn);
    const entry = this.modules.get(module);
    if (entry?.pending) {
      const pending = entry.pending;
      entry.pending = undefined;
      return pending;
    }
    const missing = this.unavailable(module);
    if (missing) return { kind: 'unavailable', message: missing };
    const known = this.functions.get(fn);
    if (known?.kind === 'stopped')
      return { kind: 'unavailable', message: `not run: ${nameOfKey(fn)} did not return in an earlier check (${known.why}), so its later checks fail at once` };
    return known?.outcome ?? null;
  }

  /** True when calls of `fn` are not made again because it hung or ran out of memory. */
  stopped(fn: FunctionKey): boolean {
    return this.functions.get(fn)?.kind === 'stopped';
  }

  /** Remembers a call of `fn` that hung or ran out of memory, so it is not made again. */
  afterCall(fn: FunctionKey, outcome: CallOutcome): void {
    if (outcome.kind === 'timed-out')
      this.stop(fn, outcome.limit === 'group' ? "its call group's time limit ran out" : `it ran past ${this.job.callTimeoutMs} ms`);
    else if (outcome.kind === 'crashed' && /ran out of memory/.test(outcome.message)) this.stop(fn, 'it ran out of memory');
  }

  private stop(fn: FunctionKey, why: string): void {
    this.functions.set(fn, { kind: 'stopped', why });
  }

  /** From now on every call of `fn` gives `outcome`, marked as it is. */
  failAlike(fn: FunctionKey, outcome: Threw, mark: Mark): void {
    this.functions.set(fn, { kind: 'alike', outcome });
    this.marks.set(outcome, mark);
  }

  /** `module`'s top-level code never finished or ended the process: calls into it fail with `message`. */
  neverLoads(module: string, message: string): void {
    this.moduleEntry(module).neverLoads = message;
  }

  /** True once `module` is known never to load. */
  loadsNever(module: string): boolean {
    return this.modules.get(module)?.neverLoads !== undefined;
  }

  /** How importing `module` failed, for the next call into it to report. */
  importFailed(module: string, outcome: CallOutcome): void {
    this.moduleEntry(module).pending = outcome;
  }

  private moduleEntry(module: string): ModuleFailure {
    let entry = this.modules.get(module);
    if (entry === undefined) this.modules.set(module, (entry = {}));
    return entry;
  }

  mark(outcomeOrFailure: object, mark: Mark): void {
    this.marks.set(outcomeOrFailure, mark);
  }

  marked(outcomeOrFailure: unknown, mark: Mark): boolean {
    return typeof outcomeOrFailure === 'object' && outcomeOrFailure !== null && this.marks.get(outcomeOrFailure) === mark;
  }
}
