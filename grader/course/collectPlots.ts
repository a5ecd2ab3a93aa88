// Data for the report's pictures, computed by calling the student's own
// functions in the sandbox once the checks have run. Only plain numbers come
// back; each picture that cannot be drawn carries the reason instead.
import type { Network, TrainResult, Vector } from '../../exercises/types.ts';
import * as activations from '../../solutions/activations.ts';
import { activationPattern, deadNeurons } from '../../solutions/dead-neurons.ts';
import { train } from '../../solutions/training.ts';
import { formatValue } from '../core/formatValue.ts';
import type { PlotSource } from '../harness/PlotSource.ts';
import type { CallGroupEntry, CallGroupOutcome, CallOutcome } from '../sandbox/CallOutcome.ts';
import type { ActivationPlot, Curve, ExamplePlot, PlotsData } from './PlotsData.ts';

/** x from -4 to 4 in steps of 1/8 */
const XS = Array.from({ length: 65 }, (_, i) => -4 + i / 8);
/** where the examples' hidden units are shown */
const SAMPLE_XS = [-4, -1, 0, 1, 4];
const DOMAIN: [number, number] = [-4, 4];

/** A problem on which training shows a falling loss. */
const TRAINING = {
  net: { W1: [[0.5], [-0.5], [1]], b1: [0.25, 0.5, -0.5], W2: [[0.5, -0.25, 0.75]], b2: [0] } as Network,
  X: [-2, -1, 0, 1, 2].map((x) => [x]),
  Y: [[2], [0.5], [0], [0.5], [2]],
  options: { epochs: 40, lr: 0.1 },
};

/** A network with one dead unit (2) and one always-on unit (1) on the data below. */
const DEAD_MAP = {
  net: { W1: [[1], [0.25], [-0.5], [-1]], b1: [0, 2, -3, 0.5], W2: [[1, 1, 1, 1]], b2: [0] } as Network,
  xs: [-4, -3, -2, -1, 0, 1, 2, 3, 4],
};

/** A network in words, for a figure's caption: its shape and every parameter. */
function networkText(net: Network): string {
  const count = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;
  const shape = `${count(net.W1[0]?.length ?? 0, 'input')}, ${count(net.W1.length, 'hidden ReLU unit')} and ${count(net.W2.length, 'output')}`;
  return `a network with ${shape} (W1 = ${formatValue(net.W1)}, b1 = ${formatValue(net.b1)}, W2 = ${formatValue(net.W2)}, b2 = ${formatValue(net.b2)})`;
}

/** What the training figure shows, in words. */
const TRAINING_SETUP =
  `${networkText(TRAINING.net)}, trained on the ${TRAINING.X.length} samples x = ${formatValue(TRAINING.X.map(([x]) => x))} ` +
  `with targets y = ${formatValue(TRAINING.Y.map(([y]) => y))}, for ${TRAINING.options.epochs} epochs at lr = ${formatValue(TRAINING.options.lr)}`;

/** What the dead-unit map shows, in words. */
const DEAD_MAP_SETUP = `${networkText(DEAD_MAP.net)}, on the ${DEAD_MAP.xs.length} inputs x = ${formatValue(DEAD_MAP.xs)}`;

/** The setups in words, as the figures' captions quote them. */
export const collectPlotsSetup = { training: TRAINING_SETUP, deadMap: DEAD_MAP_SETUP } as const;

class Unavailable extends Error {}

function valueOf(outcome: CallOutcome | CallGroupEntry | CallGroupOutcome, what: string): unknown {
  switch (outcome.kind) {
    case 'returned':
      return outcome.value;
    case 'threw':
      throw new Unavailable(`${what} threw ${outcome.error.name}: ${outcome.error.message}`);
    case 'timed-out':
      throw new Unavailable(`${what} did not return in time`);
    case 'crashed':
    case 'unavailable':
      throw new Unavailable(`${what}: ${outcome.message}`);
  }
}

const numbers = (v: unknown): number[] | null => (Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isFinite(x)) ? v : null);

/** The losses up to the first that is not a finite number (JSON cannot carry Infinity); null when not a list of numbers. */
function finitePrefix(v: unknown): number[] | null {
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'number')) return null;
  const end = v.findIndex((x) => !Number.isFinite(x));
  return end === -1 ? v : v.slice(0, end);
}

