// Turns a run of the visible tests into a results document. Points: each
// task's points from the manifest, less those of its checks withheld from
// students (the graded catalog's hidden and after-the-deadline checks), are
// split evenly over that task's visible tests, so the feedback weighs tasks
// as the grade does. The withheld checks are in the document as tests that
// did not run here (status not-run, their own visibility, no name of theirs),
// so every report and CI output counts them as withheld: "visible tests
// 96 / 96 · 5 hidden checks (4 points) are graded after the deadline", never
// a bare 100 / 100. A test file that could not run counts as one failed test
// worth its task's visible points.
import { roundPoints, splitPoints, sumPoints } from '../core/points.ts';
import type { Manifest } from '../manifest/types.ts';
import type { Diagnostic, Outcome, ResultsDocument, SubmissionIdentity, TaskResult, TestResult, TestStatus } from '../results/types.ts';
import type { GradedCatalog } from './gradedCatalog.ts';
import type { VisibleOutcome, VisibleRun } from './runVisibleTests.ts';

export interface VisibleResultsInput {
  manifest: Manifest;
  /** the run, or why it could not happen */
  run: { kind: 'ran'; run: VisibleRun } | { kind: 'failed'; code: string; message: string };
  /** the visible test file of each task, relative to the repository root, e.g. `exercises/backprop.test.ts` */
  testFiles: Record<string, string>;
  /** the guide section of each task, e.g. `exercises/README.md#3-backpropagation` */
  guide: Record<string, string>;
  identity: SubmissionIdentity;
  graderVersion: string;
  diagnostics: Diagnostic[];
  compileMs: number;
  gradedAt: Date;
  /** the graded checks' tasks, visibility and points (the student edition carries it); null: only the visible tests are known */
  catalog?: GradedCatalog | null;
  /** data for the report drawn from the student's functions (the assignment's experiments), as the document's `plots`; absent: none */
  plots?: unknown;
}

/** The message of a withheld check in a visible run. */
export const NOT_RUN_HERE = 'not run here: the hidden checks run when your work is graded, and the grade comes from that run';

const STATUS: Record<VisibleOutcome['status'], TestStatus> = {
  passed: 'passed',
  failed: 'failed',
  skipped: 'not-run',
  'timed-out': 'timed-out',
  'not-run': 'not-run',
};

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'test'
  );
}

interface Draft {
  task: string;
  key: string;
  name: string;
  status: TestStatus;
  message: string | null;
  line: number | null;
  durationMs: number;
}

