// The messages host.mjs reads: a call's arguments beside where the values
// JSON cannot carry are (wire.mjs), a batch's as JSON text encoded once.
import { findSpecials } from './wire.mjs';

/** A batch's arguments as sent: JSON text, and where the values JSON cannot carry are. */
interface EncodedBatch {
  argsJson: string;
  specials: ReturnType<typeof findSpecials>;
}

/**
 * Encoded batches by argument list. The checks give every submission the
 * very same argument lists (see plannedFor), so each is encoded once per
 * grading process; callMany's argument lists must not change once sent.
 */
const encodedBatches = new WeakMap<unknown[][], EncodedBatch>();

/** The message for `request`, with its arguments in the wire format of host.mjs. Throws a TypeError for arguments that are not plain data. */
export function encodeRequest(request: Record<string, unknown>): Record<string, unknown> {
  if (request.op === 'callMany') {
    const { argsList, ...rest } = request;
    const list = argsList as unknown[][];
    let batch = encodedBatches.get(list);
    if (batch === undefined) {
      batch = { specials: findSpecials(list), argsJson: JSON.stringify(list) };
      encodedBatches.set(list, batch);
    }
    return batch.specials.length === 0 ? { ...rest, argsJson: batch.argsJson } : { ...rest, argsJson: batch.argsJson, specials: batch.specials };
  }
  const specials = request.args === undefined ? [] : findSpecials(request.args);
  return specials.length === 0 ? request : { ...request, specials };
}
