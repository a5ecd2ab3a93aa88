// The hidden tests' only way to reach student code: calls through the
// sandbox, plain data in and out. Every outcome that is not a returned value
// becomes a GradingFailure with the right status, every returned value is
// held to its reply contract, and what calls have shown about later ones
// (FailureMemory) answers those at once: a property that hung reports the
// input that hung rather than whatever shrinking reached afterwards.
import type { CallGroupEntry, CallGroupOutcome, CallError, CallOutcome } from '../sandbox/CallOutcome.ts';
import type { PlotSource } from './PlotSource.ts';
import { type CodeRunner, InProcessCode } from '../sandbox/InProcessCode.ts';
import { Sandbox } from '../sandbox/Sandbox.ts';
import { GradingFailure } from './GradingFailure.ts';
import { formatCall } from '../core/formatValue.ts';
import { FailureMemory } from './FailureMemory.ts';
import { DEADLINE_MESSAGE, outcomeFailure } from './outcomeFailure.ts';
import type { JobContext } from './job.ts';
import type { CarriedNote } from './carried.ts';
import {
  PROBE_MODULE,
  type FunctionKey,
  type PlannedCall,
  type ProbeHelper,
  functionKey,
  functionOf,
  groupCalls,
  moduleOfKey,
  nameOfKey,
  sameArgs,
} from './plannedCall.ts';
import { OUT_OF_CONTRACT, type ReplyContracts, contractOf, contractProblem } from './replyContracts.ts';

type Threw = Extract<CallOutcome, { kind: 'threw' }>;

/** What StudentCode.open is given besides the job. */
export interface StudentCodeOptions {
  /** the assignment's reply contracts (its hidden face's); absent, replies are held only to the sandbox's bounds */
  replyContracts?: ReplyContracts;
}

/** What a prefetched call came to: a value or a throw, or the hang or crash that stopped its call group. */
type PrefetchedEntry = CallGroupEntry | Extract<CallOutcome, { kind: 'timed-out' | 'crashed' }>;

/** Prefetched outcomes of one function, in the order the calls were planned. */
interface Prefetched {
  args: unknown[][];
  entries: PrefetchedEntry[];
  next: number;
}

/** Values in one reply past which a reply outside its contract is a flood (see StudentCode.refuse); honest replies hold a few hundred. */
const FLOOD_ENTRIES = 100_000;

/** Whether `value` holds at least `n` values (arrays, objects and primitives), counted without recursion and stopping at `n`. */
function holdsAtLeast(value: unknown, n: number): boolean {
  const stack: unknown[] = [value];
  let count = 0;
  while (stack.length > 0) {
    const next = stack.pop();
    if (++count >= n) return true;
    if (Array.isArray(next)) for (const item of next) stack.push(item);
    else if (next !== null && typeof next === 'object') for (const item of Object.values(next)) stack.push(item);
  }
  return false;
}

export class StudentCode {
  private readonly memory: FailureMemory;
  /** prefetched outcomes by the function as called (for the probe, its helper) */
  private readonly prefetched = new Map<FunctionKey, Prefetched>();
  /** modules the current sandbox has imported (or found broken) */
  private loaded = new Set<string>();

  private sandbox: CodeRunner | null = null;
  /** what the current check accepted on the student's own upstream results (see carried.ts) */
  private carried: CarriedNote[] = [];

  private constructor(
    readonly job: JobContext,
    private readonly contracts: ReplyContracts | undefined,
  ) {
    this.memory = new FailureMemory(job);
  }

  /** Opens a sandbox on the submission of `job`. Never throws. */
  static async open(job: JobContext, options: StudentCodeOptions = {}): Promise<StudentCode> {
    const student = new StudentCode(job, options.replyContracts);
    await student.reopen();
    return student;
  }

  /** the failure of the call that stopped the sandbox in the current check, if any */
  get breakage(): GradingFailure | null {
    return this.memory.breakage;
  }

  /**
   * Called before each check: a sandbox stopped by an earlier check's hang or
   * crash is replaced, so one bad function does not cost the checks of the
   * others. Within a check a stopped sandbox stays stopped (shrinking never hangs).
   */
  async freshForCheck(): Promise<void> {
    this.clearPrefetched();
    this.carried = [];
    this.memory.breakage = null;
    if (this.sandbox?.state !== 'open') await this.reopen();
  }

