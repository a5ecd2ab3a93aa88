import { expect, test } from 'vitest';
import { formatNumber } from './formatNumber.ts';
import { formatValue } from './formatValue.ts';

test('numbers: 6 significant digits, -0 as 0, special values by name', () => {
  expect(formatNumber(0.1 + 0.2)).toBe('0.3');
  expect(formatNumber(-0)).toBe('0');
  expect(formatNumber(-1e-300)).toBe('-1e-300');
  expect(formatNumber(1234567.89)).toBe('1234570');
  expect(formatNumber(3.14159265)).toBe('3.14159');
  expect(formatNumber(NaN)).toBe('NaN');
  expect(formatNumber(-Infinity)).toBe('-Infinity');
});

test('values: arrays, networks, strings and the rest', () => {
  expect(formatValue([[0.1 + 0.2, -0], [1 / 3]])).toBe('[[0.3, 0], [0.333333]]');
  expect(formatValue({ W1: [[1]], 'odd key': true })).toBe('{ W1: [[1]], "odd key": true }');
  expect(formatValue({})).toBe('{}');
  expect(formatValue('dead')).toBe('"dead"');
  expect(formatValue(undefined)).toBe('undefined');
  expect(formatValue(null)).toBe('null');
});

test('cycles and huge values do not run away', () => {
  const a: unknown[] = [1];
  a.push(a);
  expect(formatValue(a)).toBe('[1, [circular]]');
  const long = formatValue(Array.from({ length: 2000 }, (_, i) => i));
  expect(long.length).toBeLessThan(1300);
  expect(long).toMatch(/… \(\d+ more characters\)$/);
});
