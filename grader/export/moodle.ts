// A gradebook CSV for Moodle's "Import grades: CSV file" (Grades > Import >
// CSV file; https://docs.moodle.org/en/Grade_import). What Moodle does with
// it, from its importer (grader/export/moodle.testHelper.ts cites the code):
// the instructor maps one column to the user ("Map from" Email address,
// "Map to" Email address; or ID number to ID number, or Username), the score
// column to the assignment's grade item and the feedback column to its
// feedback. A row whose user Moodle cannot find, or whose user cell is empty,
// aborts the whole import; an empty cell or "-" sets "no grade" (it clears a
// grade, it does not leave it alone); a grade must be a number.
//
// So the file has a row only for a student with a score and the identifier
// asked for; everyone else is listed in `left` with why, for the
// instructor to enter by hand. Scores are relu-lab's after the late policy.
import { type Cell, csvDocument } from './csv.ts';

/** Which user field the first column holds, and its header as Moodle's own export names it. */
export const MOODLE_IDENTIFIERS = {
  email: 'Email address',
  idnumber: 'ID number',
  username: 'Username',
} as const;
export type MoodleIdentifier = keyof typeof MOODLE_IDENTIFIERS;

export interface MoodleStudent {
  /** relu-lab's id of the student (a Moodle username only when the class was graded by usernames) */
  student: string;
  email: string | null;
  /** the institution's id number (Moodle's idnumber; Canvas's SIS User ID on a shared roster) */
  idNumber: string | null;
  /** after the late policy; null when nothing was graded */
  score: number | null;
  rawScore: number;
  max: number;
  /** a few words on lateness, empty when on time or unknown */
  late: string;
  /** why it was not graded, or graded only in part */
  message: string | null;
}

export interface MoodleExport {
  csv: string;
  /** the students with no row, and why (Moodle would abort on a row it cannot place) */
  left: { student: string; reason: string }[];
}

const identifierOf = (s: MoodleStudent, by: MoodleIdentifier): string | null => {
  const value = by === 'email' ? s.email : by === 'idnumber' ? s.idNumber : s.student;
  return value && value.trim() !== '' ? value.trim() : null;
};

export function moodleGradesCsv(students: readonly MoodleStudent[], assignment: string, by: MoodleIdentifier = 'email'): MoodleExport {
  const header: Cell[] = [MOODLE_IDENTIFIERS[by], assignment, `Feedback: ${assignment}`];
  const rows: Cell[][] = [];
  const left: MoodleExport['left'] = [];
  for (const s of students) {
    const who = identifierOf(s, by);
    if (s.score === null) left.push({ student: s.student, reason: s.message ?? 'not graded' });
    else if (!who) left.push({ student: s.student, reason: `no ${MOODLE_IDENTIFIERS[by].toLowerCase()} is known for this student` });
    else rows.push([who, s.score, moodleFeedback(s)]);
  }
  return { csv: csvDocument([header, ...rows]), left };
}

/** The feedback cell: relu-lab's score before the policy, lateness and what was not graded. */
export function moodleFeedback(s: MoodleStudent): string {
  const parts = [`relu-lab: ${s.rawScore} / ${s.max}`];
  if (s.late) parts.push(s.late);
  if (s.message) parts.push(s.message);
  return parts.join('; ');
}