  private async reopen(): Promise<void> {
    await this.sandbox?.close();
    this.loaded = new Set();
    const { codeDir, callTimeoutMs, groupTimeoutMs, memoryMb, deadlineMs } = this.job;
    // the sandbox stops any call at the deadline, as it stands when the call is sent
    const deadline = { ms: deadlineMs, endsAt: () => this.memory.endsAt() };
    try {
      this.sandbox = this.job.trustedInProcess
        ? new InProcessCode(codeDir)
        : await Sandbox.open({ codeDir, callTimeoutMs, groupTimeoutMs, memoryMb, deadline });
      this.memory.startFailed(null);
    } catch (e) {
      this.sandbox = null;
      this.memory.startFailed(e instanceof Error ? e.message : String(e));
    }
  }

  /** Notes that the current check accepted an answer on the student's own upstream results. */
  noteCarried(note: CarriedNote): void {
    if (!this.carried.some((n) => n.function === note.function && n.upstream === note.upstream)) this.carried.push(note);
  }

  /** What the current check accepted on carried values, one note per function and upstream. */
  get carriedNotes(): readonly CarriedNote[] {
    return this.carried;
  }

  /** Starts the deadline clock (a sandbox may be opened ahead of its submission's turn). */
  begin(): void {
    this.memory.begin();
  }

  async close(): Promise<void> {
    await this.sandbox?.close();
  }

  /** The raw outcome of calling `module.name(...args)` (for tests that expect a throw). */
  async outcome(module: string, name: string, args: unknown[]): Promise<CallOutcome> {
    const fn = functionOf(module, name, args);
    const known = this.memory.instead(fn);
    if (known) return known;
    const ready = this.prefetched.get(functionKey(module, name));
    if (ready && ready.next < ready.entries.length && sameArgs(ready.args[ready.next], args)) {
      const entry = ready.entries[ready.next++];
      if (entry.kind === 'timed-out' || entry.kind === 'crashed') {
        this.memory.afterCall(fn, entry);
        return entry;
      }
      return this.held(module, name, args, { ...entry, ms: 0 });
    }
    const loading = await this.load(moduleOfKey(fn));
    if (loading) return loading;
    const outcome = await this.sandbox!.call(module, name, args);
    this.memory.afterCall(fn, outcome);
    return this.held(module, name, args, outcome);
  }

  /** Why `value` is outside the contract of `module.name` (replyContracts.ts), as the call's error, or null. */
  private breach(module: string, name: string, args: unknown[], value: unknown): CallError | null {
    const shape = contractOf(this.contracts, module, name, args);
    if (shape === null) return null;
    const problem = contractProblem(shape, value, nameOfKey(functionOf(module, name, args)));
    return problem === null ? null : { name: OUT_OF_CONTRACT, message: `returned ${problem}` };
  }

  /**
   * `outcome`, unless it returned a value outside the function's contract:
   * then that call's failure, before anything (a check, a plot, the results)
   * uses the value.
   */
  private held(module: string, name: string, args: unknown[], outcome: CallOutcome): CallOutcome {
    if (outcome.kind !== 'returned') return outcome;
    const error = this.breach(module, name, args, outcome.value);
    return error === null ? outcome : this.refuse(functionOf(module, name, args), outcome.value, error, outcome.ms);
  }

  /**
   * A value outside its function's contract, as that call's failure. One that
   * is also a flood (FLOOD_ENTRIES values or more) makes every later call of
   * the function fail alike at once: each would cost the sandbox, the channel
   * and the grader as much again (600,000 losses from train, called again at
   * every step of shrinking, took 27 s of a grading process).
   */
  private refuse(fn: FunctionKey, value: unknown, error: CallError, ms: number): Threw {
    const refused: Threw = { kind: 'threw', error, ms };
    this.memory.mark(refused, 'out-of-contract');
    if (holdsAtLeast(value, FLOOD_ENTRIES)) {
      const later: Threw = {
        kind: 'threw',
        error: { name: error.name, message: `not run: ${nameOfKey(fn)} ${error.message} in an earlier call, so its later calls fail at once` },
        ms: 0,
      };
      this.memory.failAlike(fn, later, 'out-of-contract');
    }
    return refused;
  }

  /** A call group's outcome with each value outside the function's contract made that call's failure. */
  private heldGroup(module: string, name: string, argsList: unknown[][], group: CallGroupOutcome): CallGroupOutcome {
    if (group.kind !== 'returned') return group;
    const value = group.value.map((entry, i): CallGroupEntry => {
      if (entry.kind !== 'returned') return entry;
      const error = this.breach(module, name, argsList[i] ?? [], entry.value);
      return error === null ? entry : { kind: 'threw', error: this.refuse(functionOf(module, name, argsList[i] ?? []), entry.value, error, 0).error };
    });
    return { ...group, value };
  }

