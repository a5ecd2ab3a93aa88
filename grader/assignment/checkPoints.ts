// Points live in one place, the manifest: a task's points are shared among
// its checks in proportion to their weights.
import type { CheckDeclaration } from './check.ts';

/** Each check's points: its task's points times its weight over the sum of the task's weights. */
export function checkPoints(checks: readonly CheckDeclaration[], taskPoints: (task: string) => number): Map<string, number> {
  const weightOf = new Map<string, number>();
  for (const c of checks) weightOf.set(c.task, (weightOf.get(c.task) ?? 0) + c.weight);
  return new Map(checks.map((c) => [c.id, (taskPoints(c.task) * c.weight) / (weightOf.get(c.task) ?? 1)]));
}
