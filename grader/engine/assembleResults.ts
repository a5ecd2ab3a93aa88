// Turns what the reporter saw into the results document. The score is
// computed here, in the trusted main process, from the catalog's points:
// a check that never reported earns nothing.
import type { Manifest } from '../manifest/types.ts';
import type { Diagnostic, Outcome, ResultsDocument, SubmissionIdentity, TaskResult, TestResult } from '../results/types.ts';
import type { CatalogEntry } from './catalog.ts';
import type { ReportedTest } from './HiddenRunReporter.ts';

export interface AssembleInput {
  manifest: Manifest;
  catalog: readonly CatalogEntry[];
  reported: ReadonlyMap<string, ReportedTest>;
  /** why checks that never reported did not run (suite errors, a deadline) */
  notRunReason: string | null;
  identity: SubmissionIdentity;
  graderVersion: string;
  outcome: Outcome;
  diagnostics: Diagnostic[];
  timings: ResultsDocument['timings'];
  gradedAt: Date;
}

/** Points are kept to 4 decimals so sums of halves and thirds stay readable. */
const round = (n: number) => Math.round(n * 1e4) / 1e4;

export function assembleResults(input: AssembleInput): ResultsDocument {
  const { manifest, catalog, reported } = input;
  const tests: TestResult[] = catalog.map((meta) => {
    const seen = reported.get(meta.id);
    const base = {
      id: meta.id,
      name: meta.name,
      task: meta.task,
      possible: meta.points,
      visibility: meta.visibility ?? manifest.defaultVisibility,
      hint: meta.hint,
    };
    if (!seen) {
      return {
        ...base,
        status: 'not-run',
        earned: 0,
        message: input.notRunReason ?? 'this check never reported a result',
        durationMs: 0,
      };
    }
    const result: TestResult = { ...base, status: seen.status, earned: seen.status === 'passed' ? meta.points : 0, durationMs: seen.durationMs };
    if (seen.message !== undefined) result.message = seen.message;
    if (seen.observed !== undefined) result.observed = seen.observed;
    if (seen.counterexample !== undefined) result.counterexample = seen.counterexample;
    return result;
  });
  const tasks: TaskResult[] = manifest.tasks.map((task) => {
    const mine = tests.filter((t) => t.task === task.id);
    const possible = mine.reduce((sum, t) => sum + t.possible, 0);
    const earned = mine.reduce((sum, t) => sum + t.earned, 0);
    // the manifest's points are the task's weight; the checks split it
    const scale = possible === 0 ? 0 : task.points / possible;
    return { id: task.id, title: task.title, file: task.file, earned: round(earned * scale), possible: task.points };
  });
  return {
    schemaVersion: 1,
    grader: { name: 'relu-lab', version: input.graderVersion },
    submission: input.identity,
    gradedAt: input.gradedAt.toISOString(),
    seed: manifest.fastCheck.seed,
    numRuns: manifest.fastCheck.numRuns,
    outcome: input.outcome,
    diagnostics: input.diagnostics,
    timings: input.timings,
    score: {
      earned: round(tasks.reduce((sum, t) => sum + t.earned, 0)),
      possible: round(tasks.reduce((sum, t) => sum + t.possible, 0)),
    },
    tasks,
    tests,
  };
}
