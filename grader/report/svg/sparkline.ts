// A sparkline: one value per step (a score per commit), as a small line with
// a dot per value, the last one marked and labelled. Gaps (null) break the
// line. The y axis runs from 0 to `max`, so heights compare across charts.
import { el, text } from './element.ts';
import { px } from './scale.ts';
import { svgRoot } from './svgRoot.ts';
import type { SvgMarkup } from './SvgMarkup.ts';
import { THEME } from './theme.ts';

export interface SparklineSpec {
  title: string;
  /** what the picture shows, read by screen readers */
  description: string;
  values: (number | null)[];
  /** the top of the y axis (the most points there are) */
  max: number;
  /** the label of the last value, e.g. "72 / 100" */
  lastLabel?: string;
  width?: number;
  height?: number;
}

const PAD = { left: 6, right: 70, top: 8, bottom: 8 };

export function sparkline(spec: SparklineSpec): SvgMarkup {
  const width = spec.width ?? 320;
  const height = spec.height ?? 56;
  const x0 = PAD.left;
  const x1 = width - PAD.right;
  const y0 = height - PAD.bottom;
  const y1 = PAD.top;
  const n = spec.values.length;
  const max = spec.max > 0 ? spec.max : 1;
  const xAt = (i: number) => (n <= 1 ? (x0 + x1) / 2 : x0 + ((x1 - x0) * i) / (n - 1));
  const yAt = (v: number) => y0 - ((y0 - y1) * Math.min(Math.max(v, 0), max)) / max;

  let d = '';
  let pen = false;
  spec.values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      pen = false;
      return;
    }
    d += `${pen ? 'L' : 'M'}${px(xAt(i))} ${px(yAt(v))}`;
    pen = true;
  });
  const body: string[] = [
    el('line', { x1: x0, x2: x1, y1: y0, y2: y0, stroke: THEME.grid }),
    el('line', { x1: x0, x2: x1, y1: y1, y2: y1, stroke: THEME.grid, 'stroke-dasharray': '2 3' }),
  ];
  if (d) body.push(el('path', { d, fill: 'none', stroke: THEME.student.stroke, 'stroke-width': 2, 'stroke-linejoin': 'round', 'stroke-linecap': 'round' }));
  spec.values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) return;
    const last = i === n - 1;
    body.push(el('circle', { cx: xAt(i), cy: yAt(v), r: last ? 4 : 2.5, fill: THEME.student.stroke, stroke: '#ffffff', 'stroke-width': last ? 1.5 : 0 }));
  });
  const lastIndex = spec.values.length - 1;
  const last = spec.values[lastIndex];
  if (spec.lastLabel && last !== null && last !== undefined && Number.isFinite(last)) {
    body.push(el('text', { x: x1 + 8, y: yAt(last) + 4, fill: THEME.ink, 'font-size': 12 }, [text(spec.lastLabel)]));
  }
  return svgRoot({ title: spec.title, description: spec.description, width, height }, body);
}

/** The same values as one line of block characters, for a terminal. */
export function sparkBlocks(values: (number | null)[], max: number): string {
  const blocks = '▁▂▃▄▅▆▇█';
  return values
    .map((v) => (v === null || !Number.isFinite(v) ? ' ' : blocks[Math.round((Math.min(Math.max(v, 0), max) / (max || 1)) * (blocks.length - 1))]))
    .join('');
}
