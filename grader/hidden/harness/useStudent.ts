// Opens the sandbox once per suite file and closes it afterwards.
import { afterAll, beforeAll } from 'vitest';
import { StudentCode } from './StudentCode.ts';

/** Returns a getter for this file's StudentCode (valid inside tests). */
export function useStudent(): () => StudentCode {
  let student: StudentCode | undefined;
  beforeAll(async () => {
    student = await StudentCode.open();
  });
  afterAll(async () => {
    await student?.close();
  });
  return () => {
    if (!student) throw new Error('student code is opened in beforeAll; call the getter inside a test');
    return student;
  };
}
