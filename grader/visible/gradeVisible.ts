// Visible mode: grades a submission with its own visible tests
// (exercises/<module>.test.ts). The submission is compiled first, as the
// engine does, so a syntax error is reported with file:line:col; then the
// tests run in a worker process (runVisibleTests) and their outcomes become
// a results document (visibleResults). Given the assignment's experiments,
// they run meanwhile on the compiled code, in a sandbox as in grading
// (visibleExperiments), and the document carries them as `plots.experiments`.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { isReluLabError } from '../core/errors.ts';
import { graderVersion } from '../engine/graderVersion.ts';
import type { Manifest } from '../manifest/types.ts';
import { submissionIdentity } from '../intake/submissionIdentity.ts';
import type { ResultsDocument } from '../results/types.ts';
import { type CompiledSubmission, compileSubmission } from '../sandbox/compileSubmission.ts';
import { runVisibleTests } from './runVisibleTests.ts';
import type { GradedCatalog } from './gradedCatalog.ts';
import { visibleResults, type VisibleResultsInput } from './visibleResults.ts';
import { type RunExperiments, visibleExperiments } from './visibleExperiments.ts';

const GUIDE_LINK = /exercises\/README\.md#[\w-]+/;

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
}

/** The guide section a visible test file names in its first lines, e.g. `exercises/README.md#1-activations`. */
async function guideOf(file: string): Promise<string | null> {
  const text = await fs.readFile(file, 'utf8').catch(() => '');
  return GUIDE_LINK.exec(text.slice(0, 600))?.[0] ?? null;
}

/**
 * Grades `submissionDir` with its visible tests; `catalog` (the graded checks'
 * counts) makes the withheld ones part of the document; `experiments` (the
 * assignment's) adds their results as `plots.experiments`.
 */
export async function gradeVisible(
  manifest: Manifest,
  submissionDir: string,
  catalog: GradedCatalog | null = null,
  experiments: RunExperiments | null = null,
): Promise<ResultsDocument> {
  const gradedAt = new Date();
  const endsAt = performance.now() + manifest.limits.submissionDeadlineMs;
  const dir = path.resolve(submissionDir);
  const root = path.dirname(dir);
  const folder = path.basename(dir);
  const identity = await submissionIdentity(dir);

  const testFiles: Record<string, string> = {};
  const guide: Record<string, string> = {};
  const present: string[] = [];
  for (const name of manifest.tasks.map((t) => t.id)) {
    const relative = `${folder}/${name}.test.ts`;
    testFiles[name] = relative;
    if (await exists(path.join(root, relative))) {
      present.push(relative);
      const section = await guideOf(path.join(root, relative));
      if (section) guide[name] = section;
    }
  }

  const tests = async (): Promise<VisibleResultsInput['run']> => {
    try {
      return {
        kind: 'ran',
        run: await runVisibleTests({
          root,
          files: present,
          deadlineMs: manifest.limits.submissionDeadlineMs,
          memoryMb: Math.max(512, manifest.limits.sandboxMemoryMb),
        }),
      };
    } catch (e) {
      return { kind: 'failed', code: isReluLabError(e) ? e.code : 'internal', message: e instanceof Error ? e.message : String(e) };
    }
  };

  // the compiled code is the experiments' sandbox folder: kept until they are done
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'relu-lab-compile-'));
  let compiled: CompiledSubmission;
  let run: VisibleResultsInput['run'];
  let ran: unknown[] | null = null;
  try {
    compiled = await compileSubmission(
      dir,
      path.join(tmp, 'code'),
      manifest.tasks.map((t) => t.id),
    );
    [run, ran] = await Promise.all([
      tests(),
      experiments ? visibleExperiments({ experiments, compiled, limits: manifest.limits, endsAt }) : Promise.resolve(null),
    ]);
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
  return visibleResults({
    manifest,
    run,
    testFiles,
    guide,
    identity,
    graderVersion: await graderVersion(),
    diagnostics: compiled.diagnostics,
    compileMs: Math.round(compiled.timings.totalMs),
    gradedAt,
    catalog,
    ...(ran === null ? {} : { plots: { experiments: ran } }),
  });
}
