// The lines host.mjs reads: one JSON message a line, a call's arguments
// beside where the values JSON cannot carry are (wire.mjs), a batch's
// argument lists as JSON text encoded once and spliced into the line.
import { findSpecials } from './wire.mjs';

/** A batch's arguments as sent: JSON text, and where the values JSON cannot carry are. */
interface EncodedBatch {
  json: string;
  specials: ReturnType<typeof findSpecials>;
}

/**
 * Encoded batches by argument list. The checks give every submission the
 * very same argument lists (see plannedFor), so each is encoded once per
 * grading process; callMany's argument lists must not change once sent.
 */
const encodedBatches = new WeakMap<unknown[][], EncodedBatch>();

/**
 * The line (ending in a newline) for `request`, with its arguments in the
 * wire format of host.mjs. Throws a TypeError for arguments that are not
 * plain data.
 */
export function encodeRequest(request: Record<string, unknown>): string {
  if (request.op === 'callMany') {
    const { argsList, ...rest } = request;
    const list = argsList as unknown[][];
    let batch = encodedBatches.get(list);
    if (batch === undefined) {
      batch = { specials: findSpecials(list), json: JSON.stringify(list) };
      encodedBatches.set(list, batch);
    }
    const head = JSON.stringify(batch.specials.length === 0 ? rest : { ...rest, specials: batch.specials });
    // the lists' JSON goes in as it is, not as a string to parse again
    return `${head.slice(0, -1)},"argsList":${batch.json}}\n`;
  }
  const specials = request.args === undefined ? [] : findSpecials(request.args);
  return `${JSON.stringify(specials.length === 0 ? request : { ...request, specials })}\n`;
}
