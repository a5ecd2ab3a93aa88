// Checked against PrairieLearn's external grading documentation
// (https://docs.prairielearn.com/externalGrading/, "Grading results"):
// gradable, score in [0, 1], message, output, format_errors, images as
// { label, url } with data URLs, tests with points and max_points; results
// over 1 MB are refused; `gradable: false` charges no attempt.
import { describe, expect, test } from 'vitest';
import { sampleAssignment, sampleResults } from '../report/fixtures/sample-results.ts';
import type { ResultsDocument } from '../results/types.ts';
import { PRAIRIELEARN, shapeProblems } from './platformShapes.testHelper.ts';
import { PRAIRIELEARN_MAX_BYTES, prairieLearnFailure, prairieLearnResults } from './prairielearn.ts';

/** The sample with every file compiled. */
const compiled: ResultsDocument = { ...sampleResults, diagnostics: [] };
const figures = sampleAssignment.report!.figures!(sampleResults.plots);

describe('PrairieLearn results', () => {
  test('has the documented shape, with the score as a fraction', () => {
    const out = prairieLearnResults(compiled);
    expect(shapeProblems(PRAIRIELEARN, out)).toEqual([]);
    expect(out.gradable).toBe(true);
    expect(out.score).toBeCloseTo(compiled.score.earned / compiled.score.possible, 9);
    expect(out.tests.map((t) => t.max_points)).toEqual(compiled.tests.map((t) => t.possible));
  });

  test('code that does not compile is not gradable, so the attempt is not charged, and says where', () => {
    const out = prairieLearnResults(sampleResults);
    expect(shapeProblems(PRAIRIELEARN, out)).toEqual([]);
    expect(out).toMatchObject({ gradable: false, score: 0, tests: [] });
    expect(out.format_errors).toEqual(sampleResults.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`));
    expect(out.message).toContain('exercises/tables.ts did not compile');
  });

  test('a grading error is not gradable either, and shows no stack trace', () => {
    const crashed: ResultsDocument = {
      ...compiled,
      outcome: { kind: 'grader-error', code: 'grader-failed', message: 'the worker died\n    at run (/grade/relu-lab/grader/engine/Grader.ts:1:1)' },
      score: { earned: 0, possible: 100 },
    };
    const out = prairieLearnResults(crashed);
    expect(out).toMatchObject({ gradable: false, message: expect.stringContaining('the worker died') });
    expect(JSON.stringify(out)).not.toContain('Grader.ts');
    expect(shapeProblems(PRAIRIELEARN, prairieLearnFailure('x'))).toEqual([]);
  });

  test("the assignment's pictures are images: the figure's title as label, the SVG as a base64 data URL", () => {
    expect(figures.some((f) => f.svg)).toBe(true);
    const out = prairieLearnResults(compiled, { figures });
    expect(shapeProblems(PRAIRIELEARN, out)).toEqual([]);
    const drawn = figures.filter((f) => f.svg);
    expect(out.images).toHaveLength(drawn.length);
    out.images!.forEach((image, i) => {
      expect(image.label).toBe(drawn[i].title);
      expect(image.url).toMatch(/^data:image\/svg\+xml;base64,[A-Za-z0-9+/]+=*$/);
      expect(Buffer.from(image.url.split(',')[1], 'base64').toString('utf8')).toBe(drawn[i].svg!.toString());
    });
    expect(prairieLearnResults(compiled)).not.toHaveProperty('images');
  });

  test('stays under 1 MB however long the feedback, dropping pictures before the score', () => {
    const huge = 'x'.repeat(200_000);
    const doc: ResultsDocument = {
      ...compiled,
      tests: compiled.tests.map((t) => ({ ...t, status: 'failed', earned: 0, message: huge, observed: { actual: huge, expected: 1 } })),
    };
    const text = JSON.stringify(prairieLearnResults(doc, { figures }));
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(PRAIRIELEARN_MAX_BYTES);
    expect(shapeProblems(PRAIRIELEARN, JSON.parse(text))).toEqual([]);
    expect(JSON.parse(text).gradable).toBe(true);
  });
});
