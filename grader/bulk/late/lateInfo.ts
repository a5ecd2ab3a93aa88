// Lateness against the deadline, with the manifest's late policy applied.
//
// - `none`: late work is flagged and keeps its score (refuse late work with
//   `accept-until` and penaltyPercent 100, or a deadline with --at-deadline);
// - `accept-until`: `penaltyPercent` off until `lateDeadline`, not accepted after;
// - `percent-per-day`: `percentPerDay` off per started day, not accepted after `maxDaysLate` days.
// Work not accepted counts as 0.
import { roundPoints } from '../../core/points.ts';
import type { LatePolicy } from '../../manifest/types.ts';
import type { LateInfo, Taken } from '../types.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export function lateInfo(submittedAt: Date | null, deadline: Date | null, policy: LatePolicy, laterCommitsIgnored = 0): LateInfo {
  if (!deadline) return { kind: 'unknown', reason: 'no deadline was set' };
  if (!submittedAt) return { kind: 'unknown', reason: 'a plain folder or archive carries no time of submission' };
  const base = { submittedAt: submittedAt.toISOString(), deadline: deadline.toISOString() };
  if (submittedAt.getTime() <= deadline.getTime()) return { kind: 'on-time', ...base, laterCommitsIgnored };
  const daysLate = Math.ceil((submittedAt.getTime() - deadline.getTime()) / DAY_MS);
  switch (policy.kind) {
    case 'none':
      return { kind: 'late', ...base, daysLate, penaltyPercent: 0, accepted: true, policy: 'no late policy: flagged only' };
    case 'accept-until': {
      const accepted = submittedAt.getTime() <= new Date(policy.lateDeadline).getTime();
      return {
        kind: 'late',
        ...base,
        daysLate,
        penaltyPercent: accepted ? policy.penaltyPercent : 100,
        accepted,
        policy: `${policy.penaltyPercent} % off until ${new Date(policy.lateDeadline).toISOString()}`,
      };
    }
    case 'percent-per-day': {
      const accepted = daysLate <= policy.maxDaysLate;
      return {
        kind: 'late',
        ...base,
        daysLate,
        penaltyPercent: accepted ? Math.min(100, daysLate * policy.percentPerDay) : 100,
        accepted,
        policy: `${policy.percentPerDay} % off per started day, up to ${policy.maxDaysLate} days`,
      };
    }
  }
}

/** The score once the policy is applied: rounded to a hundredth like the results' points. */
export function scoreAfterLate(earned: number, late: LateInfo): number {
  if (late.kind !== 'late') return earned;
  if (!late.accepted) return 0;
  return roundPoints(earned * (1 - late.penaltyPercent / 100));
}

/** A few words for the gradebook's `late` column: empty when unknown. */
export function lateText(late: LateInfo): string {
  if (late.kind === 'unknown') return '';
  if (late.kind === 'on-time')
    return late.laterCommitsIgnored > 0 ? `on time (${late.laterCommitsIgnored} later commit${late.laterCommitsIgnored === 1 ? '' : 's'} ignored)` : 'on time';
  const days = `${late.daysLate} day${late.daysLate === 1 ? '' : 's'} late`;
  return late.accepted ? `${days}, -${late.penaltyPercent} %` : `${days}, not accepted`;
}

/** Whether a state was handed in on time or late; null when unknown. */
export function takenOf(late: LateInfo): Taken | null {
  return late.kind === 'unknown' ? null : late.kind;
}
