// The grading engine: one reused Vitest instance per grading process, the
// hidden suite run against each submission's sandbox, outcomes taken only
// from our reporter, a hard deadline per submission, a private TMPDIR.
//
// Each submission's deadline is its own. The submissions of a batch are
// graded one after another, and one timer at a time runs, for the one whose
// turn it is: from when the previous one ended (or the slot took the batch)
// until its checks begin, then its deadline and a grace to wind down from
// when they began. Nothing the sandbox sends reaches it. When it fires, that
// submission is charged with the deadline; the run stops, and the others of
// the batch that had not ended are graded again, each alone.
//
// The Grader is given its assignment: the checks come from the assignment's
// hidden face (loaded here for the catalog, and by the worker to run them),
// their points from the manifest, the modules to compile from its public face.
//
// A Vitest run is a session: one pass over the hidden suite's slot files
// (grader/engine/suite/slots/), each of which asks this process, through the job
// feed, for a batch of submissions to grade. The run starts as soon as the
// Grader exists, so its worker thread starts and loads the checks while the
// first submission compiles, and it serves batch after batch without starting
// again until its slots are used up.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createVitest, type TestSpecification, type Vitest } from 'vitest/node';
import { PACKAGE_ROOT } from '../core/defaults.ts';
import { ReluLabError } from '../core/errors.ts';
import type { Assignment } from '../assignment/Assignment.ts';
import { loadHiddenFace } from '../assignment/loadAssignment.ts';
import { checkManifest } from '../manifest/checkManifest.ts';
import { FEED_KEY, type JobContext } from '../harness/job.ts';
import { SLOT_COUNT, slotFile, slotOf } from './suite/slots/slots.ts';
import type { Manifest } from '../manifest/types.ts';
import type { ResultsDocument } from '../results/types.ts';
import { type CatalogEntry, catalogOf } from './catalog.ts';
import { graderVersion } from './graderVersion.ts';
import { HiddenRunReporter } from './HiddenRunReporter.ts';
import { jobResults } from './jobResults.ts';
import { JobFeed } from './JobFeed.ts';
import { killSandboxes } from '../sandbox/killSandboxes.ts';
import { planJob, prepareJob, type PlannedJob, type PreparedJob } from './prepareJob.ts';
import { sampleCacheDir } from './sampleCacheDir.ts';
import { claimTmpDir, GRADING_TMP_PREFIX, removeStaleTmpDirs } from './staleTmpDirs.ts';

/** Submissions per batch (one slot): few enough that a kill loses little. */
export const BATCH_SIZE = 8;
/** after the deadline kills the sandboxes, how long the run gets to wind down */
const WIND_DOWN_MS = 10_000;
/** how long a batch may wait for the hidden suite's worker to take it */
const START_TIMEOUT_MS = 60_000;
/** how long a submission's checks may take to begin: its sandbox opening, its code compiling (and, for a slot's first, the checks loading) */
const BEGIN_TIMEOUT_MS = 60_000;
/**
 * How long a submission's checks get to wind down past its deadline. At the
 * deadline the sandbox stops the call in progress and every later call fails
 * at once, so the checks end by themselves well within it.
 */
const DEADLINE_GRACE_MS = 10_000;

export interface GradeOptions {
  /** compute the report's plot data from the student's functions (default true) */
  plots?: boolean;
  /**
   * Run the submission in this process, with no sandbox. Only for code you
   * trust (the benchmark grades the reference this way for its baseline).
   */
  trustedInProcess?: boolean;
  /** told as a submission's checks begin (its own deadline starts then) */
  onBegin?: (dir: string) => void;
}

/** One Vitest run: its feed, its end, and the slots not yet given a batch. */
interface Session {
  feed: JobFeed;
  /** settles when the run is over (also after a cancel) */
  ended: Promise<void>;
  over: boolean;
  slotsLeft: number;
}

/** How a batch's slot ended; `deadline`: the submission at `index` overran its own time. */
type SlotEnd = { kind: 'ended'; errors: string[] } | { kind: 'run-over' } | { kind: 'deadline'; index: number } | { kind: 'not-started' };

/** What came of one submission of a batch run: handed out early, assembled, or to be graded again alone (a neighbour overran). */
type JobEnd = { kind: 'handed-out' } | { kind: 'assembled'; doc: ResultsDocument } | { kind: 'again' };

export class Grader {
  private jobs = 0;
  private session: Session | null = null;
  /** per slot of the current session: called as its module ends */
  private readonly slotEnds = new Map<number, (end: SlotEnd) => void>();

  /** the assignment's module names: what each submission compiles */
  private readonly moduleNames: readonly string[];

  /** every check, with its points: what each submission is graded on (set by create, before any grading) */
  catalog: readonly CatalogEntry[] = [];

