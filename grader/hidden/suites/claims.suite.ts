import type { Answers, Network } from '../../../exercises/types.ts';
import { forward, predict } from '../../../solutions/forward.ts';
import { kinks } from '../../../solutions/linearity.ts';
import { check } from '../../engine/worker/registerCheck.ts';
import { expectThat } from '../../harness/expectations.ts';
import { formatNumber } from '../../harness/formatValue.ts';
import { close, AFFINE_TOLERANCE } from '../../harness/tolerances.ts';
import { networkShapeProblem } from '../../course/networkShape.ts';
import type { StudentCode } from '../../harness/StudentCode.ts';

/** The hidden checks of exercises/claims.ts, registered for one submission. */
export function claimsSuite(student: () => StudentCode): void {
  const M = 'claims';
  const DOMAIN: [number, number] = [-4, 4];
  const SAMPLES = [-4, -1, 0, 1, 4];

  /** z1 of unit j at x, from the student's weights. */
  const z = (net: Network, j: number, x: number) => forward(net, [x]).z1[j];

  async function studentNetwork(name: string): Promise<Network> {
    const net = await student().value<Network>(M, name);
    const problem = networkShapeProblem(net, 1, 3, 1);
    expectThat(problem === null, `your ${name} is not a network with 1 input, 3 hidden ReLU units and 1 output: ${problem}`);
    return net;
  }

  check('claims.linear-example', student, async () => {
    const net = await studentNetwork('linearExample');
    for (const x of DOMAIN) {
      expectThat(z(net, 0, x) <= 0, `unit 0 of your linearExample must be dead on [-4, 4], but at x = ${x} its pre-activation is ${formatNumber(z(net, 0, x))} > 0`);
      for (const j of [1, 2]) {
        expectThat(z(net, j, x) > 0, `unit ${j} of your linearExample must be on across [-4, 4], but at x = ${x} its pre-activation is ${formatNumber(z(net, j, x))} <= 0`);
      }
    }
    const ys = SAMPLES.map((x) => predict(net, [x])[0]);
    expectThat(onOneLine(SAMPLES, ys), `your linearExample's outputs at x = ${SAMPLES.join(', ')} are ${ys.map(formatNumber).join(', ')}: not on one line`);
  });

  check('claims.nonlinear-example', student, async () => {
    const net = await studentNetwork('nonlinearExample');
    for (const j of [0, 1, 2]) {
      const best = Math.max(z(net, j, DOMAIN[0]), z(net, j, DOMAIN[1]));
      expectThat(best > 0, `unit ${j} of your nonlinearExample is dead on [-4, 4]: its pre-activation is at most ${formatNumber(best)} there`);
    }
    const inside = kinks(net, DOMAIN);
    expectThat(inside.length >= 2, `your nonlinearExample needs at least two kinks inside (-4, 4); it has ${inside.length ? inside.map(formatNumber).join(', ') : 'none'}`);
    const ys = SAMPLES.map((x) => predict(net, [x])[0]);
    expectThat(!onOneLine(SAMPLES, ys), `your nonlinearExample's outputs at x = ${SAMPLES.join(', ')} are ${ys.map(formatNumber).join(', ')}: all on one line, so the drawing would look linear`);
  });

  /** True when every (x, y) lies on the line through the first and last points. */
  function onOneLine(xs: number[], ys: number[]): boolean {
    const [x0, x1] = [xs[0], xs[xs.length - 1]];
    const [y0, y1] = [ys[0], ys[ys.length - 1]];
    return xs.every((x, i) => close(ys[i], y0 + ((x - x0) / (x1 - x0)) * (y1 - y0), AFFINE_TOLERANCE));
  }

  const expected: Answers = {
    reluIsLinear: false,
    reluGradAtZero: 0,
    deadMeans: 'gradient-always-zero',
    trainingFavoursLinear: false,
    leakyReluCanDie: false,
  };

  const answerCheck = (id: string, key: keyof Answers) =>
    check(id, student, async () => {
      const answers = await student().value<Partial<Answers>>(M, 'answers');
      expectThat(typeof answers === 'object' && answers !== null, 'answers must be an object');
      const given = answers[key];
      expectThat(given === expected[key], `answers.${key} is ${JSON.stringify(given)}, which is not what the discussion concludes`, {
        actual: given,
        expected: expected[key],
      });
    });

  answerCheck('claims.answer-relu-is-linear', 'reluIsLinear');
  answerCheck('claims.answer-relu-grad-at-zero', 'reluGradAtZero');
  answerCheck('claims.answer-dead-means', 'deadMeans');
  answerCheck('claims.answer-training-favours-linear', 'trainingFavoursLinear');
  answerCheck('claims.answer-leaky-relu-can-die', 'leakyReluCanDie');
}
