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
import { csvDocument, type Cell } from './csv.ts';

/** One student's line in an LMS import, in words (a bulk run's gradebook row gives it). */
export interface LmsRow {
  student: string;
  /** after the late policy; null when nothing was graded, which leaves the LMS's cell unchanged */
  score: number | null;
  /** before the late policy */
  rawScore: number;
  max: number;
  /** what became of the submission (`graded`, `deadline`, `unrecognised`...) */
  status: string;
  /** lateness in a few words; empty when unknown */
  late: string;
  /** why it was not graded, or graded only in part; null otherwise */
  message: string | null;
}

export function canvasCsv(rows: readonly LmsRow[], assignment: string, maxScore: number): string {
  const header: Cell[] = ['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section', assignment];
  const possible: Cell[] = ['    Points Possible', '', '', '', '', maxScore];
  return csvDocument([header, possible, ...rows.map((r): Cell[] => [r.student, '', '', r.student, '', r.score])]);
}

export function moodleCsv(rows: readonly LmsRow[], assignment: string): string {
  const header: Cell[] = ['username', assignment, 'feedback'];
  return csvDocument([header, ...rows.map((r): Cell[] => [r.student, r.score, feedback(r)])]);
}

function feedback(row: LmsRow): string {
  const parts = [row.score !== null ? `relu-lab: ${row.rawScore} / ${row.max}` : `not graded (${row.status})`];
  if (row.late) parts.push(row.late);
  if (row.message) parts.push(row.message);
  return parts.join('; ');
}
