import { describe, expect, test } from 'vitest';
import { lateInfo, lateText, scoreAfterLate } from './lateInfo.ts';

const deadline = new Date('2026-03-01T12:00:00Z');
const at = (iso: string) => new Date(iso);

describe('lateInfo', () => {
  test('unknown without a deadline or a time of submission', () => {
    expect(lateInfo(at('2026-03-05T00:00:00Z'), null, { kind: 'none' }).kind).toBe('unknown');
    expect(lateInfo(null, deadline, { kind: 'none' }).kind).toBe('unknown');
  });

  test('on time at the deadline itself, with the later commits counted', () => {
    expect(lateInfo(deadline, deadline, { kind: 'none' }, 2)).toEqual({
      kind: 'on-time',
      submittedAt: deadline.toISOString(),
      deadline: deadline.toISOString(),
      laterCommitsIgnored: 2,
    });
    expect(lateText(lateInfo(deadline, deadline, { kind: 'none' }, 2))).toBe('on time (2 later commits ignored)');
    expect(lateText(lateInfo(deadline, deadline, { kind: 'none' }))).toBe('on time');
    expect(lateText(lateInfo(null, deadline, { kind: 'none' }))).toBe('');
  });

  test('a minute late is one started day; policy none flags without penalty', () => {
    const late = lateInfo(at('2026-03-01T12:01:00Z'), deadline, { kind: 'none' });
    expect(late).toMatchObject({ kind: 'late', daysLate: 1, penaltyPercent: 0, accepted: true });
    expect(scoreAfterLate(80, late)).toBe(80);
    expect(lateText(late)).toBe('1 day late, -0 %');
  });

  test('accept-until: the penalty until the late deadline, refused after', () => {
    const policy = { kind: 'accept-until', lateDeadline: '2026-03-03T12:00:00Z', penaltyPercent: 25 } as const;
    const inWindow = lateInfo(at('2026-03-02T00:00:00Z'), deadline, policy);
    expect(scoreAfterLate(80, inWindow)).toBe(60);
    const after = lateInfo(at('2026-03-03T12:00:01Z'), deadline, policy);
    expect(after).toMatchObject({ accepted: false, penaltyPercent: 100 });
    expect(scoreAfterLate(80, after)).toBe(0);
    expect(lateText(after)).toBe('3 days late, not accepted');
  });

  test('percent-per-day: per started day, refused past maxDaysLate', () => {
    const policy = { kind: 'percent-per-day', percentPerDay: 10, maxDaysLate: 3 } as const;
    expect(scoreAfterLate(90, lateInfo(at('2026-03-03T11:00:00Z'), deadline, policy))).toBe(72);
    expect(lateInfo(at('2026-03-04T12:00:00Z'), deadline, policy)).toMatchObject({ daysLate: 3, penaltyPercent: 30, accepted: true });
    expect(lateInfo(at('2026-03-04T12:00:01Z'), deadline, policy)).toMatchObject({ daysLate: 4, accepted: false });
  });
});
