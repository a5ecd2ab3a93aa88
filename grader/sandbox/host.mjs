// The sandbox's child process: it loads a submission's compiled modules from
// its own folder and calls them on request. It runs under Node's permission
// model with read access to that folder only (see Sandbox.ts).
//
// Protocol: one JSON message a line, both ways, on file descriptor 3 (a
// socket the grader created; Node's own IPC channel is not opened, so there
// is no process.send or process.channel). The grader parses what arrives
// itself (ReplyReader.ts): student code, sharing this process, can write to
// descriptor 3 too, and the most it can do is break its own sandbox. -0,
// NaN, ±Infinity and undefined travel beside the value as `specials` (wire.mjs).
//   in:  { id, op: 'load' | 'call' | 'value' | 'callMany', module, name?, args?, argsList?, specials? }
//        (a callMany's argument lists are JSON text the grader encodes once
//        for lists it sends again, spliced into the line as `argsList`)
//        ('load' imports the module and returns null, so a module that never
//        finishes loading is told apart from a function that never returns)
//   out: { kind: 'ready' } once, at start;
//        { id, kind: 'returned', value, specials? } | { id, kind: 'threw', error: { name, message } };
//        { id, kind: 'progress', done } during a callMany, at most every PROGRESS_MS;
//        { kind: 'fatal', error } when student code throws outside any call.
// Replies hold plain data only: numbers, strings, booleans, null, undefined,
// arrays and plain objects; no line is longer than REPLY_LIMITS.maxMessageBytes
// (a reply that would be is sent as ReplyOutOfBounds instead, see encodeReply).
//
// Student code shares this process, so everything this file (and
// plainData.mjs, wire.mjs beside it) relies on after student code has loaded
// is copied first: a submission that replaces Array.isArray, JSON or
// Buffer changes only what it sees itself.
import { Buffer } from 'node:buffer';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import { describeError, hasOwnValue, put, settle } from './plainData.mjs';
import { REPLY_LIMITS, restoreSpecials } from './wire.mjs';

/** @typedef {import('./wire.mjs').Special} Special */
/** @typedef {import('./plainData.mjs').SandboxError} SandboxError */
/** @typedef {import('./plainData.mjs').Settled} Settled */
/**
 * A request from the grader (trusted, but parsed from a line: read with care).
 * @typedef {{ id: number, op?: unknown, module?: unknown, name?: unknown, args?: unknown, argsList?: unknown, specials?: unknown }} Request
 */
/**
 * What the sandbox writes on its channel.
 * @typedef {({ id: number } & Settled) | { id: number, kind: 'returned', value: unknown, specials?: Special[] } | { id: number, kind: 'progress', done: number } | { kind: 'fatal', error: SandboxError } | { kind: 'ready' }} Message
 */
/** @typedef {{ namespace: Record<string, unknown>, error?: undefined } | { error: SandboxError }} Loading */
/** An Error with Node's `code`. @typedef {Error & { code?: string }} CodedError */

// process.reallyExit and process._kill are Node's internals, absent from its types
const internals = /** @type {NodeJS.Process & { reallyExit(code: number): never, _kill(pid: number, signal?: string | number): unknown }} */ (process);

/** The channel to the grader: descriptor 3, a socket the grader made for this process (spawnHost.ts). */
const channel = new net.Socket({ fd: 3, readable: true, writable: true });
const write = channel.write.bind(channel);
const byteLength = Buffer.byteLength;
const jsonStringify = JSON.stringify;
const strIndexOf = String.prototype.indexOf;
const strSlice = String.prototype.slice;
const arrJoin = Array.prototype.join;
const on = process.on.bind(process);
const reallyExit = internals.reallyExit.bind(process);
/** @type {Record<string, (pid: number, signal?: string | number) => unknown>} */
const realKill = { kill: process.kill.bind(process), _kill: internals._kill.bind(process) };
const now = performance.now.bind(performance);
const timeout = setTimeout;
const apply = Reflect.apply;
const jsonParse = JSON.parse;
const isArray = Array.isArray;
const hasOwn = Object.prototype.hasOwnProperty;
const strIncludes = String.prototype.includes;
const reTest = RegExp.prototype.test;
const promiseThen = Promise.prototype.then;
const ownPid = process.pid;
/** The process title is a native accessor; a submission may replace it, and then only loses the exact index of a call that hangs. */
/** @param {string} title */
const setTitle = (title) => {
  try {
    process.title = title;
  } catch {
    // replaced by student code
  }
};
const codeDirUrl = new URL('./', import.meta.url).href;

