import { describe, expect, test } from 'vitest';
import { describeTimeout, residentMb } from './describeTimeout.ts';

const call = { label: 'exercises/backprop.ts backward', callTimeoutMs: 2000, groupSize: null };

describe('describeTimeout', () => {
  test('a process well under its heap limit timed out', () => {
    expect(describeTimeout({ ...call, pid: process.pid, memoryMb: 1_000_000 })).toEqual({
      kind: 'timed-out',
      limit: 'call',
      message: 'exercises/backprop.ts backward timed out after 2000 ms',
    });
  });

  test('a process at its heap limit ran out of memory', () => {
    const outcome = describeTimeout({ ...call, pid: process.pid, memoryMb: 1, groupSize: 10 });
    expect(outcome.kind).toBe('crashed');
    expect(outcome.message).toMatch(/^exercises\/backprop\.ts backward ran out of memory \(it was using \d+ MB, the limit is 1 MB\)$/);
  });

  test('a call group says so; an unknown process reads as no memory figure', () => {
    expect(describeTimeout({ ...call, pid: undefined, memoryMb: 1, groupSize: 10 }).message).toBe(
      'exercises/backprop.ts backward timed out after 2000 ms (in a call group of 10 calls)',
    );
    expect(residentMb(undefined)).toBeNull();
  });

  test("names the limit that ran out: the call group's or the submission's deadline", () => {
    const inGroup = { ...call, pid: undefined, memoryMb: 1, groupSize: 100 };
    expect(describeTimeout({ ...inGroup, limit: { kind: 'group', ms: 10_000 } })).toEqual({
      kind: 'timed-out',
      limit: 'group',
      message: "exercises/backprop.ts backward was stopped when its call group's time limit (10000 ms for all 100 calls) ran out",
    });
    expect(describeTimeout({ ...inGroup, limit: { kind: 'submission', ms: 120_000 } })).toEqual({
      kind: 'timed-out',
      limit: 'submission',
      message: "exercises/backprop.ts backward was stopped at the submission's deadline of 120000 ms (in a call group of 100 calls)",
    });
  });
});
