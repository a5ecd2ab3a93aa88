import fc from 'fast-check';
import * as ref from '../../../solutions/forward.ts';
import { dims, matrix, network, networkOf, vector } from '../arbitraries.ts';
import { check } from '../harness/check.ts';
import { expectRangeError, expectUnchanged } from '../harness/expectations.ts';
import { agrees, holds } from '../harness/property.ts';
import { probeCall } from '../harness/plannedCall.ts';
import type { StudentCode } from '../harness/StudentCode.ts';

/** The hidden checks of exercises/forward.ts, registered for one submission. */
export function forwardSuite(student: () => StudentCode): void {
  /** mutation and shape errors are yes/no matters: a quarter of the runs find them */
  const SPOT_CHECK = 0.25;
  const M = 'forward';

  /** A layer W (rows x cols), b and x that fit, non-square shapes and zero weights included. */
  const layer = fc
    .record({ rows: fc.integer({ min: 1, max: 4 }), cols: fc.integer({ min: 1, max: 4 }), zero: fc.boolean() })
    .chain(({ rows, cols, zero }) =>
      fc.tuple(zero ? fc.constant(Array.from({ length: rows }, () => Array(cols).fill(0))) : matrix(rows, cols), vector(rows), vector(cols)),
    );

  /** A network with one input that fits it. */
  const netWithInput = (choice: 'relu' | 'leaky') => dims.chain((d) => fc.tuple(networkOf(d, choice), vector(d.inputs)));

  check('forward.dense-matches-reference', student, () =>
    agrees(student(), layer, { module: M, name: 'dense', args: (v) => v, expected: ([W, b, x]) => ref.dense(W, b, x) }),
  );

  check('forward.dense-shape-mismatch', student, async () => {
    await expectRangeError(student(), M, 'dense', [[[1, 2], [3, 4], [5, 6]], [0, 0, 0], [1, 2, 3]], 'for a 3x2 W and an x of length 3');
    await expectRangeError(student(), M, 'dense', [[[1, 2], [3, 4]], [0], [1, 2]], 'for a 2x2 W and a bias of length 1');
  });

  check('forward.forward-matches-reference', student, () =>
    agrees(student(), netWithInput('relu'), { module: M, name: 'forward', args: (v) => v, expected: ([net, x]) => ref.forward(net, x) }),
  );

  check('forward.forward-leaky-matches-reference', student, () =>
    agrees(student(), netWithInput('leaky'), { module: M, name: 'forward', args: (v) => v, expected: ([net, x]) => ref.forward(net, x) }),
  );

  check('forward.predict-matches-reference', student, () =>
    agrees(student(), dims.chain((d) => fc.tuple(networkOf(d, 'any'), vector(d.inputs))), {
      module: M,
      name: 'predict',
      args: (v) => v,
      expected: ([net, x]) => ref.predict(net, x),
    }),
  );

  check('forward.forward-does-not-mutate', student, () =>
    holds(
      student(),
      netWithInput('relu'),
      async ([net, x]) => {
        const { args } = await student().argumentsAfter(M, 'forward', [net, x]);
        expectUnchanged('forward', args, [net, x]);
      },
      (v) => [probeCall(M, 'forward', v)],
      SPOT_CHECK,
    ),
  );

  check('forward.forward-shape-mismatch', student, () =>
    holds(
      student(),
      network('relu').map((net) => ({ net, x: Array(net.W1[0].length + 1).fill(1) })),
      async ({ net, x }) => {
        await expectRangeError(student(), M, 'forward', [net, x], `for an input of length ${x.length} and W1 with rows of length ${net.W1[0].length}`);
      },
      ({ net, x }) => [{ module: M, name: 'forward', args: [net, x] }],
      SPOT_CHECK,
    ),
  );
}
