// The hidden checks of exercises/linearity.ts: each declaration beside the body that decides it.
import fc from 'fast-check';
import type { Interval, Network } from '../../../exercises/types.ts';
import { predict } from '../../../solutions/forward.ts';
import * as ref from '../../../solutions/linearity.ts';
import { type Check, check } from '../../assignment/check.ts';
import { expectCall, expectThat } from '../../harness/expectations.ts';
import { agrees, holds } from '../../harness/property.ts';
import { CONDITION_SHARE, provided } from '../../harness/provided.ts';
import type { StudentCode } from '../../harness/StudentCode.ts';
import { close, AFFINE_TOLERANCE } from '../../harness/tolerances.ts';
import { interval, networkOf, oneInputNetwork, quarter } from '../arbitraries.ts';

const task = 'linearity';
const M = task;
const lesson = 'exercises/README.md#5-where-the-nonlinearity-lives';

/** Every switch point of the units, bending or not. */
const switchPoints = (net: Network) => net.W1.flatMap(([w], j) => (w === 0 ? [] : [-net.b1[j] / w + 0]));

/** Networks with an interval whose ends often sit exactly on a switch point. */
const netAndInterval = oneInputNetwork('any').chain((net) => {
  const points = switchPoints(net);
  const end = points.length
    ? fc.oneof(
        fc.constantFrom(...points),
        interval.map(([lo]) => lo),
      )
    : interval.map(([lo]) => lo);
  const onEnds = fc
    .tuple(end, end)
    .filter(([a, b]) => a !== b)
    .map(([a, b]): Interval => (a < b ? [a, b] : [b, a]));
  return fc.tuple(fc.constant(net), fc.oneof(interval, onEnds));
});

/** the fixed examples of a check are printed: it pays only with kinks right on drawn ones like them */
const kinksAgree = (student: StudentCode, values: fc.Arbitrary<[Network, Interval]>) =>
  agrees(student, values, { module: M, name: 'kinks', args: (v) => v, expected: ([net, range]) => ref.kinks(net, range), share: CONDITION_SHARE });

/** Networks with a switch point on one end of the interval or both. */
const endOnSwitch = oneInputNetwork('any')
  .filter((net) => switchPoints(net).length > 0)
  .chain((net) => {
    const on = fc.constantFrom(...switchPoints(net));
    const ends = fc.tuple(on, fc.oneof(on, quarter)).filter(([a, b]) => a !== b);
    return fc.tuple(
      fc.constant(net),
      ends.map(([a, b]): Interval => (a < b ? [a, b] : [b, a])),
    );
  });

/** Networks in which unit 1 switches where unit 0 does (its weight and bias k times unit 0's), on an interval around that point. */
const sharedSwitch = fc
  .tuple(fc.integer({ min: 2, max: 4 }), fc.integer({ min: 1, max: 2 }))
  .chain(([hidden, outputs]) => networkOf({ inputs: 1, hidden, outputs }, 'any'))
  .filter((net) => net.W1[0][0] !== 0)
  .chain((net) =>
    fc
      .tuple(fc.constantFrom(2, -1, 0.5, -0.5, 1), fc.integer({ min: 1, max: 16 }), fc.integer({ min: 1, max: 16 }))
      .map(([k, below, above]): [Network, Interval] => {
        const W1 = net.W1.map((row, j) => (j === 1 ? [k * net.W1[0][0]] : row));
        const b1 = net.b1.map((b, j) => (j === 1 ? k * net.b1[0] : b));
        const at = -net.b1[0] / net.W1[0][0];
        return [{ ...net, W1, b1 }, [at - below / 4, at + above / 4]];
      }),
  );

