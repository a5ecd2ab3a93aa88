import fc from 'fast-check';
import { expect, test } from 'vitest';
import { backward, mseLoss } from '../../../solutions/backprop.ts';
import { forward } from '../../../solutions/forward.ts';
import { leakyReluGrad, reluGrad } from '../../../solutions/activations.ts';
import { problem } from '../arbitraries.ts';
import { edgeProblems } from '../edgeCases.ts';
import { gradientsOfPasses, lossOfOutputs } from './chainRule.ts';
import type { Problem } from '../arbitraries.ts';

/** the reference's gates of a problem: its activation's slope at each z1 */
const gatesOf = ({ net }: Problem, z1s: number[][]) => {
  const act = net.activation;
  return z1s.map((z1) => z1.map((z) => (act?.kind === 'leakyRelu' ? leakyReluGrad(z, act.alpha) : reluGrad(z))));
};

test('on the reference forward passes, the formulas give exactly the reference loss and gradients', () => {
  const agree = (p: Problem) => {
    const passes = p.X.map((x) => forward(p.net, x));
    expect(
      lossOfOutputs(
        passes.map((c) => c.yHat),
        p.Y,
      ),
    ).toBe(mseLoss(p.net, p.X, p.Y));
    expect(
      gradientsOfPasses(
        p.net,
        p.X,
        p.Y,
        passes,
        gatesOf(
          p,
          passes.map((c) => c.z1),
        ),
      ),
    ).toEqual(backward(p.net, p.X, p.Y));
  };
  edgeProblems.forEach(agree);
  fc.assert(fc.property(problem('any'), agree), { seed: 4242, numRuns: 200 });
});

test('the gradients follow the gates they are given: a gate of 0 on every sample leaves that unit without gradient', () => {
  const net = { W1: [[1], [2]], b1: [0.5, -1], W2: [[1, -1]], b2: [0] };
  const X = [[1], [2]];
  const Y = [[0], [1]];
  const passes = X.map((x) => forward(net, x));
  const g = gradientsOfPasses(net, X, Y, passes, [
    [0, 1],
    [0, 1],
  ]);
  expect(g.dW1[0]).toEqual([0]);
  expect(g.db1[0]).toBe(0);
  expect(g.db1[1]).not.toBe(0);
});
