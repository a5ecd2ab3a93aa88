import { describe, expect, test } from 'vitest';
import { planEntries, type PlannedEntry } from './planEntries.ts';
import { shardOf } from './shard.ts';
import { studentId } from './studentId.ts';
import type { BulkEntry } from './types.ts';

const entry = (name: string, kind: BulkEntry['kind'] = name.endsWith('.zip') ? 'zip' : 'folder'): BulkEntry => ({
  id: studentId(name, kind === 'zip' || kind === 'other'),
  name,
  path: `/class/${name}`,
  kind,
});
const names = ['Alice.zip', 'alice', 'alice .zip', 'alice.zip', 'bob', 'carol.zip'].sort();

describe('planEntries', () => {
  test('entries whose ids are equal, or equal ignoring case, are one collision: none of them is graded', () => {
    const planned = planEntries(
      names.map((n) => entry(n)),
      null,
    );
    expect(planned.filter((p) => p.kind === 'grade').map((p) => (p as Extract<PlannedEntry, { kind: 'grade' }>).entry.name)).toEqual(['bob', 'carol.zip']);
    const collisions = planned.filter((p) => p.kind === 'id-collision');
    expect(collisions).toHaveLength(1);
    expect(collisions[0]).toMatchObject({ id: 'Alice', otherIds: ['alice'] });
    expect(collisions[0].entries.map((e) => e.name)).toEqual(['Alice.zip', 'alice', 'alice .zip', 'alice.zip']);
  });

  test('two entries with one id: the message names both and says how to fix it', () => {
    const [plan] = planEntries([entry('alice .zip'), entry('alice.zip')], null);
    expect(plan).toMatchObject({ kind: 'id-collision', id: 'alice', otherIds: [] });
    const message = (plan as Extract<PlannedEntry, { kind: 'id-collision' }>).message;
    expect(message).toMatch(/^2 entries map to the student id "alice": "alice \.zip" and "alice\.zip"\. Neither was graded/);
    expect(message).toMatch(/Rename all but one/);
  });

  test('a name with controls is shown on one line, inert', () => {
    const [plan] = planEntries([entry('alice\r\n\u202E.zip'), entry('alice.zip')], null);
    const message = (plan as Extract<PlannedEntry, { kind: 'id-collision' }>).message;
    // eslint-disable-next-line no-control-regex
    expect(message).not.toMatch(/[\u0000-\u001F]/);
    expect(message).toContain('"alice\\u000D\\u000A\\u202E.zip"');
  });

  test('every entry of a collision lands in the same shard, so shards cannot each grade one of them', () => {
    const all = names.map((n) => entry(n));
    const count = 3;
    const perShard = [1, 2, 3].map((index) => planEntries(all, { index, count }));
    expect(perShard.flat()).toHaveLength(planEntries(all, null).length);
    const holding = perShard.findIndex((plans) => plans.some((p) => p.kind === 'id-collision'));
    expect(holding + 1).toBe(shardOf('Alice', count));
    // a lone entry keeps the shard of its id, as before
    expect(perShard[shardOf('bob', count) - 1].some((p) => p.kind === 'grade' && p.entry.name === 'bob')).toBe(true);
  });
});
