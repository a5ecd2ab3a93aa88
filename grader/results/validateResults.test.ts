import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { isReluLabError } from '../core/errors.ts';
import { schemaPath } from './schemaValidator.ts';
import type { ResultsDocument, TestStatus, Visibility } from './types.ts';
import { validateResults } from './validateResults.ts';

/** What an assignment's hidden face might collect for its own report: the schema knows only that it is an object. */
const plots = {
  curves: {
    student: [
      [-4, 0],
      [0, 0],
      [4, 4],
    ],
    reference: [
      [-4, 0],
      [4, 4],
    ],
  },
  notes: ['drawn by the assignment'],
};

/** A document as the grader writes it: typed, so tsc keeps this test (and so the schema) in step with types.ts. */
function realistic(): ResultsDocument {
  return {
    schemaVersion: 1,
    grader: { name: 'relu-lab', version: '0.1.0' },
    submission: {
      path: 'grader/fixtures/submissions/alice',
      name: 'alice',
      contentHash: 'a'.repeat(64),
      files: ['sums.ts', 'parsing.ts', 'types.ts'],
      git: {
        commit: '0123456789abcdef0123456789abcdef01234567',
        author: 'Alice Example',
        email: 'alice@example.org',
        date: '2026-11-20T10:15:00+01:00',
        branch: 'main',
        dirty: false,
      },
    },
    gradedAt: '2026-11-26T22:17:27.123Z',
    seed: 20261126,
    numRuns: 100,
    outcome: { kind: 'graded' },
    diagnostics: [{ file: 'parsing.ts', line: 12, column: 5, message: "Type 'string' is not assignable to type 'number'." }],
    timings: { compileMs: 8.5, testsMs: 310, totalMs: 342 },
    score: { earned: 12.5, possible: 25 },
    tasks: [
      { id: 'sums', title: 'Sums of lists', earned: 10, possible: 10, file: 'exercises/sums.ts' },
      { id: 'parsing', title: 'Parsing numbers', earned: 2.5, possible: 15, file: 'exercises/parsing.ts' },
    ],
    tests: [
      {
        id: 'sums.empty-is-zero',
        name: 'sum([]) is 0',
        task: 'sums',
        status: 'passed',
        earned: 10,
        possible: 10,
        visibility: 'visible',
        hint: 'The sum of no numbers is the identity of addition.',
        durationMs: 1.2,
      },
      {
        id: 'parsing.round-trip',
        name: 'parse(format(x)) is x for every finite x',
        task: 'parsing',
        status: 'failed',
        earned: 2.5,
        possible: 15,
        visibility: 'after_due_date',
        message: 'parse("-0.5") returned 0.5',
        observed: { actual: { value: 0.5 }, expected: { value: -0.5 } },
        counterexample: {
          seed: 42,
          path: '74:1',
          value: '[{"digits":[5],"sign":-1,"exponent":-1}]',
          replay: 'fc.assert(prop, { seed: 42, path: "74:1", endOnFailure: true })',
        },
        hint: 'Read the sign before the digits.',
        durationMs: 120,
      },
    ],
    plots,
  };
}

function problemsOf(doc: unknown): string[] {
  try {
    validateResults(doc);
  } catch (e) {
    if (isReluLabError(e, 'results-invalid'))
      return e.message
        .split('\n')
        .slice(1, -1)
        .map((l) => l.trim());
    throw e;
  }
  return [];
}

/** A copy of the realistic document, changed by `change` (which may break its type on purpose, through `loose`). */
function broken(change: (d: ResultsDocument) => void): unknown {
  const d = structuredClone(realistic());
  change(d);
  return d;
}

/** `o` as a bag of properties, to give it one its type does not allow. */
const loose = (o: object): Record<string, unknown> => o as Record<string, unknown>;

