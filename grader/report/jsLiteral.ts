// A value as JavaScript source that evaluates to the same value exactly
// (-0, NaN and full precision kept), or null when it has no literal form.

export function jsLiteral(value: unknown): string | null {
  if (typeof value === 'number') {
    if (Object.is(value, -0)) return '-0';
    if (Number.isNaN(value)) return 'NaN';
    if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
    return String(value);
  }
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'boolean' || value === null) return String(value);
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) {
    const items = value.map(jsLiteral);
    return items.some((i) => i === null) ? null : `[${items.join(', ')}]`;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const entries: string[] = [];
    for (const [k, v] of Object.entries(value)) {
      const literal = jsLiteral(v);
      if (literal === null) return null;
      entries.push(`${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${literal}`);
    }
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  }
  return null;
}
