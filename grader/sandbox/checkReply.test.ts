import { describe, expect, it } from 'vitest';
import { checkReply } from './checkReply.ts';

describe('checkReply', () => {
  it('accepts the protocol messages', () => {
    expect(checkReply({ kind: 'ready' })).toEqual({ kind: 'ready' });
    expect(checkReply({ id: 3, kind: 'returned', value: [-0] })).toEqual({ id: 3, kind: 'returned', value: [-0] });
    expect(checkReply({ id: 3, kind: 'threw', error: { name: 'RangeError', message: 'm', extra: 1 } })).toEqual({ id: 3, kind: 'threw', error: { name: 'RangeError', message: 'm' } });
    expect(checkReply({ id: 3, kind: 'progress', done: 7 })).toEqual({ id: 3, kind: 'progress', done: 7 });
    expect(checkReply({ kind: 'fatal', error: { name: 'Error', message: 'x' } })).toEqual({ kind: 'fatal', error: { name: 'Error', message: 'x' } });
  });

  it('ignores anything else', () => {
    for (const raw of [null, 1, 'ready', [], { id: '1', kind: 'returned' }, { id: 1, kind: 'threw', error: 'x' }, { id: 1, kind: 'progress', done: 0.5 }, { id: 1, kind: 'other' }, { kind: 'fatal' }]) {
      expect(checkReply(raw)).toBeNull();
    }
  });
});
