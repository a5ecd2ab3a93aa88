// Compiled modules called in the grading process itself, with no sandbox:
// the same calls and outcomes as Sandbox, arguments and results copied as
// the process boundary would copy them. For trusted code only (the
// reference, as the benchmark's baseline): nothing here limits time, memory
// or what the code may touch.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CallGroupEntry, CallGroupOutcome, CallError, CallOutcome, SandboxState } from './CallOutcome.ts';

/** The calls StudentCode makes, as Sandbox and InProcessCode both serve them. */
export interface CodeRunner {
  readonly state: SandboxState;
  call(module: string, name: string, args: unknown[]): Promise<CallOutcome>;
  callMany(module: string, name: string, argsList: unknown[][]): Promise<CallGroupOutcome>;
  value(module: string, name: string): Promise<CallOutcome>;
  load(module: string): Promise<CallOutcome>;
  close(): Promise<void>;
}

const describe = (e: unknown): CallError => (e instanceof Error ? { name: e.name, message: e.message } : { name: 'NonError', message: String(e) });

export class InProcessCode implements CodeRunner {
  state: SandboxState = 'open';
  private readonly modules = new Map<string, Promise<Record<string, unknown>>>();

  constructor(private readonly codeDir: string) {}

  private module(module: string): Promise<Record<string, unknown>> {
    let pending = this.modules.get(module);
    if (!pending) {
      // by path, not file URL: under Vitest's module runner the probe's own
      // relative imports then resolve beside it
      pending = import(/* @vite-ignore */ path.join(this.codeDir, `${module}.mjs`)) as Promise<Record<string, unknown>>;
      this.modules.set(module, pending);
    }
    return pending;
  }

  private async entry(module: string, name: string, args: unknown[]): Promise<CallGroupEntry> {
    try {
      const fn = (await this.module(module))[name];
      if (typeof fn !== 'function') throw new Error(`exercises/${module}.ts must export ${name}`);
      return { kind: 'returned', value: structuredClone(await fn(...structuredClone(args))) };
    } catch (e) {
      return { kind: 'threw', error: describe(e) };
    }
  }

  async call(module: string, name: string, args: unknown[]): Promise<CallOutcome> {
    const started = performance.now();
    return { ...(await this.entry(module, name, args)), ms: performance.now() - started };
  }

  async callMany(module: string, name: string, argsList: unknown[][]): Promise<CallGroupOutcome> {
    const started = performance.now();
    const value: CallGroupEntry[] = [];
    for (const args of argsList) value.push(await this.entry(module, name, args));
    return { kind: 'returned', value, ms: performance.now() - started };
  }

  async value(module: string, name: string): Promise<CallOutcome> {
    const started = performance.now();
    try {
      return { kind: 'returned', value: structuredClone((await this.module(module))[name]), ms: performance.now() - started };
    } catch (e) {
      return { kind: 'threw', error: describe(e), ms: performance.now() - started };
    }
  }

  async load(module: string): Promise<CallOutcome> {
    const started = performance.now();
    try {
      await this.module(module);
      return { kind: 'returned', value: null, ms: performance.now() - started };
    } catch (e) {
      return { kind: 'threw', error: describe(e), ms: performance.now() - started };
    }
  }

  async close(): Promise<void> {
    this.state = 'closed';
  }
}
