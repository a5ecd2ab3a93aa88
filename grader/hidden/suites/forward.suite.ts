import fc from 'fast-check';
import type { Network, Vector } from '../../../exercises/types.ts';
import * as ref from '../../../solutions/forward.ts';
import { dims, matrix, network, networkOf, vector } from '../../course/arbitraries.ts';
import { check } from '../../engine/worker/registerCheck.ts';
import { expectClose, expectRangeError, expectUnchanged } from '../../harness/expectations.ts';
import { formatCall } from '../../harness/formatValue.ts';
import { agrees, holds } from '../../harness/property.ts';
import { CONDITION_SHARE, provided } from '../../harness/provided.ts';
import { perValue } from '../../harness/samples.ts';
import { probeCall } from '../../harness/plannedCall.ts';
import type { StudentCode } from '../../harness/StudentCode.ts';

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
    // a dense that always throws a RangeError throws it here too
    await provided('dense also computes W x + b on layers that fit', () =>
      agrees(student(), layer, { module: M, name: 'dense', args: (v) => v, expected: ([W, b, x]) => ref.dense(W, b, x), share: CONDITION_SHARE }),
    );
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

  /** the reference's forward of a drawn value, once per grading process */
  const forwardOf = perValue(([net, x]: [Network, Vector]) => ref.forward(net, x));

  check('forward.forward-does-not-mutate', student, () =>
    holds(
      student(),
      netWithInput('relu'),
      async (v) => {
        const [net, x] = v;
        const { value, args } = await student().argumentsAfter(M, 'forward', [net, x]);
        expectUnchanged('forward', args, [net, x]);
        // a constant or an empty answer leaves its arguments alone too
        await provided('forward also returns the right values', async () => expectClose(() => formatCall('forward', [net, x]), value, forwardOf(v)));
      },
      (v) => [probeCall(M, 'forward', v)],
      SPOT_CHECK,
    ),
  );

  check('forward.forward-shape-mismatch', student, async () => {
    await holds(
      student(),
      network('relu').map((net) => ({ net, x: Array(net.W1[0].length + 1).fill(1) })),
      async ({ net, x }) => {
        await expectRangeError(student(), M, 'forward', [net, x], `for an input of length ${x.length} and W1 with rows of length ${net.W1[0].length}`);
      },
      ({ net, x }) => [{ module: M, name: 'forward', args: [net, x] }],
      SPOT_CHECK,
    );
    // a forward that always throws a RangeError throws it here too
    await provided('forward also works on inputs that fit', () =>
      agrees(student(), netWithInput('relu'), { module: M, name: 'forward', args: (v) => v, expected: ([net, x]) => ref.forward(net, x), share: CONDITION_SHARE }),
    );
  });
}
