// Turns what the reporter saw into the results document. The score is
// computed here, in the trusted main process, from the catalog's points:
// a check that never reported earns nothing.
import { sumPoints } from '../core/points.ts';
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
      ...(meta.formula === undefined ? {} : { formula: meta.formula }),
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
    if (seen.carriedForward !== undefined) result.carriedForward = seen.carriedForward;
    return result;
  });
  const tasks: TaskResult[] = manifest.tasks.map((task) => {
    const mine = tests.filter((t) => t.task === task.id);
    // the catalog split the task's points among its checks in hundredths, so they add up to them exactly
    return { id: task.id, title: task.title, file: task.file, earned: sumPoints(mine.map((t) => t.earned)), possible: task.points };
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
      earned: sumPoints(tasks.map((t) => t.earned)),
      possible: sumPoints(tasks.map((t) => t.possible)),
    },
    tasks,
    tests,
  };
}
