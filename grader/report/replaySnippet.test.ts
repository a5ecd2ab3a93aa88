import { describe, expect, test } from 'vitest';
import { replaySnippet } from './replaySnippet.ts';

const ce = (value: string) => ({ seed: 123, path: '4:1', value, replay: 'fc.assert(prop, { seed: 123, path: "4:1", endOnFailure: true })' });

describe('replaySnippet', () => {
  test('calls the function named in the test with the counterexample and expects the expected value', () => {
    const snippet = replaySnippet({
      test: { id: 'activations.relu-grad-property', name: "reluGrad(z) is 0 for z <= 0 (it's the convention)", task: 'activations', observed: { actual: 1, expected: 0 } },
      counterexample: ce('[-0]'),
      file: 'exercises/activations.ts',
    });
    expect(snippet).toBe(
      [
        '// replay: seed 123, path "4:1"',
        '// fast-check: fc.assert(prop, { seed: 123, path: "4:1", endOnFailure: true })',
        '// paste into exercises/activations.test.ts; it needs:',
        "//   import { expect, test } from 'vitest';",
        "//   import { reluGrad } from './activations.ts';",
        "test('replay activations.relu-grad-property: reluGrad(z) is 0 for z <= 0 (it\\'s the convention)', () => {",
        '  const result = reluGrad(-0);',
        '  // relu-lab saw 1 where it expected 0',
        '  expect(result).toEqual(0);',
        '});',
      ].join('\n'),
    );
  });

  test('keeps the values exact (no rounding) and passes every argument', () => {
    const snippet = replaySnippet({
      test: { id: 'dead-neurons.dead', name: 'deadNeurons is right', task: 'dead-neurons', observed: undefined },
      counterexample: ce('[{"W1":[[0.30000000000000004]],"b1":[-1e-9],"W2":[[1]],"b2":[0]},[[1]]]'),
      file: 'exercises/dead-neurons.ts',
    });
    expect(snippet).toContain('const result = deadNeurons({ W1: [[0.30000000000000004]], b1: [-1e-9], W2: [[1]], b2: [0] }, [[1]]);');
    expect(snippet).toContain('// check here what the test requires: deadNeurons is right');
  });

  test('finds the function from the test id when the name does not say it', () => {
    const snippet = replaySnippet({ test: { id: 'backprop.numerical-gradient', name: 'central differences', task: 'backprop' }, counterexample: ce('[1]'), file: 'exercises/backprop.ts' });
    expect(snippet).toContain('numericalGradient(1)');
  });

  test('a value that is not a JSON array stays a comment', () => {
    const snippet = replaySnippet({ test: { id: 'activations.x', name: 'relu is finite', task: 'activations' }, counterexample: ce('[Number.NaN]'), file: 'exercises/activations.ts' });
    expect(snippet).toContain('  // [Number.NaN]');
    expect(snippet).toContain('  // call relu with it and check: relu is finite');
    expect(snippet).not.toContain('const result');
  });

  test('claims are values, not functions: no call', () => {
    const snippet = replaySnippet({ test: { id: 'claims.linear-example', name: 'linearExample is linear', task: 'claims' }, counterexample: ce('[0.5]'), file: 'exercises/claims.ts' });
    expect(snippet).not.toContain('linearExample(');
    expect(snippet).toContain('// call linearExample with it');
  });
});
