// The sandbox's child process: it loads a submission's compiled modules from
// its own folder and calls them on request. It runs under Node's permission
// model with read access to that folder only (see Sandbox.ts).
//
// Protocol (IPC, JSON serialization; -0, NaN, ±Infinity and undefined travel
// beside the value as `specials`, see wire.mjs):
//   in:  { id, op: 'load' | 'call' | 'value' | 'callMany', module, name?, args?, argsList?, specials? }
//        ('load' imports the module and returns null, so a module that never
//        finishes loading is told apart from a function that never returns)
//   out: { kind: 'ready' } once, at start;
//        { id, kind: 'returned', value, specials? } | { id, kind: 'threw', error: { name, message } };
//        { id, kind: 'progress', done } during a callMany, at most every PROGRESS_MS;
//        { kind: 'fatal', error } when student code throws outside any call.
// Replies hold plain data only: numbers, strings, booleans, null, undefined,
// arrays and plain objects.
//
// Student code shares this process, so everything this file relies on after
// student code has loaded is copied here first: a submission that replaces
// Array.isArray, JSON or process.send changes only what it sees itself.
import { types as utilTypes } from 'node:util';
import { restoreSpecials, specialCode } from './wire.mjs';

const send = process.send.bind(process);
const on = process.on.bind(process);
const reallyExit = process.reallyExit.bind(process);
const realKill = process.kill.bind(process);
const now = performance.now.bind(performance);
const timeout = setTimeout;
const apply = Reflect.apply;
const ownKeys = Object.keys;
const getPrototypeOf = Object.getPrototypeOf;
const hasOwn = Object.prototype.hasOwnProperty;
const isArray = Array.isArray;
const objectProto = Object.prototype;
const arrayProto = Array.prototype;
const strSlice = String.prototype.slice;
const strIncludes = String.prototype.includes;
const reTest = RegExp.prototype.test;
const fnToString = Function.prototype.toString;
const promiseThen = Promise.prototype.then;
const defineProperty = Object.defineProperty;
const toStr = String;
const isProxy = utilTypes.isProxy;
const isTypedArray = utilTypes.isTypedArray;
const jsonStringify = JSON.stringify;
const ownPid = process.pid;
const codeDirUrl = new URL('./', import.meta.url).href;

/** Reply size budget, in copied entries, per reply. */
const MAX_ENTRIES = 1_000_000;
const MAX_DEPTH = 500;
const MAX_MESSAGE = 4_000;
const PROGRESS_MS = 50;
const MODULE_NAME = /^[a-z][a-z0-9-]*$/;

function shown(module) {
  return `exercises/${module}.ts`;
}

function clip(text) {
  return text.length > MAX_MESSAGE ? `${apply(strSlice, text, [0, MAX_MESSAGE])}...` : text;
}