export const linearityChecks: Check[] = [
  check(
    {
      id: 'linearity.kinks-match-reference',
      task,
      weight: 5,
      calls: ['kinks'],
      name: 'kinks lists the sorted distinct x = -b1[j] / W1[j][0] inside (lo, hi) whose unit bends the output',
      hint: `Unit j switches where W1[j][0] x + b1[j] = 0, so x = -b1[j] / W1[j][0]; skip units with weight 0 or no outgoing weight, and Leaky ReLU with alpha = 1. See ${lesson}`,
    },
    (student) => agrees(student, netAndInterval, { module: M, name: 'kinks', args: (v) => v, expected: ([net, range]) => ref.kinks(net, range) }),
  ),

  check(
    {
      id: 'linearity.kinks-open-interval',
      task,
      weight: 1,
      calls: ['kinks'],
      name: 'a kink exactly at lo or hi is not inside the open interval (lo, hi)',
      hint: `Use strict inequalities lo < x < hi: at the ends the output is still affine on [lo, hi]. See ${lesson}`,
    },
    async (student) => {
      const net: Network = { W1: [[1], [1]], b1: [1, -2], W2: [[1, -1]], b2: [0] };
      await expectCall(student, M, 'kinks', [net, [-1, 2]], []);
      await expectCall(student, M, 'kinks', [net, [-2, 3]], [-1, 2]);
      await provided('kinks is also right on drawn intervals that end on a switch point', () => kinksAgree(student, endOnSwitch));
    },
  ),

  check(
    {
      id: 'linearity.kinks-distinct',
      task,
      weight: 1,
      calls: ['kinks'],
      name: 'two units that switch at the same x give one kink',
      hint: `Remove duplicates after computing the switch points. See ${lesson}`,
    },
    async (student) => {
      const net: Network = { W1: [[1], [2], [-0.5]], b1: [1, 2, -0.5], W2: [[1, 1, 1]], b2: [0] };
      await expectCall(student, M, 'kinks', [net, [-4, 4]], [-1]);
      await provided('kinks is also right on drawn networks whose units switch at one point', () => kinksAgree(student, sharedSwitch));
    },
  ),

  check(
    {
      id: 'linearity.is-linear-on-matches-reference',
      task,
      weight: 2,
      calls: ['isLinearOn'],
      name: 'isLinearOn is true exactly when there is no kink in (lo, hi)',
      hint: `isLinearOn is kinks(...).length === 0. See ${lesson}`,
    },
    (student) => agrees(student, netAndInterval, { module: M, name: 'isLinearOn', args: (v) => v, expected: ([net, range]) => ref.isLinearOn(net, range) }),
  ),

  check(
    {
      id: 'linearity.linear-means-affine',
      task,
      weight: 1,
      calls: ['isLinearOn'],
      name: "where isLinearOn says true, the network's output is affine (midpoints lie on chords)",
      hint: `Between kinks every unit keeps its state, so the output is a straight line there. See ${lesson}`,
    },
    (student) =>
      holds(
        student,
        netAndInterval,
        async ([net, [lo, hi]]) => {
          const linear = await student.call<boolean>(M, 'isLinearOn', [net, [lo, hi]]);
          const inside = switchPoints(net).filter((x) => x > lo && x < hi);
          // false is never wrong about affinity: the claim pays only with true said where nothing can bend
          expectThat(
            inside.length > 0 || linear === true,
            `isLinearOn said ${JSON.stringify(linear)} on [${lo}, ${hi}], where no unit switches, so the output is a straight line (this check pays only when isLinearOn also says true there)`,
            { actual: linear, expected: true },
          );
          if (linear !== true) return;
          // sample the output at the ends, at every switch point inside and between them
          const xs = [lo, hi, (lo + hi) / 2, ...inside, ...inside.map((x) => (x + lo) / 2), ...inside.map((x) => (x + hi) / 2)];
          const f = (x: number) => predict(net, [x]);
          const [yLo, yHi] = [f(lo), f(hi)];
          for (const x of xs) {
            const t = (x - lo) / (hi - lo);
            const y = f(x);
            y.forEach((v, k) => {
              const chord = yLo[k] + t * (yHi[k] - yLo[k]);
              expectThat(
                close(v, chord, AFFINE_TOLERANCE),
                `isLinearOn said the network is linear on [${lo}, ${hi}], but output ${k} at x = ${x} is ${v}, off the line through the ends (${chord}): it bends inside`,
                { actual: linear, expected: ref.isLinearOn(net, [lo, hi]) },
              );
            });
          }
        },
        (v) => [{ module: M, name: 'isLinearOn', args: v }],
      ),
  ),
];
