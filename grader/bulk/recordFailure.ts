// When a worker could not grade a student (it died, or overran the hard
// deadline), the parent writes that student's results.json and reports
// itself: score 0, outcome grader-error, and why.
import { loadAssignment } from '../assignment/loadAssignment.ts';
import { DEFAULTS } from '../core/defaults.ts';
import { failedResults } from '../engine/failedResults.ts';
import { writeGradingOutputs } from '../engine/writeGradingOutputs.ts';
import type { Manifest } from '../manifest/types.ts';
import { submissionIdentity } from '../intake/submissionIdentity.ts';
import type { ResultsDocument } from '../results/types.ts';
import type { GradeItem } from './pool/protocol.ts';
import { withGuideHref } from './guide/withGuideHref.ts';

/** `assignmentPath` names the assignment the workers grade (its checks are listed as not run; its public face draws the report). */
export async function recordFailure(
  item: GradeItem,
  manifest: Manifest,
  message: string,
  assignmentPath: string = DEFAULTS.assignmentPath,
): Promise<ResultsDocument> {
  const assignment = await loadAssignment(assignmentPath);
  const identity = await submissionIdentity(item.gradeDir);
  const doc = await failedResults(
    manifest,
    assignment,
    { ...identity, name: item.id, path: item.originalPath, git: item.git },
    { kind: 'grader-error', code: 'grader-failed', message },
    0,
  );
  return (await writeGradingOutputs(doc, item.outDir, { assignment: withGuideHref(assignment, item.guideHref), manifest, audience: 'student' })).doc;
}
