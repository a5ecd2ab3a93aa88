// What the manifest schema cannot say: each task once, each in its own file,
// points in hundredths (what checks' shares and scores are kept to),
// late policies that fit the deadline, a limit given under one name only,
// and, once the assignment is known, a task for each of its modules and none
// for a module it does not have.
import type { ManifestFile } from './types.ts';

/**
 * Problems of a schema-valid manifest, one `<JSON path>: <reason>` line each;
 * none when it is sound. `moduleNames`: the assignment's modules, each of
 * which must be a task (left out, the tasks are not matched to modules).
 */
export function checkManifest(m: ManifestFile, moduleNames?: readonly string[]): string[] {
  const problems: string[] = [];
  const firstIndex = new Map<string, number>();
  m.tasks.forEach((task, i) => {
    const earlier = firstIndex.get(task.id);
    if (earlier !== undefined) {
      problems.push(`/tasks/${i}/id: "${task.id}" is already the id of /tasks/${earlier}; each task id must be unique`);
    } else {
      firstIndex.set(task.id, i);
    }
    if (moduleNames && !moduleNames.includes(task.id)) {
      problems.push(`/tasks/${i}/id: "${task.id}" is not a module of the assignment; its modules are ${moduleNames.join(', ')}`);
    }
    if (Math.abs(task.points * 100 - Math.round(task.points * 100)) > 1e-6) {
      problems.push(
        `/tasks/${i}/points: ${task.points} has more than two decimals; points are kept in hundredths, so give e.g. ${Math.round(task.points * 100) / 100}`,
      );
    }
    const expected = `exercises/${task.id}.ts`;
    if (task.file !== expected) problems.push(`/tasks/${i}/file: must be "${expected}", the file of module "${task.id}"`);
  });
  for (const module of moduleNames ?? []) {
    if (!firstIndex.has(module)) {
      problems.push(`/tasks: no task for module "${module}"; each of ${moduleNames!.join(', ')} must appear exactly once`);
    }
  }
  problems.push(...checkLatePolicy(m));
  if (m.limits?.groupTimeoutMs !== undefined && m.limits.batchTimeoutMs !== undefined) {
    problems.push('/limits: gives both groupTimeoutMs and batchTimeoutMs (its old name); keep only groupTimeoutMs');
  }
  return problems;
}

function checkLatePolicy(m: ManifestFile): string[] {
  const policy = m.latePolicy;
  if (policy.kind === 'none') return [];
  if (m.deadline === null) {
    return [`/latePolicy: "${policy.kind}" needs a deadline; set /deadline or use { "kind": "none" }`];
  }
  if (policy.kind === 'accept-until' && Date.parse(policy.lateDeadline) <= Date.parse(m.deadline)) {
    return [`/latePolicy/lateDeadline: must be after /deadline (${m.deadline})`];
  }
  return [];
}
