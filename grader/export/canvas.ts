// Gradebook imports for learning management systems, from the gradebook rows.
//
// canvas.csv: Canvas's gradebook import columns (Student, ID, SIS User ID,
// SIS Login ID, Section, then one column per assignment), a "Points
// Possible" row, and one row per student. Student is the name as Canvas
// shows it ("Lovelace, Ada", from the roster), ID the Canvas user id (from
// the roster or Canvas's file names), SIS User ID, SIS Login ID and Section
// from the roster; a student with no Canvas id and no SIS login gets their
// relu-lab id as SIS Login ID, so ids that are Canvas logins still match.
// The assignment's column is `Title (id)` when the Canvas assignment id is
// known, which is how Canvas's own export names it and how an import finds
// the existing assignment; with the title alone Canvas creates a new column.
// Students without a score (not graded, or grading failed) have an empty
// cell, which Canvas leaves unchanged.
//
// moodle.csv is moodle.ts's.
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
  /** the student's name as the roster or the platform has it ("Ada Lovelace"); null when unknown */
  name?: string | null;
  /** Canvas's user id */
  canvasId?: string | null;
  sisUserId?: string | null;
  sisLoginId?: string | null;
  section?: string | null;
}

/** The assignment's column: `Title (id)` when Canvas's assignment id is known, else the title (a new column). */
export function canvasAssignmentColumn(title: string, assignmentId: string | null): string {
  return assignmentId ? `${title} (${assignmentId})` : title;
}

export function canvasCsv(rows: readonly LmsRow[], assignment: string, maxScore: number, assignmentId: string | null = null): string {
  const header: Cell[] = ['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section', canvasAssignmentColumn(assignment, assignmentId)];
  const possible: Cell[] = ['    Points Possible', '', '', '', '', maxScore];
  const line = (r: LmsRow): Cell[] => [
    r.name ? sortableName(r.name) : r.student,
    r.canvasId ?? '',
    r.sisUserId ?? '',
    r.sisLoginId ?? (r.canvasId || r.sisUserId ? '' : r.student),
    r.section ?? '',
    r.score,
  ];
  return csvDocument([header, possible, ...rows.map(line)]);
}

/** "Ada Lovelace" as Canvas lists students: "Lovelace, Ada". A name with a comma already, or of one word, is kept. */
export function sortableName(name: string): string {
  const words = name.trim().split(/\s+/);
  if (name.includes(',') || words.length < 2) return name.trim();
  return `${words.at(-1)}, ${words.slice(0, -1).join(' ')}`;
}
