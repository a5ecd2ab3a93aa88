// Checks a message from the sandbox process before the grader believes it.
// The process runs student code, and student code shares it with host.mjs:
// it can write lines of its own to the channel's descriptor, skipping every
// limit plainData.mjs keeps. So each message, once ReplyReader has parsed
// it, is re-checked here, in the trusted process: what does not have the protocol's shape (see
// host.mjs) is ignored, and a value outside REPLY_LIMITS (wire.mjs) becomes
// that call's `threw` (ReplyOutOfBounds), never an exception, a stack
// overflow or a hang further on. The walk uses an explicit stack, so no
// nesting, however deep, can overflow the grader's own stack.
import type { CallError } from './CallOutcome.ts';
import { REPLY_LIMITS } from './wire.mjs';

export type Reply =
  | { kind: 'ready' }
  | { kind: 'fatal'; error: CallError }
  | { id: number; kind: 'progress'; done: number }
  | { id: number; kind: 'returned'; value: unknown; specials?: unknown }
  | { id: number; kind: 'threw'; error: CallError };

/** The name of the error a reply outside REPLY_LIMITS, or a malformed one, becomes. */
export const REPLY_OUT_OF_BOUNDS = 'ReplyOutOfBounds';

const SPECIAL_CODES = new Set(['-0', 'NaN', 'Infinity', '-Infinity', 'undefined']);
const MB = 1024 * 1024;

function isRecord(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

/** A string cut to the longest a reply may carry, so an error message cannot flood the results. */
function clipped(text: string): string {
  return text.length > REPLY_LIMITS.maxStringLength ? `${text.slice(0, REPLY_LIMITS.maxStringLength)}...` : text;
}

function checkError(x: unknown): CallError | null {
  if (!isRecord(x) || typeof x.name !== 'string' || typeof x.message !== 'string') return null;
  return { name: clipped(x.name), message: clipped(x.message) };
}

/** What one reply may still use: shared by a call group's entries, so together they stay within the limits. */
interface Budget {
  entries: number;
  bytes: number;
}

/**
 * Why `value` is outside the limits or not plain data, or null when it fits.
 * Walks with an explicit stack; spends from `budget` as it goes (the caller
 * gives back what a refused value spent).
 */
function problemOf(value: unknown, budget: Budget): string | null {
  const { maxDepth, maxEntries, maxStringLength, maxBytes } = REPLY_LIMITS;
  const values: unknown[] = [value];
  const depths: number[] = [0];
  while (values.length > 0) {
    const v = values.pop();
    const depth = depths.pop()!;
    if (++budget.entries > maxEntries) return `returned a value too large to grade (more than ${maxEntries} entries)`;
    const type = typeof v;
    // undefined: an absent key, put back from the specials
    if (v === null || v === undefined || type === 'boolean' || (type === 'number' && Number.isFinite(v as number))) {
      budget.bytes += 8;
    } else if (type === 'string') {
      const length = (v as string).length;
      if (length > maxStringLength) return `returned a value too large to grade (a string of ${length} characters; at most ${maxStringLength})`;
      budget.bytes += 16 + 2 * length;
    } else if (Array.isArray(v)) {
      if (depth + 1 > maxDepth) return `returned a value too deep to grade (depth > ${maxDepth})`;
      budget.bytes += 16;
      for (let i = v.length - 1; i >= 0; i--) {
        values.push(v[i]);
        depths.push(depth + 1);
      }
    } else if (type === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      if (depth + 1 > maxDepth) return `returned a value too deep to grade (depth > ${maxDepth})`;
      budget.bytes += 16;
      const keys = Object.keys(v as object);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i];
        if (key.length > maxStringLength) return `returned a value too large to grade (a key of ${key.length} characters; at most ${maxStringLength})`;
        budget.bytes += 2 * key.length;
        values.push((v as Record<string, unknown>)[key]);
        depths.push(depth + 1);
      }
    } else {
      // JSON gives nothing else; anything else did not come through the channel
      return `returned a value that is not plain data (${type === 'object' ? 'an object that is not plain' : `a ${type}`})`;
    }
    if (budget.bytes > maxBytes) return `returned a value too large to grade (more than ${maxBytes / MB} MB)`;
  }
  return null;
}

