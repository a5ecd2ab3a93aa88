import { describe, expect, test, vi } from 'vitest';
import type { ResultsDocument, TestResult, Visibility } from '../results/types.ts';
import { buildReportView, type ReportViewOptions } from './buildReportView.ts';
import { sampleAssignment, sampleResults } from './fixtures/sample-results.ts';
import { renderReports } from './renderReports.ts';

const DEADLINE = new Date('2026-12-01T23:59:00Z');
const BEFORE = new Date('2026-11-27T00:00:00Z');
const AFTER = new Date('2026-12-02T08:00:00Z');

const student = (extra: Partial<ReportViewOptions> = {}): ReportViewOptions => ({
  audience: 'student',
  now: BEFORE,
  deadline: DEADLINE,
  assignment: sampleAssignment,
  ...extra,
});
const instructor: ReportViewOptions = { audience: 'instructor', now: BEFORE, deadline: DEADLINE, assignment: sampleAssignment };

const shownIds = (view: ReturnType<typeof buildReportView>): string[] =>
  view.tasks.flatMap((t) => [...t.failing.map((f) => f.id), ...t.passed.map((p) => p.id)]).sort();
const idsWith = (doc: ResultsDocument, ...vis: Visibility[]): string[] =>
  doc.tests
    .filter((t) => vis.includes(t.visibility))
    .map((t) => t.id)
    .sort();

/** A small document: `n` tests per visibility, each worth 2 points, outcomes chosen per test. */
function doc(tests: Partial<TestResult>[]): ResultsDocument {
  const full: TestResult[] = tests.map((t, i) => ({
    id: `signs.t${i}`,
    name: `check ${i}`,
    task: 'signs',
    status: 'passed',
    earned: t.status && t.status !== 'passed' ? 0 : 2,
    possible: 2,
    visibility: 'visible',
    hint: '',
    durationMs: 1,
    ...t,
  }));
  const earned = full.reduce((a, t) => a + t.earned, 0);
  const possible = full.reduce((a, t) => a + t.possible, 0);
  return {
    ...sampleResults,
    plots: undefined,
    diagnostics: [],
    score: { earned, possible },
    tasks: [{ id: 'signs', title: 'Signs', earned, possible, file: 'exercises/signs.ts' }],
    tests: full,
  };
}

describe('visibility', () => {
  test('a student before the deadline sees only visible tests; the rest only as counts and points', () => {
    const view = buildReportView(sampleResults, student());
    expect(shownIds(view)).toEqual(idsWith(sampleResults, 'visible'));
    expect(view.withheld.map((g) => [g.visibility, g.count, g.points])).toEqual([
      ['hidden', 5, 20],
      ['after_due_date', 2, 8],
      ['after_published', 1, 3],
    ]);
  });

  test('after the deadline, after_due_date tests are shown too', () => {
    const view = buildReportView(sampleResults, student({ now: AFTER }));
    expect(shownIds(view)).toEqual(idsWith(sampleResults, 'visible', 'after_due_date'));
    expect(view.withheld.map((g) => g.visibility)).toEqual(['hidden', 'after_published']);
  });

  test('exactly at the deadline they are not yet shown', () => {
    expect(shownIds(buildReportView(sampleResults, student({ now: DEADLINE })))).toEqual(idsWith(sampleResults, 'visible'));
  });

  test('without a known deadline, after_due_date tests stay withheld', () => {
    expect(shownIds(buildReportView(sampleResults, student({ now: AFTER, deadline: null })))).toEqual(idsWith(sampleResults, 'visible'));
  });

  test('published grades show after_published tests', () => {
    const view = buildReportView(sampleResults, student({ published: true }));
    expect(shownIds(view)).toEqual(idsWith(sampleResults, 'visible', 'after_published'));
  });

  test('after the deadline and published, only hidden tests remain withheld', () => {
    const view = buildReportView(sampleResults, student({ now: AFTER, published: true }));
    expect(shownIds(view)).toEqual(idsWith(sampleResults, 'visible', 'after_due_date', 'after_published'));
    expect(view.withheld.map((g) => g.visibility)).toEqual(['hidden']);
  });

  test('instructors see every test, with who may see it, and the final total', () => {
    const view = buildReportView(sampleResults, instructor);
    expect(shownIds(view)).toEqual(sampleResults.tests.map((t) => t.id).sort());
    expect(view.withheld).toEqual([]);
    expect(view.score).toMatchObject({ kind: 'final', earned: sampleResults.score.earned, possible: sampleResults.score.possible });
    const secret = view.tasks.flatMap((t) => t.failing).find((f) => f.id === 'lookups.duplicates');
    expect(secret?.visibilityNote).toBe('hidden from students');
    expect(view.instructor?.seed).toBe(sampleResults.seed);
    expect(view.commitLine).toContain('ada@example.org');
  });
});

