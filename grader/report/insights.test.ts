import { describe, expect, test } from 'vitest';
import type { TestResult } from '../results/types.ts';
import { compileInsight, insights, timedOutInsight } from './insights.ts';

const texts = (xs: { text: string }[]): string[] => xs.map((i) => i.text);
const t = (p: Partial<TestResult>): TestResult => ({
  id: 'x.y',
  name: 'n',
  task: 'tables',
  status: 'passed',
  earned: 1,
  possible: 1,
  visibility: 'visible',
  hint: '',
  durationMs: 1,
  ...p,
});

describe('insights from test outcomes', () => {
  test('timed-out tests suggest a loop that never ends', () => {
    expect(texts(timedOutInsight([t({ status: 'timed-out', name: 'run ends' })]))[0]).toMatch(/^One test stopped at the time limit \(“run ends”\)/);
    expect(timedOutInsight([t({})])).toEqual([]);
  });

  test('a file that did not compile: what it cost and where to start', () => {
    const out = compileInsight(
      [
        { file: 'exercises/tables.ts', line: 9, column: 2, message: 'later' },
        { file: 'exercises/tables.ts', line: 3, column: 7, message: 'first' },
      ],
      [t({ status: 'not-run', possible: 5, earned: 0 }), t({ status: 'not-run', possible: 10, earned: 0 })],
      [{ id: 'tables', title: 'Tables', earned: 0, possible: 25, file: 'exercises/tables.ts' }],
    );
    expect(texts(out)).toEqual([
      'exercises/tables.ts did not compile, so 2 tests (15 points) could not run. Start with the first error, at line 3, column 7: “first” Later errors often follow from it.',
    ]);
  });
});

test("the assignment's insights come between compile errors and time-outs, given the plots and the shown tests", () => {
  const seen: unknown[] = [];
  const shownTests = [t({ status: 'timed-out' })];
  const out = insights({
    plots: { mine: 1 },
    shownTests,
    tasks: [{ id: 'tables', title: 'Tables', earned: 0, possible: 1, file: 'exercises/tables.ts' }],
    diagnostics: [{ file: 'exercises/tables.ts', line: 1, column: 1, message: 'x' }],
    hooks: {
      insights: (input) => {
        seen.push(input);
        return [{ id: 'own', text: 'noticed' }];
      },
    },
  });
  expect(out.map((i) => i.id)).toEqual(['compile', 'own', 'timed-out']);
  expect(seen).toEqual([{ plots: { mine: 1 }, shownTests }]);
});
