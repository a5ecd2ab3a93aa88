// The hidden tests' only way to reach student code: calls through the
// sandbox, plain data in and out. Every outcome that is not a returned value
// becomes a GradingFailure with the right status, and the first call that
// broke the sandbox is remembered, so a property that hung reports the input
// that hung rather than whatever shrinking reached afterwards.
import type { BatchEntry, CallOutcome } from '../../sandbox/CallOutcome.ts';
import type { PlotSource } from '../collectPlots.ts';
import { type CodeRunner, InProcessCode } from '../../sandbox/InProcessCode.ts';
import { Sandbox } from '../../sandbox/Sandbox.ts';
import { GradingFailure } from './GradingFailure.ts';
import { formatCall } from './formatValue.ts';
import type { JobContext } from './job.ts';

/** Why calls fail once a submission's time is up. */
const DEADLINE_MESSAGE = (ms: number) => `not run: the submission's grading deadline of ${ms} ms had passed`;

/** One call a property will make, declared so it can be prefetched. */
export interface PlannedCall {
  module: string;
  name: string;
  args: unknown[];
}

/** `module.name` of the student function a call reaches (through the probe, the one it wraps). */
function functionOf(module: string, name: string, args: unknown[]): string {
  if (module !== PROBE_MODULE) return `${module}.${name}`;
  return name === 'argumentsAfter' ? `${args[0]}.${args[1]}` : `${PROBE_TARGETS[name] ?? module}.${name}`;
}

/** The student module each probe helper other than argumentsAfter calls into (grader/hidden/probe.mjs). */
const PROBE_TARGETS: Record<string, string> = { reviveSeeded: 'training' };

/** The student module a call runs code of. */
function moduleOf(module: string, name: string, args: unknown[]): string {
  return functionOf(module, name, args).split('.')[0];
}

/** The planned call behind `argumentsAfter(module, name, args)`. */
export function probeCall(module: string, name: string, args: unknown[]): PlannedCall {
  return { module: PROBE_MODULE, name: 'argumentsAfter', args: [module, name, args] };
}

/** Prefetched outcomes of one function, in the order the calls were planned. */
interface Prefetched {
  args: unknown[][];
  entries: BatchEntry[];
  next: number;
}

/**
 * The same arguments: the same values or the very same objects (plans reuse
 * the generated ones), looking one list deep for the probe's [module, name, args].
 */
function sameArgs(a: unknown[], b: unknown[], depth = 1): boolean {
  return (
    a.length === b.length &&
    a.every((v, i) => Object.is(v, b[i]) || (depth > 0 && Array.isArray(v) && Array.isArray(b[i]) && sameArgs(v, b[i] as unknown[], depth - 1)))
  );
}

/** The module name of grader/hidden/probe.mjs once copied into a compiled submission. */
export const PROBE_MODULE = 'relu-lab-probe';

export class StudentCode {
  /** the failure of the call that stopped the sandbox, if any */
  breakage: GradingFailure | null = null;
  private readonly prefetched = new Map<string, Prefetched>();
  /** functions (`module.name`) that hung or ran out of memory: later calls to them fail at once instead of hanging again */
  private readonly hung = new Map<string, string>();
  /** modules whose top-level code never finished: calls into them fail at once */
  private readonly neverLoaded = new Map<string, string>();
  /** how loading a module failed when prefetch tried it, for the first call into it to report */
  private readonly loadFailures = new Map<string, CallOutcome>();
  /** modules the current sandbox has imported (or found broken) */
  private loaded = new Set<string>();

  private sandbox: CodeRunner | null = null;
  private openError: string | null = null;

  /** when this submission's checks started: after job.deadlineMs every call fails at once */
  private started = performance.now();

  private constructor(readonly job: JobContext) {}

  /** Opens a sandbox on the submission of `job`. Never throws. */
  static async open(job: JobContext): Promise<StudentCode> {
    const student = new StudentCode(job);
    await student.reopen();
    return student;
  }

