// The grading engine: one reused Vitest instance per grading process, the
// hidden suites run against each submission's sandbox, outcomes taken only
// from our reporter, a hard deadline per submission, a private TMPDIR.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createVitest, type TestSpecification, type Vitest } from 'vitest/node';
import { PACKAGE_ROOT } from '../core/defaults.ts';
import { ReluLabError } from '../core/errors.ts';
import { CATALOG } from '../hidden/catalog.ts';
import { JOB_KEY, type JobContext } from '../hidden/harness/job.ts';
import { PROBE_MODULE } from '../hidden/harness/StudentCode.ts';
import type { Manifest } from '../manifest/types.ts';
import { submissionIdentity } from '../results/submissionIdentity.ts';
import type { Outcome, ResultsDocument } from '../results/types.ts';
import { compileSubmission } from '../sandbox/compileSubmission.ts';
import { assembleResults } from './assembleResults.ts';
import { collectPlots } from './collectPlots.ts';
import { graderVersion } from './graderVersion.ts';
import { HiddenRunReporter } from './HiddenRunReporter.ts';
import { killSandboxes } from './killSandboxes.ts';

const SUITES_DIR = path.join(PACKAGE_ROOT, 'grader/hidden/suites');
const PROBE_SOURCE = path.join(PACKAGE_ROOT, 'grader/hidden/probe.mjs');
/** Vitest workers per grading process: the machines have 2 cores */
const GRADING_WORKERS = 1;
/** after the deadline kills the sandboxes, how long the run gets to wind down */
const WIND_DOWN_MS = 10_000;

export interface GradeOptions {
  /** compute the report's plot data from the student's functions (default true) */
  plots?: boolean;
}

export class Grader {
  private jobs = 0;
  private constructor(
    readonly manifest: Manifest,
    private readonly vitest: Vitest,
    private readonly reporter: HiddenRunReporter,
    private readonly specs: TestSpecification[],
    private readonly tmpRoot: string,
    private readonly previousTmpdir: string | undefined,
  ) {}

  /** Starts Vitest once; grade as many submissions as you like, then close(). */
  static async create(manifest: Manifest): Promise<Grader> {
    // Vitest writes transformed modules (hidden tests, reference) under TMPDIR:
    // give this process a private one and remove it on close.
    const tmpRoot = await fs.mkdtemp(path.join(os.tmpdir(), 'relu-lab-'));
    const previousTmpdir = process.env.TMPDIR;
    process.env.TMPDIR = tmpRoot;
    const reporter = new HiddenRunReporter();
    const vitest = await createVitest(
      'test',
      {
        root: PACKAGE_ROOT,
        config: false,
        watch: false,
        reporters: [reporter],
        include: ['grader/hidden/suites/*.hidden.ts'],
        // Worker threads start faster than forks. They run only trusted code
        // (the hidden suites and the reference): student code is in the sandbox.
        pool: 'threads',
        // the suites keep no state between files: one module graph per worker
        isolate: false,
        maxWorkers: GRADING_WORKERS,
        testTimeout: manifest.limits.submissionDeadlineMs,
        hookTimeout: 30_000,
        silent: true,
        cache: false,
      },
      { logLevel: 'silent', cacheDir: path.join(tmpRoot, 'vite') },
    );
    const files = (await fs.readdir(SUITES_DIR)).filter((f) => f.endsWith('.hidden.ts')).sort();
    const project = vitest.projects[0];
    const specs = files.map((f) => project.createSpecification(path.join(SUITES_DIR, f)));
    return new Grader(manifest, vitest, reporter, specs, tmpRoot, previousTmpdir);
  }

