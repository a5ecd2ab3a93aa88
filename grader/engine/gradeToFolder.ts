// Grades one submission and writes what came of it: results.json (always,
// even when grading failed) and the reports beside it.
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
  await writeResultsAtomically(resultsPath, doc);
  const deadline = manifest.deadline ? new Date(manifest.deadline) : null;
  const { htmlPath, markdownPath } = await writeReports(doc, outDir, { audience: 'student', now: new Date(), deadline });
  return { doc, resultsPath, htmlPath, markdownPath };
}
