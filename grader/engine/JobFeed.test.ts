import { BroadcastChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { FeedReply, JobContext } from '../harness/job.ts';
import { JobFeed } from './JobFeed.ts';

const job = (id: string) => ({ id }) as JobContext;
const feeds: JobFeed[] = [];
const channels: BroadcastChannel[] = [];
afterEach(() => {
  feeds.splice(0).forEach((f) => f.close());
  channels.splice(0).forEach((c) => c.close());
});

/** A slot's side of the channel: asks for `slot`'s batch and resolves with the reply. */
function ask(feed: JobFeed, slot: number): Promise<FeedReply> {
  const channel = new BroadcastChannel(feed.name);
  channels.push(channel);
  return new Promise((resolve) => {
    channel.onmessage = (event) => {
      const reply = (event as { data: FeedReply }).data;
      if (reply.slot === slot) resolve(reply);
    };
    channel.postMessage({ type: 'want', slot });
  });
}

describe('JobFeed', () => {
  it('hands batches to slots in the order offered, and says which slot took each', async () => {
    const feed = new JobFeed();
    feeds.push(feed);
    const taken: string[] = [];
    feed.offer([job('a')], (slot) => taken.push(`a@${slot}`));
    feed.offer([job('b'), job('c')], (slot) => taken.push(`bc@${slot}`));
    expect((await ask(feed, 1)).jobs.map((j) => j.id)).toEqual(['a']);
    expect((await ask(feed, 2)).jobs.map((j) => j.id)).toEqual(['b', 'c']);
    expect(taken).toEqual(['a@1', 'bc@2']);
  });

  it('keeps a slot waiting until there is work, and answers with none once drained', async () => {
    const feed = new JobFeed();
    feeds.push(feed);
    const waiting = ask(feed, 1);
    await new Promise((r) => setTimeout(r, 20));
    feed.offer([job('late')], () => {});
    expect((await waiting).jobs.map((j) => j.id)).toEqual(['late']);
    feed.drain();
    expect((await ask(feed, 2)).jobs).toEqual([]);
  });

  it("tells the grading process as a job's checks begin", async () => {
    const feed = new JobFeed();
    feeds.push(feed);
    const began = new Promise<string>((resolve) => (feed.onBegin = resolve));
    const channel = new BroadcastChannel(feed.name);
    channels.push(channel);
    channel.postMessage({ type: 'begin', jobId: 'job-7' });
    expect(await began).toBe('job-7');
  });

  it('withdraws a batch no slot has taken', () => {
    const feed = new JobFeed();
    feeds.push(feed);
    const jobs = [job('x')];
    feed.offer(jobs, () => {});
    expect(feed.withdraw(jobs)).toBe(true);
    expect(feed.withdraw(jobs)).toBe(false);
  });
});
