import { describe, expect, test } from 'vitest';
import { escapeXml } from './escapeXml.ts';
import { heatmap } from './heatmap.ts';
import { lineChart } from './lineChart.ts';
import { lossChart } from './lossChart.ts';
import { makeScale, niceTicks, px, tickLabel } from './scale.ts';
import { isSvgMarkup, SvgMarkup } from './SvgMarkup.ts';
import { wellFormedProblems } from './wellFormed.testHelper.ts';

const line = (a: number, b: number): [number, number][] => [-4, -2, 0, 2, 4].map((x) => [x, a * x + b]);

function expectAccessibleSvg(markup: string, title: string): void {
  expect(wellFormedProblems(markup)).toEqual([]);
  expect(markup).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 \d+ \d+" width="100%" role="img" aria-label="[^"]+"/);
  expect(markup).toContain(`<title>${escapeXml(title)}</title>`);
  expect(markup).not.toMatch(/<script|href=|url\(|javascript:/i);
}

describe('lineChart', () => {
  const chart = lineChart({
    title: 'The <linear> example',
    description: 'yours & the reference',
    xLabel: 'x',
    yLabel: 'output',
    xDomain: [-4, 4],
    series: [
      { role: 'student', points: line(1, 2) },
      { role: 'reference', points: line(2, 0) },
    ],
    markers: [
      { x: -1.5, role: 'student' },
      { x: 9, role: 'reference' },
    ],
    markerLabel: 'bend',
    points: [{ x: 0, y: 2, role: 'student', label: 'yours: 2' }],
  }).markup;

  test('is well-formed, accessible SVG with no scripts or external references', () => {
    expectAccessibleSvg(chart, 'The <linear> example');
    expect(chart).toContain('aria-label="yours &amp; the reference"');
  });

  test('draws both curves, a legend, the marker inside the domain only, and the highlighted point', () => {
    expect(chart.match(/<path /g)).toHaveLength(2);
    expect(chart).toContain('stroke-dasharray="7 5"');
    expect(chart).toContain('>yours</text>');
    expect(chart).toContain('>reference</text>');
    expect(chart).toContain('>bend</text>');
    expect(chart.match(/stroke-dasharray="2 4"/g)).toHaveLength(2); // the marker at -1.5 and the legend's; 9 is outside
    expect(chart).toContain('<circle');
    expect(chart).toContain('>yours: 2</text>');
  });

  test('is deterministic: the same data give the same bytes', () => {
    const again = lineChart({ title: 't', description: 'd', xLabel: 'x', yLabel: 'y', series: [{ role: 'student', points: line(1 / 3, 0.1) }] });
    const twice = lineChart({ title: 't', description: 'd', xLabel: 'x', yLabel: 'y', series: [{ role: 'student', points: line(1 / 3, 0.1) }] });
    expect(again.markup).toBe(twice.markup);
    expect(again.markup).not.toMatch(/\d\.\d{3,}/);
  });

  test('breaks the line at non-finite values and, for steps, across jumps', () => {
    const broken = lineChart({
      title: 't',
      description: 'd',
      xLabel: 'x',
      yLabel: 'y',
      series: [
        {
          role: 'student',
          points: [
            [0, 0],
            [1, NaN],
            [2, 1],
            [3, 1],
          ],
        },
      ],
    }).markup;
    expect(broken.match(/d="([^"]+)"/)![1].match(/M/g)).toHaveLength(2);
    const steps = lineChart({
      title: 't',
      description: 'd',
      xLabel: 'z',
      yLabel: 'g',
      series: [
        {
          role: 'student',
          steps: true,
          points: [
            [-1, 0],
            [0, 0],
            [0.5, 1],
            [1, 1],
          ],
        },
      ],
    }).markup;
    expect(steps.match(/d="([^"]+)"/)![1].match(/M/g)).toHaveLength(2);
  });

  test('a flat curve still gets a y range', () => {
    const flat = lineChart({
      title: 't',
      description: 'd',
      xLabel: 'x',
      yLabel: 'y',
      series: [
        {
          role: 'reference',
          points: [
            [0, 3],
            [1, 3],
          ],
        },
      ],
    }).markup;
    expect(wellFormedProblems(flat)).toEqual([]);
    expect(flat).not.toContain('NaN');
  });
});

describe('lossChart', () => {
  test('uses a log axis when the losses span more than a factor of 20', () => {
    const log = lossChart({ title: 'Loss', description: 'd', student: [1, 0.1, 0.01], reference: [1, 0.5, 0.02] }).markup;
    expectAccessibleSvg(log, 'Loss');
    expect(log).toContain('loss (log scale)');
    const lin = lossChart({ title: 'Loss', description: 'd', student: [1, 0.9, 0.8], reference: [1, 0.8, 0.7] }).markup;
    expect(lin).not.toContain('log scale');
  });

  test('a diverging loss (0.63 to 3e169): a few labelled decades, never one label per decade', () => {
    const diverging = Array.from({ length: 60 }, (_, e) => 0.63 * 10 ** ((e * 170) / 59));
    const chart = lossChart({ title: 'Loss', description: 'd', student: diverging, reference: [0.63, 0.3, 0.1] }).markup;
    expectAccessibleSvg(chart, 'Loss');
    expect(chart).toContain('loss (log scale)');
    const labels = [...chart.matchAll(/text-anchor="end" fill="[^"]+">(1e-?\d+|[\d.]+)<\/text>/g)].map((m) => m[1]);
    expect(labels.length).toBeGreaterThanOrEqual(3);
    expect(labels.length).toBeLessThanOrEqual(7);
    expect(chart).not.toContain('leaves the chart');
  });

  test('a loss that becomes Infinity or NaN is said to leave the chart at its epoch, even in a long series', () => {
    const long = Array.from({ length: 100_000 }, (_, e) => (e < 41_234 ? 1 / (e + 1) : e < 50_000 ? Infinity : NaN));
    const chart = lossChart({ title: 'Loss', description: 'd', student: long, reference: [1, 0.5, Number.NaN] }).markup;
    expectAccessibleSvg(chart, 'Loss');
    expect(chart).toContain('your curve leaves the chart at epoch 41234: Infinity');
    expect(chart).toContain('the reference curve leaves the chart at epoch 2: NaN');
    expect(chart).not.toMatch(/NaN"|Infinity"/);
  });

  test('draws only the reference when the student has no losses', () => {
    const only = lossChart({ title: 'Loss', description: 'd', student: null, reference: [2, 1, 0.5] }).markup;
    expect(only.match(/<path /g)).toHaveLength(1);
    expect(only).not.toContain('>yours</text>');
  });
});

describe('heatmap', () => {
  const map = heatmap({
    title: 'Dead-unit map',
    description: 'units by samples',
    xs: [-1, 0, 1],
    panels: [
      {
        label: 'yours',
        pattern: [
          [false, true],
          [false, true],
          [false, false],
        ],
        dead: [0, 1],
        deadLabel: 'dead',
        wrong: [1],
      },
      {
        label: 'reference',
        pattern: [
          [false, true],
          [false, true],
          [false, true],
        ],
        dead: [0],
        deadLabel: 'dead',
      },
    ],
    compareTo: [
      [false, true],
      [false, true],
      [false, true],
    ],
  }).markup;

  test('is well-formed, accessible SVG', () => {
    expectAccessibleSvg(map, 'Dead-unit map');
  });

  test('has a cell per sample and unit in each panel, outlines the differing cell and flags the wrong claim', () => {
    const cells = map.match(/<rect x="[^"]+" y="[^"]+" width="[^"]+" height="18"/g) ?? [];
    expect(cells).toHaveLength(12);
    expect(map.match(/stroke="#dc2626" stroke-width="2"/g)).toHaveLength(2); // the legend's swatch and one cell
    expect(map).toContain('>dead ✗</text>');
    expect(map).toContain('>unit 1</text>');
  });
});

describe('scales and text', () => {
  test('nice ticks are round numbers covering the range', () => {
    expect(niceTicks(-4, 4)).toEqual([-4, -2, 0, 2, 4]);
    expect(niceTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(-0.3, 0.3)).toEqual([-0.2, 0, 0.2]);
    expect(niceTicks(5, 5)).toEqual([5]);
  });

  test('log scales tick at powers of ten', () => {
    expect(makeScale('log', [0.01, 10], [100, 0]).ticks).toEqual([0.01, 0.1, 1, 10]);
    // at most six labelled decades: every 29th from 1e0 to 1e170
    expect(makeScale('log', [0.1, 1e170], [100, 0]).ticks).toEqual([1, 1e29, 1e58, 1e87, 1e116, 1e145]);
  });

  test('numbers in markup are short and never -0', () => {
    expect(px(-0.0001)).toBe('0');
    expect(px(12.3456)).toBe('12.35');
    expect(tickLabel(-0)).toBe('0');
    expect(tickLabel(0.1 + 0.2)).toBe('0.3');
    expect(tickLabel(1e-5)).toBe('1e-5');
  });

  test('escapes markup and drops control characters', () => {
    expect(escapeXml(`<a href="x">'&'</a>\u0007`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  test('only markup from the module counts as SVG', () => {
    expect(isSvgMarkup(SvgMarkup.fromTrustedParts(['<svg/>']))).toBe(true);
    expect(isSvgMarkup('<svg/>')).toBe(false);
    expect(isSvgMarkup({ markup: '<svg/>' })).toBe(false);
  });
});

test('the checker itself catches broken markup', () => {
  expect(wellFormedProblems('<svg><g></svg>')).not.toEqual([]);
  expect(wellFormedProblems('<svg><script>x</script></svg>')).not.toEqual([]);
  expect(wellFormedProblems('<svg a=b></svg>')).not.toEqual([]);
  expect(wellFormedProblems('<svg>&nbsp;</svg>')).not.toEqual([]);
  expect(wellFormedProblems('<svg><g a="1"/></svg>')).toEqual([]);
});
