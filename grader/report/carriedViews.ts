// The report's account of mistakes charged once (error carried forward): for
// each wrong upstream function, the checks that kept their points because
// they are right for the values it computes, and where it is wrong.
import { formatNumber } from '../core/formatValue.ts';
import { sumPoints } from '../core/points.ts';
import { rootCauses } from '../results/rootCause.ts';
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

/**
 * One view per wrong function at the root of the shown tests' carried notes,
 * in the order first met: a check right for the values of a function that is
 * itself right for a wrong one's (numericalGradient through mseLoss through
 * forward) counts under the wrong one.
 */
export function carriedViews(shown: readonly TestResult[]): CarriedView[] {
  const roots = rootCauses(shown);
  const byRoot = new Map<string, TestResult[]>();
  for (const t of shown) {
    if (t.status !== 'passed' || !t.carriedForward) continue;
    const root = roots.get(t.carriedForward.upstream) ?? t.carriedForward.upstream;
    byRoot.set(root, [...(byRoot.get(root) ?? []), t]);
  }
  return [...byRoot].map(([root, tests]) => {
    const functions = [...new Set(tests.map((t) => t.carriedForward!.function))];
    const through = [...new Set(tests.map((t) => t.carriedForward!.upstream))].filter((u) => u !== root);
    const pointsKept = sumPoints(tests.map((t) => t.earned));
    const verb = functions.length === 1 ? 'is' : 'are';
    const their = functions.length === 1 ? 'its' : 'their';
    const via = through.length > 0 ? ` (some through your ${listed(through)}, right for those values too)` : '';
    const direct = tests.find((t) => t.carriedForward!.upstream === root) ?? tests[0];
    return {
      upstream: root,
      sentence:
        `Your ${listed(functions)} ${verb} right for the values your ${root} computes${via}, so ${their} ${formatNumber(pointsKept)} ` +
        `${pointsKept === 1 ? 'point stands' : 'points stand'}: the mistake is charged once, where it is. ${root} itself is wrong:`,
      wrongAt: direct.carriedForward!.wrongAt,
      kept: tests.map((t) => t.name),
    };
  });
}
