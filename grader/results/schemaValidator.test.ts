import { describe, expect, it } from 'vitest';
import { schemaValidator } from './schemaValidator.ts';

const gitOf = (git: unknown) => ({
  schemaVersion: 1,
  grader: { name: 'relu-lab', version: '1' },
  submission: { path: 'p', name: 'n', contentHash: 'f'.repeat(64), files: [], git },
  gradedAt: '2026-11-26T22:00:00Z',
  seed: 0,
  numRuns: 1,
  outcome: { kind: 'graded' },
  diagnostics: [],
  timings: { compileMs: 0, testsMs: 0, totalMs: 0 },
  score: { earned: 0, possible: 0 },
  tasks: [],
  tests: [],
});

describe('schemaValidator', () => {
  it('returns no problems for valid data and the same answer on every call', () => {
    const check = schemaValidator('results');
    expect(check(gitOf(null))).toEqual([]);
    expect(schemaValidator('results')(gitOf(null))).toEqual([]);
  });

  it('knows date-times with a time zone, and only those', () => {
    const check = schemaValidator('results');
    const at = (gradedAt: string) => check({ ...gitOf(null), gradedAt });
    for (const ok of ['2026-11-26T22:00:00Z', '2026-11-26T22:00:00.5+01:00', '2026-11-26t22:00:00z']) expect(at(ok)).toEqual([]);
    for (const bad of ['2026-11-26', '2026-11-26T22:00:00', '2026-13-45T99:00:00Z', 'now']) {
      expect(at(bad)).toEqual(['/gradedAt: must be an ISO 8601 date-time with a time zone, e.g. 2026-12-01T23:59:00Z']);
    }
  });

  it('reports a broken nullable value by its own errors, without "must be null" noise', () => {
    const problems = schemaValidator('results')(gitOf({ commit: 'xyz', author: 'a', email: 'e', date: '2026-11-26T22:00:00Z', branch: null }));
    expect(problems).toEqual([
      "/submission/git: missing required property 'dirty'",
      '/submission/git/commit: must match pattern "^[0-9a-f]{40}([0-9a-f]{24})?$"',
    ]);
  });

  it('says a nullable value of the wrong type may also be null', () => {
    expect(schemaValidator('results')(gitOf(5))).toEqual(['/submission/git: must be object or null']);
  });

  it('names the allowed values of a tagged union', () => {
    expect(schemaValidator('results')({ ...gitOf(null), outcome: { kind: 'crashed' } })).toEqual([
      '/outcome: kind must be one of "graded", "deadline", "grader-error"',
    ]);
  });
});
