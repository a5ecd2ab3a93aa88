// The hidden suite: every check of every module, for each submission of the
// run in turn (one describe block per submission, named by its job id).
// Grading several submissions in one Vitest run keeps the worker, its
// compiled modules and its drawn values warm between them.
import { describe, inject } from 'vitest';
import { JOBS_KEY } from './harness/job.ts';
import { openAhead, useStudent } from './harness/useStudent.ts';

const jobs = inject(JOBS_KEY);
// The first sandbox's Node process starts while the checks' modules load.
if (jobs[0]) openAhead(jobs[0]);

const [
  { activationsSuite },
  { forwardSuite },
  { backpropSuite },
  { deadNeuronsSuite },
  { linearitySuite },
  { claimsSuite },
  { trainingSuite },
  { plotsStep },
] = await Promise.all([
  import('./suites/activations.suite.ts'),
  import('./suites/forward.suite.ts'),
  import('./suites/backprop.suite.ts'),
  import('./suites/dead-neurons.suite.ts'),
  import('./suites/linearity.suite.ts'),
  import('./suites/claims.suite.ts'),
  import('./suites/training.suite.ts'),
  import('./suites/plots.step.ts'),
]);

jobs.forEach((job, i) => {
  describe(job.id, () => {
    const student = useStudent(job, jobs[i + 1]);
    activationsSuite(student);
    forwardSuite(student);
    backpropSuite(student);
    deadNeuronsSuite(student);
    linearitySuite(student);
    claimsSuite(student);
    trainingSuite(student);
    plotsStep(student);
  });
});