describe('scores a student sees', () => {
  test('with tests withheld: the visible points, and a note that the total comes later', () => {
    const view = buildReportView(sampleResults, student());
    const visible = sampleResults.tests.filter((t) => t.visibility === 'visible');
    expect(view.score.kind).toBe('partial');
    expect(view.score.earned).toBe(visible.reduce((a, t) => a + t.earned, 0));
    expect(view.score.possible).toBe(visible.reduce((a, t) => a + t.possible, 0));
    expect(view.score.text).toContain('on visible tests');
    expect(view.score.note).toMatch(/total is shown once every test is visible/);
    expect(view.commitLine).not.toContain('@');
  });

  test('per task, only the shown tests count, and the withheld points are named as such', () => {
    const view = buildReportView(sampleResults, student());
    const signs = view.tasks.find((t) => t.id === 'signs')!;
    expect([signs.earned, signs.possible]).toEqual([4, 8]);
    expect(signs.withheldNote).toBe('+ 2 points in 1 hidden test');
  });

  test('the outcome of a withheld test changes nothing a student can read', () => {
    const pass = doc([{}, { visibility: 'hidden' }, { visibility: 'after_due_date' }]);
    const fail = doc([
      {},
      { visibility: 'hidden', status: 'failed', message: 'nope', observed: { actual: 1, expected: 0 } },
      { visibility: 'after_due_date', status: 'timed-out' },
    ]);
    const a = renderReports(pass, student());
    const b = renderReports(fail, student());
    expect(b.html).toBe(a.html);
    expect(b.markdown).toBe(a.markdown);
    expect(b.terminal).toBe(a.terminal);
  });
});

describe('the summary never says every test passed while tests are withheld', () => {
  const allVisiblePass = doc([{}, {}, { visibility: 'hidden', status: 'failed' }, { visibility: 'after_due_date', status: 'failed' }]);

  test('it speaks of visible tests and says what is to come', () => {
    const view = buildReportView(allVisiblePass, student());
    expect(view.summary).toMatch(/^All 2 visible tests passed; 2 hidden tests \(4 points\) are not shown yet\.$/);
    expect(view.withheldBreakdown.map((g) => g.text)).toEqual([
      '1 hidden test (2 points) counts toward your grade but is not shown',
      '1 hidden test (2 points) is shown after the deadline (2026-12-01 23:59 UTC)',
    ]);
  });

  test('with one kind of withheld test the sentence names it', () => {
    const view = buildReportView(doc([{}, { visibility: 'after_due_date' }]), student());
    expect(view.summary).toBe('All 1 visible test passed; 1 hidden test (2 points) is shown after the deadline (2026-12-01 23:59 UTC).');
  });

  test('in every combination of audience, time and publication', () => {
    for (const opts of [
      student(),
      student({ now: AFTER }),
      student({ published: true }),
      student({ now: AFTER, published: true }),
      student({ deadline: null }),
      instructor,
    ]) {
      const view = buildReportView(allVisiblePass, opts);
      const r = renderReports(allVisiblePass, opts);
      for (const text of [view.summary, r.markdown, r.terminal, r.html]) {
        if (view.withheld.length > 0) expect(text).not.toMatch(/all \d+ tests passed/i);
        expect(text).not.toMatch(/all tests passed/i);
      }
    }
  });

  test('when nothing is withheld and all passed, it says so plainly', () => {
    expect(buildReportView(doc([{}, {}]), student()).summary).toBe('All 2 tests passed.');
    expect(buildReportView(doc([{}, { status: 'failed' }]), instructor).summary).toBe('1 of 2 tests did not pass.');
  });
});

describe('no withheld test leaks into a student report', () => {
  const strings = (t: TestResult): string[] => [t.name, t.id, ...(t.message ? [t.message] : [])];
  const visible = new Set(sampleResults.tests.filter((t) => t.visibility === 'visible').flatMap(strings));
  // (a message shared with a visible test, like "did not compile", is not a secret)
  const secrets = sampleResults.tests
    .filter((t) => t.visibility !== 'visible')
    .flatMap(strings)
    .filter((s) => !visible.has(s));

  test('not its name, id or message, in HTML, Markdown or terminal text', () => {
    expect(secrets.length).toBeGreaterThan(10);
    const r = renderReports(sampleResults, student());
    for (const secret of secrets) {
      expect(r.html).not.toContain(secret);
      expect(r.markdown).not.toContain(secret);
      expect(r.terminal).not.toContain(secret);
    }
    expect(r.html).not.toContain('SECRET');
    expect(r.markdown).not.toContain('SECRET');
  });

  test('instructors do see them', () => {
    const r = renderReports(sampleResults, instructor);
    expect(r.html).toContain('SECRET-duplicate keys are found');
    expect(r.markdown).toContain('SECRET-MESSAGE-duplicates returned \\[1\\]');
  });
});

