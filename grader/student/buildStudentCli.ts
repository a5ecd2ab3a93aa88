// Builds the student edition of relu-lab into a starter's .relu-lab/: the
// CLI (self-check, ci, history) and the visible-test worker, each bundled
// into one file, with what they read at run time beside them in the
// project's layout (report templates, schemas, the manifest, shared types),
// and the sandbox's process beside the CLI (the self-check runs the course's
// experiments with the student's functions in a sandbox, as grading does).
// The build refuses to include the reference, the hidden suite or the
// instructor's tooling (refuseImports), whatever the import graph says. Of
// the hidden checks it carries only their counts: each one's task,
// visibility and points (grader/catalog.json, visible/gradedCatalog.ts).
import fs from 'node:fs/promises';
import path from 'node:path';
import * as esbuild from 'esbuild';
import type { Assignment } from '../assignment/Assignment.ts';
import { PACKAGE_ROOT } from '../core/defaults.ts';
import { graderVersion } from '../engine/graderVersion.ts';
import { esbuildBase } from '../bundle/esbuildBase.ts';
import { packageRootHere } from '../bundle/packageRootHere.ts';
import { type Forbidden, refuseImports } from '../bundle/refuseImports.ts';
import { BUNDLED_WORKER } from '../visible/workerCommand.ts';
import { CHECK_ENTRY_FILE, CHECK_REPORTER_FILE } from '../visible/runCheck.ts';
import { GRADED_CATALOG_FILE, gradedCatalogOf } from '../visible/gradedCatalog.ts';
import { loadHiddenFace } from '../assignment/loadAssignment.ts';
import { catalogOf } from '../engine/catalog.ts';
import { loadManifest } from '../manifest/loadManifest.ts';

export const STUDENT_CLI = 'relu-lab.mjs';

/** What the student edition may never contain. */
export const FORBIDDEN_IN_STARTER: readonly Forbidden[] = [
  { path: 'solutions/', why: 'the reference' },
  { path: 'grader/hidden/', why: 'the hidden suite and its catalog' },
  { path: 'grader/course/hidden.ts', why: "the course's hidden face: every check and the reference" },
  { path: 'grader/course/checks/', why: 'the hidden checks' },
  { path: 'grader/course/arbitraries.ts', why: "the hidden checks' input generators" },
  { path: 'grader/harness/', why: 'the kit hidden checks are written with (the student edition runs none)' },
  { path: 'grader/fixtures/', why: "the validation corpus names the hidden checks' mistakes" },
  { path: 'grader/validate/', why: 'instructor tooling' },
  { path: 'grader/hiddenBundle/engineEntry.ts', why: "the hidden bundle's engine loads the hidden face" },
  { path: 'grader/hiddenBundle/packHidden.ts', why: 'instructor tooling' },
  { path: 'grader/student/', why: 'instructor tooling' },
  { path: 'grader/engine/Grader.ts', why: 'the engine runs the hidden suite' },
  { path: 'grader/engine/suite/', why: "the hidden suite's slot files" },
];

/** The reporter of the starter's `npm run check` (visible/CheckReporter.ts), beside the CLI. */
export const CHECK_REPORTER = CHECK_REPORTER_FILE;

const ENTRIES = {
  'relu-lab': 'grader/cli/studentEntry.ts',
  [BUNDLED_WORKER.replace(/\.mjs$/, '')]: 'grader/visible/visibleWorker.ts',
  [CHECK_REPORTER.replace(/\.mjs$/, '')]: 'grader/visible/CheckReporter.ts',
  // npm run check: tsc on exercises/, then the visible tests with the reporter above
  [CHECK_ENTRY_FILE.replace(/\.mjs$/, '')]: 'grader/visible/checkMain.ts',
};

/**
 * The sandbox's process and the two files it imports: the sandbox
 * (sandbox/spawnHost.ts) copies them from beside the running code, here the
 * CLI, into each sandbox's code folder.
 */