  /** Grades one submission folder. Never throws for problems of the submission. */
  async grade(submissionDir: string, options: GradeOptions = {}): Promise<ResultsDocument> {
    const started = performance.now();
    const gradedAt = new Date();
    const identity = await submissionIdentity(submissionDir);
    const jobDir = path.join(this.tmpRoot, `job-${++this.jobs}`);
    const codeDir = path.join(jobDir, 'code');
    await fs.mkdir(codeDir, { recursive: true });
    try {
      const compiled = await compileSubmission(submissionDir, codeDir);
      await fs.copyFile(PROBE_SOURCE, path.join(codeDir, `${PROBE_MODULE}.mjs`));
      const unavailable: Record<string, string> = {};
      for (const [name, result] of Object.entries(compiled.modules)) {
        if (result.kind === 'compiled') continue;
        const first = result.diagnostics[0];
        if (result.kind === 'missing') unavailable[name] = first?.message ?? `exercises/${name}.ts is missing`;
        else unavailable[name] = first ? `exercises/${name}.ts did not compile: ${first.file}:${first.line}:${first.column} ${first.message}` : `exercises/${name}.ts could not be compiled`;
      }
      const { limits, fastCheck } = this.manifest;
      const memoDir = path.join(this.tmpRoot, 'samples');
      await fs.mkdir(memoDir, { recursive: true });
      const job: JobContext = { codeDir, unavailable, callTimeoutMs: limits.callTimeoutMs, memoryMb: limits.sandboxMemoryMb, ...fastCheck, memoDir };
      const testsStarted = performance.now();
      const { outcome, notRunReason } = await this.runHidden(job, jobDir);
      const testsMs = performance.now() - testsStarted;
      const doc = assembleResults({
        manifest: this.manifest,
        catalog: CATALOG,
        reported: this.reporter.tests,
        notRunReason,
        identity,
        graderVersion: await graderVersion(),
        outcome,
        diagnostics: compiled.diagnostics,
        timings: { compileMs: Math.round(compiled.timings.totalMs), testsMs: Math.round(testsMs), totalMs: 0 },
        gradedAt,
      });
      if (options.plots !== false && outcome.kind === 'graded') {
        doc.plots = await collectPlots(job);
      }
      doc.timings.totalMs = Math.round(performance.now() - started);
      return doc;
    } finally {
      await killSandboxes(jobDir);
      await fs.rm(jobDir, { recursive: true, force: true });
    }
  }

  /**
   * Grades several submissions in turn, handing each results document to
   * `onResult` as soon as it is ready (so callers can write it at once).
   */
  async gradeBatch(dirs: string[], onResult: (dir: string, doc: ResultsDocument) => Promise<void>, options: GradeOptions = {}): Promise<void> {
    for (const dir of dirs) await onResult(dir, await this.grade(dir, options));
  }

  /** Runs the hidden suites once, under the submission's hard deadline. */
  private async runHidden(job: JobContext, jobDir: string): Promise<{ outcome: Outcome; notRunReason: string | null }> {
    this.reporter.reset();
    this.vitest.projects[0].provide(JOB_KEY, job);
    const deadlineMs = this.manifest.limits.submissionDeadlineMs;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'deadline'>((resolve) => {
      timer = setTimeout(() => resolve('deadline'), deadlineMs);
    });
    const run = this.vitest.runTestSpecifications(this.specs, false).then(() => 'done' as const);
    try {
      if ((await Promise.race([run, deadline])) === 'done') {
        const errors = [...this.reporter.moduleErrors, ...this.reporter.unhandledErrors];
        return { outcome: { kind: 'graded' }, notRunReason: errors.length ? `the check's suite stopped: ${errors[0]}` : null };
      }
      // Past the deadline: stop the student code, let the run wind down, keep what was decided.
      await killSandboxes(jobDir);
      await this.vitest.cancelCurrentRun('relu-lab: submission deadline' as never);
      const wound = await Promise.race([run, new Promise((r) => setTimeout(() => r('stuck'), WIND_DOWN_MS))]);
      if (wound === 'stuck') {
        throw new ReluLabError('grader-failed', `grading did not stop within ${WIND_DOWN_MS} ms after the ${deadlineMs} ms deadline; restart the grading process`);
      }
      const message = `grading stopped at the submission deadline of ${deadlineMs} ms; checks not finished by then earn nothing`;
      return { outcome: { kind: 'deadline', message }, notRunReason: message };
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await this.vitest.close();
    if (this.previousTmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = this.previousTmpdir;
    await fs.rm(this.tmpRoot, { recursive: true, force: true });
  }
}
