// The hidden suite's end of the job feed: a slot file, as Vitest collects it,
// asks the grading process for the batch of submissions it is to grade and
// waits until there is one. The batch comes before its submissions are
// compiled (so their sandboxes can start meanwhile); each job's compilation
// result follows, and its checks wait for it. The worker thread and the
// grading process's main thread share the process: a BroadcastChannel joins them.
import { BroadcastChannel } from 'node:worker_threads';
import { inject } from 'vitest';
import { FEED_KEY, type FeedJobBegins, type FeedPrepared, type FeedReply, type FeedRequest, type FeedSuiteReady, type JobContext } from '../../harness/job.ts';

type Prepared = Pick<FeedPrepared, 'unavailable' | 'failed'>;
const prepared = new Map<string, { promise: Promise<Prepared>; resolve(p: Prepared): void }>();

function entry(jobId: string) {
  let found = prepared.get(jobId);
  if (!found) {
    let resolve!: (p: Prepared) => void;
    const promise = new Promise<Prepared>((r) => (resolve = r));
    found = { promise, resolve };
    prepared.set(jobId, found);
  }
  return found;
}

/** The jobs of slot `slot`; none when the grading process has no more work for this run. */
export function nextBatch(slot: number): Promise<JobContext[]> {
  const channel = new BroadcastChannel(inject(FEED_KEY));
  let waitingFor = new Set<string>();
  return new Promise((resolve) => {
    channel.onmessage = (event) => {
      const message = (event as { data?: FeedReply | FeedPrepared }).data;
      if (message?.type === 'jobs' && message.slot === slot) {
        waitingFor = new Set(message.jobs.map((job) => job.id));
        for (const id of waitingFor) entry(id);
        if (waitingFor.size === 0) channel.close();
        resolve(message.jobs);
      } else if (message?.type === 'prepared' && waitingFor.delete(message.jobId)) {
        entry(message.jobId).resolve({ unavailable: message.unavailable, failed: message.failed });
        if (waitingFor.size === 0) channel.close();
      }
    };
    const request: FeedRequest = { type: 'want', slot };
    channel.postMessage(request);
  });
}

/** Tells the grading process that slot `slot` has its checks loaded: the suite's own time starts here. */
export function suiteReady(slot: number): void {
  const channel = new BroadcastChannel(inject(FEED_KEY));
  const message: FeedSuiteReady = { type: 'ready', slot };
  channel.postMessage(message);
  channel.close();
}

/** Tells the grading process that `job`'s checks begin now, so its deadline timer starts. */
export function jobBegins(job: JobContext): void {
  const channel = new BroadcastChannel(inject(FEED_KEY));
  const message: FeedJobBegins = { type: 'begin', jobId: job.id };
  channel.postMessage(message);
  channel.close();
}

/** Waits until `job` is compiled and records what did not compile; throws if it could not be prepared. */
export async function whenPrepared(job: JobContext): Promise<void> {
  const { unavailable, failed } = await entry(job.id).promise;
  prepared.delete(job.id);
  if (failed !== null) throw new Error(`the submission could not be prepared for grading: ${failed}`);
  Object.assign(job.unavailable, unavailable);
}
