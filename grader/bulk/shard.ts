// --shard i/n: which students this run grades. A student belongs to one
// shard by a stable hash of their id, so shards never overlap, cover the
// class together, and keep their students when others join or leave.
import { createHash } from 'node:crypto';
import { ReluLabError } from '../core/errors.ts';

/** 1-based, like Vitest's and Playwright's --shard. */
export interface Shard {
  index: number;
  count: number;
}

export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) {
    throw new ReluLabError('usage', `--shard needs i/n with 1 <= i <= n, e.g. --shard 2/4; got "${text}"`);
  }
  return { index, count };
}

/** The shard (1..count) that student `id` belongs to. */
export function shardOf(id: string, count: number): number {
  const hash = createHash('sha256').update(id, 'utf8').digest();
  return (hash.readUInt32BE(0) % count) + 1;
}

export function inShard(id: string, shard: Shard | null): boolean {
  return shard === null || shardOf(id, shard.count) === shard.index;
}
