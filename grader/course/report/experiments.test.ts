// The course's experiments in the report: tables of the student's own values
// in HTML and Markdown, relu's graph drawn, an experiment that could not run
// saying what to implement first, and forged data giving no experiments.
import { describe, expect, test } from 'vitest';
import { renderReports } from '../../report/renderReports.ts';
import { assignment } from '../assignment.ts';
import type { Experiment } from '../experiments/ExperimentsData.ts';
import { cellText, reluExperiments } from './experiments.ts';
import { sampleResults } from './fixtures/sample-results.ts';

const NOW = new Date('2026-11-27T00:00:00Z');
const student = { audience: 'student' as const, now: NOW, deadline: new Date('2026-12-01T23:59:00Z'), assignment };

const ran: Experiment = {
  id: 'reluIsLinear',
  question: 'Is the function relu itself linear?',
  setup: 'Your relu at a few numbers.',
  lookAt: 'Compare the last two columns.',
  uses: ['relu'],
  outcome: {
    kind: 'ran',
    table: {
      columns: ['left side', 'your relu gives', 'right side gives', 'right side'],
      rows: [['f(-1 + 1)', 0, 1, 'f(-1) + f(1)']],
      curve: [
        [-1, 0],
        [0, 0],
        [1, 1],
      ],
    },
  },
};
const blocked: Experiment = {
  id: 'leakyReluCanDie',
  question: 'Can a Leaky ReLU unit (alpha != 0) die?',
  setup: 'A 1-1-1 network trained twice.',
  lookAt: 'Compare the two rows.',
  uses: ['train', 'deadNeurons', 'forward'],
  outcome: { kind: 'blocked', needs: 'train', message: 'implement train first (exercises/training.ts): it still throws "not implemented"' },
};
const doc = { ...sampleResults, plots: { ...sampleResults.plots, experiments: [ran, blocked] } };

describe('the Experiments section', () => {
  const { html, markdown } = renderReports(doc, student);

  test('HTML: one article per experiment, its table of the student values and relu drawn', () => {
    expect(html).toContain('<h2 id="experiments-heading">Experiments</h2>');
    expect(html.match(/<article class="experiment"/g)).toHaveLength(2);
    expect(html).toContain(
      '<td data-column="left side">f(-1 + 1)</td><td data-column="your relu gives">0</td><td data-column="right side gives">1</td><td data-column="right side">f(-1) + f(1)</td>',
    );
    expect(html).toContain('uses your relu');
    // the six pictures of the sample, and relu's graph
    expect(html.match(/<svg /g)).toHaveLength(7);
  });

  test('an experiment that could not run says what to implement first, and shows no table', () => {
    expect(html).toContain('implement train first (exercises/training.ts): it still throws &quot;not implemented&quot;');
    expect(markdown).toContain('> implement train first (exercises/training.ts): it still throws "not implemented"');
  });

  test('Markdown: a table per experiment that ran', () => {
    expect(markdown).toContain('### Experiments');
    expect(markdown).toContain(
      '| left side | your relu gives | right side gives | right side |\n| --- | --- | --- | --- |\n| f(-1 + 1) | 0 | 1 | f(-1) + f(1) |',
    );
  });

  test('no experiments in the plots: no section', () => {
    expect(renderReports(sampleResults, student).html).not.toContain('experiments-heading');
    expect(renderReports(sampleResults, student).markdown).not.toContain('### Experiments');
  });
});

describe('reluExperiments', () => {
  test('forged experiments (not the course shape) give none, not a crash', () => {
    expect(reluExperiments({ experiments: [{ ...ran, id: 'other' }] })).toEqual([]);
    expect(reluExperiments({ experiments: [{ ...ran, outcome: { kind: 'ran', table: { columns: ['a'], rows: [[1, 2]] } } }] })).toEqual([]);
    expect(reluExperiments({ experiments: 'x' })).toEqual([]);
    expect(reluExperiments(null)).toEqual([]);
  });

  test('a huge table is cut to what a report can show', () => {
    const rows = Array.from({ length: 500 }, (_, i) => [`row ${i}`, 'x'.repeat(1000), i, 'last']);
    const [view] = reluExperiments({ experiments: [{ ...ran, outcome: { kind: 'ran', table: { columns: ['a', 'b', 'c', 'd'], rows } } }] });
    expect(view.table!.rows).toHaveLength(20);
    expect(view.table!.rows[0][1].length).toBeLessThanOrEqual(121);
  });

  test('cells: numbers as the report writes them, no number, yes/no, lists', () => {
    expect([0.1 + 0.2, null, true, false, [0, null], -0].map(cellText)).toEqual(['0.3', 'no number', 'yes', 'no', '[0, no number]', '-0']);
  });
});
