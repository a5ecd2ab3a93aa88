// The hidden checks of exercises/linearity.ts: each declaration beside the body that decides it.
import fc from 'fast-check';
import type { Interval, Network } from '../../../exercises/types.ts';
import { predict } from '../../../solutions/forward.ts';
import * as ref from '../../../solutions/linearity.ts';
import { type Check, check } from '../../assignment/check.ts';
import { expectCall, expectThat } from '../../harness/expectations.ts';
import { type Agreement, agrees, holds } from '../../harness/property.ts';
import { CONDITION_SHARE, provided } from '../../harness/provided.ts';
import type { StudentCode } from '../../harness/StudentCode.ts';
import { close, AFFINE_TOLERANCE } from '../../harness/tolerances.ts';
import { interval, networkOf, oneInputNetwork, quarter } from '../arbitraries.ts';
import { edgeKinkCases } from '../edgeCases.ts';

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

/** the fixed examples of a check are printed: it pays only with kinks right on drawn ones like them (and on the edge cases) */
/** kinks agrees with the reference on `always`, then on drawn values, with `share` of the job's runs. */
const kinksAgreement = (always: [Network, Interval][], share = 1): Agreement<[Network, Interval]> => ({
  module: M,
  name: 'kinks',
  args: (v) => v,
  expected: ([net, range]) => ref.kinks(net, range),
  share,
  always,
});
/** The condition of a check about one regime: kinks is also right on drawn networks. */
const kinksAgree = (student: StudentCode, values: fc.Arbitrary<[Network, Interval]>, always: [Network, Interval][] = edgeKinkCases) =>
  agrees(student, values, kinksAgreement(always, CONDITION_SHARE));

/** The edge cases with a switch point on an end of the interval, or several units switching at one x. */
const onEnds = edgeKinkCases.filter(([net, [lo, hi]]) => switchPoints(net).some((x) => x === lo || x === hi));
const shared = edgeKinkCases.filter(([net]) => new Set(switchPoints(net)).size < switchPoints(net).length);
/** The edge cases with a unit that switches and whose output weights are all 0. */
const unseenCases = edgeKinkCases.filter(([net]) => net.W1.some(([w], j) => w !== 0 && net.W2.every((row) => row[j] === 0)));
/** The edge cases' ReLU networks made Leaky with alpha = 1. */
const alphaOne = edgeKinkCases.map(([net, range]): [Network, Interval] => [{ ...net, activation: { kind: 'leakyRelu', alpha: 1 } }, range]);

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

/**
 * Networks in which units 0 and 1 switch at one x and their bends cancel
 * (unit 1's weight and bias k times unit 0's, its output weights -1 / |k|
 * times unit 0's, all exact in binary), on an interval around that point.
 */
const cancellingPair = sharedSwitch.map(([net, range]): [Network, Interval] => {
  const k = net.W1[1][0] / net.W1[0][0];
  return [{ ...net, W2: net.W2.map((row) => row.map((v, j) => (j === 1 ? -row[0] / Math.abs(k) : v))) }, range];
});

/** Networks in which one unit that switches has all-zero output weights, on intervals often around its switch point. */
const unseenUnit = oneInputNetwork('any')
  .filter((net) => net.W1.some(([w]) => w !== 0))
  .chain((net) =>
    fc.constantFrom(...net.W1.flatMap(([w], j) => (w === 0 ? [] : [j]))).chain((u) => {
      const at = -net.b1[u] / net.W1[u][0];
      const around = fc
        .tuple(fc.integer({ min: 1, max: 16 }), fc.integer({ min: 1, max: 16 }))
        .map(([below, above]): Interval => [at - below / 4, at + above / 4]);
      const W2 = net.W2.map((row) => row.map((v, j) => (j === u ? 0 : v)));
      return fc.tuple(fc.constant<Network>({ ...net, W2 }), fc.oneof(around, interval));
    }),
  );

