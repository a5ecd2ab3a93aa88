// The grading process's end of the job feed (see grader/engine/suite/feed.ts): slot
// files of the hidden suite ask for batches, and get them in the order they
// were offered, or none once the feed is drained. One feed serves one Vitest
// run; its channel name is handed to the run through provide/inject.
import { randomUUID } from 'node:crypto';
import { BroadcastChannel } from 'node:worker_threads';
import type { FeedJobBegins, FeedPrepared, FeedReply, FeedRequest, FeedSuiteReady, JobContext } from '../harness/job.ts';

interface Offer {
  jobs: JobContext[];
  /** called as a slot takes the batch */
  taken(slot: number): void;
  /** called when that slot has its checks loaded */
  ready?(): void;
}

export class JobFeed {
  readonly name = `relu-lab-feed-${process.pid}-${randomUUID()}`;
  private readonly channel = new BroadcastChannel(this.name);
  private readonly waiting: number[] = [];
  private readonly offers: Offer[] = [];
  private drained = false;
  /** compilation results not yet sent, by job id (sent once the job's batch is taken) */
  private readonly results = new Map<string, FeedPrepared>();
  /** jobs whose batch a slot has taken */
  private readonly taken = new Set<string>();
  /** per slot that took a batch: what to call when it has its checks loaded */
  private readonly readiness = new Map<number, () => void>();
  /** called as a job's checks begin (see FeedJobBegins) */
  onBegin: ((jobId: string) => void) | null = null;

  constructor() {
    this.channel.onmessage = (event) => {
      const message = (event as { data?: FeedRequest | FeedSuiteReady | FeedJobBegins }).data;
      if (message?.type === 'begin') {
        if (typeof message.jobId === 'string') this.onBegin?.(message.jobId);
        return;
      }
      if (!message || !Number.isInteger(message.slot)) return;
      if (message.type === 'ready') {
        this.readiness.get(message.slot)?.();
        this.readiness.delete(message.slot);
        return;
      }
      if (message.type !== 'want') return;
      this.waiting.push(message.slot);
      this.pump();
    };
    // a slot waiting for work must not keep the process alive on its own
    this.channel.unref();
  }

  /** Queues a batch for the next slot that asks; `ready` is called when that slot has its checks loaded. */
  offer(jobs: JobContext[], taken: (slot: number) => void, ready?: () => void): void {
    this.offers.push({ jobs, taken, ready });
    this.pump();
  }

  /** Tells the slot holding job `jobId` that its compilation is over (at once, or as soon as a slot takes its batch). */
  prepared(jobId: string, unavailable: Record<string, string>, failed: string | null = null): void {
    const message: FeedPrepared = { type: 'prepared', jobId, unavailable, failed };
    if (this.taken.has(jobId)) this.channel.postMessage(message);
    else this.results.set(jobId, message);
  }

  /** Withdraws a batch no slot has taken yet; false when one already has. */
  withdraw(jobs: JobContext[]): boolean {
    const i = this.offers.findIndex((o) => o.jobs === jobs);
    if (i === -1) return false;
    this.offers.splice(i, 1);
    return true;
  }

  /** From now on slots that ask get no jobs, so the run ends. */
  drain(): void {
    this.drained = true;
    this.pump();
  }

  close(): void {
    this.channel.close();
  }

  private pump(): void {
    while (this.waiting.length > 0 && (this.offers.length > 0 || this.drained)) {
      const slot = this.waiting.shift()!;
      const offer = this.offers.shift();
      const reply: FeedReply = { type: 'jobs', slot, jobs: offer?.jobs ?? [] };
      this.channel.postMessage(reply);
      for (const job of reply.jobs) {
        this.taken.add(job.id);
        const ready = this.results.get(job.id);
        this.results.delete(job.id);
        if (ready) this.channel.postMessage(ready);
      }
      if (offer?.ready) this.readiness.set(slot, offer.ready);
      offer?.taken(slot);
    }
  }
}
