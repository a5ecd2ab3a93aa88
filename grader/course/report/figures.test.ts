import { expect, test } from 'vitest';
import { curveValueAt } from '../../report/curveValueAt.ts';
import { collectPlotsSetup } from '../collectPlots.ts';
import type { PlotsData } from '../PlotsData.ts';
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

test('missing student data gives a short note, and the reference alone where there is one', () => {
  const training = reluFigures(sampleResults.plots).find((f) => f.id === 'training-loss')!;
  expect(training.failure).toBe('your function failed: train did not return within 2000 ms');
  expect(training.svg?.markup).not.toContain('>yours</text>');
  const figures = reluFigures({
    examples: [{ id: 'linearExample', title: 'L', student: null, studentKinks: null, error: 'RangeError: shapes 3x1 and 2' }],
    activations: [],
    training: null,
    deadMap: null,
  });
  expect(figures[0].failure).toBe('your function failed: RangeError: shapes 3x1 and 2');
});

test('captions say where the curves bend and the values at 0', () => {
  const [linear, , , grad] = reluFigures(sampleResults.plots);
  expect(linear.caption).toContain('Yours bends at x = -1.5.');
  expect(grad.caption).toContain('At z = 0 yours gives 1, the reference 0.');
});

test('the examples are the student’s free choice: no reference curve, kink or value is drawn or named, even from an older document that has them', () => {
  const examples = reluFigures(sampleResults.plots).filter((f) => f.id.startsWith('example-'));
  expect(examples).toHaveLength(2);
  for (const f of examples) {
    expect(f.svg?.markup).toContain('>yours</text>');
    expect(f.svg?.markup).not.toContain('reference');
    expect(f.caption).not.toMatch(/the reference/i);
    expect(f.caption).toContain('judged by its properties, not compared with any network');
  }
  expect(examples[1].caption).toContain('at least two kinks lie inside (-4, 4)');
  // on a stub there is no curve of the student's to draw: nothing is drawn, so no network is revealed
  const [stub] = reluFigures({
    examples: [{ id: 'nonlinearExample', title: 'N', student: null, studentKinks: null, error: 'not implemented: nonlinearExample' }],
    activations: [],
    training: null,
    deadMap: null,
  });
  expect(stub.svg).toBeNull();
  expect(stub.failure).toBe('your function failed: not implemented: nonlinearExample');
});

test('every figure says which network and which inputs or data it shows', () => {
  const plots = structuredClone(sampleResults.plots) as PlotsData;
  plots.training!.setup = 'a network with 1 input, 3 hidden ReLU units and 1 output (W1 = [[0.5]]), trained on the 5 samples x = [-2, -1, 0, 1, 2]';
  plots.deadMap!.setup = 'a network with 1 input, 4 hidden ReLU units and 1 output (W1 = [[1]]), on the 9 inputs x = [-4, -3, -2, -1, 0, 1, 2, 3, 4]';
  const byId = new Map(reluFigures(plots).map((f) => [f.id, f.caption]));
  expect(byId.get('example-linearExample')).toMatch(
    /^Your linearExample \(the network claims\.ts exports\) through your predict at \d+ points, x from -4 to 4\./,
  );
  expect(byId.get('activation-relu')).toMatch(
    /Your relu beside the reference relu, at \d+ points, z from -?\d+ to \d+ \(no network, no data set: the function alone\)/,
  );
  expect(byId.get('training-loss')).toContain(`both on ${plots.training!.setup}.`);
  expect(byId.get('dead-map')).toContain(`for ${plots.deadMap!.setup}.`);
  // an older document without the setup still says what the map is computed on
  const older = reluFigures(sampleResults.plots).find((f) => f.id === 'dead-map')!;
  expect(older.caption).toMatch(/for a fixed network and the \d+ inputs x = /);
});

test('collectPlots describes the training problem and the dead-unit map in words', () => {
  expect(collectPlotsSetup.training).toBe(
    'a network with 1 input, 3 hidden ReLU units and 1 output (W1 = [[0.5], [-0.5], [1]], b1 = [0.25, 0.5, -0.5], W2 = [[0.5, -0.25, 0.75]], b2 = [0]), ' +
      'trained on the 5 samples x = [-2, -1, 0, 1, 2] with targets y = [2, 0.5, 0, 0.5, 2], for 40 epochs at lr = 0.1',
  );
  expect(collectPlotsSetup.deadMap).toBe(
    'a network with 1 input, 4 hidden ReLU units and 1 output (W1 = [[1], [0.25], [-0.5], [-1]], b1 = [0, 2, -3, 0.5], W2 = [[1, 1, 1, 1]], b2 = [0]), ' +
      'on the 9 inputs x = [-4, -3, -2, -1, 0, 1, 2, 3, 4]',
  );
});

test('a sample at -0 is labelled -0 in the map, as in its caption', () => {
  const [map] = reluFigures({
    examples: [],
    activations: [],
    training: null,
    deadMap: { xs: [-0, 1], pattern: [[false], [true]], referencePattern: [[false], [true]], studentDead: [], referenceDead: [] },
  });
  expect(map.caption).toContain('x = -0, 1');
  expect(map.svg?.markup).toContain('>-0</text>');
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
