// The charts draw any series a results document may hold without a stack
// overflow (no spreading into Math.min/max) and with a bounded picture.
import { describe, expect, it } from 'vitest';
import { MAX_CURVE_POINTS } from '../boundedSeries.ts';
import { heatmap, MAX_HEATMAP_SAMPLES, MAX_HEATMAP_UNITS } from './heatmap.ts';
import { lineChart } from './lineChart.ts';
import { lossChart } from './lossChart.ts';
import { wellFormedProblems } from './wellFormed.testHelper.ts';

const points = (markup: string): number => (markup.match(/[ML]-?\d/g) ?? []).length;

describe('charts of huge series', () => {
  it('lossChart draws 600,000 losses as a few hundred points', () => {
    const student = Array.from({ length: 600_000 }, (_, i) => 2 / (1 + i / 1000));
    const { markup } = lossChart({ title: 'Training loss', description: 'd', student, reference: [2, 1, 0.5] });
    expect(wellFormedProblems(markup)).toEqual([]);
    expect(points(markup)).toBeLessThanOrEqual(MAX_CURVE_POINTS + 3);
    expect(markup.length).toBeLessThan(60_000);
  });

  it('lineChart draws a curve of 500,000 points, NaN among them, bounded', () => {
    const curve = Array.from({ length: 500_000 }, (_, i): [number, number] => [i, i % 7 === 0 ? Number.NaN : Math.sin(i)]);
    const { markup } = lineChart({ title: 't', description: 'd', xLabel: 'x', yLabel: 'y', series: [{ role: 'student', points: curve }] });
    expect(wellFormedProblems(markup)).toEqual([]);
    expect(points(markup)).toBeLessThanOrEqual(MAX_CURVE_POINTS);
  });

  it('heatmap draws at most its bounded grid of a pattern of 300,000 rows of 10,000 units', () => {
    const row = new Array(10_000).fill(true);
    const pattern = new Array(300_000).fill(row);
    const xs = Array.from({ length: 300_000 }, (_, i) => i);
    const { markup } = heatmap({ title: 't', description: 'd', xs, panels: [{ label: 'yours', pattern, dead: [], deadLabel: 'dead' }] });
    expect((markup.match(/<rect /g) ?? []).length).toBeLessThanOrEqual(MAX_HEATMAP_UNITS * MAX_HEATMAP_SAMPLES + 3);
  });
});
