import fc from 'fast-check';
import type { Interval, Network } from '../../../exercises/types.ts';
import { predict } from '../../../solutions/forward.ts';
import * as ref from '../../../solutions/linearity.ts';
import { interval, oneInputNetwork } from '../arbitraries.ts';
import { check } from '../harness/check.ts';
import { expectCall, expectThat } from '../harness/expectations.ts';
import { agrees, holds } from '../harness/property.ts';
import { close, AFFINE_TOLERANCE } from '../harness/tolerances.ts';
import type { StudentCode } from '../harness/StudentCode.ts';

/** The hidden checks of exercises/linearity.ts, registered for one submission. */
export function linearitySuite(student: () => StudentCode): void {
  const M = 'linearity';

  /** Every switch point of the units, bending or not. */
  const switchPoints = (net: Network) => net.W1.flatMap(([w], j) => (w === 0 ? [] : [-net.b1[j] / w + 0]));

  /** Networks with an interval whose ends often sit exactly on a switch point. */
  const netAndInterval = oneInputNetwork('any').chain((net) => {
    const points = switchPoints(net);
    const end = points.length ? fc.oneof(fc.constantFrom(...points), interval.map(([lo]) => lo)) : interval.map(([lo]) => lo);
    const onEnds = fc.tuple(end, end).filter(([a, b]) => a !== b).map(([a, b]): Interval => (a < b ? [a, b] : [b, a]));
    return fc.tuple(fc.constant(net), fc.oneof(interval, onEnds));
  });

  check('linearity.kinks-match-reference', student, () =>
    agrees(student(), netAndInterval, { module: M, name: 'kinks', args: (v) => v, expected: ([net, range]) => ref.kinks(net, range) }),
  );

  check('linearity.kinks-open-interval', student, async () => {
    const net: Network = { W1: [[1], [1]], b1: [1, -2], W2: [[1, -1]], b2: [0] };
    await expectCall(student(), M, 'kinks', [net, [-1, 2]], []);
    await expectCall(student(), M, 'kinks', [net, [-2, 3]], [-1, 2]);
  });

  check('linearity.kinks-distinct', student, async () => {
    const net: Network = { W1: [[1], [2], [-0.5]], b1: [1, 2, -0.5], W2: [[1, 1, 1]], b2: [0] };
    await expectCall(student(), M, 'kinks', [net, [-4, 4]], [-1]);
  });

  check('linearity.is-linear-on-matches-reference', student, () =>
    agrees(student(), netAndInterval, { module: M, name: 'isLinearOn', args: (v) => v, expected: ([net, range]) => ref.isLinearOn(net, range) }),
  );

  check('linearity.linear-means-affine', student, () =>
    holds(student(), netAndInterval, async ([net, [lo, hi]]) => {
      const linear = await student().call<boolean>(M, 'isLinearOn', [net, [lo, hi]]);
      if (linear !== true) return;
      // sample the output at the ends, at every switch point inside and between them
      const inside = switchPoints(net).filter((x) => x > lo && x < hi);
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
    }, (v) => [{ module: M, name: 'isLinearOn', args: v }]),
  );
}
