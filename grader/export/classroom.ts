// GitHub Classroom's grader output: a step output `result` holding base64
// of { version: 1, status, max_score, tests }. The reporter adds up the
// tests' scores against max_score, so they are relu-lab's points exactly.
import type { ResultsDocument, TestStatus } from '../results/types.ts';
import { testOutput } from './testOutput.ts';

export interface ClassroomTest {
  name: string;
  status: 'pass' | 'fail' | 'error';
  score: number;
  message: string;
  test_code: string;
  filename: string;
  line_no: number;
  duration: number;
}

export interface ClassroomResult {
  version: 1;
  status: 'pass' | 'fail' | 'error';
  max_score: number;
  tests: ClassroomTest[];
}

const STATUS: Record<TestStatus, ClassroomTest['status']> = { passed: 'pass', failed: 'fail', 'not-run': 'fail', errored: 'error', 'timed-out': 'error' };

export function classroomResult(doc: ResultsDocument): ClassroomResult {
  const files = new Map(doc.tasks.map((t) => [t.id, t.file]));
  const tests = doc.tests.map((test): ClassroomTest => ({
    name: test.name,
    status: STATUS[test.status],
    score: test.earned,
    message: testOutput(test, 1000),
    test_code: test.id,
    filename: files.get(test.task) ?? '',
    line_no: 0,
    duration: Math.round(test.durationMs),
  }));
  const status = doc.outcome.kind === 'grader-error' ? 'error' : tests.every((t) => t.status === 'pass') ? 'pass' : 'fail';
  return { version: 1, status, max_score: doc.score.possible, tests };
}

export function classroomFailure(message: string, maxScore: number): ClassroomResult {
  return {
    version: 1,
    status: 'error',
    max_score: maxScore,
    tests: [{ name: 'relu-lab grading', status: 'error', score: 0, message, test_code: 'relu-lab', filename: '', line_no: 0, duration: 0 }],
  };
}

/** The value of the step's `result` output. */
export function encodeClassroom(result: ClassroomResult): string {
  return Buffer.from(JSON.stringify(result), 'utf8').toString('base64');
}