/** { name, message } of anything thrown, without trusting it. */
function describeError(e) {
  try {
    if (e !== null && (typeof e === 'object' || typeof e === 'function')) {
      const name = e.name;
      const message = e.message;
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
  constructor(message) {
    this.message = message;
  }
}
const unsendableProto = Unsendable.prototype;

function isUnsendable(e) {
  try {
    return e !== null && typeof e === 'object' && !isProxy(e) && getPrototypeOf(e) === unsendableProto;
  } catch {
    return false;
  }
}

/** Sets an own data property (for a `__proto__` key, which plain assignment would take as the prototype). */
function put(object, key, value) {
  defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const CLASS_SOURCE = /^class[\s{]/;

function keyPath(path, key) {
  if (typeof key === 'number') return `${path}[${key}]`;
  return apply(reTest, IDENTIFIER, [key]) ? `${path}.${key}` : `${path}[${jsonStringify(key)}]`;
}

/** What a value that cannot be sent is, in words: `function`, `Map instance`, ... */
function kindOf(value) {
  try {
    if (typeof value === 'function') return apply(reTest, CLASS_SOURCE, [safeSource(value)]) ? 'class' : 'function';
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

function hasOwnValue(object, key) {
  try {
    return apply(hasOwn, object, [key]) ? object[key] : undefined;
  } catch {
    return undefined;
  }
}

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
 */
function toPlain(value, budget, specials) {
  const stack = []; // the objects being copied, outermost first
  const trail = []; // trail[d]: the key at depth d leading to the value being copied
  let depth = 0;
  const where = () => {
    let path = '';
    for (let i = 0; i < depth; i++) path = keyPath(path, trail[i]);
    return path || 'the top level';
  };
  const cannot = (what) => new Unsendable(`returned a value that cannot be sent: ${what}`);
  const count = () => {
    if (++budget.used > MAX_ENTRIES) throw cannot(`more than ${MAX_ENTRIES} entries`);
  };
  const isPrimitive = (v) => {
    const type = typeof v;
    return v === null || type === 'number' || type === 'string' || type === 'boolean' || type === 'undefined';
  };
  /** Notes where a value JSON cannot carry is (wire.mjs). */
  const special = (v, key) => {
    const code = specialCode(v);
    if (code === null) return;
    const path = [];
    for (let i = 0; i < depth; i++) path[i] = trail[i];
    if (key !== undefined) path[depth] = key;
    specials[specials.length] = [path, code];
  };
  function child(v, key) {
    if (isPrimitive(v)) {
      count();
      special(v, key);
      return v;
    }
    trail[depth++] = key;
    const copied = copy(v);
    depth -= 1;
    return copied;
  }
  function copy(v) {
    count();
    if (isPrimitive(v)) return v;
    const type = typeof v;
    if (type !== 'object') throw cannot(`${kindOf(v)} at ${where()}`);
    for (let i = 0; i < stack.length; i++) {
      if (stack[i] === v) throw cannot(`a cycle at ${where()}`);
    }
    if (stack.length >= MAX_DEPTH) throw cannot(`nested deeper than ${MAX_DEPTH} levels at ${where()}`);
    const proxy = isProxy(v);
    const proto = getPrototypeOf(v);
    stack[stack.length] = v;
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

/** The outcome of copying a result: returned with plain data (and where its specials are, if any), or threw. */
function settle(value, budget) {
  try {
    const specials = [];
    const copied = toPlain(value, budget, specials);
    return specials.length === 0 ? { kind: 'returned', value: copied } : { kind: 'returned', value: copied, specials };
  } catch (e) {
    if (isUnsendable(e)) return { kind: 'threw', error: { name: 'UnsendableValue', message: e.message } };
    return { kind: 'threw', error: describeError(e) };
  }
}

const loaded = Object.create(null);

/** The module's namespace, or { error } when it cannot be loaded. */
async function load(module) {
  if (typeof module !== 'string' || !apply(reTest, MODULE_NAME, [module])) return { error: { name: 'SandboxError', message: `no exercise module named ${module}` } };
  let pending = loaded[module];
  if (pending === undefined) {
    pending = apply(promiseThen, import(`${codeDirUrl}${module}.mjs`), [
      (namespace) => ({ namespace }),
      (e) => {
        const error = describeError(e);
        if (hasOwnValue(e, 'code') === 'ERR_MODULE_NOT_FOUND' && apply(strIncludes, error.message, [`${module}.mjs`])) {
          return { error: { name: 'NotCompiled', message: `${shown(module)} was not compiled: see its compile errors` } };
        }
        return { error: { name: error.name, message: `${shown(module)} threw while loading: ${error.message}` } };
      },
    ]);
    loaded[module] = pending;
  }
  return pending;
}

/** The export, or { error } when the module does not have it. */
async function lookup(module, name, wantFunction) {
  const found = await load(module);
  if (found.error) return found;
  if (!apply(hasOwn, found.namespace, [name])) {
    return { error: { name: 'MissingExport', message: `${shown(module)} must export ${name}` } };
  }
  const value = found.namespace[name];
  if (wantFunction && typeof value !== 'function') {
    return { error: { name: 'MissingExport', message: `${shown(module)} exports ${name}, but it is not a function` } };
  }
  return { value };
}

async function invoke(fn, args, budget) {
  try {
    return settle(await apply(fn, undefined, args), budget);
  } catch (e) {
    return { kind: 'threw', error: describeError(e) };
  }
}

async function handle(request) {
  const { id, op, module, name } = request;
  const budget = { used: 0 };
  if (op === 'load') {
    const loading = await load(module);
    return loading.error ? { id, kind: 'threw', error: loading.error } : { id, kind: 'returned', value: null };
  }
  const found = await lookup(module, name, op !== 'value');
  if (found.error) return { id, kind: 'threw', error: found.error };
  if (op === 'value') return { id, ...settle(found.value, budget) };
  if (op === 'call') return { id, ...(await invoke(found.value, restoreSpecials(request.args, request.specials), budget)) };
  const argsList = restoreSpecials(request.argsList, request.specials);
  const entries = [];
  const specials = [];
  let lastReport = now();
  for (let i = 0; i < argsList.length; i++) {
    const entry = await invoke(found.value, argsList[i], budget);
    if (entry.specials) {
      // the entry's specials, as paths from the top of the whole reply
      for (let k = 0; k < entry.specials.length; k++) {
        const inner = entry.specials[k][0];
        const path = [i, 'value'];
        for (let p = 0; p < inner.length; p++) path[p + 2] = inner[p];
        specials[specials.length] = [path, entry.specials[k][1]];
      }
      delete entry.specials;
    }
    put(entries, i, entry);
    const t = now();
    if (t - lastReport >= PROGRESS_MS) {
      lastReport = t;
      send({ id, kind: 'progress', done: i + 1 });
    }
  }
  return specials.length === 0 ? { id, kind: 'returned', value: entries } : { id, kind: 'returned', value: entries, specials };
}

let stopping = false;

function fatal(e) {
  if (stopping) return;
  stopping = true;
  try {
    send({ kind: 'fatal', error: describeError(e) }, () => reallyExit(70));
  } catch {
    reallyExit(70);
  }
  timeout(() => reallyExit(70), 1_000);
}

on('uncaughtException', fatal);
// Without its channel the sandbox is useless: the grader went away, or student
// code hung up (exit code 71 tells the grader which).
on('disconnect', () => reallyExit(71));
on('message', (request) => {
  if (request === null || typeof request !== 'object' || typeof request.id !== 'number') return;
  const id = request.id;
  apply(promiseThen, handle(request), [
    (reply) => send(reply),
    (e) => send({ id, kind: 'threw', error: describeError(e) }),
  ]);
});

// Signals: a submission may end itself, but not signal the grader.
function guardedKill(pid, signal) {
  if (Number(pid) !== ownPid) {
    const error = new Error('a submission may not send signals to other processes');
    error.code = 'ERR_ACCESS_DENIED';
    throw error;
  }
  return realKill(pid, signal);
}
for (const key of ['kill', '_kill']) {
  Object.defineProperty(process, key, { value: guardedKill, writable: false, configurable: false });
}

// Network: Node 20's permission model does not cover it, so block the
// socket entry points (best effort; a network-less container is the real fence).
function blockNetwork() {
  const refuse = () => {
    const error = new Error('a submission may not use the network');
    error.code = 'ERR_ACCESS_DENIED';
    throw error;
  };
  const getBuiltin = process.getBuiltinModule;
  const net = getBuiltin ? getBuiltin('net') : null;
  const dgram = getBuiltin ? getBuiltin('dgram') : null;
  const targets = [];
  if (net) targets.push([net.Socket.prototype, 'connect'], [net.Server.prototype, 'listen']);
  if (dgram) targets.push([dgram.Socket.prototype, 'bind'], [dgram.Socket.prototype, 'send']);
  for (const [object, key] of targets) {
    Object.defineProperty(object, key, { value: refuse, writable: false, configurable: false });
  }
}
blockNetwork();

send({ kind: 'ready' });
