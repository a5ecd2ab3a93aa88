import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LINE_LIMITS, lineOutOfBounds, NOT_A_REPLY, ReplyReader, type ChannelEvent } from './ReplyReader.ts';
import { REPLY_LIMITS } from './wire.mjs';

const bytes = (text: string) => Buffer.from(text, 'utf8');
const messages = (events: ChannelEvent[]) => events.map((e) => (e.kind === 'message' ? e.value : e));

describe('ReplyReader', () => {
  it('hands over each line as the value its JSON is, however the bytes are cut', () => {
    const text = '{"kind":"ready"}\n{"id":1,"kind":"returned","value":[1,2,"é€😀"]}\n{"id":2,"kind":"progress","done":3}\n';
    const expected = [{ kind: 'ready' }, { id: 1, kind: 'returned', value: [1, 2, 'é€😀'] }, { id: 2, kind: 'progress', done: 3 }];
    const all = bytes(text);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: all.length - 1 }), { maxLength: 12 }), (cuts) => {
        const reader = new ReplyReader();
        const events: ChannelEvent[] = [];
        let from = 0;
        for (const cut of [...cuts].sort((a, b) => a - b)) {
          events.push(...reader.push(all.subarray(from, cut)));
          from = cut;
        }
        events.push(...reader.push(all.subarray(from)), ...reader.end());
        expect(messages(events)).toEqual(expected);
        expect(reader.buffered).toBe(0);
      }),
    );
  });

  it('makes a line that is not JSON a violation, after the messages before it, and reads nothing more', () => {
    const reader = new ReplyReader();
    const events = reader.push(bytes('{"id":1,"kind":"progress","done":1}\nnot json\n{"id":1,"kind":"returned","value":2}\n'));
    expect(messages(events)).toEqual([
      { id: 1, kind: 'progress', done: 1 },
      { kind: 'violation', message: `${NOT_A_REPLY} (a line that is not JSON)` },
    ]);
    expect(reader.stopped).toBe(true);
    expect(reader.push(bytes('{"kind":"ready"}\n'))).toEqual([]);
    expect(reader.end()).toEqual([]);
  });

  it('never throws, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 8 }), (chunks) => {
        const reader = new ReplyReader(100);
        for (const chunk of chunks) {
          for (const event of reader.push(Buffer.from(chunk))) {
            if (event.kind === 'violation') expect(event.message.startsWith(NOT_A_REPLY)).toBe(true);
          }
          expect(reader.buffered).toBeLessThanOrEqual(100);
        }
        reader.end();
      }),
    );
  });

  it('holds at most one message of the limit: a line past it is a violation at once, newline or not', () => {
    const reader = new ReplyReader();
    const limit = REPLY_LIMITS.maxMessageBytes;
    const mb = Buffer.alloc(1024 * 1024, 0x78);
    let violation: ChannelEvent | undefined;
    let most = 0;
    // 100 MB without a newline, a megabyte at a time
    for (let i = 0; i < 100 && violation === undefined; i++) {
      violation = reader.push(mb)[0];
      most = Math.max(most, reader.buffered);
    }
    expect(violation).toEqual({ kind: 'violation', message: `${NOT_A_REPLY} (a message of more than 32 MB)` });
    expect(most).toBeLessThanOrEqual(limit);
    expect(reader.buffered).toBe(0);
    expect(reader.push(bytes('\n{"kind":"ready"}\n'))).toEqual([]);
  });

  it('takes a message of exactly the limit, and refuses one byte more', () => {
    const line = (n: number) => bytes(`"${'a'.repeat(n - 2)}"\n`);
    expect(messages(new ReplyReader(64).push(line(64)))).toEqual(['a'.repeat(62)]);
    expect(new ReplyReader(64).push(line(65))).toEqual([{ kind: 'violation', message: `${NOT_A_REPLY} (a message of more than 64 bytes)` }]);
  });

  it('reports a message left unfinished when the channel closes', () => {
    const reader = new ReplyReader();
    expect(reader.push(bytes('{"id":1,"kind":"ret'))).toEqual([]);
    expect(reader.end()).toEqual([{ kind: 'violation', message: `${NOT_A_REPLY} (a message left unfinished when the channel closed)` }]);
  });

  it('reads bytes that are not UTF-8 without throwing (as replacement characters)', () => {
    const reader = new ReplyReader();
    const events = reader.push(Buffer.concat([bytes('"a'), Buffer.from([0xff, 0xc3]), bytes('b"\n')]));
    expect(messages(events)).toEqual(['a\ufffd\ufffdb']);
  });

  it('refuses, before parsing, a line nested or filled past what any honest reply can be, and stops', () => {
    const deep = `{"id":1,"kind":"returned","value":${'['.repeat(LINE_LIMITS.maxDepth)}${']'.repeat(LINE_LIMITS.maxDepth)}}\n`;
    const reader = new ReplyReader();
    expect(reader.push(bytes(deep))).toEqual([
      { kind: 'violation', message: `${NOT_A_REPLY} (a message nested more than ${LINE_LIMITS.maxDepth} levels deep)` },
    ]);
    expect(reader.push(bytes('{"kind":"ready"}\n'))).toEqual([]);
    const many = `[${'0,'.repeat(LINE_LIMITS.maxEntries)}0]\n`;
    expect(new ReplyReader().push(bytes(many))).toEqual([
      { kind: 'violation', message: `${NOT_A_REPLY} (a message of more than ${LINE_LIMITS.maxEntries} values)` },
    ]);
  });

  it('counts only structure outside strings, escaped quotes included', () => {
    const limits = { maxDepth: 2, maxEntries: 3 };
    expect(lineOutOfBounds('["[[[,,,,\\"[[[", 1]', limits)).toBeNull();
    expect(lineOutOfBounds('[[[1]]]', limits)).toBe('a message nested more than 2 levels deep');
    expect(lineOutOfBounds('[1,2,3]', limits)).toBe('a message of more than 3 values');
    // the deepest and largest replies REPLY_LIMITS lets through still fit, with their envelope
    const inner = `${'['.repeat(REPLY_LIMITS.maxDepth)}${']'.repeat(REPLY_LIMITS.maxDepth)}`;
    expect(lineOutOfBounds(`{"id":1,"kind":"returned","value":[{"kind":"returned","value":${inner}}],"specials":[]}`)).toBeNull();
  });
});
