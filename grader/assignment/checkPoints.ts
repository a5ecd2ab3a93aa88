// Points live in one place, the manifest: a task's points are shared among
// its checks in proportion to their weights, in hundredths of a point, so
// that the checks of a task add up to its points exactly and the tasks to
// the total (the arithmetic is core/points.ts).
import { splitPoints } from '../core/points.ts';
import type { CheckDeclaration } from './check.ts';

/** Each check's points: its task's points split among the task's checks by weight (splitPoints). */
export function checkPoints(checks: readonly CheckDeclaration[], taskPoints: (task: string) => number): Map<string, number> {
  const byTask = new Map<string, CheckDeclaration[]>();
  for (const c of checks) byTask.set(c.task, [...(byTask.get(c.task) ?? []), c]);
  const points = new Map<string, number>();
  for (const [task, mine] of byTask) {
    const shares = splitPoints(
      taskPoints(task),
      mine.map((c) => c.weight),
    );
    mine.forEach((c, i) => points.set(c.id, shares[i]));
  }
  return new Map(checks.map((c) => [c.id, points.get(c.id) ?? 0]));
}
