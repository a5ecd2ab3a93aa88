// Tasks whose tests could not run because a file did not compile: the task's
// own file, or one it imports (then every test of the task errored with a
// "did not compile" message). Their tests are listed briefly, not one by one.
import type { Diagnostic, TaskResult, TestResult } from '../results/types.ts';

export interface CompileBlock {
  /** the files with compile errors this task's tests stumbled on */
  files: string[];
  tests: TestResult[];
}

export function compileBlocked(tasks: TaskResult[], shownTests: TestResult[], diagnostics: Diagnostic[]): Map<string, CompileBlock> {
  const broken = [...new Set(diagnostics.map((d) => d.file))];
  const blocks = new Map<string, CompileBlock>();
  if (broken.length === 0) return blocks;
  for (const task of tasks) {
    const failing = shownTests.filter((t) => t.task === task.id && t.status !== 'passed');
    if (failing.length === 0 || !failing.every((t) => t.status === 'errored' || t.status === 'not-run')) continue;
    const own = broken.includes(task.file);
    if (!own && !failing.every((t) => /did not compile/.test(t.message ?? ''))) continue;
    const files = own ? [task.file] : broken.filter((f) => failing.some((t) => (t.message ?? '').includes(f)));
    blocks.set(task.id, { files: files.length > 0 ? files : broken, tests: failing });
  }
  return blocks;
}