describe('failing tests', () => {
  const view = buildReportView(sampleResults, student());
  const failing = view.tasks.flatMap((t) => t.failing);
  const byId = (id: string) => failing.find((f) => f.id === id)!;

  test('show the value beside the expected one, rounded', () => {
    expect(byId('signs.sign-at-zero').comparison).toEqual({ actual: '1', expected: '0', actualLabel: 'yours', expectedLabel: 'expected' });
    expect(byId('answers.sorted-example').comparison?.expected).toBe('{ sorted: true, duplicates: [], length: 5 }');
  });

  test('carry a paste-able replay of the counterexample', () => {
    const replay = byId('signs.sign-property').replay!;
    expect(replay.snippet).toContain('// replay: seed 123, path "4:1"');
    expect(replay.snippet).toContain('const result = sign(0);');
    expect(replay.isTest).toBe(true);
  });

  test("replay a check of fixed calls from the call it recorded, and label values that are both the student's", () => {
    const doc = structuredClone(sampleResults);
    const at = doc.tests.find((t) => t.id === 'signs.sign-at-zero')!;
    at.observed = { actual: 1, expected: 0, call: { module: 'signs', name: 'sign', args: [0] }, actualLabel: 'your sign', expectedLabel: 'your other sign' };
    const shown = buildReportView(doc, student())
      .tasks.flatMap((t) => t.failing)
      .find((f) => f.id === 'signs.sign-at-zero')!;
    expect(shown.counterexample).toBeNull();
    expect(shown.replay?.snippet).toContain('sign(0)');
    expect(shown.comparison).toMatchObject({ actualLabel: 'your sign', expectedLabel: 'your other sign' });
  });

  test("link hints to the assignment's guide relative from reports/<name>/", () => {
    const link = byId('lookups.missing-keys').hint.find((s) => s.kind === 'link');
    expect(link?.href).toBe('../../docs/guide.md#missing-keys');
    expect(view.guide).toEqual({ path: 'docs/guide.md', href: '../../docs/guide.md' });
  });

  test('without a guide, hints are text and no guide is named', () => {
    const plain = buildReportView(sampleResults, student({ assignment: { ...sampleAssignment, guidePath: undefined } }));
    expect(plain.guide).toBeNull();
    expect(
      plain.tasks
        .flatMap((t) => t.failing)
        .flatMap((f) => f.hint)
        .every((s) => s.kind === 'text'),
    ).toBe(true);
  });

  test('label timed-out and not-run tests', () => {
    expect(byId('steps.run')).toMatchObject({ status: 'timed-out', statusLabel: 'timed out', durationText: '2.0 s' });
    expect(byId('tables.sum-rows').statusLabel).toBe('not run');
  });

  test('compile errors come with file:line:col, in order', () => {
    expect(view.diagnostics.map((d) => d.location)).toEqual(['exercises/tables.ts:42:17', 'exercises/tables.ts:57:3']);
  });
});

describe("the assignment's report hooks", () => {
  test("give the figures and the insights from the document's plots, between the report's own insights", () => {
    const view = buildReportView(sampleResults, student());
    expect(view.figures.map((f) => f.id)).toEqual(['growth']);
    expect(view.insights.map((i) => i.id)).toEqual(['compile', 'growth-too-fast', 'timed-out']);
  });

  test('are not asked for figures without plots, and an assignment without hooks adds nothing', () => {
    const figures = vi.fn(() => []);
    const view = buildReportView({ ...sampleResults, plots: undefined }, student({ assignment: { ...sampleAssignment, report: { figures } } }));
    expect(figures).not.toHaveBeenCalled();
    expect(view.figures).toEqual([]);
    const bare = buildReportView(sampleResults, student({ assignment: { ...sampleAssignment, report: undefined } }));
    expect(bare.figures).toEqual([]);
    expect(bare.insights.map((i) => i.id)).toEqual(['compile', 'timed-out']);
  });
});

describe('outcomes', () => {
  test('a grader error is said plainly at the top', () => {
    const view = buildReportView(
      { ...doc([]), outcome: { kind: 'grader-error', code: 'sandbox-unavailable', message: 'The sandbox did not start.' } },
      student(),
    );
    expect(view.banner).toMatchObject({ kind: 'grader-error', title: 'relu-lab could not grade this submission (sandbox-unavailable)' });
    expect(view.banner?.message).toContain('The sandbox did not start.');
    expect(view.summary).toMatch(/could not grade/);
  });

  test('a deadline stop is said plainly too', () => {
    const view = buildReportView({ ...doc([{}]), outcome: { kind: 'deadline', message: 'Grading took longer than 120 s.' } }, student());
    expect(view.banner).toMatchObject({ kind: 'deadline', title: 'Grading stopped at the time limit' });
    expect(view.summary).toMatch(/^Grading stopped at the time limit\. All 1 test passed\.$/);
  });

  test('is pure: the same input gives the same view', () => {
    expect(JSON.stringify(buildReportView(sampleResults, student()))).toBe(JSON.stringify(buildReportView(sampleResults, student())));
  });
});
