// The last step of templates/prairielearn/run.sh: relu-lab's results.json for
// the submission becomes PrairieLearn's /grade/results/results.json
// (grader/export/prairielearn.ts), with the course's pictures of the
// student's own functions (its report hooks' figures) as images.
//
// Run from the relu-lab folder as `node --import tsx templates/prairielearn/finish.mjs`
// with RELU_LAB_RESULTS (relu-lab's results.json) and RELU_LAB_OUT (where
// PrairieLearn reads results.json).
import { readFile, rename, writeFile } from 'node:fs/promises';
import { assignment } from '../../grader/course/assignment.ts';
import { prairieLearnResults } from '../../grader/export/prairielearn.ts';

const doc = JSON.parse(await readFile(String(process.env.RELU_LAB_RESULTS), 'utf8'));
/** @type {import('../../grader/report/ReportView.ts').FigureView[]} */
let figures = [];
try {
  figures = doc.plots !== undefined && assignment.report?.figures ? assignment.report.figures(doc.plots) : [];
} catch (e) {
  // a picture is never worth the grade: results without images
  process.stdout.write(`the pictures could not be drawn: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
}
const results = prairieLearnResults(doc, { figures });
const out = String(process.env.RELU_LAB_OUT);
await writeFile(`${out}.tmp`, `${JSON.stringify(results)}\n`);
await rename(`${out}.tmp`, out);
process.stdout.write(`relu-lab: ${doc.score.earned} / ${doc.score.possible}; gradable ${results.gradable}; ${results.images?.length ?? 0} images\n`);
