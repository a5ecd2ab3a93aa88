// Registers one check of the hidden face as a Vitest test named by its id.
import { test } from 'vitest';
import type { Check } from '../../assignment/check.ts';
import { beginCheck, useMemoDir } from '../../harness/samples.ts';
import type { StudentCode } from '../../harness/StudentCode.ts';
import type { CarriedForward } from '../../results/types.ts';

declare module 'vitest' {
  interface TaskMeta {
    /** the check passed on the student's own upstream results (harness/carried.ts) */
    carriedForward?: CarriedForward;
  }
}

/**
 * Declares `check` for the submission `student` gives (valid inside tests).
 * Each check starts with a working sandbox, whatever the one before did.
 */
export function registerCheck(check: Check, student: () => StudentCode): void {
  test(check.id, async ({ task }) => {
    beginCheck(check.id);
    useMemoDir(student().job.memoDir);
    await student().freshForCheck();
    await check.run(student());
    const [carried] = student().carriedNotes;
    if (carried) task.meta.carriedForward = carried;
  });
}
