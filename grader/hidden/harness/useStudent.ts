// Gives each suite the student code of the submission being graded. The
// hidden suites run with isolate: false, so suites in one worker share one
// StudentCode (one sandbox process) per submission instead of starting
// their own; a new submission closes the previous one's.
import { beforeAll, inject } from 'vitest';
import { JOB_KEY } from './job.ts';
import { StudentCode } from './StudentCode.ts';

let shared: { codeDir: string; student: Promise<StudentCode> } | null = null;

async function studentFor(codeDir: string): Promise<StudentCode> {
  if (shared?.codeDir !== codeDir) {
    const previous = shared;
    shared = { codeDir, student: (async () => {
      await (await previous?.student)?.close();
      return StudentCode.open();
    })() };
  }
  return shared.student;
}

/** Returns a getter for the current submission's StudentCode (valid inside tests). */
export function useStudent(): () => StudentCode {
  let student: StudentCode | undefined;
  beforeAll(async () => {
    student = await studentFor(inject(JOB_KEY).codeDir);
  });
  return () => {
    if (!student) throw new Error('student code is opened in beforeAll; call the getter inside a test');
    return student;
  };
}