/** Why `specials` is not a list of [path, code] that fits the limits, or null (an absent list is well-formed). */
function specialsProblem(specials: unknown): string | null {
  if (specials === undefined) return null;
  const bad = 'sent a malformed reply (its list of -0, NaN, Infinity and undefined values)';
  if (!Array.isArray(specials)) return bad;
  if (specials.length > REPLY_LIMITS.maxEntries) return `returned a value too large to grade (more than ${REPLY_LIMITS.maxEntries} entries)`;
  let keys = 0;
  for (const entry of specials) {
    if (!Array.isArray(entry) || entry.length !== 2 || !Array.isArray(entry[0]) || typeof entry[1] !== 'string' || !SPECIAL_CODES.has(entry[1])) return bad;
    const path: unknown[] = entry[0];
    // a call group's paths start with [index, 'value']
    if (path.length > REPLY_LIMITS.maxDepth + 2) return `returned a value too deep to grade (depth > ${REPLY_LIMITS.maxDepth})`;
    keys += path.length;
    if (keys > REPLY_LIMITS.maxEntries) return `returned a value too large to grade (more than ${REPLY_LIMITS.maxEntries} entries)`;
    for (const key of path) {
      const fits = typeof key === 'string' ? key.length <= REPLY_LIMITS.maxStringLength : Number.isSafeInteger(key) && (key as number) >= 0;
      if (!fits) return bad;
    }
  }
  return null;
}

/** A call group's reply: one { kind: 'returned', value? } or { kind: 'threw', error } per call (host.mjs). */
function isGroupReply(value: unknown): value is Record<string, unknown>[] {
  if (!Array.isArray(value) || value.length === 0) return false;
  for (const entry of value) {
    if (!isRecord(entry)) return false;
    if (entry.kind === 'returned') continue;
    if (entry.kind !== 'threw' || checkError(entry.error) === null) return false;
  }
  return true;
}

const outOfBounds = (id: number, message: string): Reply => ({ id, kind: 'threw', error: { name: REPLY_OUT_OF_BOUNDS, message } });

/**
 * A `returned` reply within the limits. A call group is checked call by call: a
 * call whose value does not fit (alone, or with the calls before it) becomes
 * that call's `threw`, and the others keep their values.
 */
function checkReturned(id: number, value: unknown, specials: unknown): Reply {
  const malformed = specialsProblem(specials);
  if (malformed) return outOfBounds(id, malformed);
  const budget: Budget = { entries: 0, bytes: 0 };
  if (!isGroupReply(value)) {
    const problem = problemOf(value, budget);
    if (problem) return outOfBounds(id, problem);
    return specials === undefined ? { id, kind: 'returned', value } : { id, kind: 'returned', value, specials };
  }
  const entries: Record<string, unknown>[] = [];
  const refused = new Set<number>();
  for (let i = 0; i < value.length; i++) {
    const entry = value[i];
    if (entry.kind === 'threw') {
      entries.push({ kind: 'threw', error: checkError(entry.error)! });
      continue;
    }
    const before = { ...budget };
    const problem = problemOf(entry.value, budget);
    if (problem === null) {
      entries.push(Object.hasOwn(entry, 'value') ? { kind: 'returned', value: entry.value } : { kind: 'returned' });
    } else {
      Object.assign(budget, before);
      refused.add(i);
      entries.push({ kind: 'threw', error: { name: REPLY_OUT_OF_BOUNDS, message: problem } });
    }
  }
  if (specials === undefined) return { id, kind: 'returned', value: entries };
  // the refused calls' specials would land in their error entries
  const kept = refused.size === 0 ? specials : (specials as [unknown[], string][]).filter(([path]) => !refused.has(path[0] as number));
  return { id, kind: 'returned', value: entries, specials: kept };
}

/** The reply `raw` is, or null when it is not one. */
export function checkReply(raw: unknown): Reply | null {
  if (!isRecord(raw)) return null;
  if (raw.kind === 'ready') return { kind: 'ready' };
  if (raw.kind === 'fatal') {
    const error = checkError(raw.error);
    return error ? { kind: 'fatal', error } : null;
  }
  if (typeof raw.id !== 'number') return null;
  const id = raw.id;
  switch (raw.kind) {
    case 'progress':
      return Number.isSafeInteger(raw.done) ? { id, kind: 'progress', done: raw.done as number } : null;
    case 'returned':
      return checkReturned(id, raw.value, raw.specials);
    case 'threw': {
      const error = checkError(raw.error);
      return error ? { id, kind: 'threw', error } : null;
    }
    default:
      return null;
  }
}
