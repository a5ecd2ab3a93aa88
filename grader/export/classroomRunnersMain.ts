// The graded Classroom workflow's step that turns relu-lab's grader output
// into the reporter's runners (grader/export/classroomRunners.ts).
// export-student bundles this file into the starter as
// .github/classroom/runners.mjs:
//   node .github/classroom/runners.mjs CLASSROOM_JSON MANIFEST
// (`relu-lab ci`'s reports/ci/classroom.json, and the manifest's tasks:
// .relu-lab/grader/assignment.json) appends `<runner>=<base64>` for every
// runner to $GITHUB_OUTPUT (to stdout outside Actions), and exits 1, saying
// how to fix it, when either file cannot be read.
import { appendFileSync, readFileSync } from 'node:fs';
import type { ClassroomResult } from './classroom.ts';
import { type RunnerTask, classroomRunnerOutputs, classroomRunners } from './classroomRunners.ts';

const [graded = 'reports/ci/classroom.json', manifest = '.relu-lab/grader/assignment.json'] = process.argv.slice(2);

function read<T>(file: string, what: string): T | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch (e) {
    process.stderr.write(`relu-lab classroom runners: cannot read ${what} ${file}: ${(e as Error).message}. ${FIX} [classroom-input-missing]\n`);
    process.exitCode = 1;
    return null;
  }
}
const FIX = 'Run `node .relu-lab/relu-lab.mjs ci --out reports/ci` before this step, from the top of the starter.';

const result = read<ClassroomResult>(graded, "relu-lab's grader output");
const tasks = read<{ tasks: RunnerTask[] }>(manifest, 'the manifest')?.tasks;
if (result && tasks) {
  const runners = classroomRunners(result, tasks);
  const lines = classroomRunnerOutputs(runners);
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, lines);
  else process.stdout.write(lines);
  process.stdout.write(`relu-lab: ${runners.length} runners for GitHub Classroom's reporter: ${runners.map((r) => r.runner).join(',')}\n`);
}
