// Not a check: after a submission's checks, draw the data for its report's
// pictures from its own functions and hand it to the main process as the
// test's metadata (plain numbers; it earns and costs no points).
import { test } from 'vitest';
import type { PlotsData } from '../../results/types.ts';
import { collectPlots } from '../../course/collectPlots.ts';
import type { StudentCode } from '../../harness/StudentCode.ts';

export const PLOTS_TEST = 'relu-lab.plots';

declare module 'vitest' {
  interface TaskMeta {
    reluLabPlots?: PlotsData;
  }
}

export function plotsStep(student: () => StudentCode): void {
  test(PLOTS_TEST, async ({ task, skip }) => {
    if (!student().job.plots) return skip();
    await student().freshForCheck();
    task.meta.reluLabPlots = await collectPlots(student().plotSource());
  });
}