const PROGRESS_MS = 50;
const MAX_MESSAGE_BYTES = REPLY_LIMITS.maxMessageBytes;
const MB = 1024 * 1024;

/**
 * The line that carries `message`: its JSON and a newline. A reply whose JSON
 * would be longer than the grader reads (which would stop the sandbox as a
 * protocol violation) is sent instead as a ReplyOutOfBounds: a single call's
 * as its `threw`; a call group's calls, from the first that does not fit, each as
 * its own `threw`, the calls before it keeping their values.
 * @param {Message} message
 * @param {boolean} isGroup
 * @returns {string}
 */
function encodeReply(message, isGroup) {
  const json = jsonStringify(message);
  if (json.length <= MAX_MESSAGE_BYTES / 3 || byteLength(json, 'utf8') <= MAX_MESSAGE_BYTES) return `${json}\n`;
  const tooLarge = { name: 'ReplyOutOfBounds', message: `returned a value too large to send (more than ${MAX_MESSAGE_BYTES / MB} MB as JSON)` };
  if (message.kind !== 'returned' || !isGroup) return `${jsonStringify({ id: 'id' in message ? message.id : undefined, kind: 'threw', error: tooLarge })}\n`;
  return encodeTrimmedGroup(message, { kind: 'threw', error: tooLarge });
}

/**
 * A call group's reply within MAX_MESSAGE_BYTES: entries that fit, then `refused` for each one after.
 * @param {{ id: number, kind: 'returned', value: unknown, specials?: Special[] }} message a call group's reply: its value is the list of entries
 * @param {{ kind: 'threw', error: SandboxError }} refused
 */
function encodeTrimmedGroup(message, refused) {
  const entries = /** @type {unknown[]} */ (message.value);
  const specials = message.specials ?? [];
  const refusedJson = jsonStringify(refused);
  const head = `{"id":${message.id},"kind":"returned","value":[`;
  // each special's path starts with its entry's index: they are in entry order
  let s = 0;
  /** @type {string[]} */
  const parts = [];
  /** @type {string[]} */
  const keptSpecials = [];
  let bytes = byteLength(head, 'utf8') + byteLength('],"specials":[]}', 'utf8');
  let full = false;
  for (let i = 0; i < entries.length; i++) {
    const entryJson = jsonStringify(entries[i]);
    /** @type {string[]} */
    const own = [];
    while (s < specials.length && specials[s][0][0] === i) own[own.length] = jsonStringify(specials[s++]);
    let cost = byteLength(entryJson, 'utf8') + 1;
    for (let k = 0; k < own.length; k++) cost += byteLength(own[k], 'utf8') + 1;
    // room is kept for every later call to be refused
    const reserve = (entries.length - i - 1) * (refusedJson.length + 1);
    if (!full && bytes + cost + reserve <= MAX_MESSAGE_BYTES) {
      parts[parts.length] = entryJson;
      for (let k = 0; k < own.length; k++) keptSpecials[keptSpecials.length] = own[k];
      bytes += cost;
    } else {
      full = true;
      parts[parts.length] = refusedJson;
      bytes += refusedJson.length + 1;
    }
  }
  const line = `${head}${apply(arrJoin, parts, [','])}],"specials":[${apply(arrJoin, keptSpecials, [','])}]}`;
  // a call group so large that even its refusals do not fit: refused whole
  if (byteLength(line, 'utf8') > MAX_MESSAGE_BYTES) return `${jsonStringify({ id: message.id, kind: 'threw', error: refused.error })}\n`;
  return `${line}\n`;
}

/**
 * Writes `message` on the channel (a callMany's reply: `isGroup`); `then` runs once it has been handed to the system.
 * @param {Message} message
 * @param {boolean} [isGroup]
 * @param {() => void} [then]
 */
function send(message, isGroup = false, then = undefined) {
  write(encodeReply(message, isGroup), then);
}
const MODULE_NAME = /^[a-z][a-z0-9-]*$/;

/** @param {unknown} module a module's name, checked or not */
function shown(module) {
  return `exercises/${module}.ts`;
}

/** @type {Record<string, Promise<Loading>>} */
const loaded = Object.create(null);

