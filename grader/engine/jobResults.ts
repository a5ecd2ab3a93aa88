// One submission's results document, from what the hidden run's reporter saw
// of its describe block (which the reporter then forgets).
import type { Manifest } from '../manifest/types.ts';
import type { ResultsDocument } from '../results/types.ts';
import { assembleResults } from './assembleResults.ts';
import type { CatalogEntry } from './catalog.ts';
import type { HiddenRunReporter } from './HiddenRunReporter.ts';
import type { PreparedJob } from './prepareJob.ts';

export interface JobEnd {
  graderVersion: string;
  /** the hidden suite's time for this submission */
  testsMs: number;
  /** why grading stopped before the checks were over (a deadline), or null */
  timedOut: string | null;
  /** errors of the hidden suite itself: checks not reported count as not run, for this reason */
  suiteErrors: string[];
}

export function jobResults(manifest: Manifest, catalog: readonly CatalogEntry[], reporter: HiddenRunReporter, p: PreparedJob, end: JobEnd): ResultsDocument {
  const seen = reporter.job(p.job.id);
  reporter.forget(p.job.id);
  const { timedOut, suiteErrors, testsMs } = end;
  const doc = assembleResults({
    manifest,
    catalog,
    reported: seen.tests,
    notRunReason: timedOut ?? (suiteErrors.length ? `the hidden suite stopped: ${suiteErrors[0]}` : null),
    identity: p.identity,
    graderVersion: end.graderVersion,
    outcome: timedOut ? { kind: 'deadline', message: timedOut } : { kind: 'graded' },
    diagnostics: p.diagnostics,
    timings: { compileMs: p.compileMs, testsMs, totalMs: 0 },
    gradedAt: p.gradedAt,
  });
  if (seen.plots) doc.plots = seen.plots;
  doc.timings.totalMs = Math.round(p.compileMs + testsMs);
  return doc;
}