describe('validateResults', () => {
  it('accepts a realistic document and returns it', () => {
    const doc = realistic();
    expect(validateResults(doc)).toBe(doc);
  });

  it('accepts it after a trip through JSON, as it is read back', () => {
    expect(problemsOf(JSON.parse(JSON.stringify(realistic())))).toEqual([]);
  });

  it('accepts a grader error with no git, no plots and nothing graded', () => {
    const doc: ResultsDocument = {
      ...realistic(),
      submission: { ...realistic().submission, git: null, files: [] },
      outcome: { kind: 'grader-error', code: 'sandbox-unavailable', message: 'The sandbox did not start.' },
      diagnostics: [],
      score: { earned: 0, possible: 100 },
      tasks: [],
      tests: [],
      plots: undefined,
    };
    expect(problemsOf(JSON.parse(JSON.stringify(doc)))).toEqual([]);
  });

  it('accepts every status and visibility of types.ts', () => {
    const statuses: TestStatus[] = ['passed', 'failed', 'errored', 'timed-out', 'not-run'];
    const visibilities: Visibility[] = ['visible', 'hidden', 'after_due_date', 'after_published'];
    for (const status of statuses)
      for (const visibility of visibilities) {
        expect(problemsOf(broken((d) => Object.assign(d.tests[0], { status, visibility })))).toEqual([]);
      }
  });

  it('lets observed values be anything JSON holds, or absent', () => {
    expect(problemsOf(broken((d) => (d.tests[1].observed = { actual: undefined, expected: [1, null, 'x'] })))).toEqual([]);
    expect(problemsOf(broken((d) => (loose(d.tests[1]).observed = {})))).toEqual([]);
  });

  it('lets plots be any JSON object: only its assignment reads it, and checks it first', () => {
    expect(problemsOf(broken((d) => (d.plots = { training: { student: [0.5, null] }, deep: [[[{ x: 'y' }]]] })))).toEqual([]);
    expect(problemsOf(broken((d) => (d.plots = {})))).toEqual([]);
  });

  it('rejects an unknown status, naming the path and the allowed values', () => {
    expect(problemsOf(broken((d) => (loose(d.tests[1]).status = 'skipped')))).toEqual([
      '/tests/1/status: must be one of "passed", "failed", "errored", "timed-out", "not-run"',
    ]);
  });

  it('rejects a missing score', () => {
    expect(problemsOf(broken((d) => delete loose(d).score))).toEqual(["/: missing required property 'score'"]);
  });

  it('rejects a field types.ts does not have', () => {
    expect(problemsOf(broken((d) => (loose(d.tests[0]).points = 3)))).toEqual(["/tests/0: unknown property 'points' (remove it or check its spelling)"]);
    expect(problemsOf(broken((d) => (loose(d.submission.git!).hash = 'x')))).toEqual([
      "/submission/git: unknown property 'hash' (remove it or check its spelling)",
    ]);
  });

  it('rejects NaN and negative points and a malformed outcome', () => {
    const problems = problemsOf(
      broken((d) => {
        d.score.earned = Number.NaN;
        d.tasks[0].possible = -1;
        loose(d).outcome = { kind: 'grader-error', message: 'x' };
        d.gradedAt = 'yesterday';
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        '/score/earned: must be number',
        '/tasks/0/possible: must be >= 0',
        "/outcome: missing required property 'code'",
        '/gradedAt: must be an ISO 8601 date-time with a time zone, e.g. 2026-12-01T23:59:00Z',
      ]),
    );
  });

  it('rejects plots that are not an object', () => {
    expect(problemsOf(broken((d) => (d.plots = [1, 2])))).toEqual(['/plots: must be object']);
    expect(problemsOf(broken((d) => (d.plots = 'picture')))).toEqual(['/plots: must be object']);
  });

  it('rejects what a schema cannot see: more earned than possible, repeated ids, unknown tasks', () => {
    const problems = problemsOf(
      broken((d) => {
        d.tests[0].earned = 11;
        d.tests[1].id = d.tests[0].id;
        d.tests[1].task = 'sorting';
      }),
    );
    expect(problems).toEqual([
      '/tests/0: earned 11 is more than possible 10',
      '/tests/1/id: "sums.empty-is-zero" is used by an earlier test; test ids must be unique',
      '/tests/1/task: "sorting" is not the id of any entry in /tasks',
    ]);
    expect(problemsOf(broken((d) => (d.outcome = { kind: 'grader-error', code: 'internal', message: 'x' })))).toEqual([
      '/score/earned: must be 0 when /outcome/kind is "grader-error"',
    ]);
  });

  it('says how to fix the problem', () => {
    expect(() => validateResults({})).toThrow(/fix it there/);
  });
});

describe('results.schema.json', () => {
  it('requires every required key of ResultsDocument, and allows only its keys (plots and suite are optional)', async () => {
    const schema = JSON.parse(await readFile(schemaPath('results'), 'utf8'));
    // a Record over the type's keys: tsc fails here when a key is added to or removed from ResultsDocument
    const required: Record<Exclude<keyof ResultsDocument, 'plots' | 'suite'>, true> = {
      schemaVersion: true,
      grader: true,
      submission: true,
      gradedAt: true,
      seed: true,
      numRuns: true,
      outcome: true,
      diagnostics: true,
      timings: true,
      score: true,
      tasks: true,
      tests: true,
    };
    expect([...schema.required].sort()).toEqual(Object.keys(required).sort());
    expect(Object.keys(schema.properties).sort()).toEqual([...Object.keys(required), 'plots', 'suite'].sort());
    expect(schema.additionalProperties).toBe(false);
  });
});
