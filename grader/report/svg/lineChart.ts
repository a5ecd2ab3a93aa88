// A line chart of one or two curves (the student's beside the reference),
// with axes, ticks and labels, a legend, markers as vertical dotted lines and
// highlighted points (e.g. the value at x = 0). Why our own SVG code: see SvgMarkup.ts.
import { formatNumber } from '../../core/formatValue.ts';
import { downsampleCurve, finiteExtent, type Curve } from '../boundedSeries.ts';
import { el, text } from './element.ts';
import { makeScale, padDomain, px, tickLabel, type Scale } from './scale.ts';
import { svgRoot } from './svgRoot.ts';
import type { SvgMarkup } from './SvgMarkup.ts';
import { THEME, type Role } from './theme.ts';

export interface LineSeries {
  role: Role;
  points: Curve;
  /** piecewise constant (a step function): no line is drawn across a jump between samples */
  steps?: boolean;
  /** the first point whose value no chart can draw (Infinity, NaN), when `points` is a shortened copy that may have lost it */
  leavesAt?: [number, number];
}

export interface LineChartSpec {
  title: string;
  description: string;
  xLabel: string;
  yLabel: string;
  series: LineSeries[];
  /** vertical dotted lines at chosen x (e.g. where a curve bends), named in the legend by `markerLabel` */
  markers?: { x: number; role: Role }[];
  markerLabel?: string;
  /** marked points, e.g. each curve's value at x = 0 */
  points?: { x: number; y: number; role: Role; label: string }[];
  yScale?: 'linear' | 'log';
  xDomain?: [number, number];
}

const M = { left: 48, right: 14, top: 36, bottom: 42 };

export function lineChart(spec: LineChartSpec): SvgMarkup {
  const { width, height } = THEME;
  const plot = { x0: M.left, x1: width - M.right, y0: height - M.bottom, y1: M.top };
  // a curve of any length is drawn with at most MAX_CURVE_POINTS points, its peaks and dips kept
  const series = spec.series.map((s) => ({ ...s, points: downsampleCurve(s.points) }));
  const finite = series.flatMap((s) => s.points).filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  const xExtent = finiteExtent(finite.map((p) => p[0]));
  const yExtent = finiteExtent([...finite.map((p) => p[1]), ...(spec.points ?? []).map((p) => p.y)]);
  const useLog = spec.yScale === 'log' && yExtent !== null && yExtent.min > 0;
  const xDomain = spec.xDomain ?? [Math.min(xExtent?.min ?? 0, 0), Math.max(xExtent?.max ?? 1, 1)];
  const yDomain: [number, number] =
    useLog && yExtent
      ? [Math.pow(10, Math.floor(Math.log10(yExtent.min))), Math.pow(10, Math.ceil(Math.log10(yExtent.max)))]
      : padDomain(yExtent?.min ?? NaN, yExtent?.max ?? NaN);
  const sx = makeScale('linear', xDomain, [plot.x0, plot.x1]);
  const sy = makeScale(useLog ? 'log' : 'linear', yDomain, [plot.y0, plot.y1]);

  const body: string[] = [
    ...grid(sx, sy, plot),
    ...axes(sx, sy, plot, spec),
    ...(spec.markers ?? []).map((k) => markerLine(k.x, k.role, sx, plot)),
    // the student's curve first, the dashed reference over it: where they agree both show
    ...[...series].sort((a, b) => (a.role === b.role ? 0 : a.role === 'student' ? -1 : 1)).map((s) => curve(s, sx, sy)),
    ...(spec.points ?? []).map((p) => pointMarker(p, sx, sy, plot)),
    ...leavesTheChart(spec.series, spec.xLabel, plot),
    legend(spec),
  ];
  return svgRoot({ title: spec.title, description: spec.description }, body);
}

type Plot = { x0: number; x1: number; y0: number; y1: number };

function grid(sx: Scale, sy: Scale, plot: Plot): string[] {
  const lines = sy.ticks.map((t) => el('line', { x1: plot.x0, x2: plot.x1, y1: sy.map(t), y2: sy.map(t), stroke: t === 0 ? THEME.axis : THEME.grid }));
  if (sx.domain[0] < 0 && sx.domain[1] > 0) {
    lines.push(el('line', { x1: sx.map(0), x2: sx.map(0), y1: plot.y0, y2: plot.y1, stroke: THEME.axis }));
  }
  return lines;
}

