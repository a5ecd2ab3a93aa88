// What a student function may return, by type and size, derived from the
// arguments it was called with: an assignment declares a contract per
// function (the ReLU course's are in grader/course/replyContracts.ts: `relu` a
// number, `forward` vectors of the network's sizes, `train` at most one loss
// per epoch). Every reply is held to its contract before anything uses it
// (the checks, the plots and through them the results and reports), so a
// value too large or of the wrong kind is that call's failure with a clear
// message, not a stalled report. Shorter arrays than a contract's bounds are
// left to the checks, whose messages show the difference.
import { type FunctionKey, functionKey, PROBE_MODULE } from './plannedCall.ts';

/** What a value must be: a leaf type, an array of at most `max` items, or an object with these keys. */
export type Shape =
  | 'number'
  | 'boolean'
  | 'string'
  | { array: Shape; max: number; why?: string }
  | { object: Record<string, Shape>; optional?: readonly string[] }
  /** any plain data of at most this many values (what a call left in its arguments) */
  | { within: number };

/** The error name of a reply outside its contract (StudentCode reports it as a failed check). */
export const OUT_OF_CONTRACT = 'ReplyOutOfContract';

/** Extra keys an object may carry beyond its contract's, and what they may hold in all. */
const MAX_EXTRA_ENTRIES = 64;

/**
 * An assignment's reply contracts: for each of its functions, as
 * `module.name`, the shape its reply must have given the arguments of the
 * call (the probe's helpers are held to the contract of the function they call). A function without
 * one is held only to the sandbox's own bounds (REPLY_LIMITS).
 */
export type ReplyContracts = Readonly<Partial<Record<FunctionKey, (args: unknown[]) => Shape>>>;

/** Shapes of numbers: a vector of at most `max` (`why` says where the bound comes from), a matrix of at most rows x cols. */
export const vector = (max: number, why?: string): Shape => (why === undefined ? { array: 'number', max } : { array: 'number', max, why });
export const matrix = (rows: number, cols: number): Shape => ({ array: vector(cols), max: rows });

/** The arguments as a call may leave them: changed, perhaps, but not grown past twice their size. */
export function argumentsLike(args: unknown): Shape {
  return { within: 2 * entriesUpTo(args, Number.MAX_SAFE_INTEGER) + MAX_EXTRA_ENTRIES };
}

/**
 * The contract of `module.name` called with `args` under `contracts`, or null
 * when it has none. A probe helper's reply holds the wrapped function's value
 * to its contract, what the call left in its arguments to argumentsLike, and
 * seededCall's count of draws is a number.
 */
export function contractOf(contracts: ReplyContracts | undefined, module: string, name: string, args: unknown[]): Shape | null {
  if (contracts === undefined) return null;
  if (module === PROBE_MODULE) {
    const [inModule, fn, inner] = args as [string, string, unknown[]];
    const value = contractOf(contracts, inModule, fn, Array.isArray(inner) ? inner : []);
    if (value === null) return null;
    return name === 'seededCall' ? { object: { value, args: argumentsLike(inner), draws: 'number' } } : { object: { value, args: argumentsLike(inner) } };
  }
  const contract = contracts[functionKey(module, name)];
  return contract ? contract(args) : null;
}

const describeType = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : typeof v === 'undefined' ? 'undefined' : `a ${typeof v}`;
const wanted = (s: Shape): string => (typeof s === 'string' ? `a ${s}` : 'array' in s ? 'an array' : 'an object');
const at = (path: string): string => (path === '' ? '' : ` at ${path}`);

/** How many values `v` holds, counting up to `limit` (the walk stops there). */
function entriesUpTo(v: unknown, limit: number): number {
  const stack = [v];
  let n = 0;
  while (stack.length > 0 && n <= limit) {
    const x = stack.pop();
    n += 1;
    if (x !== null && typeof x === 'object') {
      const values = Object.values(x as object);
      for (let i = 0; i < values.length && stack.length <= limit; i++) stack.push(values[i]);
    }
  }
  return n;
}

/**
 * Why `value` is outside `shape`, said as what follows "returned" (e.g.
 * `600000 items at .losses, where train returns at most 40 (one loss per
 * epoch, 40 epochs)`), or null when it fits. `what` names the function.
 * Iterative: a reply is at most REPLY_LIMITS deep, but nothing here relies on it.
 */
export function contractProblem(shape: Shape, value: unknown, what: string): string | null {
  const todo: [Shape, unknown, string][] = [[shape, value, '']];
  while (todo.length > 0) {
    const [s, v, path] = todo.pop()!;
    if (typeof s === 'string') {
      if (typeof v !== s) return `${describeType(v)}${at(path)}, where ${what} returns ${wanted(s)}`;
      continue;
    }
    if ('within' in s) {
      const n = entriesUpTo(v, s.within);
      if (n > s.within) return `more than ${s.within} values${at(path)}, where ${what} leaves its arguments about as large as it was given them`;
      continue;
    }
    if ('array' in s) {
      if (!Array.isArray(v)) return `${describeType(v)}${at(path)}, where ${what} returns an array`;
      if (v.length > s.max) return `${v.length} items${at(path)}, where ${what} returns at most ${s.max}${s.why ? ` (${s.why})` : ''}`;
      for (let i = v.length - 1; i >= 0; i--) todo.push([s.array, v[i], `${path}[${i}]`]);
      continue;
    }
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return `${describeType(v)}${at(path)}, where ${what} returns an object`;
    const record = v as Record<string, unknown>;
    let extra = 0;
    for (const key of Object.keys(record)) {
      if (Object.hasOwn(s.object, key)) continue;
      extra += entriesUpTo(record[key], MAX_EXTRA_ENTRIES);
      if (extra > MAX_EXTRA_ENTRIES)
        return `more than ${MAX_EXTRA_ENTRIES} values under keys ${what} does not return${at(path)} (such as ${JSON.stringify(key.slice(0, 40))})`;
    }
    for (const [key, inner] of Object.entries(s.object)) {
      const present = Object.hasOwn(record, key) && record[key] !== undefined;
      if (!present) {
        if (s.optional?.includes(key)) continue;
        return `an object without ${key}${at(path)}, where ${what} returns one with it`;
      }
      todo.push([inner, record[key], `${path}.${key}`]);
    }
  }
  return null;
}
