// Registers one hidden check as a Vitest test named by its id.
import { test } from 'vitest';
import { getCheck } from '../catalog.ts';

/** Declares the body of check `id` (its metadata lives in grader/hidden/checks/). */
export function check(id: string, body: () => Promise<void>): void {
  test(getCheck(id).id, body);
}
