// The assignment's experiments in a visible run (the starter's npm run grade):
// evidence for its questions, computed with the student's own functions on
// fixed data, as a graded run computes them. Student code runs only in a
// Sandbox on the compiled submission, with the manifest's limits: each call's
// time limit, the heap cap, and the submission's deadline. A function that
// hung or crashed is not called again; the calls after it get a fresh sandbox
// (at most MAX_SANDBOXES in all), so one endless loop costs only the
// experiments that need that function. The experiments themselves say which
// function to implement first when one does not work yet; this file only
// serves their calls.
import { performance } from 'node:perf_hooks';
import { sanitiseStrings } from '../core/sanitiseText.ts';
import type { ManifestLimits } from '../manifest/types.ts';
import type { CallOutcome } from '../sandbox/CallOutcome.ts';
import type { CompiledSubmission } from '../sandbox/compileSubmission.ts';
import { Sandbox } from '../sandbox/Sandbox.ts';

/** How experiments reach the student's functions (a hidden face's PlotSource has this shape too). */
export interface ExperimentCalls {
  call(module: string, name: string, args: unknown[]): Promise<CallOutcome>;
}

/** An assignment's experiments (`Assignment['experiments']`): plain JSON, one entry per experiment. */
export type RunExperiments = (source: ExperimentCalls) => Promise<unknown[]>;

/** Sandboxes one run may open: the first, and fresh ones after a hang or a crash. */
export const MAX_SANDBOXES = 4;

export interface VisibleExperimentsOptions {
  experiments: RunExperiments;
  /** the submission, compiled: its modules are the sandbox's code */
  compiled: CompiledSubmission;
  limits: ManifestLimits;
  /** when the submission's deadline runs out, on performance.now()'s clock */
  endsAt: number;
}

const unavailable = (message: string): CallOutcome => ({ kind: 'unavailable', message });

/**
 * The experiments' results, strings sanitised; null when there is nothing to
 * show: no module compiled, the sandbox could not start, or the experiments
 * themselves failed (a report without experiments, never a failed grading).
 */
export async function visibleExperiments(opts: VisibleExperimentsOptions): Promise<unknown[] | null> {
  const { compiled, limits } = opts;
  if (!Object.values(compiled.modules).some((m) => m.kind === 'compiled')) return null;
  const deadline = { ms: limits.submissionDeadlineMs, endsAt: () => opts.endsAt };
  const open = () =>
    Sandbox.open({
      codeDir: compiled.outDir,
      callTimeoutMs: limits.callTimeoutMs,
      groupTimeoutMs: limits.groupTimeoutMs,
      memoryMb: limits.sandboxMemoryMb,
      deadline,
    });
  const opened: Sandbox[] = [];
  /** functions (`module.name`) that hung or crashed, and what happened */
  const stopped = new Map<string, string>();
  try {
    let sandbox: Sandbox;
    try {
      sandbox = await open();
    } catch {
      // sandbox-unavailable: the visible tests still count; the report just has no experiments
      return null;
    }
    opened.push(sandbox);
    const source: ExperimentCalls = {
      async call(module, name, args) {
        const compilation = compiled.modules[module];
        if (compilation?.kind !== 'compiled') {
          return unavailable(
            compilation?.kind === 'missing' ? `exercises/${module}.ts is missing` : `exercises/${module}.ts does not compile: fix the errors the report lists`,
          );
        }
        const key = `${module}.${name}`;
        const earlier = stopped.get(key);
        if (earlier !== undefined) return unavailable(`not called again: earlier it ${earlier}`);
        if (performance.now() >= opts.endsAt) return unavailable(`not run: the grading deadline of ${limits.submissionDeadlineMs} ms had passed`);
        if (sandbox.state !== 'open') {
          if (opened.length >= MAX_SANDBOXES) return unavailable(`not run: ${MAX_SANDBOXES} sandboxes were stopped by earlier calls`);
          try {
            sandbox = await open();
          } catch (e) {
            return unavailable(e instanceof Error ? e.message : String(e));
          }
          opened.push(sandbox);
        }
        const outcome = await sandbox.call(module, name, args);
        if (outcome.kind === 'timed-out') stopped.set(key, `did not return within its time limit (${outcome.message})`);
        if (outcome.kind === 'crashed') stopped.set(key, `stopped the sandbox (${outcome.message})`);
        return outcome;
      },
    };
    return sanitiseStrings(await opts.experiments(source));
  } catch {
    return null;
  } finally {
    await Promise.all(opened.map((s) => s.close()));
  }
}
