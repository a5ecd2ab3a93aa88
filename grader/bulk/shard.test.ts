import { describe, expect, test } from 'vitest';
import { inShard, parseShard, shardOf } from './shard.ts';

describe('shards', () => {
  test('parses i/n and refuses anything else', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '1/0', '1', 'a/b', '1/2/3', '-1/2']) expect(() => parseShard(bad)).toThrow(/--shard/);
  });

  test('every student is in exactly one shard, the same one every time, and shards are balanced', () => {
    const ids = Array.from({ length: 400 }, (_, i) => `student-${i}`);
    const sizes = [0, 0, 0, 0];
    for (const id of ids) {
      const owners = [1, 2, 3, 4].filter((index) => inShard(id, { index, count: 4 }));
      expect(owners).toEqual([shardOf(id, 4)]);
      sizes[owners[0] - 1] += 1;
    }
    for (const size of sizes) expect(size).toBeGreaterThan(60);
    expect(shardOf('alice', 3)).toBe(shardOf('alice', 3));
    expect(inShard('anyone', null)).toBe(true);
  });
});
