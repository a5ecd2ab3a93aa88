// The class summary's pictures, drawn with the report's own svg module:
// a histogram of scores and horizontal bars (points lost per task, failures
// per test). Deterministic markup, every text escaped, no scripts.
import { el, text } from '../../report/svg/element.ts';
import { svgRoot } from '../../report/svg/svgRoot.ts';
import type { SvgMarkup } from '../../report/svg/SvgMarkup.ts';
import { THEME } from '../../report/svg/theme.ts';

export interface HistogramBin {
  label: string;
  count: number;
}

const WIDTH = 640;

/** Vertical bars, one per bin, each with its count on top. */
export function histogram(title: string, description: string, bins: readonly HistogramBin[]): SvgMarkup {
  const height = 260;
  const left = 40;
  const bottom = 40;
  const top = 24;
  const plotH = height - top - bottom;
  const max = Math.max(1, ...bins.map((b) => b.count));
  const slot = (WIDTH - left - 10) / Math.max(1, bins.length);
  const body: string[] = [
    el('line', { x1: left, y1: height - bottom, x2: WIDTH - 10, y2: height - bottom, stroke: THEME.axis }),
    el('text', { x: left - 8, y: height - bottom, 'text-anchor': 'end', fill: THEME.muted }, [text('0')]),
    el('text', { x: left - 8, y: top + 10, 'text-anchor': 'end', fill: THEME.muted }, [text(String(max))]),
  ];
  bins.forEach((bin, i) => {
    const h = (bin.count / max) * plotH;
    const x = left + i * slot;
    const y = height - bottom - h;
    if (bin.count > 0) body.push(el('rect', { x: x + 3, y, width: Math.max(slot - 6, 1), height: h, fill: THEME.on }));
    body.push(el('text', { x: x + slot / 2, y: y - 6, 'text-anchor': 'middle', fill: THEME.ink }, [text(String(bin.count))]));
    body.push(el('text', { x: x + slot / 2, y: height - bottom + 18, 'text-anchor': 'middle', fill: THEME.muted, 'font-size': 12 }, [text(bin.label)]));
  });
  body.push(
    el('text', { x: left + (WIDTH - left) / 2, y: height - 4, 'text-anchor': 'middle', fill: THEME.muted, 'font-size': 12 }, [
      text('score (% of the maximum)'),
    ]),
  );
  return svgRoot({ title, description, width: WIDTH, height }, body);
}

export interface Bar {
  label: string;
  value: number;
  /** printed after the bar */
  valueText: string;
}

/** Horizontal bars, longest first as given, labels on the left. */
export function barChart(title: string, description: string, bars: readonly Bar[], colour: string = THEME.mismatch): SvgMarkup {
  const row = 28;
  const labelW = 300;
  const valueW = 110;
  const height = Math.max(1, bars.length) * row + 16;
  const max = Math.max(1e-9, ...bars.map((b) => b.value));
  const plotW = WIDTH - labelW - valueW;
  const body: string[] = [];
  bars.forEach((bar, i) => {
    const y = 8 + i * row;
    const w = Math.max(0, (bar.value / max) * plotW);
    body.push(el('text', { x: labelW - 8, y: y + 17, 'text-anchor': 'end', fill: THEME.ink, 'font-size': 12 }, [text(shorten(bar.label, 36))]));
    body.push(el('rect', { x: labelW, y: y + 4, width: Math.max(w, 1), height: row - 10, fill: colour }));
    body.push(el('text', { x: labelW + w + 6, y: y + 17, fill: THEME.ink }, [text(bar.valueText)]));
  });
  return svgRoot({ title, description, width: WIDTH, height }, body);
}

function shorten(label: string, max: number): string {
  return label.length <= max ? label : `${label.slice(0, max - 1)}…`;
}
