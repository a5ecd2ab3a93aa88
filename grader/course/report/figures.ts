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

function exampleFigure(plot: ExamplePlot): FigureView {
  const kinkText = (kinks: number[] | null, whose: string): string =>
    kinks === null ? '' : kinks.length === 0 ? `${whose} has no kink inside [-4, 4].` : `${whose} bends at x = ${list(kinks)}.`;
  const atZero = zeroPoints(plot.student ? curveValueAt(plot.student, 0) : null, curveValueAt(plot.reference, 0));
  const svg = lineChart({
    title: plot.title,
    description:
      `${plot.title}: the network's output for x from -4 to 4, ${plot.student ? 'yours beside the reference' : 'the reference only'}. ${kinkText(plot.studentKinks, 'Yours')} ${kinkText(plot.referenceKinks, 'The reference')}`.trim(),
    xLabel: 'x',
    yLabel: 'output',
    xDomain: [-4, 4],
    series: [...(plot.student ? [{ role: 'student' as const, points: plot.student }] : []), { role: 'reference' as const, points: plot.reference }],
    markerLabel: 'kink',
    markers: [
      // one line per kink, as many as a network of the map's size could have
      ...(plot.student ? (plot.studentKinks ?? []).slice(0, MAX_HEATMAP_UNITS).map((x) => ({ x, role: 'student' as const })) : []),
      ...plot.referenceKinks.slice(0, MAX_HEATMAP_UNITS).map((x) => ({ x, role: 'reference' as const })),
    ],
    points: atZero,
  });
  return {
    id: `example-${plot.id}`,
    title: plot.title,
    caption:
      `The output of your ${plot.id} over [-4, 4] beside the reference's. Dotted vertical lines are kinks: where the output bends, because hidden units switch on or off there and their bends do not cancel. ${kinkText(plot.studentKinks, 'Yours')} ${kinkText(plot.referenceKinks, 'The reference')}`.trim(),
    svg,
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
    caption: `Your ${plot.name} beside the reference. The dots mark the value at exactly z = 0. ${atZero}`,
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
    caption: `The loss at the start of each epoch of your train beside the reference's, on the same network and data. ${summary}`,
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
    caption: `Which hidden unit is on (z > 0) for which sample, by your activationPattern above the reference's. A unit off for every sample gets no gradient: it is dead. ${summary}`,
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
