import { describe, expect, test } from 'vitest';
import type { TestCase } from 'vitest/node';
import { GradingFailure } from '../harness/GradingFailure.ts';
import { HiddenRunReporter } from './HiddenRunReporter.ts';

/** A stand-in for Vitest's TestCase with what the reporter reads. */
function testCase(name: string, state: 'passed' | 'failed' | 'skipped', error?: Record<string, unknown>): TestCase {
  return {
    name,
    parent: { type: 'suite', name: 'job-1' },
    meta: () => ({}),
    result: () => ({ state, errors: error ? [error] : [] }),
    diagnostic: () => ({ duration: 12.4 }),
  } as unknown as TestCase;
}

/** What Vitest hands the main process: the error's own properties, serialised. */
const serialised = (e: Error) => JSON.parse(JSON.stringify({ ...e, message: e.message, name: e.name }));

describe('HiddenRunReporter', () => {
  test('reads status, message, observed values and counterexample from our failures', () => {
    const r = new HiddenRunReporter();
    const failure = new GradingFailure('relu(-1) returned -1, expected 0', {
      status: 'failed',
      observed: { actual: -1, expected: 0 },
      counterexample: { seed: 1, path: '0', value: '-1', replay: 'fc.assert(…)' },
    });
    r.onTestCaseResult(testCase('activations.relu-matches-reference', 'failed', serialised(failure)));
    r.onTestCaseResult(testCase('activations.relu-grad-at-zero', 'passed'));
    expect(r.job('job-1').tests.get('activations.relu-matches-reference')).toEqual({
      status: 'failed',
      message: 'relu(-1) returned -1, expected 0',
      observed: { actual: -1, expected: 0 },
      counterexample: { seed: 1, path: '0', value: '-1', replay: 'fc.assert(…)' },
      durationMs: 12,
    });
    expect(r.job('job-1').tests.get('activations.relu-grad-at-zero')).toEqual({ status: 'passed', durationMs: 12 });
  });

  test('an error that is not ours counts against the grader, not as a pass', () => {
    const r = new HiddenRunReporter();
    r.onTestCaseResult(testCase('x.y', 'failed', { message: '\u001b[31mTypeError\u001b[39m: boom' }));
    expect(r.job('job-1').tests.get('x.y')).toMatchObject({ status: 'errored', message: 'the grader could not complete this check: TypeError: boom' });
  });

  test('skipped tests are not recorded (they become not-run)', () => {
    const r = new HiddenRunReporter();
    r.onTestCaseResult(testCase('x.y', 'skipped'));
    expect(r.job('job-1').tests.size).toBe(0);
  });

  test('a deadline marker makes the check not-run and flags the submission', () => {
    const r = new HiddenRunReporter();
    const failure = new GradingFailure('not run: the deadline had passed', { status: 'errored', deadline: true });
    r.onTestCaseResult(testCase('x.y', 'failed', serialised(failure)));
    expect(r.job('job-1').tests.get('x.y')).toMatchObject({ status: 'not-run' });
    expect(r.job('job-1').deadlinePassed).toBe(true);
  });

  test('reset forgets the previous run', () => {
    const r = new HiddenRunReporter();
    r.onTestCaseResult(testCase('x.y', 'passed'));
    r.moduleErrors.push('m');
    r.reset();
    expect(r.job('job-1').tests.size).toBe(0);
    expect(r.moduleErrors).toEqual([]);
  });

  test("says when a submission's describe block has ended", () => {
    const r = new HiddenRunReporter();
    const ended: string[] = [];
    r.onJobEnd = (id) => ended.push(id);
    r.onTestSuiteResult({ name: 'job-7' } as unknown as Parameters<HiddenRunReporter['onTestSuiteResult']>[0]);
    expect(ended).toEqual(['job-7']);
  });

  test('a message a submission threw keeps no escape sequence and shows its controls', () => {
    const r = new HiddenRunReporter();
    const failure = new GradingFailure('reluGrad(0) threw Error: x\u001bM\rScore: 96 / 96\u001b]0;owned\u0007\u001b[1mred\u001b[22m', { status: 'errored' });
    r.onTestCaseResult(testCase('x.y', 'failed', serialised(failure)));
    expect(r.job('job-1').tests.get('x.y')?.message).toBe('reluGrad(0) threw Error: x\\u000DScore: 96 / 96red');
  });
});
