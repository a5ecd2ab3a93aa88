// GitHub Classroom's grader output: base64 of
// `{ version: 1, status, max_score, tests: [...] }`, set as the step output
// `result` for its reporter. Points are those the student's report shows, so
// the total posted and the total in the summary agree.
import type { CiView } from './ciView.ts';

export interface ClassroomTest {
  name: string;
  status: 'pass' | 'fail' | 'error';
  score: number;
  message: string;
  test_code: string;
  filename: string;
  line_no: number;
  /** milliseconds */
  duration: number;
}

export interface ClassroomResult {
  version: 1;
  status: 'pass' | 'fail' | 'error';
  max_score: number;
  tests: ClassroomTest[];
}

export function classroomResult(view: CiView): ClassroomResult {
  const tests = view.shown.map(
    (t): ClassroomTest => ({
      name: `${t.task.title}: ${t.test.name}`,
      status: t.test.status === 'passed' ? 'pass' : t.test.status === 'failed' ? 'fail' : 'error',
      score: t.earned,
      message: t.test.status === 'passed' ? '' : `${t.test.message ?? t.test.status}\nhint: ${t.test.hint}`,
      test_code: t.test.id,
      filename: t.file,
      line_no: t.line ?? 0,
      duration: t.test.durationMs,
    }),
  );
  const status = view.doc.outcome.kind === 'grader-error' ? 'error' : tests.every((t) => t.status === 'pass') ? 'pass' : 'fail';
  return { version: 1, status, max_score: view.score.possible, tests };
}

export function encodeClassroomResult(result: ClassroomResult): string {
  return Buffer.from(JSON.stringify(result), 'utf8').toString('base64');
}
