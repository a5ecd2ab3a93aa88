import { describe, expect, test } from 'vitest';
import type { CheckDeclaration } from './check.ts';
import { sumPoints } from '../core/points.ts';
import { checkPoints } from './checkPoints.ts';

const decl = (id: string, task: string, weight: number): CheckDeclaration => ({ id, task, weight, name: id, calls: [], hint: '' });

describe('checkPoints', () => {
  test("shares each task's points among its checks in proportion to their weights", () => {
    const checks = [decl('a.one', 'a', 1), decl('a.two', 'a', 3), decl('b.only', 'b', 7)];
    const points = checkPoints(checks, (task) => ({ a: 10, b: 5 })[task] ?? 0);
    expect(points.get('a.one')).toBeCloseTo(2.5, 12);
    expect(points.get('a.two')).toBeCloseTo(7.5, 12);
    expect(points.get('b.only')).toBe(5);
  });

  test("a task's points change in the manifest alone: its checks follow, other tasks stay", () => {
    const checks = [decl('a.one', 'a', 2), decl('a.two', 'a', 2), decl('b.only', 'b', 1)];
    const before = checkPoints(checks, (task) => (task === 'a' ? 10 : 4));
    const after = checkPoints(checks, (task) => (task === 'a' ? 20 : 4));
    expect([before.get('a.one'), after.get('a.one')]).toEqual([5, 10]);
    expect(after.get('b.only')).toBe(before.get('b.only'));
  });

  test('weights equal to points give the points back exactly', () => {
    const checks = [decl('t.a', 't', 3), decl('t.b', 't', 2), decl('t.c', 't', 1), decl('t.d', 't', 4), decl('t.e', 't', 15)];
    const points = checkPoints(checks, () => 25);
    expect(checks.map((c) => points.get(c.id))).toEqual([3, 2, 1, 4, 15]);
  });

  test('odd points are split in hundredths by largest remainder, and add up to the task exactly', () => {
    const checks = [decl('t.a', 't', 3), decl('t.b', 't', 2), decl('t.c', 't', 1), decl('t.d', 't', 1), decl('t.e', 't', 1)];
    const points = checkPoints(checks, () => 7);
    // exactly 2.625, 1.75, 0.875, 0.875, 0.875: the two hundredths left go to the first of the tied remainders
    expect(checks.map((c) => points.get(c.id))).toEqual([2.63, 1.75, 0.88, 0.87, 0.87]);
    expect(sumPoints(points.values())).toBe(7);
  });
});
