import { expect, test } from 'vitest';
import { closestName } from './closestName.ts';

const modules = ['activations.ts', 'forward.ts', 'backprop.ts', 'dead-neurons.ts'];

test('suggests the file a student misnamed: a letter off, another case, a swapped separator', () => {
  expect(closestName('activations.ts', ['activation.ts', 'notes.md'])).toBe('activation.ts');
  expect(closestName('forward.ts', ['Forward.ts', 'forwards.ts'])).toBe('Forward.ts');
  expect(closestName('dead-neurons.ts', ['dead_neurons.ts'])).toBe('dead_neurons.ts');
});

test('suggests nothing unrelated, nothing equal, nothing that is not a plain file name', () => {
  expect(
    closestName(
      'backprop.ts',
      modules.filter((m) => m !== 'backprop.ts'),
    ),
  ).toBeNull();
  expect(closestName('forward.ts', ['forward.ts'])).toBeNull();
  expect(closestName('forward.ts', ['forwar\u001b[31md.ts', '../forward.ts'])).toBeNull();
});
