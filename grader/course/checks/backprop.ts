// The hidden checks of exercises/backprop.ts: each declaration beside the body that decides it.
import fc from 'fast-check';
import type { Gradients } from '../../../exercises/types.ts';
import * as ref from '../../../solutions/backprop.ts';
import { type Check, check } from '../../assignment/check.ts';
import { expectClose, expectRangeError, expectThat, expectUnchanged } from '../../harness/expectations.ts';
import { CARRIED_THROW, callCarrying, expectCallCarrying, judgeCarrying } from '../../harness/carried.ts';
import { formatCall, formatValue } from '../../core/formatValue.ts';
import { probeCall } from '../../harness/plannedCall.ts';
import { agrees, holds } from '../../harness/property.ts';
import type { StudentCode } from '../../harness/StudentCode.ts';
import { CONDITION_SHARE, provided } from '../../harness/provided.ts';
import { perValue } from '../../harness/samples.ts';
import { firstDifference, GRADIENT_CHECK_TOLERANCE } from '../../harness/tolerances.ts';
import { type Problem, problem, problemArgs, problemAwayFromKinks, quarter } from '../arbitraries.ts';
import { carryBackward, carryLoss, carryNumerical } from '../carried/carry.ts';
import { edgeGradientPairs, edgeLeakyProblems, edgeProblems, edgeProblemsAwayFromKinks, edgeReluProblems } from '../edgeCases.ts';

const task = 'backprop';
const M = task;
const lesson = 'exercises/README.md#3-backpropagation';

/** Central differences are accurate to about eps^2; compare them with this tolerance. */
const NUMERICAL_TOLERANCE = 1e-6;
/** central differences cost two losses per parameter: a third of the runs */
const HEAVY = 0.3;
/** mutation is a yes/no matter: a quarter of the runs find it */
const SPOT_CHECK = 0.25;
/** the reference's central differences of a drawn problem, computed once per grading process */
const numericalOf = perValue((p: Problem) => ref.numericalGradient(p.net, p.X, p.Y));

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

/** the reference's answers of the three functions on a drawn problem, once per grading process */
const answersOf = perValue((p: Problem): Record<string, unknown> => ({
  backward: ref.backward(p.net, p.X, p.Y),
  numericalGradient: ref.numericalGradient(p.net, p.X, p.Y),
  mseLoss: ref.mseLoss(p.net, p.X, p.Y),
}));

/** the answer of one of the three functions carried forward from the student's own upstream results */
const carriedAnswer = (student: StudentCode, name: string, { net, X, Y }: Problem) =>
  name === 'backward' ? carryBackward(student, net, X, Y) : name === 'mseLoss' ? carryLoss(student, net, X, Y) : carryNumerical(student, net, X, Y);

