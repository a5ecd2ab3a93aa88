// The hidden suite's end of the job feed: a slot file, as Vitest collects it,
// asks the grading process for the batch of submissions it is to grade and
// waits until there is one. The worker thread and the grading process's main
// thread share the process, so a BroadcastChannel joins them.
import { BroadcastChannel } from 'node:worker_threads';
import { inject } from 'vitest';
import { FEED_KEY, type FeedReply, type FeedRequest, type JobContext } from './harness/job.ts';

/** The jobs of slot `slot`; none when the grading process has no more work for this run. */
export function nextBatch(slot: number): Promise<JobContext[]> {
  const channel = new BroadcastChannel(inject(FEED_KEY));
  return new Promise((resolve) => {
    channel.onmessage = (event) => {
      const reply = (event as { data?: FeedReply }).data;
      if (reply?.type !== 'jobs' || reply.slot !== slot) return;
      channel.close();
      resolve(reply.jobs);
    };
    const request: FeedRequest = { type: 'want', slot };
    channel.postMessage(request);
  });
}
