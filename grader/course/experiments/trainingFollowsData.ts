// trainingFavoursLinear: one starting network trained by the student's train
// on samples of a line and on samples of a bent function; the losses, where
// the student's kinks finds the bends before and after, and the slopes of the
// trained output at both ends of the data.
import type { Network } from '../../../exercises/types.ts';
import type { ExperimentTable } from './ExperimentsData.ts';
import { ask, numbersFrom, type ExperimentSource } from './ExperimentSource.ts';
import { trainedNet } from './trainedNet.ts';

const START: Network = { W1: [[1], [-1], [0.5]], b1: [0.5, 0.5, -0.5], W2: [[0.5, 0.5, 0.5]], b2: [0] };
const XS = [-3, -2, -1, 0, 1, 2, 3];
const DOMAIN: [number, number] = [-3, 3];
const OPTIONS = { epochs: 300, lr: 0.05 };
const DATA: { label: string; f: (x: number) => number }[] = [
  { label: 'a line, y = x / 2 + 1', f: (x) => x / 2 + 1 },
  { label: 'a bent function, y = |x|', f: (x) => Math.abs(x) },
];

export const trainingFollowsDataSetup = {
  id: 'trainingFavoursLinear',
  question: 'Does training prefer linear networks over nonlinear ones?',
  setup: `The same 1-3-1 ReLU network W1 = [[1], [-1], [0.5]], b1 = [0.5, 0.5, -0.5], W2 = [[0.5, 0.5, 0.5]], b2 = [0], trained by your train (${OPTIONS.epochs} epochs, lr ${OPTIONS.lr}) on x = ${XS.join(', ')} with y from ${DATA.map((d) => d.label).join(', and with y from ')}. Kinks by your kinks on (-3, 3); slopes of the trained output by your predict.`,
  lookAt: "Compare the two rows: what each run lowered, and how the trained output's slopes at the two ends compare with the data's own slopes there.",
  uses: ['train', 'kinks', 'predict'],
} as const;

export async function trainingFollowsData(source: ExperimentSource): Promise<ExperimentTable> {
  const kinksOf = async (net: Network) => numbersFrom(await ask(source, 'linearity', 'kinks', [net, DOMAIN]), 'linearity', 'kinks');
  const predict = async (net: Network, x: number) =>
    numbersFrom(await ask(source, 'forward', 'predict', [net, [x]]), 'forward', 'predict', 'output vector')[0] ?? null;
  const slope = async (net: Network, x0: number, x1: number) => {
    const [y0, y1] = [await predict(net, x0), await predict(net, x1)];
    return y0 === null || y1 === null ? null : (y1 - y0) / (x1 - x0);
  };
  const before = await kinksOf(START);
  const rows: ExperimentTable['rows'] = [];
  for (const { label, f } of DATA) {
    const { net, losses } = trainedNet(
      await ask(source, 'training', 'train', [START, XS.map((x) => [x]), XS.map((x) => [f(x)]), OPTIONS]),
      START.W1.length,
      undefined,
    );
    rows.push([
      label,
      losses[0] ?? null,
      losses[losses.length - 1] ?? null,
      before,
      await kinksOf(net),
      await slope(net, -3, -2),
      await slope(net, 2, 3),
      `${f(-2) - f(-3)}, ${f(3) - f(2)}`,
    ]);
  }
  return {
    columns: [
      'data',
      'loss, first epoch',
      'loss, last epoch',
      'kinks before',
      'kinks after',
      'slope on [-3, -2] after',
      'slope on [2, 3] after',
      "data's slopes there",
    ],
    rows,
  };
}
