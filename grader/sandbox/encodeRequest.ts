// The lines host.mjs reads: one JSON message a line, a call's arguments
// beside where the values JSON cannot carry are (wire.mjs), a call group's
// argument lists as JSON text encoded once and spliced into the line.
import { findSpecials } from './wire.mjs';

/** A call group's arguments as sent: JSON text, and where the values JSON cannot carry are. */
interface EncodedGroup {
  json: string;
  specials: ReturnType<typeof findSpecials>;
}

/**
 * Encoded call groups by argument list. The checks give every submission the
 * very same argument lists (see plannedFor), so each is encoded once per
 * grading process; callMany's argument lists must not change once sent.
 */
const encodedGroups = new WeakMap<unknown[][], EncodedGroup>();

/**
 * The line (ending in a newline) for `request`, with its arguments in the
 * wire format of host.mjs. Throws a TypeError for arguments that are not
 * plain data.
 */
export function encodeRequest(request: Record<string, unknown>): string {
  if (request.op === 'callMany') {
    const { argsList, ...rest } = request;
    const list = argsList as unknown[][];
    let group = encodedGroups.get(list);
    if (group === undefined) {
      group = { specials: findSpecials(list), json: JSON.stringify(list) };
      encodedGroups.set(list, group);
    }
    const head = JSON.stringify(group.specials.length === 0 ? rest : { ...rest, specials: group.specials });
    // the lists' JSON goes in as it is, not as a string to parse again
    return `${head.slice(0, -1)},"argsList":${group.json}}\n`;
  }
  const specials = request.args === undefined ? [] : findSpecials(request.args);
  return `${JSON.stringify(specials.length === 0 ? request : { ...request, specials })}\n`;
}
