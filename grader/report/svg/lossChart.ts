// Loss per epoch, the student's training beside the reference's. The y axis
// is logarithmic when the losses span more than a factor of 20 (and are all
// positive), linear otherwise; a loss that grows without bound gets a few
// labelled decades, and one that becomes Infinity or NaN is said to leave
// the chart at its epoch.
import { downsampleSeries, finiteExtent } from '../boundedSeries.ts';
import { lineChart } from './lineChart.ts';
import type { SvgMarkup } from './SvgMarkup.ts';

export interface LossChartSpec {
  title: string;
  description: string;
  student: number[] | null;
  reference: number[];
}

export function lossChart(spec: LossChartSpec): SvgMarkup {
  // in one pass, never spread: a student's series may be 600,000 long
  const extent = finiteExtent(
    (function* () {
      yield* spec.student ?? [];
      yield* spec.reference;
    })(),
  );
  const yScale = extent !== null && extent.min > 0 && extent.max / extent.min > 20 ? 'log' : 'linear';
  const epochs = Math.max(spec.reference.length, spec.student?.length ?? 0);
  const toSeries = (role: 'student' | 'reference', losses: number[]) => {
    const gone = losses.findIndex((v) => !Number.isFinite(v));
    return { role, points: downsampleSeries(losses), ...(gone === -1 ? {} : { leavesAt: [gone, losses[gone]] as [number, number] }) };
  };
  return lineChart({
    title: spec.title,
    description: spec.description,
    xLabel: 'epoch',
    yLabel: 'loss',
    yScale,
    xDomain: [0, Math.max(1, epochs - 1)],
    series: [...(spec.student ? [toSeries('student', spec.student)] : []), toSeries('reference', spec.reference)],
  });
}
