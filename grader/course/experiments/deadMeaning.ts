// deadMeans: per hidden unit of a fixed network, on how many samples its
// output is zero, on how many the gradients of its incoming weights are not,
// the sign of its weight, and whether the student's deadNeurons lists it.
import type { Network } from '../../../exercises/types.ts';
import type { ExperimentTable } from './ExperimentsData.ts';
import { ask, fieldOf, matrixFrom, numbersFrom, type ExperimentSource } from './ExperimentSource.ts';

const NET: Network = { W1: [[1], [-1], [1]], b1: [0, 0.5, -3], W2: [[1, 1, 1]], b2: [1] };
const XS = [-2, -1, 1, 2];
const Y = [0];

export const deadMeaningSetup = {
  id: 'deadMeans',
  question: 'What makes a unit dead?',
  setup: `The 1-3-1 ReLU network W1 = [[1], [-1], [1]], b1 = [0, 0.5, -3], W2 = [[1, 1, 1]], b2 = [1] on the samples x = ${XS.join(', ')} (y = 0 each). For each unit: your forward's a1 on each sample, your backward's dW1 and db1 on each sample alone, and your deadNeurons on all four.`,
  lookAt:
    'Compare, unit by unit: on how many samples its output is 0, on how many its incoming weights get a gradient, the sign of its weight, and whether your deadNeurons lists it.',
  uses: ['forward', 'backward', 'deadNeurons'],
} as const;

export async function deadMeaning(source: ExperimentSource): Promise<ExperimentTable> {
  const units = NET.W1.length;
  const zeroOutput = Array.from({ length: units }, () => 0);
  const moving = Array.from({ length: units }, () => 0);
  for (const x of XS) {
    const a1 = numbersFrom(fieldOf(await ask(source, 'forward', 'forward', [NET, [x]]), 'a1', 'forward', 'forward'), 'forward', 'forward', 'a1 of numbers');
    const grads = await ask(source, 'backprop', 'backward', [NET, [[x]], [Y]]);
    const dW1 = matrixFrom(fieldOf(grads, 'dW1', 'backprop', 'backward'), 'backprop', 'backward', 'dW1', units, 1);
    const db1 = numbersFrom(fieldOf(grads, 'db1', 'backprop', 'backward'), 'backprop', 'backward', 'db1 of numbers');
    for (let j = 0; j < units; j++) {
      if (a1[j] === 0) zeroOutput[j] += 1;
      if (dW1[j][0] !== 0 || db1[j] !== 0) moving[j] += 1;
    }
  }
  const dead = numbersFrom(await ask(source, 'dead-neurons', 'deadNeurons', [NET, XS.map((x) => [x])]), 'dead-neurons', 'deadNeurons');
  const of = (n: number) => `${n} of ${XS.length} samples`;
  const rows: ExperimentTable['rows'] = NET.W1.map((row, j) => [j, row[0], NET.b1[j], of(zeroOutput[j]), of(moving[j]), dead.includes(j)]);
  return { columns: ['unit', 'weight W1', 'bias b1', 'output 0 on', 'gradient not 0 on', 'in your deadNeurons'], rows };
}
