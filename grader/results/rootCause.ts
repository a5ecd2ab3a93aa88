// The root cause of a mistake carried forward. A check's note names only the
// function right before it (numericalGradient is right for the values the
// student's mseLoss computes); when that function is itself right for the
// values of another (mseLoss for forward's), the mistake is that other's.
import type { TestResult } from './types.ts';

/** For each upstream function named by the passed tests' carriedForward notes, the function at the root of its chain. */
export function rootCauses(tests: readonly TestResult[]): Map<string, string> {
  const upstreamOf = new Map<string, string>();
  for (const t of tests) {
    if (t.status === 'passed' && t.carriedForward && !upstreamOf.has(t.carriedForward.function)) {
      upstreamOf.set(t.carriedForward.function, t.carriedForward.upstream);
    }
  }
  const roots = new Map<string, string>();
  for (const upstream of new Set(upstreamOf.values())) {
    let root = upstream;
    const seen = new Set([root]);
    // a function right for another's values: follow it, never round a cycle
    while (upstreamOf.has(root) && !seen.has(upstreamOf.get(root)!)) {
      root = upstreamOf.get(root)!;
      seen.add(root);
    }
    roots.set(upstream, root);
  }
  return roots;
}
