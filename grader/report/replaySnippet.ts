// A failing check as a Vitest test the student can paste into the exercise's
// test file: it makes the failing call and asserts what a correct function
// returns, so it fails on the submission as it is and passes once the
// mistake is fixed.
//
// The call comes from the results (results/types.ts, Observed): the call a
// failure recorded, with its arguments; or else the function the failure
// names (`mseLoss(…) returned …`, "your backward and your
// numericalGradient …") called with the shrunk counterexample, laid out as
// the function's parameters (positionally, `[0]` for f(x), or by name, a
// record with `net`, `X` and `Y` for backward(net, X, Y)) and checked against
// the call the message spells out. The assertion is the failure's own: the
// value expected (within the tolerance relu-lab compared with), the other
// function's value when the check compared two of the student's own, or no
// throw when the call threw. When none of that can be written, the snippet is
// the input as comments and says so: it never poses as a test that checks
// nothing.
import { formatCall } from '../core/formatValue.ts';
import type { Observed, TestResult } from '../results/types.ts';
import { jsLiteral } from './jsLiteral.ts';
import type { ContractExport, ReportAssignment } from './ReportAssignment.ts';

export interface ReplaySubject {
  test: Pick<TestResult, 'id' | 'name' | 'task' | 'observed'> & Partial<Pick<TestResult, 'message'>>;
  /** the shrunk input of a property check; absent for a check of fixed calls (then the recorded call is replayed) */
  counterexample?: TestResult['counterexample'];
  /** the exercise file of the test's task, e.g. `exercises/parsing.ts` */
  file: string;
  /** the assignment's modules and their exports: the function to call is looked up there */
  modules: ReportAssignment['modules'];
}

type Fn = Extract<ContractExport, { kind: 'function' }>;

/** The tolerance relu-lab compares values with when a failure does not say (harness/tolerances.ts VALUE_TOLERANCE). */
const DEFAULT_TOLERANCE = 1e-9;
/** Two of the student's own functions compared (backward against numericalGradient): central differences' tolerance. */
const OWN_FUNCTIONS_TOLERANCE = 1e-6;

/** A replay as a test: its imports, by module, and its body lines; or why it cannot be one. */
type Plan = { kind: 'test'; imports: Map<string, Set<string>>; body: string[] } | { kind: 'input'; lines: string[] };

export function replaySnippet(subject: ReplaySubject): string {
  const { test, counterexample, file } = subject;
  const plan = planReplay(subject);
  const header = counterexample
    ? [`// replay: seed ${counterexample.seed}, path ${JSON.stringify(counterexample.path)}`, `// fast-check: ${oneLine(counterexample.replay)}`]
    : [];
  if (plan.kind === 'input') return [...header, ...plan.lines].join('\n');
  const imports = [...plan.imports].map(([module, names]) => `//   import { ${[...names].sort().join(', ')} } from './${module}.ts';`);
  return [
    ...header,
    `// paste into ${file.replace(/\.ts$/, '.test.ts')}: it fails until the mistake is fixed. It needs:`,
    `//   import { expect, test } from 'vitest';`,
    ...imports,
    `test(${quote(`replay ${test.id}: ${test.name}`)}, () => {`,
    ...plan.body,
    '});',
  ].join('\n');
}

