// The hidden suite: every check of every module, for each submission of the
// run in turn (one describe block per submission, named by its job id).
// Grading several submissions in one Vitest run keeps the worker, its
// compiled modules and its drawn values warm between them.
import { describe, inject } from 'vitest';
import { JOBS_KEY } from './harness/job.ts';
import { useStudent } from './harness/useStudent.ts';
import { activationsSuite } from './suites/activations.suite.ts';
import { backpropSuite } from './suites/backprop.suite.ts';
import { claimsSuite } from './suites/claims.suite.ts';
import { deadNeuronsSuite } from './suites/dead-neurons.suite.ts';
import { forwardSuite } from './suites/forward.suite.ts';
import { linearitySuite } from './suites/linearity.suite.ts';
import { plotsStep } from './suites/plots.step.ts';
import { trainingSuite } from './suites/training.suite.ts';

const jobs = inject(JOBS_KEY);
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
