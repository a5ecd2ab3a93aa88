// Grades one submission and writes what came of it: results.json (always,
// even when grading failed, or when the graded document would not validate)
// and the reports beside it (the plain fallback when the full ones cannot be
// drawn; see writeReports).
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { isReluLabError } from '../core/errors.ts';
import type { Manifest } from '../manifest/types.ts';
import { writeReports } from '../report/renderReports.ts';
import { submissionIdentity } from '../results/submissionIdentity.ts';
import type { ResultsDocument } from '../results/types.ts';
import { writeResultsAtomically } from '../results/writeResultsAtomically.ts';
import { failedResults } from './failedResults.ts';
import type { Grader } from './Grader.ts';

export interface GradedFolder {
  doc: ResultsDocument;
  resultsPath: string;
  htmlPath: string;
  markdownPath: string;
  /** why the reports are the plain fallback ones, when they are */
  reportFallback?: string;
}

/**
 * Writes `doc`, or, when it does not validate, the same grading without its
 * plot data (drawn from student code, the likeliest culprit), or else a
 * grader-error document that says why: a results.json is always written.
 * Returns the document written.
 */
async function writeSomeResults(resultsPath: string, doc: ResultsDocument, fallback: (message: string) => Promise<ResultsDocument>): Promise<ResultsDocument> {
  let why: string;
  try {
    await writeResultsAtomically(resultsPath, doc);
    return doc;
  } catch (e) {
    if (!isReluLabError(e, 'results-invalid') && !(e instanceof RangeError) && !(e instanceof TypeError)) throw e;
    why = e instanceof Error ? e.message : String(e);
  }
  if (doc.plots !== undefined) {
    const { plots: _dropped, ...withoutPlots } = doc;
    try {
      await writeResultsAtomically(resultsPath, withoutPlots);
      return withoutPlots;
    } catch (e) {
      if (!isReluLabError(e, 'results-invalid') && !(e instanceof RangeError) && !(e instanceof TypeError)) throw e;
    }
  }
  const failed = await fallback(`the graded results could not be written (${why.slice(0, 2_000)})`);
  await writeResultsAtomically(resultsPath, failed);
  return failed;
}

/**
 * Grades `submissionDir` with `grader` (or, when grading itself fails, records
 * why) and writes results.json, report.html and report.md into `outDir`.
 */
export async function gradeToFolder(
  grader: Grader | (() => Promise<Grader>),
  manifest: Manifest,
  submissionDir: string,
  outDir: string,
): Promise<GradedFolder> {
  const started = performance.now();
  let doc: ResultsDocument;
  try {
    const g = typeof grader === 'function' ? await grader() : grader;
    doc = await g.grade(submissionDir);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const code = isReluLabError(e) ? e.code : 'internal';
    doc = await failedResults(manifest, await submissionIdentity(submissionDir), { kind: 'grader-error', code, message }, performance.now() - started);
  }
  const resultsPath = path.join(outDir, 'results.json');
  doc = await writeSomeResults(resultsPath, doc, async (message) =>
    failedResults(manifest, await submissionIdentity(submissionDir), { kind: 'grader-error', code: 'results-invalid', message }, performance.now() - started),
  );
  const deadline = manifest.deadline ? new Date(manifest.deadline) : null;
  const { htmlPath, markdownPath, fallback } = await writeReports(doc, outDir, { audience: 'student', now: new Date(), deadline });
  return fallback === undefined ? { doc, resultsPath, htmlPath, markdownPath } : { doc, resultsPath, htmlPath, markdownPath, reportFallback: fallback };
}