/** Leaky ReLU networks with alpha = 1: the identity on both sides, so no unit bends the output. */
const leakyIdentity = fc
  .tuple(oneInputNetwork('relu'), fc.oneof(interval, fc.constant<Interval>([-8, 8])))
  .map(([net, range]): [Network, Interval] => [{ ...net, activation: { kind: 'leakyRelu', alpha: 1 } }, range]);

/** Drawn networks for the properties of behaviour: any, with cancelling pairs and unseen units forced in. */
const bendingOrNot = fc.oneof({ arbitrary: netAndInterval, weight: 3 }, cancellingPair, unseenUnit, sharedSwitch);

/** The output of `net` at x. */
const f = (net: Network, x: number) => predict(net, [x]);

/**
 * Where the output on [a, b] leaves the line through its ends, as a sentence,
 * or null when it does not: checked at every switch point inside and halfway
 * between neighbouring ones. The output is affine between switch points, so
 * when all of these lie on the line it is a line on all of [a, b].
 */
function offTheLine(net: Network, a: number, b: number): string | null {
  const inside = [...new Set(switchPoints(net).filter((x) => x > a && x < b))].sort((p, q) => p - q);
  const knots = [a, ...inside, b];
  const xs = [...inside, ...knots.slice(1).map((x, i) => (knots[i] + x) / 2)];
  const [ya, yb] = [f(net, a), f(net, b)];
  for (const x of xs) {
    const t = (x - a) / (b - a);
    const y = f(net, x);
    for (let k = 0; k < y.length; k++) {
      const chord = ya[k] + t * (yb[k] - ya[k]);
      if (!close(y[k], chord, AFFINE_TOLERANCE)) return `output ${k} at x = ${x} is ${y[k]}, off the line through x = ${a} and x = ${b} (${chord})`;
    }
  }
  return null;
}

/**
 * Whether the output bends at a listed x inside (lo, hi): its value at x leaves
 * the chord from x - d to x + d, with d half the distance to the nearest other
 * switch point or end, so no other unit switches in between.
 */
function bendsAt(net: Network, listed: number, [lo, hi]: Interval): boolean {
  // an x computed another way may be a rounding away from the switch point
  const x = switchPoints(net).find((s) => close(s, listed)) ?? listed;
  const others = switchPoints(net).filter((s) => s !== x);
  const d = Math.min(x - lo, hi - x, ...others.map((s) => Math.abs(s - x))) / 2;
  if (!(d > 0)) return false;
  const [left, mid, right] = [f(net, x - d), f(net, x), f(net, x + d)];
  return mid.some((y, k) => !close(y, (left[k] + right[k]) / 2, AFFINE_TOLERANCE));
}

/** Where the output bends inside (lo, hi), found from the outputs alone: a witness that it is not affine there. */
const bendInside = (net: Network, range: Interval): number | undefined => switchPoints(net).find((x) => x > range[0] && x < range[1] && bendsAt(net, x, range));

/** A reply of kinks as sorted distinct numbers inside (lo, hi), or a sentence saying why it is not. */
function kinkListProblem(got: unknown, [lo, hi]: Interval): string | null {
  if (!Array.isArray(got) || !got.every((x) => typeof x === 'number')) return `kinks returned ${JSON.stringify(got)}, not an array of numbers`;
  const outside = got.find((x) => !(x > lo && x < hi));
  if (outside !== undefined) return `kinks listed ${outside}, which is not inside the open interval (${lo}, ${hi})`;
  const at = got.findIndex((x, i) => i > 0 && !(got[i - 1] < x));
  if (at > 0) return `kinks listed ${got[at - 1]} before ${got[at]}: the list must be sorted, each x once`;
  return null;
}

