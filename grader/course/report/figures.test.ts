import { expect, test } from 'vitest';
import { curveValueAt } from '../../report/curveValueAt.ts';
import { reluFigures } from './figures.ts';
import { sampleResults } from './fixtures/sample-results.ts';

test('one figure per example, activation, the training loss and the dead-unit map', () => {
  expect(reluFigures(sampleResults.plots).map((f) => f.id)).toEqual([
    'example-linearExample',
    'example-nonlinearExample',
    'activation-relu',
    'activation-reluGrad',
    'training-loss',
    'dead-map',
  ]);
  expect(reluFigures(undefined)).toEqual([]);
});

test("plots not of the course's shape (a results.json edited by hand) give no figures, and no crash", () => {
  for (const forged of [
    null,
    'x',
    [],
    {},
    { examples: 'x', activations: [], training: null, deadMap: null },
    { ...sampleResults.plots, activations: [{ name: 'relu' }] },
    { ...sampleResults.plots, training: { student: 'x', reference: [] } },
    { ...sampleResults.plots, deadMap: { xs: [0], pattern: null, referencePattern: [[1]], studentDead: null, referenceDead: [-1] } },
  ]) {
    expect(reluFigures(forged)).toEqual([]);
  }
});

test('missing student data gives a short note, and the reference alone', () => {
  const training = reluFigures(sampleResults.plots).find((f) => f.id === 'training-loss')!;
  expect(training.failure).toBe('your function failed: train did not return within 2000 ms');
  expect(training.svg?.markup).not.toContain('>yours</text>');
  const figures = reluFigures({
    examples: [
      { id: 'linearExample', title: 'L', student: null, reference: [[0, 1]], studentKinks: null, referenceKinks: [], error: 'RangeError: shapes 3x1 and 2' },
    ],
    activations: [],
    training: null,
    deadMap: null,
  });
  expect(figures[0].failure).toBe('your function failed: RangeError: shapes 3x1 and 2');
});

test('captions say where the curves bend and the values at 0', () => {
  const [linear, , , grad] = reluFigures(sampleResults.plots);
  expect(linear.caption).toContain('Yours bends at x = -1.5. The reference has no kink inside [-4, 4].');
  expect(grad.caption).toContain('At z = 0 yours gives 1, the reference 0.');
});

test('curveValueAt interpolates between samples', () => {
  expect(
    curveValueAt(
      [
        [-1, 0],
        [1, 4],
      ],
      0,
    ),
  ).toBe(2);
  expect(
    curveValueAt(
      [
        [-1, 0],
        [1, 4],
      ],
      1,
    ),
  ).toBe(4);
  expect(
    curveValueAt(
      [
        [-1, 0],
        [1, 4],
      ],
      2,
    ),
  ).toBeNull();
});

test('malformed student data is reported, not drawn', () => {
  const [map] = reluFigures({
    examples: [],
    activations: [],
    training: null,
    deadMap: { xs: [0, 1], pattern: [[true], 'oops'] as unknown as boolean[][], referencePattern: [[true], [false]], studentDead: [], referenceDead: [] },
  });
  expect(map.failure).toBe('your function failed: activationPattern returned something other than one row of true/false per sample');
  expect(map.svg?.markup).not.toContain('>yours</text>');
});
