// A failing property test's shrunk counterexample as a Vitest test the
// student can paste into the exercise's test file and run on its own.
import type { TestResult } from '../results/types.ts';
import { contractExports, type ContractExport } from './contractExports.ts';
import { jsLiteral } from './jsLiteral.ts';

export interface ReplaySubject {
  test: Pick<TestResult, 'id' | 'name' | 'task' | 'observed'>;
  counterexample: NonNullable<TestResult['counterexample']>;
  /** the exercise file of the test's task, e.g. `exercises/activations.ts` */
  file: string;
}

export function replaySnippet({ test, counterexample, file }: ReplaySubject): string {
  const moduleName = file.replace(/^.*\//, '').replace(/\.ts$/, '');
  const subject = functionUnderTest(test, moduleName);
  const args = parseArgs(counterexample.value);
  const lines = [
    `// replay: seed ${counterexample.seed}, path ${JSON.stringify(counterexample.path)}`,
    `// fast-check: ${oneLine(counterexample.replay)}`,
    `// paste into ${file.replace(/\.ts$/, '.test.ts')}; it needs:`,
    `//   import { expect, test } from 'vitest';`,
  ];
  if (subject) lines.push(`//   import { ${subject.name} } from './${moduleName}.ts';`);
  lines.push(`test(${quote(`replay ${test.id}: ${test.name}`)}, () => {`);
  if (subject && subject.kind === 'function' && args !== null) {
    lines.push(`  const result = ${subject.name}(${args.join(', ')});`);
    const expected = test.observed ? jsLiteral(test.observed.expected) : null;
    const actual = test.observed ? jsLiteral(test.observed.actual) : null;
    if (expected !== null) {
      if (actual !== null) lines.push(`  // relu-lab saw ${oneLine(actual)} where it expected ${oneLine(expected)}`);
      lines.push(`  expect(result).toEqual(${expected});`);
    } else {
      lines.push(`  // check here what the test requires: ${oneLine(test.name)}`);
    }
  } else {
    lines.push(`  // the smallest failing input relu-lab found:`);
    lines.push(`  // ${oneLine(counterexample.value)}`);
    lines.push(`  // call ${subject ? subject.name : 'the function this test checks'} with it and check: ${oneLine(test.name)}`);
  }
  lines.push('});');
  return lines.join('\n');
}

/** The counterexample as argument literals, when it is a JSON array (fast-check prints tuples so). */
function parseArgs(value: string): string[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed)) return null;
  const args = parsed.map(jsLiteral);
  return args.every((a): a is string => a !== null) ? args : null;
}

/** The contract export the test is about: named in the test's name, or in its id. */
function functionUnderTest(test: ReplaySubject['test'], moduleName: string): ContractExport | null {
  const candidates = contractExports[moduleName] ?? Object.values(contractExports).flat();
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