  private constructor(
    readonly manifest: Manifest,
    readonly assignment: Assignment,
    private readonly vitest: Vitest,
    private readonly reporter: HiddenRunReporter,
    private readonly specs: TestSpecification[],
    private readonly tmpRoot: string,
    private readonly previousTmpdir: string | undefined,
    private readonly memoDir: string,
  ) {
    this.moduleNames = assignment.modules.map((m) => m.name);
    reporter.onModuleEnd = (moduleId, errors) => {
      const slot = slotOf(moduleId);
      if (slot !== null) this.slotEnds.get(slot)?.({ kind: 'ended', errors });
    };
  }

  /**
   * Starts Vitest once (and its first run) for `assignment`, graded against
   * `manifest`; grade as many submissions as you like, then close(). Throws
   * ReluLabError 'manifest-invalid' when the manifest's tasks are not the
   * assignment's modules, 'assignment-invalid' when its hidden face is unsound.
   */
  static async create(manifest: Manifest, assignment: Assignment): Promise<Grader> {
    const problems = checkManifest(
      manifest,
      assignment.modules.map((m) => m.name),
    );
    if (problems.length > 0) {
      throw new ReluLabError(
        'manifest-invalid',
        `${manifest.path} does not fit the assignment ${assignment.id}:\n${problems.map((p) => `  ${p}`).join('\n')}\nGive the manifest one task for each module of the assignment.`,
      );
    }
    // the hidden face loads (its check modules evaluated, through a loader in the compiled CLI) while Vitest starts
    const hidden = loadHiddenFace(assignment.hiddenEntry);
    hidden.catch(() => {}); // awaited below; not an unhandled rejection meanwhile
    // Vitest writes transformed modules (hidden tests, reference) under TMPDIR:
    // give this process a private one and remove it on close.
    // and first remove those of grading processes that were killed before they could
    await removeStaleTmpDirs(os.tmpdir());
    const tmpRoot = await fs.mkdtemp(path.join(os.tmpdir(), GRADING_TMP_PREFIX));
    await claimTmpDir(tmpRoot);
    const previousTmpdir = process.env.TMPDIR;
    process.env.TMPDIR = tmpRoot;
    const slots = Array.from({ length: SLOT_COUNT }, (_, i) => slotFile(i + 1));
    const reporter = new HiddenRunReporter();
    const vitest = await createVitest(
      'test',
      {
        root: PACKAGE_ROOT,
        config: false,
        watch: false,
        reporters: [reporter],
        include: slots.map((f) => path.relative(PACKAGE_ROOT, f)),
        // A worker thread starts faster than a fork. It runs only trusted
        // code (the hidden suite and the reference): student code is in the sandbox.
        pool: 'threads',
        isolate: false,
        maxWorkers: 1,
        // slots run in file order, one batch after another
        sequence: { shuffle: false, concurrent: false },
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
    const specs = slots.map((f) => vitest.projects[0].createSpecification(f));
    const memoDir = await sampleCacheDir(assignment, path.join(tmpRoot, 'samples'));
    const grader = new Grader(manifest, assignment, vitest, reporter, specs, tmpRoot, previousTmpdir, memoDir);
    await grader.startSession();
    try {
      grader.catalog = catalogOf(await hidden, manifest);
    } catch (e) {
      await grader.close();
      throw e;
    }
    return grader;
  }

  /** Grades one submission folder. Never throws for problems of the submission. */
  async grade(submissionDir: string, options: GradeOptions = {}): Promise<ResultsDocument> {
    let result: ResultsDocument | undefined;
    await this.gradeBatch([submissionDir], async (_dir, doc) => void (result = doc), options);
    return result!;
  }

  /**
   * Grades several submissions, BATCH_SIZE to a slot, handing each results
   * document to `onResult` as soon as its checks are over (so callers can
   * write it at once, while the next submission is graded).
   */
  async gradeBatch(dirs: string[], onResult: (dir: string, doc: ResultsDocument) => Promise<void>, options: GradeOptions = {}): Promise<void> {
    for (let i = 0; i < dirs.length; i += BATCH_SIZE) {
      const batch = dirs.slice(i, i + BATCH_SIZE);
      const again = await this.gradeTogether(batch, onResult, options);
      // those a neighbour's overrun stopped: each alone, so that only its own time counts
      for (const dir of again) await this.gradeTogether([dir], onResult, options);
    }
  }

  /** Grades `batch` in one slot; returns the folders to grade again because another submission of the batch overran. */
  private async gradeTogether(batch: string[], onResult: (dir: string, doc: ResultsDocument) => Promise<void>, options: GradeOptions): Promise<string[]> {
    const planned: PlannedJob[] = [];
    try {
      for (const dir of batch) {
        const jobDir = path.join(this.tmpRoot, `job-${++this.jobs}`);
        planned.push(
          await planJob(dir, jobDir, this.manifest, {
            hiddenEntry: this.assignment.hiddenEntry,
            plots: options.plots !== false,
            memoDir: this.memoDir,
            trustedInProcess: options.trustedInProcess,
          }),
        );
      }
      // a submission whose checks are over is handed out at once, to be written while the next is graded
      const handedOut: Promise<void>[] = [];
      const ends = await this.run(
        planned,
        (j, doc) => {
          const written = onResult(batch[j], doc);
          written.catch(() => {}); // awaited below; not an unhandled rejection meanwhile
          handedOut.push(written);
        },
        (j) => options.onBegin?.(batch[j]),
      );
      await Promise.all(handedOut);
      const again: string[] = [];
      for (let j = 0; j < batch.length; j++) {
        const end = ends[j];
        if (end.kind === 'assembled') await onResult(batch[j], end.doc);
        else if (end.kind === 'again') again.push(batch[j]);
      }
      return again;
    } finally {
      for (const job of planned) {
        await killSandboxes(job.jobDir);
        await fs.rm(job.jobDir, { recursive: true, force: true });
      }
    }
  }

  /** Starts a Vitest run over the slot files, unless one with a free slot is going. */
  private async startSession(): Promise<Session> {
    if (this.session && !this.session.over && this.session.slotsLeft > 0) return this.session;
    if (this.session) {
      // a run whose slots are all given out ends once its last batch is done
      this.session.feed.drain();
      await this.session.ended;
    }
    const feed = new JobFeed();
    this.reporter.reset();
    this.vitest.projects[0].provide(FEED_KEY, feed.name);
    const session: Session = { feed, ended: Promise.resolve(), over: false, slotsLeft: SLOT_COUNT };
    session.ended = this.vitest
      .runTestSpecifications(this.specs, false)
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => {
        session.over = true;
        feed.close();
        for (const end of [...this.slotEnds.values()]) end({ kind: 'run-over' });
      });
    this.session = session;
    return session;
  }

  /**
   * Grades `planned` in one slot, each submission under its own deadline
   * (see the top of this file), and assembles each one's results. The batch
   * is offered before its submissions compile, so the slot starts the first
   * sandbox meanwhile. A submission whose checks all ended is assembled then
   * and handed to `onEarly`; the others are assembled once the slot is over,
   * but for those a neighbour's overrun stopped, which are to be graded again.
   */
  private async run(planned: PlannedJob[], onEarly: (index: number, doc: ResultsDocument) => void, onBegin: (index: number) => void): Promise<JobEnd[]> {
    const session = await this.startSession();
    session.slotsLeft -= 1;
    const jobs = planned.map((p) => p.job);
    let started = 0;
    let suiteLoaded = 0;
    let timer: NodeJS.Timeout | undefined;
    /** submissions whose describe block ended */
    const blockEnded = new Set<string>();
    /** the submission whose turn it is: its timer is the one running */
    let turn = 0;
    let finish: (e: SlotEnd) => void = () => {};
    const armTurn = (ms: number) => {
      clearTimeout(timer);
      const index = turn;
      timer = setTimeout(() => finish({ kind: 'deadline', index }), ms);
    };
    const ended = new Promise<SlotEnd>((resolve) => {
      finish = (e: SlotEnd) => {
        clearTimeout(timer);
        session.feed.onBegin = null;
        resolve(e);
      };
      timer = setTimeout(() => finish(session.feed.withdraw(jobs) ? { kind: 'not-started' } : { kind: 'deadline', index: 0 }), START_TIMEOUT_MS);
      session.feed.onBegin = (jobId) => {
        const index = jobs.findIndex((job) => job.id === jobId);
        if (index < 0 || blockEnded.has(jobId)) return;
        turn = index;
        armTurn(jobs[index].deadlineMs + DEADLINE_GRACE_MS);
        onBegin(index);
      };
      session.feed.offer(
        jobs,
        (slot) => {
          started = performance.now();
          this.slotEnds.set(slot, (e) => {
            this.slotEnds.delete(slot);
            finish(e);
          });
          armTurn(BEGIN_TIMEOUT_MS);
        },
        () => {
          suiteLoaded = performance.now();
        },
      );
      if (session.over) finish({ kind: 'run-over' });
    });
    /** a submission's block ended: the next one's turn starts, with the time its checks may take to begin */
    const onBlockEnd = (jobId: string) => {
      const index = jobs.findIndex((job) => job.id === jobId);
      if (index < 0) return;
      blockEnded.add(jobId);
      if (index !== turn) return;
      while (turn < jobs.length && blockEnded.has(jobs[turn].id)) turn += 1;
      if (turn < jobs.length) armTurn(BEGIN_TIMEOUT_MS);
      else clearTimeout(timer);
    };
    const prepared: PreparedJob[] = [];
    const preparedAt = new Map<string, number>();
    let unprepared: unknown = null;
    const version = await graderVersion();
    const early = new Set<string>();
    let lastEnd = 0;
    this.reporter.onJobEnd = (jobId) => {
      onBlockEnd(jobId);
      const index = planned.findIndex((p) => p.job.id === jobId);
      const p = prepared.find((q) => q.job.id === jobId);
      if (index < 0 || !p || early.has(jobId) || unprepared) return;
      const seen = this.reporter.job(jobId);
      // a block stopped by the submission's deadline, or one that did not report every check, is assembled with the rest
      if (seen.deadlinePassed || !this.catalog.every((check) => seen.tests.has(check.id))) return;
      early.add(jobId);
      const now = performance.now();
      const testsMs = Math.round(now - Math.max(lastEnd, started, suiteLoaded, preparedAt.get(jobId) ?? 0));
      lastEnd = now;
      onEarly(
        index,
        jobResults(this.manifest, this.catalog, this.reporter, p, {
          graderVersion: version,
          testsMs,
          timedOut: null,
          suiteErrors: [...this.reporter.unhandledErrors],
        }),
      );
    };
    for (const p of planned) {
      try {
        prepared.push(await prepareJob(p, this.moduleNames));
        preparedAt.set(p.job.id, performance.now());
        session.feed.prepared(p.job.id, p.job.unavailable);
      } catch (e) {
        unprepared ??= e;
        session.feed.prepared(p.job.id, {}, e instanceof Error ? e.message : String(e));
      }
    }
    // the suite's own time starts once its worker holds the batch with its checks loaded, and the code is compiled
    const compiledAt = performance.now();
    const end = await ended;
    this.reporter.onJobEnd = null;
    if (unprepared) throw unprepared;
    const from = Math.max(started, suiteLoaded, compiledAt, lastEnd);
    const rest = prepared.filter((p) => !early.has(p.job.id));
    const testsMs = started && rest.length > 0 ? Math.round((performance.now() - from) / rest.length) : 0;
    let overran: { index: number; message: string } | null = null;
    if (end.kind === 'deadline') {
      // Past the deadline: stop the student code, end the run, keep what was decided.
      for (const p of prepared) await killSandboxes(p.jobDir);
      // the worker goes on to the next slot files after a cancel: let them find no work
      session.feed.drain();
      session.slotsLeft = 0;
      await this.vitest.cancelCurrentRun('relu-lab: submission deadline' as never);
      let windDown: NodeJS.Timeout | undefined;
      const wound = await Promise.race([session.ended.then(() => 'done'), new Promise((r) => (windDown = setTimeout(() => r('stuck'), WIND_DOWN_MS)))]);
      clearTimeout(windDown);
      const deadlineMs = jobs[end.index].deadlineMs;
      if (wound === 'stuck') {
        throw new ReluLabError(
          'grader-failed',
          `grading did not stop within ${WIND_DOWN_MS} ms after the ${deadlineMs} ms deadline; restart the grading process`,
        );
      }
      overran = { index: end.index, message: `grading stopped at the deadline of ${deadlineMs} ms; checks not finished by then earn nothing` };
    } else if (end.kind === 'not-started') {
      throw new ReluLabError('grader-failed', `the hidden suite did not start within ${START_TIMEOUT_MS / 1000} s; restart the grading process`);
    }
    const suiteErrors = [...(end.kind === 'ended' ? end.errors : []), ...this.reporter.unhandledErrors];
    if (end.kind === 'run-over' && suiteErrors.length === 0) suiteErrors.push("the hidden suite's run ended before this batch was done");
    return prepared.map((p, index): JobEnd => {
      if (early.has(p.job.id)) return { kind: 'handed-out' };
      if (overran && index !== overran.index && !blockEnded.has(p.job.id)) {
        // stopped by a neighbour's overrun, not its own: graded again, alone
        this.reporter.forget(p.job.id);
        return { kind: 'again' };
      }
      const seen = this.reporter.job(p.job.id);
      const ownDeadline = seen.deadlinePassed
        ? `grading stopped at the submission deadline of ${p.job.deadlineMs} ms; checks not finished by then earn nothing`
        : null;
      const timedOut = overran?.index === index ? overran.message : ownDeadline;
      return { kind: 'assembled', doc: jobResults(this.manifest, this.catalog, this.reporter, p, { graderVersion: version, testsMs, timedOut, suiteErrors }) };
    });
  }

  async close(): Promise<void> {
    if (this.session && !this.session.over) {
      this.session.feed.drain();
      await this.session.ended;
    }
    await this.vitest.close();
    if (this.previousTmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = this.previousTmpdir;
    await fs.rm(this.tmpRoot, { recursive: true, force: true });
  }
}

export type { JobContext };
