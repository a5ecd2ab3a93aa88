// Rebuilds everything class-wide from the per-student files on disk: the
// gradebook (csv, json), the class summary and the platform exports. Run at
// the end of every bulk run and merge, and safe to run again at any time.
import path from 'node:path';
import { sumPoints } from '../core/points.ts';
import { canvasCsv, moodleCsv } from '../export/canvas.ts';
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
import { writeStudentExports } from './writeStudentExports.ts';

export const SUMMARY_HTML = 'summary.html';

export interface Finalised {
  rows: GradebookRow[];
  summaryPath: string;
  gradebookPath: string;
}

export interface FinaliseOptions {
  /** Canvas's id of the assignment (--canvas-assignment): canvas.csv's column is then `Title (id)` */
  canvasAssignmentId?: string | null;
}

export async function finalise(
  outDir: string,
  manifest: Manifest,
  formats: readonly ExportFormat[],
  now: Date = new Date(),
  options: FinaliseOptions = {},
): Promise<Finalised> {
  const summary = new ClassSummary(manifest);
  for await (const { record, results } of readStudents(outDir)) {
    const row = gradebookRow(record, results, manifest);
    summary.add(row, results);
    if (formats.length > 0) await writeStudentExports(outDir, row, results, formats);
  }
  const rows = summary.rows;
  await writeGradebook(outDir, rows, manifest, now);
  const summaryPath = path.join(outDir, SUMMARY_HTML);
  await writeFileAtomically(summaryPath, handlebarsEnv().template<SummaryView>('summary.html.hbs')(buildSummaryView(summary, now)));
  if (formats.includes('canvas')) {
    const max = sumPoints(manifest.tasks.map((t) => t.points));
    await writeFileAtomically(path.join(outDir, 'canvas.csv'), canvasCsv(rows.map(lmsRow), manifest.title, max, options.canvasAssignmentId ?? null));
    await writeFileAtomically(path.join(outDir, 'moodle.csv'), moodleCsv(rows.map(lmsRow), manifest.title));
  }
  return { rows, summaryPath, gradebookPath: path.join(outDir, 'gradebook.csv') };
}
