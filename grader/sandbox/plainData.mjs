// What crosses back from the sandbox: a deep copy of a result as plain data
// (arrays, plain objects, primitives), with where its values JSON cannot
// carry are (wire.mjs), or a description of what went wrong. host.mjs imports
// this file beside itself before any student code loads, so the built-ins
// below are the real ones whatever a submission replaces later.
import { types as utilTypes } from 'node:util';
import { REPLY_LIMITS, specialCode } from './wire.mjs';

const apply = Reflect.apply;
const ownKeys = Object.keys;
const getPrototypeOf = Object.getPrototypeOf;
const hasOwn = Object.prototype.hasOwnProperty;
const isArray = Array.isArray;
const objectProto = Object.prototype;
const arrayProto = Array.prototype;
const strSlice = String.prototype.slice;
const reTest = RegExp.prototype.test;
const fnToString = Function.prototype.toString;
const defineProperty = Object.defineProperty;
const toStr = String;
const isProxy = utilTypes.isProxy;
const isTypedArray = utilTypes.isTypedArray;
const jsonStringify = JSON.stringify;

// The bounds the grader checks every reply against again (checkReply.ts):
// refusing here gives the student the place where the value outgrew them.
const MAX_ENTRIES = REPLY_LIMITS.maxEntries;
const MAX_DEPTH = REPLY_LIMITS.maxDepth;
const MAX_STRING = REPLY_LIMITS.maxStringLength;
const MAX_MESSAGE = REPLY_LIMITS.maxStringLength;

/** @typedef {import('./wire.mjs').Special} Special */
/** @typedef {{ name: string, message: string }} SandboxError */
/**
 * The outcome of copying a result within REPLY_LIMITS.
 * @typedef {{ kind: 'returned', value: unknown, specials?: Special[] } | { kind: 'threw', error: SandboxError }} Settled
 */

/** @param {string} text */
function clip(text) {
  return text.length > MAX_MESSAGE ? `${apply(strSlice, text, [0, MAX_MESSAGE])}...` : text;
}

/**
 * { name, message } of anything thrown, without trusting it.
 * @param {unknown} e
 * @returns {SandboxError}
 */
export function describeError(e) {
  try {
    if (e !== null && (typeof e === 'object' || typeof e === 'function')) {
      const name = /** @type {any} */ (e).name;
      const message = /** @type {any} */ (e).message;
      return {
        name: typeof name === 'string' ? clip(name) : 'Error',
        message: typeof message === 'string' ? clip(message) : clip(toStr(e)),
      };
    }
    return { name: 'NonError', message: clip(`threw ${typeof e} ${toStr(e)}`) };
  } catch {
    return { name: 'Error', message: 'threw a value that cannot be described' };
  }
}

/** A value that cannot be sent; carried out of toPlain as a normal throw. */
class Unsendable {
  /**
   * @param {string} message
   * @param {string} [name]
   */
  constructor(message, name = 'UnsendableValue') {
    this.name = name;
    this.message = message;
  }
}
const unsendableProto = Unsendable.prototype;

/**
 * @param {unknown} e
 * @returns {e is Unsendable}
 */
function isUnsendable(e) {
  try {
    return e !== null && typeof e === 'object' && !isProxy(e) && getPrototypeOf(e) === unsendableProto;
  } catch {
    return false;
  }
}

/**
 * Sets an own data property (for a `__proto__` key, which plain assignment would take as the prototype).
 * @param {object} object
 * @param {string | number} key
 * @param {unknown} value
 */
