// What the grading process knows of every check before a run starts: its
// declaration (from the assignment's hidden face) and its points (from the
// manifest). A check that never reports is `not-run` and earns nothing, so the
// catalog, not the run, says what a submission is graded on.
import { checkPoints } from '../assignment/checkPoints.ts';
import { type CheckDeclaration, declarationOf } from '../assignment/check.ts';
import type { HiddenFace } from '../assignment/Assignment.ts';
import { ReluLabError } from '../core/errors.ts';
import type { Manifest } from '../manifest/types.ts';

/** A check as results are assembled from it: its declaration and its share of its task's points. */
export interface CatalogEntry extends CheckDeclaration {
  points: number;
}

/** Every check of `hidden`, in its order, with points from `manifest`; throws when a check names a task the manifest lacks. */
export function catalogOf(hidden: Pick<HiddenFace, 'checks'>, manifest: Manifest): CatalogEntry[] {
  const taskPoints = new Map(manifest.tasks.map((t) => [t.id, t.points]));
  const strays = hidden.checks.filter((c) => !taskPoints.has(c.task));
  if (strays.length > 0) {
    throw new ReluLabError(
      'assignment-invalid',
      `${strays.map((c) => `check ${c.id} belongs to task "${c.task}"`).join('; ')}, which ${manifest.path} does not list. ` +
        `Give each check one of the manifest's tasks (${[...taskPoints.keys()].join(', ')}), or add the task to the manifest.`,
    );
  }
  const points = checkPoints(hidden.checks, (task) => taskPoints.get(task) ?? 0);
  return hidden.checks.map((c) => ({ ...declarationOf(c), points: points.get(c.id) ?? 0 }));
}
