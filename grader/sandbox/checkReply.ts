// Checks a message from the sandbox process before the grader believes it.
// The process runs student code, so a message may be anything; what does not
// have the protocol's shape (see host.mjs) is ignored.
import type { CallError } from './CallOutcome.ts';

export type Reply =
  | { kind: 'ready' }
  | { kind: 'fatal'; error: CallError }
  | { id: number; kind: 'progress'; done: number }
  | { id: number; kind: 'returned'; value: unknown; specials?: unknown }
  | { id: number; kind: 'threw'; error: CallError };

function isRecord(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

function checkError(x: unknown): CallError | null {
  if (!isRecord(x) || typeof x.name !== 'string' || typeof x.message !== 'string') return null;
  return { name: x.name, message: x.message };
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
      return Number.isInteger(raw.done) ? { id, kind: 'progress', done: raw.done as number } : null;
    case 'returned':
      return raw.specials === undefined ? { id, kind: 'returned', value: raw.value } : { id, kind: 'returned', value: raw.value, specials: raw.specials };
    case 'threw': {
      const error = checkError(raw.error);
      return error ? { id, kind: 'threw', error } : null;
    }
    default:
      return null;
  }
}
