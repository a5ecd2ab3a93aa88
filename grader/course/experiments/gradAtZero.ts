// reluGradAtZero: the student's reluGrad around and at exactly 0, and the
// gradient the student's backward gives a unit that sits exactly at z1 = 0.
import type { Network } from '../../../exercises/types.ts';
import type { ExperimentTable } from './ExperimentsData.ts';
import { ask, fieldOf, numberFrom, numbersFrom, type ExperimentSource } from './ExperimentSource.ts';

const ZS = [-0.5, 0, 0.5];
/** Unit 0 sits exactly at z1 = 0 for x = 0, unit 1 at z1 = 0.5. */
const NET: Network = { W1: [[1], [1]], b1: [0, 0.5], W2: [[1, 1]], b2: [0] };
const X = [[0]];
const Y = [[1]];

export const gradAtZeroSetup = {
  id: 'reluGradAtZero',
  question: 'What value does the convention give reluGrad(0)?',
  setup: `Your reluGrad at z = ${ZS.join(', ')}; then your backward on the 1-2-1 ReLU network W1 = [[1], [1]], b1 = [0, 0.5], W2 = [[1, 1]], b2 = [0] with one sample x = 0, y = 1: unit 0 sits exactly at z1 = 0, unit 1 at z1 = 0.5, so yHat = relu(0) + relu(0.5) = 0.5 and yHat - y = -0.5.`,
  lookAt:
    "db1[j] is the output error times W2[0][j] times the slope backward uses at unit j's z1: read off which slope your backward used for the unit at exactly 0, and whether it is the one your reluGrad gives.",
  uses: ['reluGrad', 'backward'],
} as const;

export async function gradAtZero(source: ExperimentSource): Promise<ExperimentTable> {
  const rows: ExperimentTable['rows'] = [];
  for (const z of ZS) rows.push([`reluGrad(${z})`, numberFrom(await ask(source, 'activations', 'reluGrad', [z]), 'activations', 'reluGrad')]);
  const grads = await ask(source, 'backprop', 'backward', [NET, X, Y]);
  const db1 = numbersFrom(fieldOf(grads, 'db1', 'backprop', 'backward'), 'backprop', 'backward', 'db1 of numbers');
  rows.push(['backward: db1[0], the unit at z1 = 0', db1[0] ?? null]);
  rows.push(['backward: db1[1], the unit at z1 = 0.5', db1[1] ?? null]);
  return { columns: ['your function', 'gives'], rows };
}
