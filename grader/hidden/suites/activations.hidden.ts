import fc from 'fast-check';
import * as ref from '../../../solutions/activations.ts';
import { alpha, scalar } from '../arbitraries.ts';
import { check } from '../harness/check.ts';
import { expectCall } from '../harness/expectations.ts';
import { holds } from '../harness/property.ts';
import { useStudent } from '../harness/useStudent.ts';

const student = useStudent();
const M = 'activations';
const optionalAlpha = fc.option(alpha, { nil: undefined });
const withAlpha = (z: number, a: number | undefined) => (a === undefined ? [z] : [z, a]);

check('activations.relu-matches-reference', () =>
  holds(student(), scalar, async (z) => {
    await expectCall(student(), M, 'relu', [z], ref.relu(z));
  }),
);

check('activations.relu-grad-matches-reference', () =>
  holds(student(), scalar.filter((z) => z !== 0), async (z) => {
    await expectCall(student(), M, 'reluGrad', [z], ref.reluGrad(z));
  }),
);

check('activations.relu-grad-at-zero', async () => {
  await expectCall(student(), M, 'reluGrad', [0], 0);
  await expectCall(student(), M, 'reluGrad', [-0], 0);
});

check('activations.leaky-relu-matches-reference', () =>
  holds(student(), fc.tuple(scalar, optionalAlpha), async ([z, a]) => {
    await expectCall(student(), M, 'leakyRelu', withAlpha(z, a), ref.leakyRelu(z, a));
  }),
);

check('activations.leaky-relu-grad-matches-reference', async () => {
  await expectCall(student(), M, 'leakyReluGrad', [0], 0.01);
  await expectCall(student(), M, 'leakyReluGrad', [0, 0.2], 0.2);
  await holds(student(), fc.tuple(scalar, optionalAlpha), async ([z, a]) => {
    await expectCall(student(), M, 'leakyReluGrad', withAlpha(z, a), ref.leakyReluGrad(z, a));
  });
});
