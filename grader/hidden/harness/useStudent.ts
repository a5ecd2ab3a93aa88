// Opens one submission's sandbox before its checks and closes it after them.
import { afterAll, beforeAll } from 'vitest';
import type { JobContext } from './job.ts';
import { StudentCode } from './StudentCode.ts';

/** Returns a getter for `job`'s StudentCode (valid inside its tests). */
export function useStudent(job: JobContext): () => StudentCode {
  let student: StudentCode | undefined;
  beforeAll(async () => {
    student = await StudentCode.open(job);
  });
  afterAll(async () => {
    await student?.close();
  });
  return () => {
    if (!student) throw new Error('student code is opened in beforeAll; call the getter inside a test');
    return student;
  };
}
