// When a worker could not grade a student (it died, or overran the hard
// deadline), the parent writes that student's results.json and reports
// itself: score 0, outcome grader-error, and why.
import path from 'node:path';
import { failedResults } from '../engine/failedResults.ts';
import type { Manifest } from '../manifest/types.ts';
import { writeReports } from '../report/renderReports.ts';
import { submissionIdentity } from '../results/submissionIdentity.ts';
import type { ResultsDocument } from '../results/types.ts';
import { writeResultsAtomically } from '../results/writeResultsAtomically.ts';
import type { GradeItem } from './pool/protocol.ts';

export async function recordFailure(item: GradeItem, manifest: Manifest, message: string): Promise<ResultsDocument> {
  const identity = await submissionIdentity(item.gradeDir);
  const doc = await failedResults(manifest, { ...identity, name: item.id, path: item.originalPath, git: item.git }, { kind: 'grader-error', code: 'grader-failed', message }, 0);
  await writeResultsAtomically(path.join(item.outDir, 'results.json'), doc);
  await writeReports(doc, item.outDir, { audience: 'student', now: new Date(), deadline: manifest.deadline ? new Date(manifest.deadline) : null });
  return doc;
}
