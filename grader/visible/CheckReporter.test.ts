import { describe, expect, test } from 'vitest';
import { checkReport, FULL_FAILURES_PER_FILE } from './CheckReporter.ts';

const stub = (file: string, n: number) => ({
  file: `exercises/${file}.test.ts`,
  subject: `exercises/${file}.ts`,
  passed: 0,
  failures: Array.from({ length: n }, (_, i) => ({ name: `${file} ${i}`, message: `not implemented: ${file}`, at: null })),
  guide: `exercises/README.md#1-${file}`,
});

describe('the report of npm run check', () => {
  test('untouched stubs: a few lines that say where to start', () => {
    const lines = checkReport([stub('activations', 9), stub('forward', 10)], false);
    expect(lines).toEqual([
      'relu-lab check: 19 visible tests, none passing yet.',
      'Nothing implemented yet: every function still throws "not implemented".',
      'Start with exercises/activations.ts (lesson: exercises/README.md#1-activations), then run npm run check again after each function you write.',
    ]);
  });

  test('later: per file, untouched files one line, the first failures in full and the rest one line each', () => {
    const failing = {
      file: 'exercises/backprop.test.ts',
      subject: 'exercises/backprop.ts',
      passed: 2,
      failures: Array.from({ length: FULL_FAILURES_PER_FILE + 2 }, (_, i) => ({
        name: `backward ${i}`,
        message: `expected ${i} to be 0\nsecond line`,
        at: `exercises/backprop.test.ts:${10 + i}:5`,
      })),
      guide: null,
    };
    const passing = { ...stub('activations', 0), passed: 9 };
    const lines = checkReport([passing, failing, stub('training', 11)], false);
    expect(lines[0]).toBe('✓ exercises/activations.test.ts  9 of 9 passed');
    expect(lines[1]).toBe(`✗ exercises/backprop.test.ts  ${FULL_FAILURES_PER_FILE + 2} of ${FULL_FAILURES_PER_FILE + 4} did not pass`);
    expect(lines).toContain('        expected 0 to be 0');
    expect(lines).toContain('        second line');
    expect(lines).toContain('        at exercises/backprop.test.ts:10:5');
    expect(lines).toContain(`    ✗ backward ${FULL_FAILURES_PER_FILE}  expected ${FULL_FAILURES_PER_FILE} to be 0`);
    expect(lines).toContain('✗ exercises/training.ts  not implemented yet (11 tests)');
    expect(lines).toContain('27 visible tests: 11 passed, 16 did not.');
  });

  test('counts as npm run grade does: a file that cannot run is one failed test; files of no task are run, shown and not counted', () => {
    const broken = {
      file: 'exercises/forward.test.ts',
      subject: 'exercises/forward.ts',
      passed: 0,
      failures: [{ name: 'exercises/forward.test.ts runs', message: 'exercises/forward.test.ts could not run: SyntaxError', at: null }],
      guide: null,
    };
    const extra = { ...stub('experiments', 0), passed: 5 };
    const graded = new Set(['exercises/activations.test.ts', 'exercises/forward.test.ts']);
    const lines = checkReport([{ ...stub('activations', 0), passed: 9 }, broken, extra], false, graded);
    expect(lines).toContain('10 visible tests: 9 passed, 1 did not.');
    expect(lines.join('\n')).toContain('npm run grade counts the same 10 (a test file that cannot run counts as one failed test)');
    expect(lines.at(-1)).toBe('5 more tests in exercises/experiments.test.ts: run here, not counted by npm run grade (no task has that file).');
  });
});
