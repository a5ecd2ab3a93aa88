import { expect, test } from 'vitest';
import { formatCall, formatNumber, formatValue } from './formatValue.ts';

test('numbers: 6 significant digits, whole numbers in full, -0 as -0, special values by name', () => {
  expect(formatNumber(0.1 + 0.2)).toBe('0.3');
  expect(formatNumber(-0)).toBe('-0');
  expect(formatNumber(0)).toBe('0');
  expect(formatNumber(-1e-300)).toBe('-1e-300');
  expect(formatNumber(1234567.89)).toBe('1234570');
  expect(formatNumber(123456789)).toBe('123456789');
  expect(formatNumber(1e21)).toBe('1e+21');
  expect(formatNumber(3.14159265)).toBe('3.14159');
  expect(formatNumber(NaN)).toBe('NaN');
  expect(formatNumber(Infinity)).toBe('Infinity');
  expect(formatNumber(-Infinity)).toBe('-Infinity');
});

test('values: arrays, networks, strings and the rest', () => {
  expect(formatValue([[0.1 + 0.2, -0], [1 / 3]])).toBe('[[0.3, -0], [0.333333]]');
  expect(formatValue({ W1: [[1]], 'odd key': true })).toBe('{ W1: [[1]], "odd key": true }');
  expect(formatValue({})).toBe('{}');
  expect(formatValue([])).toBe('[]');
  expect(formatValue('dead')).toBe('"dead"');
  expect(formatValue('\u001b[2J')).toBe('"\\u001b[2J"');
  expect(formatValue(undefined)).toBe('undefined');
  expect(formatValue(null)).toBe('null');
  expect(formatValue(10n)).toBe('10n');
  expect(formatValue([function rng() {}, () => 0])).toBe('[[function rng], [function anonymous]]');
});

test('a call, each argument cut on its own', () => {
  expect(formatCall('relu', [-0])).toBe('relu(-0)');
  expect(formatCall('dense', [[[1, 2]], [0], [NaN]])).toBe('dense([[1, 2]], [0], [NaN])');
  expect(formatCall('sum', [new Array(100).fill(1), 2], 20)).toBe('sum([1, 1, 1, 1, 1, 1, 1… (an array of 100 items), 2)');
});

test('cycles and huge values do not run away, and a cut says where it fell', () => {
  const a: unknown[] = [1];
  a.push(a);
  expect(formatValue(a)).toBe('[1, [circular]]');
  // the same object twice is not a cycle
  const shared = [1];
  expect(formatValue([shared, shared])).toBe('[[1], [1]]');
  const long = formatValue(
    Array.from({ length: 2000 }, (_, i) => i),
    100,
  );
  expect(long).toMatch(/^\[0, 1, 2, .*… \(an array of 2000 items\)$/);
  expect(long.length).toBe(100 + '… (an array of 2000 items)'.length);
  expect(formatValue({ note: 'x'.repeat(50) }, 20)).toBe('{ note: "xxxxxxxxxxx…');
  // a flood is cut without its items being read past the cut
  let read = 0;
  const losses = new Proxy(new Array(1_000_000).fill(0.25), {
    get: (target, key, receiver) => {
      if (typeof key === 'string' && /^\d+$/.test(key)) read += 1;
      return Reflect.get(target, key, receiver);
    },
  });
  expect(formatValue({ losses }, 40)).toBe('{ losses: [0.25, 0.25, 0.25, 0.25, 0.25,… (an array of 1000000 items)');
  expect(read).toBeLessThan(10);
});