  /**
   * Imports `module` in the sandbox before its first call there, so a module
   * whose top-level code never finishes is found once and named as such,
   * rather than blamed on each of its functions in turn. Returns the outcome
   * to report instead of the call, or null to go on.
   */
  private async load(module: string): Promise<CallOutcome | null> {
    if (this.loaded.has(module)) return null;
    const outcome = await this.sandbox!.load(module);
    if (outcome.kind === 'returned' || outcome.kind === 'threw') {
      // a module that threw while loading: the call reports that error itself
      this.loaded.add(module);
      return null;
    }
    if (outcome.kind === 'crashed') {
      // top-level code that ends the process would end every new one too
      this.memory.neverLoads(module, `not run: ${outcome.message}, so none of its functions can be called`);
    }
    if (outcome.kind !== 'timed-out') return outcome;
    const why = `exercises/${module}.ts did not finish loading within ${this.job.callTimeoutMs} ms (an endless loop in its top-level code?)`;
    this.memory.neverLoads(module, `not run: ${why}, so none of its functions can be called`);
    return { ...outcome, message: why, loading: true };
  }

  /**
   * Runs many calls in one round trip per function and keeps their outcomes,
   * so a property's runs cost one crossing instead of one each. They are
   * handed out in the planned order to calls with the same arguments; any
   * other call simply crosses on its own.
   */
  async prefetch(calls: PlannedCall[]): Promise<void> {
    for (const group of groupCalls(calls)) {
      const runnable = group.calls.filter((c) => {
        const fn = functionOf(c.module, c.name, c.args);
        return !this.memory.unavailable(moduleOfKey(fn)) && !this.memory.stopped(fn);
      });
      if (runnable.length === 0) continue;
      const { module, name } = group;
      // a module that does not load: the property's first call reports how
      const target = moduleOfKey(functionOf(module, name, runnable[0].args));
      if (this.memory.loadsNever(target)) return;
      const failed = await this.load(target);
      if (failed) {
        this.memory.importFailed(target, failed);
        return;
      }
      const argsList = runnable.length === group.calls.length ? group.argsList : runnable.map((c) => c.args);
      const outcome = await this.sandbox!.callMany(module, name, argsList);
      if (outcome.kind === 'returned') {
        this.prefetched.set(functionKey(module, name), { args: argsList, entries: outcome.value, next: 0 });
      } else if (outcome.kind === 'threw') {
        // the module did not load or lacks the export: the sandbox is fine, and every call would fail alike
        for (const c of runnable) this.memory.failAlike(functionOf(c.module, c.name, c.args), outcome, 'any-input');
      } else {
        await this.afterBrokenGroup(module, name, argsList, outcome);
        return;
      }
    }
  }

  /**
   * A call of a call group hung or crashed, and the sandbox with it. When the
   * sandbox said which call (callInProgress), the calls before it are fetched
   * again from a fresh sandbox and that call's own outcome is kept for the
   * property to meet with its input, so it is not run into its time limit a
   * second time. Otherwise the property makes its calls one by one in a fresh
   * sandbox, to find the one at fault.
   */
  private async afterBrokenGroup(
    module: string,
    name: string,
    argsList: unknown[][],
    broken: Extract<CallOutcome, { kind: 'timed-out' | 'crashed' | 'unavailable' }>,
  ): Promise<void> {
    await this.reopen();
    if ((broken.kind === 'timed-out' && broken.limit !== undefined && broken.limit !== 'call') || (broken.kind === 'crashed' && broken.tampered)) {
      // the call group as a whole ran out of time, each call perhaps within its own limit: running its
      // calls again, or one by one, would only spend that time again, so the property meets it at once;
      // and code that wrote to the grader's channel itself is not given calls one by one to behave on
      this.prefetched.set(functionKey(module, name), { args: argsList.slice(0, 1), entries: [broken], next: 0 });
      return;
    }
    if (broken.kind === 'unavailable' || broken.at === undefined || this.sandbox?.state !== 'open') return;
    const at = broken.at;
    let before: CallGroupEntry[] = [];
    if (at > 0) {
      const again = await this.sandbox.callMany(module, name, argsList.slice(0, at));
      if (again.kind !== 'returned') {
        // it behaves differently a second time: fall back to calls one by one
        await this.reopen();
        return;
      }
      before = again.value;
    }
    this.prefetched.set(functionKey(module, name), { args: argsList.slice(0, at + 1), entries: [...before, broken], next: 0 });
  }