export function put(object, key, value) {
  defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const CLASS_SOURCE = /^class[\s{]/;

/**
 * @param {string} path
 * @param {string | number} key
 */
function keyPath(path, key) {
  if (typeof key === 'number') return `${path}[${key}]`;
  return apply(reTest, IDENTIFIER, [key]) ? `${path}.${key}` : `${path}[${jsonStringify(key)}]`;
}

/**
 * What a value that cannot be sent is, in words: `function`, `Map instance`, ...
 * @param {unknown} value
 */
function kindOf(value) {
  try {
    if (typeof value === 'function') return apply(reTest, CLASS_SOURCE, [safeSource(/** @type {Function} */ (value))]) ? 'class' : 'function';
    if (typeof value !== 'object') return typeof value;
    if (isTypedArray(value)) return 'typed array (use a plain array)';
    const proto = getPrototypeOf(value);
    const ctor = proto && hasOwnValue(proto, 'constructor');
    const name = typeof ctor === 'function' ? ctor.name : undefined;
    return `${typeof name === 'string' && name ? name : 'object'} instance`;
  } catch {
    return 'object';
  }
}

/**
 * object[key] when it is an own property, else undefined; never throws.
 * @param {unknown} object
 * @param {string} key
 * @returns {unknown}
 */
export function hasOwnValue(object, key) {
  try {
    return apply(hasOwn, object, [key]) ? /** @type {any} */ (object)[key] : undefined;
  } catch {
    return undefined;
  }
}

/** @param {Function} fn */
function safeSource(fn) {
  try {
    return apply(fnToString, fn, []);
  } catch {
    return '';
  }
}

/**
 * A deep copy of `value` as plain data. Getters and Proxy traps run (they are
 * the student's own code; what they throw propagates as the call's error);
 * anything that is not plain data throws an Unsendable naming where it is.
 * @param {unknown} value
 * @param {{ used: number }} budget
 * @param {Special[]} specials
 * @returns {unknown}
 */
function toPlain(value, budget, specials) {
  /** @type {unknown[]} */
  const stack = []; // the objects being copied, outermost first
  /** @type {(string | number)[]} */
  const trail = []; // trail[d]: the key at depth d leading to the value being copied
  let depth = 0;
  const where = () => {
    let path = '';
    for (let i = 0; i < depth; i++) path = keyPath(path, trail[i]);
    return path || 'the top level';
  };
  /** @param {string} what */
  const cannot = (what) => new Unsendable(`returned a value that cannot be sent: ${what}`);
  /**
   * @param {string} what
   * @param {string} detail
   */
  const tooLarge = (what, detail) => new Unsendable(`returned a value too ${what} to grade (${detail})`, 'ReplyOutOfBounds');
  const count = () => {
    if (++budget.used > MAX_ENTRIES) throw tooLarge('large', `more than ${MAX_ENTRIES} entries`);
  };
  /** @param {unknown} v */
  const checkString = (v) => {
    if (typeof v === 'string' && v.length > MAX_STRING) throw tooLarge('large', `a string of ${v.length} characters at ${where()}; at most ${MAX_STRING}`);
  };
  /** @param {unknown} v */
  const isPrimitive = (v) => {
    const type = typeof v;
    return v === null || type === 'number' || type === 'string' || type === 'boolean' || type === 'undefined';
  };
  /**
   * Notes where a value JSON cannot carry is (wire.mjs).
   * @param {unknown} v
   * @param {string | number | undefined} key
   */
  const special = (v, key) => {
    const code = specialCode(v);
    if (code === null) return;
    /** @type {(string | number)[]} */
    const path = [];
    for (let i = 0; i < depth; i++) path[i] = trail[i];
    if (key !== undefined) path[depth] = key;
    specials[specials.length] = [path, code];
  };
  /**
   * @param {unknown} v
   * @param {string | number} key
   * @returns {unknown}
   */
  function child(v, key) {
    if (isPrimitive(v)) {
      count();
      if (typeof v === 'string' && v.length > MAX_STRING) {
        trail[depth++] = key;
        checkString(v);
      }
      special(v, key);
      return v;
    }
    trail[depth++] = key;
    const copied = copy(v);
    depth -= 1;
    return copied;
  }
  /**
   * @param {any} v a value of the student's result, its type being found out
   * @returns {unknown}
   */
  function copy(v) {
    count();
    if (isPrimitive(v)) {
      checkString(v);
      return v;
    }
    const type = typeof v;
    if (type !== 'object') throw cannot(`${kindOf(v)} at ${where()}`);
    for (let i = 0; i < stack.length; i++) {
      if (stack[i] === v) throw cannot(`a cycle at ${where()}`);
    }
    if (stack.length >= MAX_DEPTH) throw tooLarge('deep', `depth > ${MAX_DEPTH} at ${where()}`);
    const proxy = isProxy(v);
    const proto = getPrototypeOf(v);
    stack[stack.length] = v;
    /** @type {any} */
    let out;
    if (isArray(v) && (proto === arrayProto || proxy)) {
      const length = v.length;
      out = [];
      for (let i = 0; i < length; i++) out[i] = child(v[i], i);
    } else if (proto === objectProto || proto === null) {
      const keys = ownKeys(v);
      out = {};
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        if (key.length > MAX_STRING) throw tooLarge('large', `a key of ${key.length} characters at ${where()}; at most ${MAX_STRING}`);
        const copied = child(v[key], key);
        if (key === '__proto__') put(out, key, copied);
        else out[key] = copied;
      }
    } else {
      throw cannot(`${kindOf(v)} at ${where()}`);
    }
    stack.length -= 1;
    return out;
  }
  const copied = copy(value);
  if (isPrimitive(copied)) special(copied, undefined);
  return copied;
}

/**
 * The outcome of copying a result: returned with plain data (and where its specials are, if any), or threw.
 * @param {unknown} value
 * @param {{ used: number }} budget counts entries across a call group
 * @returns {Settled}
 */
export function settle(value, budget) {
  try {
    /** @type {Special[]} */
    const specials = [];
    const copied = toPlain(value, budget, specials);
    return specials.length === 0 ? { kind: 'returned', value: copied } : { kind: 'returned', value: copied, specials };
  } catch (e) {
    if (isUnsendable(e)) return { kind: 'threw', error: { name: e.name, message: e.message } };
    return { kind: 'threw', error: describeError(e) };
  }
}