function planReplay({ test, counterexample, modules, file }: ReplaySubject): Plan {
  const observed = test.observed;
  const message = test.message ?? '';
  const own = moduleOf(file);
  const lookup = (name: string): { fn: Fn; module: string } | null => {
    for (const m of [...modules.filter((x) => x.name === own), ...modules]) {
      const found = m.exports.find((e): e is Fn => e.kind === 'function' && e.name === name);
      if (found) return { fn: found, module: m.name };
    }
    return null;
  };
  const values = counterexample ? parseJson(counterexample.value) : undefined;
  const inputOnly = (why: string): Plan => ({ kind: 'input', lines: inputLines(test, counterexample, why) });

  // two of the student's own functions compared: call both on the same input
  const both = ownLabels(observed);
  if (both && observed) {
    const a = lookup(both[0]);
    const b = lookup(both[1]);
    if (!a || !b) return inputOnly(`relu-lab could not find ${both[0]} and ${both[1]} among the exports`);
    const bound = bindArgs(values, a.fn);
    const boundB = bound && sameParams(a.fn, b.fn) ? bound : null;
    if (!bound || !boundB) return inputOnly(`the input does not make the argument lists of ${both[0]} and ${both[1]}`);
    const tol = observed.tolerance ?? OWN_FUNCTIONS_TOLERANCE;
    const digits = digitsFailing(observed.actual, observed.expected, tol);
    if (digits === null) return inputOnly('the two values it saw agree to every digit a test can compare');
    return {
      kind: 'test',
      imports: importsOf([a, b]),
      body: [
        ...bound.setup,
        `  const yours = ${both[0]}(${bound.args.join(', ')});`,
        `  const other = ${both[1]}(${bound.args.join(', ')});`,
        ...sawLines(observed, `your ${both[0]}`, `your ${both[1]}`),
        ...nearHelper(digits, tol),
        `  // they must agree: when they do not, one of them is wrong`,
        `  expect(yours).toEqual(near(other));`,
      ],
    };
  }

  // the call: recorded, or named by the message, with the counterexample as its arguments; or, when
  // neither names one, the function the test's name (or id) names, called with the counterexample as
  // its whole argument list (a record of values may be what the check handed several functions)
  const stated = observed?.call?.name ?? callNameIn(message);
  const guessed = stated ? null : functionUnderTest(test, modules.find((m) => m.name === own)?.exports ?? modules.flatMap((m) => m.exports));
  const named = stated ?? guessed?.name;
  if (!named) return inputOnly('relu-lab could not tell which function to call');
  const target = lookup(named);
  if (!target) return inputOnly(`${named} is not a function the exercises export`);
  let bound: Bound | null;
  if (guessed) {
    bound = bindArgs(values, target.fn);
    if (bound && bound.setup.length > 0) bound = null;
  } else if (observed?.call?.args) {
    const args = observed.call.args.map(jsLiteral);
    bound = args.every((a): a is string => a !== null) ? { setup: [], args } : null;
  } else {
    bound = bindArgs(values, target.fn);
    // the message spells the call out: the arguments must be the ones it names
    if (bound && callNameIn(message) === named && !spellsCall(message, named, bound.values)) bound = null;
    // a check of fixed calls has no counterexample: its message's call, when it is written out exactly
    if (!bound && !counterexample && callNameIn(message) === named) bound = exactCallText(message, named);
  }
  if (!bound) return inputOnly(`the input does not make the argument list of ${named}`);
  const call = `${named}(${bound.args.join(', ')})`;

  if (observed && observed.actualLabel === undefined) {
    const expected = jsLiteral(observed.expected);
    const tol = observed.tolerance ?? DEFAULT_TOLERANCE;
    const digits = digitsFailing(observed.actual, observed.expected, tol);
    if (expected !== null && digits !== null) {
      return {
        kind: 'test',
        imports: importsOf([target]),
        body: [
          ...bound.setup,
          `  const result = ${call};`,
          ...sawLines(observed, `your ${named}`, 'a correct one'),
          ...nearHelper(digits, tol),
          `  expect(result).toEqual(near(${expected}));`,
        ],
      };
    }
  }
  if (new RegExp(`^${escapeRegExp(named)}\\(.*\\) threw `, 's').test(message)) {
    return {
      kind: 'test',
      imports: importsOf([target]),
      body: [...bound.setup, `  // your ${named} threw: ${oneLine(message.replace(/^.*?\) threw /s, ''))}`, `  expect(() => ${call}).not.toThrow();`],
    };
  }
  return inputOnly(`its property is not one call's value, so relu-lab cannot write it as a test`);
}

interface Bound {
  /** lines that bind the named values (`const { net, X } = …;`) */
  setup: string[];
  /** the arguments, as source */
  args: string[];
  /** the arguments' values, when the call takes them from the input */
  values?: unknown[];
}

