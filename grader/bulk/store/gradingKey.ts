// What decides whether --resume may keep a student's earlier grade: the same
// submission graded by the same grader under the same manifest and the same
// hidden checks. A grading is kept only when every part of its key matches;
// a record written before a part existed never matches, so it is graded again.
import { createHash } from 'node:crypto';
import { declarationOf } from '../../assignment/check.ts';
import { loadAssignment, loadHiddenFace } from '../../assignment/loadAssignment.ts';
import { DEFAULTS } from '../../core/defaults.ts';
import { graderVersion } from '../../engine/graderVersion.ts';
import { manifestHash } from '../../manifest/manifestHash.ts';
import type { Manifest } from '../../manifest/types.ts';
import type { GradingKey } from '../types.ts';

/** What a hidden face that could not be loaded is keyed as: its students' grading fails, and is retried. */
export const CHECKS_UNAVAILABLE = 'hidden-face-not-loaded';

/** The key of this run, every part but the submission's content hash. */
export async function runGradingKey(manifest: Manifest, assignmentPath: string = DEFAULTS.assignmentPath): Promise<Omit<GradingKey, 'contentHash'>> {
  return {
    graderVersion: await graderVersion(),
    manifestHash: manifestHash(manifest),
    checksHash: await hiddenChecksHash(assignmentPath),
    seed: manifest.fastCheck.seed,
    numRuns: manifest.fastCheck.numRuns,
  };
}

/**
 * sha256 (hex) of the hidden checks' declarations, in their order: ids,
 * tasks, weights, names, the functions they call, visibility and hints.
 * Their bodies are covered by the grader's version.
 */
export async function hiddenChecksHash(assignmentPath: string): Promise<string> {
  try {
    const assignment = await loadAssignment(assignmentPath);
    const hidden = await loadHiddenFace(assignment.hiddenEntry);
    return createHash('sha256')
      .update(JSON.stringify(hidden.checks.map((c) => declarationOf(c))))
      .digest('hex');
  } catch {
    return CHECKS_UNAVAILABLE;
  }
}

/** Both keys say the same grading: same submission, grader, manifest, hidden checks, seed and runs. */
export function sameGradingKey(previous: Partial<GradingKey>, key: GradingKey): boolean {
  return (
    previous.contentHash === key.contentHash &&
    previous.graderVersion === key.graderVersion &&
    previous.manifestHash === key.manifestHash &&
    previous.checksHash === key.checksHash &&
    key.checksHash !== CHECKS_UNAVAILABLE &&
    previous.seed === key.seed &&
    previous.numRuns === key.numRuns
  );
}
