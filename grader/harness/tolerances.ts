// Named tolerances. Student and reference may add the same numbers in a
// different order, so values are compared relative to their size.

/** values computed the same way up to summation order */
export const VALUE_TOLERANCE = 1e-9;
/**
 * central differences against exact gradients, away from kinks, entry by
 * entry as in close(): absolute below 1, so an entry that sums to about 0
 * (where a purely relative error explodes) does not fail correct code
 */
export const GRADIENT_CHECK_TOLERANCE = 1e-6;
/** a point on a chord of an affine function */
export const AFFINE_TOLERANCE = 1e-9;

/**
 * |a - b| <= tol * max(1, |a|, |b|); -0 equals 0. An infinite or NaN value is
 * close only to itself: relative to an infinite size, any difference would pass.
 */
export function close(a: number, b: number, tol = VALUE_TOLERANCE): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
  return Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Compares nested arrays/objects of numbers. Returns null when they agree, else
 * the path of the first difference ("dW1[1][0]") for the failure message.
 */
export function firstDifference(actual: unknown, expected: unknown, tol = VALUE_TOLERANCE, path = ''): string | null {
  if (typeof expected === 'number') {
    return typeof actual === 'number' && close(actual, expected, tol) ? null : path || 'value';
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${path || 'value'} (not an array)`;
    if (actual.length !== expected.length) return `${path || 'value'} (length ${actual.length}, expected ${expected.length})`;
    for (let i = 0; i < expected.length; i++) {
      const d = firstDifference(actual[i], expected[i], tol, `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return `${path || 'value'} (not an object)`;
    for (const key of Object.keys(expected)) {
      const d = firstDifference((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], tol, path ? `${path}.${key}` : key);
      if (d) return d;
    }
    return null;
  }
  return Object.is(actual, expected) || actual === expected ? null : path || 'value';
}