/** The drawn values as `fn`'s arguments: positionally, or a record of its parameters by name. */
function bindArgs(parsed: unknown, fn: Fn): Bound | null {
  if (parsed === undefined) return null;
  if (Array.isArray(parsed) && parsed.length >= fn.required && parsed.length <= fn.params.length && !parsed.some((v) => isRecordOf(v, fn))) {
    const args = parsed.map(jsLiteral);
    if (args.every((a): a is string => a !== null)) return { setup: [], args, values: parsed };
  }
  const values = Array.isArray(parsed) ? parsed : [parsed];
  const records = values.filter((v) => isRecordOf(v, fn));
  if (records.length !== 1 || values.length !== 1) return null;
  const record = records[0];
  const names = Object.keys(record);
  if (!fn.params.slice(0, fn.required).every((p) => names.includes(p))) return null;
  const literal = jsLiteral(record);
  if (literal === null) return null;
  const params = fn.params.filter((p, i) => i < fn.required || names.includes(p));
  return { setup: [`  const { ${names.join(', ')} } = ${literal};`], args: params, values: params.map((p) => record[p]) };
}

/**
 * The arguments of the call a message starts with (`deadNeurons({ W1: [[0]] }, [[-1]]) returned …`),
 * as source, when the text is the values exactly: plain numbers, arrays and records, nothing cut
 * short, and no number written to the 6 significant digits relu-lab rounds to (core/formatValue.ts).
 */
function exactCallText(message: string, name: string): Bound | null {
  const match = new RegExp(`^${escapeRegExp(name)}\\(([-\\w\\s[\\]{}.,:]*)\\) (?:returned|threw) `).exec(message);
  if (!match) return null;
  const numbers = match[1].match(/-?\d[\d.]*(?:e[-+]?\d+)?/gi) ?? [];
  const exact = numbers.every((n) => /e/i.test(n) === false && n.replace(/^-/, '').replace('.', '').replace(/^0+/, '').length < 6);
  return exact ? { setup: [], args: [match[1]] } : null;
}

/** Both functions take the same parameters (so one record binds both calls). */
function sameParams(a: Fn, b: Fn): boolean {
  return a.required === b.required && a.params.slice(0, a.required).every((p, i) => b.params[i] === p);
}

/** `message` starts with the call `name(...values)` as relu-lab writes calls (core/formatValue.ts). */
function spellsCall(message: string, name: string, values: unknown[] | undefined): boolean {
  return values !== undefined && (message.startsWith(`${formatCall(name, values)} returned `) || message.startsWith(`${formatCall(name, values)} threw `));
}

/** The two functions a comparison of the student's own values names, from its labels ("your backward", "your numericalGradient"). */
function ownLabels(observed: Observed | undefined): [string, string] | null {
  const a = /^your ([A-Za-z_$][\w$]*)$/.exec(observed?.actualLabel ?? '');
  const b = /^your ([A-Za-z_$][\w$]*)$/.exec(observed?.expectedLabel ?? '');
  return a && b ? [a[1], b[1]] : null;
}

