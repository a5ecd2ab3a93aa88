// The hidden checks of exercises/training.ts: each declaration beside the body that decides it.
import fc from 'fast-check';
import type { Gradients, Network, TrainResult } from '../../../exercises/types.ts';
import { backward, mseLoss } from '../../../solutions/backprop.ts';
import { deadNeurons } from '../../../solutions/dead-neurons.ts';
import { forward } from '../../../solutions/forward.ts';
import * as ref from '../../../solutions/training.ts';
import { type Check, check } from '../../assignment/check.ts';
import { expectClose, expectThat, expectUnchanged } from '../../harness/expectations.ts';
import { formatCall } from '../../core/formatValue.ts';
import { probeCall, seededCall } from '../../harness/plannedCall.ts';
import { agrees, holds } from '../../harness/property.ts';
import { CONDITION_SHARE, provided } from '../../harness/provided.ts';
import { perValue } from '../../harness/samples.ts';
import { close } from '../../harness/tolerances.ts';
import { problem, type Problem } from '../arbitraries.ts';
import { edgeLeakyProblems, edgeProblems, edgeReluProblems } from '../edgeCases.ts';
import { carryOwnLoss, carryRevival, carryTrain } from '../carried/carry.ts';
import { CARRIED_THROW, callCarrying, judgeCarrying } from '../../harness/carried.ts';

const task = 'training';
const M = task;
const lesson = 'exercises/README.md#7-training-and-revival';

/** training runs many steps per value: half the runs */
const HALF = 0.5;
/** mutation is a yes/no matter: a quarter of the runs find it */
const SPOT_CHECK = 0.25;
/** a network with the reference's gradients on some data */
const withGradients = problem('any').map(({ net, X, Y }) => ({ net, g: backward(net, X, Y) }));
const lr = fc.constantFrom(0.5, 0.1, 0.25, 1);
const epochs = fc.integer({ min: 1, max: 5 });
/** the edge problems' networks with their gradients: z1 exactly 0, one sample, wide and Leaky networks */
const edgeGradients = edgeProblems.map(({ net, X, Y }) => ({ net, g: backward(net, X, Y) }));
/** the edge problems trained for 3 epochs at lr 0.1 */
const edgeTraining = edgeProblems.map((p): [Problem, number, number] => [p, 3, 0.1]);
/** the edge ReLU problems with a dead unit, for 3 epochs */
const edgeWithDead = edgeReluProblems.filter(({ net, X }) => deadNeurons(net, X).length > 0).map((p): [Problem, number] => [p, 3]);
/** the edge Leaky problems (alpha != 0) in which ReLU would leave some unit dead, for 3 epochs */
const edgeLeakyWithReluDead = edgeLeakyProblems
  .filter(
    ({ net, X }) => net.activation?.kind === 'leakyRelu' && net.activation.alpha !== 0 && deadNeurons({ ...net, activation: { kind: 'relu' } }, X).length > 0,
  )
  .map((p): [Problem, number] => [p, 3]);
/**
 * Edge problems with a dead unit and rng seeds under which the first redraw
 * leaves a dead unit off on every sample, so a revival must draw again.
 */
const edgeRevivals = (
  [
    [0, 1],
    [1, 1],
    [2, 7],
  ] as const
).map(([i, seed]): [Problem, number] => [edgeReluProblems[i], seed]);

/** the reference's sgdStep of a drawn value, once per grading process */
const steppedOf = perValue(({ net, g }: { net: Network; g: Gradients }) => ref.sgdStep(net, g, 0.5));

/** A problem with at least one dead ReLU unit. */
const withDeadUnit = problem('relu', 4).filter(({ net, X }) => deadNeurons(net, X).length > 0);

/** the reference's train of a drawn value with lr 0.5, once per grading process */
const trainedOf = perValue(([{ net, X, Y }, n]: [Problem, number]) => ref.train(net, X, Y, { epochs: n, lr: 0.5 }).net);

