import { describe, expect, it } from 'vitest';
import { checkReply, REPLY_OUT_OF_BOUNDS } from './checkReply.ts';
import { REPLY_LIMITS } from './wire.mjs';

/** An array nested `depth` levels around 0, built without recursion. */
function nested(depth: number): unknown {
  let v: unknown = 0;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

/** The reply as it arrives: through JSON, as ReplyReader hands it over. */
const wire = (message: unknown): unknown => JSON.parse(JSON.stringify(message));

const refused = (message: RegExp) => ({ id: 3, kind: 'threw', error: { name: REPLY_OUT_OF_BOUNDS, message: expect.stringMatching(message) } });

describe('checkReply', () => {
  it('accepts the protocol messages', () => {
    expect(checkReply({ kind: 'ready' })).toEqual({ kind: 'ready' });
    expect(checkReply({ id: 3, kind: 'returned', value: [-0] })).toEqual({ id: 3, kind: 'returned', value: [-0] });
    expect(checkReply({ id: 3, kind: 'threw', error: { name: 'RangeError', message: 'm', extra: 1 } })).toEqual({
      id: 3,
      kind: 'threw',
      error: { name: 'RangeError', message: 'm' },
    });
    expect(checkReply({ id: 3, kind: 'progress', done: 7 })).toEqual({ id: 3, kind: 'progress', done: 7 });
    expect(checkReply({ kind: 'fatal', error: { name: 'Error', message: 'x' } })).toEqual({ kind: 'fatal', error: { name: 'Error', message: 'x' } });
  });

  it('ignores anything else', () => {
    for (const raw of [
      null,
      1,
      'ready',
      [],
      { id: '1', kind: 'returned' },
      { id: 1, kind: 'threw', error: 'x' },
      { id: 1, kind: 'progress', done: 0.5 },
      { id: 1, kind: 'other' },
      { kind: 'fatal' },
    ]) {
      expect(checkReply(raw)).toBeNull();
    }
  });

  it('passes honest answers through, specials and undefined included', () => {
    const net = { W1: [[1], [-0.5]], b1: [0, 1], W2: [[1, 1]], b2: [0] };
    const probe = { value: { net, losses: [1, 0.5] }, args: [net, [[1]], [[0]], { epochs: 2, lr: 0.1 }] };
    expect(checkReply(wire({ id: 3, kind: 'returned', value: probe }))).toEqual({ id: 3, kind: 'returned', value: probe });
    expect(checkReply({ id: 3, kind: 'returned', specials: [[[], 'undefined']] })).toEqual({
      id: 3,
      kind: 'returned',
      value: undefined,
      specials: [[[], 'undefined']],
    });
    expect(checkReply(wire({ id: 3, kind: 'returned', value: nested(REPLY_LIMITS.maxDepth) }))).toMatchObject({ kind: 'returned' });
  });

  it("turns a reply nested 6,000 deep into the call's threw, without recursing", () => {
    // JSON.parse builds it; a recursive walk of it would overflow the stack
    const raw = JSON.parse(`{"id":3,"kind":"returned","value":${'['.repeat(6_000)}0${']'.repeat(6_000)}}`);
    expect(checkReply(raw)).toEqual(refused(/^returned a value too deep to grade \(depth > 64\)$/));
    expect(checkReply(wire({ id: 3, kind: 'returned', value: nested(REPLY_LIMITS.maxDepth + 1) }))).toEqual(refused(/too deep/));
    expect(checkReply(wire({ id: 3, kind: 'returned', value: { a: { b: nested(REPLY_LIMITS.maxDepth - 1) } } }))).toEqual(refused(/too deep/));
  });

  it('refuses too many values, too long strings and keys, and too many bytes', () => {
    expect(checkReply({ id: 3, kind: 'returned', value: new Array(REPLY_LIMITS.maxEntries).fill(0) })).toEqual(refused(/more than 1000000 entries/));
    expect(checkReply({ id: 3, kind: 'returned', value: ['x'.repeat(REPLY_LIMITS.maxStringLength + 1)] })).toEqual(
      refused(/a string of 4001 characters; at most 4000/),
    );
    expect(checkReply({ id: 3, kind: 'returned', value: { ['k'.repeat(5_000)]: 1 } })).toEqual(refused(/a key of 5000 characters/));
    const strings = new Array(5_000).fill('y'.repeat(REPLY_LIMITS.maxStringLength));
    expect(checkReply({ id: 3, kind: 'returned', value: strings })).toEqual(refused(/more than 32 MB/));
  });

  it('refuses what JSON cannot have sent', () => {
    for (const value of [new Map(), [() => 1], { x: Number.NaN }, 1n]) {
      expect(checkReply({ id: 3, kind: 'returned', value })).toEqual(refused(/not plain data/));
    }
  });

  it('refuses malformed specials', () => {
    for (const specials of ['x', [[['a'], 'NaN', 1]], [[[], 'Nope']], [[[-1], 'NaN']], [[[{}], 'NaN']], [[new Array(70).fill(0), 'NaN']]]) {
      expect(checkReply({ id: 3, kind: 'returned', value: [0], specials })).toEqual(refused(/malformed|too deep/));
    }
  });

  it('clips the error a reply carries', () => {
    const reply = checkReply({ id: 3, kind: 'threw', error: { name: 'E', message: 'm'.repeat(1_000_000) } });
    expect(reply).toMatchObject({ kind: 'threw', error: { name: 'E' } });
    expect((reply as { error: { message: string } }).error.message.length).toBeLessThanOrEqual(REPLY_LIMITS.maxStringLength + 3);
  });

  it('in a call group, refuses only the calls that do not fit, and drops their specials', () => {
    const raw = wire({
      id: 3,
      kind: 'returned',
      value: [
        { kind: 'returned', value: [1] },
        { kind: 'returned', value: nested(100) },
        { kind: 'threw', error: { name: 'RangeError', message: 'r' } },
        { kind: 'returned' },
        { kind: 'returned', value: [2] },
      ],
      specials: [
        [[0, 'value', 0], '-0'],
        [[1, 'value'], 'NaN'],
        [[3, 'value'], 'undefined'],
      ],
    });
    expect(checkReply(raw)).toEqual({
      id: 3,
      kind: 'returned',
      value: [
        { kind: 'returned', value: [1] },
        { kind: 'threw', error: { name: REPLY_OUT_OF_BOUNDS, message: 'returned a value too deep to grade (depth > 64)' } },
        { kind: 'threw', error: { name: 'RangeError', message: 'r' } },
        { kind: 'returned' },
        { kind: 'returned', value: [2] },
      ],
      specials: [
        [[0, 'value', 0], '-0'],
        [[3, 'value'], 'undefined'],
      ],
    });
  });

  it('in a call group, refuses the calls past the budget the group shares, and keeps the rest', () => {
    const half = new Array(REPLY_LIMITS.maxEntries / 2).fill(0);
    const reply = checkReply({ id: 3, kind: 'returned', value: [half, half, [1], half].map((value) => ({ kind: 'returned', value })) }) as {
      value: { kind: string }[];
    };
    expect(reply.value.map((e) => e.kind)).toEqual(['returned', 'threw', 'returned', 'threw']);
  });
});