/** The function a message starts with a call of (`mseLoss({…}, …) returned …`). */
function callNameIn(message: string): string | null {
  return /^([A-Za-z_$][\w$]*)\(/.exec(message)?.[1] ?? null;
}

function importsOf(targets: { fn: Fn; module: string }[]): Map<string, Set<string>> {
  const imports = new Map<string, Set<string>>();
  for (const t of targets) imports.set(t.module, (imports.get(t.module) ?? new Set()).add(t.fn.name));
  return imports;
}

/** What relu-lab saw, as comments, each value under the name of whose it is. */
function sawLines(observed: Observed, actualLabel: string, expectedLabel: string): string[] {
  const actual = jsLiteral(observed.actual);
  const expected = jsLiteral(observed.expected);
  if (actual === null || expected === null) return [];
  return [
    `  // ${observed.actualLabel ?? actualLabel} returned ${oneLine(actual)}`,
    `  // ${observed.expectedLabel ?? expectedLabel} returns ${oneLine(expected)}`,
  ];
}

/**
 * `near(v)`: `v` with every number replaced by Vitest's expect.closeTo at
 * `digits` decimal places, so summation order does not fail a correct answer.
 */
function nearHelper(digits: number, tol: number): string[] {
  return [
    `  // numbers are compared to ${digits} decimal places (relu-lab allows a relative ${tol})`,
    `  const near = (v: unknown): unknown =>`,
    `    typeof v === 'number' && Number.isFinite(v) ? expect.closeTo(v, ${digits})`,
    `      : Array.isArray(v) ? v.map(near)`,
    `      : v !== null && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, near(x)]))`,
    `      : v;`,
  ];
}

/**
 * The decimal places to compare at: as many as `tol` allows for numbers of
 * size 1 (|a - b| < 10^-digits / 2 <= tol), and more if needed so that
 * `actual` fails against `expected`; null when no precision separates them.
 */
function digitsFailing(actual: unknown, expected: unknown, tol: number): number | null {
  const start = tol > 0 ? Math.max(0, Math.floor(-Math.log10(2 * tol))) : 15;
  for (let digits = start; digits <= 15; digits++) if (!matchesNear(actual, expected, digits)) return digits;
  return null;
}

/** Whether Vitest's toEqual(near(expected)) would pass for `actual`. */
function matchesNear(actual: unknown, expected: unknown, digits: number): boolean {
  if (typeof expected === 'number') {
    if (!Number.isFinite(expected)) return Object.is(actual, expected) || (Number.isNaN(expected) && Number.isNaN(actual));
    return typeof actual === 'number' && (actual === expected || Math.abs(actual - expected) < 10 ** -digits / 2);
  }
  if (Array.isArray(expected)) return Array.isArray(actual) && actual.length === expected.length && expected.every((v, i) => matchesNear(actual[i], v, digits));
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    const keys = Object.keys(expected).filter((k) => (expected as Record<string, unknown>)[k] !== undefined);
    const theirs = Object.keys(actual).filter((k) => (actual as Record<string, unknown>)[k] !== undefined);
    return (
      keys.length === theirs.length && keys.every((k) => matchesNear((actual as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k], digits))
    );
  }
  return Object.is(actual, expected);
}

/** The input laid out as comments, with why it is not a test. */
function inputLines(test: ReplaySubject['test'], counterexample: ReplaySubject['counterexample'], why: string): string[] {
  const lines = [`// not a test to paste: ${why}.`];
  if (counterexample) lines.push(`// the smallest failing input relu-lab found: ${oneLine(counterexample.value)}`);
  lines.push(`// with it, check by hand: ${oneLine(test.name)}`);
  if (test.observed) {
    const actual = jsLiteral(test.observed.actual);
    const expected = jsLiteral(test.observed.expected);
    if (actual !== null && expected !== null) {
      lines.push(`// ${test.observed.actualLabel ?? 'yours'}: ${oneLine(actual)}`, `// ${test.observed.expectedLabel ?? 'expected'}: ${oneLine(expected)}`);
    }
  }
  return lines;
}

/** A plain object whose keys are all parameter names of `fn`, and has at least one. */
function isRecordOf(v: unknown, fn: Fn): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  return keys.some((k) => fn.params.includes(k)) && keys.every((k) => /^[A-Za-z_$][\w$]*$/.test(k));
}

function parseJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

function moduleOf(file: string): string {
  return file.replace(/^.*\//, '').replace(/\.ts$/, '');
}

/** The contract export the test is about, among its module's (or, for a file no module has, all): named in the test's name, or in its id. */
function functionUnderTest(test: ReplaySubject['test'], candidates: readonly ContractExport[]): ContractExport | null {
  const camelId = test.id.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  for (const haystack of [test.name, camelId]) {
    let best: { at: number; exp: ContractExport } | null = null;
    for (const exp of candidates) {
      const m = new RegExp(`(?<![A-Za-z0-9_$])${exp.name}(?![a-z0-9_$])`).exec(haystack);
      if (m && (!best || m.index < best.at || (m.index === best.at && exp.name.length > best.exp.name.length))) {
        best = { at: m.index, exp };
      }
    }
    if (best) return best.exp;
  }
  return null;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function quote(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\r?\n/g, ' ')}'`;
}

function oneLine(s: string): string {
  return s.replace(/\s*\r?\n\s*/g, ' ');
}
