// Registers one hidden check as a Vitest test named by its id.
import { test } from 'vitest';
import { getCheck } from '../../hidden/catalog.ts';
import { beginCheck, useMemoDir } from '../../harness/samples.ts';
import type { StudentCode } from '../../harness/StudentCode.ts';

/**
 * Declares the body of check `id` (its metadata lives in grader/hidden/checks/).
 * Each check starts with a working sandbox, whatever the one before did.
 */
export function check(id: string, student: () => StudentCode, body: () => Promise<void>): void {
  test(getCheck(id).id, async () => {
    beginCheck(id);
    useMemoDir(student().job.memoDir);
    await student().freshForCheck();
    await body();
  });
}