export function visibleResults(input: VisibleResultsInput): ResultsDocument {
  const { manifest } = input;
  const drafts: Draft[] = [];
  for (const task of manifest.tasks) {
    const file = input.testFiles[task.id];
    const mine: Draft[] = [];
    if (input.run.kind === 'ran') {
      for (const t of input.run.run.tests.filter((o) => o.test.file === file)) {
        const name = t.test.path.join(' > ');
        mine.push({
          task: task.id,
          key: name,
          name,
          status: STATUS[t.status],
          message: t.status === 'skipped' ? 'skipped' : t.message,
          line: t.test.line,
          durationMs: t.durationMs,
        });
      }
      const fileError = input.run.run.fileErrors.find((e) => e.file === file);
      if (fileError) {
        mine.push({ task: task.id, key: 'file', name: `${file ?? task.id} runs`, status: 'errored', message: fileError.message, line: null, durationMs: 0 });
      }
    } else {
      mine.push({
        task: task.id,
        key: 'file',
        name: `${file ?? task.id} runs`,
        status: 'not-run',
        message: `relu-lab could not run the visible tests: ${input.run.message}`,
        line: null,
        durationMs: 0,
      });
    }
    if (mine.length === 0) {
      mine.push({
        task: task.id,
        key: 'file',
        name: `${file ?? task.id} runs`,
        status: 'not-run',
        message: `no visible test of this task ran: ${file ?? 'no test file'} was not found`,
        line: null,
        durationMs: 0,
      });
    }
    drafts.push(...mine);
  }

  const ids = new Set<string>();
  const seen = new Map<string, number>();
  const withheld = (input.catalog?.checks ?? []).filter((c) => c.visibility !== 'visible');
  const withheldPoints = (task: string) => sumPoints(withheld.filter((c) => c.task === task).map((c) => c.points));
  // each task's visible points split evenly in hundredths: the shares of a task add up to them exactly
  const shares = new Map(
    manifest.tasks.map((task) => [
      task.id,
      splitPoints(
        Math.max(0, roundPoints(task.points - withheldPoints(task.id))),
        drafts.filter((d) => d.task === task.id).map(() => 1),
      ),
    ]),
  );
  const tests: TestResult[] = drafts.map((d) => {
    const index = seen.get(d.task) ?? 0;
    seen.set(d.task, index + 1);
    const share = shares.get(d.task)?.[index] ?? 0;
    let id = `${d.task}.visible.${slug(d.key)}`;
    for (let n = 2; ids.has(id); n++) id = `${d.task}.visible.${slug(d.key)}-${n}`;
    ids.add(id);
    const file = input.testFiles[d.task];
    const where = file ? `${file}${d.line ? ` (line ${d.line})` : ''}` : 'the visible tests';
    const result: TestResult = {
      id,
      name: d.name,
      task: d.task,
      status: d.status,
      earned: d.status === 'passed' ? share : 0,
      possible: share,
      visibility: 'visible',
      hint: `A visible test: read it in ${where} and run npm run check. See ${input.guide[d.task] ?? 'exercises/README.md'}`,
      durationMs: d.durationMs,
    };
    if (d.status !== 'passed' && d.message) result.message = d.message;
    return result;
  });

  // the checks withheld from students: counted, never named
  for (const task of manifest.tasks) {
    const mine = withheld.filter((c) => c.task === task.id);
    mine.forEach((c, i) => {
      const later =
        c.visibility === 'after_due_date' ? 'graded and shown after the deadline' : c.visibility === 'hidden' ? 'hidden' : 'shown when grades are published';
      tests.push({
        id: `${task.id}.withheld-${i + 1}`,
        name: `a check of ${task.title} (${later})`,
        task: task.id,
        status: 'not-run',
        earned: 0,
        possible: c.points,
        visibility: c.visibility,
        message: NOT_RUN_HERE,
        hint: `The visible tests in ${input.testFiles[task.id] ?? 'exercises/'} cover the same ideas: make them pass, then think about the edge cases the guide names.`,
        durationMs: 0,
      });
    });
  }

  const tasks: TaskResult[] = manifest.tasks.map((task) => {
    const mine = tests.filter((t) => t.task === task.id);
    return { id: task.id, title: task.title, file: task.file, earned: sumPoints(mine.map((t) => t.earned)), possible: task.points };
  });

  const outcome: Outcome =
    input.run.kind === 'failed'
      ? { kind: 'grader-error', code: input.run.code, message: input.run.message }
      : input.run.run.stopped?.kind === 'deadline'
        ? { kind: 'deadline', message: input.run.run.stopped.message }
        : { kind: 'graded' };
  const testsMs = input.run.kind === 'ran' ? input.run.run.ms : 0;
  return {
    schemaVersion: 1,
    grader: { name: 'relu-lab', version: input.graderVersion },
    submission: input.identity,
    gradedAt: input.gradedAt.toISOString(),
    seed: manifest.fastCheck.seed,
    numRuns: manifest.fastCheck.numRuns,
    outcome,
    diagnostics: input.diagnostics,
    timings: { compileMs: input.compileMs, testsMs, totalMs: input.compileMs + testsMs },
    score: {
      earned: sumPoints(tasks.map((t) => t.earned)),
      possible: sumPoints(tasks.map((t) => t.possible)),
    },
    tasks,
    tests,
    suite: 'visible',
    ...(input.plots === undefined ? {} : { plots: input.plots }),
  };
}
