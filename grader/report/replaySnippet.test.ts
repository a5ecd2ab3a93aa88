import { describe, expect, test } from 'vitest';
import type { ContractExport } from './ReportAssignment.ts';
import { replaySnippet } from './replaySnippet.ts';

const ce = (value: string) => ({ seed: 123, path: '4:1', value, replay: 'fc.assert(prop, { seed: 123, path: "4:1", endOnFailure: true })' });
const fn = (name: string, params: string[], required = params.length): ContractExport => ({ kind: 'function', name, params, required });

/** A small course's modules: the snippet looks the function up among them. */
const modules = [
  { name: 'numbers', exports: [fn('sign', ['x']), fn('clamp', ['x', 'lo', 'hi'], 1)] },
  { name: 'tables', exports: [fn('lookup', ['table', 'keys']), fn('check', ['table', 'keys'])] },
  { name: 'steps', exports: [fn('step', ['state', 'delta', 'rate'])] },
  { name: 'answers', exports: [{ kind: 'value', name: 'example' } as const] },
];

describe('replaySnippet', () => {
  test('replays the failing call with the counterexample and expects what a correct function returns', () => {
    const snippet = replaySnippet({
      test: {
        id: 'numbers.sign-property',
        name: "sign(x) is 0 for x = 0 (it's the convention)",
        task: 'numbers',
        message: 'sign(-0) returned 1, expected 0',
        observed: { actual: 1, expected: 0, call: { name: 'sign' }, tolerance: 1e-9 },
      },
      counterexample: ce('[-0]'),
      file: 'exercises/numbers.ts',
      modules,
    });
    expect(snippet).toContain('// replay: seed 123, path "4:1"');
    expect(snippet).toContain("//   import { sign } from './numbers.ts';");
    expect(snippet).toContain("test('replay numbers.sign-property: sign(x) is 0 for x = 0 (it\\'s the convention)', () => {");
    expect(snippet).toContain('  const result = sign(-0);');
    expect(snippet).toContain('  // your sign returned 1\n  // a correct one returns 0');
    expect(snippet).toContain('expect.closeTo(v, 8)');
    expect(snippet).toContain('  expect(result).toEqual(near(0));');
    expect(snippet.trimEnd().endsWith('});')).toBe(true);
  });

  test('a recorded call is replayed as it was, values exact, without a counterexample', () => {
    const snippet = replaySnippet({
      test: {
        id: 'tables.lookup',
        name: 'lookup is right',
        task: 'tables',
        observed: { actual: [0.5], expected: [0.30000000000000004], call: { module: 'tables', name: 'lookup', args: [{ a: [[-1e-9]] }, [[1]]] } },
      },
      file: 'exercises/tables.ts',
      modules,
    });
    expect(snippet).not.toContain('// replay: seed');
    expect(snippet).toContain('  const result = lookup({ a: [[-1e-9]] }, [[1]]);');
    expect(snippet).toContain('  expect(result).toEqual(near([0.30000000000000004]));');
  });

  test('a record the property drew is bound by name when the message spells the same call', () => {
    const snippet = replaySnippet({
      test: {
        id: 'tables.missing-keys',
        name: 'every key lookup reports has a row',
        task: 'tables',
        message: 'lookup({ a: [[0.25]], b: [0] }, [[0], [0.25]]) returned [0.5], expected [0]',
        observed: { actual: [0.5], expected: [0] },
      },
      counterexample: ce('{"table":{"a":[[0.25]],"b":[0]},"keys":[[0],[0.25]]}'),
      file: 'exercises/tables.ts',
      modules,
    });
    expect(snippet).toContain('  const { table, keys } = { table: { a: [[0.25]], b: [0] }, keys: [[0], [0.25]] };');
    expect(snippet).toContain('  const result = lookup(table, keys);');
    expect(snippet).toContain('  expect(result).toEqual(near([0]));');
  });

  test('a counterexample that is not the call the message spells is not replayed as that call', () => {
    const snippet = replaySnippet({
      test: { id: 'numbers.odd', name: 'sign is odd', task: 'numbers', message: 'sign(-3) returned 1, expected -1', observed: { actual: 1, expected: -1 } },
      counterexample: ce('[3]'),
      file: 'exercises/numbers.ts',
      modules,
    });
    expect(snippet).not.toContain('test(');
    expect(snippet).toContain('// not a test to paste: the input does not make the argument list of sign.');
    expect(snippet).toContain('// the smallest failing input relu-lab found: [3]');
  });

  test("two of the student's own functions compared: both are called and each value is labelled", () => {
    const snippet = replaySnippet({
      test: {
        id: 'tables.agree',
        name: 'lookup and check agree',
        task: 'tables',
        message: 'your lookup and your check disagree at [0]',
        observed: { actual: [1], expected: [2], actualLabel: 'your lookup', expectedLabel: 'your check' },
      },
      counterexample: ce('{"table":{"a":[[1]]},"keys":[[1]]}'),
      file: 'exercises/tables.ts',
      modules,
    });
    expect(snippet).toContain("//   import { check, lookup } from './tables.ts';");
    expect(snippet).toContain('  const yours = lookup(table, keys);');
    expect(snippet).toContain('  const other = check(table, keys);');
    expect(snippet).toContain('  // your lookup returned [1]\n  // your check returns [2]');
    expect(snippet).toContain('  expect(yours).toEqual(near(other));');
    expect(snippet).not.toContain('expected');
  });

  test('a call that threw is replayed as a test that it does not throw', () => {
    const snippet = replaySnippet({
      test: { id: 'numbers.clamp', name: 'clamp keeps x inside', task: 'numbers', message: 'clamp(5) threw TypeError: lo is undefined' },
      counterexample: ce('[5]'),
      file: 'exercises/numbers.ts',
      modules,
    });
    expect(snippet).toContain('  // your clamp threw: TypeError: lo is undefined');
    expect(snippet).toContain('  expect(() => clamp(5)).not.toThrow();');
  });

  test('a fixed call written out exactly in the message is replayed from it; one rounded to 6 digits is not', () => {
    const exact = replaySnippet({
      test: {
        id: 'steps.s',
        name: 'step',
        task: 'steps',
        message: 'step({ b: [0, -0.5] }, 1, 0.25) returned 3, expected 2',
        observed: { actual: 3, expected: 2 },
      },
      file: 'exercises/steps.ts',
      modules,
    });
    expect(exact).toContain('  const result = step({ b: [0, -0.5] }, 1, 0.25);');
    const rounded = replaySnippet({
      test: {
        id: 'steps.s',
        name: 'step',
        task: 'steps',
        message: 'step({ b: [0.333333] }, 1, 0.25) returned 3, expected 2',
        observed: { actual: 3, expected: 2 },
      },
      file: 'exercises/steps.ts',
      modules,
    });
    expect(rounded).not.toContain('test(');
  });

  test('the precision is raised until the value seen fails, and a failure with nothing to assert stays comments', () => {
    const fine = replaySnippet({
      test: { id: 'numbers.s', name: 's', task: 'numbers', observed: { actual: 1.000001, expected: 1, call: { name: 'sign', args: [1] }, tolerance: 1e-3 } },
      file: 'exercises/numbers.ts',
      modules,
    });
    expect(fine).toContain('expect.closeTo(v, 6)');
    const vague = replaySnippet({
      test: { id: 'numbers.v', name: 'sign is finite', task: 'numbers', message: 'sign is not finite somewhere' },
      counterexample: ce('[Number.NaN]'),
      file: 'exercises/numbers.ts',
      modules,
    });
    expect(vague).not.toContain('test(');
    expect(vague).toContain('// with it, check by hand: sign is finite');
  });

  test('value exports are data, not functions: no call', () => {
    const snippet = replaySnippet({
      test: {
        id: 'answers.example',
        name: 'example is sorted',
        task: 'answers',
        message: 'example(1) returned 2, expected 1',
        observed: { actual: 2, expected: 1 },
      },
      counterexample: ce('[1]'),
      file: 'exercises/answers.ts',
      modules,
    });
    expect(snippet).not.toContain('test(');
    expect(snippet).toContain('example is not a function the exercises export');
  });
});
