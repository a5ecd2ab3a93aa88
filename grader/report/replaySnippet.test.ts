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
    const snippet = replaySnippet({ test: { id: 'backprop.numerical-gradient', name: 'central differences', task: 'backprop' }, counterexample: ce('[{"W1":[[1]]}, [[1]], [[0]]]'), file: 'exercises/backprop.ts' });
    expect(snippet).toContain('numericalGradient({ W1: [[1]] }, [[1]], [[0]])');
  });

  test('a record the property drew is bound by name, and the call made when every argument is there', () => {
    const snippet = replaySnippet({
      test: { id: 'dead-neurons.zero-gradient', name: 'every unit deadNeurons reports has a zero dW1 row', task: 'dead-neurons', observed: { actual: [0.5], expected: [0] } },
      counterexample: ce('{"net":{"W1":[[0.25]],"b1":[0]},"X":[[0],[0.25]],"Y":[[0],[0]]}'),
      file: 'exercises/dead-neurons.ts',
    });
    expect(snippet).toContain('  const { net, X, Y } = { net: { W1: [[0.25]], b1: [0] }, X: [[0], [0.25]], Y: [[0], [0]] };');
    expect(snippet).toContain('  const result = deadNeurons(net, X);');
    expect(snippet).toContain('  // check here what the test requires: every unit deadNeurons reports has a zero dW1 row');
    expect(snippet).toContain('  // relu-lab saw [0.5] where it expected [0]');
    expect(snippet).not.toContain('expect(result)');
  });

  test('when the drawn values do not make the argument list, it lays them out and names the call', () => {
    const snippet = replaySnippet({
      test: { id: 'training.sgd-step', name: 'sgdStep returns p - lr * dp', task: 'training' },
      counterexample: ce('[{"net":{"b2":[0]},"X":[[0]],"Y":[[0.25]]},0.5]'),
      file: 'exercises/training.ts',
    });
    expect(snippet).toContain('  const { net, X, Y } = { net: { b2: [0] }, X: [[0]], Y: [[0.25]] };');
    expect(snippet).toContain('  // the property also drew: 0.5');
    expect(snippet).toContain('  // call sgdStep(net, grads, lr) with these values');
    expect(snippet).not.toContain('const result');
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
