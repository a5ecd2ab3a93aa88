import { describe, expect, it } from 'vitest';
import { settle } from './plainData.mjs';
import { REPLY_LIMITS } from './wire.mjs';

function nested(depth: number): unknown {
  let v: unknown = 0;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

const settled = (value: unknown) => settle(value, { used: 0 });

describe('settle: the sandbox side keeps the bounds the grader checks again', () => {
  it('copies honest answers', () => {
    expect(settled({ net: { W1: [[1]], b1: [0] }, losses: [1, -0] })).toEqual({
      kind: 'returned',
      value: { net: { W1: [[1]], b1: [0] }, losses: [1, -0] },
      specials: [[['losses', 1], '-0']],
    });
    expect(settled(nested(REPLY_LIMITS.maxDepth))).toMatchObject({ kind: 'returned' });
  });

  it('refuses a value deeper than the grader accepts, naming where', () => {
    expect(settled({ a: nested(REPLY_LIMITS.maxDepth) })).toEqual({
      kind: 'threw',
      error: { name: 'ReplyOutOfBounds', message: expect.stringMatching(/^returned a value too deep to grade \(depth > 64 at \.a(\[0\]){63}\)$/) },
    });
  });

  it('refuses strings and keys longer than the grader accepts', () => {
    expect(settled({ answer: 'x'.repeat(REPLY_LIMITS.maxStringLength + 1) })).toEqual({
      kind: 'threw',
      error: { name: 'ReplyOutOfBounds', message: 'returned a value too large to grade (a string of 4001 characters at .answer; at most 4000)' },
    });
    expect(settled('y'.repeat(5_000))).toMatchObject({
      kind: 'threw',
      error: { name: 'ReplyOutOfBounds', message: expect.stringContaining('at the top level') },
    });
    expect(settled({ ['k'.repeat(5_000)]: 1 })).toMatchObject({
      kind: 'threw',
      error: { name: 'ReplyOutOfBounds', message: expect.stringContaining('a key of 5000 characters') },
    });
  });

  it('still names what is not plain data', () => {
    expect(settled([() => 1])).toEqual({ kind: 'threw', error: { name: 'UnsendableValue', message: 'returned a value that cannot be sent: function at [0]' } });
  });
});
