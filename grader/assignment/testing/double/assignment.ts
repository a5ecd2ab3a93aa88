// The smallest assignment there is, graded by the same engine as the ReLU
// course: one module, `double.ts`, exporting `double(x)`. Its tests show that
// the engine, the sandbox, the results and the report know no course of
// their own; it is also the example of what a new assignment must provide.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Assignment } from '../../Assignment.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

export const assignment: Assignment = {
  id: 'double',
  title: 'double: the smallest assignment',
  modules: [{ name: 'double', title: 'Twice a number', exports: [{ kind: 'function', name: 'double', params: ['x'], required: 1 }] }],
  manifestPath: path.join(here, 'assignment.json'),
  solutionsDir: path.join(here, 'solutions'),
  exercisesDir: path.join(here, 'exercises'),
  fixturesDir: path.join(here, 'fixtures'),
  hiddenEntry: path.join(here, 'hidden.ts'),
};
