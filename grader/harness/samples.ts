// The generated inputs of every property, and the reference's answers for
// them, computed once per grading process. Seeds are fixed, so every
// submission is tested on the same values; Vitest starts a fresh worker for
// every run, so they are kept as files in the grading process's private
// folder (never readable from the sandbox) rather than in memory.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';

let currentCheck = '';
let propertyIndex = 0;
const memo = new Map<string, { values: unknown[]; expected?: unknown[] }>();
let memoDir: string | null = null;

/** Where drawn values are kept between runs (null: only in memory). */
export function useMemoDir(dir: string | null): void {
  memoDir = dir;
}

/** Called as each check starts, so its properties get stable keys. */
export function beginCheck(id: string): void {
  currentCheck = id;
  propertyIndex = 0;
}

/**
 * The key of the next property of the current check; with values it always
 * checks, the key names them too, so values kept for the property before
 * those changed are never read back.
 */
export function nextPropertyKey(seed: number, numRuns: number, always: readonly unknown[] = []): string {
  const key = `${currentCheck}#${propertyIndex++}@${seed}x${numRuns}`;
  if (always.length === 0) return key;
  return `${key}+${createHash('sha1').update(JSON.stringify(always, encode)).digest('hex').slice(0, 12)}`;
}

// JSON cannot hold -0, NaN or ±Infinity: spell them out and read them back.
const SPECIAL: Record<string, number> = { '-0': -0, NaN: Number.NaN, Infinity: Infinity, '-Infinity': -Infinity };
const encode = (_k: string, v: unknown) =>
  typeof v === 'number' && (Object.is(v, -0) || !Number.isFinite(v)) ? { $n: Object.is(v, -0) ? '-0' : String(v) } : v === undefined ? { $u: 1 } : v;
const decode = (_k: string, v: unknown) => {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    if ('$n' in v) return SPECIAL[(v as { $n: string }).$n];
    if ('$u' in v) return undefined;
  }
  return v;
};

function fileFor(key: string): string | null {
  return memoDir ? path.join(memoDir, `${createHash('sha1').update(key).digest('hex')}.json`) : null;
}

function load(key: string): { values: unknown[]; expected?: unknown[] } | undefined {
  const hit = memo.get(key);
  if (hit) return hit;
  const file = fileFor(key);
  if (!file || !fs.existsSync(file)) return undefined;
  const entry = JSON.parse(fs.readFileSync(file, 'utf8'), decode);
  memo.set(key, entry);
  return entry;
}

function save(key: string, entry: { values: unknown[]; expected?: unknown[] }): void {
  memo.set(key, entry);
  const file = fileFor(key);
  if (!file) return;
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  fs.writeFileSync(tmp, JSON.stringify(entry, encode));
  fs.renameSync(tmp, file);
}

/**
 * The values fc.check draws with this seed and number of runs, in its order,
 * after `always`: values a property checks in every run whatever the seed
 * (the edge cases a draw may miss), so a grade does not depend on the seed.
 */
export function samplesFor<T>(key: string, arbitrary: fc.Arbitrary<T>, seed: number, numRuns: number, always: readonly T[] = []): T[] {
  let entry = load(key);
  if (!entry) {
    entry = { values: [...always, ...fc.sample(arbitrary, { seed, numRuns })] };
    save(key, entry);
  }
  return entry.values as T[];
}

/** The reference's answers for the values under `key`, computed once. */
export function expectedFor<T>(key: string, values: T[], expected: (value: T) => unknown): unknown[] {
  const entry = load(key);
  if (!entry) return values.map(expected);
  if (!entry.expected) {
    entry.expected = values.map(expected);
    save(key, entry);
  }
  return entry.expected;
}

const plans = new Map<string, unknown>();

/**
 * What `make` builds for the property under `key` (its planned calls), built
 * once per grading process: every submission is then given the very same
 * argument lists, which the sandbox encodes only once (see Sandbox.callMany).
 */
export function plannedFor<T>(key: string, make: () => T): T {
  if (!plans.has(key)) plans.set(key, make());
  return plans.get(key) as T;
}

/**
 * `compute` with its results kept per argument object: for reference answers
 * a predicate needs about a drawn value, which is the very same object for
 * every submission a grading process grades (values shrinking makes are new,
 * and computed afresh).
 */
export function perValue<K extends object, V>(compute: (value: K) => V): (value: K) => V {
  const kept = new WeakMap<K, V>();
  return (value) => {
    if (!kept.has(value)) kept.set(value, compute(value));
    return kept.get(value) as V;
  };
}
