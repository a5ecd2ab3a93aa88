// The hidden checks of exercises/dead-neurons.ts: each declaration beside the body that decides it.
import fc from 'fast-check';
import type { Gradients, Network, Vector } from '../../../exercises/types.ts';
import { backward } from '../../../solutions/backprop.ts';
import * as ref from '../../../solutions/dead-neurons.ts';
import { type Check, check } from '../../assignment/check.ts';
import { expectRangeError, expectThat } from '../../harness/expectations.ts';
import { formatCall } from '../../core/formatValue.ts';
import { agrees, holds } from '../../harness/property.ts';
import { CONDITION_SHARE, provided } from '../../harness/provided.ts';
import type { StudentCode } from '../../harness/StudentCode.ts';
import { problem, type Problem } from '../arbitraries.ts';
import { carryAlwaysActive, carryDead, carryPattern } from '../carried/carry.ts';
import { CARRIED_THROW, callCarrying, expectCallCarrying, judgeCarrying } from '../../harness/carried.ts';
import { edgeLeakyProblems, edgeProblems, edgeReluProblems } from '../edgeCases.ts';

const task = 'dead-neurons';
const M = task;
const lesson = 'exercises/README.md#4-dead-neurons';

const netAndData = ({ net, X }: Problem): unknown[] => [net, X];
const alphaIs = (p: Problem, zero: boolean) => p.net.activation?.kind === 'leakyRelu' && (p.net.activation.alpha === 0) === zero;
/** the edge problems with a dead unit, and those with an always-active unit */
const edgeWithDead = edgeProblems.filter(({ net, X }) => ref.deadNeurons(net, X).length > 0);
const edgeWithAlwaysActive = edgeProblems.filter(({ net, X }) => ref.alwaysActiveNeurons(net, X).length > 0);
/** ReLU problems in which some unit is dead: [] is wrong for each of them */
const withDead = problem('relu', 5).filter(({ net, X }) => ref.deadNeurons(net, X).length > 0);
/** problems in which some unit is always active */
const withAlwaysActive = problem('any', 5).filter(({ net, X }) => ref.alwaysActiveNeurons(net, X).length > 0);

/** The condition that deadNeurons finds the dead units of drawn ReLU networks. */
const findsDead = (student: StudentCode) =>
  agrees(student, withDead, {
    module: M,
    name: 'deadNeurons',
    args: netAndData,
    expected: ({ net, X }) => ref.deadNeurons(net, X),
    carried: ({ net, X }, own) => carryDead(own, net, X),
    share: CONDITION_SHARE,
    always: edgeWithDead,
  });
/** The condition that alwaysActiveNeurons finds the always-active units of drawn networks. */
const findsAlwaysActive = (student: StudentCode) =>
  agrees(student, withAlwaysActive, {
    module: M,
    name: 'alwaysActiveNeurons',
    args: netAndData,
    expected: ({ net, X }) => ref.alwaysActiveNeurons(net, X),
    carried: ({ net, X }, own) => carryAlwaysActive(own, net, X),
    share: CONDITION_SHARE,
    always: edgeWithAlwaysActive,
  });

/** The discussion's example: weights 1, biases -10, 10, 10, inputs across [-4, 4]. */
const linearExample: Network = { W1: [[1], [1], [1]], b1: [-10, 10, 10], W2: [[1, 1, 1]], b2: [0] };
const across: Vector[] = [-4, -2, -1, 0, 1, 2, 4].map((x) => [x]);

