// Times as text that reads the same wherever a report or summary is made.

/** A date as `2026-11-26 22:15 UTC`; text that is not a date is returned as it is. */
export function formatUtc(date: Date | string): string {
  const d = typeof date === 'string' ? new Date(date) : date;
  if (Number.isNaN(d.getTime())) return String(date);
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A duration as `850 ms` or `2.1 s`; `—` for one that is not a duration. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
