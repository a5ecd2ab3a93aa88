// The body of every slot file: every module's checks, for each submission of
// the batch the slot is given (one describe block per submission, named by
// its job id). Vitest runs the slot files of a run one after another in one
// worker that keeps its modules, so the checks' code and drawn values stay
// warm from one batch to the next.
import { describe, test } from 'vitest';
import { nextBatch } from './feed.ts';
import { openAhead, useStudent } from './harness/useStudent.ts';
import { activationsSuite } from './suites/activations.suite.ts';
import { backpropSuite } from './suites/backprop.suite.ts';
import { claimsSuite } from './suites/claims.suite.ts';
import { deadNeuronsSuite } from './suites/dead-neurons.suite.ts';
import { forwardSuite } from './suites/forward.suite.ts';
import { linearitySuite } from './suites/linearity.suite.ts';
import { plotsStep } from './suites/plots.step.ts';
import { trainingSuite } from './suites/training.suite.ts';

/** The test an idle slot holds, so that a run winding down reports no empty files. */
export const IDLE_TEST = 'relu-lab.idle-slot';

export async function serveSlot(slot: number): Promise<void> {
  const jobs = await nextBatch(slot);
  if (jobs.length === 0) {
    test.skip(IDLE_TEST, () => {});
    return;
  }
  // The first sandbox's Node process starts while the checks are registered.
  openAhead(jobs[0]);
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
}
