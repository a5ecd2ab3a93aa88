// The sandbox's child process: it loads a submission's compiled modules from
// its own folder and calls them on request. It runs under Node's permission
// model with read access to that folder only (see Sandbox.ts).
//
// Protocol (IPC, JSON serialization; -0, NaN, ±Infinity and undefined travel
// beside the value as `specials`, see wire.mjs):
//   in:  { id, op: 'load' | 'call' | 'value' | 'callMany', module, name?, args?, argsJson?, specials? }
//        (a callMany's argument lists come as JSON text, which the grader
//        encodes once for lists it sends again)
//        ('load' imports the module and returns null, so a module that never
//        finishes loading is told apart from a function that never returns)
//   out: { kind: 'ready' } once, at start;
//        { id, kind: 'returned', value, specials? } | { id, kind: 'threw', error: { name, message } };
//        { id, kind: 'progress', done } during a callMany, at most every PROGRESS_MS;
//        { kind: 'fatal', error } when student code throws outside any call.
// Replies hold plain data only: numbers, strings, booleans, null, undefined,
// arrays and plain objects.
//
// Student code shares this process, so everything this file (and
// plainData.mjs, wire.mjs beside it) relies on after student code has loaded
// is copied first: a submission that replaces Array.isArray, JSON or
// process.send changes only what it sees itself.
import { createRequire, syncBuiltinESMExports } from 'node:module';
import os from 'node:os';
import { describeError, hasOwnValue, put, settle } from './plainData.mjs';
import { restoreSpecials } from './wire.mjs';

const send = process.send.bind(process);
const on = process.on.bind(process);
const reallyExit = process.reallyExit.bind(process);
const realKill = { kill: process.kill.bind(process), _kill: process._kill.bind(process) };
const now = performance.now.bind(performance);
const timeout = setTimeout;
const apply = Reflect.apply;
const jsonParse = JSON.parse;
const hasOwn = Object.prototype.hasOwnProperty;
const strIncludes = String.prototype.includes;
const reTest = RegExp.prototype.test;
const promiseThen = Promise.prototype.then;
const ownPid = process.pid;
/** The process title is a native accessor; a submission may replace it, and then only loses the exact index of a call that hangs. */
const setTitle = (title) => {
  try {
    process.title = title;
  } catch {
    // replaced by student code
  }
};
const codeDirUrl = new URL('./', import.meta.url).href;

const PROGRESS_MS = 50;
const MODULE_NAME = /^[a-z][a-z0-9-]*$/;

function shown(module) {
  return `exercises/${module}.ts`;
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
  const argsList = restoreSpecials(jsonParse(request.argsJson), request.specials);
  const entries = [];
  const specials = [];
  let lastReport = now();
  for (let i = 0; i < argsList.length; i++) {
    // Where the batch is, for the grader to read from outside (the process
    // title, in /proc/<pid>/cmdline) if a call never returns: it then reports
    // that call's input without running the batch again. About 3 µs a call.
    setTitle(`relu-lab-sandbox ${id} ${i}`);
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
// process.kill calls process._kill, so each is guarded around its own original.
function guarded(real) {
  return function guardedKill(pid, signal) {
    if (Number(pid) !== ownPid) {
      const error = new Error('a submission may not send signals to other processes');
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
function refuseExit(key) {
  return function exitRefused(code) {
    const error = new Error(`process.${key}(${typeof code === 'number' ? code : ''}) was called: graded code may not end the process that runs it (return a value or throw an error instead)`);
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
      const error = new Error('a submission may not use trace events');
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
