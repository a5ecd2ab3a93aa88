// The calls hidden tests make into student code, and what each one reaches:
// a function `module.name`, directly or through the probe (grader/harness/probe.mjs,
// copied beside the compiled submission), which calls a student function on
// the grader's behalf and reports more than its value.

/** The module name of grader/harness/probe.mjs once copied into a compiled submission. */
export const PROBE_MODULE = 'relu-lab-probe';

/** A student function as `module.name` (module names are file names without `.ts`, which hold no dot). */
export type FunctionKey = `${string}.${string}`;

export const functionKey = (module: string, name: string): FunctionKey => `${module}.${name}`;

/** The module of a key. */
export const moduleOfKey = (key: FunctionKey): string => key.slice(0, key.indexOf('.'));

/** The function name of a key. */
export const nameOfKey = (key: FunctionKey): string => key.slice(key.indexOf('.') + 1);

/** One call a property will make, declared so it can be prefetched. */
export interface PlannedCall {
  module: string;
  name: string;
  args: unknown[];
}

/** The calls of a plan that go to one function, as called (the probe's helpers count as one each). */
export interface CallGroup {
  module: string;
  name: string;
  calls: PlannedCall[];
  /** `calls`' arguments, the same array each time the same plan is grouped */
  argsList: unknown[][];
}

const grouped = new WeakMap<PlannedCall[], CallGroup[]>();

/**
 * `calls` grouped by the function they call, in order of first appearance.
 * A plan grouped again gives the very same groups, so the sandbox can keep
 * the encoded call group of a plan that every submission is given.
 */
export function groupCalls(calls: PlannedCall[]): CallGroup[] {
  let groups = grouped.get(calls);
  if (groups === undefined) {
    const byFunction = new Map<FunctionKey, CallGroup>();
    for (const c of calls) {
      const key = functionKey(c.module, c.name);
      let group = byFunction.get(key);
      if (group === undefined) byFunction.set(key, (group = { module: c.module, name: c.name, calls: [], argsList: [] }));
      group.calls.push(c);
      group.argsList.push(c.args);
    }
    groups = [...byFunction.values()];
    grouped.set(calls, groups);
  }
  return groups;
}

/** The probe's helpers: each takes the module and name of the student function it calls as its first two arguments. */
export type ProbeHelper = 'argumentsAfter' | 'seededCall';

/** `module.name` of the student function a call reaches (through the probe, the one it wraps). */
export function functionOf(module: string, name: string, args: unknown[]): FunctionKey {
  return module === PROBE_MODULE ? functionKey(String(args[0]), String(args[1])) : functionKey(module, name);
}

/** The planned call behind `argumentsAfter(module, name, args)`. */
export function probeCall(module: string, name: string, args: unknown[]): PlannedCall {
  return { module: PROBE_MODULE, name: 'argumentsAfter', args: [module, name, args] };
}

/** The planned call behind `seededCall(module, name, args, seed)`: `module.name(...args, rng)` with a seeded rng. */
export function seededCall(module: string, name: string, args: unknown[], seed: number): PlannedCall {
  return { module: PROBE_MODULE, name: 'seededCall', args: [module, name, args, seed] };
}

/**
 * The same arguments: the same values or the very same objects (plans reuse
 * the generated ones), looking two levels into arrays and plain objects, for
 * the probe's [module, name, args] and for options made afresh such as
 * `{ epochs: n, lr: 0.5 }`.
 */
export function sameArgs(a: unknown[], b: unknown[]): boolean {
  return sameValue(a, b, 2);
}

function sameValue(a: unknown, b: unknown, depth: number): boolean {
  if (Object.is(a, b)) return true;
  if (depth === 0 || typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => sameValue(v, b[i], depth - 1));
  if (Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return false;
  const keys = Object.keys(a);
  const other = b as Record<string, unknown>;
  return (
    keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(other, k) && sameValue((a as Record<string, unknown>)[k], other[k], depth - 1))
  );
}
