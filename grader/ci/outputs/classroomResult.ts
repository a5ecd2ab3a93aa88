// GitHub Classroom's grader output for a CI run (the format and its encoding
// are in grader/export/classroom.ts): built from the CI view, so it lists
// only the tests the audience may see, with the line of the function each
// one checks, and the total posted equals the total in the summary.
import type { ClassroomResult, ClassroomTest } from '../../export/classroom.ts';
import type { CiView } from './ciView.ts';

export { encodeClassroom as encodeClassroomResult } from '../../export/classroom.ts';

export function classroomResult(view: CiView): ClassroomResult {
  const tests = view.shown.map((t): ClassroomTest => ({
    name: `${t.task.title}: ${t.test.name}`,
    status: t.test.status === 'passed' ? 'pass' : t.test.status === 'failed' ? 'fail' : 'error',
    score: t.earned,
    message: t.test.status === 'passed' ? '' : `${t.test.message ?? t.test.status}\nhint: ${t.test.hint}`,
    test_code: t.test.id,
    filename: t.file,
    line_no: t.line ?? 0,
    duration: t.test.durationMs,
  }));
  const status = view.doc.outcome.kind === 'grader-error' ? 'error' : tests.every((t) => t.status === 'pass') ? 'pass' : 'fail';
  return { version: 1, status, max_score: view.score.possible, tests };
}
