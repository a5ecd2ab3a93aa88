// The ReLU course's pictures, built only from the plot data in the results
// document (never by running code): one figure per example network, per
// activation, the training loss and the dead-unit map. Drawn with the report's
// generic charts (report/svg/).
import { curveValueAt } from '../../report/curveValueAt.ts';
import { formatNumber } from '../../core/formatValue.ts';
import type { FigureView } from '../../report/ReportView.ts';
import { heatmap, MAX_HEATMAP_UNITS } from '../../report/svg/heatmap.ts';
import { lineChart } from '../../report/svg/lineChart.ts';
import { lossChart } from '../../report/svg/lossChart.ts';
import { plotsData, type ActivationPlot, type DeadMapPlot, type ExamplePlot, type TrainingPlot } from '../PlotsData.ts';
import { MAX_LISTED } from './insights.ts';

/** The figures of `plots`; none when they are not the course's shape (a results.json edited by hand). */
export function reluFigures(raw: unknown): FigureView[] {
  const plots = plotsData(raw);
  if (!plots) return [];
  return [
    ...plots.examples.map(exampleFigure),
    ...plots.activations.map(activationFigure),
    ...(plots.training ? [trainingFigure(plots.training)] : []),
    ...(plots.deadMap ? [deadMapFigure(plots.deadMap)] : []),
  ];
}

function failure(error: string | undefined): string {
  return `your function failed: ${error ?? 'it returned no value'}`;
}

/** Numbers for a caption: the first few, and how many more (a results document may hold any number). */
function list(xs: number[]): string {
  const shown = xs.slice(0, MAX_LISTED).map(formatNumber).join(', ');
  return xs.length > MAX_LISTED ? `${shown} and ${xs.length - MAX_LISTED} more` : shown;
}

/** The marked values at 0: one point when the student's equals the reference's, else one each. */
function zeroPoints(student: number | null, reference: number | null): { x: number; y: number; role: 'student' | 'reference'; label: string }[] {
  const finite = (v: number | null): v is number => v !== null && Number.isFinite(v);
  if (finite(student) && finite(reference) && Math.abs(student - reference) <= 1e-9 * Math.max(1, Math.abs(reference))) {
    return [{ x: 0, y: student, role: 'student', label: `yours = ref: ${formatNumber(student)}` }];
  }
  return [
    ...(finite(student) ? [{ x: 0, y: student, role: 'student' as const, label: `yours: ${formatNumber(student)}` }] : []),
    ...(finite(reference) ? [{ x: 0, y: reference, role: 'reference' as const, label: `ref: ${formatNumber(reference)}` }] : []),
  ];
}

/** What each example is judged by: any network with these properties is right, so none is drawn beside it. */
const JUDGED_BY: Record<ExamplePlot['id'], string> = {
  linearExample: 'on [-4, 4] unit 0 is dead, units 1 and 2 are always on, and the output is exactly linear',
  nonlinearExample: 'no unit is dead on [-4, 4], at least two kinks lie inside (-4, 4), and the outputs at x = -4, -1, 0, 1, 4 are not on one line',
};

/** The inputs a curve was drawn at, in words: `65 points, x from -4 to 4`. */
function inputsText(curve: [number, number][], name: string): string {
  if (curve.length === 0) return 'no points';
  return `${curve.length} points, ${name} from ${formatNumber(curve[0][0])} to ${formatNumber(curve[curve.length - 1][0])}`;
}

function exampleFigure(plot: ExamplePlot): FigureView {
  const kinkText =
    plot.studentKinks === null ? '' : plot.studentKinks.length === 0 ? 'Yours has no kink inside [-4, 4].' : `Yours bends at x = ${list(plot.studentKinks)}.`;
  const shows = `Your ${plot.id} (the network claims.ts exports) through your predict${plot.student ? ` at ${inputsText(plot.student, 'x')}` : ''}.`;
  const judged = `It is your own choice, judged by its properties, not compared with any network: ${JUDGED_BY[plot.id]}. So no other curve is drawn.`;
  const atZero = plot.student ? curveValueAt(plot.student, 0) : null;
  return {
    id: `example-${plot.id}`,
    title: plot.title,
    caption:
      `${shows} Dotted vertical lines are kinks: where the output bends, because hidden units switch on or off there and their bends do not cancel. ${kinkText} ${judged}`.replace(
        / {2,}/g,
        ' ',
      ),
    svg: plot.student
      ? lineChart({
          title: plot.title,
          description: `${shows} ${kinkText}`.trim(),
          xLabel: 'x',
          yLabel: 'output',
          xDomain: [-4, 4],
          series: [{ role: 'student' as const, points: plot.student }],
          markerLabel: 'kink',
          // one line per kink, as many as a network of the map's size could have
          markers: (plot.studentKinks ?? []).slice(0, MAX_HEATMAP_UNITS).map((x) => ({ x, role: 'student' as const })),
          points: atZero !== null && Number.isFinite(atZero) ? [{ x: 0, y: atZero, role: 'student' as const, label: `yours: ${formatNumber(atZero)}` }] : [],
        })
      : null,
    failure: plot.student ? null : failure(plot.error),
  };
}

