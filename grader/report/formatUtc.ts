// Dates as `2026-11-26 22:15 UTC`: the same text wherever the report is made.

export function formatUtc(date: Date | string): string {
  const d = typeof date === 'string' ? new Date(date) : date;
  if (Number.isNaN(d.getTime())) return String(date);
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
