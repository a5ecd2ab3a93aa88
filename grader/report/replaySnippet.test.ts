import { describe, expect, test } from 'vitest';
import type { ContractExport } from './ReportAssignment.ts';
import { replaySnippet } from './replaySnippet.ts';

const ce = (value: string) => ({ seed: 123, path: '4:1', value, replay: 'fc.assert(prop, { seed: 123, path: "4:1", endOnFailure: true })' });
const fn = (name: string, params: string[], required = params.length): ContractExport => ({ kind: 'function', name, params, required });

/** A small course's modules: the snippet looks the function up among them. */
const modules = [
  { name: 'numbers', exports: [fn('sign', ['x']), fn('clamp', ['x', 'lo', 'hi'], 1)] },
  { name: 'tables', exports: [fn('lookup', ['table', 'keys']), fn('movingAverage', ['list', 'window', 'weights', 'options'], 3)] },
  { name: 'steps', exports: [fn('step', ['state', 'delta', 'rate'])] },
  { name: 'answers', exports: [{ kind: 'value', name: 'example' } as const] },
];

describe('replaySnippet', () => {
  test('calls the function named in the test with the counterexample and expects the expected value', () => {
    const snippet = replaySnippet({
      test: { id: 'numbers.sign-property', name: "sign(x) is 0 for x = 0 (it's the convention)", task: 'numbers', observed: { actual: 1, expected: 0 } },
      counterexample: ce('[-0]'),
      file: 'exercises/numbers.ts',
      modules,
    });
    expect(snippet).toBe(
      [
        '// replay: seed 123, path "4:1"',
        '// fast-check: fc.assert(prop, { seed: 123, path: "4:1", endOnFailure: true })',
        '// paste into exercises/numbers.test.ts; it needs:',
        "//   import { expect, test } from 'vitest';",
        "//   import { sign } from './numbers.ts';",
        "test('replay numbers.sign-property: sign(x) is 0 for x = 0 (it\\'s the convention)', () => {",
        '  const result = sign(-0);',
        '  // relu-lab saw 1 where it expected 0',
        '  expect(result).toEqual(0);',
        '});',
      ].join('\n'),
    );
  });

  test('keeps the values exact (no rounding) and passes every argument', () => {
    const snippet = replaySnippet({
      test: { id: 'tables.lookup', name: 'lookup is right', task: 'tables', observed: undefined },
      counterexample: ce('[{"a":[[0.30000000000000004]],"b":[-1e-9]},[[1]]]'),
      file: 'exercises/tables.ts',
      modules,
    });
    expect(snippet).toContain('const result = lookup({ a: [[0.30000000000000004]], b: [-1e-9] }, [[1]]);');
    expect(snippet).toContain('// check here what the test requires: lookup is right');
  });

  test('finds the function from the test id when the name does not say it', () => {
    const snippet = replaySnippet({
      test: { id: 'tables.moving-average', name: 'a centred window', task: 'tables' },
      counterexample: ce('[{"x":[[1]]}, [[1]], [[0]]]'),
      file: 'exercises/tables.ts',
      modules,
    });
    expect(snippet).toContain('movingAverage({ x: [[1]] }, [[1]], [[0]])');
  });

  test('a file no module has is looked up among every module', () => {
    const snippet = replaySnippet({
      test: { id: 'extra.clamp', name: 'clamp keeps x inside', task: 'extra' },
      counterexample: ce('[5]'),
      file: 'exercises/extra.ts',
      modules,
    });
    expect(snippet).toContain('const result = clamp(5);');
  });

  test('a record the property drew is bound by name, and the call made when every argument is there', () => {
    const snippet = replaySnippet({
      test: { id: 'tables.missing-keys', name: 'every key lookup reports has a row', task: 'tables', observed: { actual: [0.5], expected: [0] } },
      counterexample: ce('{"table":{"a":[[0.25]],"b":[0]},"keys":[[0],[0.25]],"extra":[[0],[0]]}'),
      file: 'exercises/tables.ts',
      modules,
    });
    expect(snippet).toContain('  const { table, keys, extra } = { table: { a: [[0.25]], b: [0] }, keys: [[0], [0.25]], extra: [[0], [0]] };');
    expect(snippet).toContain('  const result = lookup(table, keys);');
    expect(snippet).toContain('  // check here what the test requires: every key lookup reports has a row');
    expect(snippet).toContain('  // relu-lab saw [0.5] where it expected [0]');
    expect(snippet).not.toContain('expect(result)');
  });

  test('when the drawn values do not make the argument list, it lays them out and names the call', () => {
    const snippet = replaySnippet({
      test: { id: 'steps.step', name: 'step returns state - rate * delta', task: 'steps' },
      counterexample: ce('[{"state":{"b":[0]},"X":[[0]],"Y":[[0.25]]},0.5]'),
      file: 'exercises/steps.ts',
      modules,
    });
    expect(snippet).toContain('  const { state, X, Y } = { state: { b: [0] }, X: [[0]], Y: [[0.25]] };');
    expect(snippet).toContain('  // the property also drew: 0.5');
    expect(snippet).toContain('  // call step(state, delta, rate) with these values');
    expect(snippet).not.toContain('const result');
  });

  test('a value that is not a JSON array stays a comment', () => {
    const snippet = replaySnippet({
      test: { id: 'numbers.x', name: 'sign is finite', task: 'numbers' },
      counterexample: ce('[Number.NaN]'),
      file: 'exercises/numbers.ts',
      modules,
    });
    expect(snippet).toContain('  // [Number.NaN]');
    expect(snippet).toContain('  // call sign with it and check: sign is finite');
    expect(snippet).not.toContain('const result');
  });

  test('value exports are data, not functions: no call', () => {
    const snippet = replaySnippet({
      test: { id: 'answers.example', name: 'example is sorted', task: 'answers' },
      counterexample: ce('[0.5]'),
      file: 'exercises/answers.ts',
      modules,
    });
    expect(snippet).not.toContain('example(');
    expect(snippet).toContain('// call example with it');
  });
});
