// The hidden checks of exercises/activations.ts: each declaration beside the body that decides it.
import fc from 'fast-check';
import * as ref from '../../../solutions/activations.ts';
import { type Check, check } from '../../assignment/check.ts';
import { expectCall } from '../../harness/expectations.ts';
import { agrees } from '../../harness/property.ts';
import { CONDITION_SHARE, provided } from '../../harness/provided.ts';
import { alpha, scalar } from '../arbitraries.ts';
import { edgeScalars, edgeScalarsWithAlpha } from '../edgeCases.ts';

const task = 'activations';
const M = task;
const lesson = 'exercises/README.md#1-activations';

const withAlpha = fc.tuple(scalar, fc.option(alpha, { nil: undefined }));
const args = ([z, a]: [number, number | undefined]) => (a === undefined ? [z] : [z, a]);
/** the edge scalars away from the kink, where reluGrad is 0 or 1 */
const offKink = edgeScalars.filter((z) => z !== 0);

export const activationsChecks: Check[] = [
  check(
    {
      id: 'activations.relu-matches-reference',
      task,
      weight: 3,
      calls: ['relu'],
      name: 'relu(z) equals max(0, z) for generated z, including 0, -0, tiny and large values',
      hint: `ReLU keeps the positive side and clips the rest. See ${lesson}`,
      formula: 'relu(z) = max(0, z)',
    },
    (student) => agrees(student, scalar, { module: M, name: 'relu', args: (z) => [z], expected: ref.relu, always: edgeScalars }),
  ),

  check(
    {
      id: 'activations.relu-grad-matches-reference',
      task,
      weight: 2,
      calls: ['reluGrad'],
      name: 'reluGrad(z) is 1 for z > 0 and 0 for z < 0',
      hint: `The slope of ReLU is the slope of the piece z is on. See ${lesson}`,
      formula: 'reluGrad(z) = 1 if z > 0, else 0',
    },
    (student) =>
      agrees(
        student,
        scalar.filter((z) => z !== 0),
        { module: M, name: 'reluGrad', args: (z) => [z], expected: ref.reluGrad, always: offKink },
      ),
  ),

  check(
    {
      id: 'activations.relu-grad-at-zero',
      task,
      weight: 1,
      calls: ['reluGrad'],
      name: 'reluGrad(0) and reluGrad(-0) are 0 (the kink convention)',
      hint: `At the kink z = 0 the course follows PyTorch, TensorFlow and JAX: which piece does 0 belong to? See ${lesson}`,
      formula: 'reluGrad(0) = 0: test z > 0, not z >= 0',
    },
    async (student) => {
      await expectCall(student, M, 'reluGrad', [0], 0);
      await expectCall(student, M, 'reluGrad', [-0], 0);
      // reluGrad(0) = 0 is what the constant 0 answers too
      await provided('reluGrad is also 1 for z > 0 and 0 for z < 0', () =>
        agrees(
          student,
          scalar.filter((z) => z !== 0),
          { module: M, name: 'reluGrad', args: (z) => [z], expected: ref.reluGrad, share: CONDITION_SHARE, always: offKink },
        ),
      );
    },
  ),

  check(
    {
      id: 'activations.leaky-relu-matches-reference',
      task,
      weight: 2,
      calls: ['leakyRelu'],
      name: 'leakyRelu(z, alpha) is z for z > 0 and alpha * z otherwise, with alpha defaulting to 0.01',
      hint: `The leak multiplies the negative side only. See ${lesson}`,
      formula: 'leakyRelu(z, alpha = 0.01) = z if z > 0, else alpha * z',
    },
    (student) => agrees(student, withAlpha, { module: M, name: 'leakyRelu', args, expected: ([z, a]) => ref.leakyRelu(z, a), always: edgeScalarsWithAlpha }),
  ),

  check(
    {
      id: 'activations.leaky-relu-grad-matches-reference',
      task,
      weight: 2,
      calls: ['leakyReluGrad'],
      name: 'leakyReluGrad(z, alpha) is 1 for z > 0 and alpha otherwise, including at z = 0',
      hint: `A Leaky unit always passes some gradient, at the kink too. See ${lesson}`,
      formula: 'leakyReluGrad(z, alpha = 0.01) = 1 if z > 0, else alpha (alpha at z = 0)',
    },
    async (student) => {
      await expectCall(student, M, 'leakyReluGrad', [0], 0.01);
      await expectCall(student, M, 'leakyReluGrad', [0, 0.2], 0.2);
      await agrees(student, withAlpha, {
        module: M,
        name: 'leakyReluGrad',
        args,
        expected: ([z, a]) => ref.leakyReluGrad(z, a),
        always: edgeScalarsWithAlpha,
      });
    },
  ),
];