export const deadNeuronsChecks: Check[] = [
  check(
    {
      id: 'dead-neurons.activation-pattern-matches-reference',
      task,
      weight: 4,
      calls: ['activationPattern'],
      name: 'activationPattern marks unit j on for sample n exactly when z1 > 0',
      hint: `A unit with z1 exactly 0 is off: its output and its slope are both 0. See ${lesson}`,
    },
    (student) =>
      agrees(student, problem('any', 5), {
        module: M,
        name: 'activationPattern',
        args: netAndData,
        expected: ({ net, X }) => ref.activationPattern(net, X),
        carried: ({ net, X }, own) => carryPattern(own, net, X),
        always: edgeProblems,
      }),
  ),

  check(
    {
      id: 'dead-neurons.dead-neurons-matches-reference',
      task,
      weight: 5,
      calls: ['deadNeurons'],
      name: 'deadNeurons lists the ReLU units with z1 <= 0 on every sample, sorted',
      hint: `Dead means zero gradient on EVERY sample, not on one: a unit off for some samples still learns from the others. See ${lesson}`,
      formula: 'unit j is dead when z1[n][j] <= 0 for every sample n (ReLU, or Leaky with alpha = 0)',
    },
    async (student) => {
      // z1 exactly 0 on every sample is dead too: the slope at the kink is 0
      const flat: Network = { W1: [[0], [1], [1]], b1: [0, 0, 1], W2: [[1, 1, 1]], b2: [0] };
      await expectCallCarrying(student, M, 'deadNeurons', [flat, [[-1], [0]]], [0, 1], () => carryDead(student, flat, [[-1], [0]]));
      await agrees(student, problem('relu', 5), {
        module: M,
        name: 'deadNeurons',
        args: netAndData,
        expected: ({ net, X }) => ref.deadNeurons(net, X),
        carried: ({ net, X }, own) => carryDead(own, net, X),
        always: edgeReluProblems,
      });
      // Leaky ReLU with alpha = 0 is ReLU again: its units can die
      const alphaZero = problem('leaky', 5).filter(({ net }) => net.activation?.kind === 'leakyRelu' && net.activation.alpha === 0);
      await agrees(student, alphaZero, {
        module: M,
        name: 'deadNeurons',
        args: netAndData,
        expected: ({ net, X }) => ref.deadNeurons(net, X),
        carried: ({ net, X }, own) => carryDead(own, net, X),
        share: 0.3,
        always: edgeLeakyProblems.filter((p) => alphaIs(p, true)),
      });
    },
  ),

  check(
    {
      id: 'dead-neurons.leaky-units-never-dead',
      task,
      weight: 2,
      calls: ['deadNeurons'],
      name: 'deadNeurons is empty for Leaky ReLU networks with alpha != 0',
      hint: `A Leaky unit's slope is alpha or 1, never 0, so its gradient is not always zero. See ${lesson}`,
    },
    async (student) => {
      // every unit has z1 <= 0 on every sample: ReLU would call them all dead
      const net: Network = { W1: [[1], [-1]], b1: [-10, -10], W2: [[1, 1]], b2: [0], activation: { kind: 'leakyRelu', alpha: 0.01 } };
      await expectCallCarrying(student, M, 'deadNeurons', [net, [[-4], [0], [4]]], [], () => carryDead(student, net, [[-4], [0], [4]]));
      const leaky = problem('leaky', 5).filter(({ net }) => net.activation?.kind === 'leakyRelu' && net.activation.alpha !== 0);
      await agrees(student, leaky, {
        module: M,
        name: 'deadNeurons',
        args: netAndData,
        expected: () => [],
        always: edgeLeakyProblems.filter((p) => alphaIs(p, false)),
      });
      // [] is right for every Leaky network, and for nothing else here
      await provided('deadNeurons also finds the dead units of ReLU networks', () => findsDead(student));
    },
  ),

  check(
    {
      id: 'dead-neurons.dead-units-have-zero-gradient',
      task,
      weight: 3,
      calls: ['deadNeurons'],
      name: 'every unit you report dead has exactly zero dW1 row and db1 entry',
      hint: `If a reported unit gets a gradient, it is not dead: check the sign test (z1 <= 0) and that you test all samples. See ${lesson}`,
    },
    (student) =>
      holds(
        student,
        problem('relu', 5),
        async ({ net, X, Y }) => {
          const dead = await callCarrying<number[]>(student, M, 'deadNeurons', [net, X], () => carryDead(student, net, X));
          if (dead === CARRIED_THROW) return CARRIED_THROW;
          expectThat(Array.isArray(dead), `deadNeurons returned ${JSON.stringify(dead)}, not an array of unit indices`);
          const g = backward(net, X, Y);
          // a deadNeurons right for the z1 the student's forward computes is judged there
          await judgeCarrying(
            student,
            'deadNeurons',
            dead,
            () => deadHaveZeroGradient(net, X, dead, g),
            () => carryDead(student, net, X),
          );
        },
        (p) => [{ module: M, name: 'deadNeurons', args: netAndData(p) }],
        { always: edgeReluProblems },
      ),
  ),

  check(
    {
      id: 'dead-neurons.always-active-matches-reference',
      task,
      weight: 4,
      calls: ['alwaysActiveNeurons'],
      name: 'alwaysActiveNeurons lists the units with z1 > 0 on every sample, sorted',
      hint: `Always active means strictly positive on every sample; those units act linearly on this data. See ${lesson}`,
    },
    (student) =>
      agrees(student, problem('any', 5), {
        module: M,
        name: 'alwaysActiveNeurons',
        args: netAndData,
        expected: ({ net, X }) => ref.alwaysActiveNeurons(net, X),
        carried: ({ net, X }, own) => carryAlwaysActive(own, net, X),
        always: edgeProblems,
      }),
  ),

  check(
    {
      id: 'dead-neurons.empty-data-set',
      task,
      weight: 1,
      calls: ['activationPattern', 'deadNeurons', 'alwaysActiveNeurons'],
      name: 'activationPattern, deadNeurons and alwaysActiveNeurons throw a RangeError on an empty data set',
      hint: `"Dead on every sample" is vacuous without samples: throw a RangeError. See ${lesson}`,
    },
    async (student) => {
      const net: Network = { W1: [[1]], b1: [0], W2: [[1]], b2: [0] };
      for (const name of ['activationPattern', 'deadNeurons', 'alwaysActiveNeurons']) {
        await expectRangeError(student, M, name, [net, []], 'for an empty data set');
      }
      // functions that always throw a RangeError throw it here too
      await provided('activationPattern, deadNeurons and alwaysActiveNeurons also work on data sets that are not empty', async () => {
        await agrees(student, problem('any', 5), {
          module: M,
          name: 'activationPattern',
          args: netAndData,
          expected: ({ net, X }) => ref.activationPattern(net, X),
          carried: ({ net, X }, own) => carryPattern(own, net, X),
          share: CONDITION_SHARE,
          always: edgeProblems,
        });
        await findsDead(student);
        await findsAlwaysActive(student);
      });
    },
  ),

  check(
    {
      id: 'dead-neurons.discussion-linear-example',
      task,
      weight: 1,
      calls: ['deadNeurons', 'alwaysActiveNeurons'],
      name: "on the discussion's linear example over [-4, 4], unit 0 is dead and units 1 and 2 always active",
      hint: `Work out each unit's z1 at both ends of [-4, 4]. See ${lesson}`,
      formula: 'with weights 1 and biases -10, 10, 10: z1 = x - 10 < 0 and x + 10 > 0 for every x in [-4, 4]',
    },
    async (student) => {
      await expectCallCarrying(student, M, 'deadNeurons', [linearExample, across], [0], () => carryDead(student, linearExample, across));
      await expectCallCarrying(student, M, 'alwaysActiveNeurons', [linearExample, across], [1, 2], () => carryAlwaysActive(student, linearExample, across));
      await agrees(
        student,
        fc.integer({ min: -16, max: 16 }).map((n) => [[n / 4]]),
        {
          module: M,
          name: 'deadNeurons',
          args: (X) => [linearExample, X],
          expected: () => [0],
          carried: (X, own) => carryDead(own, linearExample, X),
          always: [[[-4]], [[0]], [[3.75]]],
        },
      );
      // the example is printed: answers looked up by it pay only with the functions right on drawn networks
      await provided('deadNeurons and alwaysActiveNeurons also work on drawn networks', async () => {
        await findsDead(student);
        await findsAlwaysActive(student);
      });
    },
  ),
];

/** Fails unless every unit in `dead` has a zero gradient in `g` and every dead unit of the network is in `dead`. */
function deadHaveZeroGradient(net: Network, X: Vector[], dead: number[], g: Gradients): void {
  // [] reports no unit with a gradient: the claim pays only with the dead units found
  const missed = ref.deadNeurons(net, X).filter((j) => !dead.includes(j));
  expectThat(
    missed.length === 0,
    `${formatCall('deadNeurons', [net, X])} did not report unit ${missed[0]}, which is dead (z1 <= 0 on every sample) (this check pays only when deadNeurons also finds the dead units)`,
    { actual: dead, expected: ref.deadNeurons(net, X) },
  );
  for (const j of dead) {
    const row = g.dW1[j];
    expectThat(
      row !== undefined && row.every((v) => v === 0) && g.db1[j] === 0,
      `you reported unit ${j} dead, but its gradient is not zero: dW1[${j}] = ${JSON.stringify(row)}, db1[${j}] = ${g.db1[j]}`,
      { actual: dead, expected: ref.deadNeurons(net, X) },
    );
  }
}
