// A check whose own claim code that does no work can satisfy (a function that
// always throws "throws on bad shapes"; an empty list "reports no unit with a
// gradient") pays only together with a property that the function does its
// job. That property runs after the check's own claim, so a student whose
// claim is wrong reads about the claim first; its failure keeps its
// counterexample (seed and path) and says why it costs this check.
import { GradingFailure } from './GradingFailure.ts';

/**
 * Share of the job's runs for a property that only has to show that a
 * function works (its generators are chosen so each drawn value tells a
 * constant, an empty answer or a throw from the real thing): the minimum of
 * 10 runs at 100. The check's own claim keeps its runs; the function's full
 * behaviour is its *-matches-reference check's business.
 */
export const CONDITION_SHARE = 0.1;

/**
 * Runs `works`; a GradingFailure from it is thrown again with `condition`
 * ("dense also computes W x + b on layers that fit") appended to its message,
 * its details (status, observed values, counterexample) unchanged.
 */
export async function provided(condition: string, works: () => Promise<void>): Promise<void> {
  try {
    await works();
  } catch (e) {
    if (!(e instanceof GradingFailure)) throw e;
    throw new GradingFailure(`${e.message} (this check pays only when ${condition})`, e.details);
  }
}
