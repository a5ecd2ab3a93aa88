// Grades one submission and writes what came of it (writeGradingOutputs):
// results.json always, even when grading itself failed, and the reports.
import { performance } from 'node:perf_hooks';
import type { Assignment } from '../assignment/Assignment.ts';
import { isReluLabError } from '../core/errors.ts';
import type { Manifest } from '../manifest/types.ts';
import { submissionIdentity } from '../intake/submissionIdentity.ts';
import type { ResultsDocument } from '../results/types.ts';
import { failedResults } from './failedResults.ts';
import type { Grader } from './Grader.ts';
import { type GradingOutputs, writeGradingOutputs } from './writeGradingOutputs.ts';

/**
 * Grades `submissionDir` with `grader` (or, when grading itself fails, records
 * why) and writes results.json, report.html and report.md into `outDir`.
 */
export async function gradeToFolder(
  grader: Grader | (() => Promise<Grader>),
  graded: { manifest: Manifest; assignment: Assignment },
  submissionDir: string,
  outDir: string,
): Promise<GradingOutputs> {
  const started = performance.now();
  let doc: ResultsDocument;
  try {
    const g = typeof grader === 'function' ? await grader() : grader;
    doc = await g.grade(submissionDir);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const code = isReluLabError(e) ? e.code : 'internal';
    doc = await failedResults(
      graded.manifest,
      graded.assignment,
      await submissionIdentity(submissionDir),
      { kind: 'grader-error', code, message },
      performance.now() - started,
    );
  }
  return writeGradingOutputs(doc, outDir, { ...graded, audience: 'student' });
}
