// The results document written when relu-lab itself could not grade: every
// check not-run, score 0, and the reason, so that a document always exists.
import type { Assignment } from '../assignment/Assignment.ts';
import { loadHiddenFace } from '../assignment/loadAssignment.ts';
import type { Manifest } from '../manifest/types.ts';
import type { Outcome, ResultsDocument, SubmissionIdentity } from '../results/types.ts';
import { assembleResults } from './assembleResults.ts';
import { type CatalogEntry, catalogOf } from './catalog.ts';
import { graderVersion } from './graderVersion.ts';

export async function failedResults(
  manifest: Manifest,
  assignment: Pick<Assignment, 'hiddenEntry'>,
  identity: SubmissionIdentity,
  outcome: Extract<Outcome, { kind: 'grader-error' }>,
  totalMs: number,
): Promise<ResultsDocument> {
  return assembleResults({
    manifest,
    catalog: await catalogOrNone(manifest, assignment),
    reported: new Map(),
    notRunReason: `relu-lab could not grade this submission: ${outcome.message}`,
    identity,
    graderVersion: await graderVersion(),
    outcome,
    diagnostics: [],
    timings: { compileMs: 0, testsMs: 0, totalMs: Math.round(totalMs) },
    gradedAt: new Date(),
  });
}

/** The checks, each not run; none when the hidden face itself is what failed (the outcome's message says so). */
async function catalogOrNone(manifest: Manifest, assignment: Pick<Assignment, 'hiddenEntry'>): Promise<CatalogEntry[]> {
  try {
    return catalogOf(await loadHiddenFace(assignment.hiddenEntry), manifest);
  } catch {
    return [];
  }
}
