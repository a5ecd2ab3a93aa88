// Tests a student may not see yet, counted by why, each group as a clause:
// "12 hidden tests (40 points) are shown after the deadline". Never a name.
import type { TestResult } from '../results/types.ts';
import { formatUtc } from '../core/formatTime.ts';
import { formatNumber } from '../core/formatValue.ts';
import type { WithheldGroupView } from './ReportView.ts';

const ORDER = ['hidden', 'after_due_date', 'after_published'] as const;

export function withheldGroups(withheld: TestResult[], deadline: Date | null): WithheldGroupView[] {
  return ORDER.flatMap((visibility) => {
    const tests = withheld.filter((t) => t.visibility === visibility);
    if (tests.length === 0) return [];
    const count = tests.length;
    const points = tests.reduce((a, t) => a + t.possible, 0);
    const what = `${count} hidden ${count === 1 ? 'test' : 'tests'} (${formatNumber(points)} ${points === 1 ? 'point' : 'points'})`;
    const are = count === 1 ? 'is' : 'are';
    const when =
      visibility === 'hidden'
        ? `count${count === 1 ? 's' : ''} toward your grade but ${are} not shown`
        : visibility === 'after_due_date'
          ? `${are} shown after the deadline${deadline ? ` (${formatUtc(deadline)})` : ''}`
          : `${are} shown when grades are published`;
    return [{ visibility, count, points, text: `${what} ${when}` }];
  });
}
