// One student's files for the platforms asked for, beside results.json:
//   <id>/gradescope/results.json    Gradescope's results
//   <id>/prairielearn/results.json  PrairieLearn's results
//   <id>/classroom/result.b64       GitHub Classroom's grader output (base64)
// A student with nothing graded still gets each file, saying why.
import path from 'node:path';
import { classroomFailure, classroomResult, encodeClassroom } from '../export/classroom.ts';
import { gradescopeFailure, gradescopeResults } from '../export/gradescope.ts';
import { prairieLearnFailure, prairieLearnResults } from '../export/prairielearn.ts';
import type { ResultsDocument } from '../results/types.ts';
import type { FigureView } from '../report/ReportView.ts';
import type { ExportFormat } from './formats.ts';
import { studentDir } from './store/studentStore.ts';
import { writeFileAtomically } from '../core/writeFileAtomically.ts';
import type { GradebookRow } from './types.ts';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** What the platform files need of the assignment: its pictures of a submission (PrairieLearn sends them as images). */
export interface ExportContext {
  figures?: (plots: unknown) => FigureView[];
}

export async function writeStudentExports(
  outDir: string,
  row: GradebookRow,
  results: ResultsDocument | null,
  formats: readonly ExportFormat[],
  context: ExportContext = {},
): Promise<void> {
  const dir = studentDir(outDir, row.student);
  const why = row.message ?? row.status;
  for (const format of formats) {
    switch (format) {
      case 'gradescope':
        await writeFileAtomically(
          path.join(dir, 'gradescope', 'results.json'),
          json(results ? gradescopeResults(results, { late: { score: row.score, late: row.late } }) : gradescopeFailure(why, row.max)),
        );
        break;
      case 'prairielearn':
        await writeFileAtomically(
          path.join(dir, 'prairielearn', 'results.json'),
          json(results ? prairieLearnResults(results, { figures: figuresOf(results, context) }) : prairieLearnFailure(why)),
        );
        break;
      case 'classroom':
        await writeFileAtomically(
          path.join(dir, 'classroom', 'result.b64'),
          `${encodeClassroom(results ? classroomResult(results) : classroomFailure(why, row.max))}\n`,
        );
        break;
      case 'canvas':
        break; // class-wide: canvas.csv and moodle.csv
    }
  }
}

/** The assignment's pictures of a graded submission; none when it has no hook or no plots, or the hook fails on hand-edited data. */
function figuresOf(results: ResultsDocument, context: ExportContext): FigureView[] {
  if (results.plots === undefined || !context.figures) return [];
  try {
    return context.figures(results.plots);
  } catch {
    return [];
  }
}
