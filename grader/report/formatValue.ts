// Any observed value (number, array, network, string) as short readable text,
// numbers rounded by formatNumber. Long values are cut with a note.
import { formatNumber } from './formatNumber.ts';

const MAX_LENGTH = 1200;

export function formatValue(value: unknown): string {
  const full = render(value, new Set());
  return full.length > MAX_LENGTH ? `${full.slice(0, MAX_LENGTH)}… (${full.length - MAX_LENGTH} more characters)` : full;
}

function render(value: unknown, seen: Set<unknown>): string {
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value === null || typeof value === 'boolean' || value === undefined) return String(value);
  if (typeof value !== 'object') return String(value);
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  try {
    if (Array.isArray(value)) return `[${value.map((v) => render(v, seen)).join(', ')}]`;
    const entries = Object.entries(value).map(([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${render(v, seen)}`);
    return `{ ${entries.join(', ')} }`.replace('{  }', '{}');
  } finally {
    seen.delete(value);
  }
}
