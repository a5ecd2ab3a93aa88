// Rebuilds everything class-wide from the per-student files on disk: the
// gradebook (csv, json), the class summary and the platform exports. Run at
// the end of every bulk run and merge, and safe to run again at any time.
import path from 'node:path';
import { sumPoints } from '../core/points.ts';
import { canvasCsv } from '../export/canvas.ts';
import { type MoodleIdentifier, type MoodleStudent, moodleGradesCsv } from '../export/moodle.ts';
import type { Manifest } from '../manifest/types.ts';
import { handlebarsEnv } from '../report/handlebarsEnv.ts';
import type { ExportFormat } from './formats.ts';
import { gradebookRow, lmsRow } from './gradebook/gradebookRow.ts';
import { writeGradebook } from './gradebook/writeGradebook.ts';
import { readStudents } from './store/studentStore.ts';
import { writeFileAtomically } from '../core/writeFileAtomically.ts';
import { buildSummaryView } from './summary/buildSummaryView.ts';
import { ClassSummary } from './summary/ClassSummary.ts';
import type { SummaryView } from './summary/SummaryView.ts';
import type { GradebookRow } from './types.ts';
import { type ExportContext, writeStudentExports } from './writeStudentExports.ts';

export const SUMMARY_HTML = 'summary.html';

export interface Finalised {
  rows: GradebookRow[];
  summaryPath: string;
  gradebookPath: string;
  /** with --format canvas: the students moodle.csv has no row for, and why (enter them by hand) */
  moodleLeft: { student: string; reason: string }[];
}

export interface FinaliseOptions {
  /** Canvas's id of the assignment (--canvas-assignment): canvas.csv's column is then `Title (id)` */
  canvasAssignmentId?: string | null;
  /** what the per-student platform files need of the assignment (its pictures, for PrairieLearn's images) */
  exports?: ExportContext;
}

export async function finalise(
  outDir: string,
  manifest: Manifest,
  formats: readonly ExportFormat[],
  now: Date = new Date(),
  options: FinaliseOptions = {},
): Promise<Finalised> {
  const summary = new ClassSummary(manifest);
  const moodleLeft: Finalised['moodleLeft'] = [];
  for await (const { record, results } of readStudents(outDir)) {
    const row = gradebookRow(record, results, manifest);
    summary.add(row, results);
    if (formats.length > 0) await writeStudentExports(outDir, row, results, formats, options.exports);
  }
  const rows = summary.rows;
  await writeGradebook(outDir, rows, manifest, now);
  const summaryPath = path.join(outDir, SUMMARY_HTML);
  await writeFileAtomically(summaryPath, handlebarsEnv().template<SummaryView>('summary.html.hbs')(buildSummaryView(summary, now)));
  if (formats.includes('canvas')) {
    const max = sumPoints(manifest.tasks.map((t) => t.points));
    await writeFileAtomically(path.join(outDir, 'canvas.csv'), canvasCsv(rows.map(lmsRow), manifest.title, max, options.canvasAssignmentId ?? null));
    const students = rows.map(moodleStudent);
    const moodle = moodleGradesCsv(students, manifest.title, moodleIdentifier(students));
    await writeFileAtomically(path.join(outDir, 'moodle.csv'), moodle.csv);
    moodleLeft.push(...moodle.left);
  }
  return { rows, summaryPath, gradebookPath: path.join(outDir, 'gradebook.csv'), moodleLeft };
}

/** A gradebook row as Moodle's import sees it: an email and id number from the roster or platform, when known. */
function moodleStudent(row: GradebookRow): MoodleStudent {
  const lms = lmsRow(row);
  return {
    student: row.student,
    email: row.identity?.email ?? null,
    idNumber: row.identity?.sisUserId ?? null,
    score: lms.score,
    rawScore: lms.rawScore,
    max: lms.max,
    late: lms.late,
    message: lms.message,
  };
}

/**
 * The column Moodle finds its users by: the email when every scored student
 * has one (a roster, a Gradescope export), else the id number when every one
 * has that, else relu-lab's ids as usernames (a class graded by usernames).
 */
function moodleIdentifier(students: readonly MoodleStudent[]): MoodleIdentifier {
  const scored = students.filter((s) => s.score !== null);
  if (scored.length > 0 && scored.every((s) => s.email)) return 'email';
  if (scored.length > 0 && scored.every((s) => s.idNumber)) return 'idnumber';
  return 'username';
}
