// reluIsLinear: relu's graph and the two rules a linear function obeys,
// f(a + b) = f(a) + f(b) and f(c a) = c f(a), tried with the student's relu.
import type { ExperimentTable } from './ExperimentsData.ts';
import { ask, numberFrom, type ExperimentSource } from './ExperimentSource.ts';

/** Sums tried: (a, b). */
const PAIRS: [number, number][] = [
  [1, 2],
  [-1, 1],
  [2, -3],
  [-2, -1],
];
/** Scalings tried: (c, a). */
const SCALINGS: [number, number][] = [
  [3, 1],
  [-1, 2],
];
/** Where the curve is drawn. */
const CURVE_ZS = [-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2];

export const reluBendsSetup = {
  id: 'reluIsLinear',
  question: 'Is the function relu itself linear?',
  setup: `Your relu at a few numbers: sums a + b for (a, b) = ${PAIRS.map(([a, b]) => `(${a}, ${b})`).join(', ')}, scalings c · a for (c, a) = ${SCALINGS.map(([c, a]) => `(${c}, ${a})`).join(', ')}, and its graph on [-2, 2].`,
  lookAt:
    'A linear f has f(a + b) = f(a) + f(b) and f(c · a) = c · f(a) for every a, b and c: compare the last two columns row by row, and look at the graph near 0.',
  uses: ['relu'],
} as const;

export async function reluBends(source: ExperimentSource): Promise<ExperimentTable> {
  const relu = async (z: number) => numberFrom(await ask(source, 'activations', 'relu', [z]), 'activations', 'relu');
  const rows: ExperimentTable['rows'] = [];
  for (const [a, b] of PAIRS) {
    const [ra, rb] = [await relu(a), await relu(b)];
    rows.push([`f(${a} + ${b})`, await relu(a + b), ra === null || rb === null ? null : ra + rb, `f(${a}) + f(${b})`]);
  }
  for (const [c, a] of SCALINGS) {
    const ra = await relu(a);
    rows.push([`f(${c} · ${a})`, await relu(c * a), ra === null ? null : c * ra, `${c} · f(${a})`]);
  }
  const curve: [number, number | null][] = [];
  for (const z of CURVE_ZS) curve.push([z, await relu(z)]);
  return { columns: ['left side', 'your relu gives', 'right side gives', 'right side'], rows, curve };
}
