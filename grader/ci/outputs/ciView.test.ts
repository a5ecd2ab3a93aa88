import { describe, expect, test } from 'vitest';
import { sampleDoc, sampleView } from '../testing/sampleView.ts';
import { ciView } from './ciView.ts';

describe('ciView', () => {
  test("places each shown test at its function's export line in the student's file", () => {
    const view = sampleView();
    expect(view.shown.map((t) => [t.test.id, t.file, t.line, t.fn])).toEqual([
      ['activations.relu', 'exercises/activations.ts', 2, 'relu'],
      ['activations.relu-grad', 'exercises/activations.ts', 6, 'reluGrad'],
      ['backprop.backward', 'exercises/backprop.ts', 3, 'backward'],
    ]);
  });

  test('only counts the tests withheld from students, and scores the shown ones', () => {
    const view = sampleView();
    expect(view.shown.some((t) => t.test.id === 'backprop.secret')).toBe(false);
    expect(view.withheld.count).toBe(1);
    expect(view.score.possible).toBeCloseTo(4 + 6 * (4 / 6), 4);
  });

  test('shows an instructor every test', () => {
    const doc = sampleDoc();
    const view = ciView({
      doc,
      mode: { kind: 'visible' },
      functionOf: () => null,
      submissionPath: 'exercises',
      sources: {},
      now: new Date(),
      deadline: null,
      audience: 'instructor',
    });
    expect(view.shown).toHaveLength(doc.tests.length);
    expect(view.withheld.count).toBe(0);
    expect(view.score).toEqual(doc.score);
  });

  test("weighs tests by their task's points", () => {
    const backward = sampleView().shown.find((t) => t.test.id === 'backprop.backward')!;
    expect(backward.possible).toBe(4);
  });

  test("without withheld tests the score is the document's", () => {
    const doc = sampleDoc();
    doc.tests = doc.tests.filter((t) => t.visibility === 'visible');
    expect(sampleView({ kind: 'visible' }, doc).score).toEqual(doc.score);
  });

  test('falls back to an exported name the test mentions when the mode names none', () => {
    const doc = sampleDoc();
    doc.tests[0] = { ...doc.tests[0], id: 'activations.other', name: 'the discussion, through reluGrad' };
    expect(sampleView({ kind: 'visible' }, doc).shown[0]).toMatchObject({ fn: 'reluGrad', line: 6 });
  });
});
