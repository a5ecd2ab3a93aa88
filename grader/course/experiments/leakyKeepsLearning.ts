// leakyReluCanDie: one unit that is off on every sample, trained by the
// student's train with ReLU and with Leaky ReLU on the same data; whether it
// moved, whether it switched on anywhere, and the student's deadNeurons
// before and after.
import type { Activation, Network } from '../../../exercises/types.ts';
import type { ExperimentTable } from './ExperimentsData.ts';
import { ask, fieldOf, numbersFrom, type ExperimentSource } from './ExperimentSource.ts';
import { trainedNet } from './trainedNet.ts';

/** z1 = x - 3 is negative on every sample below. */
const WEIGHTS = { W1: [[1]], b1: [-3], W2: [[1]], b2: [0] };
const XS = [-2, -1, 0, 1, 2];
const YS = XS.map((x) => 2 * Math.max(0, x) + 0.5);
const OPTIONS = { epochs: 300, lr: 0.1 };
const ACTIVATIONS: { label: string; activation: Activation | undefined }[] = [
  { label: 'ReLU', activation: undefined },
  { label: 'Leaky ReLU, alpha 0.1', activation: { kind: 'leakyRelu', alpha: 0.1 } },
];

export const leakyKeepsLearningSetup = {
  id: 'leakyReluCanDie',
  question: 'Can a Leaky ReLU unit (alpha != 0) die?',
  setup: `The 1-1-1 network W1 = [[1]], b1 = [-3], W2 = [[1]], b2 = [0] (its one unit has z1 = x - 3 < 0 on every sample), once with ReLU and once with Leaky ReLU (alpha 0.1), trained by your train (${OPTIONS.epochs} epochs, lr ${OPTIONS.lr}) on x = ${XS.join(', ')}, y = ${YS.join(', ')}. Dead units by your deadNeurons, z1 by your forward.`,
  lookAt:
    "Compare the two rows: did the unit's incoming weight and bias change, did it switch on for any sample, and what does your deadNeurons say before and after?",
  uses: ['train', 'deadNeurons', 'forward'],
} as const;

export async function leakyKeepsLearning(source: ExperimentSource): Promise<ExperimentTable> {
  const X = XS.map((x) => [x]);
  const deadOf = async (net: Network) => numbersFrom(await ask(source, 'dead-neurons', 'deadNeurons', [net, X]), 'dead-neurons', 'deadNeurons');
  const rows: ExperimentTable['rows'] = [];
  for (const { label, activation } of ACTIVATIONS) {
    const start: Network = { ...WEIGHTS, ...(activation ? { activation } : {}) };
    const deadBefore = await deadOf(start);
    const { net, losses } = trainedNet(await ask(source, 'training', 'train', [start, X, YS.map((y) => [y]), OPTIONS]), 1, activation);
    let switchedOn = 0;
    for (const x of XS) {
      const z1 = numbersFrom(fieldOf(await ask(source, 'forward', 'forward', [net, [x]]), 'z1', 'forward', 'forward'), 'forward', 'forward', 'z1 of numbers');
      if ((z1[0] ?? 0) > 0) switchedOn += 1;
    }
    rows.push([
      label,
      deadBefore,
      [start.W1[0][0], start.b1[0]],
      [net.W1[0][0], net.b1[0]],
      `${switchedOn} of ${XS.length} samples`,
      await deadOf(net),
      losses[0] ?? null,
      losses[losses.length - 1] ?? null,
    ]);
  }
  return {
    columns: [
      'activation',
      'your deadNeurons before',
      'weight, bias before',
      'weight, bias after',
      'z1 > 0 after on',
      'your deadNeurons after',
      'loss, first epoch',
      'loss, last epoch',
    ],
    rows,
  };
}