/** A problem with a Leaky ReLU network (alpha != 0) in which ReLU would leave some unit dead. */
const leakyWithReluDead = problem('leaky', 4).filter(
  ({ net, X }) => net.activation?.kind === 'leakyRelu' && net.activation.alpha !== 0 && deadNeurons({ ...net, activation: { kind: 'relu' } }, X).length > 0,
);
/** the reference's train of a drawn Leaky problem with lr 0.1, once per grading process */
const leakyTrainedOf = perValue(([{ net, X, Y }, n]: [Problem, number]) => ref.train(net, X, Y, { epochs: n, lr: 0.1 }).net);

/** reviveDeadNeurons is called through the probe, which seeds its rng, so a failing call can be replayed */
const reviveCall = ([{ net, X }, seed]: [Problem, number]) => [seededCall(M, 'reviveDeadNeurons', [net, X], seed)];

interface Revival {
  value: Network;
  args: [Network, number[][]];
}

export const trainingChecks: Check[] = [
  check(
    {
      id: 'training.sgd-step-matches-reference',
      task,
      weight: 2,
      calls: ['sgdStep'],
      name: 'sgdStep returns a network with every parameter p - lr * dp, keeping the activation',
      hint: `Step against the gradient: minus, not plus. See ${lesson}`,
    },
    (student) =>
      agrees(student, fc.tuple(withGradients, lr), {
        module: M,
        name: 'sgdStep',
        args: ([{ net, g }, rate]) => [net, g, rate],
        expected: ([{ net, g }, rate]) => ref.sgdStep(net, g, rate),
        always: edgeGradients.map((v): [(typeof edgeGradients)[number], number] => [v, 0.25]),
      }),
  ),

  check(
    {
      id: 'training.sgd-step-does-not-mutate',
      task,
      weight: 1,
      calls: ['sgdStep'],
      name: 'sgdStep leaves the network and the gradients unchanged',
      hint: `Return a new network built with map. See ${lesson}`,
    },
    (student) =>
      holds(
        student,
        withGradients,
        async (v) => {
          const { net, g } = v;
          const { value, args } = await student.argumentsAfter(M, 'sgdStep', [net, g, 0.5]);
          expectUnchanged('sgdStep', args, [net, g, 0.5]);
          // a constant, or the network handed back, leaves its arguments alone too
          await provided('sgdStep also returns the stepped network', async () => expectClose(() => formatCall('sgdStep', [net, g, 0.5]), value, steppedOf(v)));
        },
        ({ net, g }) => [probeCall(M, 'sgdStep', [net, g, 0.5])],
        { share: SPOT_CHECK, always: edgeGradients.slice(0, 3) },
      ),
  ),

  check(
    {
      id: 'training.train-matches-reference',
      task,
      weight: 2,
      calls: ['train'],
      name: "train returns the reference's network and losses after the given epochs",
      hint: `One full-batch step per epoch, recording the loss first. See ${lesson}`,
    },
    (student) =>
      agrees(student, fc.tuple(problem('any', 3), epochs, lr), {
        module: M,
        name: 'train',
        args: ([{ net, X, Y }, n, rate]) => [net, X, Y, { epochs: n, lr: rate }],
        expected: ([{ net, X, Y }, n, rate]) => ref.train(net, X, Y, { epochs: n, lr: rate }),
        carried: ([{ net, X, Y }, n, rate], own) => carryTrain(own, net, X, Y, { epochs: n, lr: rate }),
        share: HALF,
        always: edgeTraining,
      }),
  ),

  check(
    {
      id: 'training.train-records-loss-before-step',
      task,
      weight: 1,
      calls: ['train'],
      name: 'losses has one entry per epoch and losses[0] is the loss of the untrained network',
      hint: `Record mseLoss at the start of each epoch, before the step. See ${lesson}`,
    },
    async (student) => {
      const net: Network = { W1: [[1], [-1]], b1: [0.5, 0.5], W2: [[1, 1]], b2: [0] };
      const X = [[-1], [0], [1]];
      const Y = [[0], [1], [3]];
      const result = await student.call<TrainResult>(M, 'train', [net, X, Y, { epochs: 3, lr: 0.1 }]);
      expectThat(
        Array.isArray(result?.losses) && result.losses.length === 3,
        `train with epochs 3 must return 3 losses, got ${JSON.stringify(result?.losses)}`,
      );
      await judgeCarrying(
        student,
        'train',
        result.losses[0],
        () => expectClose('losses[0] (the loss before any step)', result.losses[0], mseLoss(net, X, Y)),
        () => carryOwnLoss(student, net, X, Y),
      );
      // the example is printed: losses looked up by it pay only with the same true of drawn problems
      await provided('train also records one loss per epoch, the untrained loss first, on drawn problems', () =>
        holds(
          student,
          fc.tuple(problem('any', 3), epochs, lr),
          async ([{ net, X, Y }, n, rate]) => {
            const options = { epochs: n, lr: rate };
            const drawn = await callCarrying<TrainResult>(student, M, 'train', [net, X, Y, options], () => carryTrain(student, net, X, Y, options));
            if (drawn === CARRIED_THROW) return CARRIED_THROW;
            const call = formatCall('train', [net, X, Y, options]);
            expectThat(Array.isArray(drawn?.losses) && drawn.losses.length === n, `${call} must return ${n} losses, got ${JSON.stringify(drawn?.losses)}`);
            await judgeCarrying(
              student,
              'train',
              drawn.losses[0],
              () => expectClose(`losses[0] of ${call}`, drawn.losses[0], mseLoss(net, X, Y)),
              () => carryOwnLoss(student, net, X, Y),
            );
          },
          ([{ net, X, Y }, n, rate]) => [{ module: M, name: 'train', args: [net, X, Y, { epochs: n, lr: rate }] }],
          { share: CONDITION_SHARE, always: edgeTraining },
        ),
      );
    },
  ),

  check(
    {
      id: 'training.training-never-moves-dead-unit',
      task,
      weight: 1,
      calls: ['train'],
      name: "training leaves a dead ReLU unit's incoming weights and bias exactly unchanged",
      hint: `A dead unit's gradients are exactly zero, so p - lr * 0 = p. See ${lesson}`,
    },
    (student) =>
      holds(
        student,
        fc.tuple(withDeadUnit, epochs),
        async (v) => {
          const [{ net, X, Y }, n] = v;
          const result = await callCarrying<TrainResult>(student, M, 'train', [net, X, Y, { epochs: n, lr: 0.5 }], () =>
            carryTrain(student, net, X, Y, { epochs: n, lr: 0.5 }),
          );
          if (result === CARRIED_THROW) return CARRIED_THROW;
          // a train right for the student's own mseLoss, backward and sgdStep moves what those move
          await judgeCarrying(
            student,
            'train',
            result,
            () => {
              for (const j of deadNeurons(net, X)) {
                expectClose(`W1[${j}] of the dead unit ${j} after train`, result?.net?.W1?.[j], net.W1[j], 0);
                expectClose(`b1[${j}] of the dead unit ${j} after train`, result?.net?.b1?.[j], net.b1[j], 0);
              }
              // a train that moves nothing never moves a dead unit either
              const still = firstStill(net, trainedOf(v), result?.net);
              expectThat(
                still === null,
                `${formatCall('train', [net, X, Y, { epochs: n, lr: 0.5 }])} left ${still} where it was, but training moves it (this check pays only when train also trains the units that are not dead)`,
                { actual: result?.net, expected: trainedOf(v) },
              );
            },
            () => carryTrain(student, net, X, Y, { epochs: n, lr: 0.5 }),
          );
        },
        ([{ net, X, Y }, n]) => [{ module: M, name: 'train', args: [net, X, Y, { epochs: n, lr: 0.5 }] }],
        { share: HALF, always: edgeWithDead },
      ),
  ),

  check(
    {
      id: 'training.training-moves-leaky-unit',
      task,
      weight: 1,
      calls: ['train'],
      name: 'training moves a Leaky ReLU unit that ReLU would leave dead',
      hint: `Leaky ReLU's slope alpha lets gradient through for z1 <= 0. See ${lesson}`,
    },
    async (student) => {
      // unit 0 has z1 < 0 on every sample: dead under ReLU, alive under Leaky ReLU
      const net: Network = { W1: [[1], [1]], b1: [-10, 1], W2: [[1, 1]], b2: [0], activation: { kind: 'leakyRelu', alpha: 0.1 } };
      const X = [[-1], [0], [1]];
      const Y = [[2], [0], [-2]];
      const result = await student.call<TrainResult>(M, 'train', [net, X, Y, { epochs: 2, lr: 0.1 }]);
      const moved = result?.net?.W1?.[0]?.[0] !== net.W1[0][0] || result?.net?.b1?.[0] !== net.b1[0];
      await judgeCarrying(
        student,
        'train',
        result,
        () =>
          expectThat(moved, 'training left Leaky ReLU unit 0 exactly where it was: with Leaky ReLU its gradient is alpha times the upstream gradient, not 0', {
            actual: result?.net,
            expected: ref.train(net, X, Y, { epochs: 2, lr: 0.1 }).net,
          }),
        () => carryTrain(student, net, X, Y, { epochs: 2, lr: 0.1 }),
      );
      // anything but this network counts as moved above: drawn problems ask for the way training moves those units
      await provided('train also moves, on drawn Leaky networks, each unit ReLU would leave dead the way training does', () =>
        holds(
          student,
          fc.tuple(leakyWithReluDead, epochs),
          async (v) => {
            const [{ net, X, Y }, n] = v;
            const trained = await callCarrying<TrainResult>(student, M, 'train', [net, X, Y, { epochs: n, lr: 0.1 }], () =>
              carryTrain(student, net, X, Y, { epochs: n, lr: 0.1 }),
            );
            if (trained === CARRIED_THROW) return CARRIED_THROW;
            await judgeCarrying(
              student,
              'train',
              trained,
              () => {
                const expected = leakyTrainedOf(v);
                for (const j of deadNeurons({ ...net, activation: { kind: 'relu' } }, X)) {
                  const params: [string, number, number | undefined, number][] = [
                    ...net.W1[j].map((w, i): [string, number, number | undefined, number] => [
                      `W1[${j}][${i}]`,
                      w,
                      trained?.net?.W1?.[j]?.[i],
                      expected.W1[j][i],
                    ]),
                    [`b1[${j}]`, net.b1[j], trained?.net?.b1?.[j], expected.b1[j]],
                  ];
                  for (const [name, before, mine, theirs] of params) {
                    expectThat(
                      typeof mine === 'number' && (close(mine, theirs) || Math.sign(mine - before) === Math.sign(theirs - before)),
                      `${formatCall('train', [net, X, Y, { epochs: n, lr: 0.1 }])} took ${name} from ${before} to ${mine}; training takes it to ${theirs}`,
                      { actual: trained?.net, expected },
                    );
                  }
                }
              },
              () => carryTrain(student, net, X, Y, { epochs: n, lr: 0.1 }),
            );
          },
          ([{ net, X, Y }, n]) => [{ module: M, name: 'train', args: [net, X, Y, { epochs: n, lr: 0.1 }] }],
          { share: CONDITION_SHARE, always: edgeLeakyWithReluDead },
        ),
      );
    },
  ),

  check(
    {
      id: 'training.revive-revives-every-dead-unit',
      task,
      weight: 1,
      calls: ['reviveDeadNeurons'],
      name: 'after reviveDeadNeurons every formerly dead unit is on for at least one sample',
      hint: `Redraw the unit's weights and bias from rng until it is on for some sample. See ${lesson}`,
    },
    (student) =>
      holds(
        student,
        fc.tuple(withDeadUnit, fc.integer({ min: 1, max: 1_000 })),
        async ([{ net, X }, seed]) => {
          const { value } = await student.probe<Revival>(M, 'seededCall', [M, 'reviveDeadNeurons', [net, X], seed], 'reviveDeadNeurons');
          // a revival right for the units the student's own deadNeurons calls dead is judged by those
          await judgeCarrying(
            student,
            'reviveDeadNeurons',
            value,
            () => {
              for (const j of deadNeurons(net, X)) {
                const on = X.some((x) => forward(value, x).z1[j] > 0);
                expectThat(on, `unit ${j} was dead and is still off on every sample after reviveDeadNeurons`);
              }
            },
            () => carryRevival(student, net, X, value),
          );
        },
        reviveCall,
        { share: HALF, always: edgeRevivals },
      ),
  ),

  check(
    {
      id: 'training.revive-leaves-others-alone',
      task,
      weight: 1,
      calls: ['reviveDeadNeurons'],
      name: 'reviveDeadNeurons leaves live units, the output layer and its input network unchanged',
      hint: `Copy the network, then change only the dead units' rows of W1 and entries of b1. See ${lesson}`,
    },
    (student) =>
      holds(
        student,
        fc.tuple(withDeadUnit, fc.integer({ min: 1, max: 1_000 })),
        async ([{ net, X }, seed]) => {
          const { value, args } = await student.probe<Revival>(M, 'seededCall', [M, 'reviveDeadNeurons', [net, X], seed], 'reviveDeadNeurons');
          expectUnchanged('reviveDeadNeurons', args, [net, X]);
          // a revival right for the units the student's own deadNeurons calls dead is judged by those
          await judgeCarrying(
            student,
            'reviveDeadNeurons',
            value,
            () => {
              const dead = new Set(deadNeurons(net, X));
              net.W1.forEach((row, j) => {
                if (dead.has(j)) return;
                expectClose(`W1[${j}] of the live unit ${j} after reviveDeadNeurons`, value?.W1?.[j], row, 0);
                expectClose(`b1[${j}] of the live unit ${j} after reviveDeadNeurons`, value?.b1?.[j], net.b1[j], 0);
              });
              expectClose('W2 after reviveDeadNeurons', value?.W2, net.W2, 0);
              expectClose('b2 after reviveDeadNeurons', value?.b2, net.b2, 0);
              // the network handed back leaves every other unit alone too
              const still = [...dead].find((j) => !X.some((x) => forward(value, x).z1[j] > 0));
              expectThat(
                still === undefined,
                `unit ${still} was dead and is still off on every sample after reviveDeadNeurons (this check pays only when reviveDeadNeurons also revives the dead units)`,
              );
            },
            () => carryRevival(student, net, X, value),
          );
        },
        reviveCall,
        { share: HALF, always: edgeRevivals },
      ),
  ),
];

/**
 * The first parameter (`W2[0][1]`) that `trained` (the reference's train)
 * moved away from `net` (by more than rounding) and `mine` left exactly where
 * it was, or null.
 */
function firstStill(net: Network, trained: Network, mine: Network | undefined): string | null {
  for (const key of ['W1', 'b1', 'W2', 'b2'] as const) {
    const before = (net[key] as unknown[]).flat() as number[];
    const after = (trained[key] as unknown[]).flat() as number[];
    const theirs = mine?.[key] === undefined ? [] : ((mine[key] as unknown[]).flat() as unknown[]);
    const width = key === 'W1' || key === 'W2' ? (net[key][0]?.length ?? 1) : 1;
    for (let i = 0; i < before.length; i++) {
      // moved by more than rounding, and left exactly as it was
      if (close(after[i], before[i]) || theirs[i] !== before[i]) continue;
      return key === 'W1' || key === 'W2' ? `${key}[${Math.floor(i / width)}][${i % width}]` : `${key}[${i}]`;
    }
  }
  return null;
}
