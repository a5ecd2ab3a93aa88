// The only source of test outcomes: a Vitest reporter living in the trusted
// main process. It records what each hidden test reported, per submission
// (the describe block named by the job id); nothing a submission prints is
// ever read.
import type { Reporter, TestCase, TestModule, TestSuite } from 'vitest/node';
// messages and plot data may hold what a submission threw: escapes removed, controls made visible (Vitest also colours them)
import { sanitiseStrings, sanitiseText } from '../core/sanitiseText.ts';
import { readFailure } from '../harness/GradingFailure.ts';
import type { CarriedForward, Counterexample, TestStatus } from '../results/types.ts';
import { PLOTS_TEST } from './suite/plotsStep.ts';

export interface ReportedTest {
  status: TestStatus;
  message?: string;
  observed?: { actual: unknown; expected: unknown };
  counterexample?: Counterexample;
  /** a pass on the student's own upstream results */
  carriedForward?: CarriedForward;
  durationMs: number;
}

/** What one submission's describe block reported. */
export interface ReportedJob {
  tests: Map<string, ReportedTest>;
  /** what the hidden face's plots step drew (plain JSON), or null */
  plots: unknown;
  /** a check stopped because the submission's deadline had passed */
  deadlinePassed: boolean;
}

export class HiddenRunReporter implements Reporter {
  readonly jobs = new Map<string, ReportedJob>();
  /** errors of whole suite files (a hidden suite that failed to load, a worker that died) */
  readonly moduleErrors: string[] = [];
  readonly unhandledErrors: string[] = [];
  /** called as each test module (a slot of the hidden suite) ends, with its errors */
  onModuleEnd: ((moduleId: string, errors: string[]) => void) | null = null;
  /** called as a submission's describe block (named by its job id) ends, all its tests reported */
  onJobEnd: ((jobId: string) => void) | null = null;

  /** Forgets the previous run's results. */
  reset(): void {
    this.jobs.clear();
    this.moduleErrors.length = 0;
    this.unhandledErrors.length = 0;
  }

  /** Forgets what job `id` reported, once its results are assembled. */
  forget(id: string): void {
    this.jobs.delete(id);
  }

  /** What job `id` reported (empty when it reported nothing). */
  job(id: string): ReportedJob {
    let job = this.jobs.get(id);
    if (!job) {
      job = { tests: new Map(), plots: null, deadlinePassed: false };
      this.jobs.set(id, job);
    }
    return job;
  }

  onTestCaseResult(testCase: TestCase): void {
    // a test outside any submission's block (an idle slot's) reports nothing
    if (testCase.parent.type !== 'suite') return;
    const jobId = testCase.parent.name;
    const job = this.job(jobId);
    const result = testCase.result();
    if (testCase.name === PLOTS_TEST) {
      job.plots = sanitiseStrings(testCase.meta().assignmentPlots ?? null);
      return;
    }
    const durationMs = Math.round(testCase.diagnostic()?.duration ?? 0);
    if (result.state === 'passed') {
      const carried = testCase.meta().carriedForward;
      job.tests.set(testCase.name, carried ? { status: 'passed', durationMs, carriedForward: carriedForwardOf(carried) } : { status: 'passed', durationMs });
      return;
    }
    if (result.state !== 'failed') return;
    const error = result.errors?.[0];
    const failure = readFailure(error);
    if (failure) {
      const { status, message, observed, counterexample, deadline } = failure;
      if (deadline) job.deadlinePassed = true;
      job.tests.set(testCase.name, { status: deadline ? 'not-run' : status, message: sanitiseText(message), observed, counterexample, durationMs });
      return;
    }
    // Not one of ours: a bug in a hidden test or a Vitest time-out. Count it as an error, not as the student's fault.
    const message = sanitiseText(error?.message ?? 'the test failed without a message');
    const timedOut = /timed out/i.test(message);
    job.tests.set(testCase.name, { status: timedOut ? 'timed-out' : 'errored', message: `the grader could not complete this check: ${message}`, durationMs });
  }

  onTestSuiteResult(testSuite: TestSuite): void {
    this.onJobEnd?.(testSuite.name);
  }

  onTestModuleEnd(testModule: TestModule): void {
    const errors = testModule.errors().map((error) => sanitiseText(`${testModule.moduleId}: ${error.message}`));
    this.moduleErrors.push(...errors);
    this.onModuleEnd?.(testModule.moduleId, errors);
  }

  onTestRunEnd(_modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<{ message?: string }>): void {
    for (const error of unhandledErrors) this.unhandledErrors.push(sanitiseText(error.message ?? String(error)));
  }
}

/** Characters of a carried-forward note's call kept in the results: the call and both values, not a flood. */
const CARRIED_CHARS = 1500;

/** A carried-forward note as the results hold it: its text sanitised (it quotes what student code returned) and bounded. */
function carriedForwardOf(note: CarriedForward): CarriedForward {
  const text = (s: unknown, max: number) => sanitiseText(String(s)).slice(0, max);
  return { function: text(note.function, 200), upstream: text(note.upstream, 200), wrongAt: text(note.wrongAt, CARRIED_CHARS) };
}