function axes(sx: Scale, sy: Scale, plot: Plot, spec: LineChartSpec): string[] {
  const out: string[] = [
    el('line', { x1: plot.x0, x2: plot.x1, y1: plot.y0, y2: plot.y0, stroke: THEME.ink }),
    el('line', { x1: plot.x0, x2: plot.x0, y1: plot.y0, y2: plot.y1, stroke: THEME.ink }),
  ];
  for (const t of sx.ticks) {
    const x = sx.map(t);
    out.push(el('line', { x1: x, x2: x, y1: plot.y0, y2: plot.y0 + 5, stroke: THEME.ink }));
    out.push(el('text', { x, y: plot.y0 + 19, 'text-anchor': 'middle', fill: THEME.ink }, [text(tickLabel(t))]));
  }
  for (const t of sy.ticks) {
    const y = sy.map(t);
    out.push(el('line', { x1: plot.x0 - 5, x2: plot.x0, y1: y, y2: y, stroke: THEME.ink }));
    out.push(el('text', { x: plot.x0 - 8, y: y + 4, 'text-anchor': 'end', fill: THEME.ink }, [text(tickLabel(t))]));
  }
  out.push(el('text', { x: (plot.x0 + plot.x1) / 2, y: THEME.height - 8, 'text-anchor': 'middle', fill: THEME.ink }, [text(spec.xLabel)]));
  const cy = (plot.y0 + plot.y1) / 2;
  out.push(
    el('text', { x: 14, y: cy, 'text-anchor': 'middle', fill: THEME.ink, transform: `rotate(-90 14 ${cy})` }, [
      text(spec.yLabel + (sy.kind === 'log' ? ' (log scale)' : '')),
    ]),
  );
  return out;
}

function markerLine(x: number, role: Role, sx: Scale, plot: Plot): string {
  if (x < sx.domain[0] || x > sx.domain[1]) return '';
  const at = sx.map(x);
  return el('line', {
    x1: at,
    x2: at,
    y1: plot.y0,
    y2: plot.y1,
    stroke: THEME[role].stroke,
    'stroke-width': 1.5,
    'stroke-dasharray': THEME.markerDash,
    'stroke-dashoffset': THEME.markerOffset[role],
  });
}

function curve(series: LineSeries, sx: Scale, sy: Scale): string {
  const style = THEME[series.role];
  let d = '';
  let pen = false;
  let previous = NaN;
  for (const [x, y] of series.points) {
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      pen = false;
      continue;
    }
    if (series.steps && pen && Math.abs(y - previous) > 1e-9 * Math.max(1, Math.abs(y))) pen = false;
    previous = y;
    d += `${pen ? 'L' : 'M'}${px(sx.map(x))} ${px(sy.map(y))}`;
    pen = true;
  }
  if (d === '') return '';
  return el('path', {
    d,
    fill: 'none',
    stroke: style.stroke,
    'stroke-width': style.width,
    'stroke-dasharray': style.dash,
    'stroke-linejoin': 'round',
    'stroke-linecap': 'round',
  });
}

function pointMarker(p: { x: number; y: number; role: Role; label: string }, sx: Scale, sy: Scale, plot: Plot): string {
  if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) return '';
  const cx = sx.map(p.x);
  const cy = sy.map(p.y);
  const right = cx < (plot.x0 + plot.x1) / 2;
  // the student's label above the point, the reference's below, so two points at one x stay readable
  const dy = p.role === 'student' ? -10 : 18;
  return el('g', {}, [
    el('circle', { cx, cy, r: 5.5, fill: THEME[p.role].stroke, stroke: '#ffffff', 'stroke-width': 2 }),
    el(
      'text',
      { x: cx + (right ? 9 : -9), y: cy + dy, 'text-anchor': right ? 'start' : 'end', fill: THEME[p.role].stroke, 'font-weight': 'bold', ...THEME.halo },
      [text(p.label)],
    ),
  ]);
}

/**
 * One line per curve that has values no chart can draw (Infinity, NaN): where
 * it leaves the chart, so a diverging curve is not mistaken for one that ends.
 */
function leavesTheChart(series: LineSeries[], xLabel: string, plot: Plot): string[] {
  const notes: string[] = [];
  for (const s of series) {
    const gone = s.leavesAt ?? s.points.find(([x, y]) => Number.isFinite(x) && !Number.isFinite(y));
    if (!gone) continue;
    const [x, y] = gone;
    const whose = s.role === 'student' ? 'your curve' : 'the reference curve';
    notes.push(
      el(
        'text',
        { x: plot.x1 - 4, y: plot.y1 + 14 + notes.length * 16, 'text-anchor': 'end', fill: THEME[s.role].stroke, 'font-weight': 'bold', ...THEME.halo },
        [text(`${whose} leaves the chart at ${xLabel} ${formatNumber(x)}: ${formatNumber(y)}`)],
      ),
    );
  }
  return notes;
}

function legend(spec: LineChartSpec): string {
  const entries: string[] = [];
  let x = M.left;
  const roles = (['student', 'reference'] as const).filter((r) => spec.series.some((s) => s.role === r));
  for (const role of roles) {
    const style = THEME[role];
    entries.push(
      el('line', { x1: x, x2: x + 26, y1: 16, y2: 16, stroke: style.stroke, 'stroke-width': style.width, 'stroke-dasharray': style.dash }),
      el('text', { x: x + 32, y: 20, fill: THEME.ink }, [text(style.label)]),
    );
    x += 44 + style.label.length * 8;
  }
  if ((spec.markers ?? []).length > 0) {
    entries.push(
      el('line', { x1: x, x2: x, y1: 6, y2: 26, stroke: THEME.muted, 'stroke-width': 1.5, 'stroke-dasharray': THEME.markerDash }),
      el('text', { x: x + 8, y: 20, fill: THEME.ink }, [text(spec.markerLabel ?? 'marker')]),
    );
  }
  return el('g', { 'aria-hidden': 'true' }, entries);
}
