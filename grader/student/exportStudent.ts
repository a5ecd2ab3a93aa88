// relu-lab export-student: the starter repository students receive.
//   exercises/                 stubs, shared types, visible tests, the guide
//   package.json               npm test (visible tests), npm run grade (self-check)
//   vitest.config.ts, tsconfig.json, .gitignore, README.md
//   .github/workflows/feedback.yml, .gitlab-ci.yml   CI feedback on every push
//   .github/workflows/classroom.yml  GitHub Classroom's graded workflow, with
//   .github/classroom/runners.mjs    the step that hands the score to its reporter
//   .relu-lab/                 the student edition of relu-lab (see buildStudentCli)
import fs from 'node:fs/promises';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { PACKAGE_ROOT } from '../core/defaults.ts';
import type { Assignment } from '../assignment/Assignment.ts';
import { esbuildBase } from '../bundle/esbuildBase.ts';
import { ReluLabError } from '../core/errors.ts';
import { loadManifest } from '../manifest/loadManifest.ts';
import { listFiles } from '../hiddenBundle/bundleFormat.ts';
import { type BuiltStudentCli, buildStudentCli } from './buildStudentCli.ts';
import { starterPackageJson } from './starterPackageJson.ts';

/** Starter files from templates/, and where they go. */
const TEMPLATE_FILES: Record<string, string> = {
  'templates/starter/README.md': 'README.md',
  'templates/starter/gitignore': '.gitignore',
  'templates/starter/tsconfig.json': 'tsconfig.json',
  'templates/starter/vitest.config.ts': 'vitest.config.ts',
  'templates/ci/github-feedback.yml': '.github/workflows/feedback.yml',
  'templates/ci/gitlab-ci.yml': '.gitlab-ci.yml',
};

/** What students get from exercises/: the stubs, the shared types, the visible tests and the guide. */
const EXERCISE_FILE = /^[\w-]+(\.test)?\.ts$|^README\.md$/;

export interface ExportedStarter {
  dir: string;
  files: string[];
  cli: BuiltStudentCli;
}

async function requireEmpty(dir: string): Promise<void> {
  const entries = await fs.readdir(dir).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return [];
    throw new ReluLabError('usage', `cannot use ${dir} for the starter: ${e.message}`);
  });
  if (entries.length > 0) throw new ReluLabError('usage', `${dir} is not empty: export the starter into a new folder`);
}

/** The starter of `assignment` (the ReLU course's layout: its stubs, its guide, templates/starter and templates/ci). */
export async function exportStudent(
  outDir: string,
  assignment: Pick<Assignment, 'modules' | 'exercisesDir' | 'manifestPath' | 'hiddenEntry'>,
  opts: { manifestPath?: string } = {},
): Promise<ExportedStarter> {
  const dir = path.resolve(outDir);
  await requireEmpty(dir);
  const manifest = await loadManifest(
    opts.manifestPath ?? assignment.manifestPath,
    assignment.modules.map((m) => m.name),
  );
  const put = async (from: string, to: string) => {
    await fs.mkdir(path.dirname(path.join(dir, to)), { recursive: true });
    await fs.copyFile(from, path.join(dir, to));
  };
  for (const entry of await fs.readdir(assignment.exercisesDir, { withFileTypes: true })) {
    if (entry.isFile() && EXERCISE_FILE.test(entry.name)) await put(path.join(assignment.exercisesDir, entry.name), `exercises/${entry.name}`);
  }
  for (const [from, to] of Object.entries(TEMPLATE_FILES)) await put(path.join(PACKAGE_ROOT, from), to);
  await writeClassroomWorkflow(
    dir,
    manifest.tasks.map((t) => t.id),
  );
  await fs.writeFile(path.join(dir, 'package.json'), await starterPackageJson(manifest.title));
  const cli = await buildStudentCli(path.join(dir, '.relu-lab'), assignment, manifest.path);
  return { dir, files: await listFiles(dir), cli };
}

/**
 * The reporter's runners, as grader/export/classroomRunners.ts names them
 * (one per task with the points earned, then `missed`). Kept here
 * because the starter's export may not import the export layer; a test runs
 * the bundled script and checks the names agree.
 */
function classroomRunnerNames(taskIds: readonly string[]): string[] {
  return [...taskIds.map((id) => id.toLowerCase().replace(/[^a-z0-9]/g, '') || 'task'), 'missed'];
}

/** .github/workflows/classroom.yml from templates/ci/github-classroom.yml with the course's runners, and the runners' script beside it. */
async function writeClassroomWorkflow(dir: string, taskIds: readonly string[]): Promise<void> {
  const runners = classroomRunnerNames(taskIds);
  const template = await fs.readFile(path.join(PACKAGE_ROOT, 'templates/ci/github-classroom.yml'), 'utf8');
  const env = runners.map((r) => `          ${r.toUpperCase()}_RESULTS: \${{ steps.relu-lab.outputs.${r} }}`).join('\n');
  const workflow = template.replace('__RUNNER_ENV__', env).replace('__RUNNERS__', runners.join(','));
  await fs.mkdir(path.join(dir, '.github/workflows'), { recursive: true });
  await fs.writeFile(path.join(dir, '.github/workflows/classroom.yml'), workflow);
  await esbuild.build({
    ...esbuildBase(PACKAGE_ROOT),
    entryPoints: [path.join(PACKAGE_ROOT, 'grader/export/classroomRunnersMain.ts')],
    outfile: path.join(dir, '.github/classroom/runners.mjs'),
    outExtension: {},
    metafile: false,
  });
}