export async function collectPlots(sandbox: PlotSource): Promise<PlotsData> {
  const ask = async (module: string, name: string, args: unknown[]) => valueOf(await sandbox.call(module, name, args), name);
  const askMany = async (module: string, name: string, argsList: unknown[][]): Promise<unknown[]> => {
    const all = valueOf(await sandbox.callMany(module, name, argsList), name) as CallGroupEntry[];
    return all.map((o) => valueOf(o, name));
  };
  const attempt = async <T>(fn: () => Promise<T>): Promise<{ value: T } | { error: string }> => {
    try {
      return { value: await fn() };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  };
  const activationPlots: ActivationPlot[] = [];
  for (const name of ['relu', 'reluGrad', 'leakyRelu', 'leakyReluGrad'] as const) {
    const reference: Curve = XS.map((x) => [x, activations[name](x)]);
    const got = await attempt(async () => {
      const ys = numbers(
        await askMany(
          'activations',
          name,
          XS.map((x) => [x]),
        ),
      );
      if (!ys) throw new Unavailable(`${name} returned something other than numbers`);
      return { curve: XS.map((x, i): [number, number] => [x, ys[i]]), atZero: (await ask('activations', name, [0])) as number };
    });
    activationPlots.push(
      'value' in got
        ? { name, student: got.value.curve, reference, studentAtZero: got.value.atZero, referenceAtZero: activations[name](0) }
        : { name, student: null, reference, studentAtZero: null, referenceAtZero: activations[name](0), error: got.error },
    );
  }

  const examples: ExamplePlot[] = [];
  for (const id of ['linearExample', 'nonlinearExample'] as const) {
    // the student's own choice, judged by its properties: no reference network is drawn beside it
    const title = id === 'linearExample' ? 'Your linear example over [-4, 4]' : 'Your nonlinear example over [-4, 4]';
    const got = await attempt(async () => {
      const net = valueOf(await sandbox.value('claims', id), id) as Network;
      const ys = (
        await askMany(
          'forward',
          'predict',
          XS.map((x) => [net, [x]]),
        )
      ).map((y) => (Array.isArray(y) ? y[0] : NaN));
      const curve = XS.map((x, i): [number, number] => [x, ys[i]]);
      const studentKinks = numbers(await ask('linearity', 'kinks', [net, DOMAIN]).catch(() => null));
      const z1 = (
        await askMany(
          'forward',
          'forward',
          SAMPLE_XS.map((x) => [net, [x]]),
        )
      ).map((c) => (c as { z1: number[] }).z1);
      const units = z1[0]?.length ?? 0;
      return { curve, studentKinks, z1: Array.from({ length: units }, (_, j) => z1.map((zs) => zs[j])) };
    });
    examples.push(
      'value' in got
        ? { id, title, student: got.value.curve, studentKinks: got.value.studentKinks, studentZ1: { xs: SAMPLE_XS, z1: got.value.z1 } }
        : { id, title, student: null, studentKinks: null, studentZ1: null, error: got.error },
    );
  }

  const { net, X, Y, options } = TRAINING;
  const referenceLosses = train(net, X, Y, options).losses;
  const trained = await attempt(async () => finitePrefix(((await ask('training', 'train', [net, X, Y, options])) as TrainResult)?.losses));
  const training =
    'value' in trained && trained.value
      ? { student: trained.value, reference: referenceLosses, setup: TRAINING_SETUP }
      : { student: null, reference: referenceLosses, setup: TRAINING_SETUP, error: 'error' in trained ? trained.error : 'train returned no list of losses' };

  const mapX: Vector[] = DEAD_MAP.xs.map((x) => [x]);
  const pattern = await attempt(async () => (await ask('dead-neurons', 'activationPattern', [DEAD_MAP.net, mapX])) as boolean[][]);
  const dead = await attempt(async () => numbers(await ask('dead-neurons', 'deadNeurons', [DEAD_MAP.net, mapX])));
  const deadMap = {
    xs: DEAD_MAP.xs,
    pattern: 'value' in pattern ? pattern.value : null,
    referencePattern: activationPattern(DEAD_MAP.net, mapX),
    studentDead: 'value' in dead ? dead.value : null,
    referenceDead: deadNeurons(DEAD_MAP.net, mapX),
    setup: DEAD_MAP_SETUP,
    ...('error' in pattern ? { error: pattern.error } : 'error' in dead ? { error: dead.error } : {}),
  };
  return { examples, activations: activationPlots, training, deadMap };
}
