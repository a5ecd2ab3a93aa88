// GitHub Classroom's grader output for a CI run (the format and its encoding
// are in grader/export/classroom.ts): built from the CI view, so it lists
// only the tests the audience may see, with the line of the function each
// one checks, and the total posted equals the total in the summary. Tests
// withheld from the reader are one entry per group, worth 0 points, that
// says how many there are and when they are graded or shown.
import type { ClassroomResult, ClassroomTest } from '../../export/classroom.ts';
import { formatNumber } from '../../core/formatValue.ts';
import type { CiView } from './ciView.ts';
import { gradedLaterClause, type WithheldCount } from '../../report/summarySentence.ts';

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
  // what is graded later, named where Classroom lists the tests: its total is never a bare one
  const later = view.withheldGroups.map((g): ClassroomTest => ({
    name: view.mode.kind === 'visible' ? gradedLaterClause(g) : withheldClause(g),
    status: 'pass',
    score: 0,
    message:
      view.mode.kind === 'visible'
        ? 'Not run here: these checks are part of the hidden tests, which run when your work is graded; the total above counts the visible tests only.'
        : 'Graded, and not shown yet: the total above counts only the tests you may see.',
    test_code: `withheld-${g.visibility}`,
    filename: '',
    line_no: 0,
    duration: 0,
  }));
  return { version: 1, status, max_score: view.score.possible, tests: [...tests, ...later] };
}

function withheldClause(g: WithheldCount): string {
  const when = g.visibility === 'after_due_date' ? 'shown after the deadline' : g.visibility === 'hidden' ? 'not shown' : 'shown when grades are published';
  return `${g.count} hidden ${g.count === 1 ? 'test' : 'tests'} (${formatNumber(g.points)} points): ${when}`;
}
