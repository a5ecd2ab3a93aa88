// The last step of run_autograder: relu-lab's results.json for the
// submission becomes Gradescope's /autograder/results/results.json, with the
// course's late policy applied as the gradebook applies it (lateInfo and
// scoreAfterLate, grader/bulk/late/lateInfo.ts) to Gradescope's own record
// of the submission: submission_metadata.json's `created_at` against the
// assignment's `due_date` (the manifest's deadline when Gradescope has none).
//
// Run by run_autograder as `node --import tsx run_autograder.finish.mjs`
// from the relu-lab folder, with these variables:
//   RELU_LAB_RESULTS   relu-lab's results.json for the submission
//   RELU_LAB_METADATA  Gradescope's submission_metadata.json (may be absent)
//   RELU_LAB_MANIFEST  the manifest graded against (default: relu-lab's own)
//   RELU_LAB_OUT       where Gradescope reads results.json
//   RELU_LAB_LEADERBOARD=1  add the score to Gradescope's leaderboard
// What only instructors should read (stack traces, the late policy's
// arithmetic) is printed to stdout, which run_autograder's results hide from
// students (stdout_visibility: "hidden").
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { lateInfo, scoreAfterLate } from '../grader/bulk/late/lateInfo.ts';
import { gradescopeResults } from '../grader/export/gradescope.ts';
import { loadManifest } from '../grader/manifest/loadManifest.ts';

const env = process.env;
const doc = JSON.parse(await readFile(String(env.RELU_LAB_RESULTS), 'utf8'));
const manifest = await loadManifest(env.RELU_LAB_MANIFEST || undefined);
const metadataPath = env.RELU_LAB_METADATA;
const metadata = metadataPath && existsSync(metadataPath) ? JSON.parse(await readFile(metadataPath, 'utf8')) : null;

/** @param {unknown} text */
const dateOf = (text) => {
  if (typeof text !== 'string' || text === '') return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
};
const submittedAt = dateOf(metadata?.created_at);
const deadline = dateOf(metadata?.assignment?.due_date) ?? dateOf(manifest.deadline);
const late = lateInfo(submittedAt, deadline, manifest.latePolicy);
const score = doc.outcome.kind === 'grader-error' ? 0 : scoreAfterLate(doc.score.earned, late);
const results = gradescopeResults(doc, { late: { score, late }, leaderboard: env.RELU_LAB_LEADERBOARD === '1' });

const out = String(env.RELU_LAB_OUT);
await writeFile(`${out}.tmp`, `${JSON.stringify(results, null, 2)}\n`);
await rename(`${out}.tmp`, out);

process.stdout.write(`relu-lab: ${doc.score.earned} / ${doc.score.possible} as graded; ${score} after the late policy (${JSON.stringify(late)})\n`);
const traces = results.extra_data.traces;
if (traces && typeof traces === 'object') {
  for (const [where, trace] of Object.entries(traces)) process.stdout.write(`\n--- ${where}\n${trace}\n`);
}
