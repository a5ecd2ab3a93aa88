// The body of every slot file: the hidden face's checks, for each submission
// of the batch the slot is given (one describe block per submission, named by
// its job id). The hidden face is the one the jobs name: the worker knows no
// assignment of its own. Vitest runs the slot files of a run one after
// another in one worker that keeps its modules, so the checks' code and drawn
// values stay warm from one batch to the next.
import { beforeAll, describe, test } from 'vitest';
import type { HiddenFace } from '../../assignment/Assignment.ts';
import { loadHiddenFace } from '../../assignment/loadAssignment.ts';
import { jobBegins, nextBatch, suiteReady } from './feed.ts';
import { plotsStep } from './plotsStep.ts';
import { registerCheck } from './registerCheck.ts';
import { openAhead, replyContractsFor, useStudent } from './useStudent.ts';

/** The test an idle slot holds, so that a run winding down reports no empty files. */
export const IDLE_TEST = 'relu-lab.idle-slot';

const faces = new Map<string, Promise<HiddenFace>>();

/** The hidden face at `entry`, imported once per worker; its reply contracts handed to the sandboxes once loaded. */
function hiddenFace(entry: string): Promise<HiddenFace> {
  let face = faces.get(entry);
  if (!face) {
    face = loadHiddenFace(entry).then((hidden) => {
      Object.assign(replyContractsFor(entry), hidden.replyContracts);
      return hidden;
    });
    faces.set(entry, face);
  }
  return face;
}

export async function serveSlot(slot: number): Promise<void> {
  const jobs = await nextBatch(slot);
  if (jobs.length === 0) {
    test.skip(IDLE_TEST, () => {});
    return;
  }
  // The first sandbox's Node process starts while the checks load (after the first batch is known).
  openAhead(jobs[0]);
  const hidden = await Promise.all(jobs.map((job) => hiddenFace(job.hiddenEntry)));
  suiteReady(slot);
  jobs.forEach((job, i) => {
    describe(job.id, () => {
      const student = useStudent(job, jobs[i + 1]);
      // after useStudent's own beforeAll (hooks run in the order given), as the submission's clock starts
      beforeAll(() => jobBegins(job));
      for (const check of hidden[i].checks) registerCheck(check, student);
      plotsStep(hidden[i], student);
    });
  });
}
