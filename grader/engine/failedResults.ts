// The results document written when relu-lab itself could not grade: every
// check not-run, score 0, and the reason, so that a document always exists.
import { CATALOG } from '../hidden/catalog.ts';
import type { Manifest } from '../manifest/types.ts';
import type { Outcome, ResultsDocument, SubmissionIdentity } from '../results/types.ts';
import { assembleResults } from './assembleResults.ts';
import { graderVersion } from './graderVersion.ts';

export async function failedResults(
  manifest: Manifest,
  identity: SubmissionIdentity,
  outcome: Extract<Outcome, { kind: 'grader-error' }>,
  totalMs: number,
): Promise<ResultsDocument> {
  return assembleResults({
    manifest,
    catalog: CATALOG,
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
