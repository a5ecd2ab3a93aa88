import { expect, test } from 'vitest';
import { formatDuration, formatUtc } from './formatTime.ts';

test('dates in UTC to the minute, whatever the local zone; text that is not a date as it is', () => {
  expect(formatUtc('2026-11-26T22:15:59.999Z')).toBe('2026-11-26 22:15 UTC');
  expect(formatUtc(new Date(Date.UTC(2026, 0, 2, 3, 4)))).toBe('2026-01-02 03:04 UTC');
  expect(formatUtc('after the exam')).toBe('after the exam');
});

test('durations in ms below a second, in tenths of seconds above', () => {
  expect(formatDuration(849.6)).toBe('850 ms');
  expect(formatDuration(2_149)).toBe('2.1 s');
  expect(formatDuration(-1)).toBe('—');
  expect(formatDuration(NaN)).toBe('—');
});
