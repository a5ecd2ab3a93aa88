// The grading engine: one reused Vitest instance per grading process, the
// hidden suite run against each submission's sandbox, outcomes taken only
// from our reporter, a hard deadline, a private TMPDIR. Several submissions
// share one Vitest run, so its worker stays warm between them.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createVitest, type TestSpecification, type Vitest } from 'vitest/node';
import { PACKAGE_ROOT } from '../core/defaults.ts';
import { ReluLabError } from '../core/errors.ts';
import { CATALOG } from '../hidden/catalog.ts';
import { JOBS_KEY, type JobContext } from '../hidden/harness/job.ts';
import type { Manifest } from '../manifest/types.ts';
import type { ResultsDocument } from '../results/types.ts';
import { assembleResults } from './assembleResults.ts';
import { graderVersion } from './graderVersion.ts';
import { HiddenRunReporter } from './HiddenRunReporter.ts';
import { killSandboxes } from './killSandboxes.ts';
import { prepareJob, type PreparedJob } from './prepareJob.ts';
import { sampleCacheDir } from './sampleCacheDir.ts';

/** The hidden suite's entry: every module's checks for every submission of a run. */
const SUITE_ENTRY = path.join(PACKAGE_ROOT, 'grader/hidden/all.hidden.ts');
/** Submissions per Vitest run: enough to keep the worker warm, few enough that a kill loses little. */
export const BATCH_SIZE = 8;
/** after the deadline kills the sandboxes, how long the run gets to wind down */
const WIND_DOWN_MS = 10_000;

export interface GradeOptions {
  /** compute the report's plot data from the student's functions (default true) */
  plots?: boolean;
}

export interface GraderOptions {
  /** the hidden suite's entry file (default grader/hidden/all.hidden.ts) */
  suiteEntry?: string;
}

export class Grader {
  private jobs = 0;
  private constructor(
    readonly manifest: Manifest,
    private readonly vitest: Vitest,
    private readonly reporter: HiddenRunReporter,
    private readonly spec: TestSpecification,
    private readonly tmpRoot: string,
    private readonly previousTmpdir: string | undefined,
    private readonly memoDir: string,
  ) {}

  /** Starts Vitest once; grade as many submissions as you like, then close(). */
  static async create(manifest: Manifest, options: GraderOptions = {}): Promise<Grader> {
    // Vitest writes transformed modules (hidden tests, reference) under TMPDIR:
    // give this process a private one and remove it on close.
    const tmpRoot = await fs.mkdtemp(path.join(os.tmpdir(), 'relu-lab-'));
    const previousTmpdir = process.env.TMPDIR;
    process.env.TMPDIR = tmpRoot;
    const entry = options.suiteEntry ?? SUITE_ENTRY;
    const reporter = new HiddenRunReporter();
    const vitest = await createVitest(
      'test',
      {
        root: PACKAGE_ROOT,
        config: false,
        watch: false,
        reporters: [reporter],
        include: [path.relative(PACKAGE_ROOT, entry)],
        // A worker thread starts faster than a fork. It runs only trusted
        // code (the hidden suite and the reference): student code is in the sandbox.
        pool: 'threads',
        isolate: false,
        maxWorkers: 1,
        testTimeout: manifest.limits.submissionDeadlineMs,
        hookTimeout: 30_000,
        silent: true,
        cache: false,
        // the hidden suite and the reference, transformed once and kept
        // beside the package (the sandbox cannot read there)
        experimental: { fsModuleCache: true, fsModuleCachePath: 'node_modules/.cache/relu-lab/vitest' },
      },
      { logLevel: 'silent', cacheDir: path.join(tmpRoot, 'vite') },
    );
    const spec = vitest.projects[0].createSpecification(entry);
    const memoDir = await sampleCacheDir(path.join(tmpRoot, 'samples'));
    return new Grader(manifest, vitest, reporter, spec, tmpRoot, previousTmpdir, memoDir);
  }

  /** Grades one submission folder. Never throws for problems of the submission. */
  async grade(submissionDir: string, options: GradeOptions = {}): Promise<ResultsDocument> {
    let result: ResultsDocument | undefined;
    await this.gradeBatch([submissionDir], async (_dir, doc) => void (result = doc), options);
    return result!;
  }

