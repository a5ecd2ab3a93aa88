import { describe, expect, test } from 'vitest';
import { assignment } from '../course/assignment.ts';
import { loadTestManifest } from '../manifest/testing/testManifest.ts';
import type { SubmissionIdentity } from '../results/types.ts';
import { validateResults } from '../results/validateResults.ts';
import type { VisibleOutcome, VisibleRun } from './runVisibleTests.ts';
import type { GradedCatalog } from './gradedCatalog.ts';
import { NOT_RUN_HERE, visibleResults, type VisibleResultsInput } from './visibleResults.ts';

const manifest = await loadTestManifest();
const identity: SubmissionIdentity = { path: 'exercises', name: 'alice', contentHash: '0'.repeat(64), files: [], git: null };
const testFiles = Object.fromEntries(assignment.modules.map(({ name }) => name).map((m) => [m, `exercises/${m}.test.ts`]));

function outcome(file: string, path: string[], status: VisibleOutcome['status'], message: string | null = null): VisibleOutcome {
  return { test: { id: path.join('/'), file, path, line: 10 }, status, message, durationMs: 3 };
}

function input(run: VisibleRun | null): VisibleResultsInput {
  return {
    manifest,
    run: run ? { kind: 'ran', run } : { kind: 'failed', code: 'grader-failed', message: 'no worker' },
    testFiles,
    guide: { activations: 'exercises/README.md#1-activations' },
    identity,
    graderVersion: '0.1.0',
    diagnostics: [],
    compileMs: 5,
    gradedAt: new Date('2026-01-01T00:00:00Z'),
  };
}

const base: VisibleRun = {
  tests: [
    outcome('exercises/activations.test.ts', ['relu', 'passes positives'], 'passed'),
    outcome('exercises/activations.test.ts', ['relu', 'zeroes negatives'], 'passed'),
    outcome('exercises/activations.test.ts', ['reluGrad', 'is 0 at 0'], 'failed', 'expected 1 to be 0'),
    outcome('exercises/forward.test.ts', ['dense', 'computes W x + b'], 'timed-out', 'did not finish'),
  ],
  fileErrors: [{ file: 'exercises/backprop.test.ts', message: 'Transform failed: Unexpected "}"' }],
  unhandled: [],
  stopped: null,
  ms: 1200,
};

describe('visibleResults', () => {
  test("splits each task's points evenly over its visible tests, exactly", () => {
    const doc = visibleResults(input(base));
    const activations = doc.tests.filter((t) => t.task === 'activations');
    expect(activations.map((t) => t.possible)).toEqual([3.34, 3.33, 3.33]);
    expect(activations.map((t) => t.possible).reduce((a, b) => a + b, 0)).toBe(10);
    expect(doc.tasks.find((t) => t.id === 'activations')).toMatchObject({ earned: 6.67, possible: 10 });
    expect(doc.score.possible).toBe(100);
  });

  test('keeps statuses and messages, and names the test file and guide in the hint', () => {
    const doc = visibleResults(input(base));
    const failed = doc.tests.find((t) => t.name === 'reluGrad > is 0 at 0')!;
    expect(failed).toMatchObject({ status: 'failed', earned: 0, message: 'expected 1 to be 0', visibility: 'visible' });
    expect(failed.hint).toContain('exercises/activations.test.ts (line 10)');
    expect(failed.hint).toContain('exercises/README.md#1-activations');
    expect(doc.tests.find((t) => t.task === 'forward')!.status).toBe('timed-out');
  });

  test('a test file that could not run is one errored test worth its whole task', () => {
    const doc = visibleResults(input(base));
    const backprop = doc.tests.filter((t) => t.task === 'backprop');
    expect(backprop).toHaveLength(1);
    expect(backprop[0]).toMatchObject({ status: 'errored', possible: 25, message: 'Transform failed: Unexpected "}"' });
  });

  test('a task without any visible test still carries its points, as not run', () => {
    const doc = visibleResults(input(base));
    expect(doc.tests.filter((t) => t.task === 'training')).toEqual([expect.objectContaining({ status: 'not-run', possible: 10 })]);
  });

  test('gives every test a distinct id, even for tests with the same name', () => {
    const twice = { ...base, tests: [...base.tests, outcome('exercises/activations.test.ts', ['relu', 'passes positives'], 'passed')] };
    const ids = visibleResults(input(twice)).tests.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('a run stopped at the time limit is a deadline outcome; a worker that could not start a grader error', () => {
    expect(visibleResults(input({ ...base, stopped: { kind: 'deadline', message: 'stopped at the time limit' } })).outcome.kind).toBe('deadline');
    expect(visibleResults(input({ ...base, stopped: { kind: 'stalled', message: 'stalled' } })).outcome.kind).toBe('graded');
    const failed = visibleResults(input(null));
    expect(failed.outcome).toEqual({ kind: 'grader-error', code: 'grader-failed', message: 'no worker' });
    expect(failed.score).toEqual({ earned: 0, possible: 100 });
  });

  describe('with the graded catalog the starter carries', () => {
    const catalog: GradedCatalog = {
      format: 1,
      checks: [
        { task: 'activations', visibility: 'visible', points: 6 },
        { task: 'activations', visibility: 'hidden', points: 4 },
        { task: 'claims', visibility: 'after_due_date', points: 0.8 },
        { task: 'claims', visibility: 'after_due_date', points: 0.7 },
      ],
    };
    const doc = visibleResults({ ...input(base), catalog });

    test('the visible tests share only the points of the checks students see', () => {
      expect(doc.tests.filter((t) => t.task === 'activations' && t.visibility === 'visible').map((t) => t.possible)).toEqual([2, 2, 2]);
      expect(doc.score.possible).toBe(100);
      expect(doc.suite).toBe('visible');
    });

    test('the withheld checks are counted as not run here, with their visibility and points, and no name of theirs', () => {
      const withheld = doc.tests.filter((t) => t.visibility !== 'visible');
      expect(withheld.map((t) => [t.id, t.status, t.visibility, t.possible, t.message])).toEqual([
        ['activations.withheld-1', 'not-run', 'hidden', 4, NOT_RUN_HERE],
        ['claims.withheld-1', 'not-run', 'after_due_date', 0.8, NOT_RUN_HERE],
        ['claims.withheld-2', 'not-run', 'after_due_date', 0.7, NOT_RUN_HERE],
      ]);
      expect(() => validateResults(JSON.parse(JSON.stringify(doc)))).not.toThrow();
    });
  });

  test('produces documents valid against the published results schema', () => {
    expect(() => validateResults(JSON.parse(JSON.stringify(visibleResults(input(base)))))).not.toThrow();
    expect(() => validateResults(JSON.parse(JSON.stringify(visibleResults(input(null)))))).not.toThrow();
  });
});
