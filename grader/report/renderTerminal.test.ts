import { describe, expect, test } from 'vitest';
import type { ResultsDocument, TestResult } from '../results/types.ts';
import { sampleAssignment, sampleDocument, sampleResults, sampleTest } from './fixtures/sample-results.ts';
import { FULL_FAILURES_PER_TASK, renderTerminal } from './renderTerminal.ts';

const sampleDoc = (): ResultsDocument => structuredClone(sampleResults);
const render = (doc = sampleDoc(), color = false) =>
  renderTerminal(doc, { color, audience: 'instructor', now: new Date('2026-01-02T00:00:00Z'), deadline: null, assignment: sampleAssignment });

describe('renderTerminal with text a submission chose', () => {
  test('a multi-line message or name cannot print a line of its own at the left margin', () => {
    const doc = sampleDoc();
    doc.submission.name = 'alice\nScore: 100 / 100';
    const failing = doc.tests.find((t) => t.status === 'failed')!;
    failing.message = 'wrong\nScore: 96 / 96\n\nTasks';
    const lines = render(doc).split('\n');
    expect(lines.filter((l) => l.startsWith('Score:'))).toEqual([`Score: ${doc.score.earned} / ${doc.score.possible} points`]);
    expect(lines.filter((l) => l === 'Tasks')).toHaveLength(1);
    expect(lines[0]).toBe('relu-lab report: alice\\u000AScore: 100 / 100');
    expect(lines).toContain('      wrong');
    expect(lines).toContain('      Score: 96 / 96');
  });

  test('with colour on, the only escape sequences are its own colours', () => {
    const doc = sampleDoc();
    doc.tests.find((t) => t.status === 'failed')!.message = 'x\u001bM\r\u001b]0;title\u0007\u001b]52;c;eA==\u0007\u001b[8mhidden';
    const text = render(doc, true);
    // eslint-disable-next-line no-control-regex
    expect(text.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
    expect(text).toContain('x\\u000Dhidden');
  });
});

const student = (doc: ResultsDocument) =>
  renderTerminal(doc, { color: false, audience: 'student', now: new Date('2026-01-02T00:00:00Z'), deadline: null, assignment: sampleAssignment });

/** A run of the visible tests: `signs` and `parsing`, each test's fate given, and 2 withheld checks of parsing (3 points). */
function visibleRun(signs: TestResult['status'][], parsing: TestResult['status'][], message = 'expected 1 to be 0'): ResultsDocument {
  const tests = [
    ...signs.map((status, i) =>
      sampleTest({ id: `signs.visible.t${i}`, name: `sign test ${i}`, task: 'signs', possible: 1, status, ...(status === 'passed' ? {} : { message }) }),
    ),
    ...parsing.map((status, i) =>
      sampleTest({ id: `parsing.visible.t${i}`, name: `parse test ${i}`, task: 'parsing', possible: 1, status, ...(status === 'passed' ? {} : { message }) }),
    ),
    sampleTest({
      id: 'parsing.withheld-1',
      name: 'a check',
      task: 'parsing',
      possible: 1.5,
      status: 'not-run',
      visibility: 'after_due_date',
      message: 'not run here',
    }),
    sampleTest({
      id: 'parsing.withheld-2',
      name: 'a check',
      task: 'parsing',
      possible: 1.5,
      status: 'not-run',
      visibility: 'after_due_date',
      message: 'not run here',
    }),
  ];
  const doc = sampleDocument({
    tasks: [
      ['signs', 'Signs'],
      ['parsing', 'Parsing'],
    ],
    tests,
    notCompiled: '',
    diagnostics: [],
  });
  return { ...doc, diagnostics: [], suite: 'visible' };
}

describe('renderTerminal of a run of the visible tests', () => {
  test('the score line counts the checks graded later beside the visible points, never a bare total', () => {
    const text = student(visibleRun(['passed', 'passed'], ['passed']));
    expect(text).toContain('Score: visible tests 3 / 3 · 2 hidden checks (3 points) are graded after the deadline\n');
    expect(text).toContain('All 3 visible tests passed.');
    expect(text).not.toMatch(/Score: \d+ \/ \d+ points/);
  });

  test('untouched stubs: a few lines that say where to start', () => {
    const text = student(visibleRun(['failed', 'failed'], ['failed'], 'not implemented: sign'));
    expect(text.trimEnd().split('\n').slice(3)).toEqual([
      'Score: visible tests 0 / 3 · 2 hidden checks (3 points) are graded after the deadline',
      '',
      'Nothing implemented yet: every function still throws "not implemented".',
      'Start with exercises/signs.ts, then run this again after each function you write.',
      '3 visible tests wait for your code, task by task.',
    ]);
  });

  test('later: an untouched file is one line; of a task the first failures are in full and the rest one line each', () => {
    const many = Array.from({ length: FULL_FAILURES_PER_TASK + 2 }, () => 'failed' as const);
    const text = student(visibleRun(['passed', ...many], ['failed'], 'not implemented: parse'));
    expect(text).toContain('  ✗ not implemented yet  exercises/parsing.ts  1 test · Parsing');
    expect(text.match(/^ {2}✗ failed {2}sign test/gm)).toHaveLength(FULL_FAILURES_PER_TASK);
    expect(text).toContain('  2 more in exercises/signs.ts (in full in report.html)');
    expect(text).toMatch(/^ {4}✗ sign test \d+ {2}0 \/ 1 · not implemented: parse$/m);
  });
});

describe('renderTerminal of the graded checks on untouched stubs', () => {
  test('says where to start, and what is withheld', () => {
    const doc = visibleRun(['failed'], ['failed'], 'sign(1) threw Error: not implemented: sign');
    delete doc.suite;
    const lines = student(doc).trimEnd().split('\n').slice(3);
    expect(lines[0]).toBe('Score: 0 / 2 points on visible tests');
    expect(lines[1]).toBe('  2 hidden tests (3 points) are shown after the deadline');
    expect(lines).toContain('2 tests wait for your code, task by task.');
  });
});

describe('renderTerminal of values that are not the reference', () => {
  test("a comparison of two of the student's own functions says whose value is whose", () => {
    const doc = sampleDoc();
    const failing = doc.tests.find((t) => t.id === 'signs.sign-at-zero')!;
    failing.observed = { actual: 1, expected: 2, actualLabel: 'your backward', expectedLabel: 'your numericalGradient' };
    const text = render(doc);
    expect(text).toContain('      your backward:          1\n      your numericalGradient: 2\n');
  });
});

describe('renderTerminal of checks passed on the student’s own upstream values', () => {
  test('says which mistake was counted once, and where the wrong function is wrong', () => {
    const doc = sampleDoc();
    const passed = doc.tests.find((t) => t.status === 'passed')!;
    passed.carriedForward = { function: 'backward', upstream: 'forward', wrongAt: 'forward({…}, [1]) returned { z1: [1] }, expected { z1: [0] }' };
    const text = render(doc);
    expect(text).toContain('Mistakes counted once');
    expect(text).toMatch(
      /• Your backward is right for the values your forward computes, so its [\d.]+ points? stands?: .* forward itself is wrong: forward\(\{…\}, \[1\]\) returned/,
    );
  });
});
