// When a worker could not grade a student (it died, or overran the hard
// deadline), the parent writes that student's results.json and reports
// itself: score 0, outcome grader-error, and why.
import type { Assignment } from '../assignment/Assignment.ts';
import { failedResults } from '../engine/failedResults.ts';
import { writeGradingOutputs } from '../engine/writeGradingOutputs.ts';
import type { Manifest } from '../manifest/types.ts';
import { submissionIdentity } from '../results/submissionIdentity.ts';
import type { ResultsDocument } from '../results/types.ts';
import type { GradeItem } from './pool/protocol.ts';

export async function recordFailure(item: GradeItem, graded: { manifest: Manifest; assignment: Assignment }, message: string): Promise<ResultsDocument> {
  const identity = await submissionIdentity(item.gradeDir);
  const doc = await failedResults(graded.manifest, graded.assignment, { ...identity, name: item.id, path: item.originalPath, git: item.git }, { kind: 'grader-error', code: 'grader-failed', message }, 0);
  return (await writeGradingOutputs(doc, item.outDir, { ...graded, audience: 'student' })).doc;
}
