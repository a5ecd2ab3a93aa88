import fc from 'fast-check';
import type { Network, Vector } from '../../../exercises/types.ts';
import { backward } from '../../../solutions/backprop.ts';
import * as ref from '../../../solutions/dead-neurons.ts';
import { problem, type Problem } from '../../course/arbitraries.ts';
import { check } from '../../engine/worker/registerCheck.ts';
import { expectCall, expectRangeError, expectThat } from '../../harness/expectations.ts';
import { formatCall } from '../../harness/formatValue.ts';
import { agrees, holds } from '../../harness/property.ts';
import { CONDITION_SHARE, provided } from '../../harness/provided.ts';
import type { StudentCode } from '../../harness/StudentCode.ts';

/** The hidden checks of exercises/dead-neurons.ts, registered for one submission. */
export function deadNeuronsSuite(student: () => StudentCode): void {
  const M = 'dead-neurons';

  const netAndData = ({ net, X }: Problem): unknown[] => [net, X];
  /** ReLU problems in which some unit is dead: [] is wrong for each of them */
  const withDead = problem('relu', 5).filter(({ net, X }) => ref.deadNeurons(net, X).length > 0);
  /** problems in which some unit is always active */
  const withAlwaysActive = problem('any', 5).filter(({ net, X }) => ref.alwaysActiveNeurons(net, X).length > 0);
  const findsDead = () =>
    agrees(student(), withDead, { module: M, name: 'deadNeurons', args: netAndData, expected: ({ net, X }) => ref.deadNeurons(net, X), share: CONDITION_SHARE });
  const findsAlwaysActive = () =>
    agrees(student(), withAlwaysActive, { module: M, name: 'alwaysActiveNeurons', args: netAndData, expected: ({ net, X }) => ref.alwaysActiveNeurons(net, X), share: CONDITION_SHARE });

  check('dead-neurons.activation-pattern-matches-reference', student, () =>
    agrees(student(), problem('any', 5), { module: M, name: 'activationPattern', args: netAndData, expected: ({ net, X }) => ref.activationPattern(net, X) }),
  );

  check('dead-neurons.dead-neurons-matches-reference', student, async () => {
    // z1 exactly 0 on every sample is dead too: the slope at the kink is 0
    const flat: Network = { W1: [[0], [1], [1]], b1: [0, 0, 1], W2: [[1, 1, 1]], b2: [0] };
    await expectCall(student(), M, 'deadNeurons', [flat, [[-1], [0]]], [0, 1]);
    await agrees(student(), problem('relu', 5), { module: M, name: 'deadNeurons', args: netAndData, expected: ({ net, X }) => ref.deadNeurons(net, X) });
    // Leaky ReLU with alpha = 0 is ReLU again: its units can die
    const alphaZero = problem('leaky', 5).filter(({ net }) => net.activation?.kind === 'leakyRelu' && net.activation.alpha === 0);
    await agrees(student(), alphaZero, { module: M, name: 'deadNeurons', args: netAndData, expected: ({ net, X }) => ref.deadNeurons(net, X), share: 0.3 });
  });

  check('dead-neurons.leaky-units-never-dead', student, async () => {
    // every unit has z1 <= 0 on every sample: ReLU would call them all dead
    const net: Network = { W1: [[1], [-1]], b1: [-10, -10], W2: [[1, 1]], b2: [0], activation: { kind: 'leakyRelu', alpha: 0.01 } };
    await expectCall(student(), M, 'deadNeurons', [net, [[-4], [0], [4]]], []);
    const leaky = problem('leaky', 5).filter(({ net }) => net.activation?.kind === 'leakyRelu' && net.activation.alpha !== 0);
    await agrees(student(), leaky, { module: M, name: 'deadNeurons', args: netAndData, expected: () => [] });
    // [] is right for every Leaky network, and for nothing else here
    await provided('deadNeurons also finds the dead units of ReLU networks', findsDead);
  });

  check('dead-neurons.dead-units-have-zero-gradient', student, () =>
    holds(student(), problem('relu', 5), async ({ net, X, Y }) => {
      const dead = await student().call<number[]>(M, 'deadNeurons', [net, X]);
      expectThat(Array.isArray(dead), `deadNeurons returned ${JSON.stringify(dead)}, not an array of unit indices`);
      const g = backward(net, X, Y);
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
    }, (p) => [{ module: M, name: 'deadNeurons', args: netAndData(p) }]),
  );

  check('dead-neurons.always-active-matches-reference', student, () =>
    agrees(student(), problem('any', 5), { module: M, name: 'alwaysActiveNeurons', args: netAndData, expected: ({ net, X }) => ref.alwaysActiveNeurons(net, X) }),
  );

  check('dead-neurons.empty-data-set', student, async () => {
    const net: Network = { W1: [[1]], b1: [0], W2: [[1]], b2: [0] };
    for (const name of ['activationPattern', 'deadNeurons', 'alwaysActiveNeurons']) {
      await expectRangeError(student(), M, name, [net, []], 'for an empty data set');
    }
    // functions that always throw a RangeError throw it here too
    await provided('activationPattern, deadNeurons and alwaysActiveNeurons also work on data sets that are not empty', async () => {
      await agrees(student(), problem('any', 5), { module: M, name: 'activationPattern', args: netAndData, expected: ({ net, X }) => ref.activationPattern(net, X), share: CONDITION_SHARE });
      await findsDead();
      await findsAlwaysActive();
    });
  });

  /** The discussion's example: weights 1, biases -10, 10, 10, inputs across [-4, 4]. */
  const linearExample: Network = { W1: [[1], [1], [1]], b1: [-10, 10, 10], W2: [[1, 1, 1]], b2: [0] };
  const across: Vector[] = [-4, -2, -1, 0, 1, 2, 4].map((x) => [x]);

  check('dead-neurons.discussion-linear-example', student, async () => {
    await expectCall(student(), M, 'deadNeurons', [linearExample, across], [0]);
    await expectCall(student(), M, 'alwaysActiveNeurons', [linearExample, across], [1, 2]);
    await agrees(student(), fc.integer({ min: -16, max: 16 }).map((n) => [[n / 4]]), { module: M, name: 'deadNeurons', args: (X) => [linearExample, X], expected: () => [0] });
    // the example is printed: answers looked up by it pay only with the functions right on drawn networks
    await provided('deadNeurons and alwaysActiveNeurons also work on drawn networks', async () => {
      await findsDead();
      await findsAlwaysActive();
    });
  });
}
