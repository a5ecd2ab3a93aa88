import fc from 'fast-check';
import type { Gradients } from '../../../exercises/types.ts';
import * as ref from '../../../solutions/backprop.ts';
import { type Problem, problem, problemArgs, problemAwayFromKinks, quarter } from '../../course/arbitraries.ts';
import { check } from '../../engine/worker/registerCheck.ts';
import { expectCall, expectClose, expectRangeError, expectThat, expectUnchanged } from '../../harness/expectations.ts';
import { formatCall, formatValue } from '../../harness/formatValue.ts';
import { agrees, holds } from '../../harness/property.ts';
import { CONDITION_SHARE, provided } from '../../harness/provided.ts';
import { perValue } from '../../harness/samples.ts';
import { probeCall } from '../../harness/plannedCall.ts';
import { firstDifference, GRADIENT_CHECK_TOLERANCE } from '../../harness/tolerances.ts';
import type { StudentCode } from '../../harness/StudentCode.ts';

/** The hidden checks of exercises/backprop.ts, registered for one submission. */
export function backpropSuite(student: () => StudentCode): void {
  const M = 'backprop';

  /** Central differences are accurate to about eps^2; compare them with this tolerance. */
  const NUMERICAL_TOLERANCE = 1e-6;
  /** central differences cost two losses per parameter: a third of the runs */
  const HEAVY = 0.3;
  /** mutation is a yes/no matter: a quarter of the runs find it */
  const SPOT_CHECK = 0.25;
  /** the reference's central differences of a drawn problem, computed once per grading process */
  const numericalOf = perValue((p: Problem) => ref.numericalGradient(p.net, p.X, p.Y));

  check('backprop.mse-loss-matches-reference', student, () =>
    agrees(student(), problem('any'), { module: M, name: 'mseLoss', args: problemArgs, expected: ({ net, X, Y }) => ref.mseLoss(net, X, Y) }),
  );

  check('backprop.mse-loss-empty-data', student, async () => {
    const net = { W1: [[1]], b1: [0], W2: [[1]], b2: [0] };
    await expectRangeError(student(), M, 'mseLoss', [net, [], []], 'for an empty data set');
    // an mseLoss that always throws a RangeError throws it here too
    await provided('mseLoss also computes the loss of data sets that are not empty', () =>
      agrees(student(), problem('any'), { module: M, name: 'mseLoss', args: problemArgs, expected: ({ net, X, Y }) => ref.mseLoss(net, X, Y), share: CONDITION_SHARE }),
    );
  });

  check('backprop.backward-matches-reference', student, () =>
    agrees(student(), problem('relu'), { module: M, name: 'backward', args: problemArgs, expected: ({ net, X, Y }) => ref.backward(net, X, Y) }),
  );

  check('backprop.backward-leaky-matches-reference', student, () =>
    agrees(student(), problem('leaky'), { module: M, name: 'backward', args: problemArgs, expected: ({ net, X, Y }) => ref.backward(net, X, Y) }),
  );

  check('backprop.backward-agrees-with-numerical', student, () =>
    holds(student(), problemAwayFromKinks('any'), async (p) => {
      const { net, X, Y } = p;
      const mine = await student().call<Gradients>(M, 'backward', [net, X, Y]);
      const numerical = numericalOf(p);
      const where = firstDifference(mine, numerical, GRADIENT_CHECK_TOLERANCE);
      expectThat(where === null, `backward(${formatValue([net, X, Y], 300)}) differs from central differences at ${where}`, { actual: mine, expected: numerical });
    }, (p) => [{ module: M, name: 'backward', args: problemArgs(p) }], HEAVY),
  );

  check('backprop.numerical-gradient-matches-reference', student, async () => {
    await agrees(student(), problem('any'), {
      module: M,
      name: 'numericalGradient',
      args: problemArgs,
      expected: ({ net, X, Y }) => ref.numericalGradient(net, X, Y),
      tolerance: NUMERICAL_TOLERANCE,
      share: HEAVY,
    });
    // eps is honoured: with a coarse eps on a kinked problem the differences differ from the default's
    const net = { W1: [[1]], b1: [0], W2: [[1]], b2: [0] };
    const X = [[0.25]];
    const Y = [[0]];
    await expectCall(student(), M, 'numericalGradient', [net, X, Y, 0.5], ref.numericalGradient(net, X, Y, 0.5), NUMERICAL_TOLERANCE);
  });

  check('backprop.numerical-gradient-agrees-with-own-backward', student, () =>
    holds(student(), problemAwayFromKinks('relu'), async (p) => {
      const { net, X, Y } = p;
      const mine = await student().call<Gradients>(M, 'backward', [net, X, Y]);
      const numerical = await student().call<Gradients>(M, 'numericalGradient', [net, X, Y]);
      const where = firstDifference(mine, numerical, GRADIENT_CHECK_TOLERANCE);
      expectThat(where === null, `your backward and your numericalGradient disagree at ${where}`, { actual: mine, expected: numerical });
      // two functions returning the same constant agree too
      await provided('your numericalGradient is also central differences', async () =>
        expectClose(() => formatCall('numericalGradient', [net, X, Y]), numerical, numericalOf(p), NUMERICAL_TOLERANCE),
      );
    }, (p) => [{ module: M, name: 'backward', args: problemArgs(p) }, { module: M, name: 'numericalGradient', args: problemArgs(p) }], HEAVY),
  );

  /** Pairs of gradient objects of one shape, entries drawn apart and alike. */
  const gradientPair = problem('relu').chain(({ net, X, Y }) => {
    const g = ref.backward(net, X, Y);
    const like = (v: number) => fc.oneof(fc.constant(v), quarter, fc.constant(-v), fc.constant(0));
    const perturbed: fc.Arbitrary<Gradients> = fc.record({
      dW1: fc.tuple(...g.dW1.map((row) => fc.tuple(...row.map(like)))),
      db1: fc.tuple(...g.db1.map(like)),
      dW2: fc.tuple(...g.dW2.map((row) => fc.tuple(...row.map(like)))),
      db2: fc.tuple(...g.db2.map(like)),
    });
    return fc.tuple(fc.constant(g), perturbed);
  });

  check('backprop.relative-error-matches-reference', student, () =>
    agrees(student(), gradientPair, { module: M, name: 'relativeError', args: (pair) => pair, expected: ([a, b]) => ref.relativeError(a, b) }),
  );

  /** the reference's answers of the three functions on a drawn problem, once per grading process */
  const answersOf = perValue((p: Problem): Record<string, unknown> => ({
    backward: ref.backward(p.net, p.X, p.Y),
    numericalGradient: ref.numericalGradient(p.net, p.X, p.Y),
    mseLoss: ref.mseLoss(p.net, p.X, p.Y),
  }));

  check('backprop.backward-does-not-mutate', student, () =>
    holds(student(), problem('any', 2), async (p) => {
      const { net, X, Y } = p;
      for (const name of ['backward', 'numericalGradient', 'mseLoss']) {
        const { value, args } = await student().argumentsAfter(M, name, [net, X, Y]);
        expectUnchanged(name, args, [net, X, Y]);
        // a constant or an empty answer leaves its arguments alone too
        const tolerance = name === 'numericalGradient' ? NUMERICAL_TOLERANCE : undefined;
        await provided(`${name} also returns the right values`, async () => expectClose(() => formatCall(name, [net, X, Y]), value, answersOf(p)[name], tolerance));
      }
    }, (p) => ['backward', 'numericalGradient', 'mseLoss'].map((name) => probeCall(M, name, problemArgs(p))), SPOT_CHECK),
  );
}
