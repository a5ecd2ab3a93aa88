// What the manifest schema cannot say: every module exactly once, each in its
// own file, and late policies that fit the deadline.
import { MODULES } from '../core/defaults.ts';
import type { ManifestFile } from './types.ts';

/** Problems of a schema-valid manifest, one `<JSON path>: <reason>` line each; none when it is sound. */
export function checkManifest(m: ManifestFile): string[] {
  const problems: string[] = [];
  const firstIndex = new Map<string, number>();
  m.tasks.forEach((task, i) => {
    const earlier = firstIndex.get(task.id);
    if (earlier !== undefined) {
      problems.push(`/tasks/${i}/id: "${task.id}" is already the id of /tasks/${earlier}; each task id must be unique`);
    } else {
      firstIndex.set(task.id, i);
    }
    const expected = `exercises/${task.id}.ts`;
    if (task.file !== expected) problems.push(`/tasks/${i}/file: must be "${expected}", the file of module "${task.id}"`);
  });
  for (const module of MODULES) {
    if (!firstIndex.has(module)) {
      problems.push(`/tasks: no task for module "${module}"; each of ${MODULES.join(', ')} must appear exactly once`);
    }
  }
  problems.push(...checkLatePolicy(m));
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