function activationFigure(plot: ActivationPlot): FigureView {
  const title = `${plot.name}(z)`;
  // the derivatives jump at 0: no line is drawn across the jump
  const steps = plot.name === 'reluGrad' || plot.name === 'leakyReluGrad';
  const points = zeroPoints(plot.student && typeof plot.studentAtZero === 'number' ? plot.studentAtZero : null, plot.referenceAtZero);
  const atZero =
    plot.student && typeof plot.studentAtZero === 'number'
      ? `At z = 0 yours gives ${formatNumber(plot.studentAtZero)}, the reference ${formatNumber(plot.referenceAtZero)}.`
      : `At z = 0 the reference gives ${formatNumber(plot.referenceAtZero)}.`;
  return {
    id: `activation-${plot.name}`,
    title,
    caption: `Your ${plot.name} beside the reference ${plot.name}, at ${inputsText(plot.reference, 'z')} (no network, no data set: the function alone). The dots mark the value at exactly z = 0. ${atZero}`,
    svg: lineChart({
      title,
      description: `${title} for z around 0, ${plot.student ? 'yours beside the reference' : 'the reference only'}. ${atZero}`,
      xLabel: 'z',
      yLabel: title,
      series: [
        ...(plot.student ? [{ role: 'student' as const, points: plot.student, steps }] : []),
        { role: 'reference' as const, points: plot.reference, steps },
      ],
      points,
    }),
    failure: plot.student ? null : failure(plot.error),
  };
}

function trainingFigure(training: TrainingPlot): FigureView {
  const last = (xs: number[]): string => formatNumber(xs[xs.length - 1] ?? NaN);
  const summary = training.student
    ? `Yours goes from ${formatNumber(training.student[0] ?? NaN)} to ${last(training.student)}; the reference from ${formatNumber(training.reference[0] ?? NaN)} to ${last(training.reference)}.`
    : `The reference goes from ${formatNumber(training.reference[0] ?? NaN)} to ${last(training.reference)}.`;
  return {
    id: 'training-loss',
    title: 'Training loss',
    caption: `The loss at the start of each epoch of your train beside the reference's, both on ${training.setup ?? 'the same network and data'}. ${summary}`,
    svg: lossChart({ title: 'Training loss', description: `Loss per epoch. ${summary}`, student: training.student, reference: training.reference }),
    failure: training.student ? null : failure(training.error),
  };
}

function deadMapFigure(data: DeadMapPlot): FigureView {
  // the student's pattern is drawn only when it has the shape of one: samples x units of true/false
  const wellShaped =
    Array.isArray(data.pattern) &&
    data.pattern.length === data.xs.length &&
    data.pattern.every((row) => Array.isArray(row) && row.every((v) => typeof v === 'boolean'));
  const map = wellShaped
    ? data
    : { ...data, pattern: null, error: data.error ?? 'activationPattern returned something other than one row of true/false per sample' };
  const deadText = (dead: number[]): string => (dead.length === 0 ? 'none' : `unit ${list(dead)}`);
  const summary = `Dead by your deadNeurons: ${map.studentDead ? deadText(map.studentDead) : 'unknown'}; by the reference: ${deadText(map.referenceDead)}.`;
  return {
    id: 'dead-map',
    title: 'Dead-unit map',
    caption: `Which hidden unit is on (z > 0) for which sample, by your activationPattern above the reference's, for ${map.setup ?? `a fixed network and the ${map.xs.length} inputs x = ${list(map.xs)}`}. A unit off for every sample gets no gradient: it is dead. ${summary}`,
    svg: heatmap({
      title: 'Dead-unit map',
      description: `Units on or off for ${map.xs.length} samples. ${summary}`,
      xs: map.xs,
      panels: [
        ...(map.pattern
          ? [
              {
                label: 'yours',
                pattern: map.pattern,
                dead: map.studentDead ?? [],
                deadLabel: 'dead',
                wrong: (map.studentDead ?? []).filter((u) => !map.referenceDead.includes(u)),
              },
            ]
          : []),
        { label: 'reference', pattern: map.referencePattern, dead: map.referenceDead, deadLabel: 'dead' },
      ],
      compareTo: map.pattern ? map.referencePattern : undefined,
    }),
    failure: map.pattern ? null : failure(map.error),
  };
}
