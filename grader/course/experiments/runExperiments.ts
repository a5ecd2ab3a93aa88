// The ReLU course's experiments: one per question of `answers`, each run with
// the student's own functions (through the sandbox) on a fixed, small network
// and data set. An experiment whose function does not work yet records which
// one ("implement X first") instead of failing; nothing here knows or shows
// the expected answers, and no reference value is used.
import type { Experiment, ExperimentTable } from './ExperimentsData.ts';
import { Blocked, type ExperimentSource } from './ExperimentSource.ts';
import { deadMeaning, deadMeaningSetup } from './deadMeaning.ts';
import { gradAtZero, gradAtZeroSetup } from './gradAtZero.ts';
import { leakyKeepsLearning, leakyKeepsLearningSetup } from './leakyKeepsLearning.ts';
import { reluBends, reluBendsSetup } from './reluBends.ts';
import { trainingFollowsData, trainingFollowsDataSetup } from './trainingFollowsData.ts';

type Setup = Omit<Experiment, 'outcome' | 'uses'> & { uses: readonly string[] };

/** The experiments in the order of the questions in exercises/claims.ts. */
export const EXPERIMENTS: readonly { setup: Setup; run: (source: ExperimentSource) => Promise<ExperimentTable> }[] = [
  { setup: reluBendsSetup, run: reluBends },
  { setup: gradAtZeroSetup, run: gradAtZero },
  { setup: deadMeaningSetup, run: deadMeaning },
  { setup: trainingFollowsDataSetup, run: trainingFollowsData },
  { setup: leakyKeepsLearningSetup, run: leakyKeepsLearning },
];

/** Every experiment, run in turn; one that cannot run says which function to implement first. */
export async function runExperiments(source: ExperimentSource): Promise<Experiment[]> {
  const done: Experiment[] = [];
  for (const { setup, run } of EXPERIMENTS) {
    const { id, question, lookAt } = setup;
    const base = { id, question, setup: setup.setup, lookAt, uses: [...setup.uses] };
    try {
      done.push({ ...base, outcome: { kind: 'ran', table: await run(source) } });
    } catch (e) {
      // Blocked is the expected stop; anything else still must not take the report down
      const outcome =
        e instanceof Blocked
          ? { kind: 'blocked' as const, needs: e.needs, message: e.message }
          : { kind: 'blocked' as const, needs: base.uses.join(', '), message: `the experiment could not run on what ${base.uses.join(', ')} returned` };
      done.push({ ...base, outcome });
    }
  }
  return done;
}
