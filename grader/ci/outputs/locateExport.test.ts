import { describe, expect, test } from 'vitest';
import { exportedNames, exportLine } from './locateExport.ts';

const source = [
  '// a comment mentioning export function relu',
  "import type { Network } from './types.ts';",
  '',
  'export function relu(z: number): number {',
  '  return z > 0 ? z : 0;',
  '}',
  '  export async function later() {}',
  'export const answers = { a: 1 };',
  'function helper() {}',
  'export function* gen() {}',
].join('\n');

describe('exportLine', () => {
  test('finds functions, async functions, generators and constants by name', () => {
    expect(exportLine(source, 'relu')).toBe(4);
    expect(exportLine(source, 'later')).toBe(7);
    expect(exportLine(source, 'answers')).toBe(8);
    expect(exportLine(source, 'gen')).toBe(10);
  });

  test('is null for a name that is not exported, or only mentioned in a comment', () => {
    expect(exportLine(source, 'helper')).toBeNull();
    expect(exportLine('// export function relu', 'relu')).toBeNull();
  });

  test('lists exports in file order', () => {
    expect(exportedNames(source).map((e) => e.name)).toEqual(['relu', 'later', 'answers', 'gen']);
  });
});
