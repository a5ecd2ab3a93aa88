// The hidden checks of exercises/forward.ts: each declaration beside the body that decides it.
import fc from 'fast-check';
import type { Network, Vector } from '../../../exercises/types.ts';
import * as ref from '../../../solutions/forward.ts';
import { type Check, check } from '../../assignment/check.ts';
import { expectClose, expectRangeError, expectUnchanged } from '../../harness/expectations.ts';
import { formatCall } from '../../core/formatValue.ts';
import { probeCall } from '../../harness/plannedCall.ts';
import { agrees, holds } from '../../harness/property.ts';
import { CONDITION_SHARE, provided } from '../../harness/provided.ts';
import { perValue } from '../../harness/samples.ts';
import { dims, matrix, network, networkOf, vector } from '../arbitraries.ts';
import { edgeLayers, edgeProblems } from '../edgeCases.ts';

import { carryForward, carryPredict } from '../carried/carry.ts';
import { judgeCarrying } from '../../harness/carried.ts';
const task = 'forward';
const M = task;
const lesson = 'exercises/README.md#2-the-forward-pass';

/** mutation and shape errors are yes/no matters: a quarter of the runs find them */
const SPOT_CHECK = 0.25;

/** A layer W (rows x cols), b and x that fit, non-square shapes and zero weights included. */
const layer = fc
  .record({ rows: fc.integer({ min: 1, max: 4 }), cols: fc.integer({ min: 1, max: 4 }), zero: fc.boolean() })
  .chain(({ rows, cols, zero }) =>
    fc.tuple(zero ? fc.constant(Array.from({ length: rows }, () => Array(cols).fill(0))) : matrix(rows, cols), vector(rows), vector(cols)),
  );

/** A network with one input that fits it. */
const netWithInput = (choice: 'relu' | 'leaky') => dims.chain((d) => fc.tuple(networkOf(d, choice), vector(d.inputs)));

/** every sample of the edge problems with its network: z1 exactly 0 and -0, zero weights, wide and Leaky networks */
const edgeInputs: [Network, Vector][] = edgeProblems.flatMap(({ net, X }) => X.map((x): [Network, Vector] => [net, x]));
const isLeaky = ([net]: [Network, Vector]) => net.activation?.kind === 'leakyRelu';
const edgeReluInputs = edgeInputs.filter((v) => !isLeaky(v));
const edgeLeakyInputs = edgeInputs.filter(isLeaky);

/** the reference's forward of a drawn value, once per grading process */
const forwardOf = perValue(([net, x]: [Network, Vector]) => ref.forward(net, x));