  /** Forgets prefetched outcomes. */
  clearPrefetched(): void {
    this.prefetched.clear();
  }

  /** The value of an outcome `outcome()` gave, or the GradingFailure saying what went wrong; `describe` names the call. */
  settle<T = unknown>(outcome: CallOutcome, describe: string | (() => string)): T {
    return this.expectValue(outcome, describe) as T;
  }

  /** Calls `module.name(...args)` and returns its value, or throws a GradingFailure saying what went wrong. */
  async call<T = unknown>(module: string, name: string, args: unknown[]): Promise<T> {
    return this.expectValue(await this.outcome(module, name, args), () => formatCall(name, args)) as T;
  }

  /** Calls `module.name` on a copy of `args` in the sandbox; returns its value and the arguments as the call left them. */
  async argumentsAfter<T = unknown>(module: string, name: string, args: unknown[]): Promise<{ value: T; args: unknown[] }> {
    return this.probe(module, 'argumentsAfter', [module, name, args], () => formatCall(name, args));
  }

  /** Calls the probe's helper `helper` (grader/harness/probe.mjs) on behalf of `module`; `what` names it in messages. */
  async probe<T = unknown>(module: string, helper: ProbeHelper, args: unknown[], what: string | (() => string)): Promise<T> {
    const missing = this.memory.unavailable(module);
    const outcome: CallOutcome = missing ? { kind: 'unavailable', message: missing } : await this.outcome(PROBE_MODULE, helper, args);
    return this.expectValue(outcome, what) as T;
  }

  /** Raw access for the report's pictures: outcomes, never exceptions (see collectPlots). */
  plotSource(): PlotSource {
    const gate = (module: string): Extract<CallOutcome, { kind: 'unavailable' }> | null => {
      const missing = this.memory.unavailable(module);
      return missing ? { kind: 'unavailable', message: missing } : null;
    };
    return {
      call: (module, name, args) => this.outcome(module, name, args),
      value: async (module, name) => gate(module) ?? this.held(module, name, [], await this.sandbox!.value(module, name)),
      callMany: async (module, name, argsList) =>
        gate(module) ??
        (this.memory.stopped(functionKey(module, name))
          ? { kind: 'unavailable', message: `${name} did not return earlier` }
          : this.heldGroup(module, name, argsList, await this.sandbox!.callMany(module, name, argsList))),
    };
  }

  /** Reads a value export such as claims' `linearExample`. */
  async value<T = unknown>(module: string, name: string): Promise<T> {
    const missing = this.memory.unavailable(module);
    const outcome: CallOutcome = missing ? { kind: 'unavailable', message: missing } : this.held(module, name, [], await this.sandbox!.value(module, name));
    return this.expectValue(outcome, `the value ${name}`) as T;
  }

  /**
   * True for a failure that any input would have given: a module that does not
   * load, a missing export, a function that already hung. Shrinking it would
   * only repeat it.
   */
  failsForAnyInput(failure: unknown): boolean {
    return typeof failure === 'object' && failure !== null && (failure === this.breakage || this.memory.marked(failure, 'any-input'));
  }

  private expectValue(outcome: CallOutcome, describe: string | (() => string)): unknown {
    if (outcome.kind === 'returned') return outcome.value;
    // a value outside its contract is a wrong answer, said plainly
    if (this.memory.marked(outcome, 'out-of-contract')) {
      throw new GradingFailure(`${typeof describe === 'string' ? describe : describe()} ${(outcome as { error: CallError }).error.message}`, {
        status: 'failed',
      });
    }
    // within a check, calls after the one that broke the sandbox report that one
    if (outcome.kind === 'unavailable' && this.breakage && outcome.message !== DEADLINE_MESSAGE(this.job.deadlineMs)) throw this.breakage;
    // the call is written out only when it is needed for a message
    const failure = outcomeFailure(outcome, () => (typeof describe === 'string' ? describe : describe()), this.job);
    if (outcome.kind === 'timed-out' || outcome.kind === 'crashed') this.memory.breakage ??= failure;
    if (outcome.kind === 'unavailable' || this.memory.marked(outcome, 'any-input')) this.memory.mark(failure, 'any-input');
    throw failure;
  }
}
