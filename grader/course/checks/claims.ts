// The hidden checks of exercises/claims.ts: each declaration beside the body that decides it.
import type { Answers, Network } from '../../../exercises/types.ts';
import { forward, predict } from '../../../solutions/forward.ts';
import { kinks } from '../../../solutions/linearity.ts';
import { type Check, check } from '../../assignment/check.ts';
import { expectThat } from '../../harness/expectations.ts';
import { formatNumber } from '../../core/formatValue.ts';
import type { StudentCode } from '../../harness/StudentCode.ts';
import { close, AFFINE_TOLERANCE } from '../../harness/tolerances.ts';
import { networkShapeProblem } from '../networkShape.ts';

const task = 'claims';
const M = task;
const lesson = 'exercises/README.md#6-your-claims';

const DOMAIN: [number, number] = [-4, 4];
const SAMPLES = [-4, -1, 0, 1, 4];

/** z1 of unit j at x, from the student's weights. */
const z = (net: Network, j: number, x: number) => forward(net, [x]).z1[j];

/** The student's export `name`, which must be a network with 1 input, 3 hidden ReLU units and 1 output. */
async function studentNetwork(student: StudentCode, name: string): Promise<Network> {
  const net = await student.value<Network>(M, name);
  const problem = networkShapeProblem(net, 1, 3, 1);
  expectThat(problem === null, `your ${name} is not a network with 1 input, 3 hidden ReLU units and 1 output: ${problem}`);
  return net;
}

/** True when every (x, y) lies on the line through the first and last points. */
function onOneLine(xs: number[], ys: number[]): boolean {
  const [x0, x1] = [xs[0], xs[xs.length - 1]];
  const [y0, y1] = [ys[0], ys[ys.length - 1]];
  return xs.every((x, i) => close(ys[i], y0 + ((x - x0) / (x1 - x0)) * (y1 - y0), AFFINE_TOLERANCE));
}

/** What the discussion concludes. */
const expected: Answers = {
  reluIsLinear: false,
  reluGradAtZero: 0,
  deadMeans: 'gradient-always-zero',
  trainingFavoursLinear: false,
  leakyReluCanDie: false,
};

/** The check of one of the answers, shown only after the due date: before it, a pass or a fail would confirm a guess. */
function answerCheck(id: string, key: keyof Answers, weight: number, hint: string): Check {
  return check({ id, task, weight, calls: ['answers'], visibility: 'after_due_date', name: `answers.${key}`, hint }, async (student) => {
    const answers = await student.value<Partial<Answers>>(M, 'answers');
    expectThat(typeof answers === 'object' && answers !== null, 'answers must be an object');
    const given = answers[key];
    expectThat(given === expected[key], `answers.${key} is ${JSON.stringify(given)}, which is not what the discussion concludes`, {
      actual: given,
      expected: expected[key],
    });
  });
}

export const claimsChecks: Check[] = [
  check(
    {
      id: 'claims.linear-example',
      task,
      weight: 3,
      calls: ['linearExample'],
      name: 'linearExample: 1 input, 3 hidden ReLU units, 1 output; on [-4, 4] unit 0 dead, units 1 and 2 always on, output exactly linear',
      hint: `Any weights work if unit 0 stays off and units 1 and 2 stay on across all of [-4, 4]. See ${lesson}`,
      formula: 'z1 = W1 x + b1 <= 0 for unit 0 and > 0 for units 1 and 2 at x = -4 and at x = 4',
    },
    async (student) => {
      const net = await studentNetwork(student, 'linearExample');
      for (const x of DOMAIN) {
        expectThat(
          z(net, 0, x) <= 0,
          `unit 0 of your linearExample must be dead on [-4, 4], but at x = ${x} its pre-activation is ${formatNumber(z(net, 0, x))} > 0`,
        );
        for (const j of [1, 2]) {
          expectThat(
            z(net, j, x) > 0,
            `unit ${j} of your linearExample must be on across [-4, 4], but at x = ${x} its pre-activation is ${formatNumber(z(net, j, x))} <= 0`,
          );
        }
      }
      const ys = SAMPLES.map((x) => predict(net, [x])[0]);
      expectThat(onOneLine(SAMPLES, ys), `your linearExample's outputs at x = ${SAMPLES.join(', ')} are ${ys.map(formatNumber).join(', ')}: not on one line`);
    },
  ),

  check(
    {
      id: 'claims.nonlinear-example',
      task,
      weight: 3,
      calls: ['nonlinearExample'],
      name: 'nonlinearExample: 1 input, 3 hidden ReLU units, 1 output; no dead unit on [-4, 4], two or more kinks inside, outputs at -4, -1, 0, 1, 4 not on one line',
      hint: `Put the units' switch points inside (-4, 4), at different places, with outgoing weights that are not 0, so their bends do not cancel. See ${lesson}`,
      formula: 'unit j switches at x = -b1[j] / W1[j][0]; keep every switch point in (-4, 4) and every W2[0][j] != 0',
    },
    async (student) => {
      const net = await studentNetwork(student, 'nonlinearExample');
      for (const j of [0, 1, 2]) {
        const best = Math.max(z(net, j, DOMAIN[0]), z(net, j, DOMAIN[1]));
        expectThat(best > 0, `unit ${j} of your nonlinearExample is dead on [-4, 4]: its pre-activation is at most ${formatNumber(best)} there`);
      }
      const inside = kinks(net, DOMAIN);
      expectThat(
        inside.length >= 2,
        `your nonlinearExample needs at least two kinks inside (-4, 4); it has ${inside.length ? inside.map(formatNumber).join(', ') : 'none'}`,
      );
      const ys = SAMPLES.map((x) => predict(net, [x])[0]);
      expectThat(
        !onOneLine(SAMPLES, ys),
        `your nonlinearExample's outputs at x = ${SAMPLES.join(', ')} are ${ys.map(formatNumber).join(', ')}: all on one line, so the drawing would look linear`,
      );
    },
  ),

  answerCheck('claims.answer-relu-is-linear', 'reluIsLinear', 1, `Does relu(a + b) always equal relu(a) + relu(b)? See ${lesson}`),
  answerCheck('claims.answer-relu-grad-at-zero', 'reluGradAtZero', 1, `Which slope does the course use at the kink? See ${lesson}`),
  answerCheck('claims.answer-dead-means', 'deadMeans', 1, `A unit that outputs zero once still learns from other samples. See ${lesson}`),
  answerCheck('claims.answer-training-favours-linear', 'trainingFavoursLinear', 0.5, `What does training minimise? See ${lesson}`),
  answerCheck('claims.answer-leaky-relu-can-die', 'leakyReluCanDie', 0.5, `What is Leaky ReLU's slope for z <= 0? See ${lesson}`),
];
