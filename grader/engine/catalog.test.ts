import { describe, expect, test } from 'vitest';
import { check } from '../assignment/check.ts';
import type { Manifest } from '../manifest/types.ts';
import { catalogOf } from './catalog.ts';

const manifest = {
  path: '/m/assignment.json',
  tasks: [
    { id: 'a', title: 'A', points: 10, file: 'exercises/a.ts' },
    { id: 'b', title: 'B', points: 6, file: 'exercises/b.ts' },
  ],
} as Manifest;

const declared = (id: string, task: string, weight: number, visibility?: 'hidden') =>
  check({ id, task, name: id, weight, calls: ['f'], hint: 'h', ...(visibility ? { visibility } : {}) }, async () => {});

describe('catalogOf', () => {
  test("shares each task's manifest points among its checks by weight, in the hidden face's order, without their bodies", () => {
    const catalog = catalogOf(
      { checks: [declared('b.one', 'b', 1), declared('a.big', 'a', 3), declared('a.small', 'a', 1, 'hidden'), declared('b.two', 'b', 2)] },
      manifest,
    );
    expect(catalog.map((c) => [c.id, c.points])).toEqual([
      ['b.one', 2],
      ['a.big', 7.5],
      ['a.small', 2.5],
      ['b.two', 4],
    ]);
    expect(catalog[2]).toEqual({ id: 'a.small', task: 'a', name: 'a.small', weight: 1, calls: ['f'], visibility: 'hidden', hint: 'h', points: 2.5 });
    expect(catalog.some((c) => 'run' in c)).toBe(false);
  });

  test('carries a check’s optional formula, the second hint, and adds none to a check without one', () => {
    const withFormula = check({ id: 'a.f', task: 'a', name: 'f', weight: 1, calls: ['f'], hint: 'h', formula: 'f(x) = 2 x' }, async () => {});
    const [carried, plain] = catalogOf({ checks: [withFormula, declared('a.g', 'a', 1)] }, manifest);
    expect(carried.formula).toBe('f(x) = 2 x');
    expect('formula' in plain).toBe(false);
  });

  test('a check whose task the manifest does not list is refused, naming it and the tasks there are', () => {
    expect(() => catalogOf({ checks: [declared('a.one', 'a', 1), declared('c.stray', 'c', 1)] }, manifest)).toThrow(
      expect.objectContaining({ code: 'assignment-invalid', message: expect.stringMatching(/check c\.stray belongs to task "c".*\(a, b\)/) }),
    );
  });
});