/**
 * The module's namespace, or { error } when it cannot be loaded.
 * @param {unknown} module
 * @returns {Promise<Loading>}
 */
async function load(module) {
  if (typeof module !== 'string' || !apply(reTest, MODULE_NAME, [module]))
    return { error: { name: 'SandboxError', message: `no exercise module named ${module}` } };
  let pending = loaded[module];
  if (pending === undefined) {
    pending = apply(promiseThen, import(`${codeDirUrl}${module}.mjs`), [
      /** @param {Record<string, unknown>} namespace */
      (namespace) => ({ namespace }),
      /** @param {unknown} e */
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

/**
 * The export, or { error } when the module does not have it.
 * @param {unknown} module
 * @param {unknown} name
 * @param {boolean} wantFunction
 * @returns {Promise<{ value: unknown, error?: undefined } | { error: SandboxError }>}
 */
async function lookup(module, name, wantFunction) {
  const found = await load(module);
  if (found.error) return { error: found.error };
  if (!apply(hasOwn, found.namespace, [name])) {
    return { error: { name: 'MissingExport', message: `${shown(module)} must export ${name}` } };
  }
  const value = found.namespace[/** @type {string} */ (name)];
  if (wantFunction && typeof value !== 'function') {
    return { error: { name: 'MissingExport', message: `${shown(module)} exports ${name}, but it is not a function` } };
  }
  return { value };
}

/**
 * @param {unknown} fn a student's function
 * @param {unknown} args its argument list
 * @param {{ used: number }} budget
 * @returns {Promise<Settled>}
 */
async function invoke(fn, args, budget) {
  try {
    return settle(await apply(/** @type {Function} */ (fn), undefined, /** @type {unknown[]} */ (args)), budget);
  } catch (e) {
    return { kind: 'threw', error: describeError(e) };
  }
}

/**
 * @param {Request} request
 * @returns {Promise<Message>}
 */
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
  if (!isArray(argsList)) return { id, kind: 'threw', error: { name: 'SandboxError', message: 'a call group needs a list of argument lists' } };
  /** @type {Settled[]} */
  const entries = [];
  /** @type {Special[]} */
  const specials = [];
  let lastReport = now();
  for (let i = 0; i < argsList.length; i++) {
    // Where the call group is, for the grader to read from outside (the process
    // title, in /proc/<pid>/cmdline) if a call never returns: it then reports
    // that call's input without running the call group again. About 3 µs a call.
    setTitle(`relu-lab-sandbox ${id} ${i}`);
    const entry = await invoke(found.value, argsList[i], budget);
    if (entry.kind === 'returned' && entry.specials) {
      // the entry's specials, as paths from the top of the whole reply
      for (let k = 0; k < entry.specials.length; k++) {
        const inner = entry.specials[k][0];
        /** @type {(string | number)[]} */
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

/** @param {unknown} e */
function fatal(e) {
  if (stopping) return;
  stopping = true;
  try {
    send({ kind: 'fatal', error: describeError(e) }, false, () => reallyExit(70));
  } catch {
    reallyExit(70);
  }
  timeout(() => reallyExit(70), 1_000);
}

/** @param {any} request a parsed line of the grader's */
function serve(request) {
  if (request === null || typeof request !== 'object' || typeof request.id !== 'number') return;
  const id = request.id;
  const isGroup = request.op === 'callMany';
  apply(promiseThen, handle(request), [
    /** @param {Message} reply */
    (reply) => send(reply, isGroup),
    /** @param {unknown} e */
    (e) => send({ id, kind: 'threw', error: describeError(e) }),
  ]);
}

on('uncaughtException', fatal);
// Requests: lines of JSON from the grader (trusted; a call group's may be megabytes).
let unread = '';
channel.setEncoding('utf8');
channel.on('data', (/** @type {string} */ text) => {
  let start = 0;
  let newline = apply(strIndexOf, text, ['\n']);
  if (newline === -1) {
    unread += text;
    return;
  }
  let line = unread + apply(strSlice, text, [0, newline]);
  unread = '';
  for (;;) {
    serve(jsonParse(line));
    start = newline + 1;
    newline = apply(strIndexOf, text, ['\n', start]);
    if (newline === -1) break;
    line = apply(strSlice, text, [start, newline]);
  }
  unread = apply(strSlice, text, [start]);
});
// Without its channel the sandbox is useless: the grader went away, or student
// code closed it (exit code 71 tells the grader which).
channel.on('end', () => reallyExit(71));
channel.on('close', () => reallyExit(71));
channel.on('error', () => reallyExit(71));

// Signals: a submission may end itself, but not signal the grader.
// process.kill calls process._kill, so each is guarded around its own original.
/** @param {(pid: number, signal?: string | number) => unknown} real */
function guarded(real) {
  /**
   * @param {number} pid
   * @param {string | number} [signal]
   */
  return function guardedKill(pid, signal) {
    if (Number(pid) !== ownPid) {
      const error = /** @type {CodedError} */ (new Error('a submission may not send signals to other processes'));
      error.code = 'ERR_ACCESS_DENIED';
      throw error;
    }
    return real(pid, signal);
  };
}
for (const key of ['kill', '_kill']) {
  Object.defineProperty(process, key, { value: guarded(realKill[key]), writable: false, configurable: false });
}

// Exits: student code that calls process.exit (or the undocumented
// reallyExit) gets an error in the call that made it, reported like any
// other throw. The sandbox stays up for the other checks, which would
// otherwise each pay for a new process.
/** @param {string} key */
function refuseExit(key) {
  /** @param {unknown} code */
  return function exitRefused(code) {
    const error = /** @type {CodedError} */ (
      new Error(
        `process.${key}(${typeof code === 'number' ? code : ''}) was called: graded code may not end the process that runs it (return a value or throw an error instead)`,
      )
    );
    error.code = 'ERR_ACCESS_DENIED';
    throw error;
  };
}
for (const key of ['exit', 'reallyExit']) {
  Object.defineProperty(process, key, { value: refuseExit(key), writable: false, configurable: false });
}

// Network: Node 20's permission model does not cover it, so block the
// socket entry points (best effort; a network-less container is the real fence).
function blockNetwork() {
  const refuse = () => {
    const error = /** @type {CodedError} */ (new Error('a submission may not use the network'));
    error.code = 'ERR_ACCESS_DENIED';
    throw error;
  };
  const getBuiltin = process.getBuiltinModule;
  const net = getBuiltin ? getBuiltin('net') : null;
  const dgram = getBuiltin ? getBuiltin('dgram') : null;
  /** @type {[object, string][]} */
  const targets = [];
  if (net) targets.push([net.Socket.prototype, 'connect'], [net.Server.prototype, 'listen']);
  if (dgram) targets.push([dgram.Socket.prototype, 'bind'], [dgram.Socket.prototype, 'send']);
  for (const [object, key] of targets) {
    Object.defineProperty(object, key, { value: refuse, writable: false, configurable: false });
  }
}
blockNetwork();

// Trace events: on Node 20 and 21 the permission model does not cover them,
// and `trace_events.createTracing(...).enable()` writes node_trace.*.log
// into the working directory (1 GB in 45 s measured), or, where that
// directory cannot be written, leaves the process stuck. createTracing is
// replaced, before student code loads, by a function that refuses, on the
// module's one exports object (what require, process.getBuiltinModule and,
// once synced, `import 'node:trace_events'` all hand out), as a property that
// cannot be redefined. Not covered: tracing switched on at start
// (--trace-event-categories, NODE_OPTIONS: the sandbox's command line and
// empty environment have neither) and through the inspector or internal
// bindings (the permission model refuses both). Node 22+ refuses it anyway.
function blockTraceEvents() {
  const traceEvents = createRequire(import.meta.url)('node:trace_events');
  Object.defineProperty(traceEvents, 'createTracing', {
    value: function createTracing() {
      const error = /** @type {CodedError} */ (new Error('a submission may not use trace events'));
      error.code = 'ERR_ACCESS_DENIED';
      throw error;
    },
    writable: false,
    configurable: false,
    enumerable: true,
  });
  syncBuiltinESMExports();
}
blockTraceEvents();

// A lower scheduling priority (the grader's SANDBOX_NICENESS, passed as the
// one argument): set here too because under bubblewrap the process the
// grader started is bwrap, not this one. Raising it back needs a privilege
// the sandbox does not have.
if (process.argv[2] !== undefined) {
  try {
    os.setPriority(Number(process.argv[2]));
  } catch {
    // refused: the sandbox runs as fast as the grader
  }
}

send({ kind: 'ready' });
