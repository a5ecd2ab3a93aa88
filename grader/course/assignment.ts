// The ReLU course as an assignment: its public face. This is what the CLI
// grades when no `--assignment` is given; the engine learns everything
// course-specific from here and from the hidden face it names.
//
// A module's exports are read from its starter file's signatures (exportsOf),
// so the parameter names a replayed call uses live once, in the stub.
import fs from 'node:fs';
import path from 'node:path';
import type { Assignment, ModuleSpec } from '../assignment/Assignment.ts';
import { DEFAULTS, PACKAGE_ROOT } from '../core/defaults.ts';
import { exportsOf } from './exportsOf.ts';
import { runExperiments } from './experiments/runExperiments.ts';
import { reluReportHooks } from './report/reportHooks.ts';

const exercisesDir = path.join(PACKAGE_ROOT, 'exercises');

function courseModule(name: string, title: string): ModuleSpec {
  return { name, title, exports: exportsOf(fs.readFileSync(path.join(exercisesDir, `${name}.ts`), 'utf8')) };
}

export const assignment: Assignment = {
  id: 'relu-lab',
  title: 'ReLU, backpropagation and dead neurons',
  modules: [
    courseModule('activations', 'Activations and their slopes'),
    courseModule('forward', 'The forward pass'),
    courseModule('backprop', 'Backpropagation and gradient checking'),
    courseModule('dead-neurons', 'Activation patterns and dead neurons'),
    courseModule('linearity', 'Kinks: where a ReLU network bends'),
    courseModule('claims', 'Claims about linearity, as networks and answers'),
    courseModule('training', 'Training, and reviving dead neurons'),
  ],
  manifestPath: DEFAULTS.manifestPath,
  solutionsDir: path.join(PACKAGE_ROOT, 'solutions'),
  exercisesDir,
  fixturesDir: path.join(PACKAGE_ROOT, 'grader/fixtures/submissions'),
  guidePath: path.join(exercisesDir, 'README.md'),
  hiddenEntry: path.join(PACKAGE_ROOT, 'grader/course/hidden.ts'),
  report: reluReportHooks,
  experiments: runExperiments,
};
