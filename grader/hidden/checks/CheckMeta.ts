// Typed metadata of a hidden test. It lives apart from the test bodies so the
// trusted main process knows every test, its task and its points before the
// run starts: a test that never reports is `not-run` and earns nothing.
import type { ModuleName } from '../../core/defaults.ts';
import type { Visibility } from '../../results/types.ts';

export interface CheckMeta {
  /** stable id, `<task>.<kebab-name>`, also the Vitest test's name */
  id: string;
  task: ModuleName;
  /** what is checked, in one sentence a student can read */
  name: string;
  points: number;
  /** when absent, the manifest's default visibility applies */
  visibility?: Visibility;
  /** what to look at when it fails; may link to the student guide */
  hint: string;
}

/** Declares the checks of one task; ids are prefixed with the task. */
export function defineChecks(task: ModuleName, checks: Omit<CheckMeta, 'task'>[]): CheckMeta[] {
  return checks.map((c) => ({ ...c, task, id: `${task}.${c.id}` }));
}
