// The values JSON cannot carry, carried beside it. Calls and replies cross
// the sandbox boundary as JSON, one line a message (for arrays of numbers
// JSON costs a third of structured clone), and JSON turns -0 into 0,
// NaN and ±Infinity into null, and drops undefined. So each message lists
// where such values were, `[[path, code], ...]`, and the receiver puts them
// back. A path is the keys and indices from the top of the value.
//
// host.mjs imports this file beside itself before any student code loads, so
// the built-ins below are the real ones whatever a submission replaces later.

const defineProperty = Object.defineProperty;
const hasOwn = Object.prototype.hasOwnProperty;
const apply = Reflect.apply;
const isArray = Array.isArray;
const getPrototypeOf = Object.getPrototypeOf;
const ownKeys = Object.keys;
const objectIs = Object.is;
const isInteger = Number.isInteger;
const objectProto = Object.prototype;
const arrayProto = Array.prototype;

/**
 * How large a reply may be, on both sides of the boundary. The sandbox
 * refuses to send more (plainData.mjs); the grader re-checks every message
 * against the same bounds (checkReply.ts), because student code shares the
 * sandbox's process and can write to its channel directly. Every honest
 * answer of the assignment is far inside them: its deepest (a probe's
 * { value: { net: { W1: [[...]] } } }) is 5 levels deep, its largest call group a
 * few hundred thousand entries.
 */
export const REPLY_LIMITS = Object.freeze({
  /** nesting of arrays and objects (a bare number is depth 0) */
  maxDepth: 64,
  /** values, arrays and objects in one reply, a call group's entries together */
  maxEntries: 1_000_000,
  /** characters in one string or object key */
  maxStringLength: 4_000,
  /** estimated size in memory: 8 bytes a number, boolean or null, 16 an array or object, 2 a character */
  maxBytes: 32 * 1024 * 1024,
  /**
   * bytes of one message on the channel (its JSON text in UTF-8, without the
   * newline that ends it): the most the grader holds of a message before it
   * is whole (ReplyReader.ts); host.mjs sends no longer line
   */
  maxMessageBytes: 32 * 1024 * 1024,
});

/** @typedef {'-0' | 'NaN' | 'Infinity' | '-Infinity' | 'undefined'} SpecialCode */
/** Where a value JSON cannot carry was, and which one it was. @typedef {[path: (string | number)[], code: SpecialCode]} Special */

/** @type {Record<SpecialCode, unknown>} */
const VALUES = { '-0': -0, NaN: Number.NaN, Infinity: Number.POSITIVE_INFINITY, '-Infinity': Number.NEGATIVE_INFINITY, undefined: undefined };

/**
 * The code of a primitive JSON cannot carry (`-0`, `NaN`, `Infinity`, `-Infinity`, `undefined`), or null.
 * @param {unknown} value
 * @returns {SpecialCode | null}
 */
export function specialCode(value) {
  if (typeof value === 'number') {
    if (value !== value) return 'NaN';
    if (value === Number.POSITIVE_INFINITY) return 'Infinity';
    if (value === Number.NEGATIVE_INFINITY) return '-Infinity';
    return value === 0 && objectIs(value, -0) ? '-0' : null;
  }
  return value === undefined ? 'undefined' : null;
}

/**
 * Where `value` (plain data: arrays, plain objects, primitives) holds values
 * JSON cannot carry. Throws a TypeError naming the place of anything that is
 * not plain data (a function, a class instance, a bigint, a symbol).
 * @param {unknown} value
 * @returns {Special[]}
 */
export function findSpecials(value) {
  /** @type {Special[]} */
  const found = [];
  /** @type {(string | number)[]} */
  const trail = [];
  /** @param {any} v any value of the tree; its type is what is being found out */
  const visit = (v) => {
    const type = typeof v;
    // the common case first: a finite number that is not -0
    if (type === 'number' && v === v && v !== Number.POSITIVE_INFINITY && v !== Number.NEGATIVE_INFINITY && (v !== 0 || 1 / v > 0)) return;
    const code = specialCode(v);
    if (code !== null) {
      found.push([trail.slice(), code]);
      return;
    }
    if (v === null || type === 'string' || type === 'boolean') return;
    const proto = type === 'object' ? getPrototypeOf(v) : undefined;
    if (isArray(v) && proto === arrayProto) {
      for (let i = 0; i < v.length; i++) {
        trail.push(i);
        visit(v[i]);
        trail.pop();
      }
    } else if (type === 'object' && (proto === objectProto || proto === null)) {
      for (const key of ownKeys(v)) {
        trail.push(key);
        visit(v[key]);
        trail.pop();
      }
    } else {
      throw new TypeError(`${type === 'object' ? 'an object that is not plain data' : `a ${type}`} at [${trail.join('][')}] cannot be sent`);
    }
  };
  visit(value);
  return found;
}

/**
 * `value` with the listed values put back (it is changed in place; the
 * result differs from it only when the whole value was one of them). Entries
 * that do not fit the value, or lead through inherited properties, are
 * ignored: a message may come from student code.
 * @template T
 * @param {T} value
 * @param {unknown} specials
 * @returns {T}
 */
export function restoreSpecials(value, specials) {
  if (!isArray(specials)) return value;
  for (let s = 0; s < specials.length; s++) {
    const entry = specials[s];
    if (!isArray(entry) || entry.length !== 2 || !isArray(entry[0]) || typeof entry[1] !== 'string' || !apply(hasOwn, VALUES, [entry[1]])) continue;
    const path = entry[0];
    const code = /** @type {SpecialCode} */ (entry[1]);
    if (path.length === 0) {
      value = /** @type {T} */ (VALUES[code]);
      continue;
    }
    /** @type {any} a message's value, walked without trusting its shape */
    let target = value;
    for (let i = 0; i < path.length - 1 && target !== undefined; i++) {
      target = target !== null && typeof target === 'object' && apply(hasOwn, target, [path[i]]) ? target[path[i]] : undefined;
    }
    const key = path[path.length - 1];
    if (target === null || typeof target !== 'object' || (typeof key !== 'string' && typeof key !== 'number')) continue;
    if (isArray(target) ? isInteger(key) && /** @type {number} */ (key) >= 0 && /** @type {number} */ (key) < target.length : typeof key === 'string') {
      defineProperty(target, key, { value: VALUES[code], writable: true, enumerable: true, configurable: true });
    }
  }
  return value;
}
