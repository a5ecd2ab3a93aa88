// The dead-unit map: which hidden unit is on (z > 0) for which sample, the
// student's pattern above the reference's. Samples run left to right, units
// top to bottom; a unit off for every sample is dead. Cells where the
// student's pattern differs from the reference are outlined.
import { el, text } from './element.ts';
import { formatNumber } from '../../core/formatValue.ts';
import { svgRoot } from './svgRoot.ts';
import type { SvgMarkup } from './SvgMarkup.ts';
import { THEME } from './theme.ts';

export interface HeatmapPanel {
  label: string;
  /** samples x units */
  pattern: boolean[][];
  /** units this panel calls dead, tagged at the row's end */
  dead: number[];
  deadLabel: string;
  /** dead claims that are wrong, drawn in red with a cross */
  wrong?: number[];
}

export interface HeatmapSpec {
  title: string;
  description: string;
  /** the sample inputs, one per row of each pattern */
  xs: number[];
  panels: HeatmapPanel[];
  /** outline cells of panels[0] that differ from this pattern */
  compareTo?: boolean[][];
}

const LEFT = 58;
const RIGHT = 84;
const ROW = 20;
const PANEL_GAP = 12;
const TOP = 40;
/**
 * The most units and samples drawn: the assignment's map has 4 x 9; a
 * results document may hold any pattern, and one cell is one element.
 */
export const MAX_HEATMAP_UNITS = 64;
export const MAX_HEATMAP_SAMPLES = 64;

export function heatmap(spec: HeatmapSpec): SvgMarkup {
  const width = THEME.width;
  // widest row, in a loop: a pattern of any length must not be spread into Math.max
  let widest = 0;
  for (const panel of spec.panels) for (const row of panel.pattern) widest = Math.max(widest, Array.isArray(row) ? row.length : 0);
  const units = Math.min(widest, MAX_HEATMAP_UNITS);
  const xs = spec.xs.slice(0, MAX_HEATMAP_SAMPLES);
  const samples = xs.length;
  const cellW = (width - LEFT - RIGHT) / Math.max(1, samples);
  const panelH = units * ROW;
  const body: string[] = [legend()];
  let y = TOP;
  spec.panels.forEach((panel, index) => {
    body.push(el('text', { x: LEFT, y: y + 14, fill: THEME.ink, 'font-weight': 'bold' }, [text(panel.label)]));
    y += 22;
    for (let u = 0; u < units; u++) {
      const rowY = y + u * ROW;
      body.push(el('text', { x: LEFT - 8, y: rowY + 14, 'text-anchor': 'end', fill: THEME.ink }, [text(`unit ${u}`)]));
      for (let s = 0; s < samples; s++) {
        const on = panel.pattern[s]?.[u] === true;
        const differs = index === 0 && spec.compareTo !== undefined && (spec.compareTo[s]?.[u] === true) !== on;
        body.push(
          el('rect', {
            x: LEFT + s * cellW,
            y: rowY + 1,
            width: Math.max(cellW - 1, 0.5),
            height: ROW - 2,
            fill: on ? THEME.on : THEME.off,
            stroke: differs ? THEME.mismatch : null,
            'stroke-width': differs ? 2 : null,
          }),
        );
      }
      if (panel.dead.includes(u)) {
        const wrong = panel.wrong?.includes(u) === true;
        body.push(
          el('text', { x: width - RIGHT + 8, y: rowY + 14, fill: wrong ? THEME.mismatch : THEME.ink, 'font-weight': 'bold' }, [
            text(wrong ? `${panel.deadLabel} ✗` : panel.deadLabel),
          ]),
        );
      }
    }
    y += panelH + PANEL_GAP;
  });
  const rowsBottom = y - PANEL_GAP;
  body.push(...xAxis(xs, cellW, rowsBottom + 16));
  const height = rowsBottom + 26;
  return svgRoot({ title: spec.title, description: spec.description, height }, body);
}

function xAxis(xs: number[], cellW: number, y: number): string[] {
  if (xs.length === 0) return [];
  const every = Math.max(1, Math.ceil(xs.length / 6));
  const out: string[] = [];
  for (let s = 0; s < xs.length; s += every) {
    const x = LEFT + s * cellW + cellW / 2;
    out.push(el('text', { x, y, 'text-anchor': 'middle', fill: THEME.ink }, [text(formatNumber(xs[s]))]));
  }
  out.push(el('text', { x: LEFT - 8, y, 'text-anchor': 'end', fill: THEME.muted }, [text('x =')]));
  return out;
}

function legend(): string {
  return el('g', { 'aria-hidden': 'true' }, [
    el('rect', { x: LEFT, y: 8, width: 14, height: 14, fill: THEME.on }),
    el('text', { x: LEFT + 20, y: 20, fill: THEME.ink }, [text('on (z > 0)')]),
    el('rect', { x: LEFT + 110, y: 8, width: 14, height: 14, fill: THEME.off, stroke: THEME.axis }),
    el('text', { x: LEFT + 130, y: 20, fill: THEME.ink }, [text('off (z ≤ 0)')]),
    el('rect', { x: LEFT + 226, y: 8, width: 14, height: 14, fill: 'none', stroke: THEME.mismatch, 'stroke-width': 2 }),
    el('text', { x: LEFT + 246, y: 20, fill: THEME.ink }, [text('differs')]),
  ]);
}
