// A failing property test's shrunk counterexample as a Vitest test the
// student can paste into the exercise's test file and run on its own.
//
// fast-check prints what the property drew, which is not always the
// function's argument list: a property may draw a record ({ net, X, Y }) and
// more values beside it. So the snippet calls the function directly only when
// the values fit its parameters: positionally (`[0]` for f(x)) or by name (a
// record with `list` and `k` for nth(list, k)). Otherwise it
// lays the values out and says which call to make. It asserts the expected
// value only when the call is the plain positional one.
import type { TestResult } from '../results/types.ts';
import { jsLiteral } from './jsLiteral.ts';
import type { ContractExport, ReportAssignment } from './ReportAssignment.ts';

export interface ReplaySubject {
  test: Pick<TestResult, 'id' | 'name' | 'task' | 'observed'>;
  counterexample: NonNullable<TestResult['counterexample']>;
  /** the exercise file of the test's task, e.g. `exercises/parsing.ts` */
  file: string;
  /** the assignment's modules and their exports: the function to call is looked up there */
  modules: ReportAssignment['modules'];
}

type Fn = Extract<ContractExport, { kind: 'function' }>;

export function replaySnippet({ test, counterexample, file, modules }: ReplaySubject): string {
  const moduleName = file.replace(/^.*\//, '').replace(/\.ts$/, '');
  const subject = functionUnderTest(test, modules.find((m) => m.name === moduleName)?.exports ?? modules.flatMap((m) => m.exports));
  const lines = [
    `// replay: seed ${counterexample.seed}, path ${JSON.stringify(counterexample.path)}`,
    `// fast-check: ${oneLine(counterexample.replay)}`,
    `// paste into ${file.replace(/\.ts$/, '.test.ts')}; it needs:`,
    `//   import { expect, test } from 'vitest';`,
    ...(subject ? [`//   import { ${subject.name} } from './${moduleName}.ts';`] : []),
    `test(${quote(`replay ${test.id}: ${test.name}`)}, () => {`,
    ...body(test, counterexample.value, subject),
    '});',
  ];
  return lines.join('\n');
}

function body(test: ReplaySubject['test'], raw: string, subject: ContractExport | null): string[] {
  const parsed = parseJson(raw);
  const saw = test.observed ? observedComment(test.observed) : [];
  const fallback = [
    `  // the smallest failing input relu-lab found:`,
    `  // ${oneLine(raw)}`,
    `  // call ${subject ? subject.name : 'the function this test checks'} with it and check: ${oneLine(test.name)}`,
    ...saw,
  ];
  if (!subject || subject.kind !== 'function' || parsed === undefined) return fallback;

  // positional: [0] for f(x)
  if (Array.isArray(parsed) && parsed.length >= subject.required && parsed.length <= subject.params.length && !parsed.some((v) => isRecordOf(v, subject))) {
    const args = parsed.map(jsLiteral);
    if (args.every((a): a is string => a !== null)) {
      const expected = test.observed ? jsLiteral(test.observed.expected) : null;
      return [
        `  const result = ${subject.name}(${args.join(', ')});`,
        ...(expected !== null ? [...saw, `  expect(result).toEqual(${expected});`] : [`  // check here what the test requires: ${oneLine(test.name)}`]),
      ];
    }
  }

  // by name: a record of some parameters, perhaps with more values beside it
  const values = Array.isArray(parsed) ? parsed : [parsed];
  const record = values.find((v) => isRecordOf(v, subject));
  if (!record) return fallback;
  const names = Object.keys(record);
  const literal = jsLiteral(record);
  const others = values.filter((v) => v !== record).map(jsLiteral);
  if (literal === null || others.some((o) => o === null)) return fallback;
  const bound = subject.params.slice(0, subject.required).every((p) => names.includes(p));
  const call = `${subject.name}(${subject.params.filter((p, i) => i < subject.required || names.includes(p)).join(', ')})`;
  return [
    `  const { ${names.join(', ')} } = ${literal};`,
    ...(others.length > 0 ? [`  // the property also drew: ${others.join(', ')}`] : []),
    ...(bound ? [`  const result = ${call};`] : [`  // call ${subject.name}(${subject.params.join(', ')}) with these values`]),
    `  // check here what the test requires: ${oneLine(test.name)}`,
    ...saw,
  ];
}

function observedComment(observed: NonNullable<TestResult['observed']>): string[] {
  const actual = jsLiteral(observed.actual);
  const expected = jsLiteral(observed.expected);
  return actual !== null && expected !== null ? [`  // relu-lab saw ${oneLine(actual)} where it expected ${oneLine(expected)}`] : [];
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

function quote(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\r?\n/g, ' ')}'`;
}

function oneLine(s: string): string {
  return s.replace(/\s*\r?\n\s*/g, ' ');
}
