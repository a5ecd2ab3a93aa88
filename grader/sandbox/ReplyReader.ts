// Reads what the sandbox writes on its channel: one JSON message a line
// (host.mjs), parsed here, in the grading process. Student code shares the
// sandbox's process with host.mjs and can write any bytes to the channel's
// descriptor, so no byte sequence may make this throw, and no line may hold
// more of the grader's memory than one message may be long
// (REPLY_LIMITS.maxMessageBytes). Node's own channel parser did neither: a
// line that was not JSON threw an uncaught SyntaxError in the grader, and a
// line without an end was buffered without limit. A line that is not JSON,
// or longer than the limit, is a protocol violation: the reader says so once
// and reads nothing more (the sandbox is stopped). What a parsed message
// means is checkReply's to judge.
import { REPLY_LIMITS } from './wire.mjs';

export type ChannelEvent = { kind: 'message'; value: unknown } | { kind: 'violation'; message: string };

/** How a protocol violation begins, as the end of a sentence whose subject is the student code. */
export const NOT_A_REPLY = "wrote something to the grader's channel that is not a reply";

const NEWLINE = 0x0a;
const MB = 1024 * 1024;

/**
 * How deep and how many values a line may hold before it is parsed: a reply's
 * own bounds (REPLY_LIMITS) plus room for the envelope around it (the
 * message, a call group's array and its entries, the specials list). host.mjs
 * checks every value against REPLY_LIMITS before it writes, so only a line
 * student code wrote itself can go past these. Without them a 32 MB line of
 * 16 million nested arrays cost the grader 12 s and 1 GB to parse before
 * checkReply could refuse it, and could do so on every call.
 */
export const LINE_LIMITS = Object.freeze({
  maxDepth: REPLY_LIMITS.maxDepth + 8,
  maxEntries: 2 * REPLY_LIMITS.maxEntries + 10_000,
});

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;
const COMMA = 0x2c;

/**
 * Why `text` is past LINE_LIMITS, or null: one pass over its characters that
 * counts nesting and values (commas and openings) outside strings, stopping
 * at the first limit passed. About 1.5 ns a character, far less than parsing.
 */
export function lineOutOfBounds(text: string, limits: { maxDepth: number; maxEntries: number } = LINE_LIMITS): string | null {
  let depth = 0;
  let entries = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      if (++depth > limits.maxDepth) return `a message nested more than ${limits.maxDepth} levels deep`;
      if (++entries > limits.maxEntries) return `a message of more than ${limits.maxEntries} values`;
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) {
      depth--;
    } else if (c === COMMA) {
      if (++entries > limits.maxEntries) return `a message of more than ${limits.maxEntries} values`;
    }
  }
  return null;
}

export class ReplyReader {
  /** the unfinished line's pieces, and their bytes together */
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private violated = false;

  constructor(private readonly maxMessageBytes: number = REPLY_LIMITS.maxMessageBytes) {}

  /** Bytes of the unfinished line held now: never more than maxMessageBytes. */
  get buffered(): number {
    return this.pendingBytes;
  }

  /** True once a violation has been reported: everything after it is ignored. */
  get stopped(): boolean {
    return this.violated;
  }

  /** The messages `chunk` completes, in order, then at most one violation, after which nothing more is read. */
  push(chunk: Buffer): ChannelEvent[] {
    const events: ChannelEvent[] = [];
    let start = 0;
    while (!this.violated && start < chunk.length) {
      const newline = chunk.indexOf(NEWLINE, start);
      const end = newline === -1 ? chunk.length : newline;
      const bytes = this.pendingBytes + (end - start);
      if (bytes > this.maxMessageBytes) {
        events.push(this.violation(`a message of more than ${this.limitInWords()}`));
        break;
      }
      if (newline === -1) {
        this.pending.push(chunk.subarray(start));
        this.pendingBytes = bytes;
        break;
      }
      let text: string;
      if (this.pending.length === 0) {
        text = chunk.toString('utf8', start, end);
      } else {
        this.pending.push(chunk.subarray(start, end));
        text = Buffer.concat(this.pending, bytes).toString('utf8');
        this.pending = [];
        this.pendingBytes = 0;
      }
      start = newline + 1;
      events.push(this.parse(text));
    }
    return events;
  }

  /** The channel closed: a violation if it closed in the middle of a message. */
  end(): ChannelEvent[] {
    if (this.violated || this.pendingBytes === 0) return [];
    return [this.violation('a message left unfinished when the channel closed')];
  }

  private parse(text: string): ChannelEvent {
    const outOfBounds = lineOutOfBounds(text);
    if (outOfBounds !== null) return this.violation(outOfBounds);
    try {
      return { kind: 'message', value: JSON.parse(text) };
    } catch {
      return this.violation('a line that is not JSON');
    }
  }

  private violation(what: string): ChannelEvent {
    this.violated = true;
    this.pending = [];
    this.pendingBytes = 0;
    return { kind: 'violation', message: `${NOT_A_REPLY} (${what})` };
  }

  private limitInWords(): string {
    const { maxMessageBytes: max } = this;
    return max % MB === 0 ? `${max / MB} MB` : `${max} bytes`;
  }
}
