// What in a manifest lowers what the fixture corpus can catch, though the
// manifest is valid: fewer fast-check runs than the corpus was validated at,
// or points that leave a task or a check worth nothing (a check worth 0 points
// cannot change a grade, whatever it finds). relu-lab validate prints each
// as a warning and its exit code does not change.
import { DEFAULTS } from '../core/defaults.ts';
import type { CatalogEntry } from '../engine/catalog.ts';
import type { Manifest } from '../manifest/types.ts';

/** One line per weakness of `manifest` (with its checks' points from `catalog`, when known); none for a sound one. */
export function manifestWarnings(manifest: Manifest, catalog: readonly Pick<CatalogEntry, 'id' | 'task' | 'points'>[] = []): string[] {
  const warnings: string[] = [];
  const { numRuns } = manifest.fastCheck;
  if (numRuns < DEFAULTS.validatedNumRuns) {
    warnings.push(
      `warning: ${manifest.path} asks for fastCheck.numRuns ${numRuns}, fewer than the ${DEFAULTS.validatedNumRuns} the fixture corpus was validated at; ` +
        `property checks may miss mistakes they would catch. Raise numRuns to at least ${DEFAULTS.validatedNumRuns}.`,
    );
  }
  const zeroTasks = new Set(manifest.tasks.filter((t) => t.points <= 0).map((t) => t.id));
  for (const task of zeroTasks) {
    warnings.push(`warning: task "${task}" of ${manifest.path} is worth 0 points; no mistake in it can cost a student anything. Give it points.`);
  }
  for (const check of catalog) {
    if (check.points <= 0 && !zeroTasks.has(check.task)) {
      warnings.push(
        `warning: check ${check.id} is worth 0 points (task "${check.task}" has too few points to share among its checks); what it finds cannot change a grade.`,
      );
    }
  }
  return warnings;
}
