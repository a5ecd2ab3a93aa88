// Compact, readable renderings of plain data for failure messages.

/** A number as a student would want to read it: 6 significant digits, -0 as -0. */
export function formatNumber(n: number): string {
  if (Object.is(n, -0)) return '-0';
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  return String(Number(n.toPrecision(6)));
}

/** Renders plain data (numbers, arrays, objects) compactly, cut at `max` characters. */
export function formatValue(value: unknown, max = 400): string {
  const text = render(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function render(value: unknown): string {
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return `[${value.map(render).join(', ')}]`;
  const entries = Object.entries(value).map(([k, v]) => `${k}: ${render(v)}`);
  return `{ ${entries.join(', ')} }`;
}

/** `backward(net, X, Y)` with the arguments written out. */
export function formatCall(name: string, args: readonly unknown[]): string {
  return `${name}(${args.map((a) => formatValue(a, 200)).join(', ')})`;
}
