// The report's account of mistakes charged once (error carried forward): for
// each wrong upstream function, the checks that kept their points because
// they are right for the values it computes, and where it is wrong.
import { formatNumber } from '../core/formatValue.ts';
import { sumPoints } from '../core/points.ts';
import type { TestResult } from '../results/types.ts';

export interface CarriedView {
  /** the wrong upstream function: "forward" */
  upstream: string;
  /** "Your mseLoss and backward are right for the values your forward computes, so their 13 points stand; forward itself is wrong:" */
  sentence: string;
  /** where: "forward({…}, [1]) returned {…}, expected {…}" */
  wrongAt: string;
  /** the checks that kept their points, by name */
  kept: string[];
}

/** "a", "a and b", "a, b and c" */
function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** One view per wrong upstream function among the shown tests that passed on carried values, in the order first met. */
export function carriedViews(shown: readonly TestResult[]): CarriedView[] {
  const byUpstream = new Map<string, TestResult[]>();
  for (const t of shown) {
    if (t.status !== 'passed' || !t.carriedForward) continue;
    const list = byUpstream.get(t.carriedForward.upstream) ?? [];
    list.push(t);
    byUpstream.set(t.carriedForward.upstream, list);
  }
  return [...byUpstream].map(([upstream, tests]) => {
    const functions = [...new Set(tests.map((t) => t.carriedForward!.function))];
    const pointsKept = sumPoints(tests.map((t) => t.earned));
    const verb = functions.length === 1 ? 'is' : 'are';
    const their = functions.length === 1 ? 'its' : 'their';
    return {
      upstream,
      sentence:
        `Your ${listed(functions)} ${verb} right for the values your ${upstream} computes, so ${their} ${formatNumber(pointsKept)} ` +
        `${pointsKept === 1 ? 'point stands' : 'points stand'}: the mistake is charged once, where it is. ${upstream} itself is wrong:`,
      wrongAt: tests[0].carriedForward!.wrongAt,
      kept: tests.map((t) => t.name),
    };
  });
}