  /**
   * Called before each check: a sandbox stopped by an earlier check's hang or
   * crash is replaced, so one bad function does not cost the checks of the
   * others. Within a check a stopped sandbox stays stopped (shrinking never hangs).
   */
  async freshForCheck(): Promise<void> {
    this.clearPrefetched();
    this.breakage = null;
    if (this.sandbox?.state !== 'open') await this.reopen();
  }

  private async reopen(): Promise<void> {
    await this.sandbox?.close();
    this.loaded = new Set();
    const { codeDir, callTimeoutMs, memoryMb } = this.job;
    try {
      this.sandbox = this.job.trustedInProcess ? new InProcessCode(codeDir) : await Sandbox.open({ codeDir, callTimeoutMs, memoryMb });
      this.openError = null;
    } catch (e) {
      this.sandbox = null;
      this.openError = e instanceof Error ? e.message : String(e);
    }
  }

  /** Starts the deadline clock (a sandbox may be opened ahead of its submission's turn). */
  begin(): void {
    this.started = performance.now();
  }

  async close(): Promise<void> {
    await this.sandbox?.close();
  }

  /** The raw outcome of calling `module.name(...args)` (for tests that expect a throw). */
  async outcome(module: string, name: string, args: unknown[]): Promise<CallOutcome> {
    const target = moduleOf(module, name, args);
    const failed = this.loadFailures.get(target);
    if (failed) {
      this.loadFailures.delete(target);
      return failed;
    }
    const missing = this.unavailable(module);
    if (missing) return { kind: 'unavailable', message: missing };
    const fn = functionOf(module, name, args);
    const never = this.neverLoaded.get(target);
    if (never) return { kind: 'unavailable', message: never };
    const hung = this.hung.get(fn);
    if (hung) return { kind: 'unavailable', message: `not run: ${fn.split('.')[1]} did not return in an earlier check (${hung}), so its later checks fail at once` };
    const ready = this.prefetched.get(`${module}\u0000${name}`);
    if (ready && ready.next < ready.entries.length && sameArgs(ready.args[ready.next], args)) {
      return { ...ready.entries[ready.next++], ms: 0 };
    }
    const loading = await this.load(target);
    if (loading) return loading;
    const outcome = await this.sandbox!.call(module, name, args);
    this.remember(fn, outcome);
    return outcome;
  }

  /** A function that hung or ran out of memory is not called again. */
  private remember(fn: string, outcome: CallOutcome): void {
    if (outcome.kind === 'timed-out') this.hung.set(fn, `it ran past ${this.job.callTimeoutMs} ms`);
    else if (outcome.kind === 'crashed' && /ran out of memory/.test(outcome.message)) this.hung.set(fn, 'it ran out of memory');
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
    if (outcome.kind !== 'timed-out') return outcome;
    const why = `exercises/${module}.ts did not finish loading within ${this.job.callTimeoutMs} ms (an endless loop in its top-level code?)`;
    this.neverLoaded.set(module, `not run: ${why}, so none of its functions can be called`);
    return { ...outcome, message: why, loading: true };
  }

  /**
   * Runs many calls in one round trip per function and keeps their outcomes,
   * so a property's runs cost one crossing instead of one each. They are
   * handed out in the planned order to calls with the same arguments; any
   * other call simply crosses on its own.
   */
  async prefetch(calls: PlannedCall[]): Promise<void> {
    const groups = new Map<string, PlannedCall[]>();
    for (const c of calls) {
      if (this.unavailable(c.module) || this.hung.has(functionOf(c.module, c.name, c.args))) continue;
      const key = `${c.module}\u0000${c.name}`;
      groups.set(key, [...(groups.get(key) ?? []), c]);
    }
    for (const group of groups.values()) {
      const { module, name } = group[0];
      // a module that does not load: the property's first call reports how
      const target = moduleOf(module, name, group[0].args);
      if (this.neverLoaded.has(target)) return;
      const failed = await this.load(target);
      if (failed) {
        this.loadFailures.set(target, failed);
        return;
      }
      const batch = await this.sandbox!.callMany(module, name, group.map((c) => c.args));
      if (batch.kind !== 'returned') {
        // A call in the batch hung or crashed: start afresh and let the
        // property make its calls one by one, so the one at fault is
        // reported with its own input.
        await this.reopen();
        return;
      }
      this.prefetched.set(`${module}\u0000${name}`, { args: group.map((c) => c.args), entries: batch.value, next: 0 });
    }
  }