export const forwardChecks: Check[] = [
  check(
    {
      id: 'forward.dense-matches-reference',
      task,
      weight: 4,
      calls: ['dense'],
      name: 'dense(W, b, x) equals W x + b on generated layers, including non-square and zero weights',
      hint: `Row j of W holds the weights into output j. See ${lesson}`,
      formula: 'out[j] = sum over i of W[j][i] * x[i] + b[j]',
    },
    (student) => agrees(student, layer, { module: M, name: 'dense', args: (v) => v, expected: ([W, b, x]) => ref.dense(W, b, x), always: edgeLayers }),
  ),

  check(
    {
      id: 'forward.dense-shape-mismatch',
      task,
      weight: 1,
      calls: ['dense'],
      name: 'dense throws a RangeError when W, b and x do not fit',
      hint: `Check W's row lengths against x and b's length against W's rows, and throw a RangeError naming both shapes. See ${lesson}`,
    },
    async (student) => {
      await expectRangeError(
        student,
        M,
        'dense',
        [
          [
            [1, 2],
            [3, 4],
            [5, 6],
          ],
          [0, 0, 0],
          [1, 2, 3],
        ],
        'for a 3x2 W and an x of length 3',
      );
      await expectRangeError(
        student,
        M,
        'dense',
        [
          [
            [1, 2],
            [3, 4],
          ],
          [0],
          [1, 2],
        ],
        'for a 2x2 W and a bias of length 1',
      );
      // a dense that always throws a RangeError throws it here too
      await provided('dense also computes W x + b on layers that fit', () =>
        agrees(student, layer, {
          module: M,
          name: 'dense',
          args: (v) => v,
          expected: ([W, b, x]) => ref.dense(W, b, x),
          share: CONDITION_SHARE,
          always: edgeLayers,
        }),
      );
    },
  ),

  check(
    {
      id: 'forward.forward-matches-reference',
      task,
      weight: 4,
      calls: ['forward'],
      name: 'forward returns z1, a1 and yHat equal to the reference on ReLU networks',
      hint: `Three steps: the hidden layer, its activation, the output layer. See ${lesson}`,
      formula: 'z1 = W1 x + b1, a1 = relu(z1), yHat = W2 a1 + b2',
    },
    (student) =>
      agrees(student, netWithInput('relu'), {
        module: M,
        name: 'forward',
        args: (v) => v,
        expected: ([net, x]) => ref.forward(net, x),
        carried: ([net, x], own) => carryForward(own, net, x),
        always: edgeReluInputs,
      }),
  ),

  check(
    {
      id: 'forward.forward-leaky-matches-reference',
      task,
      weight: 2,
      calls: ['forward'],
      name: "forward applies Leaky ReLU with the network's alpha when activation.kind is leakyRelu",
      hint: `Read net.activation: absent means ReLU. See ${lesson}`,
    },
    (student) =>
      agrees(student, netWithInput('leaky'), {
        module: M,
        name: 'forward',
        args: (v) => v,
        expected: ([net, x]) => ref.forward(net, x),
        carried: ([net, x], own) => carryForward(own, net, x),
        always: edgeLeakyInputs,
      }),
  ),

  check(
    {
      id: 'forward.predict-matches-reference',
      task,
      weight: 2,
      calls: ['predict'],
      name: 'predict(net, x) equals forward(net, x).yHat',
      hint: `predict is the output of forward. See ${lesson}`,
    },
    (student) =>
      agrees(
        student,
        dims.chain((d) => fc.tuple(networkOf(d, 'any'), vector(d.inputs))),
        {
          module: M,
          name: 'predict',
          args: (v) => v,
          expected: ([net, x]) => ref.predict(net, x),
          carried: ([net, x], own) => carryPredict(own, net, x),
          always: edgeInputs,
        },
      ),
  ),

  check(
    {
      id: 'forward.forward-does-not-mutate',
      task,
      weight: 1,
      calls: ['forward'],
      name: 'forward leaves its network and input unchanged',
      hint: `Build new arrays (map) instead of writing into the inputs. See ${lesson}`,
    },
    (student) =>
      holds(
        student,
        netWithInput('relu'),
        async (v) => {
          const [net, x] = v;
          const { value, args } = await student.argumentsAfter(M, 'forward', [net, x]);
          expectUnchanged('forward', args, [net, x]);
          // a constant or an empty answer leaves its arguments alone too
          await provided('forward also returns the right values', async () =>
            judgeCarrying(
              student,
              'forward',
              value,
              () => expectClose(() => formatCall('forward', [net, x]), value, forwardOf(v)),
              () => carryForward(student, net, x),
            ),
          );
        },
        (v) => [probeCall(M, 'forward', v)],
        { share: SPOT_CHECK, always: edgeReluInputs.slice(0, 4) },
      ),
  ),

  check(
    {
      id: 'forward.forward-shape-mismatch',
      task,
      weight: 1,
      calls: ['forward'],
      name: 'forward throws a RangeError when the input does not fit W1',
      hint: `An input of the wrong length is a RangeError naming both shapes. See ${lesson}`,
    },
    async (student) => {
      await holds(
        student,
        network('relu').map((net) => ({ net, x: Array(net.W1[0].length + 1).fill(1) })),
        async ({ net, x }) => {
          await expectRangeError(student, M, 'forward', [net, x], `for an input of length ${x.length} and W1 with rows of length ${net.W1[0].length}`);
        },
        ({ net, x }) => [{ module: M, name: 'forward', args: [net, x] }],
        { share: SPOT_CHECK, always: edgeProblems.map(({ net, X }) => ({ net, x: [...X[0], 1] })) },
      );
      // a forward that always throws a RangeError throws it here too
      await provided('forward also works on inputs that fit', () =>
        agrees(student, netWithInput('relu'), {
          module: M,
          name: 'forward',
          args: (v) => v,
          expected: ([net, x]) => ref.forward(net, x),
          carried: ([net, x], own) => carryForward(own, net, x),
          share: CONDITION_SHARE,
          always: edgeReluInputs,
        }),
      );
    },
  ),
];