export const SANDBOX_HOST_FILES = ['host.mjs', 'plainData.mjs', 'wire.mjs'] as const;

/** The Handlebars templates and partials (handlebarsEnv compiles them all when it starts). */
async function reportTemplates(): Promise<string[]> {
  const list = async (sub: string) =>
    (await fs.readdir(path.join(PACKAGE_ROOT, sub), { withFileTypes: true }))
      .filter((e) => e.isFile() && e.name.endsWith('.hbs'))
      .map((e) => `${sub}/${e.name}`);
  return [...(await list('templates')), ...(await list('templates/partials'))].sort();
}

export interface BuiltStudentCli {
  dir: string;
  /** project files bundled into the CLI and the worker, relative to the project root */
  inputs: string[];
  /** files copied beside them, relative to dir */
  copied: string[];
}

/** The student edition of `assignment`'s CLI in `dir`, with the manifest `manifestPath`. */
export async function buildStudentCli(
  dir: string,
  assignment: Pick<Assignment, 'modules' | 'exercisesDir' | 'hiddenEntry'>,
  manifestPath: string,
): Promise<BuiltStudentCli> {
  await fs.mkdir(dir, { recursive: true });
  const built = await esbuild.build({
    ...esbuildBase(PACKAGE_ROOT),
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, path.join(PACKAGE_ROOT, file)])),
    outdir: dir,
    plugins: [refuseImports(PACKAGE_ROOT, FORBIDDEN_IN_STARTER), packageRootHere()],
  });
  const inputs = Object.keys(built.metafile!.inputs).map((f) => f.split(path.sep).join('/'));

  const copied: string[] = [];
  const copy = async (from: string, to: string) => {
    await fs.mkdir(path.dirname(path.join(dir, to)), { recursive: true });
    await fs.copyFile(from, path.join(dir, to));
    copied.push(to);
  };
  for (const file of SANDBOX_HOST_FILES) await copy(path.join(PACKAGE_ROOT, 'grader/sandbox', file), file);
  for (const file of await reportTemplates()) await copy(path.join(PACKAGE_ROOT, file), file);
  for (const file of ['grader/schemas/assignment.schema.json', 'grader/schemas/results.schema.json']) {
    await copy(path.join(PACKAGE_ROOT, file), file);
  }
  // the assignment's public face reads its stubs (each module's exports, from their signatures) and their shared types
  const exercises = path.relative(PACKAGE_ROOT, assignment.exercisesDir).split(path.sep).join('/');
  for (const file of [...assignment.modules.map((m) => `${m.name}.ts`), 'types.ts']) {
    if (await fs.stat(path.join(assignment.exercisesDir, file)).catch(() => null)) await copy(path.join(assignment.exercisesDir, file), `${exercises}/${file}`);
  }
  await copy(manifestPath, 'grader/assignment.json');
  // the graded checks' tasks, visibility and points, without names or bodies: the visible run counts the withheld ones
  const manifest = await loadManifest(
    manifestPath,
    assignment.modules.map((m) => m.name),
  );
  const catalog = gradedCatalogOf(catalogOf(await loadHiddenFace(assignment.hiddenEntry), manifest), manifest);
  await fs.mkdir(path.dirname(path.join(dir, GRADED_CATALOG_FILE)), { recursive: true });
  await fs.writeFile(path.join(dir, GRADED_CATALOG_FILE), `${JSON.stringify(catalog, null, 2)}\n`);
  copied.push(GRADED_CATALOG_FILE);
  await copy(path.join(PACKAGE_ROOT, 'templates/starter/relu-lab-README.md'), 'README.md');
  const version = await graderVersion();
  await fs.writeFile(
    path.join(dir, 'package.json'),
    `${JSON.stringify({ name: 'relu-lab-student-edition', version, private: true, type: 'module' }, null, 2)}\n`,
  );
  copied.push('package.json');
  return { dir, inputs, copied };
}