  /**
   * Grades several submissions, BATCH_SIZE to a Vitest run, handing each
   * results document to `onResult` as soon as its run is over (so callers
   * can write it at once).
   */
  async gradeBatch(dirs: string[], onResult: (dir: string, doc: ResultsDocument) => Promise<void>, options: GradeOptions = {}): Promise<void> {
    for (let i = 0; i < dirs.length; i += BATCH_SIZE) {
      const batch = dirs.slice(i, i + BATCH_SIZE);
      const prepared: PreparedJob[] = [];
      try {
        for (const dir of batch) {
          const jobDir = path.join(this.tmpRoot, `job-${++this.jobs}`);
          prepared.push(await prepareJob(dir, jobDir, this.manifest, { plots: options.plots !== false, memoDir: this.memoDir }));
        }
        const docs = await this.run(prepared);
        for (let j = 0; j < batch.length; j++) await onResult(batch[j], docs[j]);
      } finally {
        for (const job of prepared) {
          await killSandboxes(job.jobDir);
          await fs.rm(job.jobDir, { recursive: true, force: true });
        }
      }
    }
  }

  /** Runs the hidden suite once for `prepared`, under their summed deadline, and assembles each one's results. */
  private async run(prepared: PreparedJob[]): Promise<ResultsDocument[]> {
    const started = performance.now();
    this.reporter.reset();
    this.vitest.projects[0].provide(JOBS_KEY, prepared.map((p) => p.job));
    const deadlineMs = prepared.reduce((sum, p) => sum + p.job.deadlineMs, 0);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'deadline'>((resolve) => {
      timer = setTimeout(() => resolve('deadline'), deadlineMs);
    });
    const run = this.vitest.runTestSpecifications([this.spec], false).then(() => 'done' as const);
    let runStopped: string | null = null;
    try {
      if ((await Promise.race([run, deadline])) === 'deadline') {
        // Past the deadline: stop the student code, let the run wind down, keep what was decided.
        for (const p of prepared) await killSandboxes(p.jobDir);
        await this.vitest.cancelCurrentRun('relu-lab: submission deadline' as never);
        const wound = await Promise.race([run, new Promise((r) => setTimeout(() => r('stuck'), WIND_DOWN_MS))]);
        if (wound === 'stuck') {
          throw new ReluLabError('grader-failed', `grading did not stop within ${WIND_DOWN_MS} ms after the ${deadlineMs} ms deadline; restart the grading process`);
        }
        runStopped = `grading stopped at the deadline of ${deadlineMs} ms; checks not finished by then earn nothing`;
      }
    } finally {
      clearTimeout(timer);
    }
    const testsMs = Math.round((performance.now() - started) / prepared.length);
    const suiteErrors = [...this.reporter.moduleErrors, ...this.reporter.unhandledErrors];
    const version = await graderVersion();
    return prepared.map((p) => {
      const seen = this.reporter.job(p.job.id);
      const timedOut = runStopped ?? (seen.deadlinePassed ? `grading stopped at the submission deadline of ${p.job.deadlineMs} ms; checks not finished by then earn nothing` : null);
      const doc = assembleResults({
        manifest: this.manifest,
        catalog: CATALOG,
        reported: seen.tests,
        notRunReason: timedOut ?? (suiteErrors.length ? `the hidden suite stopped: ${suiteErrors[0]}` : null),
        identity: p.identity,
        graderVersion: version,
        outcome: timedOut ? { kind: 'deadline', message: timedOut } : { kind: 'graded' },
        diagnostics: p.diagnostics,
        timings: { compileMs: p.compileMs, testsMs, totalMs: 0 },
        gradedAt: p.gradedAt,
      });
      if (seen.plots) doc.plots = seen.plots;
      doc.timings.totalMs = Math.round(p.compileMs + testsMs);
      return doc;
    });
  }

  async close(): Promise<void> {
    await this.vitest.close();
    if (this.previousTmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = this.previousTmpdir;
    await fs.rm(this.tmpRoot, { recursive: true, force: true });
  }
}

export type { JobContext };
