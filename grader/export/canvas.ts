// Gradebook imports for learning management systems, from the gradebook rows.
//
// canvas.csv: Canvas's gradebook import columns (Student, ID, SIS User ID,
// SIS Login ID, Section, then one column per assignment, here the
// assignment's title), a "Points Possible" row, and one row per student with
// the id as Student and SIS Login ID. Students without a score (not graded,
// or grading failed) have an empty cell, which Canvas leaves unchanged.
//
// moodle.csv: for Moodle's "CSV file" grade import: a username column to
// map to the user, the grade, and a feedback column.
import { csvDocument, type Cell } from '../bulk/gradebook/csv.ts';
import { lateText } from '../bulk/late/lateInfo.ts';
import type { GradebookRow } from '../bulk/types.ts';

const hasScore = (row: GradebookRow) => row.status === 'graded' || row.status === 'deadline';

export function canvasCsv(rows: readonly GradebookRow[], assignment: string, maxScore: number): string {
  const header: Cell[] = ['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section', assignment];
  const possible: Cell[] = ['    Points Possible', '', '', '', '', maxScore];
  return csvDocument([header, possible, ...rows.map((r): Cell[] => [r.student, '', '', r.student, '', hasScore(r) ? r.score : ''])]);
}

export function moodleCsv(rows: readonly GradebookRow[], assignment: string): string {
  const header: Cell[] = ['username', assignment, 'feedback'];
  return csvDocument([header, ...rows.map((r): Cell[] => [r.student, hasScore(r) ? r.score : '', feedback(r)])]);
}

function feedback(row: GradebookRow): string {
  const parts = [hasScore(row) ? `relu-lab: ${row.rawScore} / ${row.max}` : `not graded (${row.status})`];
  const late = lateText(row.late);
  if (late) parts.push(late);
  if (row.status !== 'graded' && row.message) parts.push(row.message);
  return parts.join('; ');
}
