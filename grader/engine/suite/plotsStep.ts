// Not a check: after a submission's checks, the hidden face draws the data
// for its report's pictures from the student's own functions, handed to the
// main process as the test's metadata (plain JSON; it earns and costs no
// points). What the data is, only the assignment knows.
import { test } from 'vitest';
import type { HiddenFace } from '../../assignment/Assignment.ts';
import type { StudentCode } from '../../harness/StudentCode.ts';

/** The plots step's test name; HiddenRunReporter reads its metadata instead of counting it as a check. */
export const PLOTS_TEST = 'relu-lab.plots';

declare module 'vitest' {
  interface TaskMeta {
    assignmentPlots?: unknown;
  }
}

/** Registers the plots step for `student`; nothing when the hidden face draws no plots. */
export function plotsStep(hidden: HiddenFace, student: () => StudentCode): void {
  const plots = hidden.plots;
  if (!plots) return;
  test(PLOTS_TEST, async ({ task, skip }) => {
    if (!student().job.plots) return skip();
    await student().freshForCheck();
    task.meta.assignmentPlots = await plots(student().plotSource());
  });
}
