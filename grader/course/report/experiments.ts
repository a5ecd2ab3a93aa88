// The ReLU course's experiments as the report lays them out: each question
// with its setup, what to compare, and the table of the student's own values
// (relu's graph beside its table), or which function to implement first.
// Built only from `plots.experiments` in the results document, checked first
// (experimentsData), so a forged results.json gives no experiments, not a crash.
import { formatNumber } from '../../core/formatValue.ts';
import type { ExperimentView } from '../../report/ReportView.ts';
import { lineChart } from '../../report/svg/lineChart.ts';
import { experimentsData, type Cell, type Experiment, type ExperimentTable } from '../experiments/ExperimentsData.ts';

/** Bounds on what a table shows: a results document edited by hand may hold anything. */
const MAX_ROWS = 20;
const MAX_COLUMNS = 10;
const MAX_CELL_CHARS = 120;

const clip = (text: string): string => (text.length > MAX_CELL_CHARS ? `${text.slice(0, MAX_CELL_CHARS)}…` : text);

/** A cell as text: numbers as everywhere in the report, no number as "no number", lists as the function returned them. */
export function cellText(cell: Cell): string {
  if (cell === null) return 'no number';
  if (typeof cell === 'number') return formatNumber(cell);
  if (typeof cell === 'boolean') return cell ? 'yes' : 'no';
  if (Array.isArray(cell)) return clip(`[${cell.map((v) => (v === null ? 'no number' : formatNumber(v))).join(', ')}]`);
  return clip(cell);
}

function curveSvg(experiment: Experiment, table: ExperimentTable): ExperimentView['svg'] {
  const points = (table.curve ?? []).filter((p): p is [number, number] => p[0] !== null && p[1] !== null);
  if (points.length < 2) return null;
  const name = experiment.uses[0] ?? 'function';
  return lineChart({
    title: `Your ${name}`,
    description: `The graph of your ${name} at ${points.length} points from ${formatNumber(points[0][0])} to ${formatNumber(points[points.length - 1][0])}.`,
    xLabel: 'z',
    yLabel: `your ${name}(z)`,
    series: [{ role: 'student', points }],
  });
}

function experimentView(experiment: Experiment): ExperimentView {
  const base = {
    id: `experiment-${experiment.id}`,
    question: experiment.question,
    setup: experiment.setup,
    lookAt: experiment.lookAt,
    usesText: `uses your ${experiment.uses.join(', ')}`,
  };
  const { outcome } = experiment;
  if (outcome.kind === 'blocked') return { ...base, table: null, svg: null, blocked: outcome.message };
  const { table } = outcome;
  return {
    ...base,
    table: {
      columns: table.columns.slice(0, MAX_COLUMNS).map(clip),
      rows: table.rows.slice(0, MAX_ROWS).map((row) => row.slice(0, MAX_COLUMNS).map(cellText)),
    },
    svg: curveSvg(experiment, table),
    blocked: null,
  };
}

/** The experiments of `plots`, laid out; none when it carries none of the course's shape. */
export function reluExperiments(plots: unknown): ExperimentView[] {
  return (experimentsData(plots) ?? []).map(experimentView);
}
