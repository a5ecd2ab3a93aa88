// The hidden tests' only way to reach student code: calls through the
// sandbox, plain data in and out. Every outcome that is not a returned value
// becomes a GradingFailure with the right status, and the first call that
// broke the sandbox is remembered, so a property that hung reports the input
// that hung rather than whatever shrinking reached afterwards.
import { inject } from 'vitest';
import { Sandbox, type CallOutcome } from '../../sandbox/Sandbox.ts';
import { GradingFailure } from './GradingFailure.ts';
import { formatCall } from './formatValue.ts';
import { JOB_KEY, type JobContext } from './job.ts';

/** The module name of grader/hidden/probe.mjs once copied into a compiled submission. */
export const PROBE_MODULE = 'relu-lab-probe';

export class StudentCode {
  /** the failure of the call that stopped the sandbox, if any */
  breakage: GradingFailure | null = null;

  private constructor(
    readonly job: JobContext,
    private readonly sandbox: Sandbox | null,
    private readonly openError: string | null,
  ) {}

  /** Opens a sandbox on the submission this run grades. Never throws. */
  static async open(): Promise<StudentCode> {
    const job = inject(JOB_KEY);
    try {
      const sandbox = await Sandbox.open({ codeDir: job.codeDir, callTimeoutMs: job.callTimeoutMs, memoryMb: job.memoryMb });
      return new StudentCode(job, sandbox, null);
    } catch (e) {
      return new StudentCode(job, null, e instanceof Error ? e.message : String(e));
    }
  }

  async close(): Promise<void> {
    await this.sandbox?.close();
  }

  /** The raw outcome of calling `module.name(...args)` (for tests that expect a throw). */
  async outcome(module: string, name: string, args: unknown[]): Promise<CallOutcome> {
    const missing = this.unavailable(module);
    if (missing) return { kind: 'unavailable', message: missing };
    return this.sandbox!.call(module, name, args);
  }

  /** Calls `module.name(...args)` and returns its value, or throws a GradingFailure saying what went wrong. */
  async call<T = unknown>(module: string, name: string, args: unknown[]): Promise<T> {
    return this.expectValue(await this.outcome(module, name, args), formatCall(name, args)) as T;
  }

  /** Calls `module.name` on a copy of `args` in the sandbox; returns its value and the arguments as the call left them. */
  async argumentsAfter<T = unknown>(module: string, name: string, args: unknown[]): Promise<{ value: T; args: unknown[] }> {
    const missing = this.unavailable(module);
    if (missing) return this.expectValue({ kind: 'unavailable', message: missing }, name) as never;
    const outcome = await this.sandbox!.call(PROBE_MODULE, 'argumentsAfter', [module, name, args]);
    return this.expectValue(outcome, formatCall(name, args)) as { value: T; args: unknown[] };
  }

  /** Calls the probe's helper `name` (see grader/hidden/probe.mjs) for a check on `module`. */
  async probe<T = unknown>(module: string, name: string, args: unknown[], what: string): Promise<T> {
    const missing = this.unavailable(module);
    const outcome: CallOutcome = missing ? { kind: 'unavailable', message: missing } : await this.sandbox!.call(PROBE_MODULE, name, args);
    return this.expectValue(outcome, what) as T;
  }

  /** Reads a value export such as claims' `linearExample`. */
  async value<T = unknown>(module: string, name: string): Promise<T> {
    const missing = this.unavailable(module);
    const outcome: CallOutcome = missing ? { kind: 'unavailable', message: missing } : await this.sandbox!.value(module, name);
    return this.expectValue(outcome, `the value ${name}`) as T;
  }

  private unavailable(module: string): string | null {
    if (this.openError) return `student code could not be started: ${this.openError}`;
    return this.job.unavailable[module] ?? null;
  }

  private expectValue(outcome: CallOutcome, what: string): unknown {
    switch (outcome.kind) {
      case 'returned':
        return outcome.value;
      case 'threw':
        throw new GradingFailure(`${what} threw ${outcome.error.name}: ${outcome.error.message}`, { status: 'errored' });
      case 'timed-out':
        return this.broke(new GradingFailure(`${what} did not return within ${this.job.callTimeoutMs} ms (an endless loop?)`, { status: 'timed-out' }));
      case 'crashed':
        return this.broke(new GradingFailure(`${what} stopped the process running your code: ${outcome.message}`, { status: 'errored' }));
      case 'unavailable':
        throw new GradingFailure(
          this.breakage ? `not run: your code stopped responding earlier (${this.breakage.message})` : outcome.message,
          { status: 'errored' },
        );
    }
  }

  private broke(failure: GradingFailure): never {
    this.breakage ??= failure;
    throw failure;
  }
}