export const linearityChecks: Check[] = [
  check(
    {
      id: 'linearity.kinks-match-reference',
      task,
      weight: 5,
      calls: ['kinks'],
      name: 'kinks lists the sorted distinct x inside (lo, hi) where some output bends',
      hint: `Each unit switches at one x; a switch is a kink only where it changes some output's slope, and the bends of units switching together add up. See ${lesson}`,
      formula:
        "unit j switches at x = -b1[j] / W1[j][0]; the units switching at one x change output k's slope by (1 - alpha) * Σ W2[k][j] * |W1[j][0]|; x is a kink when that is not 0 for some output",
    },
    (student) => agrees(student, bendingOrNot, kinksAgreement(edgeKinkCases)),
  ),

  check(
    {
      id: 'linearity.kinks-are-where-it-bends',
      task,
      weight: 2,
      calls: ['kinks'],
      name: "at every listed kink the network's output bends, and between listed kinks it is a straight line",
      hint: `A switch is a kink only if it changes some output's slope. See ${lesson}`,
      formula: 'a kink: (1 - alpha) * Σ W2[k][j] * |W1[j][0]| over the units switching there is not 0 for some output k',
    },
    (student) =>
      holds(
        student,
        bendingOrNot,
        async ([net, range]) => {
          const got = await student.call<unknown>(M, 'kinks', [net, range]);
          const expected = ref.kinks(net, range);
          const problem = kinkListProblem(got, range);
          expectThat(problem === null, `${problem}`, { actual: got, expected });
          const listed = got as number[];
          for (const x of listed) {
            expectThat(
              bendsAt(net, x, range),
              `kinks listed x = ${x} in (${range[0]}, ${range[1]}), but the output does not bend there: the slopes on either side are the same`,
              { actual: got, expected },
            );
          }
          const cuts = [range[0], ...listed, range[1]];
          for (let i = 1; i < cuts.length; i++) {
            const off = offTheLine(net, cuts[i - 1], cuts[i]);
            expectThat(off === null, `kinks listed no kink between ${cuts[i - 1]} and ${cuts[i]}, but the output bends there: ${off}`, {
              actual: got,
              expected,
            });
          }
        },
        (v) => [{ module: M, name: 'kinks', args: v }],
        { always: edgeKinkCases },
      ),
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
      await provided('kinks is also right on drawn intervals that end on a switch point', () => kinksAgree(student, endOnSwitch, onEnds));
    },
  ),

  check(
    {
      id: 'linearity.kinks-distinct',
      task,
      weight: 1,
      calls: ['kinks'],
      name: 'units that switch at the same x are judged together and give one kink',
      hint: `Group the units by switch point, add up their bends, and list each x once. See ${lesson}`,
    },
    async (student) => {
      const net: Network = { W1: [[1], [2], [-0.5]], b1: [1, 2, -0.5], W2: [[1, 1, 1]], b2: [0] };
      await expectCall(student, M, 'kinks', [net, [-4, 4]], [-1]);
      await provided('kinks is also right on drawn networks whose units switch at one point', () => kinksAgree(student, sharedSwitch, shared));
    },
  ),

  check(
    {
      id: 'linearity.kinks-cancelling-bends',
      task,
      weight: 1,
      calls: ['kinks'],
      name: 'units switching at one x whose bends cancel give no kink: relu(x) - relu(-x) = x is a straight line',
      hint: `At one x the units' bends add up, and they can cancel: then the output does not bend there. See ${lesson}`,
      formula: 'the slope jump at x is (1 - alpha) * Σ W2[k][j] * |W1[j][0]| over the units switching at x; 0 for every output k means no kink',
    },
    async (student) => {
      const identity: Network = { W1: [[1], [-1]], b1: [0, 0], W2: [[1, -1]], b2: [0] };
      await expectCall(student, M, 'kinks', [identity, [-4, 4]], []);
      await agrees(student, cancellingPair, kinksAgreement(shared));
      // an empty list is right wherever bends cancel
      await provided('kinks also lists the kinks of drawn networks', () => kinksAgree(student, netAndInterval));
    },
  ),

  check(
    {
      id: 'linearity.kinks-unseen-units',
      task,
      weight: 1,
      calls: ['kinks'],
      name: 'a unit whose output weights are all 0 bends nothing',
      hint: `A unit's bend reaches an output only through its outgoing weight. See ${lesson}`,
      formula: "unit j's bend reaches output k as W2[k][j] * |W1[j][0]|: with every W2[k][j] = 0, no output sees its switch",
    },
    async (student) => {
      const unseen: Network = { W1: [[1], [1]], b1: [-1, 1], W2: [[0, 2]], b2: [0] };
      await expectCall(student, M, 'kinks', [unseen, [-4, 4]], [-1]);
      await agrees(student, unseenUnit, kinksAgreement(unseenCases));
      await provided('kinks also lists the kinks of drawn networks', () => kinksAgree(student, netAndInterval));
    },
  ),

  check(
    {
      id: 'linearity.kinks-leaky-alpha-one',
      task,
      weight: 1,
      calls: ['kinks'],
      name: 'Leaky ReLU with alpha = 1 has no kinks',
      hint: `With alpha = 1, what is a unit's slope on each side of its switch point? See ${lesson}`,
      formula: 'the jump is (1 - alpha) * W2[k][j] * |W1[j][0]|, and 1 - alpha = 0',
    },
    async (student) => {
      const net: Network = { W1: [[1], [-1]], b1: [1, 1], W2: [[1, 2]], b2: [-1], activation: { kind: 'leakyRelu', alpha: 1 } };
      await expectCall(student, M, 'kinks', [net, [-4, 4]], []);
      await agrees(student, leakyIdentity, kinksAgreement(alphaOne));
      // an empty list is right for every such network
      await provided('kinks also lists the kinks of drawn networks', () => kinksAgree(student, netAndInterval));
    },
  ),

  check(
    {
      id: 'linearity.is-linear-on-matches-reference',
      task,
      weight: 2,
      calls: ['isLinearOn'],
      name: 'isLinearOn is true exactly when there is no kink in (lo, hi)',
      hint: `isLinearOn is true when kinks finds no point inside (lo, hi) where the output bends. See ${lesson}`,
    },
    (student) =>
      agrees(student, bendingOrNot, {
        module: M,
        name: 'isLinearOn',
        args: (v) => v,
        expected: ([net, range]) => ref.isLinearOn(net, range),
        always: edgeKinkCases,
      }),
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
        bendingOrNot,
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
          const off = offTheLine(net, lo, hi);
          expectThat(off === null, `isLinearOn said the network is linear on [${lo}, ${hi}], but ${off}: it bends inside`, {
            actual: linear,
            expected: ref.isLinearOn(net, [lo, hi]),
          });
        },
        (v) => [{ module: M, name: 'isLinearOn', args: v }],
        { always: edgeKinkCases },
      ),
  ),

  check(
    {
      id: 'linearity.not-linear-means-bends',
      task,
      weight: 1,
      calls: ['isLinearOn'],
      name: "where isLinearOn says false, the network's output bends inside (lo, hi)",
      hint: `A switch that bends nothing (output weights 0, Leaky alpha = 1, bends that cancel) leaves the output a straight line. See ${lesson}`,
    },
    (student) =>
      holds(
        student,
        bendingOrNot,
        async ([net, [lo, hi]]) => {
          const linear = await student.call<boolean>(M, 'isLinearOn', [net, [lo, hi]]);
          const bend = bendInside(net, [lo, hi]);
          // true is never wrong about a bend: the claim pays only with false said where the output bends
          expectThat(
            bend === undefined || linear === false,
            `isLinearOn said ${JSON.stringify(linear)} on [${lo}, ${hi}], but the output bends at x = ${bend} (this check pays only when isLinearOn also says false there)`,
            { actual: linear, expected: false },
          );
          if (linear !== false) return;
          expectThat(
            offTheLine(net, lo, hi) !== null,
            `isLinearOn said the network is not linear on [${lo}, ${hi}], but its output is a straight line there: no switch inside bends it`,
            { actual: linear, expected: ref.isLinearOn(net, [lo, hi]) },
          );
        },
        (v) => [{ module: M, name: 'isLinearOn', args: v }],
        { always: edgeKinkCases },
      ),
  ),
];
