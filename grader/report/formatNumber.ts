// Numbers as a student reads them: 6 significant digits, -0 shown as 0.

export function formatNumber(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  if (n === 0) return '0';
  const rounded = Number(n.toPrecision(6));
  return String(rounded === 0 ? 0 : rounded);
}