export const backpropChecks: Check[] = [
  check(
    {
      id: 'backprop.mse-loss-matches-reference',
      task,
      weight: 4,
      calls: ['mseLoss'],
      name: 'mseLoss equals 1/(2N) times the sum of squared errors over samples and outputs',
      hint: `Average over the N samples and keep the 1/2. See ${lesson}`,
      formula: 'L = 1/(2N) * sum over samples n and outputs k of (yHat[n][k] - Y[n][k])^2',
    },
    (student) =>
      agrees(student, problem('any'), {
        module: M,
        name: 'mseLoss',
        args: problemArgs,
        expected: ({ net, X, Y }) => ref.mseLoss(net, X, Y),
        carried: ({ net, X, Y }, own) => carryLoss(own, net, X, Y),
        always: edgeProblems,
      }),
  ),

  check(
    {
      id: 'backprop.mse-loss-empty-data',
      task,
      weight: 1,
      calls: ['mseLoss'],
      name: 'mseLoss throws a RangeError on an empty X, or X and Y of different lengths',
      hint: `With no samples the mean is undefined, and a sample without its target has no error: throw a RangeError. See ${lesson}`,
    },
    async (student) => {
      const net = { W1: [[1]], b1: [0], W2: [[1]], b2: [0] };
      await expectRangeError(student, M, 'mseLoss', [net, [], []], 'for an empty data set');
      await expectRangeError(student, M, 'mseLoss', [net, [], [[1]]], 'for an empty X with one target');
      await expectRangeError(student, M, 'mseLoss', [net, [[1], [2]], [[1]]], 'for 2 samples with 1 target');
      // an mseLoss that always throws a RangeError throws it here too
      await provided('mseLoss also computes the loss of data sets that are not empty', () =>
        agrees(student, problem('any'), {
          module: M,
          name: 'mseLoss',
          args: problemArgs,
          expected: ({ net, X, Y }) => ref.mseLoss(net, X, Y),
          carried: ({ net, X, Y }, own) => carryLoss(own, net, X, Y),
          share: CONDITION_SHARE,
          always: edgeProblems,
        }),
      );
    },
  ),

  check(
    {
      id: 'backprop.backward-matches-reference',
      task,
      weight: 6,
      calls: ['backward'],
      name: 'backward returns the exact gradients of mseLoss on ReLU networks, including pre-activations exactly 0',
      hint: `Walk forward backwards: blame on each output, passed back through W2, gated by the activation's slope at z1, summed over samples. See ${lesson}`,
      formula: 'dyHat = (yHat - y) / N; dW2 += dyHat a1^T; db2 += dyHat; dz1 = (W2^T dyHat) * reluGrad(z1); dW1 += dz1 x^T; db1 += dz1',
    },
    (student) =>
      agrees(student, problem('relu'), {
        module: M,
        name: 'backward',
        args: problemArgs,
        expected: ({ net, X, Y }) => ref.backward(net, X, Y),
        carried: ({ net, X, Y }, own) => carryBackward(own, net, X, Y),
        always: edgeReluProblems,
      }),
  ),

  check(
    {
      id: 'backprop.backward-leaky-matches-reference',
      task,
      weight: 3,
      calls: ['backward'],
      name: 'backward uses the Leaky slope alpha on Leaky ReLU networks',
      hint: `The gate is the activation's own derivative. See ${lesson}`,
      formula: 'dz1 = (W2^T dyHat) * leakyReluGrad(z1, alpha): alpha where z1 <= 0',
    },
    (student) =>
      agrees(student, problem('leaky'), {
        module: M,
        name: 'backward',
        args: problemArgs,
        expected: ({ net, X, Y }) => ref.backward(net, X, Y),
        carried: ({ net, X, Y }, own) => carryBackward(own, net, X, Y),
        always: edgeLeakyProblems,
      }),
  ),

  check(
    {
      id: 'backprop.backward-agrees-with-numerical',
      task,
      weight: 2,
      calls: ['backward'],
      name: 'backward agrees with central differences away from kinks (to 1e-6, relative above 1)',
      hint: `Compare your backward with numericalGradient on a small network: the entry that differs points at the bug. See ${lesson}`,
    },
    (student) =>
      holds(
        student,
        problemAwayFromKinks('any'),
        async (p) => {
          const { net, X, Y } = p;
          const mine = await callCarrying<Gradients>(student, M, 'backward', [net, X, Y], () => carryBackward(student, net, X, Y));
          if (mine === CARRIED_THROW) return CARRIED_THROW;
          const numerical = numericalOf(p);
          const where = firstDifference(mine, numerical, GRADIENT_CHECK_TOLERANCE);
          // a backward right for the values the student's forward computes differs from the true gradient only through forward
          await judgeCarrying(
            student,
            'backward',
            mine,
            () =>
              expectThat(where === null, `backward(${formatValue([net, X, Y], 300)}) differs from central differences at ${where}`, {
                actual: mine,
                expected: numerical,
              }),
            () => carryBackward(student, net, X, Y),
          );
        },
        (p) => [{ module: M, name: 'backward', args: problemArgs(p) }],
        { share: HEAVY, always: edgeProblemsAwayFromKinks },
      ),
  ),

  check(
    {
      id: 'backprop.numerical-gradient-matches-reference',
      task,
      weight: 4,
      calls: ['numericalGradient'],
      name: 'numericalGradient computes (L(p + eps) - L(p - eps)) / (2 eps) for every parameter, honouring eps',
      hint: `Nudge one parameter at a time in a copy of the network, both ways. See ${lesson}`,
      formula: '(L(p + eps) - L(p - eps)) / (2 eps) for every parameter p',
    },
    async (student) => {
      await agrees(student, problem('any'), {
        module: M,
        name: 'numericalGradient',
        args: problemArgs,
        expected: ({ net, X, Y }) => ref.numericalGradient(net, X, Y),
        carried: ({ net, X, Y }, own) => carryNumerical(own, net, X, Y),
        tolerance: NUMERICAL_TOLERANCE,
        share: HEAVY,
        always: edgeProblems,
      });
      // eps is honoured: with a coarse eps on a kinked problem the differences differ from the default's
      const net = { W1: [[1]], b1: [0], W2: [[1]], b2: [0] };
      const X = [[0.25]];
      const Y = [[0]];
      await expectCallCarrying(
        student,
        M,
        'numericalGradient',
        [net, X, Y, 0.5],
        ref.numericalGradient(net, X, Y, 0.5),
        () => carryNumerical(student, net, X, Y, 0.5),
        NUMERICAL_TOLERANCE,
      );
    },
  ),

  check(
    {
      id: 'backprop.numerical-gradient-agrees-with-own-backward',
      task,
      weight: 1,
      calls: ['numericalGradient', 'backward'],
      pipeline: true,
      name: 'your numericalGradient and your backward agree away from kinks (the whole pipeline: forward, mseLoss, backward)',
      hint: `If they disagree, one of them is wrong: this is the check to run while you write backward. See ${lesson}`,
    },
    (student) =>
      holds(
        student,
        problemAwayFromKinks('relu'),
        async (p) => {
          const { net, X, Y } = p;
          const mine = await student.call<Gradients>(M, 'backward', [net, X, Y]);
          const numerical = await student.call<Gradients>(M, 'numericalGradient', [net, X, Y]);
          const where = firstDifference(mine, numerical, GRADIENT_CHECK_TOLERANCE);
          expectThat(where === null, `your backward and your numericalGradient disagree at ${where}`, { actual: mine, expected: numerical });
          // two functions returning the same constant agree too
          await provided('your numericalGradient is also central differences', async () =>
            expectClose(() => formatCall('numericalGradient', [net, X, Y]), numerical, numericalOf(p), NUMERICAL_TOLERANCE),
          );
        },
        (p) => [
          { module: M, name: 'backward', args: problemArgs(p) },
          { module: M, name: 'numericalGradient', args: problemArgs(p) },
        ],
        { share: HEAVY, always: edgeProblemsAwayFromKinks.filter(({ net }) => net.activation?.kind !== 'leakyRelu') },
      ),
  ),

  check(
    {
      id: 'backprop.relative-error-matches-reference',
      task,
      weight: 3,
      calls: ['relativeError'],
      name: 'relativeError is the largest |a - b| / max(1e-8, |a| + |b|) over every entry',
      hint: `Take the worst entry over all four parameters, with a floor for entries near 0. See ${lesson}`,
      formula: 'max over every entry of |a - b| / max(1e-8, |a| + |b|)',
    },
    (student) =>
      agrees(student, gradientPair, {
        module: M,
        name: 'relativeError',
        args: (pair) => pair,
        expected: ([a, b]) => ref.relativeError(a, b),
        always: edgeGradientPairs,
      }),
  ),

  check(
    {
      id: 'backprop.backward-does-not-mutate',
      task,
      weight: 1,
      calls: ['backward', 'numericalGradient', 'mseLoss'],
      name: 'backward and numericalGradient leave the network and data unchanged',
      hint: `numericalGradient must nudge a copy (or restore the exact value). See ${lesson}`,
    },
    (student) =>
      holds(
        student,
        problem('any', 2),
        async (p) => {
          const { net, X, Y } = p;
          for (const name of ['backward', 'numericalGradient', 'mseLoss']) {
            const { value, args } = await student.argumentsAfter(M, name, [net, X, Y]);
            expectUnchanged(name, args, [net, X, Y]);
            // a constant or an empty answer leaves its arguments alone too
            const tolerance = name === 'numericalGradient' ? NUMERICAL_TOLERANCE : undefined;
            await provided(`${name} also returns the right values`, async () =>
              judgeCarrying(
                student,
                name,
                value,
                () => expectClose(() => formatCall(name, [net, X, Y]), value, answersOf(p)[name], tolerance),
                () => carriedAnswer(student, name, p),
                tolerance,
              ),
            );
          }
        },
        (p) => ['backward', 'numericalGradient', 'mseLoss'].map((name) => probeCall(M, name, problemArgs(p))),
        { share: SPOT_CHECK, always: edgeProblems.slice(0, 3) },
      ),
  ),
];
