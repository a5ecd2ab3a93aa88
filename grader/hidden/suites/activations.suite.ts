import fc from 'fast-check';
import * as ref from '../../../solutions/activations.ts';
import { alpha, scalar } from '../../course/arbitraries.ts';
import { check } from '../../engine/worker/registerCheck.ts';
import { expectCall } from '../../harness/expectations.ts';
import { agrees } from '../../harness/property.ts';
import { CONDITION_SHARE, provided } from '../../harness/provided.ts';
import type { StudentCode } from '../../harness/StudentCode.ts';

/** The hidden checks of exercises/activations.ts, registered for one submission. */
export function activationsSuite(student: () => StudentCode): void {
  const M = 'activations';
  const withAlpha = fc.tuple(scalar, fc.option(alpha, { nil: undefined }));
  const args = ([z, a]: [number, number | undefined]) => (a === undefined ? [z] : [z, a]);

  check('activations.relu-matches-reference', student, () =>
    agrees(student(), scalar, { module: M, name: 'relu', args: (z) => [z], expected: ref.relu }),
  );

  check('activations.relu-grad-matches-reference', student, () =>
    agrees(student(), scalar.filter((z) => z !== 0), { module: M, name: 'reluGrad', args: (z) => [z], expected: ref.reluGrad }),
  );

  check('activations.relu-grad-at-zero', student, async () => {
    await expectCall(student(), M, 'reluGrad', [0], 0);
    await expectCall(student(), M, 'reluGrad', [-0], 0);
    // reluGrad(0) = 0 is what the constant 0 answers too
    await provided('reluGrad is also 1 for z > 0 and 0 for z < 0', () =>
      agrees(student(), scalar.filter((z) => z !== 0), { module: M, name: 'reluGrad', args: (z) => [z], expected: ref.reluGrad, share: CONDITION_SHARE }),
    );
  });

  check('activations.leaky-relu-matches-reference', student, () =>
    agrees(student(), withAlpha, { module: M, name: 'leakyRelu', args, expected: ([z, a]) => ref.leakyRelu(z, a) }),
  );

  check('activations.leaky-relu-grad-matches-reference', student, async () => {
    await expectCall(student(), M, 'leakyReluGrad', [0], 0.01);
    await expectCall(student(), M, 'leakyReluGrad', [0, 0.2], 0.2);
    await agrees(student(), withAlpha, { module: M, name: 'leakyReluGrad', args, expected: ([z, a]) => ref.leakyReluGrad(z, a) });
  });
}
