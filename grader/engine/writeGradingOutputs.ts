// What every grading leaves in its folder: results.json (always, even when
// the graded document would not validate) and the reports beside it (the
// plain fallback ones when the full ones cannot be drawn). One function for
// the grade command, a bulk run's workers and its parent, CI and the student
// edition's self-check, so none of them can forget a fallback.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Assignment } from '../assignment/Assignment.ts';
import { isReluLabError } from '../core/errors.ts';
import type { Manifest } from '../manifest/types.ts';
import type { Audience } from '../report/ReportView.ts';
import { writeReports } from '../report/renderReports.ts';
import type { ResultsDocument } from '../results/types.ts';
import { writeResultsAtomically } from '../results/writeResultsAtomically.ts';
import { failedResults } from './failedResults.ts';

const RESULTS_FILE = 'results.json';

export interface GradingOutputOptions {
  assignment: Assignment;
  /** the manifest graded against: its deadline for the reports, its tasks for a grader-error document */
  manifest: Manifest;
  audience: Audience;
  now?: Date;
  /**
   * false: no results.json (one left from an earlier run is removed), for a
   * student whose document would hold checks withheld from them
   */
  writeResults?: boolean;
}

export interface GradingOutputs {
  /** the document the reports were drawn from: `doc`, or what was written instead of it */
  doc: ResultsDocument;
  /** where results.json is (none there when `writeResults` was false) */
  resultsPath: string;
  htmlPath: string;
  markdownPath: string;
  /** why the reports are the plain fallback ones, when they are */
  reportFallback?: string;
}

/** A document that would not validate, or held a value JSON cannot carry. */
const isUnwritable = (e: unknown) => isReluLabError(e, 'results-invalid') || e instanceof RangeError || e instanceof TypeError;

/**
 * Writes `doc`, or, when it does not validate, the same grading without its
 * plot data (drawn from student code, the likeliest culprit), or else a
 * grader-error document that says why: a results.json is always written.
 * Returns the document written.
 */
async function writeSomeResults(resultsPath: string, doc: ResultsDocument, opts: GradingOutputOptions): Promise<ResultsDocument> {
  let why: string;
  try {
    await writeResultsAtomically(resultsPath, doc);
    return doc;
  } catch (e) {
    if (!isUnwritable(e)) throw e;
    why = e instanceof Error ? e.message : String(e);
  }
  if (doc.plots !== undefined) {
    const { plots: _dropped, ...withoutPlots } = doc;
    try {
      await writeResultsAtomically(resultsPath, withoutPlots);
      return withoutPlots;
    } catch (e) {
      if (!isUnwritable(e)) throw e;
    }
  }
  const message = `the graded results could not be written (${why.slice(0, 2_000)})`;
  const failed = await failedResults(
    opts.manifest,
    opts.assignment,
    doc.submission,
    { kind: 'grader-error', code: 'results-invalid', message },
    doc.timings.totalMs,
  );
  await writeResultsAtomically(resultsPath, failed);
  return failed;
}

/** Writes results.json (unless told not to) and report.html and report.md into `outDir`. */
export async function writeGradingOutputs(doc: ResultsDocument, outDir: string, opts: GradingOutputOptions): Promise<GradingOutputs> {
  const resultsPath = path.join(outDir, RESULTS_FILE);
  let written = doc;
  if (opts.writeResults === false) await fs.rm(resultsPath, { force: true });
  else written = await writeSomeResults(resultsPath, doc, opts);
  const deadline = opts.manifest.deadline ? new Date(opts.manifest.deadline) : null;
  const { htmlPath, markdownPath, fallback } = await writeReports(written, outDir, {
    assignment: opts.assignment,
    audience: opts.audience,
    now: opts.now ?? new Date(),
    deadline,
  });
  const outputs = { doc: written, resultsPath, htmlPath, markdownPath };
  return fallback === undefined ? outputs : { ...outputs, reportFallback: fallback };
}