  /** Forgets prefetched outcomes. */
  clearPrefetched(): void {
    this.prefetched.clear();
  }

  /** Calls `module.name(...args)` and returns its value, or throws a GradingFailure saying what went wrong. */
  async call<T = unknown>(module: string, name: string, args: unknown[]): Promise<T> {
    return this.expectValue(await this.outcome(module, name, args), () => formatCall(name, args)) as T;
  }

  /** Calls `module.name` on a copy of `args` in the sandbox; returns its value and the arguments as the call left them. */
  async argumentsAfter<T = unknown>(module: string, name: string, args: unknown[]): Promise<{ value: T; args: unknown[] }> {
    return this.probe(module, 'argumentsAfter', [module, name, args], () => formatCall(name, args));
  }

  /** Calls the probe's helper `helper` (grader/hidden/probe.mjs) on behalf of `module`; `what` names it in messages. */
  async probe<T = unknown>(module: string, helper: string, args: unknown[], what: string | (() => string)): Promise<T> {
    const missing = this.unavailable(module);
    const outcome: CallOutcome = missing ? { kind: 'unavailable', message: missing } : await this.outcome(PROBE_MODULE, helper, args);
    return this.expectValue(outcome, what) as T;
  }

  /** Raw access for the report's pictures: outcomes, never exceptions (see collectPlots). */
  plotSource(): PlotSource {
    const gate = (module: string): Extract<CallOutcome, { kind: 'unavailable' }> | null => {
      const missing = this.unavailable(module);
      return missing ? { kind: 'unavailable', message: missing } : null;
    };
    return {
      call: (module, name, args) => this.outcome(module, name, args),
      value: async (module, name) => gate(module) ?? this.sandbox!.value(module, name),
      callMany: async (module, name, argsList) =>
        gate(module) ?? (this.hung.has(`${module}.${name}`) ? { kind: 'unavailable', message: `${name} did not return earlier` } : this.sandbox!.callMany(module, name, argsList)),
    };
  }

  /** Reads a value export such as claims' `linearExample`. */
  async value<T = unknown>(module: string, name: string): Promise<T> {
    const missing = this.unavailable(module);
    const outcome: CallOutcome = missing ? { kind: 'unavailable', message: missing } : await this.sandbox!.value(module, name);
    return this.expectValue(outcome, `the value ${name}`) as T;
  }

  private unavailable(module: string): string | null {
    if (performance.now() - this.started > this.job.deadlineMs) return DEADLINE_MESSAGE(this.job.deadlineMs);
    if (this.openError) return `student code could not be started: ${this.openError}`;
    return this.job.unavailable[module] ?? this.neverLoaded.get(module) ?? null;
  }

  private expectValue(outcome: CallOutcome, describe: string | (() => string)): unknown {
    // the call is written out only when it is needed for a message
    const what = () => (typeof describe === 'string' ? describe : describe());
    switch (outcome.kind) {
      case 'returned':
        return outcome.value;
      case 'threw':
        throw new GradingFailure(`${what()} threw ${outcome.error.name}: ${outcome.error.message}`, { status: 'errored' });
      case 'timed-out':
        if (outcome.loading) return this.broke(new GradingFailure(`${what()} could not run: ${outcome.message}`, { status: 'timed-out' }));
        return this.broke(new GradingFailure(`${what()} did not return within ${this.job.callTimeoutMs} ms (an endless loop?)`, { status: 'timed-out' }));
      case 'crashed':
        return this.broke(new GradingFailure(`${what()} stopped the process running your code: ${outcome.message}`, { status: 'errored' }));
      case 'unavailable':
        if (outcome.message === DEADLINE_MESSAGE(this.job.deadlineMs)) throw new GradingFailure(outcome.message, { status: 'errored', deadline: true });
        throw this.breakage ?? new GradingFailure(outcome.message, { status: 'errored' });
    }
  }

  private broke(failure: GradingFailure): never {
    this.breakage ??= failure;
    throw failure;
  }
}
