// The body of every slot file: every module's checks, for each submission of
// the batch the slot is given (one describe block per submission, named by
// its job id). Vitest runs the slot files of a run one after another in one
// worker that keeps its modules, so the checks' code and drawn values stay
// warm from one batch to the next.
import { beforeAll, describe, test } from 'vitest';
import { jobBegins, nextBatch, suiteReady } from './feed.ts';
import { openAhead, useStudent } from './useStudent.ts';

/** The checks of every module, loaded once per worker (after the first batch is known, so its sandbox starts meanwhile). */
const suites = () =>
  Promise.all([
    import('../../hidden/suites/activations.suite.ts'),
    import('../../hidden/suites/forward.suite.ts'),
    import('../../hidden/suites/backprop.suite.ts'),
    import('../../hidden/suites/dead-neurons.suite.ts'),
    import('../../hidden/suites/linearity.suite.ts'),
    import('../../hidden/suites/claims.suite.ts'),
    import('../../hidden/suites/training.suite.ts'),
    import('../../hidden/suites/plots.step.ts'),
  ]);

/** The test an idle slot holds, so that a run winding down reports no empty files. */
export const IDLE_TEST = 'relu-lab.idle-slot';

export async function serveSlot(slot: number): Promise<void> {
  const jobs = await nextBatch(slot);
  if (jobs.length === 0) {
    test.skip(IDLE_TEST, () => {});
    return;
  }
  // The first sandbox's Node process starts while the checks load.
  openAhead(jobs[0]);
  const [{ activationsSuite }, { forwardSuite }, { backpropSuite }, { deadNeuronsSuite }, { linearitySuite }, { claimsSuite }, { trainingSuite }, { plotsStep }] =
    await suites();
  suiteReady(slot);
  jobs.forEach((job, i) => {
    describe(job.id, () => {
      const student = useStudent(job, jobs[i + 1]);
      // after useStudent's own beforeAll (hooks run in the order given), as the submission's clock starts
      beforeAll(() => jobBegins(job));
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
